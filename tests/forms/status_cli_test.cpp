// focal-cli status lists the questions still unanswered (required first,
// with their section and label; ten, then "and N more", all with --all and
// in --json) and says its counts in the right number ("1 attachment").
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <span>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::CliRun;
using test::TempDir;

// Two required questions late in the questionnaire, twelve optional ones
// before them, a gate whose follow-up does not apply, and an attachment.
std::string statusYaml() {
  std::string sections = "  - id: basics\n    title: Basics\n    questions:\n";
  sections += "      - {id: gate, type: yes_no, label: Gate}\n";
  sections += "      - {id: gated, type: text, label: Only after yes, relevant: \"${gate} = 'yes'\"}\n";
  for (int i = 1; i <= 12; ++i)
    sections +=
        "      - {id: o_" + std::to_string(i) + ", type: text, label: Optional " + std::to_string(i) + "}\n";
  sections += "  - id: law\n    title: Legislation\n    questions:\n";
  sections += "      - {id: r_1, type: text, label: Name of the act, required: true}\n";
  sections += "      - {id: r_2, type: integer, label: Year adopted, required: true}\n";
  sections += "      - {id: file, type: attachment, label: The act, types: [txt], max_size_mb: 1}\n";
  return test::storeYaml("status-test", "1", sections);
}

class StatusCliTest : public ::testing::Test {
 protected:
  CliRun cli(const std::string& args) { return test::runCli(dir, args); }
  void SetUp() override {
    test::writeFile(dir.file("q.yaml"), statusYaml());
    ASSERT_EQ(cli("new nga.focal --questionnaire q.yaml --state NGA").code, 0);
    test::writeFile(dir.file("a.csv"), "question_id,value\ngate,no\no_3,Answered\n");
    ASSERT_EQ(cli("fill nga.focal --answers a.csv").code, 0);
    auto ws = Workspace::open(dir.file("nga.focal"), test::testOptions("ana"));
    const std::string act = "Act 12 of 2019.";
    ws->storeAttachment(1, "file", "act.txt", "text/plain",
                        std::span(reinterpret_cast<const unsigned char*>(act.data()), act.size()), 0);
    ws->write(1, {{"file", "act.txt"}});
  }
  TempDir dir;
};

TEST_F(StatusCliTest, ListsTheUnansweredRequiredFirstThenTenAndHowManyMore) {
  const CliRun r = cli("status nga.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  // 16 apply (the follow-up of "no" does not): 3 answered, 13 left, 2 of them required.
  EXPECT_NE(r.out.find("3 of 16 answered"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Not yet answered (13, 2 of them required):\n"
                       "    r_1  required, Legislation: Name of the act\n"
                       "    r_2  required, Legislation: Year adopted\n"
                       "    o_1  Basics: Optional 1\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("o_3  "), std::string::npos) << "answered: " << r.out;
  EXPECT_EQ(r.out.find("gated"), std::string::npos) << "does not apply: " << r.out;
  EXPECT_NE(r.out.find("    o_9  Basics: Optional 9\n    and 3 more (focal-cli status nga.focal --all"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("o_10"), std::string::npos) << r.out;
  // The right number everywhere: one response, one attachment.
  EXPECT_NE(r.out.find("nga.focal: 1 response\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Files attached: 1 attachment\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("1 attachments"), std::string::npos) << r.out;
}

TEST_F(StatusCliTest, ListsEveryUnansweredQuestionWithAll) {
  const CliRun r = cli("status nga.focal --all");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("    o_12  Basics: Optional 12\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("more (focal-cli status"), std::string::npos) << r.out;
}

TEST_F(StatusCliTest, JsonHoldsEveryUnansweredQuestionAndTheAttachmentCount) {
  const CliRun r = cli("status nga.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto response = nlohmann::json::parse(r.out)["responses"][0];
  const auto& unanswered = response["unanswered"];
  ASSERT_EQ(unanswered.size(), 13u) << unanswered.dump(2);
  EXPECT_EQ(unanswered[0]["path"], "r_1");
  EXPECT_EQ(unanswered[0]["required"], true);
  EXPECT_EQ(unanswered[0]["section"], "law");
  EXPECT_EQ(unanswered[0]["section_title"], "Legislation");
  EXPECT_EQ(unanswered[0]["label"], "Name of the act");
  EXPECT_EQ(unanswered[2]["path"], "o_1");
  EXPECT_EQ(unanswered[2]["required"], false);
  EXPECT_EQ(unanswered[12]["path"], "o_12");
  EXPECT_EQ(response["attachments"], 1);
  EXPECT_EQ(response["progress"]["relevant"].get<int>() - response["progress"]["answered"].get<int>(), 13);
}

TEST_F(StatusCliTest, SaysNothingIsLeftWhenAllIsAnswered) {
  std::string csv = "question_id,value\nr_1,Penal Code\nr_2,2019\n";
  for (int i = 1; i <= 12; ++i) csv += "o_" + std::to_string(i) + ",x\n";
  test::writeFile(dir.file("rest.csv"), csv);
  ASSERT_EQ(cli("fill nga.focal --answers rest.csv").code, 0);
  const CliRun r = cli("status nga.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("16 of 16 answered"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Not yet answered"), std::string::npos) << r.out;
  EXPECT_TRUE(
      nlohmann::json::parse(cli("status nga.focal --json").out)["responses"][0]["unanswered"].empty());
}

}  // namespace
}  // namespace focal
