#include "forms/response_session.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <random>
#include <set>

#include "forms/answer_text.h"
#include "forms/answer_value.h"
#include "forms/clock.h"
#include "forms/i18n.h"

namespace focal {

const char* answerStatusKey(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::Ok:
      return "ok";
    case AnswerStatus::RequiredButEmpty:
      return "required";
    case AnswerStatus::ConstraintViolated:
      return "constraint";
    case AnswerStatus::Invalid:
      return "invalid";
    case AnswerStatus::NotRelevant:
      return "not_relevant";
    case AnswerStatus::Refused:
      return "refused";
  }
  return "ok";
}

const char* problemKindKey(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::RequiredButEmpty:
      return "required";
    case ProblemKind::ConstraintViolated:
      return "constraint";
    case ProblemKind::Invalid:
      return "invalid";
    case ProblemKind::TooFewRecords:
      return "too_few_records";
    case ProblemKind::CarriedForwardPending:
      return "carried_forward";
    case ProblemKind::Warning:
      return "warning";
  }
  return "required";
}

// Reads answers for expressions: in the record `key` of the repeat an
// expression belongs to, and `self` for constraints.
class SessionContext : public expr::Context {
 public:
  SessionContext(const ResponseSession& s, int self, std::string key)
      : s_(s), self_(self), key_(std::move(key)) {}

  expr::Value value(std::string_view path) const override {
    auto slash = path.find('/');
    const std::string id(path.substr(0, slash));
    int index = s_.questionnaire_->indexOf(id);
    if (index < 0) return std::monostate{};
    const Question& q = s_.questionnaire_->questions[index];
    const std::string key = q.repeat >= 0 ? key_ : std::string();
    if (q.repeat >= 0 && key.empty()) return std::monostate{};
    const std::string base = s_.recordKeyPath(index, key);
    const ResponseSession::State* state = s_.stateOf(base);
    if (!state || !state->relevant) return std::monostate{};
    if (q.type == QuestionType::Calculate) return state->calculated;
    if (q.type == QuestionType::Table && slash != std::string_view::npos)
      return cell(q, base, path.substr(slash + 1));
    if (slash != std::string_view::npos)
      return expressionValue(q, s_.value(base + std::string(path.substr(slash))));
    if (q.type == QuestionType::Legislation) return expressionValue(q, s_.value(base + "/title"));
    return expressionValue(q, s_.value(base));
  }

  std::vector<expr::Value> values(std::string_view id) const override {
    std::vector<expr::Value> out;
    int index = s_.questionnaire_->indexOf(std::string(id));
    if (index < 0) return out;
    const Question& q = s_.questionnaire_->questions[index];
    if (q.type == QuestionType::Table) {
      const ResponseSession::State* state = s_.stateOf(q.id);
      if (!state || !state->relevant) return out;
      // The cells the table's total adds: sum(${t}) is ${t/total/total}.
      for (std::size_t i = 0; i < q.rows.size(); ++i)
        for (std::size_t j = 0; j < q.columns.size(); ++j)
          if (addsToTableTotal(q, i, j))
            out.push_back(expressionValue(q, s_.value(partPath(q.id, q.rows[i].id, q.columns[j].id))));
      return out;
    }
    if (q.repeat < 0) return out;
    const std::string& repeatId = s_.questionnaire_->questions[q.repeat].id;
    for (const auto& key : s_.records(repeatId)) {
      const std::string base = s_.recordKeyPath(index, key);
      const ResponseSession::State* state = s_.stateOf(base);
      if (!state || !state->relevant) {
        out.emplace_back(std::monostate{});
        continue;
      }
      if (q.type == QuestionType::Calculate)
        out.push_back(state->calculated);
      else if (q.type == QuestionType::Legislation)
        out.push_back(expressionValue(q, s_.value(base + "/title")));
      else
        out.push_back(expressionValue(q, s_.value(base)));
    }
    return out;
  }

  std::size_t recordCount(std::string_view repeatId) const override {
    const ResponseSession::State* state = s_.stateOf(std::string(repeatId));
    if (!state || !state->relevant) return 0;
    return s_.records(std::string(repeatId)).size();
  }

  expr::Value self() const override {
    if (self_ < 0) return std::monostate{};
    const Question& q = s_.questionnaire_->questions[self_];
    const std::string base = s_.recordKeyPath(self_, q.repeat >= 0 ? key_ : std::string());
    if (q.type == QuestionType::Legislation) return expressionValue(q, s_.value(base + "/title"));
    return expressionValue(q, s_.value(base));
  }

  std::string today() const override { return s_.today(); }

  std::size_t position(std::string_view repeatId) const override {
    if (key_.empty() || repeatId.empty()) return 0;
    const std::vector<std::string> keys = s_.records(std::string(repeatId));
    const auto it = std::find(keys.begin(), keys.end(), key_);
    return it == keys.end() ? 0 : static_cast<std::size_t>(it - keys.begin()) + 1;
  }

 private:
  // A cell "row/column", or a total: "total/column" adds up a column,
  // "row/total" a row, "total/total" the table. Unanswered cells are left
  // out; a total of no answered cell is unanswered.
  expr::Value cell(const Question& q, const std::string& base, std::string_view cellPath) const {
    const auto slash = cellPath.find('/');
    const std::string row(cellPath.substr(0, slash));
    const std::string column(slash == std::string_view::npos ? std::string_view()
                                                             : cellPath.substr(slash + 1));
    if (row != "total" && column != "total") return expressionValue(q, s_.value(partPath(base, row, column)));
    double sum = 0;
    bool any = false;
    for (std::size_t i = 0; i < q.rows.size(); ++i) {
      const auto& r = q.rows[i];
      if (row != "total" && r.id != row) continue;
      for (std::size_t j = 0; j < q.columns.size(); ++j) {
        const auto& c = q.columns[j];
        if (column != "total" && c.id != column) continue;
        // A row or column kept out of the totals (`in_total: false`) is left out of those crossing it.
        if (row == "total" && column == "total" ? !addsToTableTotal(q, i, j)
                                                : !addsToTotal(q, i, j, column == "total"))
          continue;
        const std::string v = s_.value(partPath(base, r.id, c.id));
        const expr::Value x = v.empty() ? expr::Value() : expressionValue(q, v);
        if (const double* d = std::get_if<double>(&x)) {
          sum += *d;
          any = true;
        }
      }
    }
    return any ? expr::Value(sum) : expr::Value();
  }

  const ResponseSession& s_;
  int self_;
  std::string key_;
};

// Evaluates a choice_filter for one choice: `.` is that choice's value.
class ChoiceContext : public SessionContext {
 public:
  ChoiceContext(const ResponseSession& s, int question, std::string key, std::string choice)
      : SessionContext(s, question, std::move(key)), choice_(std::move(choice)) {}
  expr::Value self() const override { return choice_; }

 private:
  std::string choice_;
};

ResponseSession::ResponseSession(std::shared_ptr<const Questionnaire> questionnaire, std::string language)
    : questionnaire_(std::move(questionnaire)), language_(std::move(language)) {
  if (language_.empty()) language_ = questionnaire_->defaultLanguage();
  evaluateAll();
}

void ResponseSession::setLanguage(std::string language) {
  language_ = std::move(language);
  evaluateAll();  // constraint messages are in the session's language
  SessionChange change;
  for (const auto& q : questionnaire_->questions) change.questions.push_back(q.id);
  changes_.publish(change);
}

void ResponseSession::setToday(std::string today) {
  today_ = std::move(today);
  evaluateAll();
}

std::string ResponseSession::today() const {
  if (!today_.empty()) return today_;
  return localDate();
}

void ResponseSession::load(std::map<std::string, std::string> answers) {
  answers_ = std::move(answers);
  defaulted_.clear();
  std::erase_if(answers_, [](const auto& entry) { return entry.second.empty(); });
  relevanceOnly_ = false;
  evaluateAll();
  SessionChange change;
  for (const auto& q : questionnaire_->questions) change.questions.push_back(q.id);
  changes_.publish(change);
}

void ResponseSession::loadRelevance(std::map<std::string, std::string> answers) {
  answers_ = std::move(answers);
  defaulted_.clear();
  std::erase_if(answers_, [](const auto& entry) { return entry.second.empty(); });
  relevanceOnly_ = true;
  evaluateAll();
}

const std::vector<char>& ResponseSession::readByRelevance() {
  const auto& q = *questionnaire_;
  if (readByRelevance_.size() == q.questions.size()) return readByRelevance_;
  std::vector<char> read(q.questions.size(), 0);
  std::vector<int> calculations;
  auto reads = [&](const std::optional<CompiledExpression>& e) {
    if (!e || !e->compiled) return;
    for (const auto& id : e->compiled->references())
      if (const int index = q.indexOf(id); index >= 0 && !read[index]) {
        read[index] = 1;
        calculations.push_back(index);
      }
  };
  for (const auto& question : q.questions) reads(question.relevant);
  for (const auto& section : q.sections) reads(section.relevant);
  // A calculation read by a relevance reads in turn what it calculates from.
  while (!calculations.empty()) {
    const int index = calculations.back();
    calculations.pop_back();
    reads(q.questions[index].calculation);
  }
  readByRelevance_ = std::move(read);
  return readByRelevance_;
}

std::vector<AnswerWrite> ResponseSession::defaultWrites() const {
  std::vector<AnswerWrite> writes;
  for (const auto& q : questionnaire_->questions)
    if (!q.defaultValue.empty() && q.repeat < 0 && value(q.id).empty())
      writes.push_back({q.id, q.defaultValue});
  for (auto& w : computedDefaults()) writes.push_back(std::move(w));
  for (auto& w : repeatCountWrites()) writes.push_back(std::move(w));
  return writes;
}

std::optional<std::size_t> ResponseSession::repeatCountOf(int index) const {
  const Question& q = questionnaire_->questions[index];
  if (!q.repeatCount || !q.repeatCount->compiled || !isRelevant(q.id)) return std::nullopt;
  const expr::Value v = q.repeatCount->compiled->evaluate(SessionContext(*this, index, {}));
  const double* d = std::get_if<double>(&v);
  if (!d || !(*d >= 0)) return std::nullopt;
  const double capped = std::min(std::floor(*d), static_cast<double>(q.maxRecords ? q.maxRecords : 500));
  return static_cast<std::size_t>(capped);
}

std::vector<AnswerWrite> ResponseSession::repeatCountWrites() const {
  std::vector<AnswerWrite> writes;
  const auto& questions = questionnaire_->questions;
  for (int i = 0; i < static_cast<int>(questions.size()); ++i) {
    if (!questions[i].repeatCount || questions[i].repeat >= 0) continue;
    const auto count = repeatCountOf(i);
    if (!count || !value(withMark(questions[i].id, "status")).empty()) continue;
    auto keys = records(questions[i].id);
    if (keys.size() >= *count) continue;
    static std::mt19937 generator{std::random_device{}()};
    while (keys.size() < *count) {
      std::string key = fmt::format("r{:06x}", generator() & 0xFFFFFF);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    writes.push_back({questions[i].id, joinWords(keys)});
  }
  return writes;
}

bool ResponseSession::recordMatches(const std::string& repeatId, const std::string& key,
                                    const expr::Expression& condition) const {
  const int index = questionnaire_->indexOf(repeatId);
  if (index < 0) return false;
  return expr::truthy(condition.evaluate(SessionContext(*this, index, key)));
}

std::vector<std::string> ResponseSession::choicesShown(const std::string& questionPath) const {
  std::vector<std::string> shown;
  auto parsed = parseAnswerPath(questionPath);
  const int index = parsed ? questionnaire_->indexOf(parsed->question) : -1;
  if (index < 0) return shown;
  const Question& q = questionnaire_->questions[index];
  const bool filtered = q.choiceFilter && q.choiceFilter->compiled;
  for (const auto& choice : q.choices)
    if (!filtered || expr::truthy(q.choiceFilter->compiled->evaluate(
                         ChoiceContext(*this, index, parsed->recordKey, choice.value))))
      shown.push_back(choice.value);
  if (q.otherOption) shown.push_back("other");
  return shown;
}

std::optional<std::string> ResponseSession::computedDefault(int index, const std::string& key) const {
  const Question& q = questionnaire_->questions[index];
  if (!q.defaultExpression || !q.defaultExpression->compiled) return std::nullopt;
  const std::string path = recordKeyPath(index, key);
  if (defaulted_.count(path)) return std::nullopt;
  const State* state = stateOf(path);
  if (!state || !state->relevant || !value(path).empty() || !value(withMark(path, "status")).empty())
    return std::nullopt;
  const expr::Value v = q.defaultExpression->compiled->evaluate(SessionContext(*this, index, key));
  if (expr::isNull(v)) return std::nullopt;
  std::string text = expr::toString(v);
  if (const bool* b = std::get_if<bool>(&v))
    text = q.type == QuestionType::YesNo ? (*b ? "yes" : "no") : text;
  if (text.empty()) return std::nullopt;
  return text;
}

std::vector<AnswerWrite> ResponseSession::computedDefaults() const {
  std::vector<AnswerWrite> writes;
  const auto& questions = questionnaire_->questions;
  for (int i = 0; i < static_cast<int>(questions.size()); ++i) {
    if (!questions[i].defaultExpression) continue;
    if (questions[i].repeat < 0) {
      if (auto text = computedDefault(i, {})) writes.push_back({questions[i].id, *text});
    } else {
      for (const auto& key : records(questions[questions[i].repeat].id))
        if (auto text = computedDefault(i, key)) writes.push_back({recordKeyPath(i, key), *text});
    }
  }
  return writes;
}

std::string ResponseSession::value(const std::string& path) const {
  auto it = answers_.find(path);
  return it == answers_.end() ? std::string() : it->second;
}

std::vector<std::string> ResponseSession::records(const std::string& repeatId) const {
  return splitWords(value(repeatId));
}

std::string ResponseSession::recordKeyPath(int question, const std::string& key) const {
  const Question& q = questionnaire_->questions[question];
  if (q.repeat < 0) return q.id;
  return recordPrefix(questionnaire_->questions[q.repeat].id, key) + q.id;
}

std::optional<ResponseSession::Located> ResponseSession::locate(const std::string& path,
                                                                std::string* problem) const {
  auto parsed = parseAnswerPath(path);
  if (!parsed) {
    *problem = fmt::format(fmt::runtime(tr("'{}' is not a valid answer path.")), path);
    return std::nullopt;
  }
  int index = questionnaire_->indexOf(parsed->question);
  if (index < 0) {
    *problem =
        fmt::format(fmt::runtime(tr("There is no question '{}' in this questionnaire.")), parsed->question);
    return std::nullopt;
  }
  const Question& q = questionnaire_->questions[index];
  if (q.repeat >= 0) {
    const std::string& repeatId = questionnaire_->questions[q.repeat].id;
    if (parsed->repeat != repeatId) {
      *problem = fmt::format(fmt::runtime(tr("'{}' belongs to the repeat group '{}'; write {}[KEY]/{}.")),
                             q.id, repeatId, repeatId, q.id);
      return std::nullopt;
    }
    auto keys = records(repeatId);
    if (std::find(keys.begin(), keys.end(), parsed->recordKey) == keys.end()) {
      *problem = fmt::format(fmt::runtime(tr("The repeat group '{}' has no record '{}'.")), repeatId,
                             parsed->recordKey);
      return std::nullopt;
    }
  } else if (!parsed->repeat.empty()) {
    *problem = fmt::format(fmt::runtime(tr("'{}' is not inside a repeat group.")), q.id);
    return std::nullopt;
  }
  std::string fit = checkPathFits(q, *parsed);
  if (!fit.empty()) {
    *problem = fit;
    return std::nullopt;
  }
  return Located{index, *parsed};
}

Outcome ResponseSession::answer(const std::string& path, const std::string& value) {
  return apply({{path, value}});
}

Outcome ResponseSession::apply(const std::vector<AnswerWrite>& writes,
                               std::vector<AnswerChange>* changesOut) {
  if (relevanceOnly_) {  // after loadRelevance(): the rest is evaluated before any write
    relevanceOnly_ = false;
    evaluateAll();
  }
  SessionChange change;
  std::vector<int> touched;
  std::optional<Outcome> first, textRefusal;
  std::pair<int, std::string> firstQuestion{-1, {}};
  for (const auto& write : writes) {
    std::string problem;
    auto located = locate(write.path, &problem);
    if (!located) {
      // A record's fields are removed after the record itself; that is fine.
      if (!first) first = Outcome{AnswerStatus::Refused, problem};
      continue;
    }
    const Question& question = questionnaire_->questions[located->question];
    if (question.readOnly && located->path.mark.empty() && !write.value.empty() &&
        write.value != value(write.path)) {
      if (!first)
        first = Outcome{AnswerStatus::Refused,
                        fmt::format(fmt::runtime(tr("'{}' is read-only: the questionnaire gives its value.")),
                                    question.id)};
      continue;
    }
    if (located->path.mark.empty() && located->path.part.empty())
      defaulted_.insert(write.path);  // typed or cleared: a computed default leaves it alone
    if (!write.value.empty()) {
      if (std::string text = checkAnswerText(question, located->path, write.value); !text.empty()) {
        // Text a report cannot carry is never stored, and the refusal is what the caller hears.
        if (!textRefusal) textRefusal = Outcome{AnswerStatus::Refused, std::move(text)};
        continue;
      }
    }
    if (firstQuestion.first < 0) firstQuestion = {located->question, located->path.recordKey};
    std::string before = value(write.path);
    if (before == write.value) continue;
    if (write.value.empty())
      answers_.erase(write.path);
    else
      answers_[write.path] = write.value;
    change.answers.push_back({write.path, std::move(before), write.value});
    touched.push_back(located->question);
  }
  if (!change.answers.empty()) {
    std::vector<std::string> questionPaths;
    evaluate(questionnaire_->graph.affectedBy(touched), &questionPaths);
    // Computed defaults the change made due, then what they change in turn.
    for (int round = 0; round < 8; ++round) {
      std::vector<AnswerWrite> defaults = computedDefaults();
      for (auto& w : repeatCountWrites()) defaults.push_back(std::move(w));
      if (defaults.empty()) break;
      std::vector<int> filled;
      for (auto& w : defaults) {
        defaulted_.insert(w.path);
        std::string before = value(w.path);
        answers_[w.path] = w.value;
        std::string unused;
        if (auto located = locate(w.path, &unused)) filled.push_back(located->question);
        change.answers.push_back({w.path, std::move(before), std::move(w.value)});
      }
      evaluate(questionnaire_->graph.affectedBy(filled), &questionPaths);
    }
    change.questions = std::move(questionPaths);
    if (changesOut) *changesOut = change.answers;
    changes_.publish(change);
  } else if (changesOut) {
    changesOut->clear();
  }
  if (textRefusal) return *textRefusal;
  if (first && firstQuestion.first < 0) return *first;
  if (firstQuestion.first < 0) return {};
  return outcomeFor(recordKeyPath(firstQuestion.first, firstQuestion.second));
}

Outcome ResponseSession::outcomeFor(const std::string& path) const {
  const State* state = stateOf(path);
  if (!state) return {AnswerStatus::Refused, tr("This record no longer exists.")};
  if (!state->relevant)
    return {AnswerStatus::NotRelevant, tr("This question does not apply given the other answers.")};
  if (!state->invalid.empty()) return {AnswerStatus::Invalid, state->invalid};
  if (!state->constraint.empty()) return {AnswerStatus::ConstraintViolated, state->constraint};
  if (state->required && !state->answered)
    return {AnswerStatus::RequiredButEmpty, tr("This question is required.")};
  return {AnswerStatus::Ok, state->warning};  // a soft check's message, if any: the answer stands
}

// ---- key generation and repeat writes -----------------------------------

std::vector<AnswerWrite> ResponseSession::addRecordWrites(const std::string& repeatId) const {
  static std::mt19937 generator{std::random_device{}()};
  auto keys = records(repeatId);
  std::string key;
  do {
    key = fmt::format("r{:06x}", generator() & 0xFFFFFF);
  } while (std::find(keys.begin(), keys.end(), key) != keys.end());
  keys.push_back(key);
  return {{repeatId, joinWords(keys)}};
}

std::vector<AnswerWrite> ResponseSession::removeRecordWrites(const std::string& repeatId,
                                                             const std::string& key) const {
  auto keys = records(repeatId);
  std::erase(keys, key);
  std::vector<AnswerWrite> writes;
  const std::string prefix = recordPrefix(repeatId, key);
  for (auto it = answers_.lower_bound(prefix);
       it != answers_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    writes.push_back({it->first, ""});
  writes.push_back({repeatId, joinWords(keys)});
  return writes;
}

std::vector<AnswerWrite> ResponseSession::moveRecordWrites(const std::string& repeatId,
                                                           const std::string& key,
                                                           std::size_t newIndex) const {
  auto keys = records(repeatId);
  auto it = std::find(keys.begin(), keys.end(), key);
  if (it == keys.end()) return {};
  keys.erase(it);
  keys.insert(keys.begin() + static_cast<std::ptrdiff_t>(std::min(newIndex, keys.size())), key);
  return {{repeatId, joinWords(keys)}};
}

// ---- evaluation ------------------------------------------------------------

const ResponseSession::State* ResponseSession::stateOf(const std::string& questionPath) const {
  if (questionPath.find('[') == std::string::npos) {
    int index = questionnaire_->indexOf(questionPath);
    if (index < 0 || questionnaire_->questions[index].repeat >= 0) return nullptr;
    return &states_[index];
  }
  auto it = recordStates_.find(questionPath);
  return it == recordStates_.end() ? nullptr : &it->second;
}

ResponseSession::State& ResponseSession::stateFor(int question, const std::string& key) {
  if (questionnaire_->questions[question].repeat < 0) return states_[question];
  return recordStates_[recordKeyPath(question, key)];
}

void ResponseSession::evaluateAll() {
  const auto& q = *questionnaire_;
  states_.assign(q.questions.size(), State{});
  sectionRelevant_.assign(q.sections.size(), 1);
  recordStates_.clear();
  lastKeys_.clear();
  evaluate(q.graph.order(), nullptr);
}

void ResponseSession::evaluate(const std::vector<int>& nodes, std::vector<std::string>* touched) {
  const auto& q = *questionnaire_;
  const auto& graph = q.graph;
  const std::vector<char>* readByRelevance = relevanceOnly_ ? &this->readByRelevance() : nullptr;
  // Phase 1: relevance and calculations, dependencies first.
  for (int node : nodes) {
    if (graph.isSection(node)) {
      const int s = graph.sectionOf(node);
      const Section& section = q.sections[s];
      bool relevant = section.parent < 0 || sectionRelevant_[section.parent];
      if (relevant && section.relevant && section.relevant->compiled)
        relevant = expr::truthy(section.relevant->compiled->evaluate(SessionContext(*this, -1, {})));
      sectionRelevant_[s] = relevant;
      continue;
    }
    const Question& question = q.questions[node];
    const bool calculate = !readByRelevance || (*readByRelevance)[node];
    if (question.repeat < 0) {
      evaluateRelevance(node, {}, calculate);
      if (question.type == QuestionType::Repeat) {
        // Forget the states of records that are gone.
        auto keys = records(question.id);
        auto& last = lastKeys_[node];
        for (const auto& old : last)
          if (std::find(keys.begin(), keys.end(), old) == keys.end())
            for (int child : question.children) recordStates_.erase(recordKeyPath(child, old));
        last = keys;
      }
    } else {
      for (const auto& key : records(q.questions[question.repeat].id))
        evaluateRelevance(node, key, calculate);
    }
  }
  if (relevanceOnly_) return;
  // Phase 2: required, constraints and formats, once every value is settled.
  for (int node : nodes) {
    if (graph.isSection(node)) continue;
    const Question& question = q.questions[node];
    if (question.repeat < 0) {
      evaluateChecks(node, {});
      if (touched) touched->push_back(question.id);
    } else {
      for (const auto& key : records(q.questions[question.repeat].id)) {
        evaluateChecks(node, key);
        if (touched) touched->push_back(recordKeyPath(node, key));
      }
    }
  }
}

void ResponseSession::evaluateRelevance(int index, const std::string& key, bool calculate) {
  const Question& question = questionnaire_->questions[index];
  State& state = stateFor(index, key);
  bool relevant = question.repeat >= 0 ? states_[question.repeat].relevant
                                       : (question.section < 0 || sectionRelevant_[question.section]);
  if (relevant && question.relevant && question.relevant->compiled)
    relevant = expr::truthy(question.relevant->compiled->evaluate(SessionContext(*this, index, key)));
  state.relevant = relevant;
  state.calculated = std::monostate{};
  if (calculate && relevant && question.calculation && question.calculation->compiled)
    state.calculated = question.calculation->compiled->evaluate(SessionContext(*this, index, key));
}

bool ResponseSession::computeAnswered(int index, const std::string& key) const {
  const Question& q = questionnaire_->questions[index];
  const std::string base = recordKeyPath(index, key);
  if (!value(withMark(base, "status")).empty()) return true;
  switch (q.type) {
    case QuestionType::Legislation:
      return !value(base + "/title").empty();
    case QuestionType::Table: {
      const std::string prefix = base + "/";
      auto it = answers_.lower_bound(prefix);
      return it != answers_.end() && it->first.compare(0, prefix.size(), prefix) == 0 &&
             it->first.find('@') == std::string::npos;
    }
    case QuestionType::Note:
    case QuestionType::Calculate:
      return false;
    default:
      return !value(base).empty();
  }
}

void ResponseSession::evaluateChecks(int index, const std::string& key) {
  const Question& q = questionnaire_->questions[index];
  State& state = stateFor(index, key);
  const std::string base = recordKeyPath(index, key);
  state.answered = takesAnswer(q.type) && computeAnswered(index, key);
  state.required = false;
  state.invalid.clear();
  state.constraint.clear();
  state.warning.clear();
  if (!state.relevant || !takesAnswer(q.type)) return;
  SessionContext context(*this, index, key);
  state.required = q.required || (q.requiredIf && q.requiredIf->compiled &&
                                  expr::truthy(q.requiredIf->compiled->evaluate(context)));
  // Formats: the value, its parts, and the marks.
  auto pathFor = [&](const std::string& part, const std::string& subpart) {
    AnswerPath p = q.repeat >= 0
                       ? recordPath(questionnaire_->questions[q.repeat].id, key, q.id, part, subpart)
                       : pathOf(q.id, part, subpart);
    return p;
  };
  auto checkAt = [&](const AnswerPath& p) {
    if (!state.invalid.empty()) return;
    std::string v = value(p.str());
    if (!v.empty()) state.invalid = checkAnswerValue(q, p, v);
  };
  switch (q.type) {
    case QuestionType::Table:
      for (const auto& r : q.rows)
        for (const auto& c : q.columns) checkAt(pathFor(r.id, c.id));
      break;
    case QuestionType::Legislation:
      checkAt(pathFor("date", {}));
      break;
    default:
      checkAt(pathFor({}, {}));
  }
  {
    AnswerPath status = pathFor({}, {});
    status.mark = "status";
    checkAt(status);
  }
  if (state.invalid.empty() &&
      (q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice) && q.otherOption) {
    auto words = splitWords(value(base));
    if (std::find(words.begin(), words.end(), "other") != words.end() && value(base + "/other").empty())
      state.invalid = tr("Please specify the other answer.");
  }
  if (state.invalid.empty() && q.type == QuestionType::MultipleChoice &&
      value(withMark(base, "status")).empty() && (q.minSelected > 0 || q.maxSelected > 0)) {
    const std::size_t chosen = splitWords(value(base)).size();
    if (chosen > 0 && chosen < q.minSelected)
      state.invalid =
          fmt::format(fmt::runtime(tr("Choose at least {} answers ({} chosen).")), q.minSelected, chosen);
    else if (q.maxSelected > 0 && chosen > q.maxSelected)
      state.invalid =
          fmt::format(fmt::runtime(tr("Choose at most {} answers ({} chosen).")), q.maxSelected, chosen);
  }
  if (state.invalid.empty() && q.choiceFilter && value(withMark(base, "status")).empty()) {
    const auto shown = choicesShown(base);
    for (const auto& word : splitWords(value(base))) {
      if (std::find(shown.begin(), shown.end(), word) != shown.end()) continue;
      std::string label = word;
      for (const auto& c : q.choices)
        if (c.value == word) label = c.label.get(language_, questionnaire_->defaultLanguage());
      state.invalid =
          fmt::format(fmt::runtime(tr("'{}' is not offered given the other answers; choose again.")), label);
      break;
    }
  }
  if (state.invalid.empty() && q.repeatCount && value(withMark(base, "status")).empty()) {
    const std::size_t count = records(q.id).size();
    if (const auto wanted = repeatCountOf(index); wanted && count > *wanted)
      state.invalid = fmt::format(fmt::runtime(tr("This list should have {} records, as the answer it "
                                                  "follows says; it has {}: remove the extra ones.")),
                                  *wanted, count);
  }
  if (state.invalid.empty() && q.type == QuestionType::Repeat && value(withMark(base, "status")).empty()) {
    std::size_t count = records(q.id).size();
    if (q.minRecords > 0 && count > 0 && count < q.minRecords)
      state.invalid = fmt::format(fmt::runtime(tr("At least {} records are needed here.")), q.minRecords);
  }
  if (state.answered && value(withMark(base, "status")).empty() && q.constraint && q.constraint->compiled &&
      !expr::truthy(q.constraint->compiled->evaluate(context))) {
    state.constraint = q.constraintMessage.empty()
                           ? tr("This answer is not allowed here.")
                           : q.constraintMessage.get(language_, questionnaire_->defaultLanguage());
  }
  if (state.answered && state.invalid.empty() && state.constraint.empty() &&
      value(withMark(base, "status")).empty() && q.warning && q.warning->compiled &&
      !expr::truthy(q.warning->compiled->evaluate(context))) {
    state.warning = q.warningMessage.empty()
                        ? tr("Please check this answer: it is unusual.")
                        : q.warningMessage.get(language_, questionnaire_->defaultLanguage());
  }
}

// ---- queries ---------------------------------------------------------------

bool ResponseSession::isRelevant(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  return s && s->relevant;
}

bool ResponseSession::isRequired(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  return s && s->required;
}

bool ResponseSession::isAnswered(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  return s && s->answered;
}

std::string ResponseSession::error(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  if (!s) return {};
  return !s->invalid.empty() ? s->invalid : s->constraint;
}

std::string ResponseSession::warning(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  return s ? s->warning : std::string();
}

bool ResponseSession::isReadOnly(const std::string& questionPath) const {
  auto parsed = parseAnswerPath(questionPath);
  const Question* q = parsed ? questionnaire_->find(parsed->question) : nullptr;
  return q && q->readOnly;
}

std::string ResponseSession::calculated(const std::string& questionPath) const {
  const State* s = stateOf(questionPath);
  return s ? expr::toString(s->calculated) : std::string();
}

bool ResponseSession::isSectionRelevant(int section) const {
  return section >= 0 && section < static_cast<int>(sectionRelevant_.size()) && sectionRelevant_[section];
}

void ResponseSession::progressOf(int index, Progress& p) const {
  const Question& q = questionnaire_->questions[index];
  if (q.repeat >= 0 || !takesAnswer(q.type)) return;
  const State& s = states_[index];
  if (!s.relevant) return;
  ++p.relevant;
  // A value the questionnaire refuses (a wrong date, a number out of range) is not an answer yet.
  if (s.answered && s.invalid.empty() && s.constraint.empty()) ++p.answered;
  if (s.required && !s.answered) ++p.requiredUnanswered;
  if (!s.invalid.empty() || !s.constraint.empty()) ++p.errors;
  if (q.type != QuestionType::Repeat) return;
  for (const auto& key : records(q.id))
    for (int child : q.children) {
      const State* cs = stateOf(recordKeyPath(child, key));
      if (!cs || !cs->relevant) continue;
      if (cs->required && !cs->answered) ++p.requiredUnanswered;
      if (!cs->invalid.empty() || !cs->constraint.empty()) ++p.errors;
    }
}

Progress ResponseSession::progress(int section) const {
  Progress p;
  const auto& q = *questionnaire_;
  for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
    int s = q.questions[i].section;
    while (s >= 0 && s != section) s = q.sections[s].parent;
    if (s == section) progressOf(i, p);
  }
  return p;
}

Progress ResponseSession::progress() const {
  Progress p;
  for (int i = 0; i < static_cast<int>(questionnaire_->questions.size()); ++i) progressOf(i, p);
  return p;
}

std::vector<Problem> ResponseSession::problems() const {
  std::vector<Problem> out;
  const auto& q = *questionnaire_;
  auto add = [&](int index, const std::string& path) {
    const State* s = stateOf(path);
    const Question& question = q.questions[index];
    if (!s || !s->relevant || !takesAnswer(question.type)) return;
    if (s->required && !s->answered)
      out.push_back({ProblemKind::RequiredButEmpty, path, index, tr("This question is required.")});
    if (!s->invalid.empty()) {
      bool tooFew = question.type == QuestionType::Repeat;
      out.push_back({tooFew ? ProblemKind::TooFewRecords : ProblemKind::Invalid, path, index, s->invalid});
    }
    if (!s->constraint.empty()) out.push_back({ProblemKind::ConstraintViolated, path, index, s->constraint});
    if (!s->warning.empty()) out.push_back({ProblemKind::Warning, path, index, s->warning});
    if (value(withMark(path, "carried")) == "pending") {
      if (q.mustConfirmCarried(question))
        out.push_back({ProblemKind::CarriedForwardPending, path, index,
                       tr("Carried forward from the previous cycle and not yet confirmed; the questionnaire "
                          "requires it to be confirmed before a final report: confirm it (Confirm beside the "
                          "answer, Ctrl+Shift+C) or change it."),
                       true});
      else
        out.push_back({ProblemKind::CarriedForwardPending, path, index,
                       tr("Carried forward from the previous cycle; please confirm or change it.")});
    }
  };
  for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
    const Question& question = q.questions[i];
    if (question.repeat >= 0) continue;
    add(i, question.id);
    if (question.type == QuestionType::Repeat && isRelevant(question.id))
      for (const auto& key : records(question.id))
        for (int child : question.children) add(child, recordKeyPath(child, key));
  }
  return out;
}

}  // namespace focal
