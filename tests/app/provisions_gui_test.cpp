// The treaty pane and the provisions view on a real reply to the bundled
// Trafficking in Persons questionnaire (cycle 1): the pane shows the cited
// provision's summary, obligation and link in the content language, also
// for a follow-up that cites nothing itself; the provisions view lists the
// provisions by theme and obligation with the questions covering each and
// their state, filters by obligation, and jumps to a question.
#include <wx/menu.h>

#include <filesystem>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/provisions_window.h"
#include "app/gui/reference_panel.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;
using gui::ProvisionsWindow;

const std::string kTip = std::string(FOCAL_SOURCE_DIR) + "/questionnaires/tip-cycle1.yaml";

// The first row whose first column (trimmed) is `text`, or -1.
long FindRow(const ProvisionsWindow& window, const wxString& text, std::size_t from = 0) {
  for (std::size_t r = from; r < window.RowCount(); ++r)
    if (window.RowText(r, 0).Strip(wxString::both) == text) return static_cast<long>(r);
  return -1;
}

class ProvisionsGui : public GuiTest {
 protected:
  MainFrame* Open() {
    const std::string file =
        CreateWorkspace(directory_ + "/tip.focal", *LoadQuestionnaire(kTip),
                        {{"q_2_1", "yes"}, {"q_2_2", "yes"}, {"q_1_5@status", "not_available"}});
    return ShowFrame(Desktop::Get().OpenWorkspace(file));
  }
};

TEST_F(ProvisionsGui, ThePaneShowsTheProvisionInTheContentLanguage) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  gui::ReferencePanel* pane = Find<gui::ReferencePanel>(frame);
  ASSERT_NE(pane, nullptr);
  // A follow-up ("If yes, please cite the legislation") that cites nothing itself.
  ASSERT_TRUE(frame->GoToQuestion("q_2_1_a"));
  ASSERT_TRUE(WaitUntil([&] { return pane->Text().Contains("q_2_1_a"); }));
  const wxString text = pane->Text();
  EXPECT_TRUE(text.Contains("article 5, paragraph 1")) << text;
  EXPECT_TRUE(text.Contains(wxString::FromUTF8("Mandatory \u00b7 Criminalization"))) << text;
  EXPECT_TRUE(text.Contains("Make the conduct defined in article 3 a criminal offence")) << text;
  EXPECT_TRUE(
      text.Contains("https://www.unodc.org/documents/treaties/UNTOC/Publications/TOC%20Convention/"
                    "TOCebook-e.pdf"))
      << text;
  EXPECT_FALSE(text.Contains("No treaty reference is given")) << text;
  // No heading without text under it: each title line is followed by a line of text.
  wxArrayString lines = wxSplit(text, '\n');
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (lines[i].StartsWith("Trafficking in Persons Protocol, article")) {
      EXPECT_FALSE(lines[i + 1].empty()) << text;
    }

  frame->SetQuestionnaireLanguage("fr");
  Pump(50);
  ASSERT_TRUE(frame->GoToQuestion("q_2_1_a"));
  ASSERT_TRUE(WaitUntil([&] { return pane->Text().Contains("Obligatoire"); }));
  EXPECT_TRUE(pane->Text().Contains(wxString::FromUTF8("Ériger en infraction pénale"))) << pane->Text();
  // No French edition link is known: the depositary's record, which holds the French text.
  EXPECT_TRUE(pane->Text().Contains("mtdsg_no=XVIII-12-a")) << pane->Text();
  EXPECT_FALSE(pane->Text().Contains("TOCebook-f.pdf")) << pane->Text();
  Screenshot(frame, "treaty-pane");
  frame->Close(true);
  Pump();
}

TEST_F(ProvisionsGui, TheViewListsProvisionsWithTheStateOfTheirQuestionsAndJumps) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ProvisionsWindow* window = ProvisionsWindow::ShowFor(frame);
  ASSERT_NE(window, nullptr);
  window->SetSize(1100, 700);
  ASSERT_TRUE(WaitUntil([&] { return window->IsShownOnScreen(); }));
  // Themes head the list, in the file's order.
  EXPECT_EQ(window->RowText(0, 0), "Definitions and scope");
  const long attempt = FindRow(*window, "art. 5, para. 2 (a)");
  ASSERT_GE(attempt, 0);
  EXPECT_EQ(window->RowText(attempt, 1), "Mandatory");
  EXPECT_EQ(window->RowText(attempt, 3), "1 of 1 answered");  // q_2_2_a follows a no
  const long q22 = FindRow(*window, "q_2_2", static_cast<std::size_t>(attempt));
  ASSERT_GT(q22, attempt);
  EXPECT_EQ(window->RowText(q22, 3), "answered");
  const long consent = FindRow(*window, "q_1_5");
  ASSERT_GE(consent, 0);
  EXPECT_EQ(window->RowText(consent, 3), "information not available");
  const long open = FindRow(*window, "q_2_1_b");
  ASSERT_GE(open, 0);
  EXPECT_EQ(window->RowText(open, 3), "unanswered");
  const long uncovered = FindRow(*window, "art. 1, para. 2");
  ASSERT_GE(uncovered, 0);
  EXPECT_EQ(window->RowText(uncovered, 3), "no question");
  Screenshot(window, "provisions-view");

  // A jump to the question, in the main window.
  ASSERT_TRUE(window->JumpFrom(static_cast<std::size_t>(open)));
  ASSERT_TRUE(WaitUntil([&] { return frame->CurrentEditor() != nullptr; }));
  EXPECT_EQ(frame->CurrentEditor()->GetQuestion().id, "q_2_1_b");

  // Only what "shall consider" asks.
  window->FilterObligation(static_cast<int>(Obligation::ShallConsider));
  std::size_t provisions = 0;
  for (std::size_t r = 0; r < window->RowCount(); ++r)
    if (window->RowText(r, 0).StartsWith("  art.")) {
      ++provisions;
      EXPECT_EQ(window->RowText(r, 1), "Shall consider") << window->RowText(r, 0);
    }
  EXPECT_GE(provisions, 3u);
  EXPECT_GE(FindRow(*window, "art. 6, para. 3"), 0);
  window->Close(true);
  frame->Close(true);
  Pump();
}

TEST_F(ProvisionsGui, TheViewMenuOpensIt) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  wxMenuBar* bar = frame->GetMenuBar();
  ASSERT_NE(bar, nullptr);
  const int item = bar->FindMenuItem(_("&View"), _("Treaty &provisions..."));
  ASSERT_NE(item, wxNOT_FOUND);
  wxCommandEvent event(wxEVT_MENU, item);
  frame->ProcessWindowEvent(event);
  Pump(50);
  auto* window =
      dynamic_cast<ProvisionsWindow*>(wxWindow::FindWindowByName(ProvisionsWindow::kWindowName, frame));
  ASSERT_NE(window, nullptr);
  EXPECT_TRUE(window->IsShown());
  EXPECT_GT(window->RowCount(), 60u);
  window->Close(true);
  frame->Close(true);
  Pump();
}

}  // namespace
}  // namespace focal::test
