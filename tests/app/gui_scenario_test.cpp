// A focal point's first session, driven as a person would with the mouse
// and the keyboard (wxUIActionSimulator under Xvfb): create a response,
// answer a yes/no that reveals a follow-up, type text, fill a table row,
// add a repeat record, switch to Arabic and back, close, reopen, and find
// every answer still there. Screenshots of the window in English and
// Arabic go to build/screenshots/.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/filepicker.h>
#include <wx/grid.h>
#include <wx/listbox.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <filesystem>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/new_response_dialog.h"
#include "app/gui/question_page.h"
#include "app/gui/translations.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

std::string Value(MainFrame* frame, const std::string& path) {
  return frame->GetModel()->session().value(path);
}

class ScenarioTest : public GuiTest {};

TEST_F(ScenarioTest, AFocalPointsFirstSession) {
  const std::string file = directory_ + "/AUT-tip-cycle2.focal";

  // 1. Create the response through the New response dialog.
  MainFrame* frame = nullptr;
  bool filled = false;
  wxTheApp->CallAfter([&] {
    // The dialog is modal: fill it from inside its loop.
    gui::NewResponseDialog* dialog = nullptr;
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* d = dynamic_cast<gui::NewResponseDialog*>(window)) dialog = d;
    ASSERT_NE(dialog, nullptr);
    auto* list = Find<wxListBox>(dialog);
    for (unsigned i = 0; i < list->GetCount(); ++i)
      if (list->GetString(i).Contains("(tip-cycle2,")) list->SetSelection(i);
    list->SetFocus();
    wxCommandEvent chosen(wxEVT_LISTBOX, list->GetId());
    chosen.SetEventObject(list);
    chosen.SetInt(list->GetSelection());
    list->ProcessWindowEvent(chosen);
    // Typed names complete from the list; the completion popup is not what is tested here.
    Find<wxComboBox>(dialog)->SetValue("Austria");
    Pump(100);
    // The second file picker is "Save as".
    std::vector<wxFilePickerCtrl*> pickers;
    Collect(dialog, pickers);
    ASSERT_EQ(pickers.size(), 2u);
    pickers[1]->SetPath(wxString::FromUTF8(file));
    filled = true;
    Click(Find<wxButton>(dialog, _("&Create")));
  });
  Desktop::Get().NewResponse(nullptr, false);
  ASSERT_TRUE(filled);
  ASSERT_TRUE(std::filesystem::exists(file)) << "the dialog did not create the workspace";
  ASSERT_EQ(Desktop::Get().Frames().size(), 1u);
  frame = Desktop::Get().Frames().front();
  frame->SetSize(1200, 800);
  frame->Move(0, 0);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  EXPECT_EQ(frame->GetModel()->state(), "AUT");
  Pump(200);

  // 2. A yes/no that reveals its follow-up.
  gui::QuestionEditor* followUp = frame->Page()->EditorAt("q_0_1_a");
  ASSERT_NE(followUp, nullptr);
  EXPECT_FALSE(followUp->Window()->IsShown());
  Click(InEditor<wxRadioButton>(frame, "q_0_1", _("Yes")));
  EXPECT_EQ(Value(frame, "q_0_1"), "yes");
  ASSERT_TRUE(WaitUntil([&] { return followUp->Window()->IsShown(); }));

  // 3. Typed text, written after a pause and on leaving the field.
  auto* assistance = InEditor<wxTextCtrl>(frame, "q_0_1_a");
  Click(assistance);
  Type("Training of border guards");
  auto* name = InEditor<wxTextCtrl>(frame, "q_0_3");
  Click(name);
  Type("Maria Huber");
  PressKey(WXK_TAB);
  EXPECT_TRUE(WaitUntil([&] { return Value(frame, "q_0_3") == "Maria Huber"; }));
  EXPECT_EQ(Value(frame, "q_0_1_a"), "Training of border guards");
  Screenshot(frame, "main-en-general");

  // 4. A row of a statistical table, typed cell by cell.
  const auto& q = frame->GetModel()->questionnaire();
  const int repatriation = q.questions[q.indexOf("q_4_6")].section;
  frame->OpenSection(repatriation);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->Section() == repatriation; }));
  Pump(200);
  ASSERT_TRUE(frame->GoToQuestion("q_4_6"));
  auto* grid = InEditor<wxGrid>(frame, "q_4_6");
  ASSERT_NE(grid, nullptr);
  grid->SetFocus();
  grid->SetGridCursor(0, 0);
  Pump(100);
  Type("5");
  PressKey(WXK_TAB);
  Type("3");
  PressKey(WXK_TAB);
  EXPECT_TRUE(WaitUntil([&] { return Value(frame, "q_4_6/y2003/returned_from") == "3"; }));
  EXPECT_EQ(Value(frame, "q_4_6/y2003/returned_to"), "5");
  // The row total, computed by Focal.
  EXPECT_EQ(grid->GetCellValue(0, 2), "8");

  // 5. A record of a repeat group.
  ASSERT_TRUE(frame->GoToQuestion("q_4_7"));
  Click(InEditor<wxButton>(frame, "q_4_7", _("&Add a record")));
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().records("q_4_7").size() == 1; }));
  const std::string key = frame->GetModel()->session().records("q_4_7").front();
  const std::string titlePath = "q_4_7[" + key + "]/q_4_7_title";
  auto* title = InEditor<wxTextCtrl>(frame, titlePath);
  ASSERT_NE(title, nullptr);
  Click(title);
  Type("Readmission agreement");
  PressKey(WXK_TAB);
  EXPECT_TRUE(WaitUntil([&] { return Value(frame, titlePath) == "Readmission agreement"; }));
  EXPECT_EQ(frame->GetModel()->session().calculated("q_4_8"), "1");
  ASSERT_TRUE(frame->GoToQuestion("q_4_6"));
  Screenshot(frame, "main-en-repatriation");

  // 6. Arabic, right to left, and back.
  frame->SetQuestionnaireLanguage("ar");
  Desktop::Get().SwitchInterfaceLanguage("ar");
  Pump(300);
  ASSERT_EQ(Desktop::Get().Frames().size(), 1u);
  frame = Desktop::Get().Frames().front();
  frame->Move(0, 0);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  EXPECT_EQ(frame->GetLayoutDirection(), wxLayout_RightToLeft);
  EXPECT_EQ(frame->GetModel()->language(), "ar");
  ASSERT_TRUE(frame->GoToQuestion("q_4_6"));
  Screenshot(frame, "main-ar-repatriation");
  frame->OpenSection(q.topLevelSections().front());
  Pump(200);
  Screenshot(frame, "main-ar-general");
  frame->SetQuestionnaireLanguage("en");
  Desktop::Get().SwitchInterfaceLanguage("en");
  Pump(300);
  frame = Desktop::Get().Frames().front();
  EXPECT_EQ(frame->GetLayoutDirection(), wxLayout_LeftToRight);

  // 7. Close, reopen, and find every answer, in the store and on screen.
  frame->Close();
  Pump(300);
  ASSERT_TRUE(Desktop::Get().Frames().empty());
  frame = Desktop::Get().OpenWorkspace(file);
  ASSERT_NE(frame, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  EXPECT_EQ(Value(frame, "q_0_1"), "yes");
  EXPECT_EQ(Value(frame, "q_0_1_a"), "Training of border guards");
  EXPECT_EQ(Value(frame, "q_0_3"), "Maria Huber");
  EXPECT_EQ(Value(frame, "q_4_6/y2003/returned_to"), "5");
  EXPECT_EQ(Value(frame, "q_4_6/y2003/returned_from"), "3");
  EXPECT_EQ(frame->GetModel()->session().records("q_4_7"), std::vector<std::string>{key});
  EXPECT_EQ(Value(frame, titlePath), "Readmission agreement");
  auto* yes = InEditor<wxRadioButton>(frame, "q_0_1", _("Yes"));
  ASSERT_NE(yes, nullptr);
  EXPECT_TRUE(yes->GetValue());
  EXPECT_EQ(InEditor<wxTextCtrl>(frame, "q_0_3")->GetValue(), "Maria Huber");
  frame->OpenSection(repatriation);
  Pump(100);
  EXPECT_EQ(InEditor<wxGrid>(frame, "q_4_6")->GetCellValue(0, 0), "5");
  EXPECT_EQ(InEditor<wxTextCtrl>(frame, titlePath)->GetValue(), "Readmission agreement");
}

}  // namespace
}  // namespace focal::test
