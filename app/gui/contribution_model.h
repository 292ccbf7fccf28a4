// The agency's side in the desktop program: a contribution request opened
// in Focal is an ordinary workspace window whose DocumentModel knows its
// request, so the window offers the agency's commands (export the
// contribution) instead of the focal point's (export the report).
//
// What the agency may answer is not decided here: the workspace's write rule
// (export/contribution/contribution_request.cpp) refuses, in the document,
// every answer outside the assigned sections, for the window, `focal-cli
// fill` and imports alike.
//
// Hook (app/gui/desktop.cpp, Desktop::OpenWorkspace):
//   MainFrame* frame = ShowModel(WithRequest(model));
#pragma once

#include <memory>

#include "app/gui/document_model.h"
#include "export/contribution/contribution_request.h"

namespace focal::gui {

// `model`, told its request when the workspace is a contribution request.
std::shared_ptr<DocumentModel> WithRequest(std::shared_ptr<DocumentModel> model);

// The workspace document behind a window's model; null in a preview.
inline DocumentModel* DocumentOf(ResponseModel& model) { return model.AsDocument(); }
// The request when the window shows a contribution request, else null.
const RequestWorkspace* RequestOf(ResponseModel& model);

}  // namespace focal::gui
