// Carry-forward control and the upgrade plan through focal-cli: `status`
// lists an answer that `confirm_carried: required` makes blocking with what
// to do, `export --final` refuses it, and `upgrade` lists what it will do
// (with --dry-run, only that).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::CliRun;
using test::TempDir;

class CarryControlCliTest : public ::testing::Test {
 protected:
  CliRun cli(const std::string& args) { return test::runCli(dir, args); }
  TempDir dir;
};

const std::string kMustConfirm =
    "Carried forward from the previous cycle and not yet confirmed; the questionnaire requires it to be "
    "confirmed before a final report: confirm it (Confirm beside the answer, Ctrl+Shift+C) or change it.";

TEST_F(CarryControlCliTest, AnUnconfirmedCarriedAnswerBlocksAFinalExport) {
  test::writeFile(dir.file("old.yaml"), test::storeYaml("old", "1", R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
)"));
  test::writeFile(dir.file("next.yaml"), test::storeYaml("next", "1", R"(  - id: s
    title: S
    questions:
      - {id: n_1, type: yes_no, label: Gate again, carry_forward_from: q_1}
)",
                                                         "previous_cycle: old\nconfirm_carried: required\n"));
  ASSERT_EQ(cli("new old.focal --questionnaire old.yaml --state NGA").code, 0);
  test::writeFile(dir.file("a.json"), R"({"q_1": true})");
  ASSERT_EQ(cli("fill old.focal --answers a.json").code, 0);
  CliRun r = cli("new new.focal --questionnaire next.yaml --state NGA --from old.focal");
  ASSERT_EQ(r.code, 0) << r.err;

  r = cli("status new.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto carried = nlohmann::json::parse(r.out)["responses"][0]["carried_pending"];
  ASSERT_EQ(carried.size(), 1u) << r.out;
  EXPECT_EQ(carried[0]["path"], "n_1");
  EXPECT_EQ(carried[0]["blocks_final"], true);
  EXPECT_EQ(carried[0]["message"], kMustConfirm);
  r = cli("status new.focal");
  EXPECT_NE(r.out.find("Carried forward, to confirm (1):\n    n_1  Gate again\n      " + kMustConfirm + "\n"),
            std::string::npos)
      << r.out;

  r = cli("export new.focal --format report --final -o final.focalreport");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("1 question needs attention:\n  1 S > Gate again (n_1): " + kMustConfirm + "\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(cli("export new.focal --format report -o draft.focalreport").code, 0);  // a draft is not blocked
}

TEST_F(CarryControlCliTest, NewFromListsTheRecordsTheFilterLeftOut) {
  test::writeFile(dir.file("cf-1.yaml"), test::storeYaml("cf-1", "1", R"(  - id: s
    title: S
    questions:
      - id: a_5
        type: repeat
        label: Agreements
        questions:
          - {id: a_5_partner, type: country, label: Partner}
          - {id: a_5_active, type: yes_no, label: In force}
)"));
  test::writeFile(dir.file("cf-2.yaml"), test::storeYaml("cf-2", "1", R"(  - id: s
    title: S
    questions:
      - id: b_5
        type: repeat
        label: Agreements
        carry_forward_from: a_5
        carry_forward_filter: "${b_5_active} = 'yes'"
        questions:
          - {id: b_5_partner, type: country, label: Partner, carry_forward_from: a_5_partner}
          - {id: b_5_active, type: yes_no, label: In force, carry_forward_from: a_5_active}
)",
                                                         "previous_cycle: cf-1\n"));
  ASSERT_EQ(cli("new p.focal --questionnaire cf-1.yaml --state NGA").code, 0);
  test::writeFile(dir.file("r.csv"),
                  "question_id,value\na_5[1]/a_5_partner,FRA\na_5[1]/a_5_active,yes\n"
                  "a_5[2]/a_5_partner,BEN\na_5[2]/a_5_active,no\n");
  ASSERT_EQ(cli("fill p.focal --answers r.csv").code, 0);
  CliRun r = cli("new n.focal --questionnaire cf-2.yaml --state NGA --from p.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Carried forward 1 question from p.focal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nRecords not carried forward:\n  a_5["), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("]: the record does not meet the carry_forward_filter of b_5: ${b_5_active} = 'yes'\n"),
      std::string::npos)
      << r.out;
  r = cli("status n.focal --json");
  const auto response = nlohmann::json::parse(r.out)["responses"][0];
  EXPECT_EQ(response["since_previous_cycle"]["unconfirmed"].size(), 1u) << r.out;
}

TEST_F(CarryControlCliTest, UpgradeListsWhatItWillDoFromTheDiff) {
  test::writeFile(dir.file("v1.yaml"), test::storeYaml("up", "1", R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_2, type: text, label: Gone later}
      - {id: q_3, type: integer, label: Count}
      - id: q_4
        type: single_choice
        label: Scope
        choices: [{value: national, label: National}, {value: mixed, label: Mixed}]
)"));
  test::writeFile(dir.file("v2.yaml"), test::storeYaml("up", "2", R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_3, type: decimal, label: Count}
      - id: q_4
        type: single_choice
        label: Scope
        choices: [{value: national, label: National}, {value: both, label: Both}]
      - {id: q_5, type: text, label: New}
)"));
  ASSERT_EQ(cli("new w.focal --questionnaire v1.yaml --state NGA").code, 0);
  test::writeFile(dir.file("a.json"), R"({"q_1": true, "q_2": "a paragraph", "q_3": 4, "q_4": "mixed"})");
  ASSERT_EQ(cli("fill w.focal --answers a.json").code, 0);

  const std::string plan =
      "What version 2 changes for the answers of response 1 (the differences focal-cli diff lists):\n"
      "  q_2  removed: 1 answer set aside (the question q_2 is not in version 2)\n"
      "  q_3  type (integer -> decimal): 1 answer set aside (q_3 changed from integer to decimal)\n"
      "  q_4  choices (national, mixed -> national, both): 1 answer kept to review (";
  CliRun r = cli("upgrade w.focal --questionnaire v2.yaml --dry-run");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(plan), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  In all: 1 answer kept, 1 to review, 2 set aside; 1 question added.\n"
                       "Nothing was changed (--dry-run); run the command without --dry-run to upgrade.\n"),
            std::string::npos)
      << r.out;
  r = cli("status w.focal --json");
  EXPECT_EQ(nlohmann::json::parse(r.out)["responses"][0]["questionnaire"]["version"], "1") << r.out;

  r = cli("upgrade w.focal --questionnaire v2.yaml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(plan), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("upgraded from version 1 to 2; 2 answers kept"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 answers no longer fit and were set aside"), std::string::npos) << r.out;
  r = cli("upgrade w.focal --questionnaire v2.yaml --dry-run");
  EXPECT_NE(r.out.find("already uses this text of up version 2; nothing was changed."), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace focal
