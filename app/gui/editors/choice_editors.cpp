// yes_no, single_choice and multiple_choice: radio buttons or check boxes,
// with "Other, please specify" and its text box where the question has it.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <unordered_map>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "forms/answer_value.h"

namespace focal::gui {

namespace {

class ChoiceEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  bool Multiple() const { return question_.type == QuestionType::MultipleChoice; }
  // The width a listed choice may take when the question's texts wrap at `width`.
  int ListWidth(int width) const { return std::max(200, width - Dip(40, panel_)); }

  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    std::vector<std::pair<std::string, wxString>> options;
    if (question_.type == QuestionType::YesNo) {
      options = {{"yes", ContentText(ContentWord::Yes)}, {"no", ContentText(ContentWord::No)}};
    } else {
      for (const auto& choice : question_.choices) options.emplace_back(choice.value, Text(choice.label));
      if (question_.otherOption) options.emplace_back("other", ContentText(ContentWord::OtherSpecify));
    }
    const bool horizontal = question_.type == QuestionType::YesNo;
    auto* list = new wxBoxSizer(horizontal ? wxHORIZONTAL : wxVERTICAL);
    if (!Multiple()) {
      // GTK cannot uncheck every radio button of a group; a hidden first
      // button stands for "not answered".
      none_ = new wxRadioButton(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
      none_->Hide();
      Describe(none_, _("Not answered"));  // announced, should a screen reader list it
    }
    const int wrap = ListWidth(host_.WrapWidth());
    for (const auto& [value, label] : options) {
      wxWindow* button = nullptr;
      // Made with its text: GTK then measures the button once, not again
      // for a text set after it.
      const wxString text = wxControl::EscapeMnemonics(label);
      if (Multiple()) {
        auto* box = new wxCheckBox(parent, wxID_ANY, text);
        box->Bind(wxEVT_CHECKBOX, [this, value = value](wxCommandEvent& event) {
          if (!updating_) Toggle(value, event.IsChecked());
        });
        button = box;
      } else {
        auto* radio = new wxRadioButton(parent, wxID_ANY, text);
        radio->Bind(wxEVT_RADIOBUTTON, [this, value = value](wxCommandEvent&) {
          if (!updating_) Choose(value);
        });
        button = radio;
      }
      if (!horizontal) {
        // A long choice in lines, as the question's own texts (GTK would cut it).
        WrapButtonLabel(static_cast<wxControl*>(button), label, wrap);
        unwrapped_[button] = label;
      }
      Describe(button, label);
      buttons_.emplace_back(value, button);
      if (value == "other") {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(button, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(6, parent));
        other_ = new wxTextCtrl(parent, wxID_ANY);
        Describe(other_, ContentText(ContentWord::OtherSpecify));
        BindText(other_, PartPath("other"));
        row->Add(other_, 1, wxALIGN_CENTER_VERTICAL);
        list->Add(row, 0, wxEXPAND | wxBOTTOM, Dip(2, parent));
      } else {
        list->Add(button, 0, horizontal ? wxRIGHT | wxALIGN_CENTER_VERTICAL : wxBOTTOM,
                  Dip(horizontal ? 16 : 2, parent));
      }
    }
    // Clearing the choice is in the question's "More" menu: no extra tab stop here.
    sizer->Add(list, 0, wxEXPAND | wxTOP | wxBOTTOM, Dip(2, parent));
  }

  void Choose(const std::string& value) {
    std::vector<AnswerWrite> writes{{PartPath(), value}};
    if (value != "other" && question_.otherOption) writes.push_back({PartPath("other"), ""});
    host_.FlushTyping();
    Write(writes);
    if (value == "other" && other_) other_->SetFocus();
  }

  void Toggle(const std::string& value, bool checked) {
    host_.FlushTyping();
    auto words = splitWords(Session().value(PartPath()));
    std::erase(words, value);
    if (checked) {
      // Keep the questionnaire's order of choices.
      words.push_back(value);
      std::vector<std::string> ordered;
      for (const auto& [v, button] : buttons_)
        if (std::find(words.begin(), words.end(), v) != words.end()) ordered.push_back(v);
      words = ordered;
    }
    std::vector<AnswerWrite> writes{{PartPath(), joinWords(words)}};
    if (value == "other" && !checked) writes.push_back({PartPath("other"), ""});
    Write(writes);
    if (value == "other" && checked && other_) other_->SetFocus();
  }

  bool SetValue(const ResponseSession& session) override {
    const std::string value = session.value(PartPath());
    const auto words = splitWords(value);
    bool anyChecked = false;
    for (const auto& [v, button] : buttons_) {
      const bool checked = std::find(words.begin(), words.end(), v) != words.end();
      anyChecked |= checked;
      if (auto* box = dynamic_cast<wxCheckBox*>(button))
        box->SetValue(checked);
      else if (checked)
        static_cast<wxRadioButton*>(button)->SetValue(true);
    }
    if (none_ && !anyChecked) none_->SetValue(true);
    bool otherChosen = std::find(words.begin(), words.end(), "other") != words.end();
    if (other_) {
      ShowText(other_, session.value(PartPath("other")));
      other_->Enable(otherChosen && inputOn_);
    }
    bool changed = false;
    if (question_.choiceFilter) {
      // choice_filter: only the choices offered now (and one still chosen, to be unchosen).
      const auto shown = session.choicesShown(path_);
      for (const auto& [v, button] : buttons_) {
        const bool show = std::find(shown.begin(), shown.end(), v) != shown.end() ||
                          std::find(words.begin(), words.end(), v) != words.end();
        if (button->IsShown() != show) {
          button->Show(show);
          changed = true;
        }
      }
    }
    return changed;
  }

  void EnableInput(bool enable) override {
    inputOn_ = enable;
    for (auto& [value, button] : buttons_) button->Enable(enable);
    if (other_) {
      const auto words = splitWords(Session().value(PartPath()));
      other_->Enable(enable && std::find(words.begin(), words.end(), "other") != words.end());
    }
  }

  void Rewrap(int width) override {
    QuestionEditor::Rewrap(width);
    const int wrap = ListWidth(width);
    for (const auto& [button, text] : unwrapped_)
      WrapButtonLabel(static_cast<wxControl*>(button), text, wrap);
  }

  bool RefreshTexts() override {
    bool changed = QuestionEditor::RefreshTexts();
    for (const auto& choice : question_.choices) {
      const auto it = std::find_if(buttons_.begin(), buttons_.end(),
                                   [&](const auto& button) { return button.first == choice.value; });
      auto* control = it == buttons_.end() ? nullptr : dynamic_cast<wxControl*>(it->second);
      if (!control) continue;
      const wxString text = Text(choice.label);
      const auto shown = unwrapped_.find(control);
      if ((shown != unwrapped_.end() ? shown->second : control->GetLabelText()) == text) continue;
      if (shown != unwrapped_.end()) {
        shown->second = text;
        WrapButtonLabel(control, text, ListWidth(host_.WrapWidth()));
      } else {
        control->SetLabelText(text);
      }
      Describe(control, text);
      changed = true;
    }
    return changed;
  }

  wxWindow* FirstInput() const override {
    // The chosen button, as a radio group is entered at its selection.
    const auto words = splitWords(host_.Model().session().value(path_));
    for (const auto& [value, button] : buttons_)
      if (!Multiple() && !words.empty() && value == words.front()) return button;
    return buttons_.empty() ? nullptr : buttons_.front().second;
  }

 private:
  std::vector<std::pair<std::string, wxWindow*>> buttons_;
  std::unordered_map<wxWindow*, wxString> unwrapped_;  // a listed button's text before wrapping
  wxRadioButton* none_ = nullptr;
  wxTextCtrl* other_ = nullptr;
  bool inputOn_ = true;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeChoiceEditor(EditorHost& host, const Question& question,
                                                 const std::string& path) {
  return std::make_unique<ChoiceEditor>(host, question, path);
}

}  // namespace focal::gui
