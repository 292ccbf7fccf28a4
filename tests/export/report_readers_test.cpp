// The report read by tools other than Focal: the sqlite3 shell, and the
// Python verifier printed in docs/report-format.md (run from the document
// itself, so that the document cannot drift from the format).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/report/report_file.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

const char* kSqlite = "/usr/bin/sqlite3";
const char* kPython = "/usr/bin/python3";

// The Python program of docs/report-format.md.
std::string documentedVerifier() {
  const std::string doc = test::readFile(std::string(FOCAL_SOURCE_DIR) + "/docs/report-format.md");
  const std::string start = "```python\n# verify_focalreport.py";
  auto begin = doc.find(start);
  if (begin == std::string::npos) return {};
  begin += std::string("```python\n").size();
  auto end = doc.find("```", begin);
  return doc.substr(begin, end - begin);
}

TEST(ReportReaders, TheSqliteShellReadsTheReport) {
  if (!test::haveProgram(kSqlite)) GTEST_SKIP() << "no " << kSqlite;
  TempDir dir;
  const std::string file = dir.file("fra.focalreport");
  SigningKey key = SigningKey::generate();
  writeReportFile(test::exportReport(), file, &key);
  int status = -1;
  std::string out =
      test::run(std::string(kSqlite) + " -readonly '" + file +
                    "' \"PRAGMA integrity_check; SELECT value FROM metadata WHERE key = 'state'; "
                    "SELECT value FROM answers WHERE path = 'q_10[r000002]/q_10_title'; "
                    "SELECT name, size FROM attachments; SELECT algorithm FROM signature;\" 2>&1",
                &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(out, std::string("ok\nFRA\n") + test::kChineseAnswer + "\n../../etc/law.txt|47\ned25519\n");
}

TEST(ReportReaders, TheDocumentedPythonVerifierAgreesWithFocal) {
  if (!test::haveProgram(kPython)) GTEST_SKIP() << "no " << kPython;
  int status = -1;
  test::run(std::string(kPython) + " -c 'import cryptography' 2>/dev/null", &status);
  if (status != 0) GTEST_SKIP() << "no python3-cryptography";
  const std::string program = documentedVerifier();
  ASSERT_FALSE(program.empty()) << "docs/report-format.md lost its verifier";
  TempDir dir;
  test::writeFile(dir.file("verify.py"), program);
  const std::string file = dir.file("fra.focalreport");
  SigningKey key = SigningKey::generate();
  writeReportFile(test::exportReport(), file, &key);
  std::string out =
      test::run(std::string(kPython) + " " + dir.file("verify.py") + " '" + file + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("intact, signed by " + key.fingerprint()));
  // Altered and unsigned reports fail it too.
  std::string bytes = test::readFile(file);
  bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 1);
  test::writeFile(dir.file("altered.focalreport"), bytes);
  test::run(
      std::string(kPython) + " " + dir.file("verify.py") + " '" + dir.file("altered.focalreport") + "' 2>&1",
      &status);
  EXPECT_NE(status, 0);
  writeReportFile(test::exportReport(), dir.file("unsigned.focalreport"), nullptr);
  test::run(
      std::string(kPython) + " " + dir.file("verify.py") + " '" + dir.file("unsigned.focalreport") + "' 2>&1",
      &status);
  EXPECT_NE(status, 0);
}

}  // namespace
}  // namespace focal
