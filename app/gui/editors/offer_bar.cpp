#include "app/gui/editors/offer_bar.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"
#include "export/report/offer_sources.h"
#include "forms/answer_path.h"
#include "forms/cycle_changes.h"

namespace focal::gui {

OfferBar::OfferBar(wxWindow* parent, EditorHost& host, const Question& question)
    : wxPanel(parent, wxID_ANY), host_(host), question_(question), sizer_(new wxBoxSizer(wxVERTICAL)) {
  SetSizer(sizer_);
  Hide();
}

wxString OfferBar::ValueText(const AnswerValues& values) const {
  const std::string& language = host_.Language();
  const Questionnaire& q = host_.Model().questionnaire();
  wxString out;
  for (const auto& [path, value] : values) {
    wxString shown = FromUtf8(value);
    if (path == withMark(question_.id, "status"))
      shown = value == "not_available" ? _("Information not available") : _("Not applicable");
    else if (question_.type == QuestionType::YesNo)
      shown = value == "yes" ? _("Yes") : _("No");
    else if (path == question_.id && !question_.choices.empty()) {
      shown.clear();
      for (const auto& choice : question_.choices)
        if ((" " + value + " ").find(" " + choice.value + " ") != std::string::npos)
          shown += (shown.empty() ? "" : ", ") + Localized(choice.label, language, q);
    }
    if (shown.length() > 120) shown = shown.Left(117) + "...";
    out += (out.empty() ? "" : "; ") + shown;
  }
  return out;
}

void OfferBar::AddLine(const wxString& text, bool grey) {
  auto* line = new wxStaticText(this, wxID_ANY, wxString());
  line->SetLabelText(text);
  if (grey) line->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  if (host_.WrapWidth() > 0) line->Wrap(host_.WrapWidth() - Dip(20, this));
  sizer_->Add(line, 0, wxEXPAND | wxBOTTOM, Dip(2, this));
}

bool OfferBar::Update(const ResponseSession& session) {
  std::vector<Offer> offers = host_.Model().offers(question_.id);
  std::erase_if(offers, [](const Offer& o) { return !o.takeable() && o.status != OfferStatus::Taken; });
  // The previous cycle's answer of a carried question, and the new one once changed.
  wxString previousLine;
  for (const auto& c : cycleChanges(host_.Model().questionnaire(), session.answers())) {
    if (c.question != question_.id) continue;
    const wxString before = c.previous.empty() ? _("no answer") : ValueText(c.previous);
    previousLine = c.change == CycleChange::Changed
                       ? wxString::Format(_("Previous cycle: %s. Now: %s."), before, ValueText(c.current))
                       : wxString::Format(_("Previous cycle: %s."), before);
  }
  std::string key;
  for (const auto& o : offers)
    key += "\n" + o.id + offerStatusKey(o.status) + valuesJson(o.values) + o.answeredAt +
           // A list's buttons depend on what is here too (whether taking still adds anything).
           (o.records ? valuesJson(answerValues(session.answers(), question_.id)) : std::string());
  const wxString signature = previousLine + FromUtf8(key);
  if (signature == shown_) return false;
  shown_ = signature;

  Freeze();
  sizer_->Clear(true);
  if (!previousLine.empty()) AddLine(previousLine, true);
  for (const auto& o : offers) {
    const wxString sentence =
        FromUtf8(offerSentence(o)) + ": " + (o.records ? FromUtf8(recordsSentence(o)) : ValueText(o.values));
    if (o.status == OfferStatus::Taken) {
      AddLine(wxString::Format(_("Taken from the other reply. %s"), sentence), true);
      continue;
    }
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxStaticText(this, wxID_ANY, wxString());
    wxString words = sentence;
    if (o.status != OfferStatus::Available) words += " (" + FromUtf8(offerStatusSentence(o)) + ")";
    text->SetLabelText(words);
    if (host_.WrapWidth() > 0) text->Wrap(host_.WrapWidth() - Dip(110, this));
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(8, this));
    auto addButton = [&](bool replace) {
      const wxString label = replace ? _("Use this answer instead") : _("Use this answer");
      auto* use = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
      SetAccessibleName(use, label + ": " + words);
      use->Bind(wxEVT_BUTTON, [this, o, replace](wxCommandEvent&) {
        // Later: taking rebuilds this bar, and the button must not be destroyed in its own handler.
        CallAfter([this, o, replace] {
          host_.FlushTyping();
          const std::string why = host_.Model().takeOffer(o, replace);
          if (!why.empty()) host_.Notify(FromUtf8(why));
        });
      });
      row->Add(use, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, Dip(4, this));
    };
    // A list whose records differ here can also be taken without replacing: its missing
    // records are added and the answers given here kept.
    if (o.records && o.replaces()) {
      const AnswerValues here = answerValues(session.answers(), question_.id);
      const bool adds = std::any_of(o.values.begin(), o.values.end(), [&](const auto& value) {
        auto h = here.find(value.first);
        return std::find(o.conflicts.begin(), o.conflicts.end(), value.first) == o.conflicts.end() &&
               (h == here.end() || h->second != value.second);
      });
      if (adds) addButton(false);
    }
    addButton(o.replaces());
    sizer_->Add(row, 0, wxEXPAND | wxBOTTOM, Dip(2, this));
  }
  SetBackgroundColour(offers.empty() ? GetParent()->GetBackgroundColour() : wxColour(225, 240, 250));
  Show(!signature.empty());
  Thaw();
  return true;
}

}  // namespace focal::gui
