#include "forms/offers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
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

// --- Repeats: records matched by their key field (see offers.h) ---

bool listed(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The fields of `repeat` (here) paired with the fields of `other` (there).
std::vector<std::pair<const Question*, const Question*>> pairedFields(const Questionnaire& here,
                                                                      const Question& repeat,
                                                                      const Questionnaire& there,
                                                                      const Question& other) {
  std::vector<std::pair<const Question*, const Question*>> out;
  for (int c : repeat.children) {
    const Question& field = here.questions[static_cast<std::size_t>(c)];
    if (!takesAnswer(field.type)) continue;
    const Question* match = nullptr;
    for (int d : other.children) {
      const Question& f = there.questions[static_cast<std::size_t>(d)];
      if (f.type == field.type && (listed(field.alsoAskedIn, there.info.id + ":" + f.id) ||
                                   listed(f.alsoAskedIn, here.info.id + ":" + field.id))) {
        match = &f;
        break;
      }
    }
    if (!match && field.id.rfind(repeat.id, 0) == 0) {
      const std::string name = other.id + field.id.substr(repeat.id.size());
      for (int d : other.children) {
        const Question& f = there.questions[static_cast<std::size_t>(d)];
        if (f.id == name && f.type == field.type) match = &f;
      }
    }
    if (match) out.emplace_back(&field, match);
  }
  return out;
}

// A record: its paths without the "repeat[key]/" prefix ("q_4_7_title", "x/part@status") -> value.
using Record = std::map<std::string, std::string>;

std::vector<std::pair<std::string, Record>> recordsOf(const AnswerValues& answers,
                                                      const std::string& repeat) {
  std::vector<std::pair<std::string, Record>> out;
  auto list = answers.find(repeat);
  if (list == answers.end()) return out;
  for (const auto& key : splitWords(list->second)) {
    Record record;
    const std::string prefix = recordPrefix(repeat, key);
    for (auto it = answers.lower_bound(prefix);
         it != answers.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      auto path = parseAnswerPath(it->first);
      if (!it->second.empty() && path && (path->mark.empty() || path->mark == "status"))
        record[it->first.substr(prefix.size())] = it->second;
    }
    out.emplace_back(key, std::move(record));
  }
  return out;
}

std::string keyText(const std::string& value) {
  std::string out;
  for (char c : value)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string newRecordKey(const std::vector<std::string>& keys, const std::string& seed) {
  for (std::size_t h = std::hash<std::string>{}(seed);; ++h) {
    std::string key = fmt::format("r{:06x}", h & 0xFFFFFF);
    if (!listed(keys, key)) return key;
  }
}

struct RecordPlan {
  AnswerValues values;  // the repeat here after taking, the other reply's values on conflicts
  std::vector<std::string> conflicts;
  std::vector<std::pair<std::string, std::string>> attachments;
  std::size_t records = 0, added = 0;
};

// What taking the records of `other` (in `theirAnswers`) into `repeat` (in `answers`) does.
std::optional<RecordPlan> planRecords(const Questionnaire& here, const Question& repeat,
                                      const AnswerValues& answers, const Questionnaire& there,
                                      const Question& other, const AnswerValues& theirAnswers) {
  const auto pairs = pairedFields(here, repeat, there, other);
  if (pairs.empty()) return std::nullopt;
  std::map<std::string, const Question*> hereField;  // field there -> field here
  for (const auto& [h, t] : pairs) hereField[t->id] = h;
  const std::string keyField = pairs.front().first->id;
  const auto mine = recordsOf(answers, repeat.id);
  std::vector<bool> used(mine.size());
  std::vector<std::string> keys;
  for (const auto& [key, record] : mine) keys.push_back(key);
  RecordPlan plan;
  plan.values = answerValues(answers, repeat.id);
  for (const auto& [theirKey, record] : recordsOf(theirAnswers, other.id)) {
    Record mapped;
    std::vector<std::pair<std::string, std::string>> files;  // path there, path in the record here
    for (const auto& [rest, value] : record) {
      auto path = parseAnswerPath(recordPrefix(other.id, theirKey) + rest);
      if (!path) continue;
      auto field = hereField.find(path->question);
      if (field == hereField.end()) continue;
      const Question& to = *field->second;
      AnswerPath p = *path;
      p.repeat = repeat.id;
      p.recordKey = "k";
      p.question = to.id;
      if (!checkPathFits(to, p).empty() || !checkAnswerValue(to, p, value).empty() ||
          !checkAnswerText(to, p, value).empty())
        continue;  // does not fit here: left out
      p.repeat.clear();
      p.recordKey.clear();
      mapped[p.str()] = value;
      if (to.type == QuestionType::Attachment && p.part.empty() && p.mark.empty())
        files.emplace_back(path->str(), p.str());
    }
    if (mapped.empty()) continue;
    ++plan.records;
    // The record here holding all of it, or else the first with the same key value.
    int match = -1;
    for (std::size_t i = 0; i < mine.size() && match < 0; ++i)
      if (!used[i] && std::all_of(mapped.begin(), mapped.end(), [&](const auto& field) {
            auto it = mine[i].second.find(field.first);
            return it != mine[i].second.end() && it->second == field.second;
          }))
        match = static_cast<int>(i);
    if (auto k = mapped.find(keyField); match < 0 && k != mapped.end())
      for (std::size_t i = 0; i < mine.size() && match < 0; ++i)
        if (auto mk = mine[i].second.find(keyField);
            !used[i] && mk != mine[i].second.end() && keyText(mk->second) == keyText(k->second))
          match = static_cast<int>(i);
    std::string key;
    if (match >= 0) {
      used[static_cast<std::size_t>(match)] = true;
      key = mine[static_cast<std::size_t>(match)].first;
    } else {
      key = newRecordKey(keys, there.info.id + ":" + recordId(other.id, theirKey));
      keys.push_back(key);
      ++plan.added;
    }
    const std::string prefix = recordPrefix(repeat.id, key);
    for (const auto& [rest, value] : mapped) {
      auto [it, added] = plan.values.emplace(prefix + rest, value);
      if (!added && it->second != value) {
        plan.conflicts.push_back(it->first);
        it->second = value;
      }
    }
    for (const auto& [therePath, rest] : files) plan.attachments.emplace_back(therePath, prefix + rest);
  }
  if (plan.records == 0) return std::nullopt;
  plan.values[repeat.id] = joinWords(keys);
  return plan;
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
  auto it = answers.find(withMark(questionId, "offered"));
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
  if (auto k = j.find("kept"); k != j.end() && k->is_array())
    for (const auto& path : *k)
      if (path.is_string()) t.kept.push_back(path.get<std::string>());
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
        if (auto c = all[s].find(withMark(other->id, "carried")); c != all[s].end() && c->second == "pending")
          continue;
        const AnswerValues theirs = answerValues(all[s], other->id);
        if (theirs.empty()) continue;
        std::optional<RecordPlan> plan;
        std::optional<AnswerValues> values;
        if (question.type == QuestionType::Repeat) {
          if (other->type == QuestionType::Repeat)
            plan = planRecords(questionnaire, question, answers, *source.questionnaire, *other, all[s]);
          if (plan) values = plan->values;
        } else {
          values = mapped(theirs, *other, question);
        }
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
        if (plan) {
          o.attachments = std::move(plan->attachments);
          o.conflicts = std::move(plan->conflicts);
          o.records = plan->records;
          o.newRecords = plan->added;
        }
        const bool fromHere =
            taken && taken->questionnaire == o.sourceQuestionnaire && taken->question == o.sourceQuestion;
        // The other way: the other reply took its answer from this question, and what it took.
        std::optional<AnswerValues> tookFromHere;
        if (auto theirMark = takenFrom(all[s], other->id);
            theirMark && theirMark->questionnaire == questionnaire.info.id &&
            theirMark->question == question.id)
          tookFromHere = mapped(theirMark->values, *other, question);
        if (plan) {
          if (here.empty() || here == o.values)
            o.status = here.empty() ? OfferStatus::Available
                       : fromHere   ? OfferStatus::Taken
                                    : OfferStatus::Same;
          else if (fromHere && here == taken->values) {
            // As taken; if only the answers kept here then differ, that choice stands.
            AnswerValues unkept = o.values;
            for (const auto& path : o.conflicts)
              if (listed(taken->kept, path)) unkept[path] = here.at(path);
            o.status = unkept == here ? OfferStatus::Differs : OfferStatus::ChangedSinceTaken;
            if (o.status == OfferStatus::ChangedSinceTaken) o.takenValues = taken->values;
          } else {
            o.status = o.conflicts.empty() ? OfferStatus::Available : OfferStatus::Differs;
          }
        } else if (here.empty())
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
  // The writes of each offer taken, writes[begin, end), and what the history calls it.
  struct Taken {
    std::size_t begin = 0, end = 0;
    std::string description;
  };
  std::vector<Taken> taken;
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
    // A repeat's records are added and its empty fields filled; conflicting fields are kept
    // unless asked (or unless the repeat is still as taken from that reply).
    AnswerValues target = offer.values;
    std::set<std::string> keptPaths;
    const auto before = takenFrom(answers, offer.question);
    auto keptBefore = [&](const std::string& path) {
      return offer.status == OfferStatus::Differs || (before && listed(before->kept, path));
    };
    if (question->type == QuestionType::Repeat && !overwrite &&
        (offer.status == OfferStatus::Differs || offer.status == OfferStatus::ChangedSinceTaken)) {
      const AnswerValues here = answerValues(answers, offer.question);
      for (const auto& path : offer.conflicts)
        if (auto h = here.find(path); h != here.end() && keptBefore(path)) {
          target[path] = h->second;
          keptPaths.insert(path);
        }
      if (target == here) {
        result.refused.emplace_back(
            offer.id, msg("{}: every record of {} ({}) is here already, and the answers given here "
                          "differ and were kept. To replace them, ask to replace them (Use this answer "
                          "instead, or focal-cli offers --take {} --replace).",
                          offer.question, offer.sourceQuestionnaire, offer.sourceFile, offer.id));
        continue;
      }
    } else if (offer.replaces() && !overwrite) {
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
      if (keptPaths.count(herePath)) continue;
      if (question->type == QuestionType::Repeat)
        if (auto h = answers.find(herePath); h != answers.end() && h->second == target[herePath]) continue;
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
    const std::size_t first = writes.size();
    for (const auto& [path, value] : answerValues(answers, offer.question))
      if (!target.count(path)) writes.push_back({path, ""});
    for (const auto& [path, value] : target) writes.push_back({path, value});
    json mark = {{"questionnaire", offer.sourceQuestionnaire},
                 {"instrument", instrumentKey(offer.instrument)},
                 {"cycle", offer.cycle},
                 {"question", offer.sourceQuestion},
                 {"file", offer.sourceFile},
                 {"at", offer.answeredAt},
                 {"by", offer.answeredBy},
                 {"values", json::parse(valuesJson(target))}};
    if (!keptPaths.empty()) mark["kept"] = keptPaths;
    writes.push_back(
        {withMark(offer.question, "offered"), mark.dump(-1, ' ', false, json::error_handler_t::replace)});
    result.taken.push_back(offer.id);
    taken.push_back({first, writes.size(),
                     msg("Took the answer of {} to {} ({})", offer.sourceQuestionnaire, offer.sourceQuestion,
                         std::filesystem::path(offer.sourceFile).filename().string())});
    if (!keptPaths.empty()) {
      std::string paths;
      for (const auto& p : keptPaths) paths += (paths.empty() ? "" : ", ") + p;
      result.kept.emplace_back(
          offer.id, msg("{}: the records of {} were added, and these answers given here were kept: {}. To "
                        "replace them, ask to replace them (focal-cli offers --take {} --replace).",
                        offer.question, offer.sourceQuestionnaire, paths, offer.id));
    }
  }
  if (result.taken.empty()) return result;
  if (std::string why = document.workspace().writeRefusal(writes, document.session().language());
      !why.empty()) {
    for (const auto& id : result.taken) result.refused.emplace_back(id, why);
    result.taken.clear();
    result.kept.clear();
    return result;
  }
  document.sealUndoStep();
  std::vector<std::string> refused;
  {
    auto batch = document.batch();  // one undo step; the history says where each answer came from
    for (std::size_t i = 0; i < taken.size(); ++i) {
      auto described = document.batch(taken[i].description);
      const Outcome outcome = document.apply({writes.begin() + static_cast<std::ptrdiff_t>(taken[i].begin),
                                              writes.begin() + static_cast<std::ptrdiff_t>(taken[i].end)});
      if (outcome.status != AnswerStatus::Refused) continue;
      result.refused.emplace_back(result.taken[i], outcome.message);
      refused.push_back(result.taken[i]);
    }
  }
  for (const auto& id : refused) {
    std::erase(result.taken, id);
    std::erase_if(result.kept, [&](const auto& kept) { return kept.first == id; });
  }
  return result;
}

}  // namespace focal
