// What a main window edits: one response session and where its changes go.
// The views only talk to this interface, so the same window serves a
// workspace response, the author's preview (both the answer store's
// document, see document_model.h) and a national report shown read-only.
// Undo, the save state and the history live behind it, never in the frame.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "forms/observer.h"
#include "forms/offers.h"
#include "forms/response_session.h"
#include "forms/undo_history.h"

namespace focal::gui {

class DocumentModel;

// Where the answers stand, for the quiet indicator and the failure banner.
struct SaveStatus {
  enum class State {
    Memory,    // preview: nothing is written anywhere
    Saved,     // every answer is in the workspace file
    Pending,   // some answers could not be written; they are held and retried
    ReadOnly,  // the workspace was opened read-only
  };
  State state = State::Memory;
  std::size_t pending = 0;  // answers held in memory, for Pending
  std::string message;      // why writing failed, for Pending; why read-only, for ReadOnly
  std::string warning;      // something to know that does not put answers at risk (a failed backup)
  bool operator==(const SaveStatus&) const = default;
};

// One earlier value of a question, for the history window, with what
// change it was part of ("Filled from answers.csv"; "" for typing).
struct HistoryItem {
  std::string path, value, changedBy, changedAt, description;
};

struct AttachedFile {
  std::string name, type, sha256;
  std::uint64_t size = 0;
};

class ResponseModel {
 public:
  virtual ~ResponseModel() = default;

  virtual const ResponseSession& session() const = 0;
  const Questionnaire& questionnaire() const { return session().questionnaire(); }
  // The number a question is shown with, as in the printed report and the
  // texts' {number:id} (forms/question_refs.h); "" for a note.
  const std::string& shownNumber(const std::string& questionId) const;
  [[nodiscard]] virtual ResponseSession::ChangePublisher::Subscription subscribe(
      ResponseSession::ChangePublisher::Callback callback) = 0;

  // For the title bar: the State and the file, empty in a preview.
  virtual std::string state() const = 0;
  virtual std::string filePath() const = 0;
  virtual bool isPreview() const = 0;
  // The workspace document behind the model; null in a preview.
  virtual DocumentModel* AsDocument() { return nullptr; }

  // Writes as one undo step. Writes with the same non-empty `mergeKey`
  // following each other (keystrokes in one field) merge into one step.
  virtual Outcome apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey = {}) = 0;
  virtual bool canUndo() const = 0;
  virtual bool canRedo() const = 0;
  // Undoes (redoes) the last step; what it changed, so the window can show it.
  virtual UndoResult undo() = 0;
  virtual UndoResult redo() = 0;
  // The focus left a field: its next keystrokes start a new undo step.
  virtual void sealUndoStep() = 0;

  // The questionnaire language of this response (kept with it).
  virtual void setLanguage(const std::string& language) = 0;
  const std::string& language() const { return session().language(); }

  virtual SaveStatus saveStatus() const = 0;
  // Tries again to write held answers (the banner's button).
  virtual void retrySave() {}
  Publisher<SaveStatus>& statusChanges() { return statusChanges_; }

  // Who changed a question, and when; empty where no history is kept.
  virtual bool keepsHistory() const { return false; }
  virtual std::vector<HistoryItem> history(const std::string& /*questionId*/) { return {}; }

  // Attachments are kept in a workspace only.
  virtual bool keepsAttachments() const { return false; }
  // Stores the file and answers `path` with its name; throws std::runtime_error
  // with a message for the user (too large, unreadable...).
  virtual void attach(const std::string& /*path*/, const std::string& /*file*/, std::uint64_t /*maxBytes*/) {}
  virtual std::optional<AttachedFile> attachedFile(const std::string& /*path*/) { return std::nullopt; }
  // Writes the stored file to `file` so that it can be opened.
  virtual bool extractAttachment(const std::string& /*path*/, const std::string& /*file*/) { return false; }
  // Answers the same State gave for another instrument that the top-level
  // question `questionId` could take (forms/offers.h); none in a preview.
  virtual std::vector<Offer> offers(const std::string& /*questionId*/) { return {}; }
  // Takes `offer` as one undo step; "" when taken, else why not (an answer
  // given here is replaced only when `replace`).
  virtual std::string takeOffer(const Offer& /*offer*/, bool /*replace*/) { return {}; }
  // Adds the replies of the same State in `file` (a workspace or a national
  // report that verifies) to those that offer answers; "" when done, else why not.
  virtual std::string addOfferSource(const std::string& /*file*/) { return {}; }
  // Reads the replies that offer answers again when they may have changed
  // since they were read (another response of the workspace written, a
  // source file changed on disk); true when they were, so that the offers
  // and their "changed in the other reply" flags are shown anew.
  virtual bool refreshOfferSources() { return false; }

 protected:
  Publisher<SaveStatus> statusChanges_;

 private:
  // The questionnaire numbers_ belong to, held (not its address, which a
  // freed questionnaire's successor could reuse) so the numbers never go stale.
  mutable std::shared_ptr<const Questionnaire> numbered_;
  mutable std::map<std::string, std::string> numbers_;
};

}  // namespace focal::gui
