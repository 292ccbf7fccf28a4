// In a narrow window the questions keep room to be read: the section tree
// and the treaty pane give up width first, every line of a question's label
// fits the page (none cut off at the right or below), and the panes take
// their widths back when the window widens again. At 900 pixels the page
// of questions had 285 and broke its lines for 300: GTK broke them again and
// cut the last one ("2.1 Identification and / protection", without "of
// victims").
#include <wx/stattext.h>

#include <fstream>
#include <string>

#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "app/gui/pane_widths.h"
#include "app/gui/question_page.h"
#include "app/gui/reference_panel.h"
#include "app/gui/section_tree.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::MainFrame;

const char* kLong =
    "Number of victims of trafficking in persons identified by the competent authorities, by year, sex, age "
    "and form of exploitation, as recorded in the national register";

class NarrowWindowTest : public GuiTest {
 protected:
  void SetUp() override {
    GuiTest::SetUp();
    if (IsSkipped()) return;
    const std::string yaml = EnglishQuestionnaire("narrow", "Narrow window", std::string(R"yaml(  - id: first
    title: {en: "Identification and protection of victims of trafficking in persons"}
    questions:
      - {id: q_1, type: text, label: {en: ")yaml") + kLong + R"yaml("}}
      - {id: q_2, type: yes_no, label: {en: ")yaml" + kLong + R"yaml("}}
)yaml");
    const std::string file = directory_ + "/narrow.yaml";
    std::ofstream(file) << yaml;
    workspace_ = CreateWorkspace(directory_ + "/narrow.focal", *LoadQuestionnaire(file));
  }
  void TearDown() override {
    if (frame_) frame_->Close(true);
    Pump(50);
    GuiTest::TearDown();
  }
  void Resize(const wxSize& client) {
    frame_->SetClientSize(frame_->FromDIP(client));
    Pump(300);
  }
  int TreeWidth() { return Find<gui::SectionTree>(frame_)->GetSize().x; }
  int ReferenceWidth() { return Find<gui::ReferencePanel>(frame_)->GetSize().x; }
  // Every label of the page has the width its lines need, within the page.
  void ExpectEveryLabelFits(const std::string& where) {
    gui::QuestionPage* page = frame_->Page();
    ASSERT_NE(page, nullptr);
    std::vector<wxStaticText*> labels;
    Collect(page, labels);
    int checked = 0;
    for (wxStaticText* label : labels) {
      if (!label->IsShownOnScreen() || label->GetLabelText().empty()) continue;
      ++checked;
      EXPECT_GE(label->GetSize().x, label->GetBestSize().x) << where << ": " << label->GetLabelText();
      EXPECT_GE(label->GetSize().y, label->GetBestSize().y) << where << ": " << label->GetLabelText();
      EXPECT_LE(label->GetScreenRect().GetRight(), page->GetScreenRect().GetRight())
          << where << ": " << label->GetLabelText();
    }
    EXPECT_GE(checked, 3) << where;
  }

  std::string workspace_;
  MainFrame* frame_ = nullptr;
};

TEST_F(NarrowWindowTest, ThePanesGiveWayAndEveryLineOfAQuestionFits) {
  frame_ = ShowFrame(gui::Desktop::Get().OpenWorkspace(workspace_), wxSize(1400, 800));
  ASSERT_NE(frame_, nullptr);
  Resize(wxSize(1400, 760));
  const int tree = TreeWidth(), reference = ReferenceWidth();
  EXPECT_GE(tree, frame_->FromDIP(300));
  EXPECT_GE(reference, frame_->FromDIP(250));

  Resize(wxSize(900, 600));
  EXPECT_LT(TreeWidth(), tree);
  EXPECT_LT(ReferenceWidth(), reference);
  EXPECT_GE(frame_->Page()->GetClientSize().x, frame_->FromDIP(420));
  ExpectEveryLabelFits("900 pixels");

  Resize(wxSize(760, 480));  // the smallest the window goes
  EXPECT_GE(TreeWidth(), frame_->FromDIP(160));
  EXPECT_GE(ReferenceWidth(), frame_->FromDIP(160));
  EXPECT_GE(frame_->Page()->GetClientSize().x, frame_->FromDIP(400));
  ExpectEveryLabelFits("760 pixels");

  Resize(wxSize(1400, 760));
  EXPECT_EQ(TreeWidth(), tree);
  EXPECT_EQ(ReferenceWidth(), reference);
  ExpectEveryLabelFits("1400 pixels");
}

TEST(FitPanes, ThePanesShrinkInProportionDownToTheirMinimum) {
  const gui::PaneWidths wanted{330, 280};
  EXPECT_EQ(gui::FitPanes(1400, wanted, 440, 160), wanted);  // room for all
  EXPECT_EQ(gui::FitPanes(1050, wanted, 440, 160), wanted);  // just enough
  EXPECT_EQ(gui::FitPanes(745, wanted, 440, 160), (gui::PaneWidths{165, 160}));
  EXPECT_EQ(gui::FitPanes(900, wanted, 440, 160), (gui::PaneWidths{248, 211}));
  EXPECT_EQ(gui::FitPanes(300, wanted, 440, 160), (gui::PaneWidths{160, 160}));  // never below the minimum
  // Panes the user widened give way in the same proportion.
  EXPECT_EQ(gui::FitPanes(900, {500, 100}, 440, 160), (gui::PaneWidths{383, 160}));
}

}  // namespace
}  // namespace focal::test
