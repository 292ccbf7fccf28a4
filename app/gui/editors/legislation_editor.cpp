// legislation: a citation in the parts its kind lists (title of the act,
// article, date, link, excerpt; forms/question_kinds.cpp), each answered at
// <id>/<part>.
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"
#include "forms/question_kinds.h"

namespace focal::gui {

namespace {

// The label of a citation's part.
wxString PartLabel(const std::string& part) {
  if (part == "title") return _("Title of the act");
  if (part == "article") return _("Article or section");
  if (part == "date") return _("Date of adoption or entry into force");
  if (part == "link") return _("Link");
  if (part == "excerpt") return _("Excerpt");
  return FromUtf8(part);
}

class LegislationEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    // The parts and which of them take several lines come from the kind (forms/question_kinds.h).
    const QuestionKind& kind = kindOf(question_);
    fields_.clear();
    auto* grid = new wxFlexGridSizer(2, Dip(4, parent), Dip(8, parent));
    grid->AddGrowableCol(1, 1);
    for (const std::string& part : kind.fields) {
      const bool multiline =
          std::find(kind.multiline.begin(), kind.multiline.end(), part) != kind.multiline.end();
      const wxString label = PartLabel(part);
      grid->Add(MakeLabel(parent, label), 0, multiline ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL,
                Dip(4, parent));
      auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                                   multiline ? wxSize(-1, Dip(72, parent)) : wxDefaultSize,
                                   multiline ? wxTE_MULTILINE : 0);
      fields_.push_back({part, field});
      if (part == "date") field->SetHint(_("YYYY-MM-DD"));
      if (part == "link") field->SetHint("https://");
      Describe(field, label);
      BindText(field, PartPath(part), part == "date" || part == "link");
      grid->Add(field, 1, wxEXPAND);
      if (part == "date") {
        dateField_ = field;
        // The date's own message, right under the date.
        grid->AddSpacer(0);
        dateError_ = new wxStaticText(parent, wxID_ANY, wxString());
        dateError_->SetForegroundColour(wxColour(176, 0, 32));
        dateError_->Hide();
        grid->Add(dateError_, 0, wxEXPAND);
      }
    }
    sizer->Add(grid, 0, wxEXPAND | wxTOP | wxBOTTOM, Dip(2, parent));
  }
  bool SetValue(const ResponseSession& session) override {
    for (const auto& [part, field] : fields_) ShowText(field, session.value(PartPath(part)));
    return false;
  }
  void EnableInput(bool enable) override {
    for (const auto& [part, field] : fields_) field->Enable(enable);
  }
  wxWindow* FirstInput() const override { return fields_.empty() ? nullptr : fields_.front().second; }
  bool ShowErrorInPlace(const wxString& error) override {
    if (!dateError_ || !dateField_) return false;
    const std::string path = PartPath("date");
    const std::string date = Session().value(path);
    const auto parsed = parseAnswerPath(path);
    const bool aboutDate =
        !error.empty() && !date.empty() && parsed &&
        FromUtf8(checkAnswerValue(question_, *parsed, date)) == error;  // no rewording here
    dateError_->SetLabelText(aboutDate ? wxString::FromUTF8("⚠ ") + error : wxString());
    // Wrapped to the date field's width: the column beside the labels.
    if (aboutDate) dateError_->Wrap(std::max(Dip(200, panel_), dateField_->GetSize().x));
    dateError_->Show(aboutDate);
    return aboutDate;
  }

 private:
  wxStaticText* dateError_ = nullptr;
  wxTextCtrl* dateField_ = nullptr;
  std::vector<std::pair<std::string, wxTextCtrl*>> fields_;  // part, its field
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeLegislationEditor(EditorHost& host, const Question& question,
                                                      const std::string& path) {
  return std::make_unique<LegislationEditor>(host, question, path);
}

}  // namespace focal::gui
