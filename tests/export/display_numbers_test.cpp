// `number:` (issue 15): the number an author gives a section or a question
// is printed as written in every report and export that shows a number (the
// printed report, its HTML anchors, the codebook, the XLSX "Questions"
// sheet); questions without one are numbered by their position in the
// questionnaire, the same in every State's report whatever is relevant.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/data/codebook.h"
#include "export/data/data_exports.h"
#include "export/print/printed_report.h"
#include "export/report/report_context.h"
#include "export_fixtures.h"

namespace focal::test {
namespace {

using testing::HasSubstr;

const char* kNumbered = R"yaml(focal: 1
id: numbered
title: {en: Numbered}
instrument: tip
cycle: 1
version: '1'
languages: [en]
sections:
  - id: first
    title: {en: First}
    questions:
      - {id: gate, type: yes_no, label: {en: Gate}}
      - {id: hidden, type: text, label: {en: Only if no}, relevant: "${gate} = 'no'"}
      - {id: after, type: text, label: {en: After the hidden one}}
  - id: victims
    number: "Part <II>"
    title: {en: Victims}
    questions:
      - {id: q_9_3, type: yes_no, number: "9.3", label: {en: "Are shelters available?"}}
      - id: q_9_3_a
        type: integer
        number: "9.3 (a)"
        label: {en: "If yes to 9.3, how many?"}
        relevant: "${q_9_3} = 'yes'"
      - {id: plain, type: text, label: {en: No number given}}
)yaml";

std::shared_ptr<const Questionnaire> numbered() {
  static auto q = [] {
    LoadResult result = loadQuestionnaireText(kNumbered, "numbered.yaml");
    EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].format());
    return result.questionnaire;
  }();
  return q;
}

NationalReport numberedReport() {
  ReportInput input;
  input.questionnaire = numbered();
  input.state = "FRA";
  input.language = "en";
  input.answers = {{"gate", "yes", "maria", "2026-11-05T10:22:31.123Z"},
                   {"after", "text", "maria", "2026-11-05T10:22:31.123Z"},
                   {"q_9_3", "yes", "maria", "2026-11-05T10:22:31.123Z"},
                   {"q_9_3_a", "4", "maria", "2026-11-05T10:22:31.123Z"}};
  input.exportedAt = "2026-11-29T09:00:00Z";
  input.today = "2026-11-29";
  return assembleReport(input);
}

TEST(DisplayNumbers, ThePrintedReportUsesThemAndOtherwiseThePosition) {
  NationalReport report = numberedReport();
  ReportContext context(report);
  PrintableReport p = buildPrintableReport(context, {});
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "1");
  ASSERT_EQ(p.sections[0].questions.size(), 2u);  // `hidden` is not relevant, so not printed
  EXPECT_EQ(p.sections[0].questions[1].id, "after");
  EXPECT_EQ(p.sections[0].questions[1].number, "1.3") << "its position, whatever is relevant";
  EXPECT_EQ(p.sections[1].number, "Part <II>");
  ASSERT_EQ(p.sections[1].questions.size(), 3u);
  EXPECT_EQ(p.sections[1].questions[0].number, "9.3");
  EXPECT_EQ(p.sections[1].questions[1].number, "9.3 (a)");
  EXPECT_EQ(p.sections[1].questions[2].number, "Part <II>.3");

  // The HTML: the numbers escaped, the section's anchor a valid id.
  const std::string html = htmlText(p);
  EXPECT_THAT(html, HasSubstr("<a href=\"#sPart_20_3cII_3e\">Part &lt;II&gt; Victims</a>"));
  EXPECT_THAT(html, HasSubstr("<section id=\"sPart_20_3cII_3e\""));
  EXPECT_THAT(html, HasSubstr(">9.3 (a)</span>"));
  EXPECT_THAT(html, testing::Not(HasSubstr("Part <II>")));
}

TEST(DisplayNumbers, TheCodebookAndTheXlsxQuestionsSheetUseThem) {
  const Codebook book = buildCodebook(numbered(), "en");
  std::map<std::string, std::string> numbers;
  for (const auto& e : book.entries) numbers[e.spss] = e.number;
  EXPECT_EQ(numbers["after"], "1.3");
  EXPECT_EQ(numbers["q_9_3"], "9.3");
  EXPECT_EQ(numbers["q_9_3_a"], "9.3 (a)");

  int status = 0;
  if (run("/usr/bin/python3 -c 'import openpyxl' 2>&1", &status), status != 0) GTEST_SKIP() << "no openpyxl";
  TempDir dir;
  NationalReport report = numberedReport();
  ReportContext context(report);
  exportXlsx(context, dir.file("r.xlsx"));
  writeFile(dir.file("read.py"),
            "import openpyxl, sys\n"
            "ws = openpyxl.load_workbook(sys.argv[1])['Questions']\n"
            "for r in ws.iter_rows(values_only=True): print(r[0], '|', r[1], '|', r[6])\n");
  EXPECT_EQ(run("/usr/bin/python3 '" + dir.file("read.py") + "' '" + dir.file("r.xlsx") + "' 2>&1", &status),
            "question | section | number\n"
            "gate | 1 | 1.1\n"
            "hidden | 1 | 1.2\n"
            "after | 1 | 1.3\n"
            "q_9_3 | Part <II> | 9.3\n"
            "q_9_3_a | Part <II> | 9.3 (a)\n"
            "plain | Part <II> | Part <II>.3\n");
  EXPECT_EQ(status, 0);
}

}  // namespace
}  // namespace focal::test
