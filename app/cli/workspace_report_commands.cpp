// focal-cli status and history: reading a workspace without changing it
// (they open it read-only when Focal has it open elsewhere).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

#include "app/cli/cli.h"
#include "app/cli/workspace_cli.h"
#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/cycle_changes.h"
#include "forms/diagnostics.h"
#include "forms/i18n.h"
#include "forms/response_session.h"

namespace focal::cli {

namespace {

using json = nlohmann::json;

std::unique_ptr<Workspace> openForReading(const std::string& path) {
  WorkspaceOptions options;
  options.readOnlyIfLocked = true;
  options.backupOnClose = false;
  return Workspace::open(path, options);
}

// How many unanswered questions `status` lists before "and N more" (--all lists them all).
constexpr std::size_t kUnansweredShown = 10;

std::string when(const std::string& iso) {
  return printable(iso.size() >= 19 ? iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC" : iso);
}

json progressJson(const Progress& p) {
  return {{"relevant", p.relevant}, {"answered", p.answered}, {"required_unanswered", p.requiredUnanswered},
          {"errors", p.errors},     {"percent", p.percent()}, {"complete", p.complete()}};
}

std::string progressText(const Progress& p) {
  std::string out = std::to_string(p.answered) + " of " + std::to_string(p.relevant) + " answered (" +
                    std::to_string(p.percent()) + "%)";
  if (p.requiredUnanswered) out += ", " + std::to_string(p.requiredUnanswered) + " required unanswered";
  if (p.errors) out += ", " + plural(static_cast<std::size_t>(p.errors), "error", "errors");
  return out;
}

// The attachment questions that hold a file, relevant ones only (records included).
std::size_t attachmentCount(const Questionnaire& q, const ResponseSession& session) {
  std::size_t count = 0;
  for (const auto& [text, value] : session.answers()) {
    const auto path = parseAnswerPath(text);
    if (value.empty() || !path || !path->mark.empty() || !path->part.empty()) continue;
    const int index = q.indexOf(path->question);
    if (index >= 0 && q.questions[index].type == QuestionType::Attachment && session.isRelevant(text))
      ++count;
  }
  return count;
}

// The questions that apply and have no answer yet: the required ones first
// (records' questions included), then the others, each in questionnaire order.
json unansweredQuestions(const Questionnaire& q, const ResponseSession& session, const std::string& lang) {
  json required = json::array(), optional = json::array();
  auto item = [&](const std::string& path, int index, bool isRequired) {
    const Question& question = q.questions[index];
    json j = {
        {"path", path}, {"label", question.label.get(lang, q.defaultLanguage())}, {"required", isRequired}};
    if (question.section >= 0) {
      const Section& section = q.sections[question.section];
      j["section"] = section.id;
      j["section_title"] = section.title.get(lang, q.defaultLanguage());
    }
    return j;
  };
  for (const auto& problem : session.problems())
    if (problem.kind == ProblemKind::RequiredButEmpty && problem.question >= 0)
      required.push_back(item(problem.path, problem.question, true));
  for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
    const Question& question = q.questions[i];
    if (question.repeat >= 0 || !takesAnswer(question.type)) continue;
    if (session.isRelevant(question.id) && !session.isRequired(question.id) &&
        !session.isAnswered(question.id))
      optional.push_back(item(question.id, i, false));
  }
  for (auto& each : optional) required.push_back(std::move(each));
  return required;
}

void printUnanswered(const json& unanswered, bool all, const std::string& workspace) {
  if (unanswered.empty()) return;
  std::size_t requiredCount = 0;
  for (const auto& each : unanswered) requiredCount += each["required"].get<bool>() ? 1 : 0;
  std::cout << "  Not yet answered (" << unanswered.size();
  if (requiredCount) std::cout << ", " << requiredCount << " of them required";
  std::cout << "):\n";
  const std::size_t shown = all ? unanswered.size() : std::min(unanswered.size(), kUnansweredShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const json& each = unanswered[i];
    std::cout << "    " << printable(each["path"].get<std::string>()) << "  "
              << (each["required"].get<bool>() ? "required, " : "");
    if (each.contains("section_title"))
      std::cout << shortValue(each["section_title"].get<std::string>(), 40) << ": ";
    std::cout << shortValue(each["label"].get<std::string>(), 70) << "\n";
  }
  if (shown < unanswered.size())
    std::cout << "    and " << unanswered.size() - shown << " more (focal-cli status " << printable(workspace)
              << " --all lists them all)\n";
}

json responseStatus(Workspace& ws, const ResponseInfo& info, bool print, bool all,
                    const std::string& workspace) {
  auto q = ws.questionnaire(info.id);
  ResponseSession session(q, info.language);
  session.load(ws.answers(info.id));
  const std::string& lang = info.language;
  auto label = [&](int question) { return q->questions[question].label.get(lang, q->defaultLanguage()); };

  json j = {{"id", info.id},
            {"questionnaire",
             {{"id", info.questionnaireId},
              {"version", info.questionnaireVersion},
              {"sha256", info.questionnaireSha256}}},
            {"state", info.state},
            {"language", lang},
            {"created", {{"at", info.createdAt}, {"by", info.createdBy}}},
            {"updated", {{"at", info.updatedAt}, {"by", info.updatedBy}}},
            {"progress", progressJson(session.progress())}};
  if (print) {
    std::cout << "Response " << info.id << ": " << printable(info.questionnaireId) << " version "
              << printable(info.questionnaireVersion) << ", " << printable(info.state) << " ("
              << printable(lang) << "); last changed " << when(info.updatedAt) << " by "
              << printable(info.updatedBy) << "\n";
    std::cout << "  Overall: " << progressText(session.progress()) << "\n";
  }
  j["attachments"] = attachmentCount(*q, session);
  if (print && j["attachments"].get<std::size_t>() > 0)
    std::cout << "  Files attached: "
              << plural(j["attachments"].get<std::size_t>(), "attachment", "attachments") << "\n";
  j["sections"] = json::array();
  for (int s = 0; s < static_cast<int>(q->sections.size()); ++s) {
    const Section& section = q->sections[s];
    const Progress p = session.progress(s);
    const bool relevant = session.isSectionRelevant(s);
    j["sections"].push_back({{"id", section.id},
                             {"title", section.title.get(lang, q->defaultLanguage())},
                             {"depth", section.depth},
                             {"relevant", relevant},
                             {"progress", progressJson(p)}});
    if (print)
      std::cout << "  " << std::string(2 * section.depth, ' ')
                << printable(section.title.get(lang, q->defaultLanguage())) << " (" << section.id
                << "): " << (relevant ? progressText(p) : std::string("does not apply")) << "\n";
  }
  json required = json::array(), failing = json::array(), carried = json::array(), warnings = json::array();
  for (const auto& problem : session.problems()) {
    json item = {
        {"path", problem.path}, {"kind", problemKindKey(problem.kind)}, {"message", problem.message}};
    if (problem.question >= 0) item["label"] = label(problem.question);
    if (problem.kind == ProblemKind::RequiredButEmpty)
      required.push_back(item);
    else if (problem.kind == ProblemKind::CarriedForwardPending) {
      item["blocks_final"] = problem.mustConfirm;  // confirm_carried: required
      carried.push_back(item);
    } else if (problem.kind == ProblemKind::Warning)
      warnings.push_back(item);
    else
      failing.push_back(item);
  }
  j["required_unanswered"] = required;
  j["unanswered"] = unansweredQuestions(*q, session, lang);
  j["failing"] = failing;
  j["carried_pending"] = carried;
  j["warnings"] = warnings;
  json orphaned = json::array();
  for (const auto& o : ws.orphanedAnswers(info.id))
    orphaned.push_back({{"path", o.path},
                        {"value", o.value},
                        {"reason", o.reason},
                        {"from_version", o.fromVersion},
                        {"to_version", o.toVersion}});
  j["set_aside"] = orphaned;
  json unfit = json::array();
  for (const auto& [answerPath, message] : answerTextProblems(*q, session.answers()))
    unfit.push_back({{"path", answerPath}, {"message", message}});
  j["text_a_report_cannot_carry"] = unfit;
  // Answers carried from the previous cycle: confirmed unchanged, changed, or not yet confirmed.
  json sincePrevious = {
      {"unchanged", json::array()}, {"changed", json::array()}, {"unconfirmed", json::array()}};
  for (const auto& c : cycleChanges(*q, session.answers())) {
    json item = {{"question", c.question}, {"previous", c.previous}, {"current", c.current}};
    if (const int index = q->indexOf(c.question); index >= 0) item["label"] = label(index);
    sincePrevious[cycleChangeKey(c.change)].push_back(item);
  }
  j["since_previous_cycle"] = sincePrevious;
  if (print) {
    printUnanswered(j["unanswered"], all, workspace);
    auto list = [](const char* title, const json& items, bool withMessage) {
      if (items.empty()) return;
      std::cout << "  " << title << " (" << items.size() << "):\n";
      for (const auto& item : items) {
        std::cout << "    " << printable(item["path"].get<std::string>()) << "  ";
        if (withMessage)
          std::cout << printable(item["message"].get<std::string>());
        else if (item.contains("label"))
          std::cout << shortValue(item["label"].get<std::string>(), 70);
        std::cout << "\n";
        if (!withMessage && item.value("blocks_final", false))
          std::cout << "      " << printable(item["message"].get<std::string>()) << "\n";
      }
    };
    list("Answers that fail a check", failing, true);
    list("Carried forward, to confirm", carried, false);
    list("Warnings, to check (they do not block a final report)", warnings, true);
    list("Text a report cannot carry (correct it before exporting)", unfit, true);
    auto listChanges = [&](const char* title, const json& items, bool withValues) {
      if (items.empty()) return;
      std::cout << "  " << title << " (" << items.size() << "):\n";
      for (const auto& item : items) {
        std::cout << "    " << printable(item["question"].get<std::string>()) << "  "
                  << shortValue(item.value("label", std::string()), 70) << "\n";
        if (!withValues) continue;
        auto values = [](const json& v) {
          std::string out;
          for (const auto& [path, value] : v.items())
            out += (out.empty() ? "" : "; ") + path + " = " + value.get<std::string>();
          return out.empty() ? std::string("(no answer)") : out;
        };
        std::cout << "      was: " << shortValue(values(item["previous"]), 100)
                  << "\n      now: " << shortValue(values(item["current"]), 100) << "\n";
      }
    };
    listChanges("Since the previous cycle: confirmed unchanged", sincePrevious["unchanged"], false);
    listChanges("Since the previous cycle: changed", sincePrevious["changed"], true);
    listChanges("Since the previous cycle: not yet confirmed", sincePrevious["unconfirmed"], false);
    if (!orphaned.empty()) {
      std::cout << "  Set aside by questionnaire upgrades (" << orphaned.size() << "):\n";
      for (const auto& o : orphaned)
        std::cout << "    " << printable(o["path"].get<std::string>()) << " = "
                  << shortValue(o["value"].get<std::string>()) << "  ("
                  << printable(o["reason"].get<std::string>()) << ")\n";
    }
  }
  return j;
}

int status(const std::string& path, bool asJson, bool all, std::optional<ResponseId> requested) {
  auto ws = openForReading(path);
  std::vector<ResponseInfo> chosen;
  if (requested) {
    auto id = chooseResponse(*ws, requested);
    if (!id) return kInvalid;
    chosen.push_back(ws->response(*id));
  } else {
    chosen = ws->responses();
  }
  const bool print = !asJson;
  if (print) {
    printWarnings(*ws);
    std::cout << path << ": " << plural(chosen.size(), "response", "responses") << "\n";
    if (ws->lockedBy())
      std::cout << "Open in Focal by " << printable(ws->lockedBy()->describe())
                << " (read here without changes)\n";
  }
  json j = {{"workspace", path}, {"responses", json::array()}, {"warnings", ws->warnings()}};
  j["open_by"] = ws->lockedBy() ? json{{"user", ws->lockedBy()->user},
                                       {"machine", ws->lockedBy()->machine},
                                       {"pid", ws->lockedBy()->pid},
                                       {"since", ws->lockedBy()->since}}
                                : json(nullptr);
  j["backups"] = ws->backups();
  const std::string backupFailure = ws->lastBackupFailure();
  j["backup_failed"] = backupFailure.empty() ? json(nullptr) : json(backupFailure);
  if (print && !backupFailure.empty())
    std::cout << "The last backup failed: " << printable(backupFailure)
              << ". Your answers are safe in the workspace itself; free space or fix the backup folder, and "
                 "the next backup (focal-cli backup "
              << printable(path) << ") clears this.\n";
  for (const auto& info : chosen) j["responses"].push_back(responseStatus(*ws, info, print, all, path));
  if (asJson)
    std::cout << j.dump(2) << "\n";
  else if (chosen.empty())
    std::cout << "Start a response with: focal-cli new " << path << " --questionnaire FILE --state ISO3\n";
  return kOk;
}

int history(const std::string& path, const std::string& questionId, std::optional<ResponseId> requested) {
  auto ws = openForReading(path);
  auto id = chooseResponse(*ws, requested);
  if (!id) return kInvalid;
  auto q = ws->questionnaire(*id);
  const Question* question = q->find(questionId);
  auto entries = ws->history(*id, questionId);
  auto orphaned = ws->orphanedAnswers(*id);
  std::erase_if(orphaned, [&](const OrphanedAnswer& o) {
    return o.path != questionId && o.path.rfind(questionId + "/", 0) != 0 &&
           o.path.rfind(questionId + "@", 0) != 0 && o.path.rfind(questionId + "[", 0) != 0;
  });
  if (!question && entries.empty() && orphaned.empty()) {
    std::vector<std::string> ids;
    for (const auto& each : q->questions) ids.push_back(each.id);
    std::string near = nearestWord(questionId, ids);
    printError("There is no question '" + questionId + "' in " + q->info.id +
               (near.empty() ? "." : "; did you mean '" + near + "'?"));
    return kInvalid;
  }
  std::cout << printable(path) << ", response " << *id << ", " << printable(questionId);
  if (question)
    std::cout << ": "
              << shortValue(question->label.get(ws->response(*id).language, q->defaultLanguage()), 70);
  std::cout << "\n";
  if (entries.empty()) std::cout << "  never answered\n";
  for (const auto& e : entries)
    std::cout << "  " << when(e.changedAt) << "  " << printable(e.changedBy) << "  " << printable(e.path)
              << "  " << (e.value.empty() ? std::string("(removed)") : "= " + shortValue(e.value, 200))
              << (e.description.empty() ? std::string() : "  (" + printable(e.description) + ")") << "\n";
  for (const auto& o : orphaned)
    std::cout << "  " << when(o.orphanedAt) << "  set aside by the upgrade from version "
              << printable(o.fromVersion) << " to " << printable(o.toVersion) << ": " << printable(o.path)
              << " = " << shortValue(o.value, 200) << " (" << printable(o.reason) << ")\n";
  return kOk;
}

const Registrar registrar(21, [](CLI::App& app) {
  auto* statusCommand = app.add_subcommand("status", "Show completion, missing answers and failing checks");
  auto path = std::make_shared<std::string>();
  auto asJson = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto response = std::make_shared<std::optional<ResponseId>>();
  statusCommand->add_option("WORKSPACE", *path, "Workspace file (.focal)")->required();
  statusCommand->add_flag("--json", *asJson, "Print the status as JSON (every unanswered question included)");
  statusCommand->add_flag("--all", *all, "List every unanswered question, not only the first ten");
  statusCommand->add_option("--response", *response, "Only this response");
  statusCommand->callback(
      [=] { exitCode() = guarded([&] { return status(*path, *asJson, *all, *response); }); });

  auto* historyCommand =
      app.add_subcommand("history", "List every value a question has had, with who and when");
  auto historyPath = std::make_shared<std::string>();
  auto question = std::make_shared<std::string>();
  auto historyResponse = std::make_shared<std::optional<ResponseId>>();
  historyCommand->add_option("WORKSPACE", *historyPath, "Workspace file (.focal)")->required();
  historyCommand->add_option("QUESTION_ID", *question, "The question's id, such as q_1_1_a")->required();
  historyCommand->add_option("--response", *historyResponse, "Response id, when the workspace holds several");
  historyCommand->callback(
      [=] { exitCode() = guarded([&] { return history(*historyPath, *question, *historyResponse); }); });
});

}  // namespace

}  // namespace focal::cli
