// focal-cli contribution, as a focal point and two agencies use it:
// request, fill, export, import (text and --json), status, resolve; and
// the refusals, with their exit codes and messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "contribution_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using ::testing::HasSubstr;
using json = nlohmann::json;

class ContributionCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "focal-cli is not built";
    test::writeFile(dir_.file("q.yaml"), test::kContributionQuestionnaire);
    ASSERT_EQ(cli("new national.focal --questionnaire q.yaml --state FRA --user Jeanne"), 0) << output_;
    std::string answers =
        "question_id,value\nq_1,yes\nq_3,Shelters\nq_4,4\nq_5/y2022/women,10\nq_8,Ministry of the Interior\n";
    test::writeFile(dir_.file("national.csv"), answers);
    ASSERT_EQ(cli("fill national.focal --answers national.csv --user Jeanne"), 0) << output_;
  }

  // Runs focal-cli in the test's folder, each person with a key of their own.
  int cli(const std::string& arguments, const std::string& person = "focal") {
    int status = -1;
    output_ = test::run("cd " + dir_.path() + " && FOCAL_CONFIG_DIR=" + dir_.file("config-" + person) + " " +
                            FOCAL_CLI + " " + arguments + " 2>&1",
                        &status);
    return status;
  }

  TempDir dir_;
  std::string output_;
};

// Attack (#18 point 2), through the command line: the agency's second
// contribution imported first, then the first one. The first is stale, says
// so with both numbers, and q_4 keeps the newer value.
TEST_F(ContributionCli, AnOlderContributionImportedAfterANewerOneIsStale) {
  ASSERT_EQ(cli("contribution request national.focal --agency 'Ministry of Justice' --sections victims "
                "-o justice.focal --user Jeanne"),
            0)
      << output_;
  for (const char* value : {"6", "7"}) {
    test::writeFile(dir_.file("justice.csv"), std::string("question_id,value\nq_4,") + value + "\n");
    ASSERT_EQ(cli("contribution fill justice.focal --answers justice.csv --user Maria", "maria"), 0)
        << output_;
    ASSERT_EQ(
        cli(std::string("contribution export justice.focal -o q4-") + value + ".focalcontrib --user Maria",
            "maria"),
        0)
        << output_;
  }
  ASSERT_EQ(cli("contribution import national.focal q4-7.focalcontrib --user Jeanne"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("1 applied"));
  ASSERT_EQ(cli("contribution import national.focal q4-6.focalcontrib --json --user Jeanne"), 0) << output_;
  json old = json::parse(output_);
  EXPECT_TRUE(old["applied"].empty());
  ASSERT_FALSE(old["stale"].empty());
  EXPECT_LT(old["stale"][0]["sequence"].get<long long>(), old["stale"][0]["newer_sequence"].get<long long>());
  ASSERT_EQ(cli("contribution import national.focal q4-6.focalcontrib --user Jeanne"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("stale, nothing applied: number "));
  EXPECT_THAT(output_, HasSubstr("already imported; its "));
  EXPECT_THAT(output_, ::testing::Not(HasSubstr("applied    ")));
  ASSERT_EQ(cli("history national.focal q_4"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("(contribution, imported by Jeanne)  q_4  = 7"));
  EXPECT_THAT(output_, ::testing::Not(HasSubstr("q_4  = 6")));
}

TEST_F(ContributionCli, RequestFillExportImportResolve) {
  ASSERT_EQ(cli("contribution request national.focal --agency 'Ministry of Justice' --sections victims "
                "-o justice.focal --user Jeanne"),
            0)
      << output_;
  EXPECT_THAT(output_, HasSubstr("Request for Ministry of Justice written to justice.focal"));

  test::writeFile(dir_.file("justice.csv"),
                  "question_id,value\nq_3,Shelters and legal aid\nq_4,6\nq_8,Police\n");
  EXPECT_EQ(cli("contribution fill justice.focal --answers justice.csv --user Maria", "maria"), 1) << output_;
  EXPECT_THAT(output_,
              HasSubstr("q_8 is in the section \"Cooperation\" (cooperation), which is not assigned"));
  ASSERT_EQ(cli("contribution export justice.focal -o justice.focalcontrib --user Maria", "maria"), 0)
      << output_;
  EXPECT_THAT(output_, HasSubstr("Contribution of Ministry of Justice written to justice.focalcontrib"));

  test::writeFile(dir_.file("later.csv"), "question_id,value\nq_3,Shelters run by the State\n");
  ASSERT_EQ(cli("fill national.focal --answers later.csv --user Jeanne"), 0) << output_;

  ASSERT_EQ(cli("contribution import national.focal justice.focalcontrib --json --user Jeanne"), 0)
      << output_;
  json first = json::parse(output_);
  ASSERT_EQ(first["applied"].size(), 1u);
  EXPECT_EQ(first["applied"][0]["path"], "q_4");
  EXPECT_EQ(first["applied"][0]["value"], "6");
  ASSERT_EQ(first["conflicts"].size(), 1u);
  EXPECT_EQ(first["conflicts"][0]["path"], "q_3");
  EXPECT_EQ(first["conflicts"][0]["theirs"], "Shelters and legal aid");
  EXPECT_EQ(first["conflicts"][0]["ours"], "Shelters run by the State");
  EXPECT_EQ(first["conflicts"][0]["base"], "Shelters");
  EXPECT_EQ(first["conflicts"][0]["theirs_by"], "Maria");
  EXPECT_EQ(first["conflicts"][0]["ours_by"], "Jeanne");
  EXPECT_FALSE(first["unchanged"].empty());

  // Again: stale, and said so (not "applied").
  ASSERT_EQ(cli("contribution import national.focal justice.focalcontrib --user Jeanne"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("stale, nothing applied: this same contribution was imported before"));
  EXPECT_THAT(output_, HasSubstr("were not applied and the newer values are kept"));
  EXPECT_THAT(output_, ::testing::Not(HasSubstr("applied    ")));

  ASSERT_EQ(cli("contribution status national.focal --json"), 0) << output_;
  json status = json::parse(output_);
  ASSERT_EQ(status["assignments"].size(), 1u);
  EXPECT_EQ(status["assignments"][0]["agency"], "Ministry of Justice");
  EXPECT_EQ(status["assignments"][0]["open_conflicts"], 1);
  EXPECT_EQ(status["assignments"][0]["returned_by"], "Maria");

  EXPECT_EQ(cli("contribution resolve national.focal q_3 --take theirs --user Jeanne"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("Shelters and legal aid"));
  ASSERT_EQ(cli("history national.focal q_3"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("Maria, Ministry of Justice (contribution, imported by Jeanne)"));
  ASSERT_EQ(cli("contribution status national.focal"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("0 conflicts open"));
}

// Attack (#18 point 4): plain focal-cli fill on an agency's request
// workspace stored answers outside the sections assigned to the agency.
TEST_F(ContributionCli, FillOnARequestWorkspaceKeepsToTheAgencysSections) {
  ASSERT_EQ(cli("contribution request national.focal --agency 'Ministry of Justice' --sections victims "
                "-o justice.focal --user Jeanne"),
            0)
      << output_;
  test::writeFile(dir_.file("wide.csv"), "question_id,value\nq_4,6\nq_8,Police\nq_9,Someone\n");
  EXPECT_EQ(cli("fill justice.focal --answers wide.csv --user Maria", "maria"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("wide.csv: row 3: q_8: q_8 is in the section \"Cooperation\" (cooperation), "
                                 "which is not assigned to Ministry of Justice"));
  EXPECT_THAT(output_, HasSubstr("wide.csv: row 4: q_9:"));
  EXPECT_THAT(output_, HasSubstr("1 answer saved"));
  // Nothing outside reached the file: the export (which refuses such answers) goes through.
  ASSERT_EQ(cli("contribution export justice.focal -o justice.focalcontrib --user Maria", "maria"), 0)
      << output_;
  ASSERT_EQ(cli("history justice.focal q_8"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("never answered"));
  EXPECT_THAT(output_, testing::Not(HasSubstr("Police")));
}

TEST_F(ContributionCli, RefusesAndImportsNothingWhenOneFileIsBad) {
  ASSERT_EQ(cli("contribution request national.focal --agency Police --sections cooperation -o police.focal"),
            0)
      << output_;
  ASSERT_EQ(cli("contribution request national.focal --agency Justice --sections victims -o justice.focal"),
            0)
      << output_;
  test::writeFile(dir_.file("p.csv"), "question_id,value\nq_9,+33 1 00\n");
  ASSERT_EQ(cli("contribution fill police.focal --answers p.csv", "police"), 0) << output_;
  ASSERT_EQ(cli("contribution export police.focal -o police.focalcontrib", "police"), 0) << output_;
  test::writeFile(dir_.file("j.csv"), "question_id,value\nq_4,9\n");
  ASSERT_EQ(cli("contribution fill justice.focal --answers j.csv", "justice"), 0) << output_;
  ASSERT_EQ(cli("contribution export justice.focal -o justice.focalcontrib", "justice"), 0) << output_;
  std::string bytes = test::readFile(dir_.file("justice.focalcontrib"));
  const std::string nine = R"(\"value\":\"9\")";
  bytes.replace(bytes.find(nine), nine.size(), R"(\"value\":\"8\")");
  test::writeFile(dir_.file("justice-altered.focalcontrib"), bytes);

  EXPECT_EQ(cli("contribution import national.focal police.focalcontrib justice-altered.focalcontrib"), 1)
      << output_;
  EXPECT_THAT(output_, HasSubstr("justice-altered.focalcontrib was not imported"));
  EXPECT_THAT(output_, HasSubstr("none was imported"));
  ASSERT_EQ(cli("status national.focal --json"), 0);
  EXPECT_THAT(output_, ::testing::Not(HasSubstr("+33 1 00")));

  // In any order, both at once.
  ASSERT_EQ(cli("contribution import national.focal justice.focalcontrib police.focalcontrib"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("Police ("));
  EXPECT_THAT(output_, HasSubstr("applied    q_9 = +33 1 00"));
  EXPECT_THAT(output_, HasSubstr("applied    q_4 = 9"));
}

TEST_F(ContributionCli, UnknownSectionsAreRefusedWithTheNearestId) {
  EXPECT_EQ(cli("contribution request national.focal --agency Police --sections cooperaton -o p.focal"), 1);
  EXPECT_THAT(output_, HasSubstr("did you mean 'cooperation'"));
}

}  // namespace
}  // namespace focal
