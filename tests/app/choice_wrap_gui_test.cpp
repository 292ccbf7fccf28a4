// A long choice is shown whole, in lines, as the question's own texts are
// (label_wrap.h, WrapButtonLabel): GTK never wraps a check box's or radio
// button's label, and a button given less than its width cut the choice off
// in mid-word ("…with the documents of others or withou"). A question's
// label is made measured once (wxST_NO_AUTORESIZE), so a text that changes
// later must still get the room of its new lines.
#include <wx/checkbox.h>
#include <wx/radiobut.h>

#include <fstream>
#include <string>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::MainFrame;

const std::string kLong =
    "Whether persons crossing a border with the documents of others or without travel documents have "
    "committed or are victims of trafficking in persons, as the authorities of either State may find";

const std::string kYaml = OneSectionQuestionnaire("gui-choice-wrap", "Choices",
                                                  R"yaml(      - id: matters
        type: multiple_choice
        label: {en: Matters}
        choices: [{value: border, label: {en: ")yaml" +
                                                      kLong +
                                                      R"yaml("}}, {value: short, label: {en: Short}}]
      - id: main
        type: single_choice
        label: {en: Main matter}
        choices: [{value: border, label: {en: ")yaml" +
                                                      kLong +
                                                      R"yaml("}}, {value: short, label: {en: Short}}]
)yaml");

// The button of `question` whose label, joined again, is `text`.
template <typename T>
T* ButtonShowing(MainFrame* frame, const std::string& question, const std::string& text) {
  for (T* button : AllInEditor<T>(frame, question)) {
    wxString joined = button->GetLabelText();
    joined.Replace("\n", " ");
    if (joined == wxString::FromUTF8(text)) return button;
  }
  return nullptr;
}

class ChoiceWrapTest : public GuiTest {};

TEST_F(ChoiceWrapTest, ALongChoiceIsShownWholeInLinesAndWrapsAgainWithTheWindow) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::string file = directory_ + "/choices.yaml";
  std::ofstream(file) << kYaml;
  MainFrame* frame = ShowFrame(gui::Desktop::Get().OpenPreview(file));
  ASSERT_NE(frame, nullptr);

  auto* box = ButtonShowing<wxCheckBox>(frame, "matters", kLong);
  auto* shortBox = ButtonShowing<wxCheckBox>(frame, "matters", "Short");
  auto* radio = ButtonShowing<wxRadioButton>(frame, "main", kLong);
  ASSERT_NE(box, nullptr) << "every word of the long choice is in its label";
  ASSERT_NE(shortBox, nullptr);
  ASSERT_NE(radio, nullptr);
  EXPECT_TRUE(box->GetLabelText().Contains("\n"));
  EXPECT_TRUE(radio->GetLabelText().Contains("\n"));
  EXPECT_FALSE(shortBox->GetLabelText().Contains("\n"));
  // Within the page, and as tall as its lines.
  const wxRect page = frame->Page()->GetScreenRect();
  EXPECT_LE(box->GetScreenRect().GetRight(), page.GetRight());
  EXPECT_GE(box->GetSize().y, 2 * shortBox->GetSize().y - 4);
  EXPECT_GE(box->GetSize().x, box->GetBestSize().x);  // given all it asks for: nothing cut

  // A narrower window: more lines.
  const int lines = static_cast<int>(box->GetLabelText().Freq('\n'));
  frame->SetSize(900, 800);
  ASSERT_TRUE(WaitUntil([&] { return static_cast<int>(box->GetLabelText().Freq('\n')) > lines; }));
  Pump(100);
  EXPECT_LE(box->GetScreenRect().GetRight(), frame->Page()->GetScreenRect().GetRight());
  EXPECT_GE(box->GetSize().x, box->GetBestSize().x);
  Screenshot(frame, "choice-wrap");
  frame->Close(true);
  Pump(50);
}

const std::string kShowsYaml = OneSectionQuestionnaire("gui-label-grows", "Labels", R"yaml(      - id: body
        type: text
        label: {en: "Which body?"}
      - id: agrees
        type: yes_no
        label: {en: "Does ${body} agree?"}
)yaml");

TEST_F(ChoiceWrapTest, ALabelThatGrowsWithAnAnswerGetsTheRoomOfItsNewLines) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::string file = directory_ + "/labels.yaml";
  std::ofstream(file) << kShowsYaml;
  MainFrame* frame = ShowFrame(gui::Desktop::Get().OpenPreview(file));
  ASSERT_NE(frame, nullptr);
  wxStaticText* label = ShownContaining(frame, "agrees", "agree?");
  ASSERT_NE(label, nullptr);
  const int oneLine = label->GetSize().y;
  EXPECT_FALSE(label->GetLabelText().Contains("\n"));

  frame->GetModel()->apply({{"body", kLong}});
  ASSERT_TRUE(WaitUntil([&] { return label->GetLabelText().Contains("victims"); }));
  Pump(100);
  // Every word, in lines, each of them shown: the label is as tall as they are.
  wxString joined = label->GetLabelText();
  const int lines = static_cast<int>(joined.Freq('\n')) + 1;
  joined.Replace("\n", " ");
  EXPECT_TRUE(joined.EndsWith(wxString::FromUTF8("Does " + kLong + " agree?")))
      << joined;  // after its number
  EXPECT_GE(lines, 2);
  EXPECT_GE(label->GetSize().y, lines * oneLine - 2);
  EXPECT_EQ(label->GetSize().y, label->GetBestSize().y);
  EXPECT_LE(label->GetScreenRect().GetRight(), frame->Page()->GetScreenRect().GetRight());
  frame->Close(true);
  Pump(50);
}

}  // namespace
}  // namespace focal::test
