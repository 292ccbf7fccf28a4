// The main window's behaviours, one by one: every editor of every bundled
// questionnaire builds, relevance applies live, inline errors, the review
// page and search lead to their question, carried-forward answers are
// confirmed in one click, "information not available" greys the input,
// undo and redo, the saving banner, the preview that reloads its file and
// lists load errors with their lines, accessible names, the tab order.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>

#include "app/gui/banner.h"
#include "app/gui/desktop.h"
#include "app/gui/document_model.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_list_page.h"
#include "app/gui/question_page.h"
#include "app/gui/questionnaire_files.h"
#include "app/gui/translations.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

class WindowTest : public GuiTest {
 protected:
  static MainFrame* Preview(const std::string& file = kEveryType) {
    return ShowFrame(Desktop::Get().OpenPreview(file));
  }
  // A workspace response to every-type.yaml with `initial` answers.
  MainFrame* Workspace(const std::map<std::string, std::string>& initial = {}) {
    return ShowFrame(Desktop::Get().OpenWorkspace(EveryTypeWorkspace(directory_, initial)));
  }
};

TEST_F(WindowTest, EverySectionOfEveryBundledQuestionnaireOpens) {
  const auto available = gui::AvailableQuestionnaires();
  ASSERT_GE(available.size(), 5u);
  for (const auto& questionnaire : available) {
    SCOPED_TRACE(questionnaire.file);
    MainFrame* frame = Desktop::Get().ShowModel(
        std::make_shared<gui::PreviewModel>(questionnaire.questionnaire, std::string()), questionnaire.file);
    for (int s = 0; s < static_cast<int>(questionnaire.questionnaire->sections.size()); ++s) {
      frame->OpenSection(s);
      Pump();
      ASSERT_NE(frame->Page(), nullptr);
      EXPECT_EQ(frame->Page()->Section(), s);
      for (int index : questionnaire.questionnaire->sections[s].questions)
        EXPECT_NE(frame->Page()->EditorAt(questionnaire.questionnaire->questions[index].id), nullptr);
    }
    frame->OpenReview();
    Pump();
    EXPECT_GT(frame->ListPage()->RowCount(), 0u);  // every questionnaire has required questions
    frame->Close(true);
    Pump();
  }
}

TEST_F(WindowTest, FollowUpsAppearAndDisappearAsAnswersChange) {
  MainFrame* frame = Preview();
  gui::QuestionEditor* followUp = frame->Page()->EditorAt("gate_yes");
  ASSERT_NE(followUp, nullptr);
  EXPECT_FALSE(followUp->Window()->IsShown());
  frame->GetModel()->apply({{"gate", "yes"}});
  EXPECT_TRUE(followUp->Window()->IsShown());
  frame->GetModel()->apply({{"gate", "no"}});
  EXPECT_FALSE(followUp->Window()->IsShown());
  // The answer shows in the radio buttons, set without firing events.
  EXPECT_TRUE(InEditor<wxRadioButton>(frame, "gate", _("No"))->GetValue());
}

// The page's own static texts containing `part`.
std::vector<wxStaticText*> PageTexts(MainFrame* frame, const wxString& part) {
  std::vector<wxStaticText*> found;
  for (wxWindow* child : frame->Page()->GetChildren())
    if (auto* text = dynamic_cast<wxStaticText*>(child); text && text->GetLabelText().Contains(part))
      found.push_back(text);
  return found;
}

TEST_F(WindowTest, ASectionThatStopsApplyingSaysSoAndLeavesNoHiddenWindowOnThePage) {
  const std::string file = directory_ + "/sections.yaml";
  std::ofstream(file) << EnglishQuestionnaire("gui-section-relevance", "Sections", R"yaml(  - id: first
    title: {en: First}
    questions:
      - {id: gate, type: yes_no, label: {en: "Is there a plan?"}}
  - id: second
    title: {en: The plan}
    relevant: ${gate} = 'yes'
    questions:
      - {id: plan, type: text, label: {en: Name the plan}}
)yaml");
  MainFrame* frame = Preview(file);
  ASSERT_NE(frame, nullptr);
  frame->OpenSection(1);
  const wxString note = _("This section does not apply, given your answers so far.");
  EXPECT_EQ(PageTexts(frame, note).size(), 1u);
  frame->GetModel()->apply({{"gate", "yes"}});
  EXPECT_TRUE(PageTexts(frame, note).empty());
  ASSERT_NE(frame->Page()->EditorAt("plan"), nullptr);
  EXPECT_TRUE(frame->Page()->EditorAt("plan")->Window()->IsShown());
  frame->GetModel()->apply({{"gate", "no"}});
  EXPECT_EQ(PageTexts(frame, note).size(), 1u);
  frame->GetModel()->apply({{"gate", "yes"}});
  // wxGTK moves every child of the page when it scrolls, and GTK prints a
  // critical warning for each hidden one: the page keeps none.
  for (wxWindow* child : frame->Page()->GetChildren())
    EXPECT_TRUE(child->IsShown()) << child->GetClassInfo()->GetClassName();
  frame->Close(true);
  Pump(50);
}

TEST_F(WindowTest, ConstraintMessagesShowInlineBesideTheQuestion) {
  MainFrame* frame = Preview();
  auto* box = InEditor<wxTextCtrl>(frame, "shelters");
  ASSERT_NE(box, nullptr);
  Click(box);
  Type("5000");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("shelters") == "5000"; }));
  // The session's message, in a line of the editor; no dialog opened.
  const std::string message = frame->GetModel()->session().error("shelters");
  ASSERT_FALSE(message.empty());
  bool shown = false;
  for (auto* text : AllInEditor<wxStaticText>(frame, "shelters"))
    shown |= text->IsShown() && text->GetLabelText().Contains(wxString::FromUTF8(message));
  EXPECT_TRUE(shown);
  EXPECT_EQ(wxTopLevelWindows.GetCount(), 1u);
}

TEST_F(WindowTest, ReviewListsEveryProblemAndOpensItsQuestion) {
  MainFrame* frame = Preview();
  frame->GetModel()->apply({{"gate", "yes"}});
  frame->OpenReview();
  Pump();
  const auto rows = gui::QuestionListPage::ProblemRows(frame->GetModel()->session(), "en");
  EXPECT_EQ(frame->ListPage()->RowCount(), rows.size());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front().path, "gate_yes");  // required once gate is yes
  frame->ListPage()->onOpen(rows.front().path);
  Pump();
  ASSERT_NE(frame->Page(), nullptr);
  EXPECT_EQ(frame->CurrentEditor(), frame->Page()->EditorAt("gate_yes"));
}

TEST_F(WindowTest, SearchFindsQuestionsByTextAndById) {
  MainFrame* frame = Preview();
  frame->OpenSearch("shelters");
  EXPECT_EQ(frame->ListPage()->RowCount(), 1u);
  frame->OpenSearch("AGREEMENT_TITLE");
  EXPECT_EQ(frame->ListPage()->RowCount(), 1u);
  frame->OpenSearch("nothing of the sort");
  EXPECT_EQ(frame->ListPage()->RowCount(), 0u);
}

TEST_F(WindowTest, CarriedForwardAnswersAreConfirmedInOneClick) {
  MainFrame* frame = Workspace({{"gate", "yes"}, {"gate@carried", "pending"}});
  EXPECT_EQ(frame->GetModel()->session().value("gate@carried"), "pending");
  Click(InEditor<wxButton>(frame, "gate", _("&Confirm")));
  EXPECT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("gate@carried").empty(); }));
  EXPECT_EQ(frame->GetModel()->session().value("gate"), "yes");
}

TEST_F(WindowTest, InformationNotAvailableGreysTheInput) {
  MainFrame* frame = Preview();
  // From the Question menu's key, in the question (the "More" button offers it too).
  Click(InEditor<wxTextCtrl>(frame, "shelters"));
  PressKey('N', wxMOD_CONTROL | wxMOD_SHIFT);
  ASSERT_TRUE(
      WaitUntil([&] { return frame->GetModel()->session().value("shelters@status") == "not_available"; }));
  EXPECT_FALSE(InEditor<wxTextCtrl>(frame, "shelters")->IsEnabled());
  EXPECT_TRUE(frame->GetModel()->session().isAnswered("shelters"));
}

TEST_F(WindowTest, UndoAndRedoGoBackToTheQuestion) {
  MainFrame* frame = Workspace();
  auto* name = InEditor<wxTextCtrl>(frame, "name");
  Click(name);
  Type("National plan");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("name") == "National plan"; }));
  frame->OpenSection(1);
  Pump();
  // The keystrokes of one field are one step.
  frame->Undo();
  Pump();
  EXPECT_EQ(frame->GetModel()->session().value("name"), "");
  EXPECT_EQ(frame->CurrentSection(), 0);
  EXPECT_EQ(InEditor<wxTextCtrl>(frame, "name")->GetValue(), "");
  frame->Redo();
  Pump();
  EXPECT_EQ(InEditor<wxTextCtrl>(frame, "name")->GetValue(), "National plan");
}

TEST_F(WindowTest, TablesRepeatsAndCalculationsWork) {
  MainFrame* frame = Workspace();
  frame->OpenSection(1);
  Pump();
  frame->GetModel()->apply(
      {{"victims/y2023/women", "4"}, {"victims/y2024/women", "6"}, {"victims/y2023/men", "1"}});
  auto* grid = InEditor<wxGrid>(frame, "victims");
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(grid->GetCellValue(0, 0), "4");
  EXPECT_EQ(grid->GetCellValue(0, 2), "5");   // row total
  EXPECT_EQ(grid->GetCellValue(2, 0), "10");  // column total
  EXPECT_EQ(grid->GetCellValue(2, 2), "11");  // grand total
  Click(InEditor<wxButton>(frame, "agreements", _("&Add a record")));
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().records("agreements").size() == 1; }));
  Click(InEditor<wxButton>(frame, "agreements", _("&Add a record")));
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().records("agreements").size() == 2; }));
  const auto keys = frame->GetModel()->session().records("agreements");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(frame->GetModel()->session().calculated("agreement_count"), "2");
  // Move the second record up: the keys swap, the panels follow.
  std::vector<wxButton*> ups = AllInEditor<wxButton>(frame, "agreements");
  std::erase_if(ups, [](wxButton* b) { return b->GetLabel() != _("Move up") || !b->IsEnabled(); });
  ASSERT_EQ(ups.size(), 1u);
  Click(ups.front());
  EXPECT_EQ(frame->GetModel()->session().records("agreements"), (std::vector<std::string>{keys[1], keys[0]}));
  EXPECT_NE(frame->Page()->EditorAt("agreements[" + keys[0] + "]/agreement_title"), nullptr);
  frame->Undo();
  EXPECT_EQ(frame->GetModel()->session().records("agreements"), keys);
}

TEST_F(WindowTest, HistoryComesFromTheStore) {
  MainFrame* frame = Workspace();
  frame->GetModel()->apply({{"name", "First"}});
  frame->GetModel()->apply({{"name", "Second"}});
  const auto history = frame->GetModel()->history("name");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history.back().value, "Second");
  EXPECT_FALSE(history.back().changedBy.empty());
}

// A model whose saving fails, to see the window say so.
class FailingModel : public gui::PreviewModel {
 public:
  using PreviewModel::PreviewModel;
  gui::SaveStatus saveStatus() const override { return status_; }
  void Fail() {
    status_ = {gui::SaveStatus::State::Pending, 3, "The disk is full.", {}};
    statusChanges_.publish(status_);
  }
  void Recover() {
    status_ = {gui::SaveStatus::State::Saved, 0, {}, {}};
    statusChanges_.publish(status_);
  }
  void retrySave() override { Recover(); }

 private:
  gui::SaveStatus status_{gui::SaveStatus::State::Saved, 0, {}, {}};
};

TEST_F(WindowTest, ASavingFailureShowsAClearBannerUntilItIsResolved) {
  auto model = std::make_shared<FailingModel>(LoadQuestionnaire(kEveryType), "en");
  MainFrame* frame = Desktop::Get().ShowModel(model);
  Pump();
  EXPECT_FALSE(frame->GetBanner()->IsShown());
  model->Fail();
  EXPECT_TRUE(frame->GetBanner()->IsShown());
  EXPECT_TRUE(frame->GetBanner()->Message().Contains("The disk is full."));
  Click(wxWindow::FindWindowByLabel(_("&Try again"), frame->GetBanner()));
  EXPECT_FALSE(frame->GetBanner()->IsShown());
}

TEST_F(WindowTest, APreviewReloadsItsFileAndListsLoadErrorsWithTheirLines) {
  const std::string file = directory_ + "/draft.yaml";
  std::filesystem::copy_file(kEveryType, file);
  MainFrame* frame = Preview(file);
  frame->GetModel()->apply({{"name", "Kept across reloads"}});
  std::string text;
  {
    std::ifstream in(file);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  // A broken file: the errors, with their lines.
  {
    std::ofstream out(file, std::ios::trunc);
    out << text << "      - {id: broken, type: no_such_type, label: Broken}\n";
  }
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() == nullptr; }, 5000));
  Pump(100);
  // Fixed again, with a new question: the answers typed so far are still there.
  {
    std::ofstream out(file, std::ios::trunc);
    out << text << "      - {id: added, type: text, label: Added later}\n";
  }
  ASSERT_TRUE(
      WaitUntil([&] { return frame->GetModel() && frame->GetModel()->questionnaire().find("added"); }, 5000));
  EXPECT_EQ(frame->GetModel()->session().value("name"), "Kept across reloads");
}

TEST_F(WindowTest, EveryInputHasTheQuestionAsItsAccessibleName) {
  MainFrame* frame = Workspace();
  for (int section : {0, 1}) {
    frame->OpenSection(section);
    Pump();
    std::vector<wxControl*> controls;
    Collect(frame->Page(), controls);
    for (wxControl* control : controls) {
      if (dynamic_cast<wxStaticText*>(control) || !control->IsShownOnScreen() || !control->AcceptsFocus())
        continue;
      SCOPED_TRACE(control->GetClassInfo()->GetClassName());
      const wxString name = control->GetName();
      EXPECT_FALSE(name.empty());
      EXPECT_NE(name, wxString(control->GetClassInfo()->GetClassName()).Mid(2).Lower());
      EXPECT_FALSE(control->GetHelpText().empty());
    }
  }
}

TEST_F(WindowTest, TabFollowsTheQuestions) {
  MainFrame* frame = Preview();
  auto* name = InEditor<wxTextCtrl>(frame, "name");
  Click(name);
  PressKey(WXK_TAB);  // "More" of the same question: not available, comment, clear
  PressKey(WXK_TAB);  // the next question
  EXPECT_EQ(wxWindow::FindFocus(), InEditor<wxTextCtrl>(frame, "shelters"));
}

TEST_F(WindowTest, TheArabicInterfaceIsRightToLeftAndTranslated) {
  MainFrame* frame = Preview();
  frame->SetQuestionnaireLanguage("ar");
  Desktop::Get().SwitchInterfaceLanguage("ar");
  Pump(200);
  frame = Desktop::Get().Frames().front();
  EXPECT_EQ(frame->GetLayoutDirection(), wxLayout_RightToLeft);
  EXPECT_NE(frame->GetMenuBar()->GetMenuLabelText(0), "File");
  EXPECT_EQ(frame->GetModel()->language(), "ar");
  Desktop::Get().SwitchInterfaceLanguage("en");
  Pump(200);
  frame = Desktop::Get().Frames().front();
  EXPECT_EQ(frame->GetLayoutDirection(), wxLayout_LeftToRight);
  EXPECT_EQ(frame->GetMenuBar()->GetMenuLabelText(0), "File");
}

}  // namespace
}  // namespace focal::test
