// #18 point 9: merge messages that say what is true. A report whose
// metadata names another cycle than the questionnaire it carries names both
// (not the same version twice); a draft exported after the final report
// already held is not "older than" it.
#include <gtest/gtest.h>

#include "consolidated_fixtures.h"
#include "export/secretariat/consolidated_merge.h"

namespace focal {
namespace {

using test::TempDir;

const MergeFileResult& resultFor(const MergeSummary& s, const std::string& file) {
  for (const auto& f : s.files)
    if (f.file == file) return f;
  throw std::runtime_error("no result for " + file);
}

TEST(MergeMessages, ACycleMismatchNamesBothCycles) {
  TempDir dir;
  NationalReport report = test::handReport(*test::analysisQuestionnaire(), "FRA", {{"q_law", "yes"}});
  const int real = report.metadata.cycle;
  report.metadata.cycle = real + 7;
  const std::string file = dir.file("cycle.focalreport");
  writeReportFile(report, file, &test::stateKey("FRA"));
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const MergeSummary s = mergeReports(store, {file});
  ASSERT_EQ(s.refused, 1u);
  const std::string& reason = resultFor(s, file).reason;
  EXPECT_NE(reason.find("cycle " + std::to_string(real + 7)), std::string::npos) << reason;
  EXPECT_NE(reason.find("cycle " + std::to_string(real) + ")"), std::string::npos) << reason;
}

TEST(MergeMessages, ADraftAfterTheFinalReportIsNotCalledOlder) {
  TempDir dir;
  const auto& q = *test::analysisQuestionnaire();
  const std::string final = dir.file("final.focalreport"), draft = dir.file("draft.focalreport");
  writeReportFile(test::handReport(q, "FRA", {{"q_law", "yes"}}, "2026-10-01T09:00:00Z"), final,
                  &test::stateKey("FRA"));
  writeReportFile(
      test::handReport(q, "FRA", {{"q_law", "no"}}, "2026-10-05T09:00:00Z", "en", ReportStatus::Draft), draft,
      &test::stateKey("FRA"));
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  MergeOptions options;
  options.allowUnsigned = true;  // admits drafts
  ASSERT_EQ(mergeReports(store, {final}, options).imported, 1u);
  const MergeSummary s = mergeReports(store, {draft}, options);
  const std::string& reason = resultFor(s, draft).reason;
  EXPECT_EQ(reason.find("older"), std::string::npos) << reason;
  EXPECT_NE(reason.find("a draft exported after the final report of 2026-10-01T09:00:00Z"), std::string::npos)
      << reason;
  // An older draft is still called older.
  const std::string early = dir.file("early.focalreport");
  writeReportFile(
      test::handReport(q, "FRA", {{"q_law", "no"}}, "2026-09-01T09:00:00Z", "en", ReportStatus::Draft), early,
      &test::stateKey("FRA"));
  const MergeSummary e = mergeReports(store, {early}, options);
  EXPECT_NE(resultFor(e, early).reason.find("older than"), std::string::npos) << resultFor(e, early).reason;
}

}  // namespace
}  // namespace focal
