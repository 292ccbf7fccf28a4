// File > Secretariat: four signed national reports merged into a new
// consolidated store (one held back until its key is accepted with the
// fingerprint shown, then each imported, then unchanged when merged again),
// a State's answers browsed, and a chart of the analysis drawn.
#include <wx/bitmap.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "app/gui/secretariat_window.h"
#include "tests/app/gui_fixture.h"
#include "tests/export/consolidated_fixtures.h"

namespace focal::test {
namespace {

using gui::SecretariatWindow;

class SecretariatTest : public GuiTest {
 protected:
  std::vector<std::string> WriteReports() {
    std::vector<std::string> files;
    for (const auto& [state, answers] : currentReplies()) {
      if (files.size() == 4) break;
      files.push_back(directory_ + "/analysis-test-" + state + ".focalreport");
      writeReportFile(handReport(*analysisQuestionnaire(), state, answers), files.back(), &stateKey(state));
    }
    return files;
  }
  void TearDown() override {
    if (window_) window_->Destroy();
    Pump(50);
    GuiTest::TearDown();
  }
  SecretariatWindow* window_ = nullptr;
};

std::string Text(wxListCtrl* list, long row, int column) {
  return list->GetItemText(row, column).utf8_string();
}

TEST_F(SecretariatTest, MergesReportsBrowsesAnswersAndDrawsCharts) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::vector<std::string> files = WriteReports();
  ASSERT_EQ(files.size(), 4u);
  window_ = gui::ShowSecretariat(directory_ + "/c.focaldb");
  ASSERT_NE(window_, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return window_->IsShownOnScreen(); }));
  EXPECT_TRUE(std::filesystem::exists(directory_ + "/c.focaldb"));

  // Nothing registered: a report never brings its questionnaire text in.
  const MergeSummary unregistered = window_->MergeFiles({files[0]}, false, true, true);
  ASSERT_EQ(unregistered.refused, 1u);
  EXPECT_NE(unregistered.files[0].reason.find("is not registered in this store"), std::string::npos);
  writeFile(directory_ + "/analysis-test.yaml", kAnalysisQuestionnaire);
  wxString registered;
  ASSERT_TRUE(window_->RegisterQuestionnaire(directory_ + "/analysis-test.yaml", registered))
      << registered.utf8_string();
  EXPECT_TRUE(registered.Contains("analysis-test version 1.0.0")) << registered.utf8_string();
  {  // The secretariat accepted three States' keys, not KEN's.
    ConsolidatedStore store(directory_ + "/c.focaldb");
    for (const char* state : {"DEU", "EGY", "FRA"}) store.acceptKey(state, stateKey(state).fingerprint());
  }
  MergeSummary summary = window_->MergeFiles(files, false, true, true);
  EXPECT_EQ(summary.imported, 3u);
  EXPECT_EQ(summary.held, 1u);
  EXPECT_EQ(summary.refused, 0u);
  wxListCtrl* merged = window_->MergeList();
  ASSERT_EQ(merged->GetItemCount(), 4);
  long held = -1;
  for (long row = 0; row < 4; ++row) {
    if (Text(merged, row, 2) == "KEN") {
      held = row;
      EXPECT_EQ(Text(merged, row, 1), "held back") << Text(merged, row, 5);
      EXPECT_EQ(Text(merged, row, 4), stateKey("KEN").fingerprint()) << "the fingerprint is shown";
    } else {
      EXPECT_EQ(Text(merged, row, 1), "imported") << Text(merged, row, 0) << ": " << Text(merged, row, 5);
    }
    EXPECT_EQ(Text(merged, row, 3), "analysis-test 1.0.0");
  }
  EXPECT_TRUE(window_->MergeSummaryText().Contains("1 held back (key not accepted)"));
  Pump(100);
  Screenshot(window_, "secretariat-merge");
  ASSERT_GE(held, 0);
  EXPECT_FALSE(window_->AcceptKeyOf(0 == held ? 1 : 0, false)) << "only a held-back row has a key to accept";
  EXPECT_TRUE(window_->AcceptKeyOf(held, false));
  ASSERT_EQ(merged->GetItemCount(), 1);
  EXPECT_EQ(Text(merged, 0, 1), "imported");
  EXPECT_EQ(Text(merged, 0, 2), "KEN");

  summary = window_->MergeFiles({directory_}, false, true, true);  // the folder: the same four files
  EXPECT_EQ(summary.unchanged, 4u);
  ASSERT_EQ(merged->GetItemCount(), 4);
  for (long row = 0; row < 4; ++row) EXPECT_EQ(Text(merged, row, 1), "unchanged");

  // States and answers
  window_->Notebook()->SetSelection(1);
  ASSERT_EQ(window_->StatesQuestionnaire()->GetStringSelection(), "analysis-test");
  wxListCtrl* states = window_->StateList();
  ASSERT_EQ(states->GetItemCount(), 4);
  long fra = -1;
  for (long row = 0; row < 4; ++row)
    if (Text(states, row, 0) == "FRA") fra = row;
  ASSERT_GE(fra, 0);
  EXPECT_EQ(Text(states, fra, 1), "France");
  window_->SelectState(static_cast<int>(fra));
  wxListCtrl* answers = window_->AnswerList();
  ASSERT_GT(answers->GetItemCount(), 5);
  int shelters = 0;
  for (long row = 0; row < answers->GetItemCount(); ++row) {
    if (Text(answers, row, 0) != "q_shelters") continue;
    ++shelters;
    EXPECT_EQ(Text(answers, row, 1), "How many shelters?");
    EXPECT_EQ(Text(answers, row, 2), "10");
  }
  EXPECT_EQ(shelters, 1);  // listed once
  // Not relevant (q_law is yes), so not listed.
  for (long row = 0; row < answers->GetItemCount(); ++row) EXPECT_NE(Text(answers, row, 0), "q_law_why");
  // Output injection: KEN's practice holds a right-to-left override, shown as an escape, not obeyed.
  long ken = -1;
  for (long row = 0; row < 4; ++row)
    if (Text(states, row, 0) == "KEN") ken = row;
  ASSERT_GE(ken, 0);
  window_->SelectState(static_cast<int>(ken));
  int practice = 0;
  for (long row = 0; row < answers->GetItemCount(); ++row) {
    if (Text(answers, row, 0) != "q_practice") continue;
    ++practice;
    EXPECT_EQ(Text(answers, row, 2).find("\u202E"), std::string::npos) << "raw override in the window";
    EXPECT_NE(Text(answers, row, 2).find("\\u202e"), std::string::npos) << Text(answers, row, 2);
  }
  EXPECT_EQ(practice, 1);
  window_->SelectState(static_cast<int>(fra));
  Pump(100);
  Screenshot(window_, "secretariat-states");

  // Charts
  window_->Notebook()->SetSelection(2);
  Pump(100);
  wxChoice* chartChoice = window_->ChartChoice();
  int law = wxNOT_FOUND;
  for (unsigned i = 0; i < chartChoice->GetCount(); ++i)
    if (chartChoice->GetString(i).StartsWith("q_law ")) law = static_cast<int>(i);
  ASSERT_NE(law, wxNOT_FOUND) << chartChoice->GetCount() << " charts";
  window_->SelectChart(law);
  EXPECT_EQ(chartChoice->GetSelection(), law);
  ASSERT_TRUE(window_->ChartBitmap().IsOk());
  // Bars were drawn: a good share of strongly coloured pixels, in more than
  // one colour (the answers "yes" and "no"), on the white chart.
  const wxImage chart = window_->ChartBitmap().ConvertToImage();
  std::set<int> hues;
  long coloured = 0;
  for (int y = 0; y < chart.GetHeight(); ++y)
    for (int x = 0; x < chart.GetWidth(); ++x) {
      const int r = chart.GetRed(x, y), g = chart.GetGreen(x, y), b = chart.GetBlue(x, y);
      if (std::max({r, g, b}) - std::min({r, g, b}) < 60) continue;  // white, grey, black: text and axes
      ++coloured;
      hues.insert((r / 64) * 16 + (g / 64) * 4 + b / 64);
    }
  EXPECT_GT(coloured, static_cast<long>(chart.GetWidth()) * chart.GetHeight() / 50)
      << coloured << " coloured pixels of " << chart.GetWidth() << "x" << chart.GetHeight();
  EXPECT_GE(hues.size(), 2u);
  Pump(100);
  Screenshot(window_, "secretariat-chart");

  wxString message;
  const std::string html = directory_ + "/analysis.html";
  ASSERT_TRUE(window_->WriteAnalysis(html, message)) << message.utf8_string();
  const std::string page = readFile(html);
  EXPECT_NE(page.find("Is trafficking a criminal offence?"), std::string::npos);
  EXPECT_NE(page.find("How many shelters?"), std::string::npos);
}

TEST_F(SecretariatTest, ADamagedStoreGivesAMessageNamingTheFile) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::vector<std::string> files = WriteReports();
  const std::string store = directory_ + "/damaged.focaldb";
  window_ = gui::ShowSecretariat(store);
  ASSERT_NE(window_, nullptr);
  writeFile(store, std::string(8192, 'x'));  // damaged while open
  const MergeSummary summary = window_->MergeFiles(files, false, false, true);
  EXPECT_EQ(summary.imported, 0u);
  EXPECT_EQ(summary.refused, 4u);
  EXPECT_TRUE(window_->LastError().Contains("damaged.focaldb")) << window_->LastError().utf8_string();
  EXPECT_EQ(window_->StateList()->GetItemCount(), 0);
  ASSERT_EQ(window_->MergeList()->GetItemCount(), 4);
  EXPECT_EQ(Text(window_->MergeList(), 0, 1), "refused");
}

}  // namespace
}  // namespace focal::test
