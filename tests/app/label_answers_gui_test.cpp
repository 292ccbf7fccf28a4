// Answers shown in labels (${id}): answering q1 as a person would (typing
// in its box, then leaving it) changes the label, the help and a choice
// shown for q2 at once; clearing the answer brings the neutral "…" back.
// The screenshot goes to build/screenshots/label-answers.png.
#include <wx/checkbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <fstream>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const char* const kShowing = R"(focal: 1
id: gui-labels
title: {en: Labels that show answers}
instrument: tip
cycle: 1
version: "1"
languages: [en]
reference_years: [2002, 2003, 2004]
sections:
  - id: s
    title: {en: Victims}
    questions:
      - {id: q1, type: integer, label: {en: "How many victims were identified from {year_first} to {year_last}?"}}
      - id: q2
        type: multiple_choice
        label: {en: "Of the ${q1} victims identified, which were children?"}
        help: {en: "Count each of the ${q1} victims once."}
        choices:
          - {value: all, label: {en: "All ${q1}"}}
          - {value: some, label: {en: Some}}
)";

// Every text shown under `root`, static texts and check boxes.
void Texts(wxWindow* root, std::vector<wxString>& out) {
  if (auto* text = dynamic_cast<wxStaticText*>(root)) out.push_back(text->GetLabelText());
  if (auto* box = dynamic_cast<wxCheckBox*>(root)) out.push_back(box->GetLabelText());
  for (wxWindow* child : root->GetChildren()) Texts(child, out);
}

std::string Joined(const std::vector<wxString>& texts) {
  std::string out;
  for (const auto& text : texts) out += (out.empty() ? "" : " | ") + text.utf8_string();
  return out;
}

class LabelAnswersTest : public GuiTest {
 protected:
  MainFrame* Open() {
    const std::string questionnaire = directory_ + "/labels.yaml";
    std::ofstream(questionnaire) << kShowing;
    const std::string file = CreateWorkspace(directory_ + "/labels.focal", *LoadQuestionnaire(questionnaire));
    return WaitShown(Desktop::Get().OpenWorkspace(file));
  }
  static std::vector<wxString> Shown(MainFrame* frame, const std::string& id) {
    std::vector<wxString> out;
    if (gui::QuestionEditor* editor = frame->Page()->EditorAt(id)) Texts(editor->Window(), out);
    return out;
  }
  static bool Showing(MainFrame* frame, const std::string& id, const wxString& text) {
    const auto shown = Shown(frame, id);
    return std::find(shown.begin(), shown.end(), text) != shown.end();
  }
};

TEST_F(LabelAnswersTest, AnsweringQ1ChangesTheLabelShownForQ2) {
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  const wxString ellipsis = wxString::FromUTF8("\u2026");
  EXPECT_TRUE(Showing(frame, "q1", "1.1  How many victims were identified from 2002 to 2004?"));
  EXPECT_TRUE(Showing(frame, "q2", "1.2  Of the " + ellipsis + " victims identified, which were children?"));
  EXPECT_TRUE(Showing(frame, "q2", "All " + ellipsis));

  // The user types 12 in q1's box and leaves it with Tab.
  gui::QuestionEditor* q1 = frame->Page()->EditorAt("q1");
  ASSERT_NE(q1, nullptr);
  auto* box = Find<wxTextCtrl>(q1->Window());
  ASSERT_NE(box, nullptr);
  box->SetFocus();
  Pump(100);
  Type("12");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("q1") == "12"; }));
  EXPECT_TRUE(WaitUntil([&] {
    return Showing(frame, "q2", "1.2  Of the 12 victims identified, which were children?");
  })) << "shown: "
      << Joined(Shown(frame, "q2"));
  EXPECT_TRUE(Showing(frame, "q2", "Count each of the 12 victims once."));
  EXPECT_TRUE(Showing(frame, "q2", "All 12"));
  EXPECT_TRUE(Showing(frame, "q2", "Some"));
  Screenshot(frame, "label-answers");

  // Cleared, the answer is shown as the neutral placeholder again.
  box->SetFocus();
  Pump(50);
  box->SelectAll();
  PressKey(WXK_DELETE);
  PressKey(WXK_TAB);
  EXPECT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("q1").empty(); }));
  EXPECT_TRUE(WaitUntil([&] {
    return Showing(frame, "q2", "1.2  Of the " + ellipsis + " victims identified, which were children?");
  }));
}

}  // namespace
}  // namespace focal::test
