// focal-cli contribution: agencies' contributions to a national reply.
//   request   the focal point makes a request file for one agency
//   fill      the agency stores answers from a file, only in its sections
//   export    the agency writes its signed contribution
//   import    the focal point merges contributions (three-way, with provenance)
//   status    the assignments dashboard and the open conflicts
//   resolve   the focal point settles one conflict
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "app/cli/cli.h"
#include "app/cli/workspace_cli.h"
#include "export/common/output_file.h"
#include "export/contribution/contribution_import.h"
#include "export/contribution/contribution_request.h"
#include "forms/answer_import.h"
#include "forms/i18n.h"
#include "forms/response_document.h"

namespace focal::cli {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string when(const std::string& iso) {
  return printable(iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC" : iso);
}

std::string quoted(const std::string& value) {
  return value.empty() ? "(none)" : "\"" + shortValue(value) + "\"";
}

// Runs a contribution command: the store's errors and ours become messages and exit codes.
int run(const std::function<int()>& command) {
  return guarded([&] {
    try {
      return command();
    } catch (const ContributionError& e) {
      printError(e.what());
      return e.kind() == ContributionError::Kind::Failed ? kFailed : kInvalid;
    } catch (const ExportError& e) {
      printError(e.what());
      return kFailed;
    } catch (const KeyError& e) {
      printError(e.what());
      return kFailed;
    }
  });
}

std::unique_ptr<Workspace> openWorkspace(const std::string& path, const std::string& user) {
  WorkspaceOptions options;
  options.user = userName(user);
  auto ws = Workspace::open(path, options);
  printWarnings(*ws);
  return ws;
}

// ---- request ------------------------------------------------------------------------

struct RequestArgs {
  std::string workspace, agency, output, note, user;
  std::vector<std::string> sections;
  std::optional<ResponseId> response;
};

int request(const RequestArgs& a) {
  auto ws = openWorkspace(a.workspace, a.user);
  auto id = chooseResponse(*ws, a.response);
  if (!id) return kInvalid;
  ContributionStore store(*ws);
  auto q = ws->questionnaire(*id);
  const Assignment assignment = ContributionScope::parseIds(*q, a.sections);
  ContributionRequest r = makeContributionRequest(store, *id, a.agency, assignment, a.output, a.note);
  ContributionScope scope(q, assignment);
  std::cout << "Request for " << printable(r.agency) << " written to " << printable(a.output) << ": "
            << printable(scope.describe(r.language)) << ", " << r.snapshot.size() << " current answers.\n"
            << "Send it to " << printable(r.agency)
            << "; they open it in Focal (or fill it with focal-cli contribution fill), "
            << "then return the file made by: focal-cli contribution export "
            << printable(fs::path(a.output).filename().string()) << " -o FILE\n";
  return kOk;
}

// ---- fill (the agency) --------------------------------------------------------------------

int fill(const std::string& path, const std::string& answersFile, const std::string& user) {
  auto ws = openWorkspace(path, user);
  auto opened = openRequestWorkspace(*ws);
  if (!opened) {
    printError(path + " is not a contribution request; fill an ordinary workspace with: focal-cli fill " +
               path + " --answers " + answersFile);
    return kInvalid;
  }
  ResponseDocument document(*ws, opened->response);
  AnswerFile file = readAnswerFile(answersFile, document.questionnaire());
  ImportResult result = importAnswers(document, file);
  for (const auto& p : result.rejected)
    std::cerr << printable(answersFile + ": " + p.where + ": " + (p.path.empty() ? "" : p.path + ": ") +
                           p.message)
              << "\n";
  if (!document.isSaved()) {
    printError(document.status().cause);
    return kFailed;
  }
  std::cout << printable(path) << " (" << printable(opened->request.agency)
            << "): " << plural(result.saved, "answer saved", "answers saved");
  if (result.unchanged) std::cout << ", " << result.unchanged << " already there";
  std::cout << ".\n";
  return result.rejected.empty() ? kOk : kInvalid;
}

// ---- export (the agency) -------------------------------------------------------------------

int exportContribution(const std::string& path, const std::string& output, const std::string& user,
                       bool leaveOut) {
  WorkspaceOptions options;
  options.user = userName(user);
  options.readOnlyIfLocked = true;
  options.backupOnClose = false;
  auto ws = Workspace::open(path, options);
  printWarnings(*ws);
  std::vector<std::string> leftOut;
  Contribution c = contributionFromRequest(*ws, userName(user), leaveOut, &leftOut);
  const SigningKey key = SigningKey::loadOrCreate();
  writeContributionFile(c, output, &key);
  for (const auto& p : leftOut)
    std::cerr << "focal-cli: warning: " << printable(p) << " is outside the sections assigned to "
              << printable(c.agency) << " and was left out.\n";
  std::cout << "Contribution of " << printable(c.agency) << " written to " << printable(output) << ": "
            << c.answers.size() << " answers, " << c.files.size() << " attached files, signed by "
            << printable(c.person) << " with the key " << key.fingerprint() << ".\nSend it to "
            << printable(c.requestedBy) << ", who asked for it on " << printable(c.requestedAt.substr(0, 10))
            << ".\n";
  return kOk;
}

// ---- import (the focal point) -----------------------------------------------------------------

struct ImportArgs {
  std::string workspace, user, key;
  bool keyGiven = false;  // --key "" is refused, not taken as no key
  std::vector<std::string> files;
  std::optional<ResponseId> response;
  bool json = false;
};

json conflictJson(const StoredConflict& c) {
  return {{"path", c.conflict.path},     {"kind", conflictKindKey(c.conflict.kind)},
          {"agency", c.agency},          {"file", c.file},
          {"base", c.conflict.base},     {"base_by", c.baseBy},
          {"base_at", c.baseAt},         {"ours", c.conflict.ours},
          {"ours_by", c.oursBy},         {"ours_at", c.oursAt},
          {"theirs", c.conflict.theirs}, {"theirs_by", c.theirsBy},
          {"theirs_at", c.theirsAt}};
}

void printConflict(const StoredConflict& c) {
  std::cout << "  conflict   " << printable(c.conflict.path) << " (" << printable(c.agency) << ")\n"
            << "             yours:  " << quoted(c.conflict.ours) << "  " << printable(c.oursBy) << ", "
            << when(c.oursAt) << "\n"
            << "             theirs: " << quoted(c.conflict.theirs) << "  " << printable(c.theirsBy) << ", "
            << when(c.theirsAt) << "\n"
            << "             base:   " << quoted(c.conflict.base) << "  " << printable(c.baseBy) << ", "
            << when(c.baseAt) << "\n";
}

int import(const ImportArgs& a) {
  auto ws = openWorkspace(a.workspace, a.user);
  ContributionStore store(*ws);
  std::optional<ResponseId> response = a.response;
  if (!response)
    for (const auto& f : a.files)
      if ((response = responseForContribution(store, f))) break;
  auto id = chooseResponse(*ws, response);
  if (!id) return kInvalid;
  ImportOptions options;
  if (a.keyGiven) {
    std::string error;
    options.acceptKey = ExpectedKey::parse(a.key, &error);
    if (!options.acceptKey) {
      printError(error);
      return kInvalid;
    }
  }
  // Every file is checked before any is imported: all of them, or none.
  std::vector<CheckedContribution> checked;
  int refusedCount = 0;
  for (const auto& f : a.files) try {
      checked.push_back(checkContribution(store, *id, f, options));
    } catch (const ContributionError& e) {
      printError(e.what());
      ++refusedCount;
    }
  if (refusedCount) {
    printError(std::to_string(refusedCount) + " of " + std::to_string(a.files.size()) +
               " files were refused (above), so none was imported; " + a.workspace + " is unchanged.");
    return kInvalid;
  }
  ResponseDocument document(*ws, *id);
  json out = {{"workspace", a.workspace},      {"response", *id},        {"applied", json::array()},
              {"unchanged", json::array()},    {"stale", json::array()}, {"conflicts", json::array()},
              {"contributions", json::array()}};
  for (const auto& c : checked) {
    ImportSummary s = importContribution(document, store, c);
    for (const auto& ap : s.applied)
      out["applied"].push_back({{"path", ap.path},
                                {"value", ap.value},
                                {"agency", s.agency},
                                {"person", s.person},
                                {"file", s.file}});
    for (const auto& p : s.unchanged) out["unchanged"].push_back({{"path", p}, {"agency", s.agency}});
    for (const auto& p : s.stale)
      out["stale"].push_back({{"path", p},
                              {"agency", s.agency},
                              {"file", s.file},
                              {"sequence", s.sequence},
                              {"newer_sequence", s.newerSequence},
                              {"newer", s.newerExportedAt}});
    for (const auto& conflict : s.conflicts) out["conflicts"].push_back(conflictJson(conflict));
    out["contributions"].push_back({{"file", s.file},
                                    {"request", s.requestId},
                                    {"agency", s.agency},
                                    {"person", s.person},
                                    {"signer", s.fingerprint},
                                    {"sequence", s.sequence},
                                    {"applied", s.applied.size()},
                                    {"unchanged", s.unchanged.size()},
                                    {"stale", s.stale.size()},
                                    {"conflicts", s.conflicts.size()},
                                    {"imported_before", s.importedBefore},
                                    {"note", s.note}});
    if (a.json) continue;
    std::cout << printable(s.file) << ": " << printable(s.agency) << " (" << printable(s.person) << "), key "
              << s.fingerprint << ", number " << s.sequence << ": ";
    if (!s.stale.empty() || s.importedBefore) {
      // Nothing of it was written: say why, and that the newer values stay.
      std::cout << "stale, nothing applied: "
                << (s.importedBefore ? std::string("this same contribution was imported before")
                                     : "number " + std::to_string(s.sequence) + " is not newer than number " +
                                           std::to_string(s.newerSequence) + " (exported " +
                                           printable(s.newerExportedAt) + "), already imported")
                << "; its " << s.stale.size() << " answers were not applied and the newer values are kept, "
                << s.conflicts.size() << " in conflict\n";
    } else {
      std::cout << s.applied.size() << " applied, " << s.unchanged.size() << " unchanged, "
                << s.conflicts.size() << " in conflict\n";
    }
    if (!s.note.empty()) std::cout << "  note       " << printable(s.note) << "\n";
    for (const auto& ap : s.applied)
      std::cout << "  applied    " << printable(ap.path)
                << (ap.value.empty() ? " (removed)" : " = " + shortValue(ap.value)) << "\n";
    for (const auto& conflict : s.conflicts) printConflict(conflict);
  }
  if (a.json)
    std::cout << out.dump(2) << "\n";
  else if (!out["conflicts"].empty())
    std::cout << "Settle each conflict in Focal, or with: focal-cli contribution resolve " << a.workspace
              << " PATH --take theirs|ours (or --value TEXT)\n";
  return kOk;
}

// ---- status and resolve -------------------------------------------------------------------------

int status(const std::string& path, std::optional<ResponseId> requested, bool asJson) {
  WorkspaceOptions options;
  options.readOnlyIfLocked = true;
  options.backupOnClose = false;
  auto ws = Workspace::open(path, options);
  auto id = chooseResponse(*ws, requested);
  if (!id) return kInvalid;
  ContributionStore store(*ws);
  auto q = ws->questionnaire(*id);
  json out = {
      {"workspace", path}, {"response", *id}, {"assignments", json::array()}, {"conflicts", json::array()}};
  auto rows = store.dashboard(*id);
  auto conflicts = store.openConflicts(*id);
  for (const auto& r : rows)
    out["assignments"].push_back({{"request", r.request.id},
                                  {"agency", r.request.agency},
                                  {"sections", r.request.assignment.sections},
                                  {"questions", r.request.assignment.questions},
                                  {"requested_by", r.request.requestedBy},
                                  {"requested_at", r.request.requestedAt},
                                  {"request_file", r.requestFile},
                                  {"returned_at", r.returnedAt},
                                  {"returned_by", r.returnedBy},
                                  {"imports", r.imports},
                                  {"applied", r.applied},
                                  {"open_conflicts", r.openConflicts},
                                  {"signer", r.signer}});
  for (const auto& c : conflicts) out["conflicts"].push_back(conflictJson(c));
  if (asJson) {
    std::cout << out.dump(2) << "\n";
    return kOk;
  }
  if (rows.empty())
    std::cout << printable(path)
              << ": no contribution requested yet. Make one with: focal-cli contribution request "
              << printable(path) << " --agency NAME --sections ID,... -o FILE\n";
  for (const auto& r : rows) {
    ContributionScope scope(q, r.request.assignment);
    std::cout << printable(r.request.agency) << ": " << printable(scope.describe(r.request.language))
              << "\n  requested " << when(r.request.requestedAt) << " by " << printable(r.request.requestedBy)
              << " (" << printable(r.requestFile) << ")\n  "
              << (r.returnedAt.empty() ? std::string("not returned yet")
                                       : "returned " + when(r.returnedAt) + " by " + printable(r.returnedBy) +
                                             ", " + std::to_string(r.imports) + " imports, " +
                                             std::to_string(r.applied) + " answers taken")
              << "; " << r.openConflicts << " conflicts open\n";
  }
  for (const auto& c : conflicts) printConflict(c);
  return kOk;
}

int resolve(const std::string& path, const std::string& answerPath, const std::string& take,
            const std::optional<std::string>& value, const std::string& agency, const std::string& user) {
  auto ws = openWorkspace(path, user);
  ContributionStore store(*ws);
  std::vector<StoredConflict> matching;
  for (const auto& r : ws->responses())
    for (auto& c : store.openConflicts(r.id))
      if (c.conflict.path == answerPath && (agency.empty() || c.agency == agency))
        matching.push_back(std::move(c));
  if (matching.empty()) {
    printError(path + " has no open conflict on " + answerPath +
               ". List them with: focal-cli contribution status " + path);
    return kInvalid;
  }
  if (matching.size() > 1) {
    printError(answerPath + " is in conflict with several agencies; choose one with --agency NAME.");
    return kInvalid;
  }
  if (value.has_value() == !take.empty()) {
    printError("Say how to settle " + answerPath + ": --take theirs, --take ours, or --value TEXT.");
    return kInvalid;
  }
  const Resolution resolution = value              ? Resolution::Edited
                                : take == "theirs" ? Resolution::Theirs
                                                   : Resolution::Ours;
  std::optional<ResponseId> response;
  for (const auto& r : ws->responses())
    for (const auto& c : store.openConflicts(r.id))
      if (c.id == matching[0].id) response = r.id;
  ResponseDocument document(*ws, *response);
  resolveConflict(document, store, matching[0], resolution, value.value_or(""));
  std::cout << printable(answerPath) << ": "
            << (resolution == Resolution::Theirs
                    ? "the answer of " + printable(matching[0].agency) + " was taken"
                : resolution == Resolution::Ours ? std::string("your answer was kept")
                                                 : std::string("your edited answer was saved"))
            << "; now " << quoted(document.session().value(answerPath)) << ".\n";
  return kOk;
}

const Registrar registrar(40, [](CLI::App& app) {
  auto* group = app.add_subcommand("contribution",
                                   "Agencies' contributions: request, fill, export, import, status, "
                                   "resolve");
  group->require_subcommand(1);

  auto* req = group->add_subcommand("request", "Make a contribution request file for one agency");
  auto r = std::make_shared<RequestArgs>();
  req->add_option("WORKSPACE", r->workspace, "The focal point's workspace (.focal)")->required();
  req->add_option("--agency", r->agency, "The agency's name, such as \"Ministry of Justice\"")->required();
  req->add_option("--sections", r->sections,
                  "Ids of the sections (or single questions) assigned, comma-separated")
      ->required()
      ->delimiter(',');
  req->add_option("-o,--output", r->output, "The request file to write (.focal)")->required();
  req->add_option("--note", r->note, "A message to the agency");
  req->add_option("--response", r->response, "Response id, when the workspace holds several");
  req->add_option("--user", r->user, "Your name (default: $FOCAL_USER, else your login)");
  req->callback([=] { exitCode() = run([&] { return request(*r); }); });

  auto* fillCommand =
      group->add_subcommand("fill", "Store answers in a request, only in the assigned sections");
  auto fillArgs = std::make_shared<std::array<std::string, 3>>();
  fillCommand->add_option("REQUEST", (*fillArgs)[0], "The request file (.focal)")->required();
  fillCommand->add_option("--answers", (*fillArgs)[1], "CSV (question_id,value) or JSON answers file")
      ->required();
  fillCommand->add_option("--user", (*fillArgs)[2], "Your name (default: $FOCAL_USER, else your login)");
  fillCommand->callback(
      [=] { exitCode() = run([&] { return fill((*fillArgs)[0], (*fillArgs)[1], (*fillArgs)[2]); }); });

  auto* exp = group->add_subcommand("export", "Write the signed contribution of a request");
  auto e = std::make_shared<std::array<std::string, 3>>();
  auto leaveOut = std::make_shared<bool>(false);
  exp->add_option("REQUEST", (*e)[0], "The request file (.focal) you answered")->required();
  exp->add_option("-o,--output", (*e)[1], "The contribution file to write (.focalcontrib)")->required();
  exp->add_option("--user", (*e)[2], "Your name (default: $FOCAL_USER, else your login)");
  exp->add_flag("--leave-out-unassigned", *leaveOut, "Leave out answers outside the assigned sections");
  exp->callback(
      [=] { exitCode() = run([&] { return exportContribution((*e)[0], (*e)[1], (*e)[2], *leaveOut); }); });

  auto* imp =
      group->add_subcommand("import", "Merge contributions into the response (three-way, field by field)");
  auto i = std::make_shared<ImportArgs>();
  imp->add_option("WORKSPACE", i->workspace, "The focal point's workspace (.focal)")->required();
  imp->add_option("FILE", i->files, "Contribution files (.focalcontrib)")->required();
  imp->add_flag("--json", i->json, "Print the answers applied, unchanged and in conflict as JSON");
  imp->add_option("--response", i->response, "Response id (default: the one the request was made for)");
  auto* keyOption = imp->add_option("--key", i->key,
                                    "Accept contributions signed with this key (fingerprint or public key)");
  imp->add_option("--user", i->user, "Your name (default: $FOCAL_USER, else your login)");
  imp->callback([=] {
    i->keyGiven = keyOption->count() > 0;
    exitCode() = run([&] { return import(*i); });
  });

  auto* st =
      group->add_subcommand("status", "Show the assignments: who has what, returned when, conflicts open");
  auto statusPath = std::make_shared<std::string>();
  auto statusResponse = std::make_shared<std::optional<ResponseId>>();
  auto statusJson = std::make_shared<bool>(false);
  st->add_option("WORKSPACE", *statusPath, "The focal point's workspace (.focal)")->required();
  st->add_option("--response", *statusResponse, "Response id, when the workspace holds several");
  st->add_flag("--json", *statusJson, "Print as JSON");
  st->callback([=] { exitCode() = run([&] { return status(*statusPath, *statusResponse, *statusJson); }); });

  auto* res = group->add_subcommand("resolve", "Settle a conflict: take theirs, keep ours, or give a value");
  auto rs = std::make_shared<std::array<std::string, 5>>();
  auto value = std::make_shared<std::optional<std::string>>();
  res->add_option("WORKSPACE", (*rs)[0], "The focal point's workspace (.focal)")->required();
  res->add_option("PATH", (*rs)[1], "The answer path in conflict, as listed by status")->required();
  res->add_option("--take", (*rs)[2], "theirs or ours")->check(CLI::IsMember({"theirs", "ours"}));
  res->add_option("--value", *value, "Write this value instead");
  res->add_option("--agency", (*rs)[3], "The agency, when several conflict on the same answer");
  res->add_option("--user", (*rs)[4], "Your name (default: $FOCAL_USER, else your login)");
  res->callback([=] {
    exitCode() = run([&] { return resolve((*rs)[0], (*rs)[1], (*rs)[2], *value, (*rs)[3], (*rs)[4]); });
  });
});

}  // namespace

}  // namespace focal::cli
