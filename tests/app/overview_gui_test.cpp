// The overview of every question and its state, search in answers and
// comments as the user types, and the keys that work wherever the focus is
// (issue "The focal point's first week", items 7 and 12): Enter in a
// one-line box goes to the next question, Ctrl+Page Down and Ctrl+F work
// from a text box, a table, the section tree and the lists.
#include <wx/button.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include "app/gui/answer_search.h"
#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/overview_page.h"
#include "app/gui/question_list_page.h"
#include "app/gui/question_page.h"
#include "app/gui/section_tree.h"
#include "forms/questionnaire_loader.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;
using gui::QuestionState;

bool FocusInside(wxWindow* root) {
  for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
    if (w == root) return true;
  return false;
}

const gui::OverviewRow* RowOf(MainFrame* frame, const std::string& path) {
  for (const auto& row : frame->Overview()->Rows())
    if (!row.heading && row.path == path) return &row;
  return nullptr;
}

class OverviewTest : public GuiTest {
 protected:
  MainFrame* Open(const std::map<std::string, std::string>& initial) {
    return ShowFrame(Desktop::Get().OpenWorkspace(EveryTypeWorkspace(directory_, initial)));
  }
};

const std::map<std::string, std::string> kAnswers = {
    {"gate", "yes"},
    {"name", "Ministry of Justice, Strafgesetzbuch (StGB)"},
    {"name@comment", "Confirmed by the StGB unit"},
    {"shelters", "x5"},
    {"budget@status", "not_available"},
    {"since", "2019"},
    {"since@carried", "pending"},
};

TEST_F(OverviewTest, EveryQuestionWithItsStateBySectionAndEnterGoesToIt) {
  MainFrame* frame = Open(kAnswers);
  ASSERT_NE(frame, nullptr);
  Click(InEditor<wxTextCtrl>(frame, "name"));
  PressKey('O', wxMOD_CONTROL | wxMOD_SHIFT);
  ASSERT_TRUE(WaitUntil([&] { return frame->OverviewShown(); }));
  EXPECT_EQ(frame->Page(), nullptr);

  const auto& rows = frame->Overview()->Rows();
  // Both sections, each heading followed by its questions.
  int headings = 0;
  for (const auto& row : rows) headings += row.heading ? 1 : 0;
  EXPECT_EQ(headings, 2);
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(rows.front().heading);
  ASSERT_NE(RowOf(frame, "name"), nullptr);
  EXPECT_EQ(RowOf(frame, "name")->state, QuestionState::Answered);
  EXPECT_TRUE(RowOf(frame, "name")->commented);
  EXPECT_TRUE(RowOf(frame, "name")->note.Contains("StGB unit"));
  EXPECT_EQ(RowOf(frame, "shelters")->state, QuestionState::Error);
  EXPECT_FALSE(RowOf(frame, "shelters")->note.empty());
  EXPECT_EQ(RowOf(frame, "budget")->state, QuestionState::NotAvailable);
  EXPECT_EQ(RowOf(frame, "since")->state, QuestionState::Warning);
  EXPECT_EQ(RowOf(frame, "partner")->state, QuestionState::Unanswered);
  EXPECT_EQ(RowOf(frame, "gate_yes")->state, QuestionState::Unanswered);  // relevant once gate is yes
  ASSERT_NE(RowOf(frame, "agreements"), nullptr);                         // a repeat is one line
  EXPECT_EQ(RowOf(frame, "agreement_title"), nullptr);                    // its questions are not
  EXPECT_EQ(RowOf(frame, "closing"), nullptr);                            // a note takes no answer
  EXPECT_EQ(frame->Overview()->Counts().answered, 2);                     // gate and name
  EXPECT_EQ(frame->Overview()->Counts().errors, 1);
  EXPECT_EQ(frame->Overview()->Counts().commented, 1);
  // The question the user came from is selected.
  EXPECT_EQ(frame->Overview()->SelectedPath(), "name");
  Screenshot(frame, "overview");

  // The overview follows the answers while it is open.
  frame->GetModel()->apply({{"partner", "DEU"}});
  ASSERT_TRUE(WaitUntil([&] { return RowOf(frame, "partner")->state == QuestionState::Answered; }));

  // Enter on a line goes to its question, with the keyboard in it.
  frame->Overview()->Select("shelters");
  frame->Overview()->FocusList();
  Pump(100);
  PressKey(WXK_RETURN);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() != nullptr; }));
  EXPECT_FALSE(frame->OverviewShown());
  EXPECT_TRUE(WaitUntil([&] { return wxWindow::FindFocus() == InEditor<wxTextCtrl>(frame, "shelters"); }));

  // From the menu too, and the keyboard is in the list.
  frame->OpenSection(1);
  frame->OpenOverview();
  EXPECT_TRUE(frame->OverviewShown());
  EXPECT_TRUE(WaitUntil([&] { return FocusInside(frame->Overview()); }));
  // A section's heading opens the section.
  const auto& again = frame->Overview()->Rows();
  const auto second =
      std::find_if(again.begin(), again.end(), [](const auto& r) { return r.heading && r.section == 1; });
  ASSERT_NE(second, again.end());
  frame->Overview()->onOpenSection(second->section);
  EXPECT_EQ(frame->CurrentSection(), 1);
  frame->Close();
}

TEST_F(OverviewTest, SearchFindsAnswersAndCommentsAsYouTypeAndSelectsTheWords) {
  MainFrame* frame = Open(kAnswers);
  ASSERT_NE(frame, nullptr);
  auto* search = Find<wxSearchCtrl>(frame);
  ASSERT_NE(search, nullptr);
  Click(InEditor<wxTextCtrl>(frame, "name"));
  PressKey('F', wxMOD_CONTROL);
  ASSERT_TRUE(WaitUntil([&] { return FocusInside(search); }));
  Type("stgb");  // no Enter: the results come as the user types
  ASSERT_TRUE(WaitUntil([&] { return frame->ListPage()->IsShown() && frame->ListPage()->RowCount() == 2; }));
  EXPECT_TRUE(FocusInside(search));  // the keyboard stays in the box
  const auto answers = gui::AnswerSearchRows(frame->GetModel()->session(), "en", "stgb");
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].path, "name");
  EXPECT_TRUE(answers[0].note.StartsWith("Answer:"));
  EXPECT_TRUE(answers[1].note.StartsWith("Comment:"));

  // Down arrow into the results, Enter: the answer, its words selected.
  PressKey(WXK_DOWN);
  ASSERT_TRUE(WaitUntil([&] { return FocusInside(frame->ListPage()); }));
  PressKey(WXK_RETURN);
  auto* name = InEditor<wxTextCtrl>(frame, "name");
  ASSERT_TRUE(WaitUntil([&] { return name && wxWindow::FindFocus() == name; }));
  ASSERT_TRUE(WaitUntil([&] { return name->GetStringSelection() == "StGB"; })) << name->GetStringSelection();

  // Ctrl+F from the results list goes back to the box.
  frame->OpenSearch("2019");
  ASSERT_TRUE(WaitUntil([&] { return FocusInside(frame->ListPage()); }));
  EXPECT_EQ(frame->ListPage()->RowCount(), 1u);
  PressKey('F', wxMOD_CONTROL);
  EXPECT_TRUE(WaitUntil([&] { return FocusInside(search); }));
  frame->Close();
}

TEST_F(OverviewTest, SectionKeysAndFindWorkFromTextBoxesTablesAndTheTree) {
  MainFrame* frame = Open({});
  ASSERT_NE(frame, nullptr);
  // Enter in a one-line box: the next question.
  Click(InEditor<wxTextCtrl>(frame, "name"));
  PressKey(WXK_RETURN);
  EXPECT_TRUE(WaitUntil([&] { return wxWindow::FindFocus() == InEditor<wxTextCtrl>(frame, "shelters"); }));
  PressKey(WXK_RETURN);
  EXPECT_TRUE(WaitUntil([&] { return wxWindow::FindFocus() == InEditor<wxTextCtrl>(frame, "budget"); }));

  // Ctrl+Page Down from inside a text box: the next section, the keyboard in it.
  PressKey(WXK_PAGEDOWN, wxMOD_CONTROL);
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentSection() == 1 && frame->Page(); }));
  EXPECT_TRUE(WaitUntil([&] { return FocusInside(frame->Page()); }));

  // From inside a table.
  auto* grid = InEditor<wxGrid>(frame, "victims");
  ASSERT_NE(grid, nullptr);
  Click(grid);
  ASSERT_TRUE(WaitUntil([&] { return FocusInside(grid); }));
  PressKey(WXK_PAGEUP, wxMOD_CONTROL);
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentSection() == 0; }));

  // From the section tree, which keeps the keyboard.
  frame->Tree()->SetFocus();
  Pump(100);
  PressKey(WXK_PAGEDOWN, wxMOD_CONTROL);
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentSection() == 1; }));
  EXPECT_TRUE(FocusInside(frame->Tree()));

  // Ctrl+F from the tree and from a table.
  PressKey('F', wxMOD_CONTROL);
  auto* search = Find<wxSearchCtrl>(frame);
  EXPECT_TRUE(WaitUntil([&] { return FocusInside(search); }));
  Click(InEditor<wxGrid>(frame, "victims"));
  PressKey('F', wxMOD_CONTROL);
  EXPECT_TRUE(WaitUntil([&] { return FocusInside(search); }));
  frame->Close();
}

// A soft check's warning does not block a final report: "to check", beside
// an answer carried forward, never "to correct".
TEST(OverviewRows, ASoftWarningIsToCheckNotToCorrect) {
  const std::string yaml =
      "focal: 1\nid: soft\nversion: '1'\ninstrument: tip\ncycle: 1\ntitle: {en: Soft}\nlanguages: [en]\n"
      "sections:\n  - id: s1\n    title: One\n    questions:\n"
      "      - {id: total, type: integer, label: Victims identified}\n"
      "      - id: children\n"
      "        type: integer\n"
      "        label: Of whom children\n"
      "        warning: \". * 2 <= ${total}\"\n"
      "        warning_message: More than half of the victims are children; please check.\n";
  LoadResult result = loadQuestionnaireText(yaml, "soft.yaml");
  ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().format());
  ResponseSession session(result.questionnaire, "en");
  session.load({{"total", "10"}, {"children", "6"}});
  gui::OverviewCounts counts;
  const auto rows = gui::OverviewPage::Build(session, "en", &counts);
  const auto children =
      std::find_if(rows.begin(), rows.end(), [](const auto& row) { return row.path == "children"; });
  ASSERT_NE(children, rows.end());
  EXPECT_EQ(children->state, QuestionState::Warning);
  EXPECT_TRUE(children->note.Contains("please check"));
  EXPECT_EQ(counts.errors, 0);
  EXPECT_EQ(counts.warnings, 1);
}

// One tab stop after the answer: the "More" button, whose menu marks the
// information not available, opens the comment and clears the answer.
TEST_F(OverviewTest, TheMoreButtonHoldsNotAvailableCommentAndClear) {
  MainFrame* frame = Open({{"shelters", "12"},
                           {"shelters@comment", "From the 2023 survey"},
                           {"victims/y2023/women", "4"},
                           {"victims/y2024/men", "7"}});
  ASSERT_NE(frame, nullptr);
  gui::QuestionEditor* shelters = frame->Page()->EditorAt("shelters");
  ASSERT_NE(shelters, nullptr);
  std::vector<wxButton*> buttons;
  Collect(shelters->Window(), buttons);
  ASSERT_EQ(buttons.size(), 1u);  // "More", and no separate box or button
  EXPECT_TRUE(buttons.front()->GetName().StartsWith("How many shelters operate?"));

  // Its menu (the popup itself waits for a person): not available, comment, clear.
  auto menu = shelters->MoreMenu();
  ASSERT_EQ(menu->GetMenuItemCount(), 3u);
  EXPECT_FALSE(menu->IsChecked(gui::QuestionEditor::kMoreNotAvailable));
  EXPECT_TRUE(menu->IsEnabled(gui::QuestionEditor::kMoreClear));
  EXPECT_EQ(menu->GetLabelText(gui::QuestionEditor::kMoreComment), "Go to the comment");
  shelters->RunMore(gui::QuestionEditor::kMoreNotAvailable);
  EXPECT_TRUE(
      WaitUntil([&] { return frame->GetModel()->session().value("shelters@status") == "not_available"; }));
  EXPECT_FALSE(InEditor<wxTextCtrl>(frame, "shelters")->IsEnabled());
  shelters->SetNotAvailable(false);
  EXPECT_EQ(frame->GetModel()->session().value("shelters@status"), "");

  // Clear: the value goes, the comment stays, and one undo brings it back.
  ASSERT_TRUE(shelters->CanClear());
  shelters->ClearAnswer();
  EXPECT_EQ(frame->GetModel()->session().value("shelters"), "");
  EXPECT_EQ(frame->GetModel()->session().value("shelters@comment"), "From the 2023 survey");
  frame->Undo();
  EXPECT_EQ(frame->GetModel()->session().value("shelters"), "12");

  // A table is cleared cell by cell, in one step.
  frame->OpenSection(1);
  gui::QuestionEditor* victims = frame->Page()->EditorAt("victims");
  ASSERT_NE(victims, nullptr);
  ASSERT_TRUE(victims->CanClear());
  victims->ClearAnswer();
  EXPECT_FALSE(frame->GetModel()->session().isAnswered("victims"));
  frame->Undo();
  EXPECT_EQ(frame->GetModel()->session().value("victims/y2024/men"), "7");
  // Records and files have their own Remove.
  ASSERT_NE(frame->Page()->EditorAt("agreements"), nullptr);
  EXPECT_FALSE(frame->Page()->EditorAt("agreements")->CanClear());
  frame->Close();
}

}  // namespace
}  // namespace focal::test
