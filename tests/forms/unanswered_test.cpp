// Testing that a question is unanswered, whatever its type: ${id} = '' (the
// docs say an unanswered question equals '') and is-empty(${id}).
#include <gtest/gtest.h>

#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;
using test::Scenario;

const std::string kQuestions =
    "  - id: s1\n    title: One\n    questions:\n"
    "      - {id: year, type: year, label: Year}\n"
    "      - {id: n, type: decimal, label: N}\n"
    "      - {id: d, type: date, label: D}\n"
    "      - {id: kinds, type: multiple_choice, label: K, choices: [{value: a, label: A}, {value: b, label: "
    "B}]}\n"
    "      - {id: gate, type: yes_no, label: G}\n"
    "      - {id: why_year, type: text, label: W1, relevant: \"${year} = ''\"}\n"
    "      - {id: why_n, type: text, label: W2, relevant: \"'' != ${n}\"}\n"
    "      - {id: why_d, type: text, label: W3, relevant: \"is-empty(${d})\"}\n"
    "      - {id: why_kinds, type: text, label: W4, relevant: \"is-empty(${kinds}) and ${kinds} = ''\"}\n"
    "      - {id: why_gate, type: text, label: W5, relevant: \"not(is-empty(${gate}))\"}\n"
    "      - {id: why_text, type: text, label: W6, relevant: \"is-empty(${why_gate})\"}\n";

TEST(Unanswered, EmptyTextEqualsAnUnansweredQuestionOfAnyType) {
  Scenario s(questionnaireYaml(kQuestions, {}, "[en]"));
  EXPECT_TRUE(s.isRelevant("why_year"));
  EXPECT_FALSE(s.isRelevant("why_n"));
  s.answer("year", "2024");
  EXPECT_FALSE(s.isRelevant("why_year"));
  s.answer("n", "0");
  EXPECT_TRUE(s.isRelevant("why_n"));  // 0 is an answer, not ''
  s.answer("n", "");
  EXPECT_FALSE(s.isRelevant("why_n"));
}

TEST(Unanswered, IsEmptyTakesAnyType) {
  Scenario s(questionnaireYaml(kQuestions, {}, "[en]"));
  EXPECT_TRUE(s.isRelevant("why_d"));
  EXPECT_TRUE(s.isRelevant("why_kinds"));
  EXPECT_FALSE(s.isRelevant("why_gate"));
  s.answer("d", "2024-05-31");
  EXPECT_FALSE(s.isRelevant("why_d"));
  s.answer("kinds", "a b");
  EXPECT_FALSE(s.isRelevant("why_kinds"));
  s.answer("gate", "no");
  EXPECT_TRUE(s.isRelevant("why_gate"));
  EXPECT_TRUE(s.isRelevant("why_text"));
  s.answer("why_gate", "because");
  EXPECT_FALSE(s.isRelevant("why_text"));
}

TEST(Unanswered, IsEmptyNeedsOneValue) {
  LoadResult result = loadQuestionnaireText(
      questionnaireYaml("  - id: s1\n    title: One\n    questions:\n"
                        "      - {id: a, type: integer, label: A}\n"
                        "      - {id: b, type: text, label: B, relevant: \"is-empty(${a}, 1)\"}\n",
                        {}, "[en]"),
      "q.yaml");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].format(),
            "q.yaml:13:50: error: in 'relevant': is-empty() needs 1 value, but 2 were given");
}

TEST(Unanswered, OtherComparisonsWithNumbersStillNeedNumbers) {
  LoadResult result = loadQuestionnaireText(
      questionnaireYaml("  - id: s1\n    title: One\n    questions:\n"
                        "      - {id: a, type: integer, label: A}\n"
                        "      - {id: b, type: text, label: B, relevant: \"${a} = 'none'\"}\n",
                        {}, "[en]"),
      "q.yaml");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].format(),
            "q.yaml:13:55: error: in 'relevant': cannot compare a number with text");
}

}  // namespace
}  // namespace focal
