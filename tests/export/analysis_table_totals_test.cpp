// Totals of the consolidated statistical tables: a row kept out of the
// totals (`in_total: false`, legal persons beside women and men) is not
// added into the columns' and the table's totals; every cell and total says
// how many States it covers, and a total that adds cells given by
// different sets of States is marked. Checked on the figures, the CSV file
// read with Python's csv module and the HTML report.
//
//            2022                         2023
//   FRA      women 5, men 3, legal 2      women 4, men 1
//   NGA      women 10                     legal 7
//   KEN      women 1, men 1               women 1, men 1
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consolidated_fixtures.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/analysis_results.h"
#include "export/secretariat/analysis_tables.h"

namespace focal {
namespace {

using ::testing::HasSubstr;

const char* kQuestionnaire = R"(focal: 1
id: totals-test
title: {en: Totals test}
instrument: tip
cycle: 1
version: 1.0.0
languages: [en]
sections:
  - id: stats
    title: {en: Statistics}
    questions:
      - id: q_convicted
        type: table
        label: {en: Persons convicted}
        totals: both
        rows:
          - {id: women, label: {en: Women}}
          - {id: men, label: {en: Men}}
          - {id: legal, label: {en: Legal persons}, in_total: false}
        columns: [{id: y2022, label: "2022"}, {id: y2023, label: "2023"}]
)";

class AnalysisTableTotals : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    auto q = test::loadOrFail(kQuestionnaire, "totals-test.yaml");
    const std::map<std::string, std::map<std::string, std::string>> replies = {
        {"FRA",
         {{"q_convicted/women/y2022", "5"},
          {"q_convicted/men/y2022", "3"},
          {"q_convicted/legal/y2022", "2"},
          {"q_convicted/women/y2023", "4"},
          {"q_convicted/men/y2023", "1"}}},
        {"NGA", {{"q_convicted/women/y2022", "10"}, {"q_convicted/legal/y2023", "7"}}},
        {"KEN",
         {{"q_convicted/women/y2022", "1"},
          {"q_convicted/men/y2022", "1"},
          {"q_convicted/women/y2023", "1"},
          {"q_convicted/men/y2023", "1"}}},
    };
    std::vector<std::string> files;
    for (const auto& [state, answers] : replies) {
      files.push_back(dir_->file("totals-test-" + state + ".focalreport"));
      writeReportFile(test::handReport(*q, state, answers), files.back(), &test::stateKey(state));
    }
    ConsolidatedStore store(dir_->file("store.focaldb"));
    // What the secretariat trusts: the questionnaire registered, each State's key accepted.
    store.registerQuestionnaire(*q, "registered for the test");
    for (const auto& [state, answers] : replies) store.acceptKey(state, test::stateKey(state).fingerprint());
    ASSERT_EQ(mergeReports(store, files).imported, files.size());
    analysis_ = new Analysis(analyse(loadAnalysisInput(store, "totals-test", test::testGroups())));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }
  static test::TempDir* dir_;
  static Analysis* analysis_;
};
test::TempDir* AnalysisTableTotals::dir_ = nullptr;
Analysis* AnalysisTableTotals::analysis_ = nullptr;

TEST_F(AnalysisTableTotals, KeepsLegalPersonsOutAndCountsTheStatesOfEachTotal) {
  ASSERT_EQ(analysis_->tables.size(), 1u);
  const TableTotals& t = analysis_->tables[0];
  EXPECT_EQ(t.rowInTotal, (std::vector<char>{1, 1, 0}));
  EXPECT_EQ(t.cells[0][0].sum, 16);
  EXPECT_EQ(t.cells[0][0].states, 3u);
  EXPECT_EQ(t.cells[1][0].states, 2u);
  // 2022: women and men only (legal persons' 2 left out), given by FRA, NGA and KEN, but NGA gave no men.
  EXPECT_EQ(t.columnTotals[0].sum, 20);
  EXPECT_EQ(t.columnTotals[0].states, 3u);
  EXPECT_TRUE(t.columnTotals[0].mixed);
  // 2023: women and men, both from FRA and KEN; NGA's legal persons are not in it.
  EXPECT_EQ(t.columnTotals[1].sum, 7);
  EXPECT_EQ(t.columnTotals[1].states, 2u);
  EXPECT_FALSE(t.columnTotals[1].mixed);
  // The legal persons' own total still adds its years, from two States that gave different years.
  EXPECT_EQ(t.rowTotals[2].sum, 9);
  EXPECT_EQ(t.rowTotals[2].states, 2u);
  EXPECT_TRUE(t.rowTotals[2].mixed);
  EXPECT_EQ(t.rowTotals[1].sum, 6);
  EXPECT_FALSE(t.rowTotals[1].mixed);
  EXPECT_EQ(t.total.sum, 27);
  EXPECT_EQ(t.total.states, 3u);
  EXPECT_TRUE(t.total.mixed);
}

TEST_F(AnalysisTableTotals, TheCsvFileGivesEachTotalItsStates) {
  if (!test::haveProgram("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  const std::string folder = dir_->file("csv");
  writeAnalysis(*analysis_, AnalysisFormat::Csv, folder);
  const std::string script = dir_->file("read.py");
  test::writeFile(script, R"(
import sys, csv
with open(sys.argv[1] + '/statistical-tables.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print('header', '|'.join(rows[0]))
for r in rows[1:]:
    print('|'.join(r[2:]))
)");
  int status = -1;
  const std::string out = test::run("/usr/bin/python3 " + script + " '" + folder + "' 2>&1", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("header Question|Label|Row|Column|Sum|States reporting|Note"));
  EXPECT_THAT(out, HasSubstr("\nLegal persons|2022|2|1|kept out of the totals\n"));
  EXPECT_THAT(out, HasSubstr("\nLegal persons|Total|9|2|adds cells given by different sets of States\n"));
  EXPECT_THAT(out, HasSubstr("\nTotal|2022|20|3|adds cells given by different sets of States\n"));
  EXPECT_THAT(out, HasSubstr("\nTotal|2023|7|2|\n"));
  EXPECT_THAT(out, HasSubstr("\nTotal|Total|27|3|adds cells given by different sets of States\n"));
}

TEST_F(AnalysisTableTotals, TheReportShowsTheStatesOfEachCell) {
  const std::string file = dir_->file("analysis.html");
  writeAnalysis(*analysis_, AnalysisFormat::Html, file);
  const std::string html = test::readFile(file);
  EXPECT_THAT(html, HasSubstr("<td dir=\"auto\">Legal persons (kept out of the totals)</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">16 (n = 3)</td><td class=\"n\">5 (n = 2)</td>"
                              "<td class=\"n\">21 (n = 3*)</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">20 (n = 3*)</td><td class=\"n\">7 (n = 2)</td>"
                              "<td class=\"n\">27 (n = 3*)</td>"));
  EXPECT_THAT(html, HasSubstr("(each cell from 1 to 3 States)"));
  EXPECT_THAT(html, HasSubstr("Kept out of the totals, as a different kind of unit: Legal persons."));
}

}  // namespace
}  // namespace focal
