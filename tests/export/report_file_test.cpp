// The .focalreport file: round trip, signature, seal, and the verdicts on
// altered, re-signed, truncated, extended and foreign files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "export/report/report_file.h"
#include "export/report/report_schema.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

SigningKey& keyA() {
  static SigningKey key = SigningKey::generate();
  return key;
}

SigningKey& keyB() {
  static SigningKey key = SigningKey::generate();
  return key;
}

ReportCheck verifyBytes(const std::string& bytes, const VerifyOptions& options = {}) {
  return readReportBytes(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()),
                         options);
}

TEST(ReportFile, RoundTripGivesTheSameAnswers) {
  TempDir dir;
  NationalReport report = test::exportReport();
  const std::string file = dir.file("fra.focalreport");
  writeReportFile(report, file, &keyA());

  ReportCheck check = readReportFile(file);
  ASSERT_EQ(check.verdict, ReportVerdict::Intact) << check.reason;
  ASSERT_TRUE(check.report);
  EXPECT_EQ(check.report->answers, report.answers);
  EXPECT_EQ(check.report->metadata.toRows(), report.metadata.toRows());
  ASSERT_EQ(check.report->attachments.size(), 1u);
  EXPECT_EQ(check.report->attachments[0].data, report.attachments[0].data);
  EXPECT_EQ(check.report->attachments[0].name, "../../etc/law.txt");
  EXPECT_EQ(safeFileName(check.report->attachments[0].name), "law.txt");
  EXPECT_EQ(check.fingerprint, keyA().fingerprint());
  EXPECT_EQ(check.contentSha256, crypto::hex(contentDigest(report)));
}

TEST(ReportFile, OnlyAnswersOfRelevantQuestionsAreExported) {
  NationalReport report = test::exportReport();
  auto answers = report.answerMap();
  EXPECT_EQ(answers.count("q_1_b"), 0u) << "q_1 is yes, so 'if no, explain' is not relevant";
  EXPECT_EQ(answers.at("q_1"), "yes");
  EXPECT_EQ(answers.at("q_10[r000002]/q_10_title"), test::kChineseAnswer);
  // Everything else is kept, with who and when.
  EXPECT_EQ(report.answers.size(), test::exportAnswers().size() - 1);
  EXPECT_EQ(report.answers.front().changedBy, "maria");
}

TEST(ReportFile, EveryFlippedByteIsDetected) {
  TempDir dir;
  const std::string file = dir.file("small.focalreport");
  NationalReport report = test::exportReport();
  report.attachments.clear();  // keep it small: a few pages
  writeReportFile(report, file, &keyA());
  const std::string original = test::readFile(file);
  ASSERT_EQ(verifyBytes(original).verdict, ReportVerdict::Intact);
  std::size_t undetected = 0;
  std::string firstUndetected;
  std::string bytes = original;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>(bytes[i] ^ 0x01);
    ReportCheck check = verifyBytes(bytes);
    if (check.verdict == ReportVerdict::Intact || check.verdict == ReportVerdict::OtherKey) {
      if (undetected++ == 0) firstUndetected = std::to_string(i);
    }
    bytes[i] = original[i];
  }
  EXPECT_EQ(undetected, 0u) << "of " << bytes.size() << " bytes; the first at offset " << firstUndetected;
}

TEST(ReportFile, TruncatedAndExtendedFilesAreDetected) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  writeReportFile(test::exportReport(), file, &keyA());
  const std::string bytes = test::readFile(file);
  for (std::size_t cut :
       {std::size_t{1}, std::size_t{60}, std::size_t{119}, std::size_t{120}, std::size_t{121},
        std::size_t{4096}, bytes.size() / 2, bytes.size() - 99, bytes.size()}) {
    ReportCheck check = verifyBytes(bytes.substr(0, bytes.size() - cut));
    EXPECT_NE(check.verdict, ReportVerdict::Intact) << "cut " << cut;
    EXPECT_NE(check.verdict, ReportVerdict::Unsigned) << "cut " << cut << ": " << check.reason;
  }
  for (const std::string& extra : {std::string(1, '\0'), std::string("x"), std::string(4096, '\0'), bytes}) {
    ReportCheck check = verifyBytes(bytes + extra);
    EXPECT_EQ(check.verdict, ReportVerdict::Altered) << extra.size() << ": " << check.reason;
  }
}

TEST(ReportFile, AReportReSignedWithAnotherKeyIsToldApart) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  NationalReport report = test::exportReport();
  report.answers[0].value = "changed by someone else";
  writeReportFile(report, file, &keyB());
  std::string error;
  VerifyOptions expectA;
  expectA.expectedKey = ExpectedKey::parse(keyA().publicKeyHex(), &error);
  ASSERT_TRUE(expectA.expectedKey) << error;
  ReportCheck check = readReportFile(file, expectA);
  EXPECT_EQ(check.verdict, ReportVerdict::OtherKey) << check.reason;
  EXPECT_THAT(check.reason, testing::HasSubstr(keyB().fingerprint()));
  // By fingerprint too, in any grouping.
  VerifyOptions byFingerprint;
  std::string fp = keyA().fingerprint();
  byFingerprint.expectedKey = ExpectedKey::parse(fp, &error);
  ASSERT_TRUE(byFingerprint.expectedKey) << error;
  EXPECT_EQ(readReportFile(file, byFingerprint).verdict, ReportVerdict::OtherKey);
  VerifyOptions expectB;
  expectB.expectedKey = ExpectedKey::parse(keyB().fingerprint(), &error);
  EXPECT_EQ(readReportFile(file, expectB).verdict, ReportVerdict::Intact);
  // Without an expected key it is intact, and the fingerprint says whose it is.
  ReportCheck any = readReportFile(file);
  EXPECT_EQ(any.verdict, ReportVerdict::Intact);
  EXPECT_EQ(any.fingerprint, keyB().fingerprint());
}

TEST(ReportFile, AnUnsignedReportIsUnsigned) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  writeReportFile(test::exportReport(), file, nullptr);
  ReportCheck check = readReportFile(file);
  EXPECT_EQ(check.verdict, ReportVerdict::Unsigned) << check.reason;
  ASSERT_TRUE(check.report);
  EXPECT_EQ(check.report->answers.size(), test::exportReport().answers.size());
}

// Changes the file with SQLite itself, as someone with the sqlite3 shell would.
void editWithSqlite(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(ReportFile, ContentEditedWithSqliteIsAltered) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  const NationalReport report = test::exportReport();
  for (const std::string& edit :
       {std::string("UPDATE answers SET value = 'no' WHERE path = 'q_1'"),
        std::string("INSERT INTO answers VALUES ('q_4@comment', 'added', 'x', 'y')"),
        std::string("UPDATE metadata SET value = 'final' WHERE key = 'status'"),
        std::string("UPDATE attachments SET data = zeroblob(10), size = 10"),
        std::string("UPDATE attachments SET name = 'other.txt'"), std::string("DELETE FROM answers"),
        std::string("UPDATE signature SET signed_at = '2020-01-01'")}) {
    writeReportFile(report, file, &keyA());
    editWithSqlite(file, edit);
    ReportCheck check = readReportFile(file);
    EXPECT_EQ(check.verdict, ReportVerdict::Altered) << edit << ": " << check.reason;
  }
  // Removing the signature does not make it merely unsigned.
  writeReportFile(report, file, &keyA());
  editWithSqlite(file, "DELETE FROM signature");
  EXPECT_EQ(readReportFile(file).verdict, ReportVerdict::Altered);
}

TEST(ReportFile, ForeignFilesAreUnreadable) {
  TempDir dir;
  EXPECT_EQ(verifyBytes("").verdict, ReportVerdict::Unreadable);
  EXPECT_EQ(verifyBytes("PK\3\4 not a report").verdict, ReportVerdict::Unreadable);
  EXPECT_EQ(verifyBytes(std::string(8192, 'x')).verdict, ReportVerdict::Unreadable);
  EXPECT_EQ(readReportFile(dir.file("missing.focalreport")).verdict, ReportVerdict::Unreadable);
  // A SQLite file that is not a report.
  const std::string other = dir.file("other.db");
  editWithSqlite(other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
  ReportCheck check = readReportFile(other);
  EXPECT_EQ(check.verdict, ReportVerdict::Unreadable);
  EXPECT_THAT(check.reason, testing::HasSubstr("not a Focal report"));
  // A report with a trigger, a view or another table added.
  const std::string file = dir.file("r.focalreport");
  for (const std::string& edit :
       {std::string("CREATE TRIGGER t AFTER INSERT ON answers BEGIN DELETE FROM answers; END"),
        std::string("CREATE VIEW v AS SELECT * FROM answers"), std::string("CREATE TABLE extra(x)"),
        std::string("DROP TABLE attachments")}) {
    writeReportFile(test::exportReport(), file, nullptr);
    editWithSqlite(file, edit);
    ReportCheck c = readReportFile(file);
    EXPECT_EQ(c.verdict, ReportVerdict::Unreadable) << edit << ": " << c.reason;
  }
}

TEST(ReportFile, ValuesOfTheWrongTypeAreRefused) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  writeReportFile(test::exportReport(), file, nullptr);
  editWithSqlite(file, "UPDATE answers SET value = CAST(value AS BLOB) WHERE path = 'q_1'");
  EXPECT_EQ(readReportFile(file).verdict, ReportVerdict::Unreadable);
  writeReportFile(test::exportReport(), file, nullptr);
  editWithSqlite(file, "UPDATE answers SET value = X'C0AF' WHERE path = 'q_1'");
  EXPECT_EQ(readReportFile(file).verdict, ReportVerdict::Unreadable);
}

TEST(ReportFile, SizeLimitsAreApplied) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  writeReportFile(test::exportReport(), file, &keyA());
  VerifyOptions small;
  small.limits.maxFileBytes = 1000;
  EXPECT_EQ(readReportFile(file, small).verdict, ReportVerdict::Unreadable);
  VerifyOptions fewAnswers;
  fewAnswers.limits.maxAnswers = 3;
  EXPECT_EQ(readReportFile(file, fewAnswers).verdict, ReportVerdict::Unreadable);
}

TEST(ReportFile, TheSchemaIsTheDocumentedOne) {
  TempDir dir;
  const std::string file = dir.file("r.focalreport");
  writeReportFile(test::exportReport(), file, &keyA());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema", -1, &s,
                     nullptr);
  std::size_t n = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    ++n;
    bool found = false;
    for (const auto& o : report_schema::kObjects)
      if (o.name == reinterpret_cast<const char*>(sqlite3_column_text(s, 1)))
        found = o.sql == reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
    EXPECT_TRUE(found) << sqlite3_column_text(s, 3);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_EQ(n, report_schema::kObjects.size());
}

TEST(ReportFile, FinalReportRequiresEveryRequiredAnswer) {
  ReportInput input = test::exportInput(ReportStatus::Final);
  std::erase_if(input.answers, [](const ReportAnswer& a) {
    return a.path == "q_1" || a.path.find("partner") != std::string::npos;
  });
  try {
    assembleReport(input);
    FAIL() << "a final report with unanswered required questions was made";
  } catch (const ReportNotReady& e) {
    ASSERT_EQ(e.problems().size(), 3u) << e.what();
    EXPECT_EQ(e.problems()[0].path, "q_1");
    EXPECT_THAT(e.problems()[0].describe(), testing::HasSubstr("1 General information > Is trafficking"));
    EXPECT_EQ(e.problems()[1].path, "q_10[r000001]/q_10_partner");
  }
  // A draft can always be exported.
  input.status = ReportStatus::Draft;
  EXPECT_NO_THROW(assembleReport(input));
  // And a complete reply can be final.
  EXPECT_NO_THROW(test::exportReport(ReportStatus::Final));
}

TEST(ReportFile, KeysAreCreatedOncePrivateAndFingerprinted) {
  TempDir dir;
  const std::string config = dir.file("config/focal");
  SigningKey first = SigningKey::loadOrCreate(config);
  SigningKey again = SigningKey::loadOrCreate(config);
  EXPECT_EQ(first.publicKeyHex(), again.publicKeyHex());
  struct stat info {};
  ASSERT_EQ(::stat((config + "/signing-key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(test::readFile(config + "/signing-key.pub"), first.publicKeyHex() + "\n");
  EXPECT_THAT(first.fingerprint(), testing::MatchesRegex("([0-9A-F]{4} ){7}[0-9A-F]{4}"));
  ::chmod((config + "/signing-key").c_str(), 0644);
  EXPECT_THROW(SigningKey::load(config), KeyError);
  std::string error;
  EXPECT_FALSE(ExpectedKey::parse("not a key", &error));
  EXPECT_FALSE(error.empty());
  auto fromFile = ExpectedKey::parse(config + "/signing-key.pub", &error);
  ASSERT_TRUE(fromFile) << error;
  EXPECT_TRUE(fromFile->matches(first.publicKey()));
}

}  // namespace
}  // namespace focal
