// focal-cli show --json and diff: an author reviews a questionnaire's logic
// and the changes between two versions without reading YAML.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/print/questionnaire_review.h"
#include "export_fixtures.h"
#include "forms/questionnaire_loader.h"

namespace focal::test {
namespace {

const char* kReviewOld = R"(focal: 1
id: review-test
title: {en: Review test, fr: Essai de relecture}
instrument: tip
cycle: 2
version: 1.0.0
previous_cycle: review-test-1
languages: [en, fr]
sections:
  - id: general
    title: {en: General}
    questions:
      - id: q_1
        type: yes_no
        label: {en: "Is there a law?", fr: "Existe-t-il une loi ?"}
        required: true
        carry_forward_from: old_q_1
      - id: intro_note
        type: note
        label: {en: Please read.}
      - id: q_2
        type: single_choice
        label: {en: "Who coordinates?"}
        help: {en: Name the lead body.}
        relevant: ${q_1} = 'yes'
        choices:
          - {value: party, label: {en: A party, fr: Un parti}}
          - {value: agency, label: {en: An agency}}
      - id: q_3
        type: integer
        label: {en: Number of cases}
        relevant: ${q_1} = 'yes' and ${q_2} != 'agency'
        constraint: . >= 0
        constraint_message: {en: Give a positive number.}
      - id: q_4
        type: text
        label: {en: To be removed}
)";

const char* kReviewNew = R"(focal: 1
id: review-test
title: {en: Review test, fr: Essai de relecture}
instrument: tip
cycle: 2
version: 1.1.0
previous_cycle: review-test-1
languages: [en, fr]
sections:
  - id: general
    title: {en: General}
    questions:
      - id: q_1
        type: yes_no
        label: {en: "Is there a law?", fr: "Une loi existe-t-elle ?"}
        required: true
        carry_forward_from: old_q_1b
      - id: intro_note
        type: note
        label: {en: Please read.}
      - id: q_2
        type: single_choice
        label: {en: "Who coordinates?"}
        help: {en: Name the lead body.}
        relevant: ${q_1} = 'yes'
        choices:
          - {value: party, label: {en: A party, fr: Un parti}}
          - {value: agency, label: {en: An agency}}
          - {value: both, label: {en: Both}}
      - id: q_3
        type: decimal
        label: {en: Number of cases}
        relevant: ${q_1} = 'no'
        constraint: . > 0
        constraint_message: {en: Give a positive number.}
      - id: q_5
        type: text
        label: {en: Added}
)";

std::string cli(const std::string& args, int* status) {
  return run("'" FOCAL_CLI "' " + args + " 2>&1", status);
}

TEST(ShowJson, GivesEachQuestionsLogicNumberChoicesAndCarryForward) {
  TempDir dir;
  writeFile(dir.file("q.yaml"), kReviewOld);
  int status = -1;
  const std::string out = cli("show '" + dir.file("q.yaml") + "' --json", &status);
  ASSERT_EQ(status, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "review-test");
  EXPECT_EQ(j["previous_cycle"], "review-test-1");
  const auto& questions = j["sections"][0]["questions"];
  ASSERT_EQ(questions.size(), 5u);
  EXPECT_EQ(questions[0]["number"], "1.1");
  EXPECT_EQ(questions[0]["required"], true);
  EXPECT_EQ(questions[0]["carry_forward_from"], "old_q_1");
  EXPECT_TRUE(questions[1]["number"].is_null());  // a note has no number
  EXPECT_EQ(questions[2]["number"], "1.2");
  EXPECT_EQ(questions[2]["help"], "Name the lead body.");
  EXPECT_EQ(questions[2]["relevant"]["expression"], "${q_1} = 'yes'");
  EXPECT_EQ(questions[2]["relevant"]["in_words"], "1.1 is Yes");
  EXPECT_EQ(questions[2]["relevant"]["line"], 25);
  ASSERT_EQ(questions[2]["choices"].size(), 2u);
  EXPECT_EQ(questions[2]["choices"][0]["value"], "party");
  EXPECT_EQ(questions[2]["choices"][0]["label"], "A party");
  EXPECT_EQ(questions[3]["constraint"]["expression"], ". >= 0");
  EXPECT_EQ(questions[3]["constraint"]["message"], "Give a positive number.");
  EXPECT_EQ(questions[3]["relevant"]["in_words"], "1.1 is Yes and 1.2 is not An agency");
  EXPECT_EQ(questions[3]["type"], "integer");
  EXPECT_TRUE(questions[4]["relevant"].is_null());

  const std::string french = cli("show '" + dir.file("q.yaml") + "' --json --language fr", &status);
  ASSERT_EQ(status, 0) << french;
  EXPECT_EQ(nlohmann::json::parse(french)["sections"][0]["questions"][2]["choices"][0]["label"], "Un parti");
}

TEST(ShowJson, LeavesAFileWithErrorsToShowsOwnMessage) {
  TempDir dir;
  writeFile(dir.file("bad.yaml"),
            std::string(kReviewOld) + "      - {id: q_1, type: text, label: {en: Twice}}\n");
  int status = -1;
  const std::string out = cli("show '" + dir.file("bad.yaml") + "' --json", &status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(out.find("cannot show a questionnaire with errors"), std::string::npos) << out;
}

TEST(ConditionInWords, FallsBackToTheExpressionWhenItIsNotASimpleComparison) {
  auto result = loadQuestionnaireText(kReviewOld, "q.yaml");
  ASSERT_TRUE(result.ok());
  const auto& q = *result.questionnaire;
  EXPECT_EQ(conditionInWords(q, "selected(${q_2}, 'party')", "fr"), "1.2 includes Un parti");
  EXPECT_EQ(conditionInWords(q, "${q_3} > 10 or ${q_2} = ''", "en"),
            "1.3 is more than 10 or 1.2 is not answered");
  EXPECT_EQ(conditionInWords(q, "count(${q_2}) > 1", "en"), "count(${q_2}) > 1");
  EXPECT_EQ(conditionInWords(q, "${q_1} = 'yes' and", "en"), "${q_1} = 'yes' and");
}

TEST(Diff, ListsAddedRemovedAndChangedQuestionsAsJson) {
  TempDir dir;
  writeFile(dir.file("old.yaml"), kReviewOld);
  writeFile(dir.file("new.yaml"), kReviewNew);
  int status = -1;
  const std::string out =
      cli("diff '" + dir.file("old.yaml") + "' '" + dir.file("new.yaml") + "' --json", &status);
  ASSERT_EQ(status, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["added"], nlohmann::json::array({"q_5"}));
  EXPECT_EQ(j["removed"], nlohmann::json::array({"q_4"}));
  ASSERT_EQ(j["changed"].size(), 3u) << out;
  auto fields = [&](int i) {
    std::vector<std::string> names;
    for (const auto& f : j["changed"][i]["fields"]) names.push_back(f["field"]);
    return names;
  };
  EXPECT_EQ(j["changed"][0]["id"], "q_1");
  EXPECT_EQ(fields(0), (std::vector<std::string>{"label.fr", "carry_forward_from"}));
  EXPECT_EQ(j["changed"][0]["fields"][1]["old"], "old_q_1");
  EXPECT_EQ(j["changed"][0]["fields"][1]["new"], "old_q_1b");
  EXPECT_EQ(j["changed"][1]["id"], "q_2");
  EXPECT_EQ(fields(1), (std::vector<std::string>{"choices"}));
  EXPECT_EQ(j["changed"][2]["id"], "q_3");
  EXPECT_EQ(fields(2), (std::vector<std::string>{"type", "relevant", "constraint"}));
}

TEST(Diff, PrintsReadableTextAndNothingForIdenticalFiles) {
  TempDir dir;
  writeFile(dir.file("old.yaml"), kReviewOld);
  writeFile(dir.file("new.yaml"), kReviewNew);
  int status = -1;
  std::string out = cli("diff '" + dir.file("old.yaml") + "' '" + dir.file("new.yaml") + "'", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("  + q_5  Added\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  - q_4  To be removed\n"), std::string::npos) << out;
  EXPECT_NE(out.find("      type:\n        was: integer\n        now: decimal\n"), std::string::npos) << out;
  EXPECT_NE(out.find("1 added, 1 removed, 3 changed"), std::string::npos) << out;
  out = cli("diff '" + dir.file("old.yaml") + "' '" + dir.file("old.yaml") + "'", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("No question was added, removed or changed."), std::string::npos) << out;
  out = cli("diff '" + dir.file("old.yaml") + "' '" + dir.file("missing.yaml") + "'", &status);
  EXPECT_EQ(status, 1) << out;
}

}  // namespace
}  // namespace focal::test
