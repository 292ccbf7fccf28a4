// A section too long for one screen: the page shows a screenful at once and
// builds the rest while the program is idle (question_page.h). An answer
// given meanwhile reaches the questions built later, search and the Review
// page reach a question not yet built, the tab order still follows the
// questions, and pages left behind by fast switching are destroyed.
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

constexpr int kQuestions = 80;

// One short section, then one of a gate, 80 texts and the gate's follow-up.
std::string WriteQuestionnaire(const std::string& directory) {
  const std::string file = directory + "/long.yaml";
  std::ofstream y(file);
  y << "focal: 1\nid: long-section\ntitle: {en: A long section}\ninstrument: tip\ncycle: 1\nversion: '1'\n"
       "languages: [en]\nsections:\n"
       "  - id: short\n    title: {en: Short}\n    questions:\n"
       "      - {id: alone, type: text, label: {en: The only question}}\n"
       "  - id: long\n    title: {en: Long}\n    questions:\n"
       "      - {id: gate, type: yes_no, label: {en: 'Is there a plan?'}}\n";
  for (int i = 0; i < kQuestions; ++i)
    y << "      - {id: t" << i << ", type: text, label: {en: 'Question " << i
      << ", with a label long enough to wrap on two lines of the page as the real ones do'}}\n";
  y << "      - {id: follow, type: text, label: {en: Describe the plan}, relevant: \"${gate} = 'yes'\"}\n";
  return file;
}

// The editors of the page, in the order of its children (the tab order).
std::vector<std::string> PagePaths(gui::QuestionPage* page) {
  std::vector<std::string> paths;
  for (wxWindow* child : page->GetChildren())
    if (auto* editor = static_cast<gui::QuestionEditor*>(child->GetClientData()))
      paths.push_back(editor->Path());
  return paths;
}

int CountPages(wxWindow* root) {
  int n = dynamic_cast<gui::QuestionPage*>(root) ? 1 : 0;
  for (wxWindow* child : root->GetChildren()) n += CountPages(child);
  return n;
}

class LongSectionTest : public GuiTest {
 protected:
  // Opens the preview, then the long section, and leaves it building.
  void SetUp() override {
    GuiTest::SetUp();
    if (!HaveDisplay()) GTEST_SKIP() << "no display";
    frame_ = Desktop::Get().OpenPreview(WriteQuestionnaire(directory_));
    frame_->SetSize(1000, 700);
    frame_->Move(0, 0);
    ASSERT_TRUE(WaitUntil([&] { return frame_->IsShownOnScreen() && frame_->Page(); }));
    Pump(100);
    frame_->OpenSection(SectionOf("gate"));
    ASSERT_NE(frame_->Page(), nullptr);
    ASSERT_FALSE(frame_->Page()->Complete());
  }
  int SectionOf(const std::string& question) const {
    const Questionnaire& q = frame_->GetModel()->questionnaire();
    return q.questions[q.indexOf(question)].section;
  }
  bool WaitForCompletePage() {
    return WaitUntil([&] { return frame_->Page()->Complete(); }, 10000);
  }
  MainFrame* frame_ = nullptr;  // closed by GuiTest::TearDown
};

TEST_F(LongSectionTest, OpensWithAScreenfulAndBuildsTheRestWhileIdle) {
  const std::size_t first = PagePaths(frame_->Page()).size();
  EXPECT_GE(first, 3u);
  EXPECT_LT(first, 40u);
  ASSERT_TRUE(WaitForCompletePage());
  // Every question, in the questionnaire's order: Tab goes from one to the next.
  std::vector<std::string> expected{"gate"};
  // GCC bug 105329: `"x" + std::to_string(n)` warns falsely (-Wrestrict) at -O3.
  for (int i = 0; i < kQuestions; ++i) expected.push_back(std::string(1, 't').append(std::to_string(i)));
  expected.push_back("follow");
  EXPECT_EQ(PagePaths(frame_->Page()), expected);
  Screenshot(frame_, "long-section");
}

TEST_F(LongSectionTest, AnAnswerGivenWhileItBuildsReachesTheQuestionsBuiltLater) {
  // The gate is on the first screen: finding it builds nothing more.
  gui::QuestionEditor* gate = frame_->Page()->EditorAt("gate");
  ASSERT_NE(gate, nullptr);
  EXPECT_FALSE(frame_->Page()->Complete());
  std::vector<wxRadioButton*> radios;
  for (wxWindow* child : gate->Window()->GetChildren())
    if (auto* radio = dynamic_cast<wxRadioButton*>(child); radio && radio->GetLabel() == "Yes")
      radios.push_back(radio);
  ASSERT_EQ(radios.size(), 1u);
  Click(radios.front());
  ASSERT_TRUE(WaitUntil([&] { return frame_->GetModel()->session().value("gate") == "yes"; }));
  ASSERT_TRUE(WaitForCompletePage());
  gui::QuestionEditor* follow = frame_->Page()->EditorAt("follow");
  ASSERT_NE(follow, nullptr);
  EXPECT_TRUE(follow->Window()->IsShown());
}

TEST_F(LongSectionTest, SearchReachesAQuestionNotYetBuilt) {
  ASSERT_TRUE(frame_->GoToQuestion("t79"));
  EXPECT_TRUE(frame_->Page()->Complete());
  Pump(200);
  gui::QuestionEditor* last = frame_->Page()->EditorAt("t79");
  ASSERT_NE(last, nullptr);
  wxWindow* focus = wxWindow::FindFocus();
  ASSERT_NE(focus, nullptr);
  EXPECT_TRUE(dynamic_cast<wxTextCtrl*>(focus));
  EXPECT_EQ(focus->GetParent(), last->Window());
  EXPECT_TRUE(last->Window()->IsShownOnScreen());
  // Scrolled to: the question's input is inside the visible part of the page.
  const wxRect visible = frame_->Page()->GetScreenRect();
  EXPECT_TRUE(visible.Contains(focus->GetScreenRect()))
      << "page " << visible.y << "+" << visible.height << ", input at " << focus->GetScreenRect().y;
}

TEST_F(LongSectionTest, FastSwitchingLeavesNoPageBehind) {
  for (int i = 0; i < 4; ++i) {
    frame_->OpenSection(SectionOf("alone"));
    frame_->OpenSection(SectionOf("gate"));
  }
  // Type into a question of the first screen at once: nothing is lost.
  gui::QuestionEditor* text = frame_->Page()->EditorAt("t0");
  ASSERT_NE(text, nullptr);
  ASSERT_FALSE(frame_->Page()->Complete());
  text->FocusInput();
  Type("typed");
  ASSERT_TRUE(WaitForCompletePage());
  ASSERT_TRUE(WaitUntil([&] { return CountPages(frame_) == 1; }, 5000))
      << CountPages(frame_) << " pages alive";
  frame_->FlushTyping();
  EXPECT_EQ(frame_->GetModel()->session().value("t0"), "typed");
}

}  // namespace
}  // namespace focal::test
