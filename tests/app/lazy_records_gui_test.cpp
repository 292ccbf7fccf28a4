// A repeat's records, and each record's fields, are built as they come into
// view, as the page's rows are (repeat_editor.cpp, Reveal): a section with
// many records, or long ones, opens as fast as one with few, and every way
// to a record's field still finds it built (issue "The focal point's first
// week": every section within 100 ms).
#include <wx/button.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::MainFrame;

constexpr int kRecords = 30;

std::string Title(int n) { return "Agreement " + std::to_string(n); }
std::string TitlePath(int n) {
  return recordPath("agreements", "r" + std::to_string(n), "agreement_title").str();
}

// The record titles the repeat's editor shows in text boxes built so far.
int TitlesBuilt(MainFrame* frame) {
  gui::QuestionEditor* repeat = frame->Page()->EditorAt("agreements");
  if (!repeat) return -1;
  std::vector<wxTextCtrl*> texts;
  Collect(repeat->Window(), texts);
  int count = 0;
  for (wxTextCtrl* text : texts)
    if (text->GetValue().StartsWith("Agreement ")) ++count;
  return count;
}

// Scrolls the page to `fraction` of its height, as the scroll bar dragged would.
void ScrollTo(gui::QuestionPage* page, double fraction) {
  int width = 0, height = 0, unitX = 0, unitY = 0;
  page->GetVirtualSize(&width, &height);
  page->GetScrollPixelsPerUnit(&unitX, &unitY);
  page->Scroll(-1, static_cast<int>(height * fraction) / std::max(1, unitY));
}

class LazyRecordsTest : public GuiTest {
 protected:
  MainFrame* Open() {
    std::map<std::string, std::string> answers;
    std::string keys;
    for (int n = 1; n <= kRecords; ++n) {
      keys += (n > 1 ? " r" : "r") + std::to_string(n);
      answers[TitlePath(n)] = Title(n);
    }
    answers["agreements"] = keys;
    const std::string file = EveryTypeWorkspace(directory_, answers);
    MainFrame* frame = ShowFrame(gui::Desktop::Get().OpenWorkspace(file));
    if (frame && frame->GoToQuestion("agreements")) {
      WaitUntil([&] { return frame->Page() && frame->Page()->Complete(); });
      Pump(100);
    }
    return frame;
  }
};

TEST_F(LazyRecordsTest, OnlyTheRecordsInViewAreBuiltAndTheRestWhenScrolledTo) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  ASSERT_NE(frame->Page(), nullptr);
  const int first = TitlesBuilt(frame);
  EXPECT_GT(first, 0) << "the records in view are built";
  EXPECT_LT(first, kRecords / 2) << "records far below the view wait";

  // Scrolled to the middle, among records not built yet, the page builds
  // them as they come into view.
  gui::QuestionPage* page = frame->Page();
  const int top = page->GetViewStart().y;
  ASSERT_TRUE(WaitUntil([&] {
    ScrollTo(page, 0.5);
    page->BuildAll();
    return page->Complete() && TitlesBuilt(frame) > first;
  })) << "view start "
      << top << " then " << page->GetViewStart().y << "; titles " << TitlesBuilt(frame);
  frame->Close(true);
  Pump(50);
}

TEST_F(LazyRecordsTest, AFieldOfARecordNotInViewIsBuiltWhenAskedFor) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  // The editor of the last record's field, as the search, the overview and
  // the review's links ask for it.
  gui::QuestionEditor* last = frame->Page()->EditorAt(TitlePath(kRecords));
  ASSERT_NE(last, nullptr);
  std::vector<wxTextCtrl*> texts;
  Collect(last->Window(), texts);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(gui::ToUtf8(texts.front()->GetValue()), Title(kRecords));

  // Going to a field of another record far down puts the keyboard in it.
  ASSERT_TRUE(frame->GoToQuestion(TitlePath(kRecords - 3)));
  Pump(100);
  gui::QuestionEditor* target = frame->Page()->EditorAt(TitlePath(kRecords - 3));
  ASSERT_NE(target, nullptr);
  texts.clear();
  Collect(target->Window(), texts);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(wxWindow::FindFocus(), texts.front());
  EXPECT_EQ(gui::ToUtf8(texts.front()->GetValue()), Title(kRecords - 3));
  frame->Close(true);
  Pump(50);
}

TEST_F(LazyRecordsTest, ARecordAddedIsBuiltAtOnceWithTheKeyboardInIt) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  wxButton* add = InEditor<wxButton>(frame, "agreements", _("&Add a record"));
  ASSERT_NE(add, nullptr);
  // The button is under the last record: to it, as a user scrolls.
  ASSERT_TRUE(WaitUntil([&] {
    ScrollTo(frame->Page(), 1.0);
    frame->Page()->BuildAll();
    return frame->Page()->Complete() && add->IsShownOnScreen() &&
           frame->Page()->GetScreenRect().Contains(add->GetScreenRect().GetBottomRight());
  }));
  Click(add);
  ASSERT_TRUE(
      WaitUntil([&] { return frame->GetModel()->session().records("agreements").size() == kRecords + 1; }));
  const std::string key = frame->GetModel()->session().records("agreements").back();
  Pump(100);
  gui::QuestionEditor* partner = frame->Page()->Current();
  ASSERT_NE(partner, nullptr);
  EXPECT_EQ(partner->Path(), recordPath("agreements", key, "agreement_partner").str());
  frame->Close(true);
  Pump(50);
}

constexpr int kFields = 14;

// A section with one record of kFields text fields, taller than the view.
std::string LongRecordYaml() {
  std::string questions = R"yaml(      - id: bodies
        type: repeat
        label: {en: Bodies}
        questions:
)yaml";
  for (int n = 1; n <= kFields; ++n)
    questions += "          - {id: field" + std::to_string(n) + ", type: text, label: {en: Field " +
                 std::to_string(n) + "}}\n";
  return OneSectionQuestionnaire("gui-long-record", "Long record", questions);
}

// The values of the record's text boxes built so far, in window (tab) order.
std::vector<std::string> FieldValues(MainFrame* frame) {
  std::vector<wxTextCtrl*> texts;
  if (gui::QuestionEditor* repeat = frame->Page()->EditorAt("bodies")) Collect(repeat->Window(), texts);
  std::vector<std::string> values;
  for (wxTextCtrl* text : texts) values.push_back(gui::ToUtf8(text->GetValue()));
  return values;
}

TEST_F(LazyRecordsTest, ARecordsFieldsBelowTheViewWaitAndTheKeyboardInTheRecordBuildsThemAll) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::string yaml = directory_ + "/long-record.yaml";
  std::ofstream(yaml) << LongRecordYaml();
  std::map<std::string, std::string> answers{{"bodies", "r1"}};
  std::vector<std::string> all;
  for (int n = 1; n <= kFields; ++n) {
    all.push_back("Value " + std::to_string(n));
    answers[recordPath("bodies", "r1", "field" + std::to_string(n)).str()] = all.back();
  }
  const std::string file =
      CreateWorkspace(directory_ + "/long-record.focal", *LoadQuestionnaire(yaml), answers, "draft");
  MainFrame* frame = ShowFrame(gui::Desktop::Get().OpenWorkspace(file));
  ASSERT_NE(frame, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->Complete(); }));
  Pump(100);
  const auto first = FieldValues(frame);
  ASSERT_FALSE(first.empty()) << "the fields in view are built";
  EXPECT_LT(first.size(), all.size()) << "the fields far below the view wait";
  EXPECT_EQ(first, std::vector<std::string>(all.begin(), all.begin() + first.size()));

  // The keyboard on the record's Remove button: every field exists, in order.
  wxButton* remove = InEditor<wxButton>(frame, "bodies", _("Remove"));
  ASSERT_NE(remove, nullptr);
  remove->SetFocus();
  ASSERT_TRUE(WaitUntil([&] { return FieldValues(frame).size() == all.size(); }));
  EXPECT_EQ(FieldValues(frame), all);
  frame->Close(true);
  Pump(50);
}

}  // namespace
}  // namespace focal::test
