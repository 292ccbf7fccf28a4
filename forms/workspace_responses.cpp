// Responses, answers, the audit log and attachments.
#include <algorithm>
#include <filesystem>
#include <mutex>

#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"
#include "forms/workspace.h"
#include "forms/workspace_internal.h"

namespace focal {

using Kind = WorkspaceError::Kind;

namespace {

// Questionnaires parsed in this program, by SHA-256 of their text, so that
// opening a response again does not parse its YAML again.

constexpr std::uint64_t kMb = 1024 * 1024;

std::string megabytes(std::uint64_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / static_cast<double>(kMb));
}

// Whether a stored path belongs to the question `id` (its value, parts and
// marks; for a repeat, its records too; for a question in a repeat, its
// value in every record).
bool belongsTo(const std::string& path, const std::string& id) {
  auto parsed = parseAnswerPath(path);
  return parsed && (parsed->question == id || parsed->repeat == id);
}

}  // namespace

namespace {

std::mutex gRuleMutex;
std::vector<Workspace::WriteRuleProvider>& ruleProviders() {
  static std::vector<Workspace::WriteRuleProvider> providers;
  return providers;
}

}  // namespace

void Workspace::addWriteRuleProvider(WriteRuleProvider provider) {
  std::lock_guard lock(gRuleMutex);
  ruleProviders().push_back(std::move(provider));
}

void Workspace::installWriteRules() {
  std::vector<WriteRuleProvider> providers;
  {
    std::lock_guard lock(gRuleMutex);
    providers = ruleProviders();
  }
  for (const auto& provider : providers) {
    WriteRule rule;
    try {
      rule = provider(*this);
    } catch (const std::exception& e) {
      // A rule that cannot be read must not become no rule: nothing is written.
      const std::string why = e.what();
      rule = [why](const std::vector<AnswerWrite>&, const std::string&) { return why; };
    }
    if (rule) writeRules_.push_back(std::move(rule));
  }
}

std::string Workspace::writeRefusal(const std::vector<AnswerWrite>& writes,
                                    const std::string& language) const {
  for (const auto& rule : writeRules_)
    if (std::string why = rule(writes, language); !why.empty()) return why;
  return {};
}

void Workspace::requireWritable(const std::string& doing) const {
  if (!readOnly_ && db_.isOpen()) return;
  std::string why = lockedBy_ ? msg("{} has it open", lockedBy_->describe()) : tr("it was opened read-only");
  throw WorkspaceError(Kind::ReadOnly, msg("Could not {} in {}: {}. Close it there, then open it again here.",
                                           doing, path_, why));
}

// The last line of the text rule (forms/answer_text.h): the session refuses
// such text with the question's own rule; here, without the questionnaire,
// line breaks are let through, but nothing a report cannot carry is.
void Workspace::refuseUnfitText(const std::vector<AnswerWrite>& writes) const {
  for (const auto& w : writes)
    if (std::string problem = textRuleProblem(w.value, true); !problem.empty())
      throw WorkspaceError(
          Kind::Refused, msg("The answer {} {}, which a report cannot carry; nothing was saved in {}. Remove "
                             "it and enter the answer again.",
                             w.path, problem, path_));
}

ResponseId Workspace::createResponse(const Questionnaire& questionnaire, const std::string& state,
                                     const std::string& language,
                                     const std::map<std::string, std::string>& initial,
                                     const std::string& description) {
  ChangeSet change;
  change.description = description;
  for (const auto& [path, value] : initial) change.writes.push_back({path, value});
  return createResponseFromChanges(questionnaire, state, language, {std::move(change)});
}

ResponseId Workspace::createResponseFromChanges(const Questionnaire& questionnaire, const std::string& state,
                                                const std::string& language,
                                                const std::vector<ChangeSet>& initial) {
  requireWritable(tr("start a response"));
  for (const auto& change : initial) refuseUnfitText(change.writes);
  if (questionnaire.sourceText.empty())
    throw WorkspaceError(Kind::Refused,
                         msg("The questionnaire {} has no text to keep with the response; load it from "
                             "its YAML file.",
                             questionnaire.info.id));
  const std::string sha = sha256Hex(questionnaire.sourceText);
  const std::string now = utcTimestamp();
  const std::string& who = options_.user;
  ResponseId id = 0;
  try {
    sql::Transaction t(db_);
    if (lockHeld_) checkLockHeld();
    sql::Statement keep(
        db_,
        "INSERT OR IGNORE INTO questionnaires(sha256, questionnaire_id, version, source_name, text, "
        "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const std::string source = std::filesystem::path(questionnaire.sourceName).filename().string();
    keep.bind(1, sha).bind(2, questionnaire.info.id).bind(3, questionnaire.info.version).bind(4, source);
    keep.bind(5, questionnaire.sourceText).bind(6, now).run();
    sql::Statement insert(
        db_,
        "INSERT INTO responses(questionnaire_id, questionnaire_version, questionnaire_sha256, state, "
        "language, created_at, created_by, updated_at, updated_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)");
    insert.bind(1, questionnaire.info.id).bind(2, questionnaire.info.version).bind(3, sha).bind(4, state);
    insert.bind(5, language.empty() ? questionnaire.defaultLanguage() : language)
        .bind(6, now)
        .bind(7, who)
        .run();
    id = db_.lastInsertRowid();
    auto& st = *statements_;
    for (const auto& change : initial) {
      const std::string& author = change.author.empty() ? who : change.author;
      for (const auto& [path, value] : change.writes) {
        if (value.empty()) continue;
        st.upsertAnswer.bind(1, id).bind(2, path).bind(3, value).bind(4, author).bind(5, now).run();
        st.logAnswer.bind(1, id).bind(2, path).bind(3, value).bind(4, author).bind(5, now);
        st.logAnswer.bind(6, change.description).run();
      }
    }
    t.commit();
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("start a response"));
  }
  changedSinceBackup_ = true;
  return id;
}

std::vector<ResponseInfo> Workspace::responses() {
  std::vector<ResponseInfo> out;
  try {
    sql::Statement s(
        db_,
        "SELECT r.id, r.questionnaire_id, r.questionnaire_version, r.questionnaire_sha256, "
        "coalesce(q.source_name, ''), r.state, r.language, r.created_at, r.created_by, r.updated_at, "
        "r.updated_by FROM responses r LEFT JOIN questionnaires q ON q.sha256 = r.questionnaire_sha256 "
        "ORDER BY r.id");
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                     s.text(7), s.text(8), s.text(9), s.text(10)});
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("list the responses"));
  }
  return out;
}

ResponseInfo Workspace::response(ResponseId id) {
  for (auto& r : responses())
    if (r.id == id) return r;
  throw WorkspaceError(
      Kind::NotFound,
      msg("{} has no response {}. Run focal-cli status {} to list its responses.", path_, id, path_));
}

std::shared_ptr<const Questionnaire> Workspace::questionnaire(ResponseId id) {
  const ResponseInfo info = response(id);
  if (auto it = questionnaires_.find(info.questionnaireSha256); it != questionnaires_.end())
    return it->second;
  std::string text, source;
  try {
    sql::Statement s(db_, "SELECT text, source_name FROM questionnaires WHERE sha256 = ?1");
    s.bind(1, info.questionnaireSha256);
    if (s.step()) {
      text = s.text(0);
      source = s.text(1);
    }
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the questionnaire"));
  }
  try {
    auto parsed = loadStoredQuestionnaire(text, info.questionnaireSha256,
                                          source.empty() ? info.questionnaireId + ".yaml" : source);
    return questionnaires_[info.questionnaireSha256] = parsed;
  } catch (const StoredQuestionnaireError& e) {
    if (e.kind() == StoredQuestionnaireError::Kind::Altered)
      throw WorkspaceError(Kind::Damaged,
                           msg("The questionnaire kept in {} for response {} is missing or altered (its "
                               "SHA-256 does not match). Restore the workspace from a backup.",
                               path_, id));
    throw WorkspaceError(Kind::Refused,
                         msg("The questionnaire kept in {} for response {} cannot be read by this "
                             "version of Focal ({}). Install the version of Focal it was made with.",
                             path_, id, e.firstError()));
  }
}

std::map<std::string, std::string> Workspace::answers(ResponseId id) {
  std::map<std::string, std::string> out;
  if (!statements_) throw WorkspaceError(Kind::Io, msg("{} is closed; open it again.", path_));
  try {
    auto& s = statements_->selectAnswers;
    s.bind(1, id);
    auto hint = out.end();
    while (s.step()) hint = out.emplace_hint(hint, s.text(0), s.text(1));
    s.reset();
  } catch (const sql::SqliteError& e) {
    statements_->selectAnswers.reset();
    rethrow(e, tr("read the answers"));
  }
  return out;
}

std::vector<StoredAnswer> Workspace::storedAnswers(ResponseId id) {
  std::vector<StoredAnswer> out;
  try {
    sql::Statement s(
        db_, "SELECT path, value, changed_by, changed_at FROM answers WHERE response = ?1 ORDER BY path");
    s.bind(1, id);
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the answers"));
  }
  return out;
}

void Workspace::write(ResponseId id, const std::vector<ChangeSet>& changes) {
  requireWritable(tr("save the answers"));
  std::vector<AnswerWrite> all;
  for (const auto& change : changes) all.insert(all.end(), change.writes.begin(), change.writes.end());
  if (all.empty()) return;
  refuseUnfitText(all);
  if (std::string why = writeRefusal(all); !why.empty())
    throw WorkspaceError(Kind::Refused, msg("Nothing was saved in {}: {}", path_, why));
  ensureFileInPlace();
  const std::string now = utcTimestamp();
  auto& st = *statements_;
  bool found = true;
  try {
    sql::Transaction t(db_);
    checkLockHeld();
    for (const auto& change : changes) {
      if (change.writes.empty()) continue;
      const std::string& who = change.author.empty() ? options_.user : change.author;
      st.touchResponse.bind(1, id).bind(2, now).bind(3, who).run();
      found = db_.changes() > 0;
      if (!found) break;
      for (const auto& w : change.writes) {
        if (w.value.empty())
          st.deleteAnswer.bind(1, id).bind(2, w.path).run();
        else
          st.upsertAnswer.bind(1, id).bind(2, w.path).bind(3, w.value).bind(4, who).bind(5, now).run();
        st.logAnswer.bind(1, id).bind(2, w.path).bind(3, w.value).bind(4, who).bind(5, now);
        st.logAnswer.bind(6, change.description).run();
      }
    }
    if (found) t.commit();
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("save the answers"));
  }
  if (!found)
    throw WorkspaceError(Kind::NotFound,
                         msg("{} has no response {}; the answers were not saved there.", path_, id));
  changedSinceBackup_ = true;
}

std::int64_t Workspace::lastChangeNumber(ResponseId id) {
  try {
    sql::Statement s(db_, "SELECT coalesce(max(id), 0) FROM answer_log WHERE response = ?1");
    s.bind(1, id);
    return s.step() ? s.integer(0) : 0;
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the history"));
  }
}

std::vector<HistoryEntry> Workspace::history(ResponseId id, const std::string& questionId) {
  std::vector<HistoryEntry> out;
  try {
    sql::Statement s(
        db_,
        "SELECT path, value, changed_by, changed_at, description FROM answer_log WHERE response = ?1 "
        "ORDER BY id");
    s.bind(1, id);
    while (s.step()) {
      std::string path = s.text(0);
      if (belongsTo(path, questionId))
        out.push_back({std::move(path), s.text(1), s.text(2), s.text(3), s.text(4)});
    }
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the history"));
  }
  return out;
}

std::vector<OrphanedAnswer> Workspace::orphanedAnswers(ResponseId id) {
  std::vector<OrphanedAnswer> out;
  try {
    sql::Statement s(
        db_,
        "SELECT path, value, changed_by, changed_at, reason, from_version, to_version, orphaned_at "
        "FROM orphaned_answers WHERE response = ?1 ORDER BY id");
    s.bind(1, id);
    while (s.step())
      out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the answers set aside"));
  }
  return out;
}

// ---- attachments ------------------------------------------------------------

AttachmentInfo Workspace::storeAttachment(ResponseId id, const std::string& path, const std::string& name,
                                          const std::string& type, std::span<const unsigned char> data,
                                          std::uint64_t maxBytes, const std::string& author) {
  requireWritable(tr("attach the file"));
  ensureFileInPlace();
  const std::uint64_t hardCap = limits::kMaxAttachmentMb * kMb;
  const std::uint64_t cap = std::min(maxBytes ? maxBytes : limits::kDefaultAttachmentMb * kMb, hardCap);
  const std::string base = std::filesystem::path(name).filename().string();
  if (base.empty() || base.size() > 255)
    throw WorkspaceError(Kind::Refused,
                         msg("'{}' is not a usable file name; rename the file and attach it again.", name));
  if (data.empty())
    throw WorkspaceError(Kind::Refused, msg("The file {} is empty; nothing was attached.", base));
  if (data.size() > cap)
    throw WorkspaceError(Kind::Refused,
                         msg("The file {} is {}; at most {} can be attached here. Attach a smaller "
                             "file (only the relevant pages, or a compressed PDF).",
                             base, megabytes(data.size()), megabytes(cap)));
  AttachmentInfo info{
      path,           base, type, sha256Hex(data), data.size(), author.empty() ? options_.user : author,
      utcTimestamp(), false};
  try {
    sql::Transaction t(db_);
    checkLockHeld();
    sql::Statement find(db_, "SELECT id FROM attachment_data WHERE sha256 = ?1");
    find.bind(1, info.sha256);
    std::int64_t dataId = 0;
    if (find.step()) {
      dataId = find.integer(0);
      info.deduplicated = true;
    } else {
      const auto total =
          static_cast<std::uint64_t>(db_.queryInteger("SELECT coalesce(sum(size), 0) FROM attachment_data"));
      if (total + data.size() > options_.attachmentTotalBytes)
        throw WorkspaceError(Kind::Refused,
                             msg("{} already holds {} of attached files; with {} ({}) it would pass "
                                 "its limit of {}. Attach smaller files, or link to the documents "
                                 "instead.",
                                 path_, megabytes(total), base, megabytes(data.size()),
                                 megabytes(options_.attachmentTotalBytes)));
      sql::Statement insert(db_,
                            "INSERT INTO attachment_data(sha256, size, data, added_at, added_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
      insert.bind(1, info.sha256)
          .bind(2, static_cast<std::int64_t>(data.size()))
          .bindBlob(3, data.data(), data.size());
      insert.bind(4, info.addedAt).bind(5, info.addedBy).run();
      dataId = db_.lastInsertRowid();
    }
    sql::Statement link(db_,
                        "INSERT INTO attachments(response, path, data, name, type, added_at, added_by) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    link.bind(1, id).bind(2, path).bind(3, dataId).bind(4, base).bind(5, type).bind(6, info.addedAt);
    link.bind(7, info.addedBy).run();
    t.commit();
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("attach the file"));
  }
  changedSinceBackup_ = true;
  return info;
}

std::optional<Attachment> Workspace::attachment(ResponseId id, const std::string& path) {
  try {
    sql::Statement s(
        db_,
        "SELECT a.name, a.type, a.added_by, a.added_at, d.sha256, d.size, d.data FROM attachments a "
        "JOIN attachment_data d ON d.id = a.data WHERE a.response = ?1 AND a.path = ?2 "
        "ORDER BY a.id DESC LIMIT 1");
    s.bind(1, id).bind(2, path);
    if (!s.step()) return std::nullopt;
    Attachment a;
    a.info = {path,      s.text(0), s.text(1), s.text(4), static_cast<std::uint64_t>(s.integer(5)),
              s.text(2), s.text(3), false};
    a.data = s.blob(6);
    if (sha256Hex(a.data) != a.info.sha256)
      throw WorkspaceError(Kind::Damaged,
                           msg("The attached file {} in {} is damaged (its SHA-256 does not match). "
                               "Restore the workspace from a backup.",
                               a.info.name, path_));
    return a;
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the attached file"));
  }
}

std::uint64_t Workspace::attachmentBytes() {
  try {
    return static_cast<std::uint64_t>(db_.queryInteger("SELECT coalesce(sum(size), 0) FROM attachment_data"));
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("read the attached files"));
  }
}

}  // namespace focal
