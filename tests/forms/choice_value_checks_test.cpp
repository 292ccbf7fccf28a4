// Values in quotes compared with a choice question must be values of its
// list: a misspelt one would make a condition silently never true. Each
// message is asserted with its line and column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

std::vector<std::string> errors(const std::string& yaml) {
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

// The message the docs show for a mistake is the one given.
std::vector<std::string> documentedErrors(const std::string& yaml) {
  std::vector<std::string> out = errors(yaml);
  for (const auto& message : out) EXPECT_TRUE(test::documented(message)) << "not in the docs: " << message;
  return out;
}

// Lines 1-24; the questions given start on line 25.
std::string withQuestions(const std::string& questions) {
  return "focal: 1\n"
         "id: test\n"
         "title: Test\n"
         "instrument: tip\n"
         "cycle: 1\n"
         "version: '1'\n"
         "languages: [en]\n"
         "choice_lists:\n"
         "  parties:\n"
         "    - {value: party, label: Party}\n"
         "    - {value: government, label: Government}\n"
         "sections:\n"
         "  - id: s1\n"
         "    title: One\n"
         "    questions:\n"
         "      - {id: q_0_1, type: yes_no, label: Gate}\n"
         "      - {id: q_0_2, type: single_choice, label: Who, choices: parties}\n"
         "      - id: q_0_3\n"
         "        type: multiple_choice\n"
         "        label: Kinds\n"
         "        other: true\n"
         "        choices:\n"
         "          - {value: authorized_disposal, label: Disposal}\n"
         "          - {value: export, label: Export}\n" +
         questions;
}

TEST(ChoiceValues, AMisspeltValueInEqualityIsAnErrorAtTheLiteral) {
  // 'partie' starts on line 25 at column 62.
  EXPECT_THAT(
      documentedErrors(
          withQuestions("      - {id: q1, type: text, label: A, relevant: \"${q_0_2} = 'partie'\"}\n")),
      ::testing::ElementsAre(
          "q.yaml:25:62: error: in 'relevant': 'partie' is not a value of 'q_0_2'; did you mean 'party'?"));
}

TEST(ChoiceValues, NotEqualAndTheLiteralOnTheLeftAreCheckedToo) {
  EXPECT_THAT(
      errors(
          withQuestions("      - {id: q1, type: text, label: A, relevant: \"'goverment' != ${q_0_2}\"}\n")),
      ::testing::ElementsAre("q.yaml:25:51: error: in 'relevant': 'goverment' is not a value of 'q_0_2'; "
                             "did you mean 'government'?"));
}

TEST(ChoiceValues, AValueFarFromEveryChoiceListsTheValues) {
  EXPECT_THAT(
      errors(withQuestions("      - {id: q1, type: text, label: A, relevant: \"${q_0_2} = 'xyz'\"}\n")),
      ::testing::ElementsAre("q.yaml:25:62: error: in 'relevant': 'xyz' is not a value of 'q_0_2'; its "
                             "values are 'party' and 'government'"));
}

TEST(ChoiceValues, SelectedChecksItsValueAndKnowsOther) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: text, label: A,\n"
                                     "         relevant: \"selected(${q_0_3}, 'authorised_disposal') or "
                                     "selected(${q_0_3}, 'other')\"}\n")),
      ::testing::ElementsAre("q.yaml:26:40: error: in 'relevant': 'authorised_disposal' is not a value of "
                             "'q_0_3'; did you mean 'authorized_disposal'?"));
}

TEST(ChoiceValues, YesNoSaysItsValues) {
  EXPECT_THAT(documentedErrors(
                  withQuestions("      - {id: q1, type: text, label: A, required: \"${q_0_1} = 'Yes'\"}\n")),
              ::testing::ElementsAre("q.yaml:25:62: error: in 'required': 'Yes' is not a value of 'q_0_1', a "
                                     "yes_no question: its values are 'yes' and 'no'"));
}

TEST(ChoiceValues, IfBranchesComparedWithAChoiceAreChecked) {
  EXPECT_THAT(errors(withQuestions("      - {id: q1, type: integer, label: A}\n"
                                   "      - {id: q2, type: text, label: B,\n"
                                   "         relevant: \"${q_0_2} = if(${q1} > 2, 'party', 'govt')\"}\n")),
              ::testing::ElementsAre(
                  "q.yaml:27:55: error: in 'relevant': 'govt' is not a value of 'q_0_2'; its values "
                  "are 'party' and 'government'"));
}

TEST(ChoiceValues, ConstraintsCheckTheValuesOfDot) {
  EXPECT_THAT(
      errors(withQuestions("      - {id: q1, type: single_choice, label: A, choices: parties,\n"
                           "         constraint: \". != 'partys'\"}\n")),
      ::testing::ElementsAre(
          "q.yaml:26:28: error: in 'constraint': 'partys' is not a value of 'q1'; did you mean 'party'?"));
}

TEST(ChoiceValues, CalculationsAndBlockScalarsGiveTheLiteralsOwnLine) {
  EXPECT_THAT(
      errors(withQuestions("      - id: c1\n"
                           "        type: calculate\n"
                           "        label: C\n"
                           "        calculation: >-\n"
                           "          if(${q_0_1} = 'yes', 1,\n"
                           "             if(${q_0_1} = 'non', 2, 0))\n")),
      ::testing::ElementsAre("q.yaml:30:28: error: in 'calculation': 'non' is not a value of 'q_0_1', a "
                             "yes_no question: its values are 'yes' and 'no'"));
}

TEST(ChoiceValues, EveryMisspeltValueOfAnExpressionIsReported) {
  EXPECT_THAT(
      errors(withQuestions("      - {id: q1, type: text, label: A,\n"
                           "         relevant: \"${q_0_1} = 'ja' or ${q_0_2} = 'partie'\"}\n")),
      ::testing::ElementsAre("q.yaml:26:32: error: in 'relevant': 'ja' is not a value of 'q_0_1', a "
                             "yes_no question: its values are 'yes' and 'no'",
                             "q.yaml:26:51: error: in 'relevant': 'partie' is not a value of 'q_0_2'; "
                             "did you mean 'party'?"));
}

TEST(ChoiceValues, ComparingAYesNoWithANumberSaysItsValues) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: text, label: A, relevant: \"${q_0_1} = 1\"}\n")),
      ::testing::ElementsAre("q.yaml:25:60: error: in 'relevant': cannot compare text with a number; "
                             "'q_0_1' is a yes_no question: its values are 'yes' and 'no', in quotes"));
}

TEST(ChoiceValues, GoodValuesAndTheEmptyTextPass) {
  auto q = test::loadValid(withQuestions(
      "      - {id: q1, type: text, label: A,\n"
      "         relevant: \"${q_0_1} = 'yes' and ${q_0_2} != '' and (${q_0_2} = 'government' or "
      "selected(${q_0_3}, 'export'))\"}\n"));
  EXPECT_TRUE(q);
}

// A questionnaire kept in a workspace or a report was accepted before these
// checks: it still loads, so the reply made with it stays readable; a
// \${id} in its labels is then a warning.
TEST(ChoiceValues, KeptQuestionnairesStillLoad) {
  const std::string yaml = withQuestions(
      "      - {id: q1, type: text, label: \"See ${q9}\", relevant: \"${q_0_2} = 'partie'\"}\n");
  EXPECT_FALSE(loadQuestionnaireText(yaml, "q.yaml").ok());
  LoadResult kept = loadStoredQuestionnaireText(yaml, "q.yaml");
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept.diagnostics.size(), 1u);
  EXPECT_EQ(
      kept.diagnostics[0].format(),
      "q.yaml:25:42: warning: the label shows ${q9}, but there is no question 'q9'; did you mean 'q1'?");
}

}  // namespace
}  // namespace focal
