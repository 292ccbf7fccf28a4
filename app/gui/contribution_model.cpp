#include "app/gui/contribution_model.h"

namespace focal::gui {

std::shared_ptr<DocumentModel> WithRequest(std::shared_ptr<DocumentModel> model) {
  try {
    if (auto request = openRequestWorkspace(model->workspace()))
      model->SetRequest(std::make_shared<const RequestWorkspace>(std::move(*request)));
  } catch (const ContributionError&) {
    // A damaged request table: the workspace opens as it is (its write rule
    // refuses every answer and says why); exporting will say what is wrong.
  }
  return model;
}

const RequestWorkspace* RequestOf(ResponseModel& model) {
  DocumentModel* document = model.AsDocument();
  return document ? document->Request() : nullptr;
}

}  // namespace focal::gui
