#include "export/contribution/contribution_request.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "export/contribution/contribution_internal.h"
#include "export/contribution/contribution_store.h"
#include "forms/answer_path.h"
#include "forms/questionnaire_loader.h"

namespace focal {

namespace fs = std::filesystem;
using contribution_detail::shortList;
using json = nlohmann::json;
using Kind = ContributionError::Kind;

namespace {

constexpr const char* kRequestFormat = "focal-contribution-request";

std::string randomId() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return crypto::hex(bytes);
}

bool isAttachmentAnswer(const Questionnaire& q, const std::string& path) {
  auto parsed = parseAnswerPath(path);
  if (!parsed || !parsed->mark.empty() || !parsed->part.empty()) return false;
  const Question* question = q.find(parsed->question);
  return question && question->type == QuestionType::Attachment;
}

}  // namespace

std::string requestToJson(const ContributionRequest& r) {
  json j = {{"format", kRequestFormat},
            {"format_version", 1},
            {"id", r.id},
            {"agency", r.agency},
            {"sections", r.assignment.sections},
            {"questions", r.assignment.questions},
            {"requested_by", r.requestedBy},
            {"requested_at", r.requestedAt},
            {"note", r.note},
            {"state", r.state},
            {"questionnaire_id", r.questionnaireId},
            {"questionnaire_version", r.questionnaireVersion},
            {"questionnaire_sha256", r.questionnaireSha256},
            {"language", r.language},
            {"response", r.response},
            {"workspace", r.workspaceName},
            {"snapshot", r.snapshot},
            {"context", r.context}};
  return j.dump();
}

ContributionRequest requestFromJson(const std::string& text, const std::string& where) {
  auto bad = [&](const std::string& what) {
    return ContributionError(Kind::Altered,
                             msg("{} holds a contribution request that cannot be read ({}). Ask the "
                                 "focal point for a new request file.",
                                 where, what));
  };
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kRequestFormat)
    throw bad(tr("not a request"));
  try {
    ContributionRequest r;
    r.id = j.at("id").get<std::string>();
    r.agency = j.at("agency").get<std::string>();
    r.assignment.sections = j.at("sections").get<std::vector<std::string>>();
    r.assignment.questions = j.at("questions").get<std::vector<std::string>>();
    r.requestedBy = j.at("requested_by").get<std::string>();
    r.requestedAt = j.at("requested_at").get<std::string>();
    r.note = j.at("note").get<std::string>();
    r.state = j.at("state").get<std::string>();
    r.questionnaireId = j.at("questionnaire_id").get<std::string>();
    r.questionnaireVersion = j.at("questionnaire_version").get<std::string>();
    r.questionnaireSha256 = j.at("questionnaire_sha256").get<std::string>();
    r.language = j.at("language").get<std::string>();
    r.response = j.at("response").get<long long>();
    r.workspaceName = j.at("workspace").get<std::string>();
    r.snapshot = j.at("snapshot").get<std::map<std::string, std::string>>();
    r.context = j.at("context").get<std::map<std::string, std::string>>();
    if (r.id.size() != 32 || r.agency.empty()) throw bad(tr("no id or agency"));
    return r;
  } catch (const json::exception& e) {
    throw bad(e.what());
  }
}

ContributionRequest makeContributionRequest(ContributionStore& store, ResponseId id,
                                            const std::string& agency, const Assignment& assignment,
                                            const std::string& file, const std::string& note) {
  Workspace& source = store.workspace();
  std::error_code ec;
  if (agency.empty() || agency.size() > 200)
    throw ContributionError(Kind::Refused,
                            tr("Give the agency's name (at most 200 characters), such as \"Ministry "
                               "of Justice\"."));
  if (fs::exists(file, ec))
    throw ContributionError(Kind::Refused,
                            msg("{} already exists. Choose another file name for the request, or "
                                "remove the old file first.",
                                file));
  const ResponseInfo info = source.response(id);
  auto questionnaire = source.questionnaire(id);
  ContributionScope scope(questionnaire, assignment);
  const auto answers = source.answers(id);

  ContributionRequest request;
  request.id = randomId();
  request.agency = agency;
  request.assignment = assignment;
  request.requestedBy = source.user();
  request.requestedAt = utcTimestamp();
  request.note = note;
  request.state = info.state;
  request.questionnaireId = info.questionnaireId;
  request.questionnaireVersion = info.questionnaireVersion;
  request.questionnaireSha256 = info.questionnaireSha256;
  request.language = info.language;
  request.response = id;
  request.workspaceName = fs::path(source.path()).filename().string();
  request.snapshot = scope.restrict(answers);
  request.context = scope.context(answers);

  // Written beside the destination under another name, then renamed.
  const std::string temp = file + ".part-" + request.id.substr(0, 8);
  auto cleanup = [&] {
    fs::remove(temp, ec);
    fs::remove(temp + "-wal", ec);
    fs::remove(temp + "-shm", ec);
  };
  try {
    WorkspaceOptions options;
    options.user = source.user();
    options.backupOnClose = false;
    auto target = Workspace::create(temp, options);
    std::map<std::string, std::string> initial = request.snapshot;
    initial.insert(request.context.begin(), request.context.end());
    const ResponseId rid = target->createResponse(
        *questionnaire, info.state, info.language, initial,
        msg("Copied from the national reply when {} made this request", request.requestedBy));
    for (const auto& [path, value] : request.snapshot) {
      if (!isAttachmentAnswer(*questionnaire, path)) continue;
      if (auto attachment = source.attachment(id, path))
        target->storeAttachment(rid, path, attachment->info.name, attachment->info.type, attachment->data,
                                limits::kMaxAttachmentMb * 1024 * 1024);
    }
    // The table comes with the workspace's migrations (contribution_store.cpp).
    sql::Database& db = target->database();
    sql::Statement insert(db, "INSERT INTO contribution_request(id, request) VALUES (1, ?1)");
    const std::string text = requestToJson(request);
    insert.bind(1, text).run();
    target->close();
  } catch (const sql::SqliteError& e) {
    cleanup();
    throw ContributionError(Kind::Failed,
                            msg("Could not write the request {} ({}). Check the folder can be written "
                                "to, then try again.",
                                file, e.what()));
  } catch (...) {
    cleanup();
    throw;
  }
  try {
    store.addRequest(request, file);
  } catch (...) {
    cleanup();
    throw;
  }
  fs::rename(temp, file, ec);
  if (ec) {
    store.removeRequest(request.id);
    cleanup();
    throw ContributionError(Kind::Failed,
                            msg("Could not write the request {} ({}). Check the folder can be written "
                                "to, then try again.",
                                file, ec.message()));
  }
  return request;
}

std::optional<ContributionRequest> requestOf(Workspace& workspace) {
  sql::Database& db = workspace.database();
  try {
    if (db.queryInteger(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'contribution_request'") == 0)
      return std::nullopt;
    auto text = db.queryText("SELECT request FROM contribution_request WHERE id = 1");
    if (!text) return std::nullopt;
    return requestFromJson(*text, workspace.path());
  } catch (const sql::SqliteError& e) {
    throw ContributionError(Kind::Altered,
                            msg("{} holds a contribution request that cannot be read ({}). Ask the "
                                "focal point for a new request file.",
                                workspace.path(), e.what()));
  }
}

std::string RequestWorkspace::refusal(const std::vector<AnswerWrite>& writes,
                                      const std::string& language) const {
  for (const auto& w : writes) {
    if (scope->covers(w.path)) continue;
    // Unchanged context answers may be written back as they are (undo, confirmations).
    auto it = request.context.find(w.path);
    if (it != request.context.end() && it->second == w.value) continue;
    return scope->refusal(w.path, request.agency, language);
  }
  return {};
}

namespace {

// Every workspace opened for writing in a program that links this file
// learns whether it is an agency's request workspace; if so, answers
// outside the assigned sections are refused whoever writes them (the app,
// focal-cli fill or contribution fill).
const bool kAgencyRuleRegistered = [] {
  Workspace::addWriteRuleProvider([](Workspace& workspace) -> Workspace::WriteRule {
    auto opened = openRequestWorkspace(workspace);
    if (!opened) return {};
    auto shared = std::make_shared<RequestWorkspace>(std::move(*opened));
    return [shared](const std::vector<AnswerWrite>& writes, const std::string& language) {
      return shared->refusal(writes, language);
    };
  });
  return true;
}();

}  // namespace

std::optional<RequestWorkspace> openRequestWorkspace(Workspace& workspace) {
  auto request = requestOf(workspace);
  if (!request) return std::nullopt;
  RequestWorkspace out;
  out.request = std::move(*request);
  for (const auto& r : workspace.responses())
    if (r.questionnaireSha256 == out.request.questionnaireSha256) out.response = r.id;
  if (out.response == 0)
    throw ContributionError(Kind::Altered,
                            msg("{} is a contribution request, but its response is missing. Ask the "
                                "focal point for a new request file.",
                                workspace.path()));
  out.scope =
      std::make_shared<ContributionScope>(workspace.questionnaire(out.response), out.request.assignment);
  return out;
}

Contribution contributionFromRequest(Workspace& workspace, const std::string& person, bool leaveOutUnassigned,
                                     std::vector<std::string>* leftOut) {
  auto opened = openRequestWorkspace(workspace);
  if (!opened)
    throw ContributionError(Kind::Refused,
                            msg("{} is not a contribution request: it is an ordinary workspace. Export "
                                "a contribution from the request file the focal point sent you.",
                                workspace.path()));
  const ContributionRequest& request = opened->request;
  const ContributionScope& scope = *opened->scope;
  auto questionnaire = workspace.questionnaire(opened->response);
  if (workspace.response(opened->response).questionnaireSha256 != request.questionnaireSha256)
    throw ContributionError(Kind::Refused,
                            msg("The questionnaire in {} was changed since the request was made; ask "
                                "the focal point for a new request.",
                                workspace.path()));

  Contribution c;
  c.requestId = request.id;
  c.agency = request.agency;
  c.person = person;
  c.state = request.state;
  c.questionnaireId = request.questionnaireId;
  c.questionnaireVersion = request.questionnaireVersion;
  c.questionnaireSha256 = request.questionnaireSha256;
  c.requestedBy = request.requestedBy;
  c.requestedAt = request.requestedAt;
  c.exportedAt = utcTimestamp();
  c.sequence = workspace.lastChangeNumber(opened->response) + 1;
  c.focalVersion = FOCAL_VERSION;

  std::vector<std::string> outside;
  std::set<std::string> seen;
  for (const auto& a : workspace.storedAnswers(opened->response)) {
    seen.insert(a.path);
    if (scope.covers(a.path)) {
      c.answers.push_back({a.path, a.value, a.changedBy, a.changedAt});
      continue;
    }
    auto it = request.context.find(a.path);
    if (it == request.context.end() || it->second != a.value) outside.push_back(a.path);
  }
  for (const auto& [path, value] : request.context)
    if (!seen.contains(path)) outside.push_back(path);  // removed since
  if (!outside.empty() && !leaveOutUnassigned)
    throw ContributionError(
        Kind::Refused,
        msg("{} holds answers outside the sections assigned to {} ({}): {}. They cannot be sent "
            "back. Remove them, or export with --leave-out-unassigned to send the rest without "
            "them.",
            workspace.path(), request.agency, scope.describe(request.language), shortList(outside)));
  if (leftOut) *leftOut = outside;
  for (const auto& a : c.answers) {
    if (!isAttachmentAnswer(*questionnaire, a.path)) continue;
    if (auto attachment = workspace.attachment(opened->response, a.path))
      c.files.push_back({a.path, attachment->info.name, attachment->info.type, attachment->info.sha256,
                         std::move(attachment->data)});
  }
  return c;
}

}  // namespace focal
