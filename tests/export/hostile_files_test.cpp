// Reports crafted against the reader (issue 9): SQL in text fields, file
// names that climb out of a folder, a header that declares a huge database,
// pages overwritten with garbage, a database bigger than the cap. Each is
// read as data or refused with a reason; none crashes or writes anything.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "export/report/report_file.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

std::string reportBytes(const NationalReport& report, const SigningKey* key) {
  TempDir dir;
  writeReportFile(report, dir.file("r.focalreport"), key);
  return test::readFile(dir.file("r.focalreport"));
}

ReportCheck verify(const std::string& bytes) {
  return readReportBytes(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
}

TEST(HostileReports, SqlInTextFieldsIsKeptAsText) {
  NationalReport report = test::exportReport();
  const std::string payload = "x'); DROP TABLE answers; --";
  report.answers.front().value = payload;
  report.metadata.preparer = "Robert'); DELETE FROM metadata; --";
  report.sort();
  const SigningKey key = SigningKey::generate();
  const ReportCheck check = verify(reportBytes(report, &key));
  ASSERT_EQ(check.verdict, ReportVerdict::Intact) << check.reason;
  EXPECT_EQ(check.report->answers.front().value, payload);
  EXPECT_EQ(check.report->metadata.preparer, report.metadata.preparer);
}

TEST(HostileReports, AttachmentNamesCannotLeaveTheFolder) {
  NationalReport report = test::exportReport();
  ASSERT_FALSE(report.attachments.empty());
  for (const std::string& name :
       std::vector<std::string>{"../../../etc/passwd", "/etc/passwd", "..\\..\\boot.ini", "..", ".bashrc",
                                "law\u202Etxt.exe", "law\u2067txt\u200F.exe", std::string("a\0b", 3), ""}) {
    report.attachments.front().name = name;
    const ReportCheck check = verify(reportBytes(report, nullptr));
    if (!check.report) {
      EXPECT_FALSE(check.reason.empty());
      continue;
    }
    const std::string safe = safeFileName(check.report->attachments.front().name);
    EXPECT_FALSE(safe.empty()) << name;
    EXPECT_EQ(safe.find('/'), std::string::npos) << name;
    EXPECT_EQ(safe.find('\\'), std::string::npos) << name;
    EXPECT_NE(safe.front(), '.') << name;
    for (const char* bidi : {"\u202E", "\u2067", "\u200F"})
      EXPECT_EQ(safe.find(bidi), std::string::npos) << name;
    EXPECT_EQ(std::filesystem::path(safe).filename().string(), safe) << name;
  }
}

TEST(HostileReports, AHeaderDeclaringAHugeDatabaseIsRefused) {
  std::string bytes = reportBytes(test::exportReport(), nullptr);
  ASSERT_GT(bytes.size(), 100u);
  // Bytes 28-31: the database size in pages; 16-17: the page size.
  for (int i = 28; i < 32; ++i) bytes[i] = '\x7F';
  const ReportCheck check = verify(bytes);
  EXPECT_NE(check.verdict, ReportVerdict::Intact);
  EXPECT_FALSE(check.reason.empty());
  bytes[16] = '\x00';
  bytes[17] = '\x01';  // page size 1: invalid
  EXPECT_EQ(verify(bytes).verdict, ReportVerdict::Unreadable);
}

TEST(HostileReports, GarbagePagesAreRefusedWithAReason) {
  const SigningKey key = SigningKey::generate();
  const std::string original = reportBytes(test::exportReport(), &key);
  const std::size_t page = 4096;
  ASSERT_GE(original.size(), 3 * page);
  for (std::size_t p = 0; p * page < original.size(); ++p) {
    std::string bytes = original;
    for (std::size_t i = p * page; i < std::min(bytes.size(), (p + 1) * page); ++i)
      bytes[i] = static_cast<char>((i * 131 + 7) & 0xFF);
    const ReportCheck check = verify(bytes);
    EXPECT_NE(check.verdict, ReportVerdict::Intact) << "page " << p;
    EXPECT_FALSE(check.report.has_value() && check.verdict == ReportVerdict::Unreadable) << "page " << p;
    EXPECT_FALSE(check.reason.empty()) << "page " << p;
  }
}

TEST(HostileReports, AFileOverTheSizeCapIsNotRead) {
  TempDir dir;
  const std::string file = dir.file("big.focalreport");
  std::string bytes = reportBytes(test::exportReport(), nullptr);
  VerifyOptions options;
  options.limits.maxFileBytes = bytes.size() - 1;
  test::writeFile(file, bytes);
  const ReportCheck check = readReportFile(file, options);
  EXPECT_EQ(check.verdict, ReportVerdict::Unreadable);
  EXPECT_THAT(check.reason, HasSubstr("large"));
}

}  // namespace
}  // namespace focal
