// legislation: a citation in five parts (title of the act, article, date,
// link, excerpt), each answered at <id>/<part>.
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"

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

 private:
  std::array<wxTextCtrl*, 5> fields_{};
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeLegislationEditor(EditorHost& host, const Question& question,
                                                      const std::string& path) {
  return std::make_unique<LegislationEditor>(host, question, path);
}

}  // namespace focal::gui
