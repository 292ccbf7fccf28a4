#include "app/gui/reference_panel.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

ReferencePanel::ReferencePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, _("Treaty text"));
  heading_->SetFont(heading_->GetFont().Bold());
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                         wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxBORDER_NONE);
  text_->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
  SetAccessibleName(text_, _("Treaty text"), _("The treaty references of the current question."));
  sizer->Add(heading_, 0, wxALL, FromDIP(8));
  sizer->Add(text_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  SetSizer(sizer);
}

void ReferencePanel::Clear() {
  text_->Clear();
  section_ = question_ = -2;
}

void ReferencePanel::ShowFor(const Questionnaire& q, const std::string& language, int section, int question) {
  if (section == section_ && question == question_ && language == language_) return;
  section_ = section;
  question_ = question;
  language_ = language;
  text_->Freeze();
  text_->Clear();
  wxTextAttr normal(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  normal.SetFontWeight(wxFONTWEIGHT_NORMAL);
  wxTextAttr bold = normal;
  bold.SetFontWeight(wxFONTWEIGHT_BOLD);
  wxTextAttr grey = normal;
  grey.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  bool any = false;
  auto writeReferences = [&](const std::vector<TreatyReference>& references) {
    for (const auto& reference : references) {
      any = true;
      text_->SetDefaultStyle(bold);
      text_->AppendText(ReferenceTitle(reference) + "\n");
      text_->SetDefaultStyle(normal);
      if (!reference.text.empty()) text_->AppendText(Localized(reference.text, language, q) + "\n");
      text_->AppendText("\n");
    }
  };
  if (question >= 0) {
    const Question& item = q.questions[question];
    writeReferences(item.references);
    if (item.repeat >= 0) writeReferences(q.questions[item.repeat].references);
  }
  if (section >= 0)
    for (int s = section; s >= 0; s = q.sections[s].parent) writeReferences(q.sections[s].references);
  if (!any) {
    text_->SetDefaultStyle(grey);
    text_->AppendText(_("No treaty reference is given for this question.") + "\n\n");
  }
  if (question >= 0) {
    const Question& item = q.questions[question];
    text_->SetDefaultStyle(grey);
    text_->AppendText(wxString::Format(_("Question %s"), FromUtf8(item.id)) + "\n");
    for (const auto& other : item.alsoAskedIn)
      text_->AppendText(wxString::Format(_("Also asked in %s"), FromUtf8(other)) + "\n");
  }
  text_->SetDefaultStyle(normal);
  text_->ShowPosition(0);
  text_->Thaw();
}

}  // namespace focal::gui
