// Arabic ligatures read back as written by both PDF readers an analyst has:
// pdftotext (poppler, also with -layout) and mutool, in an Arabic national
// report: lam-alef and its hamza and madda forms, lam with alef maksura; the
// pixels of every page exactly those cairo drew; and the content-stream
// rewriting itself (pdf_rtl_ligatures.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "export/print/pdf_rtl_ligatures.h"
#include "export/print/printed_report.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

// لا، لأ، لإ، لآ (lam-alef forms), على and إلى (lam with alef maksura), لي.
const char* kSentence =
    "لا يسمح القانون لأحد بالاتجار بالأشخاص ولإثبات آثاره على الضحايا إلى الدولة التي تلي لآلئ";

// The text with bidi embedding marks dropped and white space made single.
std::string plain(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "\xE2\x80") == 0 && i + 2 < text.size() && text[i + 2] >= '\xAA' &&
        text[i + 2] <= '\xAE') {
      i += 3;  // U+202A-U+202E
    } else if (text[i] == ' ' || text[i] == '\n' || text[i] == '\f' || text[i] == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// Any Arabic presentation form (U+FB50-U+FDFF, U+FE70-U+FEFF) in UTF-8.
bool hasPresentationForm(const std::string& text) {
  return std::regex_search(text,
                           std::regex("\xEF(\xAD[\x90-\xBF]|[\xAE-\xB7][\x80-\xBF]|[\xB9-\xBB][\x80-\xBF])"));
}

std::string arabicReportPdf(const TempDir& dir) {
  NationalReport report = test::exportReport(ReportStatus::Final, "ar");
  ReportContext context(report);
  PrintableReport printable = buildPrintableReport(context, {});
  PrintQuestion q;
  q.number = "9.1";
  q.id = "q_ligatures";
  q.label = "هل يجرم القانون الاتجار بالأشخاص؟";
  q.answered = true;
  q.lines = {kSentence, "The law applies to legal persons — 法人也适用"};
  printable.sections.front().questions.push_back(q);
  const std::string file = dir.file("ligatures-ar.pdf");
  writePdf(printable, file);
  return file;
}

void expectExact(const std::string& reader, const std::string& text) {
  EXPECT_NE(plain(text).find(kSentence), std::string::npos) << reader << ":\n" << plain(text);
  for (const char* word : {"لا", "لأحد", "بالاتجار", "ولإثبات", "على", "إلى", "التي", "تلي", "لآلئ"})
    EXPECT_NE((" " + plain(text) + " ").find(std::string(" ") + word + " "), std::string::npos)
        << reader << ": " << word;
  EXPECT_FALSE(hasPresentationForm(text)) << reader;
  EXPECT_NE(plain(text).find("The law applies to legal persons"), std::string::npos) << reader;
  EXPECT_NE(text.find("法人也适用"), std::string::npos) << reader;
}

TEST(PdfRtlLigatures, PdftotextReadsArabicLigaturesAsWritten) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext (poppler-utils)";
  TempDir dir;
  const std::string file = arabicReportPdf(dir);
  int status = -1;
  expectExact("pdftotext", test::run("/usr/bin/pdftotext -enc UTF-8 '" + file + "' - 2>&1", &status));
  EXPECT_EQ(status, 0);
  expectExact("pdftotext -layout",
              test::run("/usr/bin/pdftotext -layout -enc UTF-8 '" + file + "' - 2>&1", &status));
  EXPECT_EQ(status, 0);
}

TEST(PdfRtlLigatures, MutoolReadsArabicLigaturesAsWritten) {
  if (!test::haveProgram("/usr/bin/mutool")) GTEST_SKIP() << "no mutool (mupdf-tools)";
  TempDir dir;
  const std::string file = arabicReportPdf(dir);
  int status = -1;
  const std::string text = test::run("/usr/bin/mutool draw -q -F txt '" + file + "' 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  expectExact("mutool", text);
}

// The text pass is an incremental update: the file cut at its first %%EOF is
// what cairo drew. Every page of both renders the same pixels.
TEST(PdfRtlLigatures, PixelsAreThoseCairoDrew) {
  if (!test::haveProgram("/usr/bin/pdftoppm")) GTEST_SKIP() << "no pdftoppm (poppler-utils)";
  TempDir dir;
  const std::string file = arabicReportPdf(dir);
  const std::string pdf = test::readFile(file);
  const std::size_t eof = pdf.find("%%EOF");
  ASSERT_NE(eof, std::string::npos);
  ASSERT_GT(pdf.size(), eof + 10) << "no text update was appended";
  const std::string before = dir.file("cairo.pdf");
  test::writeFile(before, pdf.substr(0, eof + 6));
  int status = -1;
  test::run("/usr/bin/pdftoppm -r 100 '" + before + "' '" + dir.file("before") + "' 2>&1", &status);
  ASSERT_EQ(status, 0);
  test::run("/usr/bin/pdftoppm -r 100 '" + file + "' '" + dir.file("after") + "' 2>&1", &status);
  ASSERT_EQ(status, 0);
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("before-", 0) != 0) continue;
    ++pages;
    const std::string after = dir.file("after-" + name.substr(7));
    EXPECT_TRUE(test::readFile(entry.path().string()) == test::readFile(after)) << name;
  }
  EXPECT_GT(pages, 1);
}

TEST(PdfRtlLigatures, ContentShowsInvisibleLettersBeforeTheNarrowedLigature) {
  pdf::LigatureSplit lamAlef;
  lamAlef.letters = {0x0644, 0x0627};
  lamAlef.width = 291;
  lamAlef.invisible = {0x20};
  const std::map<std::string, std::map<unsigned, pdf::LigatureSplit>> fonts = {
      {"f-0-1", {{0x0001, lamAlef}}}};
  const std::string content =
      "BT\n/Span << /ActualText <feff06440627> >> BDC\n/f-0-1 1 Tf\n[<>-100<0002>50<00\n01>]TJ\nEMC\n"
      "/f-0-0 1 Tf\n[<0001>]TJ\nET\n";
  const auto split = pdf::splitLigaturesInContent(content, fonts);
  ASSERT_TRUE(split);
  EXPECT_EQ(*split,
            "BT\n/f-0-1 1 Tf\n[-100 <0002> 50 ]TJ 3 Tr [-291 <0020> 582]TJ 0 Tr [<0001> -291 ]TJ\n"
            "/f-0-0 1 Tf\n[<0001>]TJ\nET\n");
  // A stream that sets its own rendering mode, or shows text in a font it
  // did not set, cannot be split: then no stream is (the narrowed width
  // would move its glyphs).
  EXPECT_FALSE(pdf::splitLigaturesInContent("BT\n/f-0-1 1 Tf\n1 Tr\n<0001>Tj\nET\n", fonts));
  EXPECT_FALSE(pdf::splitLigaturesInContent("BT\n<0001>Tj\nET\n", fonts));
  // One that names none of the fonts is left as it is.
  const std::string other = "BT\n/f-0-0 1 Tf\n1 Tr\n<0001>Tj\nET\n";
  EXPECT_EQ(pdf::splitLigaturesInContent(other, fonts), other);
}

}  // namespace
}  // namespace focal
