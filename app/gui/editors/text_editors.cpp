// Typed answers: text and long_text, integer, decimal and year (with their
// unit), date (typed or picked from a calendar) and country (a State chosen
// by its name in the interface language).
#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/generic/calctrlg.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <map>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/answer_value.h"
#include "forms/countries.h"
#include "forms/questionnaire_loader.h"

namespace focal::gui {

namespace {

// An editor whose answer is one text box (text, number, date): the box
// shows the stored value and carries the focus.
class TextFieldEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  bool SetValue(const ResponseSession& session) override {
    ShowText(text_, session.value(PartPath()));
    return false;
  }
  void EnableInput(bool enable) override { text_->Enable(enable); }
  wxWindow* FirstInput() const override { return text_; }

  wxTextCtrl* text_ = nullptr;
};

class TextEditor : public TextFieldEditor {
 public:
  using TextFieldEditor::TextFieldEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    const bool longText = question_.type == QuestionType::LongText;
    text_ =
        new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                       longText ? wxSize(-1, Dip(96, parent)) : wxDefaultSize, longText ? wxTE_MULTILINE : 0);
    const std::size_t maxLength =
        question_.maxLength.value_or(longText ? limits::kMaxTextLength : limits::kDefaultTextLength);
    if (!longText) text_->SetMaxLength(maxLength);
    Describe(text_);
    BindText(text_, PartPath());
    sizer->Add(text_, 0, wxEXPAND | wxTOP | wxBOTTOM, Dip(2, parent));
  }
};

wxString FormatNumber(double value) {
  if (value == static_cast<double>(static_cast<long long>(value)))
    return wxString::Format("%lld", static_cast<long long>(value));
  return wxString::FromCDouble(value);
}

class NumberEditor : public TextFieldEditor {
 public:
  using TextFieldEditor::TextFieldEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    text_ = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(Dip(160, parent), -1));
    if (question_.type == QuestionType::Year) text_->SetHint(_("YYYY"));
    Describe(text_, Text(question_.unit));
    BindText(text_, PartPath(), true);
    row->Add(text_, 0, wxALIGN_CENTER_VERTICAL);
    wxString after = Text(question_.unit);
    if (question_.min && question_.max)
      after += wxString::FromUTF8(" (") + FormatNumber(*question_.min) + wxString::FromUTF8("–") +
               FormatNumber(*question_.max) + ")";
    else if (question_.min && *question_.min != 0)
      after += wxString::Format(" (%s %s)", _("at least"), FormatNumber(*question_.min));
    else if (question_.max)
      after += wxString::Format(" (%s %s)", _("at most"), FormatNumber(*question_.max));
    if (!after.empty())
      row->Add(MakeLabel(parent, after), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, Dip(6, parent));
    sizer->Add(row, 0, wxTOP | wxBOTTOM, Dip(2, parent));
  }
};

wxDateTime IsoDate(const std::string& text) {
  wxDateTime date;
  if (text.empty() || !date.ParseISODate(FromUtf8(text))) return wxDefaultDateTime;
  return date;
}

// A calendar to pick a date with the keyboard (arrows, Page Up/Down, Enter),
// offering only the dates the question's min and max allow.
bool PickDate(wxWindow* parent, const wxString& title, const Question& question, wxDateTime& date) {
  wxDialog dialog(parent, wxID_ANY, title);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  const wxDateTime lower = IsoDate(question.minDate), upper = IsoDate(question.maxDate);
  wxDateTime shown = date.IsValid() ? date : wxDateTime::Today();
  if (lower.IsValid() && shown < lower) shown = lower;
  if (upper.IsValid() && shown > upper) shown = upper;
  auto* calendar = new wxGenericCalendarCtrl(&dialog, wxID_ANY, shown);
  calendar->SetDateRange(lower, upper);
  calendar->SetName("calendar");
  calendar->Bind(wxEVT_CALENDAR_DOUBLECLICKED, [&dialog](wxCalendarEvent&) { dialog.EndModal(wxID_OK); });
  if (lower.IsValid() || upper.IsValid()) {
    wxString range;
    if (lower.IsValid() && upper.IsValid())
      range = wxString::Format(_("Dates from %s to %s."), lower.FormatISODate(), upper.FormatISODate());
    else if (lower.IsValid())
      range = wxString::Format(_("Dates from %s on."), lower.FormatISODate());
    else
      range = wxString::Format(_("Dates up to %s."), upper.FormatISODate());
    sizer->Add(new wxStaticText(&dialog, wxID_ANY, range), 0, wxLEFT | wxRIGHT | wxTOP, dialog.FromDIP(10));
  }
  sizer->Add(calendar, 0, wxALL | wxALIGN_CENTER, dialog.FromDIP(10));
  sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(10));
  dialog.SetSizerAndFit(sizer);
  calendar->SetFocus();
  if (dialog.ShowModal() != wxID_OK) return false;
  date = calendar->GetDate();
  if (lower.IsValid() && date < lower) date = lower;
  if (upper.IsValid() && date > upper) date = upper;
  return true;
}

class DateEditor : public TextFieldEditor {
 public:
  using TextFieldEditor::TextFieldEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    text_ = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(Dip(160, parent), -1));
    text_->SetHint(_("YYYY-MM-DD"));
    Describe(text_, _("date, as year-month-day"));
    BindText(text_, PartPath(), true);
    pick_ = new wxButton(parent, wxID_ANY, _("Calendar..."), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    Describe(pick_, _("Calendar..."));
    pick_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      wxDateTime date;
      date.ParseISODate(text_->GetValue());
      if (PickDate(panel_, LabelText(), question_, date)) {
        WriteValue(ToUtf8(date.FormatISODate()));
        text_->SetFocus();
      }
    });
    row->Add(text_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(6, parent));
    row->Add(pick_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxTOP | wxBOTTOM, Dip(2, parent));
  }
  void EnableInput(bool enable) override {
    TextFieldEditor::EnableInput(enable);
    pick_->Enable(enable);
  }

 private:
  wxButton* pick_ = nullptr;
};

class CountryEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    const CountryChoices& names = CountryChoicesIn(CurrentInterfaceLanguage());
    combo_ = new wxComboBox(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(Dip(320, parent), -1),
                            names.names, wxCB_DROPDOWN);
    combo_->AutoComplete(names.names);
    Describe(combo_, _("type or choose a State"));
    combo_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent& event) {
      const CountryChoices& all = CountryChoicesIn(CurrentInterfaceLanguage());
      const int index = event.GetSelection();
      if (!updating_ && index >= 0 && index < static_cast<int>(all.codes.size()))
        WriteValue(all.codes[index]);
    });
    const std::string path = PartPath();
    combo_->Bind(wxEVT_TEXT, [this, path](wxCommandEvent& event) {
      event.Skip();
      if (!updating_) host_.Typing(path, [this] { CommitTyped(); });
    });
    combo_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
      event.Skip();
      InputLeft();
    });
    sizer->Add(combo_, 0, wxTOP | wxBOTTOM, Dip(2, parent));
  }

  // A typed name or code becomes the code; anything else is kept as typed,
  // and the session says what is wrong with it.
  void CommitTyped() {
    wxString typed = combo_->GetValue();
    typed.Trim(true).Trim(false);
    std::string value = ToUtf8(typed);
    if (std::string code = CountryChoicesIn(CurrentInterfaceLanguage()).CodeFor(typed); !code.empty())
      value = code;
    if (value != Session().value(PartPath())) Write({{PartPath(), value}}, PartPath());
  }

  bool SetValue(const ResponseSession& session) override {
    const std::string code = session.value(PartPath());
    const wxString shown = code.empty()          ? wxString()
                           : isCountryCode(code) ? FromUtf8(countryName(code, CurrentInterfaceLanguage()))
                                                 : FromUtf8(code);
    if (combo_->GetValue() != shown) combo_->ChangeValue(shown);
    return false;
  }
  void EnableInput(bool enable) override { combo_->Enable(enable); }
  wxWindow* FirstInput() const override { return combo_; }
  wxString InUserWords(const wxString& error) override {
    const std::string value = Session().value(PartPath());
    if (error.empty() || value.empty() || isCountryCode(value)) return error;
    return wxString::Format(_("Choose a country from the list: \"%s\" is not the name of one."),
                            FromUtf8(value));
  }

 private:
  wxComboBox* combo_ = nullptr;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeTextEditor(EditorHost& host, const Question& question,
                                               const std::string& path) {
  return std::make_unique<TextEditor>(host, question, path);
}
std::unique_ptr<QuestionEditor> MakeNumberEditor(EditorHost& host, const Question& question,
                                                 const std::string& path) {
  return std::make_unique<NumberEditor>(host, question, path);
}
std::unique_ptr<QuestionEditor> MakeDateEditor(EditorHost& host, const Question& question,
                                               const std::string& path) {
  return std::make_unique<DateEditor>(host, question, path);
}
std::unique_ptr<QuestionEditor> MakeCountryEditor(EditorHost& host, const Question& question,
                                                  const std::string& path) {
  return std::make_unique<CountryEditor>(host, question, path);
}

}  // namespace focal::gui
