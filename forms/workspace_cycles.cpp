// Answers across questionnaire versions and cycles: the upgrade of a
// response to a newer version of its questionnaire (mapped by question id;
// what no longer fits is moved to orphaned_answers and listed, never
// dropped) and carry-forward from the previous cycle (mapped by the new
// questionnaire's carry_forward_from ids, marked @carried = pending, with
// last cycle's values in @previous).
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/answer_value.h"
#include "forms/cycle_changes.h"
#include "forms/response_session.h"
#include "forms/upgrade_plan.h"
#include "forms/workspace.h"
#include "forms/workspace_internal.h"

namespace focal {

using Kind = WorkspaceError::Kind;

namespace {

bool compatibleTypes(QuestionType a, QuestionType b) {
  auto text = [](QuestionType t) { return t == QuestionType::Text || t == QuestionType::LongText; };
  return a == b || (text(a) && text(b));
}

// Why `path` (of `older`) has no place in `newer` under the id `newId`
// (itself for an upgrade), or "" when it fits. `repeatId` is the new
// enclosing repeat's id the path must have.
std::string misfit(const Questionnaire& newer, const Question* oldQuestion, const AnswerPath& path,
                   int newIndex, const std::string& newVersionLabel) {
  if (newIndex < 0) return msg("the question {} is not in {}", path.question, newVersionLabel);
  const Question& q = newer.questions[newIndex];
  if (path.repeat.empty() && q.repeat >= 0)
    return msg("{} is now asked inside the list {}", q.id, newer.questions[q.repeat].id);
  if (!path.repeat.empty() && q.repeat < 0) return msg("{} is no longer asked inside a list", q.id);
  if (oldQuestion && !compatibleTypes(oldQuestion->type, q.type))
    return msg("{} changed from {} to {}", q.id, questionTypeKey(oldQuestion->type), questionTypeKey(q.type));
  AnswerPath mapped = path;
  mapped.question = q.id;
  if (std::string fit = checkPathFits(q, mapped); !fit.empty()) return fit;
  return {};
}

// A choice answer carried into a question whose list renamed some values
// (carry_forward_map: {mixed: both}) takes the new names.
std::string mapValues(const Question& question, const AnswerPath& path, const std::string& value) {
  if (question.carryForwardMap.empty() || !path.mark.empty() || !path.part.empty()) return value;
  const auto mapOne = [&](const std::string& word) {
    for (const auto& m : question.carryForwardMap)
      if (m.from == word) return m.to;
    return word;
  };
  if (question.type != QuestionType::MultipleChoice) return mapOne(value);
  std::string out, word;
  std::vector<std::string> seen;
  std::istringstream words(value);
  while (words >> word) {
    const std::string mapped = mapOne(word);
    if (std::find(seen.begin(), seen.end(), mapped) != seen.end()) continue;
    seen.push_back(mapped);
    out += (out.empty() ? "" : " ") + mapped;
  }
  return out;
}

// carry_forward_filter: the records of a carried list for which the filter
// does not hold are left out, and listed in notCarried.
void dropFilteredRecords(const Questionnaire& next, std::set<std::string>& carried, CarryForward& out) {
  std::vector<const Question*> filtered;
  for (const auto& id : carried)
    if (const Question* q = next.find(id); q && q->carryForwardFilter && q->carryForwardFilter->compiled)
      filtered.push_back(q);
  if (filtered.empty()) return;
  // Evaluated on the carried answers, as the new questionnaire reads them.
  ResponseSession session(std::shared_ptr<const Questionnaire>(&next, [](const Questionnaire*) {}));
  session.load(out.answers);
  for (const Question* list : filtered) {
    std::vector<std::string> kept;
    for (const auto& key : session.records(list->id)) {
      if (session.recordMatches(list->id, key, *list->carryForwardFilter->compiled)) {
        kept.push_back(key);
        continue;
      }
      const std::string prefix = recordId(list->id, key);
      for (auto it = out.answers.lower_bound(prefix);
           it != out.answers.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
        it = out.answers.erase(it);
      std::erase_if(out.attachments,
                    [&](const auto& a) { return a.second.compare(0, prefix.size(), prefix) == 0; });
      out.notCarried.emplace_back(recordId(list->carryForwardFrom, key),
                                  msg("the record does not meet the carry_forward_filter of {}: {}", list->id,
                                      list->carryForwardFilter->text));
    }
    if (kept.empty()) {
      out.answers.erase(list->id);
      carried.erase(list->id);
    } else {
      out.answers[list->id] = joinWords(kept);
    }
  }
}

}  // namespace

// ---- upgrade ----------------------------------------------------------------

UpgradeReport Workspace::upgradeResponse(ResponseId id, const Questionnaire& newer) {
  requireWritable(tr("upgrade the questionnaire"));
  const ResponseInfo info = response(id);
  auto older = questionnaire(id);
  if (newer.info.id != older->info.id)
    throw WorkspaceError(
        Kind::Refused,
        msg("{} is the questionnaire {}, but response {} answers {}. An upgrade needs a newer version "
            "of the same questionnaire; to start a new cycle from these answers, use focal-cli new "
            "--from.",
            newer.sourceName, newer.info.id, id, older->info.id));
  UpgradeReport report;
  report.fromVersion = info.questionnaireVersion;
  report.toVersion = newer.info.version;
  const std::string sha = sha256Hex(newer.sourceText);
  auto stored = storedAnswers(id);
  if (sha == info.questionnaireSha256) {
    report.unchanged = true;
    report.kept = stored.size();
    return report;
  }
  const std::string now = utcTimestamp();
  for (const auto& answer : stored) {
    auto parsed = parseAnswerPath(answer.path);
    std::string why;
    int index = -1;
    if (!parsed) {
      why = tr("it is not a valid answer path");
    } else {
      why = answerMisfit(*older, newer, *parsed, index);  // as the plan says (forms/upgrade_plan.h)
    }
    if (!why.empty()) {
      report.orphaned.push_back({answer.path, answer.value, answer.changedBy, answer.changedAt, why,
                                 report.fromVersion, report.toVersion, now});
      continue;
    }
    ++report.kept;
    std::string problem = checkAnswerText(newer.questions[index], *parsed, answer.value);
    if (problem.empty()) problem = checkAnswerValue(newer.questions[index], *parsed, answer.value);
    if (!problem.empty()) report.needsReview.emplace_back(answer.path, problem);
  }
  report.safetyCopy = safetyCopy("before-upgrade");
  try {
    sql::Transaction t(db_);
    checkLockHeld();
    sql::Statement keep(
        db_,
        "INSERT OR IGNORE INTO questionnaires(sha256, questionnaire_id, version, source_name, text, "
        "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const std::string source = std::filesystem::path(newer.sourceName).filename().string();
    keep.bind(1, sha)
        .bind(2, newer.info.id)
        .bind(3, newer.info.version)
        .bind(4, source)
        .bind(5, newer.sourceText);
    keep.bind(6, now).run();
    sql::Statement update(db_,
                          "UPDATE responses SET questionnaire_version = ?2, questionnaire_sha256 = ?3, "
                          "updated_at = ?4, updated_by = ?5 WHERE id = ?1");
    update.bind(1, id).bind(2, newer.info.version).bind(3, sha).bind(4, now).bind(5, options_.user).run();
    sql::Statement aside(
        db_,
        "INSERT INTO orphaned_answers(response, path, value, changed_by, changed_at, reason, "
        "from_version, to_version, orphaned_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    auto& st = *statements_;
    const std::string setAside = msg("Set aside when the questionnaire was upgraded from version {} to {}",
                                     report.fromVersion, report.toVersion);
    for (const auto& o : report.orphaned) {
      aside.bind(1, id).bind(2, o.path).bind(3, o.value).bind(4, o.changedBy).bind(5, o.changedAt);
      aside.bind(6, o.reason).bind(7, o.fromVersion).bind(8, o.toVersion).bind(9, o.orphanedAt).run();
      st.deleteAnswer.bind(1, id).bind(2, o.path).run();
      st.logAnswer.bind(1, id).bind(2, o.path).bind(3, "").bind(4, options_.user).bind(5, now);
      st.logAnswer.bind(6, setAside).run();
    }
    t.commit();
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("upgrade the questionnaire"));
  }
  changedSinceBackup_ = true;
  return report;
}

// ---- carry-forward ----------------------------------------------------------

CarryForward carryForward(const Questionnaire& next, const Questionnaire& previous,
                          const std::map<std::string, std::string>& previousAnswers) {
  if (next.info.previousCycle.empty())
    throw WorkspaceError(Kind::Refused,
                         msg("The questionnaire {} names no previous cycle (previous_cycle), so no "
                             "answers can be carried forward into it.",
                             next.info.id));
  if (previous.info.id != next.info.previousCycle)
    throw WorkspaceError(
        Kind::Refused, msg("The answers given are to the questionnaire {}, but {} carries forward "
                           "from {}. Choose a response to {}.",
                           previous.info.id, next.info.id, next.info.previousCycle, next.info.previousCycle));
  std::map<std::string, int> byOldId;
  for (int i = 0; i < static_cast<int>(next.questions.size()); ++i)
    if (!next.questions[i].carryForwardFrom.empty()) byOldId[next.questions[i].carryForwardFrom] = i;
  const std::string label = msg("{} (no question carries it forward)", next.info.id);

  CarryForward out;
  out.description = msg("Carried forward from {} version {}", previous.info.id, previous.info.version);
  std::set<std::string> carried;
  for (const auto& [path, value] : previousAnswers) {
    auto parsed = parseAnswerPath(path);
    if (!parsed) {
      out.notCarried.emplace_back(path, tr("it is not a valid answer path"));
      continue;
    }
    if (parsed->mark == "carried" || value.empty()) continue;  // last cycle's own confirmation state
    auto it = byOldId.find(parsed->question);
    const int index = it == byOldId.end() ? -1 : it->second;
    std::string why = misfit(next, previous.find(parsed->question), *parsed, index, label);
    AnswerPath mapped = *parsed;
    if (why.empty()) {
      const Question& q = next.questions[index];
      mapped.question = q.id;
      if (!parsed->repeat.empty()) {
        const Question& newRepeat = next.questions[q.repeat];
        if (newRepeat.carryForwardFrom != parsed->repeat)
          why = msg("its list {} is not carried forward into {}", parsed->repeat, newRepeat.id);
        mapped.repeat = newRepeat.id;
      }
    }
    if (why.empty()) why = checkAnswerText(next.questions[index], mapped, value);
    if (!why.empty()) {
      out.notCarried.emplace_back(path, why);
      continue;
    }
    out.answers[mapped.str()] = mapValues(next.questions[index], mapped, value);
    if (mapped.mark.empty() && next.questions[index].type == QuestionType::Attachment)
      out.attachments.emplace_back(path, mapped.str());
    carried.insert(mapped.repeat.empty() ? mapped.question : mapped.repeat);
  }
  dropFilteredRecords(next, carried, out);
  for (const auto& id : carried) {
    out.answers[withMark(id, "carried")] = "pending";
    // Last cycle's answer as carried, to tell later what changed (forms/cycle_changes.h).
    out.answers[withMark(id, "previous")] = valuesJson(answerValues(out.answers, id));
  }
  out.questions = carried.size();
  return out;
}

std::size_t carryAttachments(Workspace& from, ResponseId previous, Workspace& to, ResponseId next,
                             const CarryForward& carried,
                             std::vector<std::pair<std::string, std::string>>* notCopied) {
  std::size_t copied = 0;
  auto q = to.questionnaire(next);
  for (const auto& [oldPath, newPath] : carried.attachments) {
    auto file = from.attachment(previous, oldPath);
    auto parsed = parseAnswerPath(newPath);
    const Question* question = parsed ? q->find(parsed->question) : nullptr;
    if (!file || !question) continue;
    try {
      to.storeAttachment(next, newPath, file->info.name, file->info.type, file->data, question->maxBytes);
      ++copied;
    } catch (const WorkspaceError& e) {
      if (e.kind() != WorkspaceError::Kind::Refused) throw;
      if (notCopied) notCopied->emplace_back(oldPath, e.what());
    }
  }
  return copied;
}

std::optional<ResponseId> findPreviousResponse(Workspace& workspace, const Questionnaire& next,
                                               const std::string& state) {
  std::optional<ResponseId> best;
  std::string bestUpdated;
  for (const auto& r : workspace.responses())
    if (r.questionnaireId == next.info.previousCycle && r.state == state && r.updatedAt >= bestUpdated) {
      best = r.id;
      bestUpdated = r.updatedAt;
    }
  return best;
}

}  // namespace focal
