// A section too long for one screen: the page builds only the questions in
// view (and a margin), the others being placeholders until scrolled to, and
// destroys those far from the view again (question_page.h). An answer given
// meanwhile reaches the questions built later, search and the Review page
// reach a question not yet built (built, scrolled to and focused), Tab and
// Enter go on from the last question built, the focused question survives
// scrolling away, the tab order follows the questions, the number of live
// windows stays bounded, and pages left behind by fast switching are
// destroyed.
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

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
  y << "      - {id: follow, type: text, label: {en: Describe the plan}, relevant: \"${gate} = 'yes'\"}\n"
       "      - id: rep\n        type: repeat\n        label: {en: Agreements}\n        questions:\n"
       "          - {id: rname, type: text, label: {en: Title of the agreement}}\n";
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

// The question numbers (t0 = 0...) of the editors built, in the tab order.
std::vector<int> BuiltNumbers(gui::QuestionPage* page) {
  std::vector<int> numbers;
  for (const auto& path : PagePaths(page))
    if (path.size() > 1 && path[0] == 't') numbers.push_back(std::stoi(path.substr(1)));
  return numbers;
}

int CountWindows(wxWindow* root) {
  int n = 1;
  for (wxWindow* child : root->GetChildren()) n += CountWindows(child);
  return n;
}

// The editor whose panel holds the keyboard focus, or null.
gui::QuestionEditor* FocusedEditor() {
  for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
    if (w->GetClientData()) return static_cast<gui::QuestionEditor*>(w->GetClientData());
  return nullptr;
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

TEST_F(LongSectionTest, BuildsOnlyTheQuestionsInViewThenThoseScrolledTo) {
  gui::QuestionPage* page = frame_->Page();
  ASSERT_TRUE(WaitForCompletePage());
  const std::size_t first = page->BuiltRows();
  EXPECT_GE(first, 3u);
  EXPECT_LT(first, 30u);
  EXPECT_EQ(page->RowCount(), static_cast<std::size_t>(kQuestions) + 3);
  // The first questions, in the questionnaire's order.
  std::vector<int> numbers = BuiltNumbers(page);
  ASSERT_FALSE(numbers.empty());
  EXPECT_EQ(numbers.front(), 0);
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  Screenshot(frame_, "long-section");
  // To the end of the page: the last questions are built, the first ones
  // destroyed, the tab order still the questions' order.
  page->Scroll(-1, 100000);
  ASSERT_TRUE(WaitForCompletePage());
  Pump(100);
  numbers = BuiltNumbers(page);
  ASSERT_FALSE(numbers.empty());
  EXPECT_EQ(numbers.back(), kQuestions - 1);
  EXPECT_GT(numbers.front(), 0);
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  EXPECT_LT(page->BuiltRows(), 40u);
  // The middle, reached by the scroll bar: placeholders became questions.
  page->Scroll(-1, page->GetVirtualSize().y / 2 / 20);
  ASSERT_TRUE(WaitForCompletePage());
  numbers = BuiltNumbers(page);
  ASSERT_FALSE(numbers.empty());
  EXPECT_GT(numbers.front(), 10);
  EXPECT_LT(numbers.back(), kQuestions - 10);
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  // What is built in view is on screen, laid out one below the other.
  const wxRect visible = page->GetScreenRect();
  int shownInView = 0, lastBottom = std::numeric_limits<int>::min();
  for (wxWindow* child : page->GetChildren()) {
    if (!child->GetClientData() || !child->IsShown()) continue;
    const wxRect rect = child->GetScreenRect();
    EXPECT_GE(rect.y, lastBottom) << static_cast<gui::QuestionEditor*>(child->GetClientData())->Path();
    lastBottom = rect.GetBottom();
    shownInView += visible.Intersects(rect) ? 1 : 0;
  }
  EXPECT_GE(shownInView, 3);
}

TEST_F(LongSectionTest, LiveWindowsStayBoundedWhileScrollingThroughTheSection) {
  gui::QuestionPage* page = frame_->Page();
  ASSERT_TRUE(WaitForCompletePage());
  const int atFirst = CountWindows(page);
  int most = atFirst;
  std::set<int> seen;
  for (int step = 0; step < 200; ++step) {
    int x = 0, y = 0;
    page->GetViewStart(&x, &y);
    page->Scroll(-1, y + 15);
    ASSERT_TRUE(WaitForCompletePage());
    Pump();
    most = std::max(most, CountWindows(page));
    for (int n : BuiltNumbers(page)) seen.insert(n);
    int after = 0;
    page->GetViewStart(&x, &after);
    if (after == y) break;  // the end
  }
  // Every question was built on the way, never all at once.
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kQuestions));
  EXPECT_LT(most, atFirst * 3) << "first screen " << atFirst << " windows, at most " << most;
  EXPECT_LT(page->BuiltRows(), 40u);
}

TEST_F(LongSectionTest, TabAndEnterGoOnFromTheLastQuestionBuilt) {
  gui::QuestionPage* page = frame_->Page();
  ASSERT_TRUE(WaitForCompletePage());
  const std::vector<int> numbers = BuiltNumbers(page);
  ASSERT_FALSE(numbers.empty());
  const int last = numbers.back();
  ASSERT_LT(last, kQuestions - 2);
  const std::string next = "t" + std::to_string(last + 1);
  const std::string after = "t" + std::to_string(last + 2);
  gui::QuestionEditor* editor = page->EditorAt("t" + std::to_string(last));
  ASSERT_NE(editor, nullptr);
  editor->FocusInput();
  // The next question exists as soon as the focus is in this one, before
  // the page has scrolled or been idle: a key typed at once reaches it.
  const std::vector<std::string> paths = PagePaths(page);
  EXPECT_NE(std::find(paths.begin(), paths.end(), next), paths.end()) << next << " not built";
  Pump(100);
  // Tab: past the question's "More" button to the next question's box.
  PressKey(WXK_TAB);
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return FocusedEditor() && FocusedEditor()->Path() == next; }))
      << (FocusedEditor() ? FocusedEditor()->Path() : std::string("no question focused"));
  EXPECT_TRUE(dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus()));
  // Scrolled to it: the box is on screen.
  Pump(200);
  EXPECT_TRUE(page->GetScreenRect().Contains(wxWindow::FindFocus()->GetScreenRect()));
  // Enter in a one-line box: the next question, built before it was needed.
  PressKey(WXK_RETURN);
  ASSERT_TRUE(WaitUntil([&] { return FocusedEditor() && FocusedEditor()->Path() == after; }))
      << (FocusedEditor() ? FocusedEditor()->Path() : std::string("no question focused"));
  // Shift+Tab twice: back to the previous one's box.
  PressKey(WXK_TAB, wxMOD_SHIFT);
  PressKey(WXK_TAB, wxMOD_SHIFT);
  EXPECT_TRUE(WaitUntil([&] { return FocusedEditor() && FocusedEditor()->Path() == next; }))
      << (FocusedEditor() ? FocusedEditor()->Path() : std::string("no question focused"));
}

TEST_F(LongSectionTest, TheFocusedQuestionSurvivesScrollingAway) {
  gui::QuestionPage* page = frame_->Page();
  ASSERT_TRUE(WaitForCompletePage());
  gui::QuestionEditor* text = page->EditorAt("t0");
  ASSERT_NE(text, nullptr);
  wxTextCtrl* box = nullptr;
  for (wxWindow* child : text->Window()->GetChildren())
    if (!box) box = dynamic_cast<wxTextCtrl*>(child);
  ASSERT_NE(box, nullptr);
  Click(box);
  ASSERT_TRUE(WaitUntil([&] { return wxWindow::FindFocus() == box; }));
  Type("kept");
  page->Scroll(-1, 100000);
  ASSERT_TRUE(WaitForCompletePage());
  Pump(200);
  // Still there, still focused, its text still being typed.
  const std::vector<std::string> paths = PagePaths(page);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "t0"), paths.end());
  ASSERT_NE(FocusedEditor(), nullptr);
  EXPECT_EQ(FocusedEditor()->Path(), "t0");
  Type(" typing");
  frame_->FlushTyping();
  EXPECT_EQ(frame_->GetModel()->session().value("t0"), "kept typing");
}

TEST_F(LongSectionTest, AnAnswerGivenWhileItBuildsReachesTheQuestionsBuiltLater) {
  // The gate is on the first screen; the follow-up, at the end, is not built.
  gui::QuestionEditor* gate = frame_->Page()->EditorAt("gate");
  ASSERT_NE(gate, nullptr);
  const std::vector<std::string> paths = PagePaths(frame_->Page());
  EXPECT_EQ(std::find(paths.begin(), paths.end(), "follow"), paths.end());
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
  ASSERT_TRUE(WaitForCompletePage());
  std::vector<int> numbers = BuiltNumbers(frame_->Page());
  EXPECT_EQ(std::find(numbers.begin(), numbers.end(), 79), numbers.end());
  ASSERT_TRUE(frame_->GoToQuestion("t79"));
  Pump(200);
  ASSERT_TRUE(WaitForCompletePage());
  // Built with the questions around it, not the ones before.
  numbers = BuiltNumbers(frame_->Page());
  EXPECT_LT(frame_->Page()->BuiltRows(), 40u);
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
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

TEST_F(LongSectionTest, AJumpToARecordsQuestionFarDownBuildsAndFocusesIt) {
  // A record, as Review or undo would name it: rep[key]/rname.
  const ResponseSession& session = frame_->GetModel()->session();
  frame_->GetModel()->apply(session.addRecordWrites("rep"));
  ASSERT_EQ(session.records("rep").size(), 1u);
  const std::string path = "rep[" + session.records("rep").front() + "]/rname";
  frame_->GetModel()->apply({{path, "Agreement of 2019"}});
  ASSERT_TRUE(WaitForCompletePage());
  ASSERT_TRUE(frame_->GoToQuestion(path));
  Pump(200);
  ASSERT_TRUE(WaitForCompletePage());
  ASSERT_NE(FocusedEditor(), nullptr);
  EXPECT_EQ(FocusedEditor()->Path(), path);
  auto* box = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus());
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(box->GetValue(), "Agreement of 2019");
  EXPECT_TRUE(frame_->Page()->GetScreenRect().Contains(box->GetScreenRect()));
  EXPECT_LT(frame_->Page()->BuiltRows(), 40u);
}

TEST_F(LongSectionTest, FastSwitchingLeavesNoPageBehind) {
  for (int i = 0; i < 4; ++i) {
    frame_->OpenSection(SectionOf("alone"));
    frame_->OpenSection(SectionOf("gate"));
  }
  // Type into a question of the first screen at once: nothing is lost.
  gui::QuestionEditor* text = frame_->Page()->EditorAt("t0");
  ASSERT_NE(text, nullptr);
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
