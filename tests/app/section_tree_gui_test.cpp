// The section tree opens a section at once when it is clicked, and only
// after a pause when the user arrows through it (so that passing over a
// long section does not build it). The outside measurement of issue 16
// found every click waiting for the arrowing pause.
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "app/gui/section_tree.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

class SectionTreeTest : public GuiTest {
 protected:
  MainFrame* Open() { return ShowFrame(Desktop::Get().OpenWorkspace(EveryTypeWorkspace(directory_))); }
};

// The tree's rows for the questionnaire's sections, in order.
std::vector<wxTreeItemId> SectionRows(wxTreeCtrl* tree) {
  std::vector<wxTreeItemId> rows;
  wxTreeItemIdValue cookie;
  for (wxTreeItemId item = tree->GetFirstChild(tree->GetRootItem(), cookie); item.IsOk();
       item = tree->GetNextChild(tree->GetRootItem(), cookie))
    rows.push_back(item);
  return rows;
}

TEST_F(SectionTreeTest, AClickOpensAtOnceArrowingWaitsForThePause) {
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  gui::SectionTree* tree = frame->Tree();
  ASSERT_EQ(frame->CurrentSection(), 0);
  const auto rows = SectionRows(tree);
  ASSERT_GE(rows.size(), 2u);

  wxRect rect;
  ASSERT_TRUE(tree->GetBoundingRect(rows[1], rect, true));
  const wxPoint at = tree->ClientToScreen(wxPoint(rect.x + 4, rect.y + rect.height / 2));
  wxUIActionSimulator simulator;
  simulator.MouseMove(at);
  Pump(50);
  simulator.MouseClick();
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentSection() == 1; }));
  EXPECT_EQ(tree->DelayedOpens(), 0) << "the click waited for the arrowing pause";

  // Arrowing back up opens the first section too, but after the pause.
  tree->SetFocus();
  Pump(50);
  ASSERT_EQ(frame->CurrentSection(), 1);
  PressKey(WXK_UP, wxMOD_NONE);
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentSection() == 0; }));
  EXPECT_EQ(tree->DelayedOpens(), 1);
}

}  // namespace
}  // namespace focal::test
