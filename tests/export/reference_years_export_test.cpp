// The reference years and answers shown in labels (${id}) as an analyst and
// a reader see them: the year rows' paths and names in the CSV, XLSX, SPSS
// and Stata exports and the codebook, the years and the filled labels in
// the printed report (document, HTML and PDF text).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <readstat.h>

#include "export/data/codebook.h"
#include "export/data/data_exports.h"
#include "export/print/printed_report.h"
#include "export/report/report_context.h"
#include "export_fixtures.h"

namespace focal::test {
namespace {

using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsSupersetOf;

const char* kYearsQuestionnaire = R"(focal: 1
id: years-test
title: {en: Years test, fr: Essai des années}
instrument: som
cycle: 1
version: 1.0.0
languages: [en, fr]
reference_years: [2002, 2003, 2004]
sections:
  - id: s
    title: {en: Statistics, fr: Statistiques}
    questions:
      - id: q_1
        type: integer
        label: {en: "How many migrants were intercepted from {year_first} to {year_last}?", fr: "Combien de migrants ont été interceptés de {year_first} à {year_last} ?"}
      - id: q_2
        type: integer
        label: {en: "Of the ${q_1} migrants intercepted, how many were children?", fr: "Sur les ${q_1} migrants interceptés, combien étaient des enfants ?"}
      - {id: q_3, type: yes_no, label: {en: "Is there a register?", fr: "Existe-t-il un registre ?"}}
      - id: q_4
        type: single_choice
        label: {en: "Who keeps the register (${q_3})?", fr: "Qui tient le registre (${q_3}) ?"}
        choices:
          - {value: police, label: {en: "Police, for ${q_1} cases", fr: "Police, pour ${q_1} cas"}}
          - {value: courts, label: {en: Courts, fr: Tribunaux}}
      - id: t
        type: table
        label: {en: "Migrants intercepted in {reference_years}", fr: "Migrants interceptés en {reference_years}"}
        rows: reference_years
        columns:
          - {id: women, label: {en: Women, fr: Femmes}}
          - {id: men, label: {en: Men, fr: Hommes}}
        totals: both
)";

std::shared_ptr<const Questionnaire> yearsQuestionnaire() {
  static std::shared_ptr<const Questionnaire> q = [] {
    LoadResult result = loadQuestionnaireText(kYearsQuestionnaire, "years-test.yaml");
    std::string messages;
    for (const auto& d : result.diagnostics) messages += d.format() + "\n";
    EXPECT_TRUE(result.ok()) << messages;
    return result.questionnaire;
  }();
  return q;
}

NationalReport yearsReport(const std::string& language, bool answerFirst = true) {
  ReportInput input;
  input.questionnaire = yearsQuestionnaire();
  input.state = "FRA";
  input.language = language;
  input.preparer = "Maria Dupont";
  auto a = [](std::string path, std::string value) {
    return ReportAnswer{std::move(path), std::move(value), "maria", "2026-11-05T10:22:31.123Z"};
  };
  if (answerFirst) input.answers.push_back(a("q_1", "412"));
  for (auto answer : {a("q_2", "37"), a("q_3", "yes"), a("q_4", "police"), a("t/y2002/women", "10"),
                      a("t/y2003/women", "7"), a("t/y2004/men", "5")})
    input.answers.push_back(answer);
  input.exportedAt = "2026-11-29T09:00:00Z";
  input.today = "2026-11-29";
  return assembleReport(input);
}

std::vector<std::string> variableNames(const std::string& file, bool stata) {
  std::vector<std::string> names;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_variable_handler(parser, [](int, readstat_variable_t* v, const char*, void* ctx) -> int {
    static_cast<std::vector<std::string>*>(ctx)->push_back(readstat_variable_get_name(v));
    return READSTAT_HANDLER_OK;
  });
  readstat_error_t rc = stata ? readstat_parse_dta(parser, file.c_str(), &names)
                              : readstat_parse_sav(parser, file.c_str(), &names);
  readstat_parser_free(parser);
  EXPECT_EQ(rc, READSTAT_OK) << readstat_error_message(rc);
  return names;
}

const PrintQuestion* findQuestion(const PrintableReport& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& q : s.questions)
      if (q.id == id) return &q;
  return nullptr;
}

TEST(ReferenceYearsExports, DataExportsNameEachYear) {
  TempDir dir;
  NationalReport report = yearsReport("en");
  ReportContext context(report, "en", yearsQuestionnaire());
  const std::string csv = csvText(context);
  EXPECT_THAT(csv, HasSubstr("t/y2002/women"));
  EXPECT_THAT(csv, HasSubstr("t/y2004/men"));
  exportStatistics(context, dir.file("r.sav"), StatisticsFormat::Spss);
  exportStatistics(context, dir.file("r.dta"), StatisticsFormat::Stata);
  for (bool stata : {false, true})
    EXPECT_THAT(variableNames(dir.file(stata ? "r.dta" : "r.sav"), stata),
                IsSupersetOf({"t_y2002_women", "t_y2003_men", "t_y2004_women"}));
  exportXlsx(context, dir.file("r.xlsx"));
  int status = -1;
  const std::string strings =
      run("/usr/bin/python3 -c \"import zipfile,sys; "
          "print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml')"
          ".decode())\" '" +
              dir.file("r.xlsx") + "'",
          &status);
  ASSERT_EQ(status, 0) << strings;
  EXPECT_THAT(strings, HasSubstr("y2003"));
  EXPECT_THAT(strings, HasSubstr("Migrants intercepted in 2002, 2003, 2004"));
}

TEST(ReferenceYearsExports, TheCodebookShowsTheYears) {
  const Codebook book = buildCodebook(yearsQuestionnaire(), "fr");
  std::vector<std::string> names;
  for (const auto& e : book.entries) {
    names.push_back(e.spss);
    if (e.spss == "t_y2003_women") {
      EXPECT_EQ(e.part, "y2003/women");
      EXPECT_THAT(e.label, HasSubstr("2003"));
      EXPECT_THAT(e.label, HasSubstr("Migrants interceptés en 2002, 2003, 2004"));
    }
    if (e.spss == "q_1") {
      EXPECT_THAT(e.label, HasSubstr("de 2002 à 2004"));
    }
  }
  EXPECT_THAT(names, IsSupersetOf({"t_y2002_women", "t_y2003_women", "t_y2004_men"}));
}

TEST(ReferenceYearsExports, ThePrintedReportShowsYearsAndFilledLabels) {
  NationalReport report = yearsReport("en");
  ReportContext context(report);
  const PrintableReport p = buildPrintableReport(context, {});
  EXPECT_EQ(findQuestion(p, "q_1")->label, "How many migrants were intercepted from 2002 to 2004?");
  EXPECT_EQ(findQuestion(p, "q_2")->label, "Of the 412 migrants intercepted, how many were children?");
  EXPECT_EQ(findQuestion(p, "q_4")->label, "Who keeps the register (Yes)?");
  EXPECT_THAT(findQuestion(p, "q_4")->lines, ElementsAre("Police, for 412 cases"));
  const PrintQuestion* table = findQuestion(p, "t");
  ASSERT_TRUE(table && table->table);
  std::vector<std::string> rows;
  for (const auto& row : table->table->rows) rows.push_back(row.header);
  EXPECT_THAT(rows, ElementsAre("2002", "2003", "2004", "Total"));
  EXPECT_THAT(table->table->rows[0].cells, ElementsAre("10", "", "10"));

  const std::string html = htmlText(p);
  EXPECT_THAT(html, HasSubstr("Of the 412 migrants intercepted"));
  EXPECT_THAT(html, testing::Not(HasSubstr("${q_1}")));
}

TEST(ReferenceYearsExports, AnUnansweredReferenceIsNeutralInEveryLanguage) {
  NationalReport report = yearsReport("fr", false);
  ReportContext context(report);
  const PrintableReport p = buildPrintableReport(context, {});
  EXPECT_EQ(findQuestion(p, "q_2")->label,
            "Sur les \u2026 migrants interceptés, combien étaient des enfants ?");
  EXPECT_EQ(findQuestion(p, "q_4")->label, "Qui tient le registre (Oui) ?");
}

TEST(ReferenceYearsExports, ThePdfTextHoldsTheFilledLabelAndTheYears) {
  if (!haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  TempDir dir;
  NationalReport report = yearsReport("en");
  ReportContext context(report);
  writePdf(buildPrintableReport(context, {}), dir.file("r.pdf"));
  int status = -1;
  const std::string text = run("/usr/bin/pdftotext -enc UTF-8 '" + dir.file("r.pdf") + "' - 2>&1", &status);
  ASSERT_EQ(status, 0) << text;
  EXPECT_THAT(text, HasSubstr("Of the 412 migrants intercepted"));
  EXPECT_THAT(text, HasSubstr("from 2002 to 2004"));
  EXPECT_THAT(text, HasSubstr("2003"));
  EXPECT_THAT(text, testing::Not(HasSubstr("${")));
}

}  // namespace
}  // namespace focal::test
