// Keep-with-next in printed output: a heading (a question's label) never
// stands alone at the foot of a page; it moves to the next page with the
// start of what follows. Checked with pdftotext page by page, on the
// national report (pdf_flow) and on the analysis PDF (analysis_pdf.cpp),
// with contents whose lengths vary so that headings fall at every height
// of a page. Skipped without poppler-utils.
#include <gtest/gtest.h>

#include <regex>

#include "export/print/printed_report.h"
#include "export/secretariat/analysis_document.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

const char* kPdftotext = "/usr/bin/pdftotext";

// The text of each page of `pdf`.
std::vector<std::string> pageTexts(const std::string& pdf) {
  int status = -1;
  const std::string info = test::run("/usr/bin/pdfinfo '" + pdf + "'", &status);
  std::smatch pages;
  EXPECT_TRUE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)"))) << info;
  std::vector<std::string> out;
  const int count = pages.empty() ? 0 : std::stoi(pages[1].str());
  for (int n = 1; n <= count; ++n)
    out.push_back(test::run(std::string(kPdftotext) + " -enc UTF-8 -f " + std::to_string(n) + " -l " +
                            std::to_string(n) + " '" + pdf + "' -"));
  return out;
}

// The page (1-based) whose text holds `text`, 0 if none.
int pageOf(const std::vector<std::string>& pages, const std::string& text) {
  for (std::size_t p = 0; p < pages.size(); ++p)
    if (pages[p].find(text) != std::string::npos) return static_cast<int>(p) + 1;
  return 0;
}

std::string filler(int words) {
  std::string out;
  for (int i = 0; i < words; ++i) out += i % 9 == 8 ? "protection. " : "victims ";
  return out;
}

TEST(KeepWithNext, NationalReportKeepsEachLabelWithItsAnswer) {
  if (!test::haveProgram(kPdftotext)) GTEST_SKIP() << "no " << kPdftotext << " (poppler-utils)";
  NationalReport report = test::exportReport();
  ReportContext context(report);
  PrintableReport printable = buildPrintableReport(context, {});
  PrintSection section = printable.sections.front();
  section.questions.clear();
  constexpr int kQuestions = 70;
  for (int i = 1; i <= kQuestions; ++i) {
    PrintQuestion q;
    q.number = "1." + std::to_string(i);
    q.id = "q_" + std::to_string(i);
    q.label = "Label" + std::to_string(i) + " of the test, " + filler(4 + (i * 7) % 23);
    q.answered = true;
    switch (i % 4) {
      case 0: {
        PrintTable t;
        t.header = {"", "Women", "Men"};
        t.rows.push_back({"Row" + std::to_string(i) + "first", {"1", "2"}, false});
        t.rows.push_back({"2023", {"3", "4"}, false});
        q.table = t;
        break;
      }
      case 1:
        q.fields.push_back({"Title", "Field" + std::to_string(i) + "first " + filler(i % 30), false});
        q.fields.push_back({"Article", "Art. 5", false});
        break;
      default:
        q.lines.push_back("Answer" + std::to_string(i) + "first " + filler(3 + (i * 13) % 90));
    }
    section.questions.push_back(std::move(q));
  }
  printable.sections = {section};
  TempDir dir;
  const std::string file = dir.file("keep.pdf");
  writePdf(printable, file);
  const auto pages = pageTexts(file);
  ASSERT_GT(pages.size(), 4u);
  for (int i = 1; i <= kQuestions; ++i) {
    const std::string n = std::to_string(i);
    const int label = pageOf(pages, "Label" + n + " ");
    const std::string answer = i % 4 == 0   ? "Row" + n + "first"
                               : i % 4 == 1 ? "Field" + n + "first"
                                            : "Answer" + n + "first";
    ASSERT_GT(label, 0) << n;
    EXPECT_EQ(label, pageOf(pages, answer))
        << "the label of question " << n << " is alone at the foot of page " << label;
  }
}

TEST(KeepWithNext, AnalysisPdfKeepsEachHeadingWithItsChartOrTable) {
  if (!test::haveProgram(kPdftotext)) GTEST_SKIP() << "no " << kPdftotext << " (poppler-utils)";
  AnalysisDocument document;
  document.title = "Analysis";
  document.subtitle = "Keep with next";
  document.language = "en";
  document.blocks.emplace_back(DocHeading{1, "Answers by question"});
  constexpr int kQuestions = 60;
  for (int i = 1; i <= kQuestions; ++i) {
    const std::string n = std::to_string(i);
    if (i % 6 == 1) document.blocks.emplace_back(DocHeading{2, "Section" + n + " of the test"});
    document.blocks.emplace_back(DocHeading{3, "Heading" + n + " " + filler(3 + (i * 5) % 17)});
    if (i % 4 == 2)  // a conditional question's note between its heading and its chart
      document.blocks.emplace_back(
          DocParagraph{"Applies to " + n + " of 60 responding States", DocParagraph::Style::Note, ""});
    if (i % 3 == 0) {
      AnalysisTable t{"t" + n, "", {{"State", 30}, {"Answer", 60}}, {}};
      t.rows.push_back({TableCell::str("Cell" + n + "first"), TableCell::str(filler(8))});
      t.rows.push_back({TableCell::str("France"), TableCell::str(filler(5))});
      document.blocks.emplace_back(DocTable{t});
    } else {
      charts::BarChart chart;
      chart.title = "Chart" + n + "title";
      chart.categories = {"Yes", "No", "No answer"};
      chart.categories.resize(3 + (i * 7) % 11, "Other");
      chart.series.push_back({"States", std::vector<double>(chart.categories.size(), 0.3), {}});
      document.blocks.emplace_back(DocChart{chart, "chart " + n});
    }
    if (i % 2)
      document.blocks.emplace_back(DocParagraph{filler((i * 11) % 70), DocParagraph::Style::Body, ""});
  }
  TempDir dir;
  const std::string file = dir.file("analysis.pdf");
  writePdf(document, file);
  const auto pages = pageTexts(file);
  ASSERT_GT(pages.size(), 4u);
  for (int i = 1; i <= kQuestions; ++i) {
    const std::string n = std::to_string(i);
    const int heading = pageOf(pages, "Heading" + n + " ");
    ASSERT_GT(heading, 0) << n;
    const std::string next = i % 3 == 0 ? "Cell" + n + "first" : "Chart" + n + "title";
    EXPECT_EQ(heading, pageOf(pages, next)) << "heading " << n << " is alone at the foot of page " << heading;
    if (i % 6 == 1) {
      EXPECT_EQ(pageOf(pages, "Section" + n + " "), heading) << n;
    }
  }
}

}  // namespace
}  // namespace focal
