// #17 point 6: what verify says must point the reader the right way.
// Cutting bytes off the end of a signed report said "119 bytes were added";
// a flipped header byte of a signed file said "report format 0 ... update
// Focal", sending the reader of a tampered file to update their software.
#include <gtest/gtest.h>

#include "export/report/report_file.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

ReportCheck verifyBytes(const std::string& bytes) {
  return readReportBytes(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()), {});
}

std::string signedReport(TempDir& dir) {
  static SigningKey key = SigningKey::generate();
  const std::string file = dir.file("r.focalreport");
  NationalReport report = test::exportReport();
  report.attachments.clear();
  writeReportFile(report, file, &key);
  return test::readFile(file);
}

TEST(VerifyMessages, ACutEndSaysTruncatedNotAdded) {
  TempDir dir;
  const std::string bytes = signedReport(dir);
  for (std::size_t cut = 1; cut < 120; ++cut) {
    ReportCheck check = verifyBytes(bytes.substr(0, bytes.size() - cut));
    EXPECT_EQ(check.verdict, ReportVerdict::Altered) << "cut " << cut << ": " << check.reason;
    EXPECT_EQ(check.reason.find("added"), std::string::npos) << "cut " << cut << ": " << check.reason;
    if (check.reason.find("truncated") == std::string::npos &&
        check.reason.find("seal is missing") == std::string::npos)
      ADD_FAILURE() << "cut " << cut << ": " << check.reason;
  }
  EXPECT_NE(verifyBytes(bytes.substr(0, bytes.size() - 1)).reason.find("its last 1 bytes are missing"),
            std::string::npos);
  // Bytes really added are still called added.
  EXPECT_NE(verifyBytes(bytes + "x").reason.find("added"), std::string::npos)
      << verifyBytes(bytes + "x").reason;
}

TEST(VerifyMessages, AFlippedHeaderByteOfASignedFileIsAnAlterationNotANewerFormat) {
  TempDir dir;
  const std::string original = signedReport(dir);
  std::string bytes = original;
  for (std::size_t i = 0; i < 100; ++i) {
    bytes[i] = static_cast<char>(bytes[i] ^ 0x01);
    ReportCheck check = verifyBytes(bytes);
    EXPECT_EQ(check.verdict, ReportVerdict::Altered) << "byte " << i << ": " << check.reason;
    EXPECT_EQ(check.reason.find("update Focal"), std::string::npos) << "byte " << i << ": " << check.reason;
    EXPECT_NE(check.reason.find("damaged or was altered"), std::string::npos)
        << "byte " << i << ": " << check.reason;
    bytes[i] = original[i];
  }
}

}  // namespace
}  // namespace focal
