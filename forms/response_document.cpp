#include "forms/response_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include "forms/answer_path.h"
#include "forms/i18n.h"

namespace focal {

namespace {

std::shared_ptr<const Questionnaire> questionnaireOf(Workspace& workspace, ResponseId id,
                                                     const std::shared_ptr<const Questionnaire>& given) {
  if (given && sha256Hex(given->sourceText) == workspace.response(id).questionnaireSha256) return given;
  return workspace.questionnaire(id);
}

std::string languageOf(Workspace& workspace, ResponseId id) { return workspace.response(id).language; }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

const char* saveStateKey(SaveState state) {
  switch (state) {
    case SaveState::Saved:
      return "saved";
    case SaveState::Pending:
      return "pending";
    case SaveState::ReadOnly:
      return "read_only";
  }
  return "saved";
}

ResponseDocument::ResponseDocument(Workspace& workspace, ResponseId id, DocumentOptions options)
    : workspace_(workspace),
      id_(id),
      options_(std::move(options)),
      session_(questionnaireOf(workspace, id, options_.questionnaire), languageOf(workspace, id)),
      history_(UndoHistory::Options{options_.mergeWindow, options_.undoLimit, options_.clock}) {
  session_.load(workspace_.answers(id_));
  if (workspace_.readOnly()) {
    DocumentStatus s;
    s.state = SaveState::ReadOnly;
    s.message =
        workspace_.lockedBy()
            ? fmt::format(fmt::runtime(tr("{} is open in Focal by {}, so it is shown read-only here: changes "
                                          "cannot be made until it is closed there.")),
                          workspace_.path(), workspace_.lockedBy()->describe())
            : fmt::format(fmt::runtime(tr("{} is open read-only: changes cannot be made.")),
                          workspace_.path());
    s.cause = s.message;
    status_ = s;
  }
}

ResponseDocument::~ResponseDocument() {
  if (!pending_.empty()) flush();
}

std::optional<Outcome> ResponseDocument::refuseIfReadOnly() const {
  if (!workspace_.readOnly()) return std::nullopt;
  return Outcome{AnswerStatus::Refused, status_.message};
}

// ---- editing ------------------------------------------------------------------

std::vector<AnswerWrite> ResponseDocument::withConfirmations(const std::vector<AnswerWrite>& writes) const {
  std::vector<AnswerWrite> out = writes;
  auto confirm = [&](const std::string& markPath) {
    if (session_.value(markPath).empty()) return;
    for (const auto& w : out)
      if (w.path == markPath) return;
    out.push_back({markPath, ""});
  };
  for (const auto& w : writes) {
    auto parsed = parseAnswerPath(w.path);
    if (!parsed || (!parsed->mark.empty() && parsed->mark != "status")) continue;  // comments confirm nothing
    if (parsed->repeat.empty()) {
      confirm(withMark(parsed->question, "carried"));
    } else {
      confirm(withMark(parsed->repeat, "carried"));
      confirm(parsed->questionPath().withMark("carried").str());
    }
  }
  return out;
}

Outcome ResponseDocument::edit(const std::vector<AnswerWrite>& writes, const std::string& mergePath,
                               std::vector<AnswerChange>* changesOut) {
  if (auto refused = refuseIfReadOnly()) return *refused;
  const std::vector<AnswerWrite> all = withConfirmations(writes);
  // The workspace's own rule (an agency's assigned sections), for every caller.
  if (std::string why = workspace_.writeRefusal(all, session_.language()); !why.empty())
    return Outcome{AnswerStatus::Refused, why};
  std::vector<AnswerChange> changes;
  Outcome outcome = session_.apply(all, &changes);
  if (changesOut) *changesOut = changes;
  record(std::move(changes), mergePath);
  return outcome;
}

Outcome ResponseDocument::answer(const std::string& path, const std::string& value) {
  return edit({{path, value}}, path, nullptr);
}

Outcome ResponseDocument::apply(const std::vector<AnswerWrite>& writes, std::vector<AnswerChange>* changes,
                                const std::string& author) {
  const std::string outer = std::exchange(author_, author);
  Outcome outcome = edit(writes, {}, changes);
  author_ = outer;
  return outcome;
}

std::string ResponseDocument::addRecord(const std::string& repeatId) {
  if (refuseIfReadOnly()) return {};
  auto writes = session_.addRecordWrites(repeatId);
  edit(writes, {}, nullptr);
  auto keys = session_.records(repeatId);
  return keys.empty() ? std::string() : keys.back();
}

void ResponseDocument::removeRecord(const std::string& repeatId, const std::string& key) {
  edit(session_.removeRecordWrites(repeatId, key), {}, nullptr);
}

void ResponseDocument::moveRecord(const std::string& repeatId, const std::string& key, std::size_t newIndex) {
  edit(session_.moveRecordWrites(repeatId, key, newIndex), {}, nullptr);
}

void ResponseDocument::confirmCarried(const std::string& questionId) {
  if (!session_.value(withMark(questionId, "carried")).empty())
    edit({{withMark(questionId, "carried"), ""}}, {}, nullptr);
}

AttachmentInfo ResponseDocument::attach(const std::string& path, const std::string& fileName,
                                        const std::string& mimeType, std::span<const unsigned char> data,
                                        const std::string& author) {
  if (auto refused = refuseIfReadOnly())
    throw WorkspaceError(WorkspaceError::Kind::ReadOnly, refused->message);
  auto parsed = parseAnswerPath(path);
  const Question* q = parsed ? questionnaire().find(parsed->question) : nullptr;
  if (!q || q->type != QuestionType::Attachment || !parsed->mark.empty() || !parsed->part.empty())
    throw WorkspaceError(
        WorkspaceError::Kind::Refused,
        fmt::format(fmt::runtime(tr("'{}' is not an attachment question; files can only be attached "
                                    "to questions that ask for one.")),
                    path));
  // The workspace's rule before any byte is stored: a file the rule refuses
  // is not kept either.
  if (std::string why = workspace_.writeRefusal({{path, fileName}}, session_.language()); !why.empty())
    throw WorkspaceError(WorkspaceError::Kind::Refused, why);
  const std::string base = std::filesystem::path(fileName).filename().string();
  if (!q->allowedTypes.empty()) {
    std::string extension = lower(std::filesystem::path(base).extension().string());
    if (!extension.empty()) extension.erase(0, 1);
    if (std::find(q->allowedTypes.begin(), q->allowedTypes.end(), extension) == q->allowedTypes.end()) {
      std::string allowed;
      for (const auto& t : q->allowedTypes) allowed += (allowed.empty() ? "" : ", ") + t;
      throw WorkspaceError(
          WorkspaceError::Kind::Refused,
          fmt::format(fmt::runtime(tr("{} cannot be attached here: this question takes files of "
                                      "the types {}. Save the document in one of them and attach it "
                                      "again.")),
                      base, allowed));
    }
  }
  AttachmentInfo info = workspace_.storeAttachment(id_, path, base, mimeType, data, q->maxBytes, author);
  history_.seal();
  const std::string outer = std::exchange(author_, author);
  edit({{path, info.name}}, {}, nullptr);
  author_ = outer;
  return info;
}

// ---- undo -----------------------------------------------------------------------

void ResponseDocument::record(std::vector<AnswerChange> changes, const std::string& mergePath) {
  if (changes.empty()) return;
  markPending(changes);
  if (batchDepth_ > 0) {
    batchChanges_.insert(batchChanges_.end(), std::make_move_iterator(changes.begin()),
                         std::make_move_iterator(changes.end()));
    return;
  }
  history_.record(std::move(changes), mergePath);
  flush();
}

UndoResult ResponseDocument::undo() {
  if (!history_.canUndo() || workspace_.readOnly()) return {};
  return replay(history_.takeUndo());
}

UndoResult ResponseDocument::redo() {
  if (!history_.canRedo() || workspace_.readOnly()) return {};
  return replay(history_.takeRedo());
}

UndoResult ResponseDocument::replay(const std::vector<AnswerWrite>& writes) {
  UndoResult result;
  session_.apply(writes, &result.changes);
  markPending(result.changes);
  flush();
  return result;
}

void ResponseDocument::endBatch() {
  if (--batchDepth_ > 0) return;
  history_.seal();
  if (!batchChanges_.empty()) history_.record(std::exchange(batchChanges_, {}), {});
  // Each path once, where it first changed, with the author and description of its last change.
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<Pending> unique;
  for (auto& p : pending_) {
    auto [it, added] = seen.try_emplace(p.path, unique.size());
    if (added) {
      unique.push_back(std::move(p));
    } else {
      unique[it->second].author = std::move(p.author);
      unique[it->second].description = std::move(p.description);
    }
  }
  pending_ = std::move(unique);
  flush();
}

// ---- saving ----------------------------------------------------------------------

void ResponseDocument::markPending(const std::vector<AnswerChange>& changes) {
  // The author is fixed now, when the change is made: a write that waits
  // (a full disk) is stamped later with the same name.
  const std::string& author = author_.empty() ? workspace_.user() : author_;
  // In a batch (fill: a million rows) the paths are appended and made
  // unique once when it ends; a search per change made fill quadratic.
  if (batchDepth_ > 0) {
    for (const auto& c : changes) pending_.push_back({c.path, author, description_});
    return;
  }
  for (const auto& c : changes) {
    auto it =
        std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.path == c.path; });
    if (it == pending_.end()) {
      pending_.push_back({c.path, author, description_});
    } else {
      it->author = author;
      it->description = description_;
    }
  }
}

std::vector<ChangeSet> ResponseDocument::pendingChanges() const {
  std::vector<ChangeSet> changes;
  for (const auto& p : pending_) {
    if (changes.empty() || changes.back().author != p.author || changes.back().description != p.description)
      changes.push_back({{}, p.author, p.description});
    changes.back().writes.push_back({p.path, session_.value(p.path)});
  }
  return changes;
}

bool ResponseDocument::retry() { return flush(); }

bool ResponseDocument::flush() {
  if (batchDepth_ > 0) return false;
  if (pending_.empty()) return true;
  if (workspace_.readOnly()) return false;
  DocumentStatus next = status_;
  try {
    workspace_.write(id_, pendingChanges());
    pending_.clear();
    next.state = SaveState::Saved;
    next.pendingAnswers = 0;
    next.message.clear();
    next.cause.clear();
    next.lastSavedAt = utcTimestamp();
  } catch (const WorkspaceError& e) {
    next.state = SaveState::Pending;
    next.pendingAnswers = pending_.size();
    next.message =
        fmt::format(fmt::runtime(tr("{} Not saved yet: {} answers. Focal keeps them and saves them as soon "
                                    "as writing works again; keep Focal open until this message is gone.")),
                    e.what(), pending_.size());
    next.cause = e.what();
    setStatus(std::move(next));
    return false;
  }
  try {
    workspace_.backupIfDue();
    next.backupWarning.clear();
  } catch (const WorkspaceError& e) {
    next.backupWarning = e.what();
  }
  setStatus(std::move(next));
  return true;
}

void ResponseDocument::setStatus(DocumentStatus status) {
  const bool changed = !(status == status_);
  status_ = std::move(status);
  if (changed) statusChanges_.publish(status_);
}

}  // namespace focal
