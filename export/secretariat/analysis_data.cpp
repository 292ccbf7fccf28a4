#include "export/secretariat/analysis_data.h"

#include <algorithm>
#include <future>
#include <map>

#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal {

const std::string* StateReply::find(std::string_view path) const {
  auto it = std::lower_bound(answers.begin(), answers.end(), path,
                             [](const auto& a, std::string_view p) { return std::string_view(a.first) < p; });
  if (it == answers.end() || it->first != path) return nullptr;
  return &it->second;
}

std::vector<std::pair<std::string, std::string>> StateReply::questionAnswers(const std::string& id) const {
  std::vector<std::pair<std::string, std::string>> out;
  auto it = std::lower_bound(answers.begin(), answers.end(), id,
                             [](const auto& a, const std::string& p) { return a.first < p; });
  for (; it != answers.end() && it->first.compare(0, id.size(), id) == 0; ++it) {
    const std::string& path = it->first;
    if (path.size() == id.size() || path[id.size()] == '/' ||
        path.compare(id.size(), std::string::npos, "@status") == 0)
      out.push_back(*it);
  }
  return out;
}

namespace {

std::shared_ptr<const Questionnaire> parseStored(const StoredQuestionnaire& stored) {
  try {
    return loadStoredQuestionnaire(stored.text, stored.sha256, stored.questionnaireId + " " + stored.version);
  } catch (const StoredQuestionnaireError&) {
    throw StoreError("the stored questionnaire " + stored.questionnaireId + " version " + stored.version +
                     " is altered or does not load; the store may be damaged. Restore it from a backup, or "
                     "merge the reports again into a new store");
  }
}

QuestionnaireReplies loadReplies(ConsolidatedStore& store, const std::string& questionnaireId,
                                 const std::map<std::int64_t, StoredQuestionnaire>& texts) {
  QuestionnaireReplies out;
  const auto reports = store.reports(questionnaireId, true);
  std::int64_t newest = 0;
  for (const auto& r : reports) newest = std::max(newest, r.questionnaire);
  if (newest == 0) return out;
  // The questionnaire is parsed on another core while the answers are read.
  auto questionnaire = std::async(std::launch::async, [&] { return parseStored(texts.at(newest)); });
  std::map<std::int64_t, std::size_t> byReport;
  for (const auto& r : reports) {
    byReport[r.id] = out.replies.size();
    StateReply reply;
    reply.state = r.state;
    reply.language = r.language;
    reply.status = r.status;
    reply.exportedAt = r.exportedAt;
    reply.fingerprint = r.signerFingerprint;
    out.replies.push_back(std::move(reply));
  }
  std::int64_t lastReport = -1;
  StateReply* reply = nullptr;
  store.forEachCurrentAnswer(questionnaireId,
                             [&](std::int64_t report, const std::string& path, const std::string& value) {
                               if (report != lastReport) {
                                 lastReport = report;
                                 auto it = byReport.find(report);
                                 reply = it == byReport.end() ? nullptr : &out.replies[it->second];
                               }
                               if (reply) reply->answers.emplace_back(path, value);
                             });
  // SQLite's BINARY order is the bytewise order std::string uses; sort anyway
  // in case a collation ever differs.
  for (auto& r : out.replies)
    if (!std::is_sorted(r.answers.begin(), r.answers.end())) std::sort(r.answers.begin(), r.answers.end());
  std::sort(out.replies.begin(), out.replies.end(),
            [](const StateReply& a, const StateReply& b) { return a.state < b.state; });
  out.questionnaire = questionnaire.get();
  return out;
}

}  // namespace

AnalysisInput loadAnalysisInput(ConsolidatedStore& store, const std::string& questionnaireId,
                                RegionalGroups groups, const std::string& language) {
  std::map<std::int64_t, StoredQuestionnaire> texts;
  for (auto& q : store.questionnaires()) texts.emplace(q.id, std::move(q));

  AnalysisInput input;
  input.groups = std::move(groups);
  if (const std::string parties = InstrumentParties::defaultPath(); !parties.empty())
    input.parties = InstrumentParties::load(parties);
  input.language = language;
  input.source = store.path();
  input.current = loadReplies(store, questionnaireId, texts);
  if (!input.current.questionnaire) {
    std::string known;
    for (const auto& [id, q] : texts)
      if (known.find(q.questionnaireId) == std::string::npos)
        known += (known.empty() ? "" : ", ") + q.questionnaireId;
    throw StoreError(store.path() + ": no replies to the questionnaire '" + questionnaireId + "'" +
                     (known.empty() ? std::string("; the store holds none yet") : "; it holds: " + known));
  }
  const std::string& previousId = input.current.questionnaire->info.previousCycle;
  if (!previousId.empty()) {
    auto previous = loadReplies(store, previousId, texts);
    if (previous.questionnaire) input.previous = std::move(previous);
  }

  std::map<std::string, QuestionnaireCount> counts;
  for (const auto& r : store.reports({}, true)) {
    auto& c = counts[r.questionnaireId];
    const auto& q = texts.at(r.questionnaire);
    c.questionnaireId = r.questionnaireId;
    c.title = q.title;
    c.instrument = q.instrument;
    c.cycle = q.cycle;
    c.states.push_back(r.state);
  }
  if (auto it = counts.find(questionnaireId); it != counts.end()) {
    input.questionnaires.push_back(it->second);
    counts.erase(it);
  }
  for (auto& [id, c] : counts) input.questionnaires.push_back(std::move(c));
  return input;
}

}  // namespace focal
