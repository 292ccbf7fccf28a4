// Answers across questionnaire versions and cycles: the upgrade of a
// response (mapped by question id, what no longer fits set aside and
// listed) and carry-forward from the previous cycle.
#include <gtest/gtest.h>

#include <set>

#include "forms/workspace.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::failureKind;
using test::TempDir;
using test::testOptions;
using Kind = WorkspaceError::Kind;

// ---- upgrade -------------------------------------------------------------------------

const char* kVersion1 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_2, type: text, label: Gone in version 2}
      - {id: q_3, type: integer, label: Becomes yes/no}
      - id: q_4
        type: single_choice
        label: Loses a choice
        choices: [{value: a, label: A}, {value: b, label: B}]
      - {id: q_5, type: text, label: Becomes long text}
      - id: r
        type: repeat
        label: Records
        questions:
          - {id: r_a, type: text, label: A}
          - {id: r_b, type: text, label: Moves out of the list}
)";
const char* kVersion2 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_3, type: yes_no, label: Now yes/no}
      - id: q_4
        type: single_choice
        label: Lost a choice
        choices: [{value: a, label: A}]
      - {id: q_5, type: long_text, label: Long now}
      - {id: r_b, type: text, label: Outside now}
      - id: r
        type: repeat
        label: Records
        questions:
          - {id: r_a, type: text, label: A}
)";

TEST(Workspace, UpgradesAResponseAndSetsAsideWhatNoLongerFits) {
  TempDir dir;
  auto v1 = test::loadStoreQuestionnaire(test::storeYaml("up", "1", kVersion1));
  auto v2 = test::loadStoreQuestionnaire(test::storeYaml("up", "2", kVersion2));
  auto ws = Workspace::create(dir.file("a.focal"), testOptions());
  ResponseId id = ws->createResponse(*v1, "NGA", "en");
  ws->write(id, {{"q_1", "yes"},
                 {"q_1@comment", "confirmed"},
                 {"q_2", "a paragraph"},
                 {"q_3", "12"},
                 {"q_4", "b"},
                 {"q_5", "short"},
                 {"r", "k1"},
                 {"r[k1]/r_a", "kept"},
                 {"r[k1]/r_b", "moved"}});
  UpgradeReport report = ws->upgradeResponse(id, *v2);
  EXPECT_FALSE(report.unchanged);
  EXPECT_EQ(report.fromVersion, "1");
  EXPECT_EQ(report.toVersion, "2");
  EXPECT_EQ(report.kept, 6u);  // q_1, its comment, q_4, q_5, r, r[k1]/r_a
  ASSERT_EQ(report.orphaned.size(), 3u);
  std::map<std::string, std::string> reasons;
  for (const auto& o : report.orphaned) reasons[o.path] = o.reason;
  EXPECT_NE(reasons["q_2"].find("not in version 2"), std::string::npos) << reasons["q_2"];
  EXPECT_NE(reasons["q_3"].find("integer to yes_no"), std::string::npos) << reasons["q_3"];
  EXPECT_NE(reasons["r[k1]/r_b"].find("no longer asked inside a list"), std::string::npos)
      << reasons["r[k1]/r_b"];
  ASSERT_EQ(report.needsReview.size(), 1u);
  EXPECT_EQ(report.needsReview[0].first, "q_4");
  EXPECT_FALSE(report.safetyCopy.empty());

  auto answers = ws->answers(id);
  EXPECT_EQ(answers.size(), 6u);
  EXPECT_EQ(answers.count("q_2"), 0u);
  EXPECT_EQ(answers["q_5"], "short");
  auto orphaned = ws->orphanedAnswers(id);
  ASSERT_EQ(orphaned.size(), 3u);
  EXPECT_EQ(orphaned[0].value, "a paragraph");
  EXPECT_EQ(orphaned[0].fromVersion, "1");
  EXPECT_EQ(ws->response(id).questionnaireVersion, "2");
  EXPECT_EQ(ws->questionnaire(id)->info.version, "2");
  EXPECT_EQ(ws->history(id, "q_2").back().value, "");  // the removal is in the history

  EXPECT_TRUE(ws->upgradeResponse(id, *v2).unchanged);
  auto other = test::storeQuestionnaire();
  EXPECT_EQ(failureKind([&] { ws->upgradeResponse(id, *other); }), Kind::Refused);
}

// ---- carry-forward -----------------------------------------------------------------

const char* kCycle1 = R"(  - id: s
    title: S
    questions:
      - {id: a_1, type: yes_no, label: Criminalized}
      - {id: a_2, type: legislation, label: Law}
      - id: a_3
        type: table
        label: Victims
        rows: [{id: y2020, label: "2020"}, {id: y2021, label: "2021"}]
        columns: [{id: women, label: Women}]
      - {id: a_4, type: text, label: Not asked again}
      - id: a_5
        type: repeat
        label: Agreements
        questions:
          - {id: a_5_partner, type: country, label: Partner}
          - {id: a_5_year, type: year, label: Year}
      - {id: a_6, type: attachment, label: Text of the law}
)";
const char* kCycle2 = R"(  - id: s
    title: S
    questions:
      - {id: b_1, type: yes_no, label: Criminalized, carry_forward_from: a_1}
      - {id: b_2, type: legislation, label: Law, carry_forward_from: a_2}
      - id: b_3
        type: table
        label: Victims
        carry_forward_from: a_3
        rows: [{id: y2021, label: "2021"}, {id: y2022, label: "2022"}]
        columns: [{id: women, label: Women}]
      - {id: b_4, type: text, label: New}
      - id: b_5
        type: repeat
        label: Agreements
        carry_forward_from: a_5
        questions:
          - {id: b_5_partner, type: country, label: Partner, carry_forward_from: a_5_partner}
      - {id: b_6, type: attachment, label: Text of the law, carry_forward_from: a_6}
)";

TEST(Workspace, CarriesAnswersForwardFromThePreviousCycle) {
  TempDir dir;
  auto c1 = test::loadStoreQuestionnaire(test::storeYaml("cyc-1", "1", kCycle1));
  auto c2 = test::loadStoreQuestionnaire(test::storeYaml("cyc-2", "1", kCycle2, "previous_cycle: cyc-1\n"));
  const std::string previousPath = dir.file("cycle1.focal");
  {
    auto previous = Workspace::create(previousPath, testOptions());
    ResponseId old = previous->createResponse(*c1, "NGA", "en");
    previous->write(old, {{"a_1", "yes"},
                          {"a_1@comment", "see the 2009 law"},
                          {"a_2/title", "Penal Code"},
                          {"a_2/article", "225-4-1"},
                          {"a_3/y2020/women", "4"},
                          {"a_3/y2021/women", "6"},
                          {"a_4", "dropped"},
                          {"a_5", "k1 k2"},
                          {"a_5[k1]/a_5_partner", "FRA"},
                          {"a_5[k1]/a_5_year", "2005"},
                          {"a_5[k2]/a_5_partner", "BEN"},
                          {"a_6", "law.txt"}});
    const std::string law = "Article 1.";
    previous->storeAttachment(old, "a_6", "law.txt", "text/plain",
                              std::span(reinterpret_cast<const unsigned char*>(law.data()), law.size()), 0);
    previous->createResponse(*c1, "FRA", "en");  // another State's: not chosen
  }
  WorkspaceOptions readOnly = testOptions();
  readOnly.readOnly = true;
  auto previous = Workspace::open(previousPath, readOnly);
  auto found = findPreviousResponse(*previous, *c2, "NGA");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, 1);
  EXPECT_FALSE(findPreviousResponse(*previous, *c2, "KEN"));
  CarryForward carried = carryForward(*c2, *previous->questionnaire(*found), previous->answers(*found));
  EXPECT_EQ(carried.questions, 5u);
  const std::map<std::string, std::string> expected = {
      {"b_1", "yes"},
      {"b_1@comment", "see the 2009 law"},
      {"b_1@carried", "pending"},
      {"b_1@previous", R"({"b_1":"yes"})"},
      {"b_2/title", "Penal Code"},
      {"b_2/article", "225-4-1"},
      {"b_2@carried", "pending"},
      {"b_2@previous", R"({"b_2/article":"225-4-1","b_2/title":"Penal Code"})"},
      {"b_3/y2021/women", "6"},
      {"b_3@carried", "pending"},
      {"b_3@previous", R"({"b_3/y2021/women":"6"})"},
      {"b_5", "k1 k2"},
      {"b_5[k1]/b_5_partner", "FRA"},
      {"b_5[k2]/b_5_partner", "BEN"},
      {"b_5@carried", "pending"},
      {"b_5@previous", R"({"b_5":"k1 k2","b_5[k1]/b_5_partner":"FRA","b_5[k2]/b_5_partner":"BEN"})"},
      {"b_6", "law.txt"},
      {"b_6@carried", "pending"},
      {"b_6@previous", R"({"b_6":"law.txt"})"},
  };
  EXPECT_EQ(carried.answers, expected);
  std::set<std::string> notCarried;
  for (const auto& [path, why] : carried.notCarried) notCarried.insert(path);
  EXPECT_EQ(notCarried, (std::set<std::string>{"a_3/y2020/women", "a_4", "a_5[k1]/a_5_year"}));

  // Stored with the new response, in one go; the session sees them pending.
  auto ws = Workspace::create(dir.file("cycle2.focal"), testOptions());
  ResponseId id = ws->createResponse(*c2, "NGA", "en", carried.answers);
  EXPECT_EQ(carried.attachments, (std::vector<std::pair<std::string, std::string>>{{"a_6", "b_6"}}));
  EXPECT_EQ(carryAttachments(*previous, *found, *ws, id, carried), 1u);
  auto file = ws->attachment(id, "b_6");
  ASSERT_TRUE(file);
  EXPECT_EQ(std::string(file->data.begin(), file->data.end()), "Article 1.");
  ResponseSession session(ws->questionnaire(id));
  session.load(ws->answers(id));
  int pending = 0;
  for (const auto& p : session.problems()) pending += p.kind == ProblemKind::CarriedForwardPending;
  EXPECT_EQ(pending, 5);

  std::string message;
  EXPECT_EQ(failureKind([&] { carryForward(*c1, *c2, {}); }, &message), Kind::Refused);
  EXPECT_EQ(failureKind([&] { carryForward(*c2, *c2, {}); }, &message), Kind::Refused);
  EXPECT_NE(message.find("cyc-1"), std::string::npos) << message;
}

}  // namespace
}  // namespace focal
