// The history of a question: every value it had (its parts, marks and
// records included), who wrote it and when, from the store's audit trail.
#pragma once

#include <wx/dialog.h>

#include <string>

#include "app/gui/response_model.h"

namespace focal::gui {

class HistoryDialog : public wxDialog {
 public:
  HistoryDialog(wxWindow* parent, ResponseModel& model, const std::string& questionId, const wxString& label);
};

}  // namespace focal::gui
