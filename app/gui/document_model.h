// A workspace response as the window edits it: the answer store's
// ResponseDocument (session, SQLite persistence, undo, pending-on-failure
// status) behind the ResponseModel interface the views use. The author's
// preview is the same document over a store kept in memory (PreviewModel),
// so both follow one set of rules for undo, marks, comments and history.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/response_model.h"
#include "forms/response_document.h"
#include "forms/workspace.h"

namespace focal {
struct RequestWorkspace;
}

namespace focal::gui {

class DocumentModel : public ResponseModel {
 public:
  // Takes the workspace; opens the response `id` in it.
  DocumentModel(std::unique_ptr<Workspace> workspace, ResponseId id, DocumentOptions options = {});
  ~DocumentModel() override;

  const ResponseSession& session() const override { return document_->session(); }
  [[nodiscard]] ResponseSession::ChangePublisher::Subscription subscribe(
      ResponseSession::ChangePublisher::Callback callback) override {
    return document_->subscribeAnswers(std::move(callback));
  }
  std::string state() const override { return info_.state; }
  std::string filePath() const override { return workspace_->path(); }
  bool isPreview() const override { return false; }
  DocumentModel* AsDocument() override { return this; }

  // The agency's request when this workspace is one (app/gui/contribution_model.h
  // sets it); null for a focal point's workspace. It only tells the window what
  // to offer: the rule on what may be written is the workspace's own, applied
  // by the document for every caller.
  const RequestWorkspace* Request() const { return request_.get(); }
  void SetRequest(std::shared_ptr<const RequestWorkspace> request) { request_ = std::move(request); }

  Outcome apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey = {}) override;
  bool canUndo() const override { return document_->canUndo(); }
  bool canRedo() const override { return document_->canRedo(); }
  UndoResult undo() override { return document_->undo(); }
  UndoResult redo() override { return document_->redo(); }
  void sealUndoStep() override { document_->sealUndoStep(); }
  void setLanguage(const std::string& language) override;

  SaveStatus saveStatus() const override;
  void retrySave() override { document_->retry(); }

  bool keepsHistory() const override { return true; }
  std::vector<HistoryItem> history(const std::string& questionId) override;

  bool keepsAttachments() const override { return !workspace_->readOnly(); }
  void attach(const std::string& path, const std::string& file, std::uint64_t maxBytes) override;
  std::optional<AttachedFile> attachedFile(const std::string& path) override;
  bool extractAttachment(const std::string& path, const std::string& file) override;

  // The workspace's other responses of the same State offer their answers (document_offers.cpp).
  std::vector<Offer> offers(const std::string& questionId) override;
  std::string takeOffer(const Offer& offer, bool replace) override;
  std::string addOfferSource(const std::string& file) override;
  bool refreshOfferSources() override;

  Workspace& workspace() { return *workspace_; }
  ResponseDocument& document() { return *document_; }
  ResponseId responseId() const { return id_; }
  // Warnings to show once (network file system, opened read-only because locked...).
  std::vector<std::string> openingWarnings() const;

  // Who prepares the reply, for the history and the report's "Prepared by":
  // the answer to the questionnaire's "Name of the national focal point"
  // question when it has one, else the name given once in this program
  // (SetPreparerName); "" when neither is known (then ask).
  std::string PreparerName() const;
  void SetPreparerName(const std::string& name);
  // The text question asking for the focal point's name, or "".
  const std::string& FocalPointQuestion() const { return focalPointQuestion_; }

 private:
  std::unique_ptr<Workspace> workspace_;
  ResponseId id_;
  ResponseInfo info_;
  std::unique_ptr<ResponseDocument> document_;
  ResponseDocument::StatusPublisher::Subscription statusSubscription_;
  std::map<std::string, AttachedFile> attachedCache_;  // by path + "\n" + name
  std::string focalPointQuestion_;
  // Offers, computed again when the answers differ from those they were computed for.
  std::optional<std::vector<OfferSource>> offerSources_;
  std::vector<Offer> offers_;
  std::map<std::string, std::string> offersFor_;
  bool offersKnown_ = false;
  std::vector<std::string> offerFiles_;  // added with addOfferSource
  std::string offerStamp_;               // what the sources were when read (OfferStamp)
  std::string OfferStamp() const;
  std::shared_ptr<const RequestWorkspace> request_;
  void UsePreparerName();
};

// The author's preview of a questionnaire file: a document like any
// workspace response (undo, marks, comments, history, attachments), over a
// store kept in memory only (Workspace::createInMemory), so nothing is
// written to disk and everything is gone when the window closes. It is no
// workspace: no State, nothing to export or offer, no language remembered.
class PreviewModel : public DocumentModel {
 public:
  // The State code the preview's response is stored with, shown and exported
  // nowhere: ISO 3166-1 leaves ZZZ to users, so no country has it.
  static constexpr const char* kState = "ZZZ";

  // A response to `questionnaire` (its text is kept in the store) in
  // `language` ("" for its first), with `answers` (those typed before the
  // file was loaded again). Throws WorkspaceError when the store refuses them.
  PreviewModel(std::shared_ptr<const Questionnaire> questionnaire, std::string language,
               std::map<std::string, std::string> answers = {});

  std::string state() const override { return {}; }
  std::string filePath() const override { return file_; }
  bool isPreview() const override { return true; }
  // Not a workspace's document: no report to export, no contributions, no preparer to ask for.
  DocumentModel* AsDocument() override { return nullptr; }
  // In memory, as long as the store holds every change.
  SaveStatus saveStatus() const override;
  // No other reply of a State to offer answers.
  std::vector<Offer> offers(const std::string& /*questionId*/) override { return {}; }
  std::string takeOffer(const Offer& /*offer*/, bool /*replace*/) override { return {}; }
  std::string addOfferSource(const std::string& /*file*/) override { return {}; }
  bool refreshOfferSources() override { return false; }

 private:
  struct Store {
    std::unique_ptr<Workspace> workspace;
    ResponseId id = 0;
  };
  static Store MakeStore(const Questionnaire& questionnaire, const std::string& language,
                         const std::map<std::string, std::string>& answers);
  PreviewModel(Store store, std::shared_ptr<const Questionnaire> questionnaire);

  std::string file_;  // the questionnaire's YAML
};

}  // namespace focal::gui
