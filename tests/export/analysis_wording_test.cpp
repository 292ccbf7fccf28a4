// The analysis worded in the language asked for, through a Translator passed
// to every document (forms/translator.h), never the process's gettext: the
// HTML, the workbook's and CSV's headings and the PDF in Arabic (right to
// left) and the other UN languages, from the project's compiled catalogs
// (build/locale); the CLI's `analyze --language ar`. And the PDF's text
// read back as written: an Arabic and a Chinese answer extracted exactly by
// mutool and pdftotext, from the analysis and the national report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "consolidated_fixtures.h"
#include "export/print/pdf_text_map.h"
#include "export/print/printed_report.h"
#include "export/secretariat/analysis_document.h"
#include "export_fixtures.h"
#include "forms/translator.h"

namespace focal {
namespace {

using test::TempDir;

const char* kMutool = "/usr/bin/mutool";
const char* kPdftotext = "/usr/bin/pdftotext";
const char* kChineseAnswer = "国家转介机制协调警方和收容所";

// A catalog of `language` with `po` entries, compiled with msgfmt into `dir`.
void writeCatalog(const TempDir& dir, const std::string& language, const std::string& po) {
  const auto folder = std::filesystem::path(dir.path()) / language / "LC_MESSAGES";
  std::filesystem::create_directories(folder);
  test::writeFile((folder / "focal.po").string(),
                  "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" + po);
  const std::string command =
      "msgfmt -o '" + (folder / "focal.mo").string() + "' '" + (folder / "focal.po").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(Translator, ReadsOneLanguagesCatalogWithItsPluralForms) {
  TempDir dir;
  writeCatalog(dir, "ru",
               "msgid \"Left blank\"\nmsgstr \"Не заполнено\"\n\n"
               "msgid \"file\"\nmsgid_plural \"files\"\nmsgstr[0] \"файл\"\nmsgstr[1] \"файла\"\n"
               "msgstr[2] \"файлов\"\n");
  writeCatalog(
      dir, "ar",
      "msgid \"State {} of {}\"\nmsgstr \"الدولة {} من {}\"\n\n"
      "msgid \"file\"\nmsgid_plural \"files\"\nmsgstr[0] \"ص0\"\nmsgstr[1] \"ص1\"\nmsgstr[2] \"ص2\"\n"
      "msgstr[3] \"ص3\"\nmsgstr[4] \"ص4\"\nmsgstr[5] \"ص5\"\n");
  const Translator ru = Translator::fromDirectory("ru", dir.path());
  ASSERT_TRUE(ru.hasCatalog());
  EXPECT_STREQ(ru.tr("Left blank"), "Не заполнено");
  EXPECT_STREQ(ru.tr("Not in the catalog"), "Not in the catalog");
  EXPECT_EQ(ru.plural(1, "file", "files"), "1 файл");
  EXPECT_EQ(ru.plural(3, "file", "files"), "3 файла");
  EXPECT_EQ(ru.plural(11, "file", "files"), "11 файлов");
  EXPECT_EQ(ru.plural(22, "file", "files"), "22 файла");
  const Translator ar = Translator::fromDirectory("ar", dir.path());
  EXPECT_EQ(ar.msg("State {} of {}", 3, 5), "الدولة 3 من 5");
  EXPECT_EQ(ar.plural(0, "file", "files"), "0 ص0");
  EXPECT_EQ(ar.plural(2, "file", "files"), "2 ص2");
  EXPECT_EQ(ar.plural(7, "file", "files"), "7 ص3");
  EXPECT_EQ(ar.plural(50, "file", "files"), "50 ص4");
  EXPECT_EQ(ar.plural(100, "file", "files"), "100 ص5");
  // English, and a language without a catalog, give the messages as written.
  EXPECT_STREQ(Translator().tr("Left blank"), "Left blank");
  EXPECT_EQ(Translator().plural(2, "file", "files"), "2 files");
  const Translator de = Translator::fromDirectory("de", dir.path());
  EXPECT_FALSE(de.hasCatalog());
  EXPECT_STREQ(de.tr("Left blank"), "Left blank");
}

TEST(PdfTextMap, PresentationFormsAreDecomposedIntoTheirLetters) {
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin\n3 beginbfchar\n<0001> <0627>\n<000b> <fefb>\n<000c> <fb01>\n"
      "endbfchar\n1 beginbfrange\n<0020> <0021> <fefb>\nendbfrange\nend\n";
  const std::string fixed = pdf::decomposedToUnicode(cmap);
  EXPECT_NE(fixed.find("<0001> <0627>\n"), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("<000b> <06440627>\n"), std::string::npos) << fixed;  // lam, alef
  EXPECT_NE(fixed.find("<000c> <00660069>\n"), std::string::npos) << fixed;  // f, i
  EXPECT_NE(pdf::decomposedToUnicode("1 beginbfchar\n<0005> <2e3a>\nendbfchar\n").find("<0005> <20142014>"),
            std::string::npos);  // "——", which Noto Sans CJK draws with one glyph
  EXPECT_NE(fixed.find("<0020> <0021> <fefb>"), std::string::npos) << fixed;  // ranges are left alone
  EXPECT_EQ(pdf::decomposedToUnicode("1 beginbfchar\n<0001> <0627>\nendbfchar\n"),
            "1 beginbfchar\n<0001> <0627>\nendbfchar\n");
}

class AnalysisWording : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The project's catalogs, as compiled by the build (po/CMakeLists.txt).
    setenv("FOCAL_LOCALE_DIR", FOCAL_LOCALE_DIR, 1);
    dir_ = new TempDir;
    const auto files = test::writeReplies(*dir_);
    store_ = dir_->file("store.focaldb");
    ConsolidatedStore store(store_);
    test::trustFixtures(store);
    ASSERT_EQ(mergeReports(store, files).imported, files.size());
  }
  static void TearDownTestSuite() {
    unsetenv("FOCAL_LOCALE_DIR");
    delete dir_;
  }
  static Analysis analysis(const std::string& language) {
    ConsolidatedStore store(store_, ConsolidatedStore::Options{true, false, false});
    return analyse(loadAnalysisInput(store, "analysis-test", test::testGroups(), language));
  }
  static std::string html(const Analysis& a, const std::string& name) {
    const std::string file = dir_->file(name);
    writeAnalysis(a, AnalysisFormat::Html, file);
    return test::readFile(file);
  }
  static TempDir* dir_;
  static std::string store_;
};
TempDir* AnalysisWording::dir_ = nullptr;
std::string AnalysisWording::store_;

TEST_F(AnalysisWording, ArabicHtmlIsRightToLeftAndWordedInArabic) {
  const Analysis a = analysis("ar");
  ASSERT_TRUE(a.translator.hasCatalog()) << "no Arabic catalog in " << FOCAL_LOCALE_DIR;
  const std::string page = html(a, "ar.html");
  EXPECT_NE(page.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  for (const char* english : {"Analysis of the national replies", "Contents", "Left blank"}) {
    EXPECT_EQ(page.find(english), std::string::npos) << english << " left in English";
    EXPECT_NE(page.find(a.tr(english)), std::string::npos) << english;
    EXPECT_STRNE(a.tr(english), english);
  }
}

TEST_F(AnalysisWording, EveryLanguageWordsTheDocumentAndTheTablesHeadings) {
  const Analysis english = analysis("en");
  const auto englishTables = analysisTables(english);
  for (const char* language : {"fr", "es", "ar", "ru", "zh"}) {
    const Analysis a = analysis(language);
    EXPECT_EQ(a.language, language);
    ASSERT_TRUE(a.translator.hasCatalog()) << language;
    const std::string page = html(a, std::string(language) + ".html");
    EXPECT_NE(page.find("<html lang=\"" + std::string(language) + "\""), std::string::npos) << language;
    EXPECT_NE(page.find(a.tr("Analysis of the national replies")), std::string::npos) << language;
    EXPECT_EQ(page.find("Analysis of the national replies"), std::string::npos) << language;
    // The workbook's and the CSV files' headings: each table's title is worded.
    const auto tables = analysisTables(a);
    ASSERT_EQ(tables.size(), englishTables.size());
    for (std::size_t t = 0; t < tables.size(); ++t) {
      EXPECT_NE(tables[t].title, englishTables[t].title) << language << ": " << englishTables[t].title;
      EXPECT_NE(csvText(tables[t]), csvText(englishTables[t])) << language;
    }
  }
}

TEST_F(AnalysisWording, CliAnalyzeInArabicIsWordedAndRightToLeft) {
  if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
  const std::string out = dir_->file("cli-ar.html");
  int status = -1;
  // Without FOCAL_LOCALE_DIR: the CLI finds the build's catalogs beside itself.
  const std::string log =
      test::run("env -u FOCAL_LOCALE_DIR -u LANGUAGE LC_ALL=C " + std::string(FOCAL_CLI) + " analyze '" +
                    store_ + "' --questionnaire analysis-test --language ar -o '" + out + "' 2>&1",
                &status);
  ASSERT_EQ(status, 0) << log;
  const std::string page = test::readFile(out);
  EXPECT_NE(page.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(page.find("تحليل الردود الوطنية"), std::string::npos);  // "Analysis of the national replies"
  EXPECT_EQ(page.find("Analysis of the national replies"), std::string::npos);
}

std::string mutoolText(const std::string& pdf) {
  int status = -1;
  const std::string text =
      test::run(std::string(kMutool) + " draw -q -F txt '" + pdf + "' 2>/dev/null", &status);
  EXPECT_EQ(status, 0) << text;
  return text;
}

std::string pdftotextText(const std::string& pdf) {
  int status = -1;
  const std::string text = test::run(std::string(kPdftotext) + " -enc UTF-8 '" + pdf + "' - 2>&1", &status);
  EXPECT_EQ(status, 0) << text;
  return text;
}

TEST_F(AnalysisWording, ArabicAnalysisPdfIsExtractedAsWritten) {
  if (!test::haveProgram(kMutool)) GTEST_SKIP() << "no " << kMutool << " (mupdf-tools)";
  const Analysis a = analysis("ar");
  AnalysisDocument document = analysisDocument(a);
  document.blocks.emplace_back(DocParagraph{kChineseAnswer, DocParagraph::Style::Quote, "zh"});
  const std::string file = dir_->file("ar.pdf");
  writePdf(document, file);
  const std::string text = mutoolText(file);
  EXPECT_NE(text.find("تحليل الردود الوطنية"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find(test::kArabicPractice), std::string::npos);  // its lam-alef (لإ) as two letters
  EXPECT_EQ(text.find("\uFEF9"), std::string::npos);
  EXPECT_EQ(text.find("\uFEFB"), std::string::npos);
  EXPECT_NE(text.find(kChineseAnswer), std::string::npos);
  if (test::haveProgram(kPdftotext)) {
    const std::string poppler = pdftotextText(file);
    EXPECT_NE(poppler.find(kChineseAnswer), std::string::npos);
    EXPECT_NE(poppler.find(test::kArabicPractice), std::string::npos) << poppler;  // لإ not reversed
  }
}

TEST_F(AnalysisWording, ChineseAnalysisPdfIsExtractedAsWritten) {
  if (!test::haveProgram(kMutool)) GTEST_SKIP() << "no " << kMutool << " (mupdf-tools)";
  const Analysis a = analysis("zh");
  const std::string file = dir_->file("zh.pdf");
  writeAnalysis(a, AnalysisFormat::Pdf, file);
  const std::string text = mutoolText(file);
  EXPECT_NE(text.find(a.tr("Analysis of the national replies")), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("\u2014\u2014"), std::string::npos);  // "——" in the response rate's sentence
  EXPECT_EQ(text.find("\u2E3A"), std::string::npos);        // not the two-em dash glyph's U+2E3A
}

TEST(NationalPdfText, ArabicAndChineseAnswersAreExtractedAsWritten) {
  if (!test::haveProgram(kMutool)) GTEST_SKIP() << "no " << kMutool << " (mupdf-tools)";
  NationalReport report = test::exportReport();
  ReportContext context(report);
  PrintableReport printable = buildPrintableReport(context, {});
  const std::string arabic = "لا يسمح القانون الجديد بالاتجار بالأشخاص";
  PrintQuestion q;
  q.number = "9.1";
  q.id = "q_text";
  q.label = "Answers in two scripts";
  q.answered = true;
  q.lines = {arabic, kChineseAnswer};
  printable.sections.front().questions.push_back(q);
  TempDir dir;
  const std::string file = dir.file("national.pdf");
  writePdf(printable, file);
  const std::string text = mutoolText(file);
  EXPECT_NE(text.find(arabic), std::string::npos) << text;
  EXPECT_EQ(text.find("\uFEFB"), std::string::npos);
  EXPECT_NE(text.find(kChineseAnswer), std::string::npos);
  if (test::haveProgram(kPdftotext)) {
    const std::string poppler = pdftotextText(file);
    EXPECT_NE(poppler.find(kChineseAnswer), std::string::npos) << poppler;
    // Words whole ("القانون" never "قا نون") and lam-alef not reversed ("لا", never "ال").
    EXPECT_NE(poppler.find(arabic), std::string::npos) << poppler;
    for (const char* word : {"القانون", "الجديد", "يسمح"}) {
      EXPECT_NE(poppler.find(word), std::string::npos) << word << "\n" << poppler;
    }
  }
}

}  // namespace
}  // namespace focal
