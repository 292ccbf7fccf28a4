// note (text shown, no answer) and calculate (a computed value, read-only).
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

namespace {

class NoteEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    text_ = AddWrapped(parent, sizer, Text(question_.label), 0, &question_.label);
    if (!question_.help.empty()) AddWrapped(parent, sizer, Text(question_.help), 0, &question_.help);
  }
  bool SetValue(const ResponseSession&) override { return false; }
  void EnableInput(bool) override {}
  wxWindow* FirstInput() const override { return nullptr; }

 private:
  wxStaticText* text_ = nullptr;
};

class CalculateEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    // A read-only box rather than a label, so that the keyboard reaches it.
    value_ = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(Dip(200, parent), -1),
                            wxTE_READONLY);
    value_->SetBackgroundColour(parent->GetBackgroundColour());
    Describe(value_, _("calculated by Focal"));
    sizer->Add(value_, 0, wxTOP | wxBOTTOM, Dip(2, parent));
  }
  bool SetValue(const ResponseSession& session) override {
    ShowText(value_, session.calculated(path_));
    return false;
  }
  void EnableInput(bool) override {}
  wxWindow* FirstInput() const override { return value_; }

 private:
  wxTextCtrl* value_ = nullptr;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeNoteEditor(EditorHost& host, const Question& question,
                                               const std::string& path) {
  return std::make_unique<NoteEditor>(host, question, path);
}
std::unique_ptr<QuestionEditor> MakeCalculateEditor(EditorHost& host, const Question& question,
                                                    const std::string& path) {
  return std::make_unique<CalculateEditor>(host, question, path);
}

}  // namespace focal::gui
