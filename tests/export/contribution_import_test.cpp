// Contributions end to end, as the people do it: the focal point requests,
// agencies answer and export, the focal point imports (in any order, any
// number of times) and resolves conflicts. Provenance, idempotence, and the
// refusals that leave the response untouched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"
#include "forms/answer_import.h"
#include "forms/answer_value.h"
#include "forms/response_document.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> paths(const std::vector<ImportedAnswer>& answers) {
  std::vector<std::string> out;
  for (const auto& a : answers) out.push_back(a.path);
  return out;
}

TEST(ContributionRequest, HoldsTheAssignedSectionsAndWhatTheirConditionsRead) {
  TempDir dir;
  FocalPoint focal(dir);
  ContributionRequest request = focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  EXPECT_EQ(request.requestedBy, "Jeanne Martin");
  EXPECT_EQ(request.state, "FRA");
  EXPECT_EQ(request.snapshot.at("q_3"), "Shelters and legal aid");
  EXPECT_FALSE(request.snapshot.contains("q_1"));
  EXPECT_FALSE(request.snapshot.contains("q_8"));
  EXPECT_EQ(request.context.at("q_1"), "yes");  // the section is relevant when q_1 is yes
  EXPECT_FALSE(request.context.contains("q_2"));

  Agency agency(dir, "justice.focal");
  EXPECT_EQ(agency.request().request.agency, "Ministry of Justice");
  EXPECT_EQ(agency.document().session().value("q_6[ra]/q_6_title"), "Agreement with Italy");
  EXPECT_EQ(agency.document().session().value("q_8"), "");  // not given to the agency
  EXPECT_TRUE(agency.document().session().isRelevant("q_3"));
  EXPECT_THAT(agency.request().refusal({{"q_8", "Police"}}),
              HasSubstr("not assigned to Ministry of Justice"));
  EXPECT_EQ(agency.request().refusal({{"q_4", "5"}}), "");

  auto rows = focal.store().dashboard(focal.response());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].request.agency, "Ministry of Justice");
  EXPECT_EQ(rows[0].returnedAt, "");
}

TEST(ContributionRequest, RefusesUnknownIdsAndAnExistingFile) {
  TempDir dir;
  FocalPoint focal(dir);
  try {
    focal.request("Police", {"victim"}, "police.focal");
    FAIL();
  } catch (const ContributionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("did you mean 'victims'"));
  }
  focal.request("Police", {"cooperation"}, "police.focal");
  EXPECT_THROW(focal.request("Police", {"cooperation"}, "police.focal"), ContributionError);
  EXPECT_EQ(focal.store().dashboard(focal.response()).size(), 1u);
}

TEST(ContributionFill, RefusesRowsOutsideTheAssignment) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  auto ws = Workspace::open(dir.file("justice.focal"), test::contributionOptions("maria"));
  ResponseDocument document(*ws, ws->responses().front().id);
  // The import has no rule of its own: the workspace's rule, applied by the
  // document, refuses the row outside the assignment and names the section.
  AnswerFile file = parseAnswersCsv("question_id,value\nq_4,9\nq_8,Police\n", "answers.csv");
  ImportResult result = importAnswers(document, file);
  EXPECT_EQ(result.saved, 1u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].path, "q_8");
  EXPECT_THAT(result.rejected[0].message, HasSubstr("\"Cooperation\" (cooperation), which is not assigned"));
  EXPECT_EQ(document.session().value("q_4"), "9");
  EXPECT_EQ(document.session().value("q_8"), "");
}

TEST(ContributionImport, AppliesOnlyTheAgencysChangesWithProvenance) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    agency.answer("q_5/y2023/women", "14");
    std::string key = agency.document().addRecord("q_6");
    agency.answer("q_6[" + key + "]/q_6_partner", "DEU");
    agency.document().removeRecord("q_6", "rb");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.document().answer("q_8", "Ministry of Justice");  // outside the assignment, stays

  ImportSummary s = focal.import("justice.focalcontrib");
  EXPECT_THAT(s.conflicts, IsEmpty());
  EXPECT_FALSE(s.importedBefore);
  EXPECT_EQ(focal.value("q_4"), "6");
  EXPECT_EQ(focal.value("q_5/y2023/women"), "14");
  EXPECT_EQ(focal.value("q_6[rb]/q_6_title"), "");
  EXPECT_EQ(splitWords(focal.value("q_6")).size(), 2u);
  EXPECT_EQ(focal.value("q_8"), "Ministry of Justice");
  EXPECT_EQ(focal.value("q_3"), "Shelters and legal aid");

  // Provenance: in the store, in the history, and in the stored answer.
  auto provenance = focal.store().currentProvenance(focal.response());
  ASSERT_TRUE(provenance.contains("q_4"));
  EXPECT_EQ(provenance.at("q_4").agency, "Ministry of Justice");
  EXPECT_EQ(provenance.at("q_4").person, "Maria Lopez");
  EXPECT_FALSE(provenance.at("q_4").answeredAt.empty());
  EXPECT_FALSE(provenance.contains("q_3"));
  auto history = focal.workspace().history(focal.response(), "q_4");
  ASSERT_FALSE(history.empty());
  EXPECT_THAT(history.back().changedBy, HasSubstr("Maria Lopez, Ministry of Justice (contribution"));
  EXPECT_EQ(focal.workspace().user(), "Jeanne Martin");

  // The focal point can undo the whole import in one step.
  EXPECT_TRUE(focal.document().canUndo());

  auto rows = focal.store().dashboard(focal.response());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].returnedAt.empty());
  EXPECT_EQ(rows[0].returnedBy, "Maria Lopez");
  EXPECT_EQ(rows[0].openConflicts, 0u);
  EXPECT_EQ(rows[0].signer, agencyKey().fingerprint());
}

TEST(ContributionImport, ImportingAgainChangesNothing) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    agency.answer("q_3", "Agency text");
    agency.answer("q_5/y2023/men", "4");
    const std::string key = agency.document().addRecord("q_6");
    agency.answer("q_6[" + key + "]/q_6_partner", "DEU");
    agency.document().removeRecord("q_6", "ra");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.document().answer("q_3", "Focal point text");           // a conflict with the agency
  focal.document().answer("q_6[rb]/q_6_title", "Spain, 2021");  // our own change, merged
  ImportSummary first = focal.import("justice.focalcontrib");
  ASSERT_EQ(first.conflicts.size(), 1u);
  EXPECT_EQ(focal.value("q_5/y2023/men"), "4");
  EXPECT_EQ(focal.value("q_6[ra]/q_6_title"), "");
  EXPECT_EQ(focal.value("q_6[rb]/q_6_title"), "Spain, 2021");
  EXPECT_EQ(splitWords(focal.value("q_6")).size(), 2u);
  const auto answers = focal.workspace().answers(focal.response());
  const auto log = focal.workspace().history(focal.response(), "q_4").size();

  ImportSummary again = focal.import("justice.focalcontrib");
  EXPECT_TRUE(again.importedBefore);
  EXPECT_THAT(again.applied, IsEmpty());
  EXPECT_EQ(again.conflicts.size(), 1u);
  EXPECT_EQ(focal.workspace().answers(focal.response()), answers);
  EXPECT_EQ(focal.workspace().history(focal.response(), "q_4").size(), log);
  EXPECT_EQ(focal.store().openConflicts(focal.response()).size(), 1u);
}

// Attack (#18 point 2): importing an older, genuinely signed contribution
// after a newer one (or the newer one again after a focal point's edit)
// rolled the newer values back while saying "nothing new". An older or
// replayed contribution writes nothing and lists its answers as stale.
TEST(ContributionImport, AnOlderOrReplayedContributionNeverRollsBackANewerValue) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    Contribution older = contributionFromRequest(agency.workspace(), "Maria Lopez");
    older.exportedAt = "2026-11-29T10:00:00.000Z";
    writeContributionFile(older, dir.file("older.focalcontrib"), &agencyKey());
    agency.answer("q_4", "7");
    Contribution newer = contributionFromRequest(agency.workspace(), "Maria Lopez");
    newer.exportedAt = "2026-11-30T10:00:00.000Z";
    writeContributionFile(newer, dir.file("newer.focalcontrib"), &agencyKey());
  }
  ImportSummary first = focal.import("newer.focalcontrib");
  EXPECT_EQ(focal.value("q_4"), "7");
  EXPECT_THAT(first.stale, IsEmpty());

  ImportSummary old = focal.import("older.focalcontrib");  // out of order
  EXPECT_EQ(focal.value("q_4"), "7");
  EXPECT_THAT(old.applied, IsEmpty());
  EXPECT_THAT(old.stale, ::testing::Contains("q_4"));
  EXPECT_EQ(old.newerExportedAt, "2026-11-30T10:00:00.000Z");

  focal.document().answer("q_4", "9");  // the focal point's own later edit
  ImportSummary replay = focal.import("newer.focalcontrib");
  EXPECT_TRUE(replay.importedBefore);
  EXPECT_THAT(replay.applied, IsEmpty());
  EXPECT_THAT(replay.stale, ::testing::Contains("q_4"));
  EXPECT_EQ(focal.value("q_4"), "9");
}

TEST(ContributionImport, ConflictsKeepBothSidesWithWhoAndWhenAndAreResolved) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_3", "Agency text");
    agency.answer("q_4", "9");
    agency.answer("q_6[rb]/q_6_title", "Spain, revised");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.document().answer("q_3", "Focal point text");
  focal.document().answer("q_4", "5");
  focal.document().removeRecord("q_6", "rb");
  ImportSummary s = focal.import("justice.focalcontrib");
  ASSERT_EQ(s.conflicts.size(), 3u);
  auto q3 = focal.store().openConflict(focal.response(), "q_3");
  ASSERT_TRUE(q3.has_value());
  EXPECT_EQ(q3->conflict.base, "Shelters and legal aid");
  EXPECT_EQ(q3->conflict.ours, "Focal point text");
  EXPECT_EQ(q3->conflict.theirs, "Agency text");
  EXPECT_EQ(q3->theirsBy, "Maria Lopez");
  EXPECT_EQ(q3->oursBy, "Jeanne Martin");
  EXPECT_EQ(q3->baseBy, "Jeanne Martin");
  EXPECT_FALSE(q3->theirsAt.empty());
  EXPECT_FALSE(q3->oursAt.empty());
  EXPECT_EQ(focal.value("q_3"), "Focal point text");  // nothing taken before a decision

  resolveConflict(focal.document(), focal.store(), *q3, Resolution::Theirs);
  EXPECT_EQ(focal.value("q_3"), "Agency text");
  EXPECT_EQ(focal.store().currentProvenance(focal.response()).at("q_3").agency, "Ministry of Justice");
  resolveConflict(focal.document(), focal.store(), *focal.store().openConflict(focal.response(), "q_4"),
                  Resolution::Edited, "7");
  EXPECT_EQ(focal.value("q_4"), "7");
  auto record = focal.store().openConflict(focal.response(), "q_6[rb]");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->conflict.kind, ConflictKind::RecordRemovedByUs);
  resolveConflict(focal.document(), focal.store(), *record, Resolution::Theirs);
  EXPECT_EQ(focal.value("q_6[rb]/q_6_title"), "Spain, revised");
  EXPECT_THAT(focal.store().openConflicts(focal.response()), IsEmpty());

  // Imported again, nothing comes back.
  ImportSummary again = focal.import("justice.focalcontrib");
  EXPECT_THAT(again.conflicts, IsEmpty());
  EXPECT_THAT(again.applied, IsEmpty());
  EXPECT_EQ(focal.value("q_4"), "7");
}

TEST(ContributionImport, SeveralAgenciesInAnyOrder) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  focal.request("Police", {"cooperation", "q_2"}, "police.focal");
  {
    Agency justice(dir, "justice.focal");
    justice.answer("q_4", "6");
    justice.exportTo("justice.focalcontrib", agencyKey());
    Agency police(dir, "police.focal", "Ahmed Benali");
    police.answer("q_9", "+33 1 00 00 00 00");
    police.answer("q_2", "Penal code, article 225-4-1");
    police.exportTo("police.focalcontrib", SigningKey::generate());
  }
  ImportSummary police = focal.import("police.focalcontrib");
  ImportSummary justice = focal.import("justice.focalcontrib");
  EXPECT_THAT(paths(police.applied), ::testing::UnorderedElementsAre("q_9", "q_2"));
  EXPECT_THAT(paths(justice.applied), ::testing::ElementsAre("q_4"));
  auto provenance = focal.store().currentProvenance(focal.response());
  EXPECT_EQ(provenance.at("q_9").agency, "Police");
  EXPECT_EQ(provenance.at("q_9").person, "Ahmed Benali");
  EXPECT_EQ(provenance.at("q_4").agency, "Ministry of Justice");
  EXPECT_EQ(focal.store().dashboard(focal.response()).size(), 2u);
}

}  // namespace
}  // namespace focal
