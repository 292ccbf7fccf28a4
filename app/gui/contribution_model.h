// The agency's side in the desktop program: a contribution request opened
// in Focal is edited through AssignedResponseModel, which refuses, with a
// message saying why, every answer outside the sections assigned to the
// agency; everything else goes to the workspace's DocumentModel unchanged.
//
// Hook (app/gui/desktop.cpp, Desktop::OpenWorkspace):
//   MainFrame* frame = ShowModel(RestrictToAssignment(model));
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/gui/document_model.h"
#include "export/contribution/contribution_request.h"

namespace focal::gui {

class AssignedResponseModel : public ResponseModel {
 public:
  AssignedResponseModel(std::shared_ptr<DocumentModel> inner, RequestWorkspace request);

  DocumentModel& Inner() { return *inner_; }
  const RequestWorkspace& Request() const { return request_; }

  const ResponseSession& session() const override { return inner_->session(); }
  [[nodiscard]] ResponseSession::ChangePublisher::Subscription subscribe(
      ResponseSession::ChangePublisher::Callback callback) override {
    return inner_->subscribe(std::move(callback));
  }
  std::string state() const override { return inner_->state(); }
  std::string filePath() const override { return inner_->filePath(); }
  bool isPreview() const override { return false; }
  // Refused (nothing stored) when a write falls outside the assignment.
  Outcome apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey = {}) override;
  bool canUndo() const override { return inner_->canUndo(); }
  bool canRedo() const override { return inner_->canRedo(); }
  void undo() override { inner_->undo(); }
  void redo() override { inner_->redo(); }
  void sealUndoStep() override { inner_->sealUndoStep(); }
  void setLanguage(const std::string& language) override { inner_->setLanguage(language); }
  SaveStatus saveStatus() const override { return inner_->saveStatus(); }
  void retrySave() override { inner_->retrySave(); }
  bool keepsHistory() const override { return true; }
  std::vector<HistoryItem> history(const std::string& questionId) override {
    return inner_->history(questionId);
  }
  bool keepsAttachments() const override { return inner_->keepsAttachments(); }
  // Throws std::runtime_error (with the reason) outside the assignment.
  void attach(const std::string& path, const std::string& file, std::uint64_t maxBytes) override;
  std::optional<AttachedFile> attachedFile(const std::string& path) override {
    return inner_->attachedFile(path);
  }
  bool extractAttachment(const std::string& path, const std::string& file) override {
    return inner_->extractAttachment(path, file);
  }

 private:
  std::shared_ptr<DocumentModel> inner_;
  RequestWorkspace request_;
  Publisher<SaveStatus>::Subscription status_;
};

// `model` itself for an ordinary workspace; wrapped for a contribution request.
std::shared_ptr<ResponseModel> RestrictToAssignment(std::shared_ptr<DocumentModel> model);

// The workspace document behind a window's model (wrapped or not); null in a preview.
DocumentModel* DocumentOf(ResponseModel& model);
// The request when the window shows a contribution request, else null.
const RequestWorkspace* RequestOf(ResponseModel& model);

}  // namespace focal::gui
