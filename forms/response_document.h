// A response as the app and the command line edit it: a ResponseSession
// over one stored response, with undo and redo, and the saved state.
//
// Every change is written to the workspace at once (one transaction). When
// writing fails (disk full, a read-only disk, the file taken away), the
// change stays in the session and its paths wait in a pending queue; the
// status says so in plain words (for a banner), and the queue is written on
// the next change, on retry(), and when the document closes. Nothing the
// user typed is dropped.
//
// Undo lives here, not in the view: consecutive writes to the same single
// path within the merge window (2 s) are one step, so the keystrokes of one
// field undo together; adding or removing a record is one step.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "forms/observer.h"
#include "forms/response_session.h"
#include "forms/undo_history.h"
#include "forms/workspace.h"

namespace focal {

enum class SaveState {
  Saved,     // every change is on disk
  Pending,   // some changes are only in memory; see the message
  ReadOnly,  // opened read-only: nothing can be changed
};
const char* saveStateKey(SaveState state);  // "saved", "pending", "read_only"

struct DocumentStatus {
  SaveState state = SaveState::Saved;
  std::size_t pendingAnswers = 0;  // stored values waiting to be written
  std::string message;             // what happened and what to do; "" when saved
  std::string cause;               // the store's own words (no "Focal keeps them"), for the CLI
  std::string lastSavedAt;         // UTC, ISO 8601
  std::string backupWarning;       // the last backup failed (answers themselves are safe)
  bool operator==(const DocumentStatus&) const = default;
};

struct DocumentOptions {
  std::chrono::milliseconds mergeWindow{2000};
  std::size_t undoLimit = 1000;
  // For tests: the clock the merge window is measured with.
  std::function<std::chrono::steady_clock::time_point()> clock;
  // The response's questionnaire when the caller holds it already (the
  // author's preview, loaded from its file with every check): used when its
  // text is the one kept with the response, instead of parsing that again.
  std::shared_ptr<const Questionnaire> questionnaire;
};

class ResponseDocument {
 public:
  // Loads the response's questionnaire (from the text kept with it) and its answers.
  ResponseDocument(Workspace& workspace, ResponseId id, DocumentOptions options = {});
  // Writes pending answers one last time (the status tells if that failed).
  ~ResponseDocument();
  ResponseDocument(const ResponseDocument&) = delete;
  ResponseDocument& operator=(const ResponseDocument&) = delete;

  const ResponseSession& session() const { return session_; }
  const Questionnaire& questionnaire() const { return session_.questionnaire(); }
  Workspace& workspace() { return workspace_; }
  ResponseId id() const { return id_; }

  // ---- editing (each call is one undo step, except merged keystrokes) ----
  // One value; merges with the previous step when it wrote the same path
  // within the merge window.
  Outcome answer(const std::string& path, const std::string& value);
  // Several values as one step. `author` is who made the change when it is
  // not the workspace's user (an agency's answers being imported); it stays
  // with the change until it is written, however late.
  Outcome apply(const std::vector<AnswerWrite>& writes, std::vector<AnswerChange>* changes = nullptr,
                const std::string& author = {});
  std::string addRecord(const std::string& repeatId);  // returns the new record's key
  void removeRecord(const std::string& repeatId, const std::string& key);
  void moveRecord(const std::string& repeatId, const std::string& key, std::size_t newIndex);
  // Confirms a carried-forward answer (removes its @carried mark). Changing
  // the answer, or marking it not available, confirms it as well.
  void confirmCarried(const std::string& questionId);
  // Stores a file for an attachment question and answers it with the file
  // name, as one step. Throws WorkspaceError (Refused) for a wrong type or size.
  AttachmentInfo attach(const std::string& path, const std::string& fileName, const std::string& mimeType,
                        std::span<const unsigned char> data, const std::string& author = {});

  // Several edits as one undo step and one transaction (an import):
  //   { auto batch = document.batch(msg("Filled from {}", file)); document.apply(...); ... }
  // The description says what the change is, in the user's words; the
  // history keeps it with every value the batch writes. A batch inside
  // another without one takes the outer batch's.
  class Batch {
   public:
    explicit Batch(ResponseDocument& document, std::string description = {})
        : document_(&document), outer_(document.description_) {
      if (!description.empty()) document.description_ = std::move(description);
      ++document.batchDepth_;
    }
    Batch(Batch&& other) noexcept
        : document_(std::exchange(other.document_, nullptr)), outer_(std::move(other.outer_)) {}
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    Batch& operator=(Batch&&) = delete;
    ~Batch() {
      if (!document_) return;
      document_->description_ = std::move(outer_);
      document_->endBatch();
    }

   private:
    ResponseDocument* document_;
    std::string outer_;  // the description before this batch
  };
  [[nodiscard]] Batch batch(std::string description = {}) { return Batch(*this, std::move(description)); }

  // ---- undo (forms/undo_history.h) ----
  bool canUndo() const { return history_.canUndo(); }
  bool canRedo() const { return history_.canRedo(); }
  const UndoHistory& history() const { return history_; }
  // Undoes (redoes) the last step; the result holds the changes it made,
  // so a window can show where they are. False when there was nothing to do.
  UndoResult undo();
  UndoResult redo();
  // The next edit starts a new step even within the window (the focus left the field).
  void sealUndoStep() { history_.seal(); }

  // ---- saving ----
  const DocumentStatus& status() const { return status_; }
  bool isSaved() const { return pending_.empty(); }
  // The values waiting to be written, as they are now, as change sets by
  // author and description, in the order the changes were made.
  std::vector<ChangeSet> pendingChanges() const;
  // Tries to write the pending values now; true when everything is saved.
  bool retry();

  using StatusPublisher = Publisher<DocumentStatus>;
  [[nodiscard]] StatusPublisher::Subscription subscribeStatus(StatusPublisher::Callback callback) {
    return statusChanges_.subscribe(std::move(callback));
  }
  [[nodiscard]] ResponseSession::ChangePublisher::Subscription subscribeAnswers(
      ResponseSession::ChangePublisher::Callback callback) {
    return session_.subscribe(std::move(callback));
  }

 private:
  std::optional<Outcome> refuseIfReadOnly() const;
  // The writes plus the removal of the @carried marks they confirm.
  std::vector<AnswerWrite> withConfirmations(const std::vector<AnswerWrite>& writes) const;
  Outcome edit(const std::vector<AnswerWrite>& writes, const std::string& mergePath,
               std::vector<AnswerChange>* changesOut);
  void record(std::vector<AnswerChange> changes, const std::string& mergePath);
  UndoResult replay(const std::vector<AnswerWrite>& writes);
  void markPending(const std::vector<AnswerChange>& changes);
  bool flush();
  void endBatch();
  void setStatus(DocumentStatus status);

  Workspace& workspace_;
  ResponseId id_;
  DocumentOptions options_;
  ResponseSession session_;
  UndoHistory history_;
  int batchDepth_ = 0;
  std::vector<AnswerChange> batchChanges_;
  struct Pending {
    std::string path;
    std::string author;       // who made the latest change to it
    std::string description;  // what that change was ("" for typing)
  };
  std::vector<Pending> pending_;  // in the order they changed
  std::string author_;            // during apply() and attach(): who makes the change
  std::string description_;       // during a batch: what the change is
  DocumentStatus status_;
  StatusPublisher statusChanges_;
};

}  // namespace focal
