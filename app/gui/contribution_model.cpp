#include "app/gui/contribution_model.h"

#include <stdexcept>

namespace focal::gui {

AssignedResponseModel::AssignedResponseModel(std::shared_ptr<DocumentModel> inner, RequestWorkspace request)
    : inner_(std::move(inner)), request_(std::move(request)) {
  status_ =
      inner_->statusChanges().subscribe([this](const SaveStatus& status) { statusChanges_.publish(status); });
}

Outcome AssignedResponseModel::apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey) {
  const std::string refusal = request_.refusal(writes, session().language());
  if (!refusal.empty()) return {AnswerStatus::Refused, refusal};
  return inner_->apply(writes, mergeKey);
}

void AssignedResponseModel::attach(const std::string& path, const std::string& file, std::uint64_t maxBytes) {
  const std::string refusal = request_.refusal({{path, file}}, session().language());
  if (!refusal.empty()) throw std::runtime_error(refusal);
  inner_->attach(path, file, maxBytes);
}

std::shared_ptr<ResponseModel> RestrictToAssignment(std::shared_ptr<DocumentModel> model) {
  std::optional<RequestWorkspace> request;
  try {
    request = openRequestWorkspace(model->workspace());
  } catch (const ContributionError&) {
    // A damaged request table: the workspace opens as it is; exporting will say what is wrong.
  }
  if (!request) return model;
  return std::make_shared<AssignedResponseModel>(std::move(model), std::move(*request));
}

DocumentModel* DocumentOf(ResponseModel& model) {
  if (auto* assigned = dynamic_cast<AssignedResponseModel*>(&model)) return &assigned->Inner();
  return dynamic_cast<DocumentModel*>(&model);
}

const RequestWorkspace* RequestOf(ResponseModel& model) {
  if (auto* assigned = dynamic_cast<AssignedResponseModel*>(&model)) return &assigned->Request();
  return nullptr;
}

}  // namespace focal::gui
