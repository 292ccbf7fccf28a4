// The analysis written out: the workbook read back with openpyxl, the CSV
// files with Python's csv module (both skipped when /usr/bin/python3 or
// openpyxl is missing), formula injection neutralised in both (text cells
// of the workbook, leading apostrophes in the CSV), the HTML
// escaped and marked with each State's language, the PDF rendered by
// poppler, and the charts.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "consolidated_fixtures.h"
#include "export/secretariat/analysis_document.h"
#include "forms/markup_escape.h"

namespace focal {
namespace {

using test::TempDir;

const char* kPython = "/usr/bin/python3";

class AnalysisOutputs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const auto files = test::writeReplies(*dir_);
    ConsolidatedStore store(dir_->file("store.focaldb"));
    test::trustFixtures(store);
    mergeReports(store, files);
    analysis_ = new Analysis(analyse(loadAnalysisInput(store, "analysis-test", test::testGroups())));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }
  // Runs a Python script; its standard output, or nullopt when Python (or a module) is missing.
  static std::optional<std::string> python(const std::string& script, const std::string& module = {}) {
    if (!test::haveProgram(kPython)) return std::nullopt;
    if (!module.empty()) {
      int status = -1;
      test::run(std::string(kPython) + " -c 'import " + module + "' 2>/dev/null", &status);
      if (status != 0) return std::nullopt;
    }
    const std::string file = dir_->file("script.py");
    test::writeFile(file, script);
    int status = -1;
    std::string out = test::run(std::string(kPython) + " " + file + " 2>&1", &status);
    EXPECT_EQ(status, 0) << out;
    return out;
  }
  static TempDir* dir_;
  static Analysis* analysis_;
};
TempDir* AnalysisOutputs::dir_ = nullptr;
Analysis* AnalysisOutputs::analysis_ = nullptr;

TEST_F(AnalysisOutputs, WorkbookHasASheetPerAnalysisAndReadsBack) {
  const std::string file = dir_->file("analysis.xlsx");
  writeAnalysis(*analysis_, AnalysisFormat::Xlsx, file);
  auto out = python(R"(
import openpyxl
wb = openpyxl.load_workbook(')" +
                        file + R"(')
print('|'.join(wb.sheetnames))
ws = wb['Answers']
header = [c.value for c in ws[2]]
print(header[0], header[3], header[4], header[5], header[6])
for row in ws.iter_rows(min_row=3, values_only=True):
    if row[1] == 'q_law' and row[3] == 'Yes':
        print('q_law yes', row[4], row[5], round(row[6], 3))
ws = wb['TA requests']
for row in ws.iter_rows(min_row=3):
    if row[0].value == 'NGA' and row[5].value:
        print('other', row[5].data_type, row[5].number_format, row[5].value)
ws = wb['Practices']
for row in ws.iter_rows(min_row=3, values_only=True):
    if row[2] == 'EGY':
        print('practice', row[5], row[6])
    if row[2] == 'KEN':
        print('override', row[6])
)",
                    "openpyxl");
  if (!out) GTEST_SKIP() << "python3 with openpyxl is not installed";
  EXPECT_NE(
      out->find("About|Response rates|Responding States|Answers|Changes|Changes by State|Statistical tables|"
                "Numbers|TA gating|TA by kind|TA by section|TA by group|TA requests|Practices"),
      std::string::npos)
      << *out;
  EXPECT_NE(
      out->find("Section Answer States to which it applied All responding States: States All responding "
                "States: share"),
      std::string::npos)
      << *out;
  EXPECT_NE(out->find("q_law yes 5 3 0.6"), std::string::npos) << *out;  // numbers stay numbers
  // Formula-like text: the exact value in a string cell marked text, no apostrophe.
  EXPECT_NE(out->find(std::string("other s @ ") + test::kInjection + "\n"), std::string::npos) << *out;
  EXPECT_NE(out->find(std::string("practice ar ") + test::kArabicPractice), std::string::npos) << *out;
  // A bidi override is shown, not obeyed.
  EXPECT_NE(out->find("override Hotline operators refer victims [U+202E]pdf.exe[U+202C].\n"),
            std::string::npos)
      << *out;
}

TEST_F(AnalysisOutputs, CsvFilesReadBackWithPythonsCsvModule) {
  const std::string folder = dir_->file("csv");
  writeAnalysis(*analysis_, AnalysisFormat::Csv, folder);
  EXPECT_TRUE(std::filesystem::exists(folder + "/answers.csv"));
  EXPECT_TRUE(std::filesystem::exists(folder + "/ta-by-kind.csv"));
  auto out = python(R"(
import csv
with open(')" + folder +
                    R"(/answers.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print('columns', len(rows[0]))
for r in rows[1:]:
    if r[1] == 'q_forms' and r[3] == 'Sexual exploitation':
        print('q_forms sexual', r[4], r[5], r[6])
with open(')" + folder +
                    R"(/ta-requests.csv', encoding='utf-8-sig', newline='') as f:
    for r in csv.DictReader(f):
        if r['Other assistance']:
            print('other', r['Other assistance'])
with open(')" + folder +
                    R"(/practices.csv', encoding='utf-8-sig', newline='') as f:
    for r in csv.DictReader(f):
        print('practice', r['Code'], r['Practice'])
)");
  if (!out) GTEST_SKIP() << "python3 is not installed";
  EXPECT_NE(out->find("q_forms sexual 5 3 60.0%"), std::string::npos) << *out;
  EXPECT_NE(out->find(std::string("other '") + test::kInjection), std::string::npos) << *out;
  EXPECT_NE(out->find(std::string("practice EGY ") + test::kArabicPractice), std::string::npos) << *out;
  EXPECT_NE(out->find(std::string("practice DEU ") + test::kMarkup), std::string::npos) << *out;
}

TEST_F(AnalysisOutputs, CsvQuotesAndNeutralisesEveryText) {
  AnalysisTable t{"t", "", {{"=header", 5}, {"b", 5}}, {}};
  t.rows.push_back({TableCell::str("a, \"quoted\"\nline"), TableCell::str("@SUM(A1)")});
  t.rows.push_back({TableCell::integer(-3), TableCell::percent(0.5)});
  EXPECT_EQ(csvText(t), "\xEF\xBB\xBF'=header,b\r\n\"a, \"\"quoted\"\"\nline\",'@SUM(A1)\r\n-3,50.0%\r\n");
}

TEST_F(AnalysisOutputs, HtmlIsEscapedAndMarksEachStatesLanguage) {
  const std::string file = dir_->file("analysis.html");
  writeAnalysis(*analysis_, AnalysisFormat::Html, file);
  const std::string html = test::readFile(file);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(
      html.find("Joint &lt;b&gt;investigation&lt;/b&gt; teams &amp; &lt;script&gt;alert(1)&lt;/script&gt;"),
      std::string::npos);
  EXPECT_NE(html.find(std::string("<blockquote lang=\"ar\" dir=\"rtl\">") + test::kArabicPractice),
            std::string::npos);
  EXPECT_NE(html.find("<blockquote lang=\"fr\" dir=\"ltr\">"), std::string::npos);
  // No script, no external resource, like the national HTML.
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                      "'unsafe-inline'\">"),
            std::string::npos);
  // Charts as inline SVG, described for screen readers, their ids their own.
  EXPECT_EQ(html.find("base64"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_NE(html.find("<figure><svg role=\"img\" aria-label=\"Response rate by regional group: "),
            std::string::npos);
  std::set<std::string> ids;
  std::size_t svgs = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
  EXPECT_GT(svgs, 3u);
  for (auto at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    const auto begin = at + 5, end = html.find('"', begin);
    EXPECT_TRUE(ids.insert(html.substr(begin, end - begin)).second) << html.substr(begin, end - begin);
  }
  for (auto at = html.find("href=\"#"); at != std::string::npos; at = html.find("href=\"#", at + 1)) {
    const auto begin = at + 7, end = html.find('"', begin);
    EXPECT_TRUE(ids.count(html.substr(begin, end - begin)))
        << "a reference to no id: " << html.substr(begin, end - begin);
  }
  // A bidi override in a State's answer is shown, not obeyed.
  EXPECT_EQ(html.find("\u202E"), std::string::npos);
  EXPECT_NE(html.find("Hotline operators refer victims [U+202E]pdf.exe[U+202C]."), std::string::npos);
}

TEST(HtmlEscape, ShowsBidiControlsAndKeepsOtherPunctuation) {
  EXPECT_EQ(htmlEscape("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef"),
            "a[U+202A]b[U+202B]c[U+202C]d[U+202D]e[U+202E]f");
  EXPECT_EQ(htmlEscape("\u2066x\u2067y\u2068z\u2069"), "[U+2066]x[U+2067]y[U+2068]z[U+2069]");
  EXPECT_EQ(htmlEscape("\u2014 \u2026 \u2029 \u2065 \u206A <"), "\u2014 \u2026 \u2029 \u2065 \u206A &lt;");
  EXPECT_EQ(showBidiControls("cut \xE2\x80"), "cut \xE2\x80");
}

TEST_F(AnalysisOutputs, PdfRendersWithPoppler) {
  const std::string file = dir_->file("analysis.pdf");
  writeAnalysis(*analysis_, AnalysisFormat::Pdf, file);
  EXPECT_EQ(test::readFile(file).rfind("%PDF-", 0), 0u);
  if (!test::haveProgram("/usr/bin/pdftotext") || !test::haveProgram("/usr/bin/pdftoppm"))
    GTEST_SKIP() << "poppler-utils is not installed";
  int status = -1;
  const std::string text = test::run("/usr/bin/pdftotext -enc UTF-8 " + file + " - 2>&1", &status);
  ASSERT_EQ(status, 0) << text;
  for (const char* expected :
       {"Analysis of the national replies", "Technical assistance", "Needs by kind of assistance",
        "Changes since the previous cycle", "Compendium of successful practices", "Germany"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  // The annex's timestamps are never broken across lines (once "2026-10-01T09:00:0" / "0Z").
  const std::string annex = text.substr(text.rfind("Annex: responding States"));
  std::size_t whole = 0;
  for (auto at = annex.find("2026-10-01T09:00:00Z"); at != std::string::npos;
       at = annex.find("2026-10-01T09:00:00Z", at + 1))
    ++whole;
  EXPECT_EQ(whole, 5u) << annex;
  test::run("/usr/bin/pdftoppm -r 40 -png -f 2 -l 2 " + file + " " + dir_->file("page"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_->file("page-2.png")) ||
              std::filesystem::exists(dir_->file("page-02.png")));
}

TEST(Charts, DrawAsSvgAndPng) {
  charts::BarChart chart;
  chart.title = "Needs by kind";
  chart.categories = {"Training", "Equipment", "التدريب"};
  chart.series.push_back({"States", {0.5, 0.25, 1.0}, {}});
  const double h3 = charts::chartHeight(chart, 400);
  chart.categories.push_back("Legislative drafting");
  chart.series[0].values.push_back(0.1);
  EXPECT_GT(charts::chartHeight(chart, 400), h3);
  const std::string svg = charts::chartSvg(chart, 400);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  // Laid out once and written as vectors and text (selectable, searchable), never a picture,
  // and as tall as the chart measures.
  EXPECT_EQ(svg.find("<image"), std::string::npos) << svg.substr(0, 2000);
  EXPECT_NE(svg.find("<rect"), std::string::npos);
  EXPECT_NE(svg.find(">Legislative drafting</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">التدريب</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("height=\"" +
                     std::to_string(static_cast<int>(std::ceil(charts::chartHeight(chart, 400)))) + "pt\""),
            std::string::npos)
      << svg.substr(0, 400);
  const std::string png = charts::chartPng(chart, 400, 1.0);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  chart.stacked = true;
  chart.series.push_back({"No", {0.5, 0.75, 0.0, 0.9}, charts::kNoAnswer});
  EXPECT_NE(charts::chartSvg(chart, 400).find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace focal

namespace focal {
namespace {

// A stacked bar's segment too narrow for its value (under about 6%) has it
// written under the bar, and the chart grows to hold it.
TEST(Charts, NarrowSegmentsStillCarryTheirValue) {
  charts::BarChart chart;
  chart.stacked = true;
  chart.categories = {"All responding States (n = 100)", "African States (n = 30)"};
  chart.series.push_back({"Yes", {0.50, 0.70}, {}});
  chart.series.push_back({"No", {0.47, 0.30}, {}});
  chart.series.push_back({"Left blank", {0.03, 0.0}, charts::kNoAnswer});
  const auto notes = charts::narrowSegments(chart, 480);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0], "Left blank 3%");
  EXPECT_EQ(notes[1], "") << "a 0% segment is not drawn, and 30% and 70% carry their value";
  const double withNote = charts::chartHeight(chart, 480);
  chart.series[2].values[0] = 0;
  chart.series[1].values[0] = 0.50;
  EXPECT_TRUE(charts::narrowSegments(chart, 480)[0].empty());
  EXPECT_GT(withNote, charts::chartHeight(chart, 480));
  // Two narrow segments in one bar share the line.
  chart.series[0].values[0] = 0.94;
  chart.series[1].values[0] = 0.04;
  chart.series[2].values[0] = 0.02;
  EXPECT_EQ(charts::narrowSegments(chart, 480)[0], "No 4%, Left blank 2%");
}

}  // namespace
}  // namespace focal
