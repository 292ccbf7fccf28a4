#include "forms/offers.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/answer_value.h"
#include "forms/i18n.h"

namespace focal {

namespace {

using json = nlohmann::json;

std::optional<Instrument> instrumentFromKey(const std::string& key) {
  for (Instrument i : {Instrument::Convention, Instrument::Tip, Instrument::Som, Instrument::Firearms})
    if (key == instrumentKey(i)) return i;
  return std::nullopt;
}

// The questions of `source` that `question` (of `here`) is linked to, either way.
std::vector<const Question*> linkedQuestions(const Questionnaire& here, const Question& question,
                                             const Questionnaire& source) {
  std::vector<const Question*> out;
  auto add = [&](const Question* q) {
    if (q && q->repeat < 0 && std::find(out.begin(), out.end(), q) == out.end()) out.push_back(q);
  };
  const std::string prefix = source.info.id + ":";
  for (const auto& link : question.alsoAskedIn)
    if (link.rfind(prefix, 0) == 0) add(source.find(link.substr(prefix.size())));
  const std::string back = here.info.id + ":" + question.id;
  for (const auto& other : source.questions)
    if (std::find(other.alsoAskedIn.begin(), other.alsoAskedIn.end(), back) != other.alsoAskedIn.end())
      add(&other);
  return out;
}

// The source's answer to `from`, on the paths of `to`; nullopt when a value does not fit `to`.
std::optional<AnswerValues> mapped(const AnswerValues& values, const Question& from, const Question& to) {
  if (from.type != to.type || to.type == QuestionType::Repeat) return std::nullopt;
  AnswerValues out;
  for (const auto& [path, value] : values) {
    auto parsed = parseAnswerPath(path);
    if (!parsed || !parsed->repeat.empty()) return std::nullopt;
    parsed->question = to.id;
    if (!checkPathFits(to, *parsed).empty() || !checkAnswerValue(to, *parsed, value).empty() ||
        !checkAnswerText(to, *parsed, value).empty())
      return std::nullopt;
    out[parsed->str()] = value;
  }
  return out;
}

}  // namespace

const char* offerStatusKey(OfferStatus status) {
  switch (status) {
    case OfferStatus::Available:
      return "available";
    case OfferStatus::Differs:
      return "differs";
    case OfferStatus::ChangedSinceTaken:
      return "changed_since_taken";
    case OfferStatus::ChangedSinceTakenFromHere:
      return "changed_since_taken_from_here";
    case OfferStatus::Taken:
      return "taken";
    case OfferStatus::Same:
      return "same";
  }
  return "available";
}

std::optional<TakenFrom> takenFrom(const AnswerValues& answers, const std::string& questionId) {
  auto it = answers.find(questionId + "@offered");
  if (it == answers.end() || it->second.empty()) return std::nullopt;
  auto j = json::parse(it->second, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto text = [&](const char* key) {
    auto f = j.find(key);
    return f != j.end() && f->is_string() ? f->get<std::string>() : std::string();
  };
  TakenFrom t;
  t.questionnaire = text("questionnaire");
  t.question = text("question");
  t.file = text("file");
  t.at = text("at");
  t.by = text("by");
  t.instrument = instrumentFromKey(text("instrument")).value_or(Instrument::Convention);
  if (auto c = j.find("cycle"); c != j.end() && c->is_number_integer()) t.cycle = c->get<int>();
  if (auto v = j.find("values"); v != j.end() && v->is_object())
    for (const auto& [path, value] : v->items())
      if (value.is_string()) t.values[path] = value.get<std::string>();
  return t;
}

std::vector<Offer> findOffers(const Questionnaire& questionnaire, const AnswerValues& answers,
                              const std::vector<OfferSource>& sources, const std::string& onlyQuestion) {
  std::vector<Offer> offers;
  std::map<std::string, int> perQuestion;
  std::vector<AnswerValues> all(sources.size());
  std::vector<std::map<std::string, const StoredAnswer*>> stored(sources.size());
  for (std::size_t s = 0; s < sources.size(); ++s)
    for (const auto& a : sources[s].answers) {
      all[s][a.path] = a.value;
      stored[s][a.path] = &a;
    }
  for (const auto& question : questionnaire.questions) {
    if (question.repeat >= 0 || !takesAnswer(question.type)) continue;
    if (!onlyQuestion.empty() && question.id != onlyQuestion) continue;
    const AnswerValues here = answerValues(answers, question.id);
    const auto taken = takenFrom(answers, question.id);
    for (std::size_t s = 0; s < sources.size(); ++s) {
      const OfferSource& source = sources[s];
      if (!source.questionnaire || source.questionnaire->info.id == questionnaire.info.id) continue;
      for (const Question* other : linkedQuestions(questionnaire, question, *source.questionnaire)) {
        // An answer carried from an earlier cycle and not confirmed there is not offered.
        if (auto c = all[s].find(other->id + "@carried"); c != all[s].end() && c->second == "pending")
          continue;
        const AnswerValues theirs = answerValues(all[s], other->id);
        if (theirs.empty()) continue;
        auto values = mapped(theirs, *other, question);
        if (!values) continue;
        Offer o;
        o.question = question.id;
        const int n = ++perQuestion[question.id];
        o.id = n == 1 ? question.id : question.id + "#" + std::to_string(n);
        o.source = s;
        o.sourceFile = source.file;
        o.sourceQuestionnaire = source.questionnaire->info.id;
        o.sourceQuestion = other->id;
        o.instrument = source.questionnaire->info.instrument;
        o.cycle = source.questionnaire->info.cycle;
        for (const auto& [path, value] : theirs) {
          const StoredAnswer* a = stored[s][path];
          if (a->changedAt >= o.answeredAt) {
            o.answeredAt = a->changedAt;
            o.answeredBy = a->changedBy;
          }
        }
        o.values = std::move(*values);
        if (question.type == QuestionType::Attachment)
          for (const auto& [path, value] : theirs)
            if (path == other->id) o.attachments.emplace_back(path, question.id);
        const bool fromHere =
            taken && taken->questionnaire == o.sourceQuestionnaire && taken->question == o.sourceQuestion;
        // The other way: the other reply took its answer from this question, and what it took.
        std::optional<AnswerValues> tookFromHere;
        if (auto theirMark = takenFrom(all[s], other->id);
            theirMark && theirMark->questionnaire == questionnaire.info.id &&
            theirMark->question == question.id)
          tookFromHere = mapped(theirMark->values, *other, question);
        if (here.empty())
          o.status = OfferStatus::Available;
        else if (here == o.values)
          o.status = fromHere ? OfferStatus::Taken : OfferStatus::Same;
        else if (fromHere && here == taken->values) {
          o.status = OfferStatus::ChangedSinceTaken;
          o.takenValues = taken->values;
        } else if (tookFromHere && here == *tookFromHere) {
          o.status = OfferStatus::ChangedSinceTakenFromHere;
          o.takenValues = *tookFromHere;
        } else {
          o.status = OfferStatus::Differs;
        }
        offers.push_back(std::move(o));
      }
    }
  }
  return offers;
}

TakeResult takeOffers(ResponseDocument& document, const std::vector<Offer>& offers,
                      const std::vector<OfferSource>& sources, bool overwrite) {
  TakeResult result;
  const AnswerValues& answers = document.session().answers();
  const Questionnaire& q = document.questionnaire();
  std::vector<AnswerWrite> writes;
  std::set<std::string> questions;
  if (document.workspace().readOnly()) {
    for (const auto& offer : offers) result.refused.emplace_back(offer.id, document.status().message);
    return result;
  }
  for (const auto& offer : offers) {
    const Question* question = q.find(offer.question);
    if (!question || offer.source >= sources.size()) {
      result.refused.emplace_back(offer.id, msg("{} is not a question of {}.", offer.question, q.info.id));
      continue;
    }
    if (!questions.insert(offer.question).second) {
      result.refused.emplace_back(
          offer.id,
          msg("{} takes one answer; another reply's answer to it is taken already.", offer.question));
      continue;
    }
    if (offer.status == OfferStatus::Taken || offer.status == OfferStatus::Same) {
      result.refused.emplace_back(offer.id,
                                  msg("{} already has this answer; nothing to take.", offer.question));
      continue;
    }
    if (offer.replaces() && !overwrite) {
      result.refused.emplace_back(
          offer.id,
          msg("{} already has an answer given here, which was kept. To replace it with the answer of "
              "{} ({}), ask to replace it (Use this answer instead, or focal-cli offers --take {} "
              "--replace).",
              offer.question, offer.sourceQuestionnaire, offer.sourceFile, offer.id));
      continue;
    }
    const OfferSource& source = sources[offer.source];
    // The files are stored first (stored, not answered: the answer below names them).
    std::string fileProblem;
    for (const auto& [therePath, herePath] : offer.attachments) {
      std::optional<Attachment> file = source.attachment ? source.attachment(therePath) : std::nullopt;
      if (!file) {
        fileProblem = msg("The file attached to {} in {} could not be read; attach it here yourself.",
                          offer.sourceQuestion, offer.sourceFile);
        break;
      }
      try {
        document.workspace().storeAttachment(document.id(), herePath, file->info.name, file->info.type,
                                             file->data, question->maxBytes);
        ++result.files;
      } catch (const WorkspaceError& e) {
        if (e.kind() != WorkspaceError::Kind::Refused) throw;
        fileProblem = e.what();
        break;
      }
    }
    if (!fileProblem.empty()) {
      result.refused.emplace_back(offer.id, fileProblem);
      continue;
    }
    for (const auto& [path, value] : answerValues(answers, offer.question))
      if (!offer.values.count(path)) writes.push_back({path, ""});
    for (const auto& [path, value] : offer.values) writes.push_back({path, value});
    json mark = {{"questionnaire", offer.sourceQuestionnaire},
                 {"instrument", instrumentKey(offer.instrument)},
                 {"cycle", offer.cycle},
                 {"question", offer.sourceQuestion},
                 {"file", offer.sourceFile},
                 {"at", offer.answeredAt},
                 {"by", offer.answeredBy},
                 {"values", json::parse(valuesJson(offer.values))}};
    writes.push_back(
        {offer.question + "@offered", mark.dump(-1, ' ', false, json::error_handler_t::replace)});
    result.taken.push_back(offer.id);
  }
  if (result.taken.empty()) return result;
  if (std::string why = document.workspace().writeRefusal(writes, document.session().language());
      !why.empty()) {
    for (const auto& id : result.taken) result.refused.emplace_back(id, why);
    result.taken.clear();
    return result;
  }
  document.sealUndoStep();
  const Outcome outcome = document.apply(writes);  // one undo step
  if (outcome.status == AnswerStatus::Refused) {
    for (const auto& id : result.taken) result.refused.emplace_back(id, outcome.message);
    result.taken.clear();
  }
  return result;
}

}  // namespace focal
