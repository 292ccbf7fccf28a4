// File > Export the national report...: the signed report, its PDF or HTML
// for national clearance, or a data export, from the window's response.
#pragma once

#include <wx/string.h>

#include <string>

class wxWindow;

namespace focal::gui {

class ResponseModel;

// Whether the window's response can be exported (a workspace response that
// is not an agency's contribution request).
bool CanExportReport(ResponseModel& model);

// Asks for the format, draft or final, and the file; exports with a progress
// indicator; says what was written or what is missing.
void ExportReport(wxWindow* parent, ResponseModel& model);

// The export without dialogs (the tests drive it): returns false with
// `message` saying what to do when it cannot be made; `message` otherwise
// says what was written.
bool WriteReport(ResponseModel& model, const std::string& format, const std::string& file, bool final,
                 wxString& message, wxWindow* progressParent = nullptr);

}  // namespace focal::gui
