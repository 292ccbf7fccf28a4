// focal-cli new, fill, status, history, backup, restore and upgrade, run as
// a focal point would run them: exit codes, and messages that name the file
// or the row and say what to do.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;

using test::CliRun;

class CliTest : public ::testing::Test {
 protected:
  CliRun cli(const std::string& args) { return test::runCli(dir, args); }
  void SetUp() override {
    test::writeFile(dir.file("q.yaml"), test::storeYaml("store-test", "1", test::kStoreSections));
  }
  TempDir dir;
};

TEST_F(CliTest, StartsFillsAndReportsAResponse) {
  CliRun r = cli("new nga.focal --questionnaire q.yaml --state nga");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Started response 1 in nga.focal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("NGA"), std::string::npos);

  test::writeFile(dir.file("answers.csv"),
                  "question_id,value\nq_1,no\nq_3,many\nq_2,\"Because, in short, the law is older.\"\n"
                  "q_7[1]/q_7_partner,FRA\n");
  r = cli("fill nga.focal --answers answers.csv");
  EXPECT_EQ(r.code, 1) << r.err;  // one row rejected, the others saved
  EXPECT_NE(r.err.find("answers.csv: row 3: q_3: Enter a whole number"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run fill again"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("3 answers saved, 1 record added"), std::string::npos) << r.out;

  r = cli("status nga.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto status = nlohmann::json::parse(r.out);
  const auto& response = status["responses"][0];
  EXPECT_EQ(response["state"], "NGA");
  EXPECT_EQ(response["progress"]["answered"], 3);
  EXPECT_EQ(response["sections"].size(), 2u);
  EXPECT_EQ(response["created"]["by"], "ana");
  EXPECT_TRUE(response["required_unanswered"].empty());
  r = cli("status nga.focal");
  EXPECT_NE(r.out.find("General (general): 2 of 4 answered"), std::string::npos) << r.out;

  r = cli("fill nga.focal --answers answers.csv --user omar");
  r = cli("history nga.focal q_2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ana  q_2  = Because, in short"), std::string::npos) << r.out;
  r = cli("history nga.focal q_22");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("did you mean 'q_2'"), std::string::npos) << r.err;
}

TEST_F(CliTest, RefusesWhatItCannotUseWithAClearMessage) {
  CliRun r = cli("new nga.focal --questionnaire q.yaml --state XXX");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("'XXX' is not an ISO 3166 alpha-3 country code"), std::string::npos) << r.err;
  r = cli("fill missing.focal --answers a.csv");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("missing.focal does not exist"), std::string::npos) << r.err;
  ASSERT_EQ(cli("new nga.focal --questionnaire q.yaml --state NGA").code, 0);
  r = cli("new nga.focal --questionnaire q.yaml --state NGA");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("already holds response 1"), std::string::npos) << r.err;
  ASSERT_EQ(cli("new nga.focal --questionnaire q.yaml --state BEN").code, 0);
  r = cli("status nga.focal --response 7");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no response 7"), std::string::npos) << r.err;
  test::writeFile(dir.file("a.csv"), "q_1,yes\n");
  r = cli("fill nga.focal --answers a.csv");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("choose one with --response ID"), std::string::npos) << r.err;
  r = cli("fill nga.focal --answers a.csv --response 2");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("header question_id,value"), std::string::npos) << r.err;
  test::RawDb(dir.file("nga.focal")).exec("PRAGMA user_version = 9");
  r = cli("status nga.focal");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("newer version of Focal"), std::string::npos) << r.err;
}

TEST_F(CliTest, TellsWhoHasTheWorkspaceOpen) {
  ASSERT_EQ(cli("new nga.focal --questionnaire q.yaml --state NGA").code, 0);
  auto held = Workspace::open(dir.file("nga.focal"), test::testOptions("maria"));
  test::writeFile(dir.file("a.csv"), "question_id,value\nq_1,yes\n");
  CliRun r = cli("fill nga.focal --answers a.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is open in Focal by maria"), std::string::npos) << r.err;
  r = cli("status nga.focal");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Open in Focal by maria"), std::string::npos) << r.out;
}

TEST_F(CliTest, BacksUpAndRestores) {
  ASSERT_EQ(cli("new nga.focal --questionnaire q.yaml --state NGA").code, 0);
  test::writeFile(dir.file("a.csv"), "question_id,value\nq_1,yes\n");
  ASSERT_EQ(cli("fill nga.focal --answers a.csv").code, 0);
  CliRun r = cli("backup nga.focal -o before.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("backup nga.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("nga.focal.backups/nga-"), std::string::npos) << r.out;
  test::writeFile(dir.file("b.csv"), "question_id,value\nq_1,no\n");
  ASSERT_EQ(cli("fill nga.focal --answers b.csv").code, 0);
  r = cli("restore nga.focal --from before.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("What it held before is kept in"), std::string::npos) << r.out;
  auto ws = Workspace::open(dir.file("nga.focal"), test::testOptions());
  EXPECT_EQ(ws->answers(1).at("q_1"), "yes");
  ws.reset();
  r = cli("restore nga.focal --from nowhere.focal");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nowhere.focal does not exist"), std::string::npos) << r.err;
}

TEST_F(CliTest, UpgradesAndCarriesForward) {
  const std::string v1 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_2, type: text, label: Gone later}
)";
  const std::string v2 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
)";
  const std::string next = R"(  - id: s
    title: S
    questions:
      - {id: n_1, type: yes_no, label: Gate again, carry_forward_from: q_1}
)";
  test::writeFile(dir.file("v1.yaml"), test::storeYaml("up", "1", v1));
  test::writeFile(dir.file("v2.yaml"), test::storeYaml("up", "2", v2));
  test::writeFile(dir.file("next.yaml"), test::storeYaml("next", "1", next, "previous_cycle: up\n"));
  ASSERT_EQ(cli("new old.focal --questionnaire v1.yaml --state NGA").code, 0);
  test::writeFile(dir.file("a.json"), R"({"q_1": true, "q_2": "a paragraph"})");
  ASSERT_EQ(cli("fill old.focal --answers a.json").code, 0);
  CliRun r = cli("upgrade old.focal --questionnaire v2.yaml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("upgraded from version 1 to 2; 1 answer kept"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("q_2 = a paragraph"), std::string::npos) << r.out;
  r = cli("status old.focal");
  EXPECT_NE(r.out.find("Set aside by questionnaire upgrades (1)"), std::string::npos) << r.out;
  r = cli("history old.focal q_2");
  EXPECT_NE(r.out.find("set aside by the upgrade from version 1 to 2"), std::string::npos) << r.out;

  r = cli("new new.focal --questionnaire next.yaml --state NGA --from old.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Carried forward 1 question from old.focal"), std::string::npos) << r.out;
  r = cli("status new.focal --json");
  auto status = nlohmann::json::parse(r.out);
  EXPECT_EQ(status["responses"][0]["carried_pending"][0]["path"], "n_1");
  r = cli("new other.focal --questionnaire next.yaml --state BEN --from old.focal");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("holds no response of BEN"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace focal
