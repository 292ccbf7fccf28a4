// What the desktop program shows of the author's features (issue 15): a
// failing `warning:` in amber as advice, not as an error; a read_only
// question filled by its computed default with no input; a `number:` before
// the label; and only the choices a `choice_filter` lets through.
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>

#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const std::string kAuthor = OneSectionQuestionnaire(
    "gui-author", "Author",
    R"yaml(      - {id: total, type: integer, label: {en: Victims identified}, number: "4.1"}
      - id: children
        type: integer
        label: {en: Of whom children}
        warning: ". * 2 <= ${total}"
        warning_message: {en: More than half are children; please check.}
      - {id: copied, type: integer, label: {en: Total again}, read_only: true, default: "=${total}"}
      - id: forms
        type: multiple_choice
        label: {en: Forms}
        choices: [{value: labour, label: {en: Labour}}, {value: sexual, label: {en: Sexual}}]
      - id: main_form
        type: single_choice
        label: {en: Main form}
        choice_filter: "selected(${forms}, .)"
        choices: [{value: labour, label: {en: Labour}}, {value: sexual, label: {en: Sexual}}]
)yaml");

class AuthorFeaturesTest : public GuiTest {
 protected:
  MainFrame* Open() {
    const std::string file = directory_ + "/author.yaml";
    std::ofstream(file) << kAuthor;
    return ShowFrame(Desktop::Get().OpenPreview(file));
  }
};

TEST_F(AuthorFeaturesTest, WarningsReadOnlyNumbersAndFilteredChoices) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  EXPECT_NE(ShownContaining(frame, "total", "4.1  Victims identified"), nullptr);
  // A question with no `number:` shows its place, as the printed report
  // and the texts' {number:id} give it.
  EXPECT_NE(ShownContaining(frame, "children", "1.2  Of whom children"), nullptr);

  // The read-only question: no input, a line saying why.
  auto copied = AllInEditor<wxTextCtrl>(frame, "copied");
  ASSERT_FALSE(copied.empty());
  EXPECT_FALSE(copied.front()->IsEnabled());
  EXPECT_NE(ShownContaining(frame, "copied", "Given by the questionnaire"), nullptr);

  auto total = AllInEditor<wxTextCtrl>(frame, "total");
  ASSERT_FALSE(total.empty());
  Click(total.front());
  Type("10");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("total") == "10"; }));
  // Its computed default followed, in the disabled box.
  ASSERT_TRUE(WaitUntil([&] { return copied.front()->GetValue() == "10"; }));

  auto children = AllInEditor<wxTextCtrl>(frame, "children");
  ASSERT_FALSE(children.empty());
  Click(children.front());
  Type("8");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("children") == "8"; }));
  ASSERT_TRUE(WaitUntil([&] { return ShownContaining(frame, "children", "More than half") != nullptr; }));
  wxStaticText* advice = ShownContaining(frame, "children", "More than half");
  EXPECT_TRUE(advice->GetLabelText().StartsWith(wxString::FromUTF8("ⓘ ") + _("Please check:")))
      << advice->GetLabelText();
  EXPECT_EQ(advice->GetForegroundColour(), wxColour(138, 87, 0));  // amber, not the errors' red
  EXPECT_EQ(ShownContaining(frame, "children", wxString::FromUTF8("⚠")), nullptr);

  // choice_filter: nothing offered until a form is chosen above.
  const auto shownRadios = [&] {
    std::vector<wxString> labels;
    for (auto* radio : AllInEditor<wxRadioButton>(frame, "main_form"))
      if (radio->IsShown() && !radio->GetLabelText().empty()) labels.push_back(radio->GetLabelText());
    return labels;
  };
  EXPECT_TRUE(shownRadios().empty());
  wxCheckBox* labour = nullptr;
  for (auto* box : AllInEditor<wxCheckBox>(frame, "forms"))
    if (box->GetLabelText() == "Labour") labour = box;
  ASSERT_NE(labour, nullptr);
  Click(labour);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("forms") == "labour"; }));
  ASSERT_TRUE(WaitUntil([&] { return shownRadios().size() == 1; }));
  EXPECT_EQ(shownRadios().front(), "Labour");
  Screenshot(frame, "author-features");
}

}  // namespace
}  // namespace focal::test
