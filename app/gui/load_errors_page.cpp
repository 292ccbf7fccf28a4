#include "app/gui/load_errors_page.h"

#include <wx/filename.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

LoadErrorsPage::LoadErrorsPage(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, wxString());
  heading_->SetFont(heading_->GetFont().Bold().Scaled(1.3f));
  explanation_ = new wxStaticText(this, wxID_ANY, wxString());
  list_ = new wxListBox(this, wxID_ANY);
  list_->SetFont(wxFontInfo().Family(wxFONTFAMILY_TELETYPE));
  sizer->Add(heading_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
  sizer->Add(explanation_, 0, wxEXPAND | wxALL, FromDIP(16));
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
  SetSizer(sizer);
}

void LoadErrorsPage::SetDiagnostics(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
  errors_ = 0;
  list_->Clear();
  for (const auto& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::Error) ++errors_;
    wxString where =
        d.line > 0 ? wxString::Format(_("line %d, column %d"), d.line, d.column) : wxString(_("file"));
    const wxString kind = d.severity == Diagnostic::Severity::Error ? _("error") : _("warning");
    list_->Append(where + ": " + kind + ": " + FromUtf8(d.message));
  }
  const wxString name = wxFileName(FromUtf8(file)).GetFullName();
  heading_->SetLabelText(wxString::Format(
      wxPLURAL("%s does not load: %zu error", "%s does not load: %zu errors", errors_), name, errors_));
  explanation_->SetLabelText(wxString::Format(
      _("Correct each problem below in %s and save the file: the preview loads it again by itself."),
      FromUtf8(file)));
  explanation_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(32)));
  SetAccessibleName(list_, heading_->GetLabelText(), explanation_->GetLabelText());
  if (!list_->IsEmpty()) list_->SetSelection(0);
  Layout();
}

}  // namespace focal::gui
