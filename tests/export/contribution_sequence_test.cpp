// Attacks on the order of contributions (#18 point 2): every contribution
// carries a number per request and agency, written into its signed
// content. An older or replayed one never overwrites a newer value, in
// whatever order the files arrive; a file of an earlier Focal without a
// number still imports, as number 0, with a note; and a field both sides
// edited since the agency's base is a conflict, not a silent overwrite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Three contributions of one agency, q_4 = 5, 6, 7 in that order.
struct ThreeContributions {
  explicit ThreeContributions(const TempDir& dir) {
    Agency agency(dir, "justice.focal");
    for (const char* value : {"5", "6", "7"}) {
      agency.answer("q_4", value);
      Contribution c = contributionFromRequest(agency.workspace(), "Maria Lopez");
      sequences.push_back(c.sequence);
      writeContributionFile(c, dir.file(std::string("q4-") + value + ".focalcontrib"), &agencyKey());
    }
  }
  std::vector<std::int64_t> sequences;
};

TEST(ContributionSequence, EachExportOfChangedAnswersHasAHigherNumberInItsSignedContent) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  ThreeContributions three(dir);
  ASSERT_EQ(three.sequences.size(), 3u);
  EXPECT_GT(three.sequences[0], 0);
  EXPECT_LT(three.sequences[0], three.sequences[1]);
  EXPECT_LT(three.sequences[1], three.sequences[2]);
  ContributionCheck check = readContributionFile(dir.file("q4-6.focalcontrib"));
  ASSERT_TRUE(check.contribution.has_value());
  EXPECT_EQ(check.contribution->sequence, three.sequences[1]);
  EXPECT_THAT(test::readFile(dir.file("q4-6.focalcontrib")),
              HasSubstr("\\\"sequence\\\":" + std::to_string(three.sequences[1])));
}

TEST(ContributionSequence, AReplayAfterANewerOneIsStaleAndKeepsTheNewerValue) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  ThreeContributions three(dir);
  focal.import("q4-6.focalcontrib");
  focal.import("q4-7.focalcontrib");
  ASSERT_EQ(focal.value("q_4"), "7");
  const auto log = focal.workspace().history(focal.response(), "q_4").size();

  ImportSummary replay = focal.import("q4-6.focalcontrib");  // the same file again, after a newer one
  EXPECT_TRUE(replay.importedBefore);
  EXPECT_THAT(replay.applied, IsEmpty());
  EXPECT_THAT(replay.stale, Contains("q_4"));
  EXPECT_EQ(replay.newerSequence, three.sequences[2]);
  EXPECT_EQ(focal.value("q_4"), "7");
  EXPECT_EQ(focal.workspace().answers(focal.response()).at("q_4"), "7");
  EXPECT_EQ(focal.workspace().history(focal.response(), "q_4").size(), log);
  EXPECT_EQ(focal.store().dashboard(focal.response())[0].imports, 2);
}

TEST(ContributionSequence, AnOlderContributionWithTheSameExportTimeIsStaleByItsNumber) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  Agency agency(dir, "justice.focal");
  agency.answer("q_4", "6");
  Contribution older = contributionFromRequest(agency.workspace(), "Maria Lopez");
  agency.answer("q_4", "7");
  Contribution newer = contributionFromRequest(agency.workspace(), "Maria Lopez");
  // A clock set back on the agency's computer: the older one claims the later time.
  older.exportedAt = "2026-12-01T10:00:00.000Z";
  newer.exportedAt = "2026-11-01T10:00:00.000Z";
  writeContributionFile(older, dir.file("older.focalcontrib"), &agencyKey());
  writeContributionFile(newer, dir.file("newer.focalcontrib"), &agencyKey());
  focal.import("newer.focalcontrib");
  ImportSummary old = focal.import("older.focalcontrib");
  EXPECT_THAT(old.stale, Contains("q_4"));
  EXPECT_FALSE(old.importedBefore);
  EXPECT_EQ(focal.value("q_4"), "7");
}

TEST(ContributionSequence, ImportedOutOfOrderTheNewestValuesAreKept) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  ThreeContributions three(dir);
  ImportSummary newest = focal.import("q4-7.focalcontrib");
  EXPECT_THAT(newest.stale, IsEmpty());
  EXPECT_EQ(focal.value("q_4"), "7");
  for (const char* file : {"q4-5.focalcontrib", "q4-6.focalcontrib"}) {
    ImportSummary s = focal.import(file);
    EXPECT_FALSE(s.importedBefore) << file;
    EXPECT_THAT(s.applied, IsEmpty()) << file;
    EXPECT_THAT(s.stale, Contains("q_4")) << file;
    EXPECT_EQ(s.newerSequence, three.sequences[2]) << file;
    EXPECT_EQ(focal.value("q_4"), "7") << file;
  }
  EXPECT_THAT(focal.store().openConflicts(focal.response()), IsEmpty());
}

TEST(ContributionSequence, AFieldEditedByBothSidesSinceTheBaseIsAConflict) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  Agency agency(dir, "justice.focal");
  agency.answer("q_4", "6");
  agency.exportTo("first.focalcontrib", agencyKey());
  focal.import("first.focalcontrib");
  ASSERT_EQ(focal.value("q_4"), "6");

  focal.document().answer("q_4", "8");  // the focal point changes it after the agency's base
  agency.answer("q_4", "7");            // and so does the agency
  agency.exportTo("second.focalcontrib", agencyKey());
  ImportSummary second = focal.import("second.focalcontrib");
  ASSERT_EQ(second.conflicts.size(), 1u);
  EXPECT_EQ(second.conflicts[0].conflict.path, "q_4");
  EXPECT_EQ(second.conflicts[0].conflict.base, "6");
  EXPECT_EQ(second.conflicts[0].conflict.ours, "8");
  EXPECT_EQ(second.conflicts[0].conflict.theirs, "7");
  EXPECT_EQ(focal.value("q_4"), "8");  // nothing taken before a decision

  // The first contribution replayed now changes nothing and settles nothing.
  ImportSummary replay = focal.import("first.focalcontrib");
  EXPECT_THAT(replay.stale, Contains("q_4"));
  EXPECT_EQ(focal.value("q_4"), "8");
  EXPECT_EQ(focal.store().openConflicts(focal.response()).size(), 1u);
}

TEST(ContributionSequence, AFileWithoutANumberImportsAsNumberZeroWithANote) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  Agency agency(dir, "justice.focal");
  agency.answer("q_4", "6");
  Contribution legacy = contributionFromRequest(agency.workspace(), "Maria Lopez");
  legacy.sequence = 0;  // as an earlier Focal wrote it: no "sequence" in the content
  writeContributionFile(legacy, dir.file("legacy.focalcontrib"), &agencyKey());
  EXPECT_THAT(test::readFile(dir.file("legacy.focalcontrib")), ::testing::Not(HasSubstr("sequence")));
  ImportSummary s = focal.import("legacy.focalcontrib");
  EXPECT_EQ(s.sequence, 0);
  EXPECT_THAT(s.note, HasSubstr("did not number contributions"));
  EXPECT_EQ(focal.value("q_4"), "6");

  // Any numbered contribution is newer; after it, the unnumbered one is stale.
  agency.answer("q_4", "7");
  agency.exportTo("numbered.focalcontrib", agencyKey());
  EXPECT_THAT(focal.import("numbered.focalcontrib").stale, IsEmpty());
  EXPECT_EQ(focal.value("q_4"), "7");
  EXPECT_THAT(focal.import("legacy.focalcontrib").stale, Contains("q_4"));
  EXPECT_EQ(focal.value("q_4"), "7");
}

TEST(ContributionSequence, ANumberThatIsNotAWholeNumberMakesTheFileUnreadable) {
  Contribution c;
  c.requestId = "r";
  c.agency = "Police";
  c.state = "FRA";
  c.questionnaireSha256 = "00";
  c.sequence = 3;
  std::string bytes = contributionFileBytes(c, nullptr);
  const std::string three = R"(\"sequence\":3)";
  const auto at = bytes.find(three);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, three.size(), R"(\"sequence\":-3)");
  ContributionCheck check = readContributionBytes(bytes);
  EXPECT_EQ(check.verdict, ReportVerdict::Unreadable);
  EXPECT_THAT(check.reason, HasSubstr("sequence"));
}

}  // namespace
}  // namespace focal
