// Merging national reports: verification and refusal with a reason while
// the others go on, unsigned reports and drafts, the same result in serial
// and in parallel, the command line (text and --json), and a merge that is
// interrupted (a child stopped in the middle of a transaction, and the
// program killed) and run again.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "consolidated_fixtures.h"
#include "export/secretariat/consolidated_synth.h"

namespace focal {
namespace {

using test::TempDir;

std::size_t countRows(const std::string& store, const std::string& sql) {
  sql::Database db(store, SQLITE_OPEN_READONLY);
  return static_cast<std::size_t>(db.queryInteger(sql));
}

// Nothing half imported: every answer belongs to a report, every report has
// all its answers, and the file is sound.
void expectConsistent(const std::string& store) {
  sql::Database db(store, SQLITE_OPEN_READONLY);
  EXPECT_EQ(db.queryText("PRAGMA integrity_check").value_or(""), "ok");
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM answers WHERE report NOT IN (SELECT id FROM reports)"), 0);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM reports r WHERE answer_count != "
                            "(SELECT count(*) FROM answers a WHERE a.report = r.id)"),
            0);
  EXPECT_EQ(db.queryInteger("SELECT count(*) - count(DISTINCT file_sha256) FROM reports"), 0);
}

const MergeFileResult& resultFor(const MergeSummary& s, const std::string& file) {
  for (const auto& f : s.files)
    if (f.file == file) return f;
  throw std::runtime_error("no result for " + file);
}

TEST(Merge, RefusesWhatFailsAndGoesOnWithTheOthers) {
  TempDir dir;
  auto files = test::writeReplies(dir);
  // A byte changed after signing.
  std::string bytes = test::readFile(files[5]);
  bytes[bytes.size() / 2] ^= 0x01;
  const std::string altered = dir.file("altered.focalreport");
  test::writeFile(altered, bytes);
  // Unsigned, a draft, and not a report at all.
  const std::string unsignedFile = dir.file("unsigned.focalreport");
  writeReportFile(test::handReport(*test::analysisQuestionnaire(), "ARG", {{"q_law", "yes"}}), unsignedFile,
                  nullptr);
  const std::string draft = dir.file("draft.focalreport");
  writeReportFile(test::handReport(*test::analysisQuestionnaire(), "CHL", {{"q_law", "yes"}},
                                   "2026-10-01T09:00:00Z", "en", ReportStatus::Draft),
                  draft, &test::stateKey("CHL"));
  const std::string garbage = dir.file("garbage.focalreport");
  test::writeFile(garbage, "this is not a report");

  std::vector<MergeFileResult> missing;
  const auto all = reportFiles({dir.path(), dir.file("nowhere")}, &missing);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(all.size(), files.size() + 4);
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const MergeSummary summary = mergeReports(store, all);
  EXPECT_EQ(summary.imported, files.size());
  EXPECT_EQ(summary.refused, 4u);
  EXPECT_EQ(resultFor(summary, altered).result, MergeResult::Refused);
  EXPECT_NE(resultFor(summary, altered).reason.find("changed"), std::string::npos)
      << resultFor(summary, altered).reason;
  EXPECT_NE(resultFor(summary, unsignedFile).reason.find("not signed"), std::string::npos);
  EXPECT_NE(resultFor(summary, draft).reason.find("draft"), std::string::npos);
  EXPECT_NE(resultFor(summary, garbage).reason.find("not a Focal report"), std::string::npos);
  EXPECT_EQ(store.reports().size(), files.size());
  expectConsistent(dir.file("store.focaldb"));

  // --allow-unsigned admits the unsigned report and the draft.
  MergeOptions lenient;
  lenient.allowUnsigned = true;
  const MergeSummary again = mergeReports(store, {unsignedFile, draft}, lenient);
  EXPECT_EQ(again.imported, 2u);
  EXPECT_EQ(store.reports("analysis-test", true).size(), 7u);
}

TEST(Merge, RefusesAReportWhoseQuestionnaireDoesNotHoldTogether) {
  TempDir dir;
  NationalReport report = test::handReport(*test::analysisQuestionnaire(), "FRA", {{"q_law", "yes"}});
  report.metadata.questionnaireVersion = "9.9.9";  // the text says 1.0.0
  const std::string wrongVersion = dir.file("wrong-version.focalreport");
  writeReportFile(report, wrongVersion, &test::stateKey("FRA"));
  report = test::handReport(*test::analysisQuestionnaire(), "DEU", {{"q_law", "yes"}});
  report.metadata.questionnaireText = "focal: 1\nid: [broken";
  report.metadata.questionnaireSha256 = crypto::hex(crypto::sha256(report.metadata.questionnaireText));
  const std::string broken = dir.file("broken.focalreport");
  writeReportFile(report, broken, &test::stateKey("DEU"));
  report = test::handReport(*test::analysisQuestionnaire(), "XX", {{"q_law", "yes"}});
  const std::string badState = dir.file("bad-state.focalreport");
  writeReportFile(report, badState, &test::stateKey("XX"));

  ConsolidatedStore store(dir.file("store.focaldb"));
  const MergeSummary s = mergeReports(store, {wrongVersion, broken, badState});
  EXPECT_EQ(s.refused, 3u);
  EXPECT_NE(resultFor(s, wrongVersion).reason.find("version 9.9.9"), std::string::npos);
  EXPECT_NE(resultFor(s, broken).reason.find("does not load"), std::string::npos);
  EXPECT_NE(resultFor(s, badState).reason.find("ISO 3166"), std::string::npos);
  EXPECT_TRUE(store.questionnaires().empty());
}

TEST(Merge, SerialAndParallelGiveTheSameStore) {
  TempDir dir;
  const auto files = test::writeReplies(dir);
  std::string dumps[2];
  for (int parallel = 0; parallel < 2; ++parallel) {
    const std::string path = dir.file("store" + std::to_string(parallel) + ".focaldb");
    ConsolidatedStore store(path);
    test::trustFixtures(store);
    MergeOptions options;
    options.parallel = parallel == 1;
    std::vector<std::size_t> order;
    options.onFile = [&](const MergeFileResult&, std::size_t done, std::size_t) { order.push_back(done); };
    mergeReports(store, files, options);
    EXPECT_EQ(order.size(), files.size());
    sql::Statement s(store.database(),
                     "SELECT r.file_sha256 || a.path || a.value || a.relevant FROM answers a JOIN reports r "
                     "ON r.id = a.report ORDER BY r.id, a.path");
    while (s.step()) dumps[parallel] += s.text(0) + "\n";
  }
  EXPECT_FALSE(dumps[0].empty());
  EXPECT_EQ(dumps[0], dumps[1]);
}

TEST(Merge, StoppedInTheMiddleOfATransactionAndRunAgain) {
  TempDir dir;
  const auto files = test::writeReplies(dir);
  const std::string path = dir.file("store.focaldb");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Every row of the fifth report is written; the process dies before COMMIT.
    ConsolidatedStore store(path);
    test::trustFixtures(store);
    MergeOptions options;
    options.beforeCommit = [](std::size_t index) {
      if (index == 4) ::_exit(3);
    };
    mergeReports(store, files, options);
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 3);
  EXPECT_EQ(countRows(path, "SELECT count(*) FROM reports"), 4u);
  expectConsistent(path);

  ConsolidatedStore store(path);
  test::trustFixtures(store);
  const MergeSummary summary = mergeReports(store, files);
  EXPECT_EQ(summary.unchanged, 4u);
  EXPECT_EQ(summary.imported, files.size() - 4);
  EXPECT_EQ(store.reports().size(), files.size());
  expectConsistent(path);
}

#ifdef FOCAL_CLI
class MergeCommand : public ::testing::Test {
 protected:
  static std::string cli() { return FOCAL_CLI; }
};

TEST_F(MergeCommand, PrintsALinePerFileAndASummary) {
  if (!test::haveProgram(cli())) GTEST_SKIP() << "focal-cli not built";
  TempDir dir;
  test::writeReplies(dir);
  test::writeFile(dir.file("junk.focalreport"), "junk");
  int status = -1;
  const std::string out = test::run(cli() + " merge " + dir.path() + " --into " + dir.file("s.focaldb") +
                                        test::trustArguments(dir) + " 2>&1",
                                    &status);
  EXPECT_EQ(status, 1) << out;  // one file refused
  EXPECT_NE(out.find("imported   " + dir.file("analysis-test-FRA.focalreport")), std::string::npos) << out;
  EXPECT_NE(out.find("refused    " + dir.file("junk.focalreport")), std::string::npos) << out;
  EXPECT_NE(out.find("10 files: 9 imported, 0 superseded an earlier report, 0 unchanged, 1 refused"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find('\r'), std::string::npos) << "no progress bar when the output is not a terminal";

  const std::string json =
      test::run(cli() + " merge " + dir.path() + " --into " + dir.file("s.focaldb") + " --json", &status);
  const auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j["imported"], 0);
  EXPECT_EQ(j["unchanged"], 9);
  EXPECT_EQ(j["superseded"], 0);
  EXPECT_EQ(j["refused"], 1);
  ASSERT_EQ(j["files"].size(), 10u);
  for (const auto& f : j["files"]) {
    if (f["file"] == dir.file("junk.focalreport")) {
      EXPECT_EQ(f["result"], "refused");
    }
  }
}

TEST_F(MergeCommand, KilledWhileMergingAndRunAgain) {
  if (!test::haveProgram(cli())) GTEST_SKIP() << "focal-cli not built";
  TempDir dir;
  auto q =
      loadQuestionnaireFile(std::string(FOCAL_SOURCE_DIR) + "/questionnaires/tip-cycle2.yaml").questionnaire;
  ASSERT_TRUE(q);
  const auto groups = test::testGroups();
  const auto states = synthStates(groups, 60, 11);
  std::filesystem::create_directories(dir.file("r"));
  // Unsigned, so that writing them is quick; merged with --allow-unsigned.
  for (std::size_t i = 0; i < states.size(); ++i)
    writeReportFile(synthReport(q, groups, states[i], i, {}),
                    dir.file("r/tip-cycle2-" + states[i] + ".focalreport"), nullptr);
  const std::string store = dir.file("s.focaldb");
  const std::string command = cli() + " merge " + dir.file("r") + " --into " + store + " --allow-unsigned";
  const std::string reports = dir.file("r");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execl(FOCAL_CLI, "focal-cli", "merge", reports.c_str(), "--into", store.c_str(), "--allow-unsigned",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::size_t seen = 0;
  for (int i = 0; i < 3000 && seen < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      if (std::filesystem::exists(store)) seen = countRows(store, "SELECT count(*) FROM reports");
    } catch (const std::exception&) {
    }
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  const std::size_t before = countRows(store, "SELECT count(*) FROM reports");
  if (before >= states.size()) GTEST_SKIP() << "the merge finished before it could be stopped";
  expectConsistent(store);
  int status = -1;
  const std::string out = test::run(command + " 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find(std::to_string(before) + " unchanged"), std::string::npos) << out;
  EXPECT_EQ(countRows(store, "SELECT count(*) FROM reports"), states.size());
  expectConsistent(store);
}
#endif

}  // namespace
}  // namespace focal
