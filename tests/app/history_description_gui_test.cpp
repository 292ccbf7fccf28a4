// The history window shows what each change was ("Carried forward from
// ...", "Filled from answers.csv") in its Change column, and nothing there
// for what was typed.
#include <wx/listctrl.h>

#include "app/gui/desktop.h"
#include "app/gui/history_dialog.h"
#include "app/gui/main_frame.h"
#include "app/gui/response_model.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const std::string kEveryType = std::string(FOCAL_TEST_DATA) + "/every-type.yaml";

template <typename T>
void Collect(wxWindow* root, std::vector<T*>& out) {
  if (auto* control = dynamic_cast<T*>(root)) out.push_back(control);
  for (wxWindow* child : root->GetChildren()) Collect(child, out);
}

class HistoryDescriptionTest : public GuiTest {};

TEST_F(HistoryDescriptionTest, TheHistoryWindowSaysWhatEachChangeWas) {
  const std::string file = directory_ + "/every-type.focal";
  {
    LoadResult loaded = loadQuestionnaireFile(kEveryType);
    ASSERT_TRUE(loaded.ok());
    auto workspace = focal::Workspace::create(file);
    const ResponseId id = workspace->createResponse(*loaded.questionnaire, "FRA", "en", {{"name", "Carried"}},
                                                    "Carried forward from every-type version 0");
    workspace->write(id, {ChangeSet{{{"name", "From the file"}}, "", "Filled from answers.csv"}});
  }
  MainFrame* frame = Desktop::Get().OpenWorkspace(file);
  ASSERT_NE(frame, nullptr);
  EXPECT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen(); }));
  frame->GetModel()->apply({{"name", "Typed"}});

  const auto history = frame->GetModel()->history("name");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].description, "Carried forward from every-type version 0");
  EXPECT_EQ(history[1].description, "Filled from answers.csv");
  EXPECT_EQ(history[2].description, "");

  auto* dialog = new gui::HistoryDialog(frame, *frame->GetModel(), "name", "Name");
  dialog->Show();
  EXPECT_TRUE(WaitUntil([&] { return dialog->IsShownOnScreen(); }));
  std::vector<wxListView*> lists;
  Collect(dialog, lists);
  ASSERT_EQ(lists.size(), 1u);
  wxListView* list = lists.front();
  ASSERT_EQ(list->GetColumnCount(), 5);
  wxListItem column;
  column.SetMask(wxLIST_MASK_TEXT);
  ASSERT_TRUE(list->GetColumn(4, column));
  EXPECT_EQ(column.GetText(), _("Change"));
  ASSERT_EQ(list->GetItemCount(), 3);
  // Newest first.
  EXPECT_EQ(list->GetItemText(0, 2), _("answer"));  // the value itself, not its id
  EXPECT_EQ(list->GetItemText(0, 3), "Typed");
  EXPECT_EQ(list->GetItemText(0, 4), "");
  EXPECT_EQ(list->GetItemText(1, 4), "Filled from answers.csv");
  EXPECT_EQ(list->GetItemText(2, 4), "Carried forward from every-type version 0");
  Screenshot(dialog, "history-description");
  dialog->Destroy();
  Pump(50);
}

}  // namespace
}  // namespace focal::test
