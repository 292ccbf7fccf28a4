#include "app/gui/reference_panel.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "forms/provision_coverage.h"

namespace focal::gui {

ReferencePanel::ReferencePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, _("Treaty provisions"));
  heading_->SetFont(heading_->GetFont().Bold());
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                         wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_AUTO_URL | wxBORDER_NONE);
  text_->Bind(wxEVT_TEXT_URL, [this](wxTextUrlEvent& event) {
    if (event.GetMouseEvent().LeftUp())
      wxLaunchDefaultBrowser(text_->GetRange(event.GetURLStart(), event.GetURLEnd()));
  });
  text_->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
  SetAccessibleName(text_, _("Treaty text"), _("The treaty references of the current question."));
  sizer->Add(heading_, 0, wxALL, FromDIP(8));
  sizer->Add(text_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  SetSizer(sizer);
}

wxString ReferencePanel::Text() const { return text_->GetValue(); }

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
  wxTextAttr link = normal;
  link.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
  link.SetFontUnderlined(true);
  bool any = false;
  std::vector<TreatyReference> shown;
  auto writeReferences = [&](const std::vector<TreatyReference>& references) {
    for (const auto& reference : references) {
      const bool repeated = std::any_of(shown.begin(), shown.end(), [&](const TreatyReference& r) {
        return r.instrument == reference.instrument && r.article == reference.article &&
               r.paragraph == reference.paragraph;
      });
      if (repeated) continue;
      shown.push_back(reference);
      any = true;
      const ProvisionCatalog* catalog = nullptr;
      if (auto it = q.provisions.find(instrumentKey(reference.instrument)); it != q.provisions.end())
        catalog = it->second.get();
      const Provision* provision = catalog ? catalog->find(reference.article, reference.paragraph) : nullptr;
      const Provision* article = catalog ? catalog->find(reference.article, {}) : nullptr;
      text_->SetDefaultStyle(bold);
      wxString title = ReferenceTitle(reference);
      if (article) title += wxString::FromUTF8(" \u2014 ") + FromUtf8(article->title.get(language, "en"));
      text_->AppendText(title + "\n");
      if (provision) {
        text_->SetDefaultStyle(grey);
        std::string themes;
        for (const auto& theme : provision->themes)
          themes += (themes.empty() ? "" : ", ") + catalog->themeLabel(theme, language);
        text_->AppendText(FromUtf8(obligationLabel(provision->obligation, language) + " \u00b7 " + themes) +
                          "\n");
        text_->SetDefaultStyle(normal);
        text_->AppendText(FromUtf8(provision->summary.get(language, "en")) + "\n");
      }
      if (!reference.text.empty()) {
        text_->SetDefaultStyle(normal);
        text_->AppendText(Localized(reference.text, language, q) + "\n");
      }
      if (catalog) {
        text_->SetDefaultStyle(link);
        text_->AppendText(FromUtf8(catalog->linkFor(language)) + "\n");
      }
      text_->AppendText("\n");
    }
  };
  if (question >= 0) {
    const Question& item = q.questions[question];
    // A follow-up that cites nothing shows the provisions of the question it follows.
    const auto references = effectiveReferences(q, question);
    writeReferences(references);
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
