// legislation: a citation in five parts (title of the act, article, date,
// link, excerpt), each answered at <id>/<part>.
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>

#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"

namespace focal::gui {

namespace {

class LegislationEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    const std::array<wxString, 5> labels = {_("Title of the act"), _("Article or section"),
                                            _("Date of adoption or entry into force"), _("Link"),
                                            _("Excerpt")};
    auto* grid = new wxFlexGridSizer(2, Dip(4, parent), Dip(8, parent));
    grid->AddGrowableCol(1, 1);
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const std::string part = kLegislationFields[i];
      const bool excerpt = part == "excerpt";
      grid->Add(new wxStaticText(parent, wxID_ANY, labels[i]), 0,
                excerpt ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL, Dip(4, parent));
      fields_[i] =
          new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                         excerpt ? wxSize(-1, Dip(72, parent)) : wxDefaultSize, excerpt ? wxTE_MULTILINE : 0);
      if (part == "date") fields_[i]->SetHint(_("YYYY-MM-DD"));
      if (part == "link") fields_[i]->SetHint("https://");
      Describe(fields_[i], labels[i]);
      BindText(fields_[i], PartPath(part), part == "date" || part == "link");
      grid->Add(fields_[i], 1, wxEXPAND);
      if (part == "date") {
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
    for (std::size_t i = 0; i < fields_.size(); ++i)
      ShowText(fields_[i], session.value(PartPath(kLegislationFields[i])));
    return false;
  }
  void EnableInput(bool enable) override {
    for (auto* field : fields_) field->Enable(enable);
  }
  wxWindow* FirstInput() const override { return fields_[0]; }
  bool ShowErrorInPlace(const wxString& error) override {
    const std::string path = PartPath("date");
    const std::string date = Session().value(path);
    const auto parsed = parseAnswerPath(path);
    const bool aboutDate =
        !error.empty() && !date.empty() && parsed &&
        FromUtf8(checkAnswerValue(question_, *parsed, date)) == error;  // no rewording here
    dateError_->SetLabelText(aboutDate ? wxString::FromUTF8("⚠ ") + error : wxString());
    // Wrapped to the date field's width: the column beside the labels.
    if (aboutDate) dateError_->Wrap(std::max(Dip(200, panel_), fields_[2]->GetSize().x));
    dateError_->Show(aboutDate);
    return aboutDate;
  }

 private:
  wxStaticText* dateError_ = nullptr;
  std::array<wxTextCtrl*, 5> fields_{};
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeLegislationEditor(EditorHost& host, const Question& question,
                                                      const std::string& path) {
  return std::make_unique<LegislationEditor>(host, question, path);
}

}  // namespace focal::gui
