// The coverage of the provisions in the analysis: per provision, the States
// parties that report measures (a yes, or a legislation citation, in the
// questions covering it), by regional group, with the legislation cited;
// and the provisions no question covers. Checked on the figures, on the
// workbook read back with openpyxl and on the HTML report.
//
//   FRA (Western European and other States, party): q_law yes, cites the Code pénal; q_victims no
//   NGA (African States, party): q_law yes, cites an Act; q_victims yes
//   KEN (African States, party): q_law no; q_victims information not available
//   DEU (signatory): q_law yes, q_victims yes: not counted
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consolidated_fixtures.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/analysis_results.h"
#include "export/secretariat/analysis_tables.h"

namespace focal {
namespace {

using ::testing::ContainsRegex;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const char* kQuestionnaire = R"(focal: 1
id: provisions-test
title: {en: Provisions test}
instrument: tip
cycle: 1
version: 1.0.0
languages: [en]
sections:
  - id: crime
    title: {en: Criminalization}
    questions:
      - {id: q_law, type: yes_no, label: {en: "Is trafficking an offence?"}, references: [{instrument: tip, article: "5", paragraph: "1"}]}
      - {id: q_law_cite, type: legislation, relevant: "${q_law} = 'yes'", label: {en: "If yes, cite the law."}}
      - {id: q_victims, type: yes_no, label: {en: "Are there recovery measures?"}, references: [{instrument: tip, article: "6", paragraph: "3"}]}
)";

const char* kParties = R"(
as_of: "2024-05-04"
source: test list
instruments:
  - id: tip
    parties: [FRA, NGA, KEN]
    signatories: [DEU]
)";

class AnalysisProvisions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    auto q = test::loadOrFail(kQuestionnaire, "provisions-test.yaml");
    const std::map<std::string, std::map<std::string, std::string>> replies = {
        {"FRA",
         {{"q_law", "yes"},
          {"q_law_cite/title", "Code pénal"},
          {"q_law_cite/article", "225-4-1"},
          {"q_law_cite/date", "2013-08-05"},
          {"q_victims", "no"}}},
        {"NGA",
         {{"q_law", "yes"},
          {"q_law_cite/title", "Trafficking in Persons Act"},
          {"q_law_cite/article", "13"},
          {"q_victims", "yes"}}},
        {"KEN", {{"q_law", "no"}, {"q_victims@status", "not_available"}}},
        {"DEU", {{"q_law", "yes"}, {"q_victims", "yes"}}},
    };
    std::vector<std::string> files;
    for (const auto& [state, answers] : replies) {
      files.push_back(dir_->file("provisions-test-" + state + ".focalreport"));
      writeReportFile(test::handReport(*q, state, answers), files.back(), &test::stateKey(state));
    }
    ConsolidatedStore store(dir_->file("store.focaldb"));
    test::trustFixtures(store);
    store.registerQuestionnaire(*q, "registered from provisions-test.yaml");
    ASSERT_EQ(mergeReports(store, files).imported, files.size());
    AnalysisInput input = loadAnalysisInput(store, "provisions-test", test::testGroups());
    input.parties = InstrumentParties::parse(kParties, "test-parties.yaml");
    analysis_ = new Analysis(analyse(input));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }
  static const ProvisionCoverageRow& row(const std::string& citation) {
    for (const auto& p : analysis_->provisions)
      if (p.citation == citation) return p;
    throw std::runtime_error("no provision " + citation);
  }
  static std::size_t column(const std::string& name) {
    for (std::size_t c = 0; c < analysis_->columns.size(); ++c)
      if (analysis_->columns[c].name == name) return c;
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
  static test::TempDir* dir_;
  static Analysis* analysis_;
};
test::TempDir* AnalysisProvisions::dir_ = nullptr;
Analysis* AnalysisProvisions::analysis_ = nullptr;

TEST_F(AnalysisProvisions, CountsTheStatesPartiesReportingMeasuresByGroup) {
  const auto& law = row("art. 5, para. 1");
  EXPECT_EQ(law.obligation, "Mandatory");
  EXPECT_EQ(law.questions, "q_law, q_law_cite");  // the follow-up covers its gate's provision
  EXPECT_EQ(law.reporting[0], 2u);                // FRA and NGA; DEU is only a signatory
  EXPECT_EQ(law.replied[0], 3u);
  EXPECT_EQ(law.reporting[column("African States")], 1u);
  EXPECT_EQ(law.replied[column("African States")], 2u);
  EXPECT_EQ(law.reporting[column("Western European and other States")], 1u);
  EXPECT_THAT(law.legislation, ElementsAre("France: Code pénal, art. 225-4-1, 2013-08-05",
                                           "Nigeria: Trafficking in Persons Act, art. 13"));
  const auto& victims = row("art. 6, para. 3");
  EXPECT_EQ(victims.obligation, "Shall consider");
  EXPECT_EQ(victims.reporting[0], 1u);  // NGA; KEN's "not available" is no measure
  EXPECT_TRUE(victims.legislation.empty());
  // Article 5 as a whole is covered by the question on its paragraph 1.
  EXPECT_EQ(row("art. 5").reporting[0], 2u);
}

TEST_F(AnalysisProvisions, ListsTheProvisionsNoQuestionCovers) {
  EXPECT_THAT(analysis_->uncoveredProvisions, ::testing::Contains(HasSubstr("art. 13 (Legitimacy")));
  EXPECT_THAT(analysis_->uncoveredProvisions, ::testing::Contains("art. 5, para. 2 (a) (Criminalization)"));
  EXPECT_THAT(analysis_->uncoveredProvisions,
              ::testing::Not(::testing::Contains(HasSubstr("art. 5, para. 1 "))));
}

TEST_F(AnalysisProvisions, TheWorkbookSheetHoldsTheFigures) {
  if (!test::haveProgram("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  int status = -1;
  test::run("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null", &status);
  if (status != 0) GTEST_SKIP() << "openpyxl is not installed";
  const std::string file = dir_->file("analysis.xlsx");
  writeAnalysis(*analysis_, AnalysisFormat::Xlsx, file);
  const std::string script = dir_->file("read.py");
  test::writeFile(script, R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Provisions']
header = [c.value for c in ws[2]]
for row in ws.iter_rows(min_row=3, values_only=True):
    if row[1] == 'art. 5, para. 1':
        print(header[6], row[6], row[7], round(row[8], 3))
        print('legislation', row[-1])
print('uncovered', wb['Provisions not covered'].max_row - 2)
)");
  const std::string out = test::run("/usr/bin/python3 " + script + " " + file + " 2>&1", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("All responding States: States parties reporting measures 2 3 0.667"));
  EXPECT_THAT(out,
              HasSubstr("legislation France: Code pénal, art. 225-4-1, 2013-08-05; Nigeria: Trafficking"));
  EXPECT_THAT(out, HasSubstr("uncovered " + std::to_string(analysis_->uncoveredProvisions.size())));
}

TEST_F(AnalysisProvisions, TheReportHasTheCoverageSection) {
  const std::string file = dir_->file("analysis.html");
  writeAnalysis(*analysis_, AnalysisFormat::Html, file);
  const std::string html = test::readFile(file);
  EXPECT_THAT(html, HasSubstr("Coverage of the provisions"));
  EXPECT_THAT(html, HasSubstr("2 of 3 (67%)"));
  EXPECT_THAT(html, HasSubstr("African States: 1 of 2"));
  EXPECT_THAT(html, HasSubstr("Provisions no question covers"));
}

TEST_F(AnalysisProvisions, ThePdfReportHasTheCoverageTable) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext is not installed";
  const std::string file = dir_->file("analysis.pdf");
  writeAnalysis(*analysis_, AnalysisFormat::Pdf, file);
  int status = -1;
  const std::string text = test::run("/usr/bin/pdftotext -enc UTF-8 -layout " + file + " - 2>&1", &status);
  ASSERT_EQ(status, 0) << text;
  EXPECT_THAT(text, HasSubstr("Coverage of the provisions"));
  // The cells wrap: "2 of 3" and "(67%)" on two lines.
  EXPECT_THAT(text, ContainsRegex("art\\. 5, para\\. 1 +Mandatory +2 of 3"));
  EXPECT_THAT(text, HasSubstr("(67%)"));
  EXPECT_THAT(text, HasSubstr("France: Code pénal, art. 225-4-1,"));
  EXPECT_THAT(text, HasSubstr("Provisions no question covers"));
}

}  // namespace
}  // namespace focal
