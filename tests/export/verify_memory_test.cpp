// #18 point 9: a 935 MB report took 1.9 GB of memory to verify: the whole
// file was read into memory and every attachment copied out of it. verify
// now reads the file through SQLite and keeps only each attachment's size
// and SHA-256, so its memory is bounded by the attachment cap.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "export/report/report_file.h"
#include "export_fixtures.h"
#include "forms/sqlite.h"

namespace focal {
namespace {

using test::TempDir;

SigningKey& key() {
  static SigningKey k = SigningKey::generate();
  return k;
}

TEST(VerifyMemory, AttachmentsAreCheckedWithoutKeepingTheirBytes) {
  TempDir dir;
  NationalReport report = test::exportReport();
  ASSERT_EQ(report.attachments.size(), 1u);
  report.attachments[0].data.assign(3u << 20, 'x');
  report.attachments[0].sha256 = sha256Hex(report.attachments[0].data);
  const std::string file = dir.file("big.focalreport");
  writeReportFile(report, file, &key());

  VerifyOptions options;
  options.attachmentData = false;
  const ReportCheck lean = readReportFile(file, options);
  ASSERT_EQ(lean.verdict, ReportVerdict::Intact) << lean.reason;
  const ReportAttachment& a = lean.report->attachments.at(0);
  EXPECT_TRUE(a.data.empty());
  EXPECT_TRUE(a.dataOmitted);
  EXPECT_EQ(a.dataSize, 3u << 20);
  EXPECT_EQ(crypto::hex(a.dataSha256), report.attachments[0].sha256);
  // The same content digest as a reading that keeps the bytes.
  const ReportCheck full = readReportFile(file);
  ASSERT_EQ(full.verdict, ReportVerdict::Intact) << full.reason;
  EXPECT_EQ(full.report->attachments.at(0).data, report.attachments[0].data);
  EXPECT_EQ(lean.contentSha256, full.contentSha256);
  EXPECT_EQ(lean.contentSha256, crypto::hex(contentDigest(report)));
}

TEST(VerifyMemory, AChangedAttachmentIsStillFoundWithoutItsBytes) {
  TempDir dir;
  NationalReport report = test::exportReport();
  const std::string file = dir.file("r.focalreport");
  writeReportFile(report, file, nullptr);  // unsigned: the attachment's own hash is what catches it
  {
    sql::Database db(file, SQLITE_OPEN_READWRITE);
    db.exec("UPDATE attachments SET data = zeroblob(10), size = 10");
  }
  VerifyOptions options;
  options.attachmentData = false;
  const ReportCheck check = readReportFile(file, options);
  EXPECT_EQ(check.verdict, ReportVerdict::Altered) << check.reason;
  EXPECT_EQ(check.reason, "the attachment at " + report.attachments[0].path + " was changed");
}

TEST(VerifyMemory, AFileThatIsNotThereIsNamed) {
  const ReportCheck check = readReportFile("/nonexistent/x.focalreport");
  EXPECT_EQ(check.verdict, ReportVerdict::Unreadable);
  EXPECT_EQ(check.reason, "cannot open /nonexistent/x.focalreport: No such file or directory");
}

}  // namespace
}  // namespace focal
