// The legislation compendium of the analysis: per State and provision, the
// acts cited (title, article, date, link), from a top-level legislation
// question, one inside a repeat (one act per record) and one that covers no
// provision; read back from the workbook with openpyxl, from the CSV file
// with Python's csv module, and from the HTML and PDF reports.
//
//   FRA (Western European and other States): Code pénal for art. 5, para. 1;
//       two acts in the repeat for art. 6; a decree for the question citing nothing
//   NGA (African States): an Act for art. 5, para. 1
//   KEN (African States): cites nothing
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
id: compendium-test
title: {en: Compendium test}
instrument: tip
cycle: 1
version: 1.0.0
languages: [en, fr]
sections:
  - id: crime
    title: {en: Criminalization}
    questions:
      - {id: q_law, type: yes_no, label: {en: "Is trafficking an offence?"}, references: [{instrument: tip, article: "5", paragraph: "1"}]}
      - {id: q_law_cite, type: legislation, relevant: "${q_law} = 'yes'", label: {en: "If yes, cite the law."}}
  - id: victims
    title: {en: Victims}
    references: [{instrument: tip, article: "6"}]
    questions:
      - id: q_acts
        type: repeat
        label: {en: "Acts protecting victims"}
        questions:
          - {id: q_act, type: legislation, label: {en: "Act"}}
  - id: other
    title: {en: Other}
    questions:
      - {id: q_other_law, type: legislation, label: {en: "Any other law?"}}
)";

class AnalysisCompendium : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    auto q = test::loadOrFail(kQuestionnaire, "compendium-test.yaml");
    const std::map<std::string, std::map<std::string, std::string>> replies = {
        {"FRA",
         {{"q_law", "yes"},
          {"q_law_cite/title", "Code pénal"},
          {"q_law_cite/article", "225-4-1"},
          {"q_law_cite/date", "2013-08-05"},
          {"q_law_cite/link", "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000027811131"},
          {"q_acts", "r1 r2"},
          {"q_acts[r1]/q_act/title", "Code de l'action sociale"},
          {"q_acts[r1]/q_act/article", "L345-1"},
          {"q_acts[r2]/q_act/title", "Loi 2016-444"},
          {"q_acts[r2]/q_act/date", "2016-04-13"},
          {"q_other_law/title", "Décret 2019-1"}}},
        {"NGA",
         {{"q_law", "yes"},
          {"q_law_cite/title", "Trafficking in Persons Act"},
          {"q_law_cite/article", "13"},
          {"q_law_cite/date", "2015-03-26"}}},
        {"KEN", {{"q_law", "no"}}},
    };
    std::vector<std::string> files;
    for (const auto& [state, answers] : replies) {
      files.push_back(dir_->file("compendium-test-" + state + ".focalreport"));
      writeReportFile(
          test::handReport(*q, state, answers, "2026-10-01T09:00:00Z", state == "FRA" ? "fr" : "en"),
          files.back(), &test::stateKey(state));
    }
    ConsolidatedStore store(dir_->file("store.focaldb"));
    // What the secretariat trusts: the questionnaire registered, each State's key accepted.
    store.registerQuestionnaire(*q, "registered for the test");
    for (const auto& [state, answers] : replies) store.acceptKey(state, test::stateKey(state).fingerprint());
    ASSERT_EQ(mergeReports(store, files).imported, files.size());
    analysis_ = new Analysis(analyse(loadAnalysisInput(store, "compendium-test", test::testGroups())));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }
  static std::string run(const std::string& script, const std::string& file) {
    const std::string path = dir_->file("read.py");
    test::writeFile(path, script);
    int status = -1;
    const std::string out = test::run("/usr/bin/python3 " + path + " " + file + " 2>&1", &status);
    EXPECT_EQ(status, 0) << out;
    return out;
  }
  static test::TempDir* dir_;
  static Analysis* analysis_;
};
test::TempDir* AnalysisCompendium::dir_ = nullptr;
Analysis* AnalysisCompendium::analysis_ = nullptr;

std::string line(const CitedAct& c) {
  return c.provision + " | " + c.group + " | " + c.state + " | " + c.question + " | " + c.title + " | " +
         c.article + " | " + c.date + " | " + c.link;
}

TEST_F(AnalysisCompendium, ListsEveryActPerStateAndProvision) {
  std::vector<std::string> lines;
  for (const auto& c : analysis_->compendium) lines.push_back(line(c));
  const std::string link = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000027811131";
  // Article 5 as a whole and its paragraph 1 are both covered by the question on paragraph 1.
  EXPECT_THAT(lines,
              ::testing::Contains("art. 5, para. 1 | African States | NGA | q_law_cite | Trafficking in "
                                  "Persons Act | 13 | 2015-03-26 | "));
  EXPECT_THAT(lines, ::testing::Contains("art. 5, para. 1 | Western European and other States | FRA | "
                                         "q_law_cite | Code pénal | 225-4-1 | 2013-08-05 | " +
                                         link));
  // One act per record of the repeat, for the article its section cites.
  EXPECT_THAT(lines, ::testing::Contains("art. 6 | Western European and other States | FRA | q_act | Code de "
                                         "l'action sociale | L345-1 |  | "));
  EXPECT_THAT(
      lines,
      ::testing::Contains(
          "art. 6 | Western European and other States | FRA | q_act | Loi 2016-444 |  | 2016-04-13 | "));
  // A question that covers no provision: listed, with no provision, last.
  EXPECT_EQ(line(analysis_->compendium.back()),
            " | Western European and other States | FRA | q_other_law | Décret 2019-1 |  |  | ");
  for (const auto& c : analysis_->compendium) {
    EXPECT_NE(c.state, "KEN");
    EXPECT_EQ(c.instrument, "tip");
    if (c.state == "FRA") {
      EXPECT_EQ(c.language, "fr");
    }
  }
  // Ordered by provision, then regional group (African States before Western European).
  std::size_t nga = 0, fra = 0;
  for (std::size_t i = 0; i < analysis_->compendium.size(); ++i) {
    const auto& c = analysis_->compendium[i];
    if (c.provision == "art. 5, para. 1" && c.state == "NGA") nga = i;
    if (c.provision == "art. 5, para. 1" && c.state == "FRA") fra = i;
  }
  EXPECT_LT(nga, fra);
}

TEST_F(AnalysisCompendium, TheWorkbookSheetCanBeSortedByInstrumentAndGroup) {
  if (!test::haveProgram("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  int status = -1;
  test::run("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null", &status);
  if (status != 0) GTEST_SKIP() << "openpyxl is not installed";
  const std::string file = dir_->file("analysis.xlsx");
  writeAnalysis(*analysis_, AnalysisFormat::Xlsx, file);
  const std::string out = run(R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Legislation']
print('header', '|'.join(c.value for c in ws[2]))
print('filter', ws.auto_filter.ref)
for row in ws.iter_rows(min_row=3, values_only=True):
    if row[4] == 'FRA' and row[1] == 'art. 5, para. 1':
        print('fra', '|'.join(str(v) for v in row))
)",
                              file);
  EXPECT_THAT(out,
              HasSubstr("header Instrument|Provision|Title|Regional group|Code|State|Question|Act|Article of "
                        "the act|Date|Link"));
  EXPECT_THAT(out, HasSubstr("filter A2:K"));
  EXPECT_THAT(out, HasSubstr("fra Trafficking in Persons Protocol|art. 5, para. 1|Criminalization|Western "
                             "European and other States|FRA|France|q_law_cite|Code pénal|225-4-1|2013-08-05|"
                             "https://www.legifrance.gouv.fr/"));
}

TEST_F(AnalysisCompendium, TheCsvFileReadsBack) {
  if (!test::haveProgram("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  const std::string folder = dir_->file("csv");
  writeAnalysis(*analysis_, AnalysisFormat::Csv, folder);
  const std::string out = run(R"(
import sys, csv
with open(sys.argv[1] + '/legislation.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print('rows', len(rows))
print('first', '|'.join(rows[0]))
for r in rows[1:]:
    if r[6] == 'q_act':
        print('act', r[7], '[' + r[8] + ']', '[' + r[9] + ']')
)",
                              folder);
  // The header, then one line per act.
  EXPECT_THAT(out, HasSubstr("rows " + std::to_string(analysis_->compendium.size() + 1)));
  EXPECT_THAT(out, HasSubstr("first Instrument|Provision|Title|Regional group|Code|State"));
  EXPECT_THAT(out, HasSubstr("act Code de l'action sociale [L345-1] []"));
  EXPECT_THAT(out, HasSubstr("act Loi 2016-444 [] [2016-04-13]"));
}

TEST_F(AnalysisCompendium, TheReportsHaveTheCompendium) {
  const std::string html = dir_->file("analysis.html");
  writeAnalysis(*analysis_, AnalysisFormat::Html, html);
  const std::string text = test::readFile(html);
  EXPECT_THAT(text, HasSubstr("Compendium of legislation"));
  // FRA's two acts for article 6 in one cell, in French.
  EXPECT_THAT(text, HasSubstr("<td lang=\"fr\" dir=\"ltr\">Code de l&#39;action sociale, art. L345-1; Loi "
                              "2016-444, 2016-04-13</td>"));
  EXPECT_THAT(text, HasSubstr("Legislation cited where no provision is cited"));
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext is not installed";
  const std::string pdf = dir_->file("analysis.pdf");
  writeAnalysis(*analysis_, AnalysisFormat::Pdf, pdf);
  int status = -1;
  const std::string out = test::run("/usr/bin/pdftotext -enc UTF-8 " + pdf + " - 2>&1", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("Compendium of legislation"));
  EXPECT_THAT(out, HasSubstr("Trafficking in Persons Act, art. 13"));
}

}  // namespace
}  // namespace focal
