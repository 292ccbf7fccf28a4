#include "export/secretariat/analysis_results.h"

#include <algorithm>
#include <functional>
#include <map>

#include "export/common/report_labels.h"
#include "export/report/report_assembly.h"
#include "export/secretariat/analysis_context.h"
#include "export/secretariat/consolidated_store.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"
#include "forms/response_session.h"

namespace focal {

using analysis_detail::Context;

namespace {

// Yes, No, Other, not available, not applicable: in the labels' language,
// as the printed national report says them.
std::string yesNoLabel(const std::string& value, const std::string& language) {
  const ReportLabels& words = reportLabels(language);
  return value == "yes" ? words.yes : value == "no" ? words.no : value;
}

std::vector<std::size_t> columnsFor(const RegionalGroups& groups, const std::string& state, bool anyOther) {
  auto group = groups.groupOf(state);
  if (group) return {0, *group + 1};
  if (anyOther) return {0, groups.groups().size() + 1};
  return {0};
}

// The States parties to `instrument`, per column; zeros when the list does
// not cover it.
std::vector<std::size_t> partiesPerColumn(const AnalysisInput& input, const std::string& instrument,
                                          std::size_t columnCount, bool anyOther) {
  std::vector<std::size_t> out(columnCount, 0);
  if (const InstrumentStatus* status = input.parties.find(instrument))
    for (const auto& state : status->parties)
      for (std::size_t column : columnsFor(input.groups, state, anyOther)) ++out[column];
  return out;
}

std::vector<AnalysisColumn> makeColumns(const Context& c, bool anyOther, const std::string& instrument) {
  std::vector<AnalysisColumn> columns;
  columns.push_back({"all", c.t.tr("All responding States"), 0});
  for (std::size_t g = 0; g < c.input.groups.groups().size(); ++g) {
    const auto& group = c.input.groups.groups()[g];
    columns.push_back({group.id, c.input.groups.groupName(g, c.language), 0});
  }
  if (anyOther) columns.push_back({"other", c.t.tr("States in no regional group"), 0});
  const auto parties = partiesPerColumn(c.input, instrument, columns.size(), anyOther);
  for (std::size_t k = 0; k < columns.size(); ++k) columns[k].parties = parties[k];
  return columns;
}

std::string standingLabel(const Translator& t, Standing standing) {
  return standing == Standing::Party       ? t.tr("State party")
         : standing == Standing::Signatory ? t.tr("signatory")
                                           : t.tr("not a party");
}

// A reply's answer to a question, as a reader would say it.
std::string describe(const Context& c, const Question& question, const StateReply& reply) {
  const auto answers = reply.questionAnswers(question.id);
  if (answers.empty()) return c.t.tr("(no answer)");
  std::string out;
  for (const auto& [path, value] : answers) {
    std::string text;
    const std::string part = path.substr(question.id.size());
    if (part == "@status")
      text = value == "not_available" ? reportLabels(c.language).notAvailable
                                      : reportLabels(c.language).notApplicable;
    else if (part.empty() && question.type == QuestionType::YesNo)
      text = yesNoLabel(value, c.language);
    else if (part.empty() &&
             (question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice)) {
      for (const auto& v : splitWords(value)) text += (text.empty() ? "" : "; ") + c.choiceLabel(question, v);
    } else {
      text = part.empty() ? value : part.substr(1) + ": " + value;
    }
    out += (out.empty() ? "" : " | ") + text;
  }
  return out;
}

// Whether the question applies only after another answer: it, or a section
// that holds it, has a `relevant` condition.
bool isConditional(const Questionnaire& q, const Question& question) {
  if (question.relevant) return true;
  for (int s = question.section; s >= 0; s = q.sections[s].parent)
    if (q.sections[s].relevant) return true;
  return false;
}

// For every reply, which questions applied: the reply's answers evaluated
// as the State's Focal evaluated them, relevance alone (with the
// calculations it reads); checks and answered states are not needed here.
std::vector<std::vector<char>> applicability(const QuestionnaireReplies& current) {
  const Questionnaire& q = *current.questionnaire;
  bool any = false;
  for (const auto& question : q.questions) any |= question.repeat < 0 && isConditional(q, question);
  if (!any) return {};
  ResponseSession session(current.questionnaire);
  std::vector<std::vector<char>> out;
  for (const auto& reply : current.replies) {
    session.loadRelevance(std::map<std::string, std::string>(reply.answers.begin(), reply.answers.end()));
    std::vector<char> applies(q.questions.size(), 1);
    for (std::size_t i = 0; i < q.questions.size(); ++i)
      if (q.questions[i].repeat < 0) applies[i] = session.isRelevant(q.questions[i].id) ? 1 : 0;
    out.push_back(std::move(applies));
  }
  return out;
}

QuestionDistribution distribution(const Context& c, const Question& question, int index) {
  QuestionDistribution d;
  d.id = question.id;
  d.label = c.label(question);
  d.section = c.sectionOf(question);
  d.multiple = question.type == QuestionType::MultipleChoice;
  d.conditional = isConditional(c.q, question);
  d.applied = c.zeros();
  if (question.type == QuestionType::YesNo) {
    d.categories.push_back({"yes", yesNoLabel("yes", c.language), c.zeros()});
    d.categories.push_back({"no", yesNoLabel("no", c.language), c.zeros()});
  } else {
    for (const auto& choice : question.choices)
      d.categories.push_back({choice.value, c.text(choice.label), c.zeros()});
    if (question.otherOption) d.categories.push_back({"other", reportLabels(c.language).other, c.zeros()});
  }
  const std::size_t answersEnd = d.categories.size();
  d.categories.push_back({"not_available", reportLabels(c.language).notAvailable, c.zeros()});
  d.categories.push_back({"not_applicable", reportLabels(c.language).notApplicable, c.zeros()});
  d.categories.push_back({"", c.t.tr("Left blank"), c.zeros()});
  if (d.conditional) d.categories.push_back({"did_not_apply", c.t.tr("Did not apply"), c.zeros()});
  const std::string statusPath = withMark(question.id, "status");
  for (std::size_t r = 0; r < c.replies().size(); ++r) {
    const StateReply& reply = c.replies()[r];
    if (!c.applied(r, index)) {
      c.add(d.categories.back().counts, r);
      continue;
    }
    c.add(d.applied, r);
    bool counted = false;
    if (const std::string* value = reply.find(question.id)) {
      for (const auto& v : splitWords(*value))
        for (std::size_t k = 0; k < answersEnd; ++k)
          if (d.categories[k].value == v) {
            c.add(d.categories[k].counts, r);
            counted = true;
          }
    }
    if (!counted) {
      const std::string* status = reply.find(statusPath);
      std::size_t k = !status                       ? answersEnd + 2
                      : *status == "not_available"  ? answersEnd
                      : *status == "not_applicable" ? answersEnd + 1
                                                    : answersEnd + 2;
      c.add(d.categories[k].counts, r);
    }
  }
  return d;
}

// Closed answers and numbers: what a change across cycles means something
// for. Free texts and contact details are reworded every cycle.
bool comparable(QuestionType type) {
  switch (type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Year:
      return true;
    default:
      return false;
  }
}

std::optional<CycleComparison> comparison(const Context& c, const Question& question) {
  if (!c.input.previous || question.carryForwardFrom.empty() || question.repeat >= 0 ||
      !comparable(question.type))
    return std::nullopt;
  const auto& previous = *c.input.previous;
  const Question* before = previous.questionnaire->find(question.carryForwardFrom);
  if (!before || !comparable(before->type)) return std::nullopt;
  CycleComparison out;
  out.id = question.id;
  out.previousId = before->id;
  out.label = c.label(question);
  out.section = c.sectionOf(question);
  // The answer and its status mark; not the "other, please specify" text.
  auto stripped = [](const StateReply& reply, const std::string& id) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& a : reply.questionAnswers(id)) {
      std::string part = a.first.substr(id.size());
      if (part.empty() || part == "@status") out.emplace_back(std::move(part), std::move(a.second));
    }
    return out;
  };
  const Context previousContext{c.input, *previous.questionnaire, c.language, {}, {}, 0, {}, c.t};
  for (const auto& reply : c.replies()) {
    auto it = std::lower_bound(previous.replies.begin(), previous.replies.end(), reply.state,
                               [](const StateReply& r, const std::string& s) { return r.state < s; });
    if (it == previous.replies.end() || it->state != reply.state) continue;
    ++out.both;
    if (stripped(reply, question.id) == stripped(*it, before->id)) {
      ++out.unchanged;
      continue;
    }
    out.changes.push_back({reply.state, c.stateName(reply.state), describe(previousContext, *before, *it),
                           describe(c, question, reply)});
  }
  return out;
}

// The figure of one total: the cells `adds` takes, summed across States.
TotalFigure totalFigure(const TableTotals& t, const std::vector<std::vector<char>>& given,
                        const std::function<bool(std::size_t, std::size_t)>& adds) {
  TotalFigure f;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    for (std::size_t j = 0; j < t.columns.size(); ++j)
      if (adds(i, j)) f.sum += t.cells[i][j].sum;
  // A cell no State gave does not make the sets differ.
  for (const auto& cells : given) {
    std::size_t gave = 0, missed = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      for (std::size_t j = 0; j < t.columns.size(); ++j) {
        if (!adds(i, j) || t.cells[i][j].states == 0) continue;
        ++(cells[i * t.columns.size() + j] ? gave : missed);
      }
    if (gave > 0) ++f.states;
    if (gave > 0 && missed > 0) f.mixed = true;
  }
  return f;
}

TableTotals tableTotals(const Context& c, const Question& question) {
  TableTotals t;
  t.id = question.id;
  t.label = c.label(question);
  t.section = c.sectionOf(question);
  for (const auto& r : question.rows) {
    t.rows.push_back(c.text(r.label));
    t.rowInTotal.push_back(r.inTotal);
  }
  for (const auto& col : question.columns) {
    t.columns.push_back(c.text(col.label));
    t.columnInTotal.push_back(col.inTotal);
  }
  const std::size_t width = question.columns.size();
  t.cells.assign(question.rows.size(), std::vector<CellTotal>(width));
  std::vector<std::vector<char>> given;  // per State giving any cell: which cells it gave
  for (const auto& reply : c.replies()) {
    std::vector<char> gave(question.rows.size() * width, 0);
    bool any = false;
    for (std::size_t i = 0; i < question.rows.size(); ++i)
      for (std::size_t j = 0; j < width; ++j) {
        const std::string* value =
            reply.find(partPath(question.id, question.rows[i].id, question.columns[j].id));
        double number = 0;
        if (!value || !parseDecimal(*value, number)) continue;
        t.cells[i][j].sum += number;
        ++t.cells[i][j].states;
        gave[i * width + j] = 1;
        any = true;
      }
    if (any) {
      ++t.states;
      given.push_back(std::move(gave));
    }
  }
  for (std::size_t i = 0; i < question.rows.size(); ++i)
    t.rowTotals.push_back(totalFigure(t, given, [&](std::size_t r, std::size_t col) {
      return r == i && addsToTotal(question, r, col, true);
    }));
  for (std::size_t j = 0; j < width; ++j)
    t.columnTotals.push_back(totalFigure(t, given, [&](std::size_t r, std::size_t col) {
      return col == j && addsToTotal(question, r, col, false);
    }));
  t.total = totalFigure(t, given,
                        [&](std::size_t r, std::size_t col) { return addsToTableTotal(question, r, col); });
  return t;
}

NumberSummary numberSummary(const Context& c, const Question& question) {
  NumberSummary n;
  n.id = question.id;
  n.label = c.label(question);
  n.section = c.sectionOf(question);
  n.unit = c.text(question.unit);
  n.summed = question.summary == "sum";
  for (const auto& special : question.specialValues)
    n.special.push_back({c.text(special.label), special.value, 0});
  std::vector<double> values;
  for (const auto& reply : c.replies()) {
    double number = 0;
    const std::string* value = reply.find(question.id);
    if (!value || !parseDecimal(*value, number)) continue;
    auto code =
        std::find_if(n.special.begin(), n.special.end(), [&](const auto& s) { return s.value == number; });
    if (code != n.special.end())
      ++code->states;
    else
      values.push_back(number);
  }
  n.states = values.size();
  if (values.empty()) return n;
  std::sort(values.begin(), values.end());
  if (n.summed)
    for (double v : values) n.sum += v;
  const std::size_t mid = values.size() / 2;
  n.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  n.min = values.front();
  n.max = values.back();
  return n;
}

}  // namespace

Analysis analyse(const AnalysisInput& input) {
  const Questionnaire& q = *input.current.questionnaire;
  const auto& languages = q.info.languages;
  // The language asked for when the questionnaire has it or Focal's wording
  // does (the six UN languages): headings, notes and the cover in it, the
  // questionnaire's own labels falling back to its default language.
  static const std::vector<std::string> kWorded = {"en", "fr", "es", "ar", "ru", "zh"};
  const bool worded = std::find(kWorded.begin(), kWorded.end(), input.language) != kWorded.end();
  const std::string language =
      worded || std::find(languages.begin(), languages.end(), input.language) != languages.end()
          ? input.language
          : q.defaultLanguage();
  Context c{input, q, language, {}, {}, 0, {}, Translator::forLanguage(language)};
  const auto numbers = displayedSectionNumbers(q);
  for (std::size_t s = 0; s < q.sections.size(); ++s)
    c.sectionLabels.push_back(numbers[s] + " " + c.text(q.sections[s].title));
  bool anyOther = false;
  for (const auto& reply : input.current.replies) anyOther |= !input.groups.groupOf(reply.state).has_value();
  for (const auto& count : input.questionnaires)
    if (const InstrumentStatus* status = input.parties.find(count.instrument))
      for (const auto& state : status->parties) anyOther |= !input.groups.groupOf(state).has_value();

  Analysis a;
  a.questionnaireId = q.info.id;
  a.title = c.text(q.info.title);
  a.version = q.info.version;
  a.instrument = instrumentKey(q.info.instrument);
  a.instrumentName = instrumentName(q.info.instrument, language);
  a.cycle = q.info.cycle;
  a.previousId = input.previous ? q.info.previousCycle : std::string();
  a.language = language;
  a.translator = c.t;
  a.generatedAt = utcNow();
  a.source = input.source;
  a.columns = makeColumns(c, anyOther, a.instrument);
  if (!input.parties.empty()) {
    a.partiesAsOf = input.parties.asOf();
    a.partiesSource = input.parties.source();
    a.partiesVerified = input.parties.verified();
  }
  c.columnCount = a.columns.size();
  c.applies = applicability(input.current);
  for (const auto& reply : input.current.replies)
    c.columnsOf.push_back(columnsFor(input.groups, reply.state, anyOther));
  a.responding = c.zeros();
  for (std::size_t r = 0; r < input.current.replies.size(); ++r) {
    const StateReply& reply = input.current.replies[r];
    c.add(a.responding, r);
    const bool listed = input.parties.find(a.instrument) != nullptr;
    const Standing standing = listed ? input.parties.standing(a.instrument, reply.state) : Standing::Party;
    a.states.push_back({reply.state, c.stateName(reply.state), c.groupName(reply.state), reply.language,
                        reply.status, reply.exportedAt, reply.fingerprint, standing,
                        listed ? standingLabel(c.t, standing) : std::string()});
  }
  std::sort(a.states.begin(), a.states.end(), [](const auto& x, const auto& y) { return x.name < y.name; });

  for (const auto& count : input.questionnaires) {
    ResponseRate rate{count.questionnaireId,
                      count.title,
                      count.instrument,
                      count.cycle,
                      c.zeros(),
                      partiesPerColumn(input, count.instrument, c.columnCount, anyOther),
                      0,
                      0};
    const bool listed = input.parties.find(count.instrument) != nullptr;
    for (const auto& state : count.states) {
      const Standing standing = listed ? input.parties.standing(count.instrument, state) : Standing::Party;
      if (standing == Standing::Signatory) ++rate.signatories;
      if (standing == Standing::NonParty) ++rate.nonParties;
      if (standing != Standing::Party) continue;
      for (std::size_t column : columnsFor(input.groups, state, anyOther)) ++rate.responded[column];
    }
    a.rates.push_back(std::move(rate));
  }

  for (const auto& question : q.questions) {
    if (question.repeat >= 0) continue;
    switch (question.type) {
      case QuestionType::YesNo:
      case QuestionType::SingleChoice:
      case QuestionType::MultipleChoice:
        a.distributions.push_back(
            distribution(c, question, static_cast<int>(&question - q.questions.data())));
        break;
      case QuestionType::Table:
        a.tables.push_back(tableTotals(c, question));
        break;
      case QuestionType::Integer:
      case QuestionType::Decimal:
        a.numbers.push_back(numberSummary(c, question));
        break;
      default:
        break;
    }
    if (auto change = comparison(c, question)) a.changes.push_back(std::move(*change));
  }
  analysis_detail::assistanceGaps(c, a);
  analysis_detail::practices(c, a);
  analysis_detail::provisionCoverage(c, a);
  analysis_detail::legislationCompendium(c, a);
  return a;
}

}  // namespace focal
