#include "app/gui/offer_actions.h"

#include <wx/filedlg.h>

#include "app/gui/main_frame.h"
#include "app/gui/response_model.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

std::string AddOfferSource(MainFrame& frame, ResponseModel& model, const std::string& file) {
  const std::string why = model.addOfferSource(file);
  if (why.empty()) frame.ReopenSection();  // to show the offers
  return why;
}

void OfferAnswersFromFile(wxWindow* parent, MainFrame& frame, ResponseModel& model) {
  wxFileDialog open(parent, _("Offer answers from another reply"), wxString(), wxString(),
                    _("Focal workspaces and national reports (*.focal;*.focalreport)|*.focal;*.focalreport"),
                    wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (open.ShowModal() != wxID_OK) return;
  const std::string why = AddOfferSource(frame, model, ToUtf8(open.GetPath()));
  if (!why.empty()) frame.ShowWarning(FromUtf8(why));
}

}  // namespace focal::gui
