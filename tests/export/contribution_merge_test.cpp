// The three-way merge, as a matrix: unchanged, only theirs, only ours, both
// the same, both different, removed on one side; for plain answers, table
// cells and repeat records; and merging the same contribution twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"
#include "export/contribution/contribution_merge.h"
#include "forms/answer_value.h"
#include "forms/response_session.h"

namespace focal {
namespace {

using Answers = std::map<std::string, std::string>;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const Questionnaire& q() {
  static auto questionnaire = test::contributionQuestionnaire();
  return *questionnaire;
}

// A side: the answers given, with absent entries for "" values.
Answers side(std::initializer_list<std::pair<const std::string, std::string>> values) {
  Answers out;
  for (const auto& [path, value] : values)
    if (!value.empty()) out[path] = value;
  return out;
}

// What merging does to `ours`, as the session stores it.
Answers mergedAnswers(const Answers& ours, const MergeResult& result) {
  ResponseSession session(test::contributionQuestionnaire());
  session.load(ours);
  session.apply(result.writes);
  return session.answers();
}

struct FieldCase {
  const char* name;
  std::string base, ours, theirs;
  enum { Unchanged, Applied, Conflict } expected;
  std::string result;  // the focal point's value afterwards
};

class FieldMatrix : public ::testing::TestWithParam<std::tuple<std::string, FieldCase>> {};

TEST_P(FieldMatrix, MergesTheField) {
  const auto& [path, c] = GetParam();
  // A record field's record exists on every side.
  const std::string list = path.starts_with("q_6[") ? "ra" : "";
  const Answers base = side({{path, c.base}, {"q_6", list}}), ours = side({{path, c.ours}, {"q_6", list}}),
                theirs = side({{path, c.theirs}, {"q_6", list}});
  MergeResult r = mergeContribution(q(), base, ours, theirs);
  switch (c.expected) {
    case FieldCase::Unchanged:
      EXPECT_THAT(r.writes, IsEmpty());
      EXPECT_THAT(r.conflicts, IsEmpty());
      if (!c.base.empty() || !c.theirs.empty()) {
        EXPECT_THAT(r.unchanged, Contains(path));
      }
      break;
    case FieldCase::Applied:
      ASSERT_EQ(r.writes.size(), 1u);
      EXPECT_EQ(r.writes[0].path, path);
      EXPECT_EQ(r.writes[0].value, c.theirs);
      EXPECT_THAT(r.applied, ElementsAre(path));
      break;
    case FieldCase::Conflict:
      EXPECT_THAT(r.writes, IsEmpty());
      ASSERT_EQ(r.conflicts.size(), 1u);
      EXPECT_EQ(r.conflicts[0].kind, ConflictKind::Value);
      EXPECT_EQ(r.conflicts[0].path, path);
      EXPECT_EQ(r.conflicts[0].base, c.base);
      EXPECT_EQ(r.conflicts[0].ours, c.ours);
      EXPECT_EQ(r.conflicts[0].theirs, c.theirs);
      break;
  }
  const Answers after = mergedAnswers(ours, r);
  EXPECT_EQ(after.contains(path) ? after.at(path) : std::string(), c.result);
  // The next base holds the agency's value unless a conflict is still open.
  const std::string nextBase = r.nextBase.contains(path) ? r.nextBase.at(path) : std::string();
  EXPECT_EQ(nextBase, c.expected == FieldCase::Conflict ? c.base : c.theirs);
}

const FieldCase kFieldCases[] = {
    {"unchanged", "4", "4", "4", FieldCase::Unchanged, "4"},
    {"only_theirs", "4", "4", "7", FieldCase::Applied, "7"},
    {"only_ours", "4", "5", "4", FieldCase::Unchanged, "5"},
    {"both_same", "4", "7", "7", FieldCase::Unchanged, "7"},
    {"both_different", "4", "5", "7", FieldCase::Conflict, "5"},
    {"removed_by_them", "4", "4", "", FieldCase::Applied, ""},
    {"removed_by_them_edited_by_us", "4", "5", "", FieldCase::Conflict, "5"},
    {"removed_by_us", "4", "", "4", FieldCase::Unchanged, ""},
    {"removed_by_us_edited_by_them", "4", "", "7", FieldCase::Conflict, ""},
    {"removed_by_both", "4", "", "", FieldCase::Unchanged, ""},
    {"added_by_them", "", "", "7", FieldCase::Applied, "7"},
    {"added_by_both_differently", "", "5", "7", FieldCase::Conflict, "5"},
};

INSTANTIATE_TEST_SUITE_P(Answers, FieldMatrix,
                         ::testing::Combine(::testing::Values("q_4", "q_5/y2023/men", "q_6[ra]/q_6_title"),
                                            ::testing::ValuesIn(kFieldCases)),
                         [](const auto& info) {
                           std::string path = std::get<0>(info.param);
                           std::string name = path == "q_4"    ? "plain"
                                              : path[2] == '5' ? "table_cell"
                                                               : "record_field";
                           return name + "_" + std::get<1>(info.param).name;
                         });

// ---- repeat records -------------------------------------------------------------

const Answers kRecords = {{"q_6", "ra rb"},
                          {"q_6[ra]/q_6_partner", "ITA"},
                          {"q_6[ra]/q_6_title", "Italy"},
                          {"q_6[rb]/q_6_partner", "ESP"},
                          {"q_6[rb]/q_6_title", "Spain"}};

Answers with(Answers answers, std::initializer_list<std::pair<const std::string, std::string>> changes) {
  for (const auto& [path, value] : changes) {
    if (value.empty())
      answers.erase(path);
    else
      answers[path] = value;
  }
  return answers;
}

Answers withoutRecord(Answers answers, const std::string& key) {
  std::erase_if(answers, [&](const auto& e) { return e.first.find("[" + key + "]") != std::string::npos; });
  auto keys = splitWords(answers["q_6"]);
  std::erase(keys, key);
  answers["q_6"] = joinWords(keys);
  if (answers["q_6"].empty()) answers.erase("q_6");
  return answers;
}

TEST(RecordMerge, UnchangedOnBothSidesChangesNothing) {
  MergeResult r = mergeContribution(q(), kRecords, kRecords, kRecords);
  EXPECT_THAT(r.writes, IsEmpty());
  EXPECT_THAT(r.conflicts, IsEmpty());
  EXPECT_EQ(r.unchanged.size(), kRecords.size());
}

TEST(RecordMerge, ARecordAddedByTheAgencyIsAdded) {
  const Answers theirs = with(kRecords, {{"q_6", "ra rb rc"}, {"q_6[rc]/q_6_partner", "DEU"}});
  MergeResult r = mergeContribution(q(), kRecords, kRecords, theirs);
  EXPECT_THAT(r.conflicts, IsEmpty());
  EXPECT_THAT(r.applied, UnorderedElementsAre("q_6", "q_6[rc]/q_6_partner"));
  EXPECT_EQ(mergedAnswers(kRecords, r), theirs);
}

TEST(RecordMerge, RecordsAddedOnBothSidesAreAllKept) {
  const Answers ours = with(kRecords, {{"q_6", "ra rb rd"}, {"q_6[rd]/q_6_partner", "BEL"}});
  const Answers theirs = with(kRecords, {{"q_6", "ra rc rb"}, {"q_6[rc]/q_6_partner", "DEU"}});
  MergeResult r = mergeContribution(q(), kRecords, ours, theirs);
  EXPECT_THAT(r.conflicts, IsEmpty());
  const Answers after = mergedAnswers(ours, r);
  EXPECT_EQ(after.at("q_6"), "ra rc rb rd");  // theirs after the record it followed there
  EXPECT_EQ(after.at("q_6[rd]/q_6_partner"), "BEL");
  EXPECT_EQ(after.at("q_6[rc]/q_6_partner"), "DEU");
}

TEST(RecordMerge, ARecordRemovedByTheAgencyIsRemoved) {
  const Answers theirs = withoutRecord(kRecords, "rb");
  MergeResult r = mergeContribution(q(), kRecords, kRecords, theirs);
  EXPECT_THAT(r.conflicts, IsEmpty());
  EXPECT_EQ(mergedAnswers(kRecords, r), theirs);
  EXPECT_EQ(r.nextBase, theirs);
}

TEST(RecordMerge, RemovedByTheAgencyButEditedByUsIsAConflict) {
  const Answers ours = with(kRecords, {{"q_6[rb]/q_6_title", "Spain (2021)"}});
  MergeResult r = mergeContribution(q(), kRecords, ours, withoutRecord(kRecords, "rb"));
  ASSERT_EQ(r.conflicts.size(), 1u);
  const MergeConflict& c = r.conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::RecordRemovedByThem);
  EXPECT_EQ(c.path, "q_6[rb]");
  EXPECT_EQ(c.ours, "q_6_partner: ESP; q_6_title: Spain (2021)");
  EXPECT_EQ(c.theirs, "");
  EXPECT_THAT(r.writes, IsEmpty());  // the record stays until someone decides
  EXPECT_EQ(r.nextBase.at("q_6"), "ra rb");

  Answers base = r.nextBase;
  settleConflict(base, c);
  EXPECT_EQ(base.at("q_6"), "ra");
  EXPECT_FALSE(base.contains("q_6[rb]/q_6_title"));
}

TEST(RecordMerge, RemovedByUsButEditedByTheAgencyIsAConflict) {
  const Answers theirs = with(kRecords, {{"q_6[rb]/q_6_title", "Spain, revised"}});
  MergeResult r = mergeContribution(q(), kRecords, withoutRecord(kRecords, "rb"), theirs);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, ConflictKind::RecordRemovedByUs);
  EXPECT_EQ(r.conflicts[0].theirs, "q_6_partner: ESP; q_6_title: Spain, revised");
  EXPECT_THAT(r.writes, IsEmpty());

  Answers base = r.nextBase;
  settleConflict(base, r.conflicts[0]);
  EXPECT_EQ(base, theirs);
}

TEST(RecordMerge, RemovedByUsAndUntouchedByTheAgencyStaysRemoved) {
  const Answers ours = withoutRecord(kRecords, "rb");
  MergeResult r = mergeContribution(q(), kRecords, ours, kRecords);
  EXPECT_THAT(r.conflicts, IsEmpty());
  EXPECT_THAT(r.writes, IsEmpty());
}

TEST(RecordMerge, DifferentFieldsOfOneRecordMergeWithoutConflict) {
  const Answers ours = with(kRecords, {{"q_6[ra]/q_6_partner", "SMR"}});
  const Answers theirs = with(kRecords, {{"q_6[ra]/q_6_title", "Italy, 2019"}});
  MergeResult r = mergeContribution(q(), kRecords, ours, theirs);
  EXPECT_THAT(r.conflicts, IsEmpty());
  const Answers after = mergedAnswers(ours, r);
  EXPECT_EQ(after.at("q_6[ra]/q_6_partner"), "SMR");
  EXPECT_EQ(after.at("q_6[ra]/q_6_title"), "Italy, 2019");
}

TEST(RecordMerge, OrderFollowsTheAgencyOnlyWhenOnlyTheyReordered) {
  const Answers theirs = with(kRecords, {{"q_6", "rb ra"}});
  EXPECT_EQ(mergedAnswers(kRecords, mergeContribution(q(), kRecords, kRecords, theirs)).at("q_6"), "rb ra");
  const Answers ours = with(kRecords, {{"q_6", "rb ra"}});
  const Answers theirsToo = with(kRecords, {{"q_6", "ra rb"}});
  EXPECT_EQ(mergedAnswers(ours, mergeContribution(q(), kRecords, ours, theirsToo)).at("q_6"), "rb ra");
}

// ---- merging twice -------------------------------------------------------------------

TEST(MergeAgain, TheSameContributionMergedAgainChangesNothing) {
  const Answers base = with(kRecords, {{"q_3", "Shelters"}, {"q_4", "4"}, {"q_5/y2022/women", "10"}});
  const Answers ours = with(base, {{"q_4", "5"}, {"q_3", "Shelters and aid"}});
  const Answers theirs = withoutRecord(with(base, {{"q_3", "Shelters, legal aid"},
                                                   {"q_5/y2022/women", "12"},
                                                   {"q_6", "ra rb rc"},
                                                   {"q_6[rc]/q_6_partner", "DEU"}}),
                                       "ra");
  MergeResult first = mergeContribution(q(), base, ours, theirs);
  ASSERT_EQ(first.conflicts.size(), 1u);  // q_3
  const Answers after = mergedAnswers(ours, first);
  MergeResult second = mergeContribution(q(), first.nextBase, after, theirs);
  EXPECT_THAT(second.writes, IsEmpty());
  EXPECT_THAT(second.applied, IsEmpty());
  EXPECT_EQ(second.conflicts, first.conflicts);
  EXPECT_EQ(second.nextBase, first.nextBase);
}

TEST(MergeAgain, OurLaterEditOfATakenAnswerIsNoConflict) {
  const Answers base = {{"q_4", "4"}};
  MergeResult first = mergeContribution(q(), base, base, {{"q_4", "7"}});
  MergeResult second = mergeContribution(q(), first.nextBase, {{"q_4", "8"}}, {{"q_4", "7"}});
  EXPECT_THAT(second.conflicts, IsEmpty());
  EXPECT_THAT(second.writes, IsEmpty());
}

TEST(MergeAgain, ALaterContributionBringsOnlyItsNewChanges) {
  const Answers base = {{"q_3", "a"}, {"q_4", "4"}};
  MergeResult first = mergeContribution(q(), base, base, {{"q_3", "b"}, {"q_4", "4"}});
  // The focal point edits q_3 after taking it; the agency then changes q_4 only.
  MergeResult second =
      mergeContribution(q(), first.nextBase, {{"q_3", "c"}, {"q_4", "4"}}, {{"q_3", "b"}, {"q_4", "6"}});
  EXPECT_THAT(second.conflicts, IsEmpty());
  ASSERT_EQ(second.writes.size(), 1u);
  EXPECT_EQ(second.writes[0].path, "q_4");
}

TEST(RecordConflictPath, RoundTrips) {
  std::string repeat, key;
  EXPECT_TRUE(parseRecordConflictPath(recordConflictPath("q_6", "rb"), repeat, key));
  EXPECT_EQ(repeat, "q_6");
  EXPECT_EQ(key, "rb");
  EXPECT_FALSE(parseRecordConflictPath("q_6[rb]/q_6_title", repeat, key));
}

}  // namespace
}  // namespace focal
