// A national report (.focalreport) opened with a double-click: shown
// read-only in the same window, with what the check of its seal and
// signature found, so the focal point can read what was sent.
#pragma once

#include <memory>
#include <string>

#include "app/gui/response_model.h"
#include "export/report/report_file.h"

namespace focal::gui {

class ReportModel : public ResponseModel {
 public:
  // Null, with `error` set, when the file is not a readable report.
  static std::shared_ptr<ReportModel> Open(const std::string& file, std::string* error);

  const ResponseSession& session() const override { return *session_; }
  [[nodiscard]] ResponseSession::ChangePublisher::Subscription subscribe(
      ResponseSession::ChangePublisher::Callback callback) override {
    return session_->subscribe(std::move(callback));
  }
  std::string state() const override { return check_.report->metadata.state; }
  std::string filePath() const override { return file_; }
  bool isPreview() const override { return false; }
  Outcome apply(const std::vector<AnswerWrite>&, const std::string& = {}) override;
  bool canUndo() const override { return false; }
  bool canRedo() const override { return false; }
  UndoResult undo() override { return {}; }
  UndoResult redo() override { return {}; }
  void sealUndoStep() override {}
  void setLanguage(const std::string& language) override { session_->setLanguage(language); }
  SaveStatus saveStatus() const override;
  std::optional<AttachedFile> attachedFile(const std::string& path) override;
  bool extractAttachment(const std::string& path, const std::string& file) override;

 private:
  std::string file_;
  ReportCheck check_;
  std::unique_ptr<ResponseSession> session_;
};

}  // namespace focal::gui
