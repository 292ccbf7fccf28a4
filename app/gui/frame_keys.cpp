// Keys of the main window that work wherever the focus is. They are taken
// in wxEVT_CHAR_HOOK, which the frame sees before the focused control: a
// GtkTreeView (the lists) keeps Ctrl+F for its own type-ahead search, a
// wxGrid and a multi-line text box keep Ctrl+Page Down, and a menu
// accelerator would never see those keys.
#include <wx/grid.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <vector>

#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/section_tree.h"

namespace focal::gui {

namespace {

bool Inside(const wxWindow* window, const wxWindow* ancestor) {
  for (; window; window = window->GetParent())
    if (window == ancestor) return true;
  return false;
}

// The editor panels under `root`, in the order they are shown (and tabbed through).
void EditorPanels(wxWindow* root, std::vector<wxWindow*>& out) {
  for (wxWindow* child : root->GetChildren()) {
    if (!child->IsShown()) continue;
    if (dynamic_cast<wxPanel*>(child) && child->GetClientData()) out.push_back(child);
    EditorPanels(child, out);
  }
}

QuestionEditor* EditorOf(wxWindow* panel) { return static_cast<QuestionEditor*>(panel->GetClientData()); }

// The other one-line text boxes of the same editor (a citation's title, then its date).
void OwnTextBoxes(wxWindow* root, std::vector<wxTextCtrl*>& out) {
  for (wxWindow* child : root->GetChildren()) {
    if (!child->IsShown() || (dynamic_cast<wxPanel*>(child) && child->GetClientData())) continue;
    if (auto* text = dynamic_cast<wxTextCtrl*>(child); text && !text->IsMultiLine() && text->IsEditable())
      out.push_back(text);
    OwnTextBoxes(child, out);
  }
}

}  // namespace

void MainFrame::OnCharHook(wxKeyEvent& event) {
  const int key = event.GetKeyCode();
  const int modifiers = event.GetModifiers();
  wxWindow* focus = wxWindow::FindFocus();
  if (modifiers == wxMOD_CONTROL &&
      (key == WXK_PAGEDOWN || key == WXK_PAGEUP || key == WXK_NUMPAD_PAGEDOWN || key == WXK_NUMPAD_PAGEUP)) {
    const int next = NeighbourSection(key == WXK_PAGEDOWN || key == WXK_NUMPAD_PAGEDOWN ? +1 : -1);
    if (next < 0) return;
    const bool inQuestions = Inside(focus, content_);
    FlushTyping();
    OpenSection(next);
    // The keyboard follows to the new section, unless it was in the list of sections.
    if (inQuestions && page_) page_->FocusFirst();
    return;
  }
  if (modifiers == wxMOD_CONTROL && key == 'F') {
    search_->SetFocus();
    search_->SelectAll();
    return;
  }
  if (modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'O') {
    OpenOverview();
    return;
  }
  if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && modifiers == wxMOD_NONE && FocusNextQuestion())
    return;
  event.Skip();
}

bool MainFrame::FocusNextQuestion() {
  auto* text = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus());
  if (!text || text->IsMultiLine() || !page_ || !Inside(text, page_)) return false;
  for (wxWindow* w = text; w && w != page_; w = w->GetParent())
    if (dynamic_cast<wxGrid*>(w)) return false;  // a table's Enter moves to the next cell
  wxWindow* panel = text->GetParent();
  while (panel && panel != page_ && !(dynamic_cast<wxPanel*>(panel) && panel->GetClientData()))
    panel = panel->GetParent();
  if (!panel || panel == page_) return false;
  FlushTyping();
  // First the next box of the same question, then the next question.
  std::vector<wxTextCtrl*> own;
  OwnTextBoxes(panel, own);
  if (auto it = std::find(own.begin(), own.end(), text); it != own.end() && it + 1 != own.end()) {
    (*(it + 1))->SetFocus();
    (*(it + 1))->SelectAll();
    return true;
  }
  if (!page_->Complete()) page_->BuildAll();
  std::vector<wxWindow*> panels;
  EditorPanels(page_, panels);
  auto at = std::find(panels.begin(), panels.end(), panel);
  if (at == panels.end()) return false;
  for (auto it = at + 1; it != panels.end(); ++it) {
    QuestionEditor* editor = EditorOf(*it);
    const QuestionType type = editor->GetQuestion().type;
    if (!takesAnswer(type)) continue;
    // A repeat with records: its first record's question comes next in the list.
    if (type == QuestionType::Repeat && it + 1 != panels.end() && Inside(*(it + 1), *it)) continue;
    editor->FocusInput();
    return true;
  }
  SetStatus(_("This is the last question of the section. Ctrl+Page Down opens the next section."));
  return true;
}

}  // namespace focal::gui
