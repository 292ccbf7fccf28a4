// The codebook: its variables are the SPSS and Stata exports' variables, in
// their order and with their names; its CSV/XLSX keys are those of the CSV
// export; its files are read back by Python's csv module, openpyxl and
// pdftotext.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <readstat.h>

#include <set>

#include "export/common/output_file.h"
#include "export/data/codebook.h"
#include "export/data/data_exports.h"
#include "export/data/export_rows.h"
#include "export/report/report_context.h"
#include "export_fixtures.h"

namespace focal::test {
namespace {

const char* kPython = "/usr/bin/python3";

// The fixture's response with one record in its repeat: the codebook
// describes the first record's variables.
NationalReport oneRecordReport() {
  ReportInput input = exportInput();
  std::vector<ReportAnswer> kept;
  for (auto a : input.answers) {
    if (a.path.find("r000002") != std::string::npos) continue;
    if (a.path == "q_10") a.value = "r000001";
    kept.push_back(a);
  }
  input.answers = kept;
  return assembleReport(input);
}

std::vector<std::string> statisticsNames(const std::string& file, bool stata) {
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

TEST(Codebook, NamesAreTheSpssAndStataExportsVariablesInTheirOrder) {
  TempDir dir;
  NationalReport report = oneRecordReport();
  ReportContext context(report, "en", exportQuestionnaire());
  exportStatistics(context, dir.file("r.sav"), StatisticsFormat::Spss);
  exportStatistics(context, dir.file("r.dta"), StatisticsFormat::Stata);
  const Codebook book = buildCodebook(exportQuestionnaire(), "en");
  std::vector<std::string> spss, stata;
  for (const auto& e : book.entries) {
    spss.push_back(e.spss);
    stata.push_back(e.stata);
  }
  EXPECT_EQ(spss, statisticsNames(dir.file("r.sav"), false));
  EXPECT_EQ(stata, statisticsNames(dir.file("r.dta"), true));
  EXPECT_THAT(spss,
              testing::IsSupersetOf({"q_2_other_text", "q_5_excerpt", "q_9_y2023_men", "q_10_partner_1"}));
}

TEST(Codebook, EveryAnswerOfTheCsvExportHasItsEntry) {
  NationalReport report = exportReport();
  ReportContext context(report, "en", exportQuestionnaire());
  const Codebook book = buildCodebook(exportQuestionnaire(), "en");
  std::set<std::pair<std::string, std::string>> keys;
  for (const auto& e : book.entries) keys.insert({e.question, e.part});
  int checked = 0;
  for (const auto& row : exportRows(context)) {
    if (!row.mark.empty()) continue;
    EXPECT_TRUE(keys.count({row.question, row.part}))
        << row.path << ": " << row.question << " / " << row.part;
    ++checked;
  }
  EXPECT_GT(checked, 15);
}

TEST(Codebook, DescribesValuesConditionsChecksAndSources) {
  const Codebook book = buildCodebook(exportQuestionnaire(), "fr");
  auto entry = [&](const std::string& name) {
    for (const auto& e : book.entries)
      if (e.spss == name) return e;
    ADD_FAILURE() << "no entry " << name;
    return CodebookEntry{};
  };
  EXPECT_EQ(entry("q_1").values, "1 = Oui [yes]; 0 = Non [no]");
  EXPECT_EQ(entry("q_1").number, "1.1");
  EXPECT_EQ(entry("q_1").checks, "required");
  EXPECT_EQ(entry("q_1_b").asked, "If 1.1 is Non");
  EXPECT_EQ(entry("q_1_b").question, "q_1_b");
  EXPECT_EQ(entry("q_2_labour").type, "multiple_choice (coded), 1 if 'labour' is chosen");
  EXPECT_EQ(entry("q_2_other_text").part, "other");
  EXPECT_EQ(entry("q_4").checks, "min 0");
  EXPECT_EQ(entry("q_9_y2022_women").part, "y2022/women");
  EXPECT_THAT(entry("q_10_title_1").type, testing::HasSubstr("one per record of 2.2"));
  EXPECT_EQ(entry("q_11").checks, "computed as count(${q_10})");
  EXPECT_EQ(entry("q_12").values,
            "1 = Ministry of the Interior [interior]; 2 = Ministry of Justice [justice]");
  EXPECT_EQ(entry("state").asked, "Always");
  EXPECT_THROW(buildCodebook(exportQuestionnaire(), "de"), ExportError);
}

TEST(Codebook, CsvAndXlsxAreReadBackWithTheSameNames) {
  if (!haveProgram(kPython)) GTEST_SKIP() << "no " << kPython;
  TempDir dir;
  writeFile(dir.file("q.yaml"), kExportQuestionnaire);
  const Codebook book = buildCodebook(exportQuestionnaire(), "en");
  std::string expected;
  for (const auto& e : book.entries) expected += e.spss + "\n";
  int status = -1;
  std::string out = run("'" FOCAL_CLI "' codebook '" + dir.file("q.yaml") + "' --format csv -o '" +
                            dir.file("c.csv") + "' 2>&1",
                        &status);
  ASSERT_EQ(status, 0) << out;
  const std::string csvScript = dir.file("read_codebook_csv.py");
  writeFile(csvScript,
            "import csv, sys\n"
            "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
            "assert rows[0][:3] == ['variable', 'stata_name', 'question'], rows[0]\n"
            "print('\\n'.join(r[0] for r in rows[1:]))\n");
  EXPECT_EQ(run(std::string(kPython) + " " + csvScript + " " + dir.file("c.csv"), &status), expected);
  EXPECT_EQ(status, 0);

  if (run(std::string(kPython) + " -c 'import openpyxl' 2>&1", &status), status != 0)
    GTEST_SKIP() << "no openpyxl";
  out = run("'" FOCAL_CLI "' codebook '" + dir.file("q.yaml") + "' --format xlsx -o '" + dir.file("c.xlsx") +
                "' 2>&1",
            &status);
  ASSERT_EQ(status, 0) << out;
  const std::string xlsxScript = dir.file("read_codebook_xlsx.py");
  writeFile(xlsxScript,
            "import openpyxl, sys\n"
            "ws = openpyxl.load_workbook(sys.argv[1])['codebook']\n"
            "rows = list(ws.iter_rows(values_only=True))\n"
            "assert rows[0][0] == 'variable' and rows[0][8] == 'asked', rows[0]\n"
            "asked = {r[0]: r[8] for r in rows[1:]}\n"
            "assert asked['q_1_b'] == 'If 1.1 is No', asked['q_1_b']\n"
            "print('\\n'.join(r[0] for r in rows[1:]))\n");
  EXPECT_EQ(run(std::string(kPython) + " " + xlsxScript + " " + dir.file("c.xlsx") + " 2>&1", &status),
            expected);
  EXPECT_EQ(status, 0);
}

TEST(Codebook, PdfAndHtmlHoldEveryVariable) {
  TempDir dir;
  writeFile(dir.file("q.yaml"), kExportQuestionnaire);
  int status = -1;
  std::string out = run("'" FOCAL_CLI "' codebook '" + dir.file("q.yaml") + "' --format html -o '" +
                            dir.file("c.html") + "' 2>&1",
                        &status);
  ASSERT_EQ(status, 0) << out;
  const std::string html = readFile(dir.file("c.html"));
  EXPECT_NE(html.find("<td class=\"name\">q_10_partner_1</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>If 1.1 is No</td>"), std::string::npos);

  out = run("'" FOCAL_CLI "' codebook '" + dir.file("q.yaml") + "' --format pdf --language ar -o '" +
                dir.file("c.pdf") + "' 2>&1",
            &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("variables (pdf, ar)"), std::string::npos) << out;
  if (!haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  const std::string text = run("/usr/bin/pdftotext -enc UTF-8 '" + dir.file("c.pdf") + "' - 2>&1", &status);
  ASSERT_EQ(status, 0) << text;
  for (const auto& e : buildCodebook(exportQuestionnaire(), "ar").entries)
    EXPECT_NE(text.find(e.spss), std::string::npos) << e.spss;
  // pdftotext puts spaces between some Arabic letters; the label is there without them.
  std::string joined = text;
  std::erase(joined, ' ');
  EXPECT_NE(joined.find("الضحايا"), std::string::npos);

  out = run("'" FOCAL_CLI "' codebook '" + dir.file("q.yaml") + "' --language de -o '" + dir.file("x.html") +
                "' 2>&1",
            &status);
  EXPECT_EQ(status, 2) << out;
  EXPECT_NE(out.find("the questionnaire has no language 'de'; it has en fr ar zh"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir.file("x.html")));
}

}  // namespace
}  // namespace focal::test
