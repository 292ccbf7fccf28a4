// Tables that fit the page and say which cell is wrong (issue "The focal
// point's first week", item 1), and the small things seen in the demo: the
// section title wrapped one word early, the demo banner gone at the first
// save.
#include <wx/button.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include "app/gui/banner.h"
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

const std::string kTip2 = std::string(FOCAL_SOURCE_DIR) + "/questionnaires/tip-cycle2.yaml";
const wxColour kBad(255, 222, 222);

class TableTest : public GuiTest {
 protected:
  MainFrame* Open(const std::string& questionnaire, int width, int height) {
    const std::string file = CreateWorkspace(directory_ + "/reply.focal", *LoadQuestionnaire(questionnaire));
    return ShowFrame(Desktop::Get().OpenWorkspace(file), wxSize(width, height));
  }
  static wxGrid* Grid(MainFrame* frame, const std::string& id) { return InEditor<wxGrid>(frame, id); }
  // The text of the editor's shown static texts, one per line.
  static std::string Texts(MainFrame* frame, const std::string& id) {
    std::string out;
    for (auto* text : AllInEditor<wxStaticText>(frame, id))
      if (text->IsShown()) {
        wxString label = text->GetLabelText();
        label.Replace("\n", " ");  // as one reads it, not as it is wrapped
        out += label.utf8_string() + "\n";
      }
    return out;
  }
  // Opens the section that holds `id` and waits for its editor.
  void OpenAt(MainFrame* frame, const std::string& id) {
    const auto& q = frame->GetModel()->questionnaire();
    frame->OpenSection(q.questions[q.indexOf(id)].section);
    ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->EditorAt(id); }));
    Pump(100);
  }
};

TEST_F(TableTest, ABadCellIsMarkedNamedAndLeftOutOfTheTotalsVisibly) {
  MainFrame* frame = Open(kEveryType, 1200, 800);
  ASSERT_NE(frame, nullptr);
  OpenAt(frame, "victims");
  frame->GetModel()->apply(
      {{"victims/y2023/women", "4"}, {"victims/y2023/men", "x5"}, {"victims/y2024/women", "6"}});
  Pump(50);
  wxGrid* grid = Grid(frame, "victims");
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(grid->GetCellValue(0, 1), "x5");
  EXPECT_EQ(grid->GetCellBackgroundColour(0, 1), kBad);
  EXPECT_NE(grid->GetCellBackgroundColour(0, 0), kBad);
  EXPECT_NE(grid->GetCellBackgroundColour(1, 0), kBad);
  // The totals say that they leave the cell out, not a quiet 4.
  EXPECT_EQ(grid->GetCellValue(0, 2), "4 + ?");
  EXPECT_EQ(grid->GetCellValue(1, 2), "6");
  EXPECT_EQ(grid->GetCellValue(2, 0), "10");
  EXPECT_EQ(grid->GetCellValue(2, 1), "0 + ?");
  EXPECT_EQ(grid->GetCellValue(2, 2), "10 + ?");
  // The message under the table names the row and the column.
  const std::string texts = Texts(frame, "victims");
  EXPECT_NE(texts.find("Row '2023', Men: Enter a whole number"), std::string::npos) << texts;
  EXPECT_NE(texts.find("+ ?"), std::string::npos) << texts;

  // Corrected: no mark, whole totals, no message.
  frame->GetModel()->apply({{"victims/y2023/men", "5"}});
  Pump(50);
  EXPECT_NE(grid->GetCellBackgroundColour(0, 1), kBad);
  EXPECT_EQ(grid->GetCellValue(0, 2), "9");
  EXPECT_EQ(grid->GetCellValue(2, 2), "15");
  EXPECT_EQ(Texts(frame, "victims").find("Row '"), std::string::npos);

  // Two bad cells: the first is named, the other counted.
  frame->GetModel()->apply({{"victims/y2023/men", "x5"}, {"victims/y2024/men", "-"}});
  Pump(50);
  EXPECT_NE(Texts(frame, "victims").find("1 other cell needs correcting too."), std::string::npos)
      << Texts(frame, "victims");
  EXPECT_EQ(grid->GetCellBackgroundColour(1, 1), kBad);
  Screenshot(frame, "table-bad-cell");
}

// Every column of a grid, and its row labels, lie within its visible width.
void ExpectWhollyVisible(wxGrid* grid, int width) {
  int columns = grid->GetRowLabelSize();
  for (int c = 0; c < grid->GetNumberCols(); ++c) columns += grid->GetColSize(c);
  EXPECT_LE(columns, width);
  EXPECT_LE(grid->GetSize().x, width + 4);
}

// Each line of a wrapped row label fits the row labels' width.
void ExpectLabelsFit(wxGrid* grid) {
  for (int r = 0; r < grid->GetNumberRows(); ++r)
    for (const wxString& line : wxSplit(grid->GetRowLabelValue(r), '\n', '\0')) {
      int w = 0, h = 0;
      const wxFont font = grid->GetLabelFont();
      grid->GetTextExtent(line, &w, &h, nullptr, nullptr, &font);
      EXPECT_LE(w, grid->GetRowLabelSize()) << line.utf8_string();
    }
}

TEST_F(TableTest, TheWideTableFitsTheWindowWithItsTotalAndWholeRowLabels) {
  MainFrame* frame = Open(kTip2, 1280, 860);
  ASSERT_NE(frame, nullptr);
  OpenAt(frame, "q_1_2");
  wxGrid* grid = Grid(frame, "q_1_2");
  ASSERT_NE(grid, nullptr);
  const int room = frame->Page()->WrapWidth();
  ASSERT_GT(room, 450);
  ExpectWhollyVisible(grid, room);
  ExpectLabelsFit(grid);
  // Every word of the long row label is there (on one line or more).
  wxString slavery = grid->GetRowLabelValue(2);
  slavery.Replace("\n", " ");
  EXPECT_EQ(slavery, "Slavery or practices similar to slavery");
  // The Total column is the last and within the page.
  EXPECT_EQ(grid->GetColLabelValue(grid->GetNumberCols() - 1), "Total");
  const wxRect total = grid->CellToRect(0, grid->GetNumberCols() - 1);
  EXPECT_LE(grid->GetRowLabelSize() + total.GetRight(), grid->GetClientSize().x);
  frame->GoToQuestion("q_1_2");
  Pump(200);
  Screenshot(frame, "table-fits");

  // A window too narrow even for narrow columns: the grid scrolls sideways,
  // the Total column first and frozen beside the row labels.
  frame->SetSize(1000, 760);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page()->WrapWidth() < 400; })) << frame->Page()->WrapWidth();
  Pump(200);
  grid = Grid(frame, "q_1_2");
  EXPECT_EQ(grid->GetColLabelValue(0), "Total");
  EXPECT_EQ(grid->GetNumberFrozenCols(), 1);
  EXPECT_LE(grid->GetSize().x, frame->Page()->WrapWidth() + 4);
  ExpectLabelsFit(grid);
  slavery = grid->GetRowLabelValue(2);
  EXPECT_TRUE(slavery.Contains("\n")) << slavery.utf8_string();
  slavery.Replace("\n", " ");
  EXPECT_EQ(slavery, "Slavery or practices similar to slavery");
  // The cells follow: a value typed in the first year lands in its column.
  frame->GetModel()->apply({{"q_1_2/sexual_exploitation/y2003", "7"}, {"q_1_2/forced_labour/y2003", "x5"}});
  Pump(50);
  EXPECT_EQ(grid->GetCellValue(0, 1), "7");
  EXPECT_EQ(grid->GetCellValue(0, 0), "7");
  EXPECT_EQ(grid->GetCellValue(1, 0), "0 + ?");
  EXPECT_EQ(grid->GetCellBackgroundColour(1, 1), kBad);
  EXPECT_TRUE(grid->IsReadOnly(0, 0));
  EXPECT_FALSE(grid->IsReadOnly(0, 1));
  frame->GoToQuestion("q_1_2");
  Pump(200);
  Screenshot(frame, "table-narrow");
  // Wide again: the Total column goes back to the end.
  frame->SetSize(1280, 860);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page()->WrapWidth() > 450; })) << frame->Page()->WrapWidth();
  Pump(200);
  EXPECT_EQ(grid->GetColLabelValue(grid->GetNumberCols() - 1), "Total");
  EXPECT_EQ(grid->GetNumberFrozenCols(), 0);
  EXPECT_EQ(grid->GetCellValue(0, 0), "7");
  EXPECT_EQ(grid->GetCellBackgroundColour(1, 0), kBad);
}

TEST_F(TableTest, TheSectionTitleWrapsOnlyWhereTheNextWordDoesNotFit) {
  MainFrame* frame = Open(kTip2, 900, 700);
  ASSERT_NE(frame, nullptr);
  OpenAt(frame, "q_1_2");
  const auto& q = frame->GetModel()->questionnaire();
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
    if (q.sections[s].questions.empty()) continue;
    frame->OpenSection(s);
    ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->Section() == s; }));
    std::vector<wxStaticText*> texts;
    Collect(frame->Page(), texts);
    ASSERT_FALSE(texts.empty());
    wxStaticText* title = texts.front();  // the first text of the page
    const wxArrayString lines = wxSplit(title->GetLabelText(), '\n', '\0');
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const wxString longer = lines[i] + " " + lines[i + 1].BeforeFirst(' ');
      int w = 0, h = 0;
      const wxFont font = title->GetFont();
      title->GetTextExtent(longer, &w, &h, nullptr, nullptr, &font);
      EXPECT_GT(w, frame->Page()->WrapWidth()) << "section " << s << ": '" << longer.utf8_string() << "'";
    }
  }
}

TEST_F(TableTest, TheDemoBannerStaysUntilItIsClosed) {
  const std::string file = directory_ + "/demo.focal";
  MainFrame* frame = Desktop::Get().OpenDemo(file);
  ASSERT_NE(frame, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GetBanner()->IsShown());
  frame->GetModel()->apply({{"q_1_2/servitude/y2003", "3"}});
  Pump(200);
  EXPECT_EQ(frame->GetModel()->saveStatus().state, gui::SaveStatus::State::Saved);
  EXPECT_TRUE(frame->GetBanner()->IsShown()) << "the first save closed the demo's banner";
  Click(frame->GetBanner()->CloseButton());
  EXPECT_TRUE(WaitUntil([&] { return !frame->GetBanner()->IsShown(); }));
}

}  // namespace
}  // namespace focal::test
