// focal-cli new, fill, upgrade, backup and restore: the focal point's
// workspace from the command line (status and history are in
// workspace_report_commands.cpp). Shared helpers are in workspace_cli.h.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/cli/cli.h"
#include "app/cli/workspace_cli.h"
#include "export/report/report_file.h"
#include "forms/answer_import.h"
#include "forms/answer_path.h"
#include "forms/countries.h"
#include "forms/i18n.h"
#include "forms/questionnaire_loader.h"
#include "forms/response_document.h"
#include "forms/stored_questionnaire.h"
#include "forms/upgrade_plan.h"

namespace focal::cli {

namespace fs = std::filesystem;

namespace {

// ---- new ----------------------------------------------------------------------

struct NewArgs {
  std::string workspace, questionnaire, state, from, user, language;
};

// The previous cycle's answers: a response in this workspace or another
// one, or a national report file (.focalreport) of the State.
struct PreviousAnswers {
  std::shared_ptr<const Questionnaire> questionnaire;
  std::map<std::string, std::string> answers;
  std::string source;  // for messages
  // Where the attached files are: a workspace's response, or the report's files.
  std::unique_ptr<Workspace> opened;
  Workspace* workspace = nullptr;
  ResponseId id = 0;
  std::vector<ReportAttachment> files;
};

std::optional<PreviousAnswers> previousReport(const NewArgs& a, const Questionnaire& q,
                                              const std::string& state) {
  ReportCheck check = readReportFile(a.from);
  if (!check.report || check.verdict == ReportVerdict::Altered ||
      check.verdict == ReportVerdict::Unreadable) {
    printError(a.from + " is neither a Focal workspace nor a national report that can be used (" +
               check.reason + "). Give the workspace or the report of the previous cycle.");
    return std::nullopt;
  }
  const ReportMetadata& m = check.report->metadata;
  if (m.state != state) {
    printError(a.from + " is the report of " + m.state + ", not of " + state + ". Check --from and --state.");
    return std::nullopt;
  }
  if (m.questionnaireId != q.info.previousCycle) {
    printError(a.from + " answers " + m.questionnaireId + ", but " + q.info.id + " carries forward from " +
               q.info.previousCycle + ". Give the report of " + q.info.previousCycle + ".");
    return std::nullopt;
  }
  PreviousAnswers out;
  try {
    out.questionnaire =
        loadStoredQuestionnaire(m.questionnaireText, m.questionnaireSha256, m.questionnaireId + ".yaml");
  } catch (const StoredQuestionnaireError&) {
    printError("The questionnaire inside " + a.from + " cannot be read by this version of Focal.");
    return std::nullopt;
  }
  out.answers = check.report->answerMap();
  out.source = a.from + " (national report)";
  out.files = std::move(check.report->attachments);
  return out;
}

std::optional<PreviousAnswers> previousAnswers(const NewArgs& a, Workspace& ws, const Questionnaire& q,
                                               const std::string& state) {
  std::error_code ec;
  std::unique_ptr<Workspace> other;
  Workspace* source = &ws;
  if (canonicalPath(a.from) != canonicalPath(a.workspace)) {
    if (!fs::exists(a.from, ec)) {
      printError("The file " + a.from + " given with --from does not exist.");
      return std::nullopt;
    }
    WorkspaceOptions readOptions;
    readOptions.readOnly = true;
    try {
      other = Workspace::open(a.from, readOptions);
    } catch (const WorkspaceError& e) {
      if (e.kind() != WorkspaceError::Kind::NotWorkspace) throw;
      return previousReport(a, q, state);
    }
    source = other.get();
  }
  auto previousId = findPreviousResponse(*source, q, state);
  if (!previousId) {
    printError(a.from + " holds no response of " + state + " to " + q.info.previousCycle +
               ", the previous cycle of " + q.info.id + ". Check --from and --state.");
    return std::nullopt;
  }
  PreviousAnswers out;
  out.questionnaire = source->questionnaire(*previousId);
  out.answers = source->answers(*previousId);
  out.source = a.from + " (response " + std::to_string(*previousId) + ")";
  out.workspace = source;
  out.id = *previousId;
  out.opened = std::move(other);
  return out;
}

int newResponse(const NewArgs& a) {
  auto q = loadOrReport(a.questionnaire);
  if (!q) return kInvalid;
  std::string state = a.state;
  for (auto& c : state) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!isCountryCode(state)) {
    printError("'" + a.state +
               "' is not an ISO 3166 alpha-3 country code such as NGA or FRA; give --state ISO3.");
    return kInvalid;
  }
  const std::string language = a.language.empty() ? q->defaultLanguage() : a.language;
  if (std::find(q->info.languages.begin(), q->info.languages.end(), language) == q->info.languages.end()) {
    printError(a.questionnaire + " has no language '" + language + "'; it has " + joined(q->info.languages) +
               ".");
    return kInvalid;
  }
  WorkspaceOptions options;
  options.user = userName(a.user);
  std::error_code ec;
  const bool exists = fs::exists(a.workspace, ec);
  auto ws = exists ? Workspace::open(a.workspace, options) : Workspace::create(a.workspace, options);
  for (const auto& r : ws->responses())
    if (r.questionnaireId == q->info.id && r.state == state) {
      printError(a.workspace + " already holds response " + std::to_string(r.id) + " (" + r.questionnaireId +
                 ", " + r.state + "). Fill it with: focal-cli fill " + a.workspace + " --response " +
                 std::to_string(r.id) + " --answers FILE");
      return kInvalid;
    }

  std::map<std::string, std::string> initial;
  std::string carriedNote;
  std::optional<PreviousAnswers> previous;
  CarryForward carried;
  if (!a.from.empty()) {
    if (q->info.previousCycle.empty()) {
      printError(a.questionnaire +
                 " names no previous cycle (previous_cycle), so nothing can be carried forward; "
                 "leave out --from.");
      return kInvalid;
    }
    previous = previousAnswers(a, *ws, *q, state);
    if (!previous) return kInvalid;
    carried = carryForward(*q, *previous->questionnaire, previous->answers);
    initial = carried.answers;
    carriedNote = "Carried forward " + plural(carried.questions, "question", "questions") + " from " +
                  previous->source +
                  "; each is marked 'carried forward, please confirm' until it is confirmed or changed.";
    // Whole records (REPEAT[KEY]) are those a carry_forward_filter left out; listed with why.
    std::size_t unmatched = 0;
    std::string filtered;
    for (const auto& [path, why] : carried.notCarried) {
      if (!path.empty() && path.back() == ']')
        filtered += "\n  " + path + ": " + why;
      else
        ++unmatched;
    }
    if (unmatched > 0)
      carriedNote +=
          "\n" + std::to_string(unmatched) +
          " earlier answers have no matching question in this cycle and were not copied (they stay in " +
          a.from + ").";
    if (!filtered.empty()) carriedNote += "\nRecords not carried forward:" + filtered;
  }
  // The carried answers and the questionnaire's defaults, each described in the history.
  std::vector<ChangeSet> initialChanges(2);
  for (const auto& [path, value] : initial) initialChanges[0].writes.push_back({path, value});
  initialChanges[0].description = carried.description;
  {
    ResponseSession defaults(q);
    defaults.load(initial);
    for (const auto& w : defaults.defaultWrites())
      if (!initial.contains(w.path)) initialChanges[1].writes.push_back(w);
    initialChanges[1].description = msg("Default value given by the questionnaire");
  }
  const ResponseId id = ws->createResponseFromChanges(*q, state, language, initialChanges);
  std::vector<std::pair<std::string, std::string>> notCopied;
  if (previous && previous->workspace) {
    carryAttachments(*previous->workspace, previous->id, *ws, id, carried, &notCopied);
  } else if (previous) {
    for (const auto& [oldPath, newPath] : carried.attachments) {
      auto file = std::find_if(previous->files.begin(), previous->files.end(),
                               [&](const ReportAttachment& f) { return f.path == oldPath; });
      const Question* question = q->find(parseAnswerPath(newPath)->question);
      if (file == previous->files.end() || !question) continue;
      try {
        ws->storeAttachment(id, newPath, file->name, file->type, file->data, question->maxBytes);
      } catch (const WorkspaceError& e) {
        if (e.kind() != WorkspaceError::Kind::Refused) throw;
        notCopied.emplace_back(oldPath, e.what());
      }
    }
  }
  for (const auto& [path, why] : notCopied)
    std::cerr << "focal-cli: warning: the file attached at " << printable(path)
              << " was not copied: " << printable(why) << "\n";
  printWarnings(*ws);
  std::cout << "Started response " << id << " in " << printable(a.workspace) << ": " << printable(q->info.id)
            << " version " << printable(q->info.version) << " for " << printable(state) << " ("
            << printable(language) << ").\n";
  // Line by line: printable() shows a line break inside a text as \n.
  for (std::size_t start = 0; start < carriedNote.size();) {
    const std::size_t end = std::min(carriedNote.find('\n', start), carriedNote.size());
    std::cout << printable(carriedNote.substr(start, end - start)) << "\n";
    start = end + 1;
  }
  std::cout << "Next: focal-cli fill " << printable(a.workspace) << " --answers FILE, or open it in Focal.\n";
  return kOk;
}

// ---- fill -----------------------------------------------------------------------

int fill(const std::string& path, const std::string& answersFile, std::optional<ResponseId> requested,
         const std::string& user) {
  WorkspaceOptions options;
  options.user = userName(user);
  auto ws = Workspace::open(path, options);
  printWarnings(*ws);
  auto id = chooseResponse(*ws, requested);
  if (!id) return kInvalid;
  ResponseDocument document(*ws, *id);
  AnswerFile file = readAnswerFile(answersFile, document.questionnaire());
  ImportResult result = importAnswers(document, file);
  for (const auto& p : result.rejected)
    std::cerr << printable(answersFile + ": " + p.where + ": " + (p.path.empty() ? "" : p.path + ": ") +
                           p.message)
              << "\n";
  for (const auto& w : result.warnings)
    std::cerr << printable(answersFile + ": " + w.where + ": warning: " + w.path + ": " + w.message) << "\n";
  if (!document.isSaved()) {
    printError(document.status().cause +
               " Your answers file is unchanged: run fill again once this is solved.");
    return kFailed;
  }
  std::cout << printable(path) << ", response " << *id << ": "
            << plural(result.saved, "answer saved", "answers saved");
  if (result.unchanged) std::cout << ", " << result.unchanged << " already there";
  if (result.recordsAdded) std::cout << ", " << plural(result.recordsAdded, "record added", "records added");
  if (result.recordsAlreadyPresent)
    std::cout << ", "
              << plural(result.recordsAlreadyPresent, "record already there", "records already there");
  if (result.skipped)
    std::cout << ", " << plural(result.skipped, "empty value skipped", "empty values skipped");
  std::cout << ".\n";
  if (!result.rejected.empty()) {
    std::cerr << result.rejected.size() << (result.rejected.size() == 1 ? " row was" : " rows were")
              << " rejected (listed above). Correct them in " << answersFile
              << " and run fill again; the answers saved now are kept.\n";
    return kInvalid;
  }
  return kOk;
}

// ---- upgrade ----------------------------------------------------------------------

// What the upgrade will do, from the comparison focal-cli diff makes.
void printUpgradePlan(const UpgradePlan& plan, const Questionnaire& newer, ResponseId id) {
  std::cout << "What version " << printable(newer.info.version) << " changes for the answers of response "
            << id << " (the differences focal-cli diff lists):\n";
  for (const auto& step : plan.steps) {
    std::string change;
    for (const auto& f : step.fields) change += (change.empty() ? "" : ", ") + f;
    if (!step.before.empty() || !step.after.empty()) change += " (" + step.before + " -> " + step.after + ")";
    if (change.empty()) change = "answers no longer fit";
    std::string counts;
    auto add = [&](std::size_t n, const char* one, const char* many) {
      if (n > 0) counts += (counts.empty() ? "" : ", ") + plural(n, one, many);
    };
    add(step.kept, "answer kept", "answers kept");
    add(step.review, "answer kept to review", "answers kept to review");
    add(step.setAside, "answer set aside", "answers set aside");
    std::cout << "  " << printable(step.question) << "  " << printable(change) << ": " << counts;
    if (!step.reason.empty()) std::cout << " (" << printable(step.reason) << ")";
    std::cout << "\n";
  }
  if (plan.steps.empty()) std::cout << "  no change concerns an answer given\n";
  std::cout << "  In all: " << plural(plan.kept, "answer kept", "answers kept") << ", "
            << plural(plan.review, "to review", "to review") << ", "
            << plural(plan.setAside, "set aside", "set aside") << "; "
            << plural(plan.diff.added.size(), "question added", "questions added") << ".\n";
}

int upgrade(const std::string& path, const std::string& questionnaireFile,
            std::optional<ResponseId> requested, const std::string& user, bool dryRun) {
  auto q = loadOrReport(questionnaireFile);
  if (!q) return kInvalid;
  WorkspaceOptions options;
  options.user = userName(user);
  if (dryRun) {
    options.readOnly = true;
    options.backupOnClose = false;
  }
  auto ws = Workspace::open(path, options);
  printWarnings(*ws);
  if (!requested) {
    std::vector<ResponseId> matching;
    for (const auto& r : ws->responses())
      if (r.questionnaireId == q->info.id) matching.push_back(r.id);
    if (matching.size() == 1)
      requested = matching.front();
    else if (matching.empty()) {
      printError(path + " holds no response to " + q->info.id + ", so there is nothing to upgrade with " +
                 questionnaireFile + ".");
      return kInvalid;
    }
  }
  auto id = chooseResponse(*ws, requested);
  if (!id) return kInvalid;
  auto older = ws->questionnaire(*id);
  if (older->info.id == q->info.id && older->sourceText != q->sourceText) {
    std::map<std::string, std::string> answers;
    for (const auto& a : ws->storedAnswers(*id)) answers[a.path] = a.value;
    printUpgradePlan(planUpgrade(*older, *q, answers), *q, *id);
    if (dryRun) {
      std::cout << "Nothing was changed (--dry-run); run the command without --dry-run to upgrade.\n";
      return kOk;
    }
  }
  if (dryRun && older->info.id != q->info.id) {
    printError(questionnaireFile + " is the questionnaire " + q->info.id + ", but response " +
               std::to_string(*id) + " answers " + older->info.id +
               "; an upgrade needs a newer version of the same questionnaire.");
    return kInvalid;
  }
  if (dryRun && older->sourceText == q->sourceText) {
    std::cout << printable(path) << ", response " << *id << " already uses this text of "
              << printable(q->info.id) << " version " << printable(q->info.version)
              << "; nothing was changed.\n";
    return kOk;
  }
  UpgradeReport report = ws->upgradeResponse(*id, *q);
  if (report.unchanged) {
    std::cout << printable(path) << ", response " << *id << " already uses this text of "
              << printable(q->info.id) << " version " << printable(q->info.version)
              << "; nothing was changed.\n";
    return kOk;
  }
  std::cout << printable(path) << ", response " << *id << ": upgraded from version "
            << printable(report.fromVersion) << " to " << printable(report.toVersion) << "; "
            << plural(report.kept, "answer kept", "answers kept") << ".\n";
  if (!report.orphaned.empty()) {
    std::cout << plural(report.orphaned.size(), "answer no longer fits and was",
                        "answers no longer fit and were")
              << " set aside (kept in the workspace, shown by focal-cli status):\n";
    for (const auto& o : report.orphaned)
      std::cout << "  " << printable(o.path) << " = " << shortValue(o.value) << "  (" << printable(o.reason)
                << ")\n";
  }
  if (!report.needsReview.empty()) {
    std::cout << plural(report.needsReview.size(), "answer was kept but needs", "answers were kept but need")
              << " a look under the new version:\n";
    for (const auto& [p, message] : report.needsReview)
      std::cout << "  " << printable(p) << ": " << printable(message) << "\n";
  }
  if (!report.safetyCopy.empty())
    std::cout << "The workspace as it was before is kept in " << report.safetyCopy << ".\n";
  return kOk;
}

// ---- backup and restore --------------------------------------------------------------

int backup(const std::string& path, const std::string& output) {
  WorkspaceOptions options;
  options.readOnlyIfLocked = true;
  options.backupOnClose = false;
  auto ws = Workspace::open(path, options);
  printWarnings(*ws);
  if (!output.empty()) {
    ws->backupTo(output);
    std::cout << "Backup of " << path << " written to " << output << ".\n";
    return kOk;
  }
  const std::string file = ws->backup();
  std::cout << "Backup of " << path << " written to " << file << " (" << ws->backups().size()
            << " backups kept in " << ws->backupDirectory() << ").\n";
  return kOk;
}

int restore(const std::string& path, const std::string& from, const std::string& user) {
  WorkspaceOptions options;
  options.user = userName(user);
  const std::string safety = Workspace::restore(path, from, options);
  std::cout << "Restored " << path << " from " << from << ".\n";
  if (!safety.empty()) std::cout << "What it held before is kept in " << safety << ".\n";
  return kOk;
}

const Registrar registrar(20, [](CLI::App& app) {
  auto* newCommand = app.add_subcommand("new", "Start a State's response to a questionnaire in a workspace");
  auto newArgs = std::make_shared<NewArgs>();
  newCommand
      ->add_option("WORKSPACE", newArgs->workspace, "Workspace file (.focal); created when it does not exist")
      ->required();
  newCommand->add_option("--questionnaire", newArgs->questionnaire, "Questionnaire YAML file")->required();
  newCommand->add_option("--state", newArgs->state, "The State, as an ISO 3166 alpha-3 code (NGA, FRA...)")
      ->required();
  newCommand->add_option(
      "--from", newArgs->from,
      "Carry answers forward from the previous cycle: a workspace (this one or another .focal) or a "
      "national report (.focalreport)");
  newCommand->add_option("--language", newArgs->language,
                         "Language of the response (default: the questionnaire's)");
  newCommand->add_option("--user", newArgs->user,
                         "Your name in the history (default: $FOCAL_USER, else your login)");
  newCommand->callback([=] { exitCode() = guarded([&] { return newResponse(*newArgs); }); });

  auto* fillCommand =
      app.add_subcommand("fill", "Store answers from a CSV or JSON file, listing rejected rows");
  auto fillPath = std::make_shared<std::string>();
  auto answers = std::make_shared<std::string>();
  auto fillResponse = std::make_shared<std::optional<ResponseId>>();
  auto fillUser = std::make_shared<std::string>();
  fillCommand->add_option("WORKSPACE", *fillPath, "Workspace file (.focal)")->required();
  fillCommand->add_option("--answers", *answers, "CSV (question_id,value) or JSON answers file")->required();
  fillCommand->add_option("--response", *fillResponse, "Response id, when the workspace holds several");
  fillCommand->add_option("--user", *fillUser,
                          "Your name in the history (default: $FOCAL_USER, else your login)");
  fillCommand->callback(
      [=] { exitCode() = guarded([&] { return fill(*fillPath, *answers, *fillResponse, *fillUser); }); });

  auto* upgradeCommand =
      app.add_subcommand("upgrade", "Move a response to a newer version of its questionnaire");
  auto upPath = std::make_shared<std::string>();
  auto upFile = std::make_shared<std::string>();
  auto upResponse = std::make_shared<std::optional<ResponseId>>();
  auto upUser = std::make_shared<std::string>();
  upgradeCommand->add_option("WORKSPACE", *upPath, "Workspace file (.focal)")->required();
  upgradeCommand->add_option("--questionnaire", *upFile, "The newer questionnaire YAML file")->required();
  upgradeCommand->add_option("--response", *upResponse, "Response id, when the workspace holds several");
  upgradeCommand->add_option("--user", *upUser,
                             "Your name in the history (default: $FOCAL_USER, else your login)");
  auto upDryRun = std::make_shared<bool>(false);
  upgradeCommand->add_flag("--dry-run", *upDryRun, "List what the upgrade would do, and change nothing");
  upgradeCommand->callback([=] {
    exitCode() = guarded([&] { return upgrade(*upPath, *upFile, *upResponse, *upUser, *upDryRun); });
  });

  auto* backupCommand =
      app.add_subcommand("backup", "Copy a workspace (into its backup folder, or to -o FILE)");
  auto backupPath = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  backupCommand->add_option("WORKSPACE", *backupPath, "Workspace file (.focal)")->required();
  backupCommand->add_option("-o,--output", *output, "Write the copy to this file instead");
  backupCommand->callback([=] { exitCode() = guarded([&] { return backup(*backupPath, *output); }); });

  auto* restoreCommand = app.add_subcommand("restore", "Replace a workspace's content with a backup");
  auto restorePath = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  auto restoreUser = std::make_shared<std::string>();
  restoreCommand->add_option("WORKSPACE", *restorePath, "Workspace file (.focal)")->required();
  restoreCommand->add_option("--from", *from, "The backup file")->required();
  restoreCommand->add_option("--user", *restoreUser, "Your name (default: $FOCAL_USER, else your login)");
  restoreCommand->callback(
      [=] { exitCode() = guarded([&] { return restore(*restorePath, *from, *restoreUser); }); });
});

}  // namespace

}  // namespace focal::cli
