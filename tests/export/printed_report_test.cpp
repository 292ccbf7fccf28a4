// The printable report: its document (relevant questions only, unanswered
// ones marked, tables with totals, records), the PDF read back by
// pdftotext, and the HTML's escaping and direction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <regex>

#include "export/print/printed_report.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;
using testing::Not;

const PrintQuestion* findQuestion(const PrintableReport& r, const std::string& id) {
  for (const auto& s : r.sections)
    for (const auto& q : s.questions)
      if (q.id == id) return &q;
  return nullptr;
}

TEST(PrintedReport, HoldsRelevantQuestionsWithTheirAnswersInReadingForm) {
  ReportInput input = test::exportInput();
  std::erase_if(input.answers, [](const ReportAnswer& a) { return a.path == "q_7"; });
  NationalReport report = assembleReport(input);
  ReportContext context(report);
  PrintableReport p = buildPrintableReport(context, {"3F2A 9C01 77B0 12DE 4C55 0A9E 8812 F0C3"});
  EXPECT_EQ(p.stateName, "France");
  EXPECT_EQ(p.questionnaire, "export-test, version 1.0.0");
  EXPECT_TRUE(p.draft);
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[0].references, "Trafficking in Persons Protocol, art. 5, para. 1");
  EXPECT_EQ(findQuestion(p, "q_1_b"), nullptr) << "not relevant, so not printed";
  const PrintQuestion* yes = findQuestion(p, "q_1");
  ASSERT_TRUE(yes);
  EXPECT_EQ(yes->number, "1.1");
  EXPECT_THAT(yes->lines, testing::ElementsAre("Yes"));
  const PrintQuestion* date = findQuestion(p, "q_7");
  ASSERT_TRUE(date);
  EXPECT_FALSE(date->answered);
  EXPECT_EQ(date->missing, "Not answered");
  const PrintQuestion* forms = findQuestion(p, "q_2");
  EXPECT_TRUE(forms->list);
  EXPECT_THAT(forms->lines, testing::ElementsAre("Sexual exploitation", HasSubstr("Other: =HYPERLINK")));
  const PrintQuestion* law = findQuestion(p, "q_5");
  ASSERT_EQ(law->fields.size(), 3u);
  EXPECT_EQ(law->fields[1].value, "Art. 225-4-1");
  EXPECT_EQ(findQuestion(p, "q_8")->comment, "+1 estimate from the police");
  const PrintQuestion* table = findQuestion(p, "q_9");
  ASSERT_TRUE(table->table);
  EXPECT_THAT(table->table->header, testing::ElementsAre("", "Women", "Men", "Total"));
  ASSERT_EQ(table->table->rows.size(), 3u);
  EXPECT_THAT(table->table->rows[0].cells, testing::ElementsAre("10", "5", "15"));
  EXPECT_TRUE(table->table->rows[2].total);
  EXPECT_THAT(table->table->rows[2].cells, testing::ElementsAre("17", "5", "22"));
  const PrintQuestion* records = findQuestion(p, "q_10");
  ASSERT_EQ(records->records.size(), 2u);
  EXPECT_EQ(records->records[1].title, "Record 2");
  EXPECT_EQ(records->records[1].fields[0].value, "China");
  EXPECT_TRUE(records->records[1].fields[2].missing);
  EXPECT_EQ(findQuestion(p, "q_11")->lines, std::vector<std::string>{"2"});
  ASSERT_EQ(p.attachments.size(), 1u);
  EXPECT_EQ(p.attachments[0].name, "law.txt");
  EXPECT_EQ(p.attachments[0].question, "1.7 Attach the law.")
      << "numbered by position in the questionnaire (q_1_b counts although not relevant), as in every reply";
}

TEST(PrintedReport, LabelsFollowTheReportLanguage) {
  NationalReport report = test::exportReport(ReportStatus::Final, "ar");
  ReportContext context(report);
  PrintableReport p = buildPrintableReport(context, {});
  EXPECT_TRUE(p.rightToLeft);
  EXPECT_EQ(p.stateName, "فرنسا");
  EXPECT_EQ(p.status, "نهائي");
  EXPECT_EQ(findQuestion(p, "q_1")->lines[0], "نعم");
  EXPECT_EQ(findQuestion(p, "q_1")->label, "هل الاتجار بالأشخاص جريمة؟");
  ReportContext chinese(report, "zh");
  EXPECT_EQ(buildPrintableReport(chinese, {}).stateName, "法国");
}

TEST(PrintedReport, HtmlEscapesEverythingAndRunsRightToLeftInArabic) {
  ReportInput input = test::exportInput();
  input.preparer = "<img src=x onerror=alert(1)> & \"Co\"";
  input.answers.push_back(
      {"q_7@comment", "See the \u202Efdp.exe\u202C file", "maria", "2026-11-05T10:22:31.123Z"});
  NationalReport report = assembleReport(input);
  ReportContext context(report);
  std::string html = htmlText(buildPrintableReport(context, {}));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, HasSubstr("Penal Code &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;"));
  EXPECT_THAT(html, HasSubstr("dir=\"ltr\""));
  EXPECT_THAT(html, HasSubstr("Content-Security-Policy"));
  EXPECT_THAT(html, Not(HasSubstr("src=\"http"))) << "self-contained";
  EXPECT_THAT(html, HasSubstr(test::kChineseAnswer));
  // A bidi override in an answer is shown, not obeyed.
  EXPECT_THAT(html, HasSubstr("See the [U+202E]fdp.exe[U+202C] file"));
  EXPECT_THAT(html, Not(HasSubstr("\u202E")));
  NationalReport arabic = test::exportReport(ReportStatus::Draft, "ar");
  ReportContext arabicContext(arabic);
  std::string ar = htmlText(buildPrintableReport(arabicContext, {}));
  EXPECT_THAT(ar, HasSubstr("<html lang=\"ar\" dir=\"rtl\">"));
  EXPECT_THAT(ar, HasSubstr("المحتويات"));
}

std::string pdfText(const std::string& pdf) {
  return test::run("/usr/bin/pdftotext -enc UTF-8 '" + pdf + "' - 2>&1");
}

// The text as written: bidi embedding marks (pdftotext's) dropped and line
// breaks read as spaces; the words and their letters compared exactly.
std::string comparable(std::string text) {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark))
      text.erase(at, std::strlen(mark));
  }
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

TEST(PrintedReport, PdfTextHoldsTheArabicAndChineseAnswers) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  TempDir dir;
  NationalReport report = test::exportReport();
  ReportContext context(report);
  const std::string file = dir.file("report.pdf");
  exportPdf(context, {"3F2A 9C01 77B0 12DE 4C55 0A9E 8812 F0C3"}, file);
  const std::string text = pdfText(file);
  EXPECT_THAT(text, HasSubstr("National report"));
  EXPECT_THAT(text, HasSubstr("France"));
  EXPECT_THAT(text, HasSubstr("3F2A 9C01 77B0 12DE 4C55 0A9E 8812 F0C3"));
  EXPECT_THAT(text, HasSubstr("Contents"));
  EXPECT_THAT(text, HasSubstr(test::kChineseAnswer));
  EXPECT_THAT(comparable(text), HasSubstr(comparable(test::kArabicAnswer)));
  EXPECT_THAT(text, HasSubstr("Not answered"));
  int status = -1;
  std::string info = test::run("/usr/bin/pdfinfo '" + file + "'", &status);
  std::smatch pages;
  ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)")));
  EXPECT_THAT(text, HasSubstr("Page 2 of " + pages[1].str()));
  EXPECT_THAT(text, HasSubstr("Page " + pages[1].str() + " of " + pages[1].str()));
}

TEST(PrintedReport, ArabicPdfIsShapedAndReadable) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  TempDir dir;
  NationalReport report = test::exportReport(ReportStatus::Final, "ar");
  ReportContext context(report);
  const std::string file = dir.file("report-ar.pdf");
  exportPdf(context, {}, file);
  const std::string text = pdfText(file);
  EXPECT_THAT(comparable(text), HasSubstr(comparable("التقرير الوطني")));
  EXPECT_THAT(text, HasSubstr("فرنسا"));
  EXPECT_THAT(comparable(text), HasSubstr(comparable(test::kArabicAnswer)));
  EXPECT_THAT(comparable(text), HasSubstr(comparable("هل الاتجار بالأشخاص جريمة؟")));
  EXPECT_THAT(text, HasSubstr(test::kChineseAnswer));
  // The fonts that carry each script are embedded.
  std::string fonts = test::run("/usr/bin/pdffonts '" + file + "' 2>&1");
  EXPECT_THAT(fonts, HasSubstr("NotoSansArabic"));
  EXPECT_THAT(fonts, HasSubstr("NotoSansCJK"));
}

TEST(PrintedReport, LongAnswersBreakAcrossPages) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  TempDir dir;
  ReportInput input = test::exportInput();
  std::string longText;
  for (int i = 0; i < 400; ++i) longText += "Paragraph " + std::to_string(i) + " of a long description.\n";
  for (auto& a : input.answers)
    if (a.path == "q_3") a.value = longText + "THE END";
  NationalReport report = assembleReport(input);
  ReportContext context(report);
  const std::string file = dir.file("long.pdf");
  exportPdf(context, {}, file);
  const std::string text = pdfText(file);
  EXPECT_THAT(text, HasSubstr("Paragraph 399 of a long description."));
  EXPECT_THAT(text, HasSubstr("THE END"));
}

}  // namespace
}  // namespace focal
