// The "Common mistakes" of docs/questionnaire-format.md not tested
// elsewhere: a misspelt choice value after `!=`, and the tests for an
// unanswered number, which validate accepts. Each message is shown in the
// docs word for word.
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

// The questions start on line 12.
std::string withQuestions(const std::string& questions) {
  return test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n" + questions, {}, "[en]");
}

const std::string kStatus =
    "      - {id: q_0_2, type: single_choice, label: Status, choices: [{value: party, label: Party}, "
    "{value: signatory, label: Signatory}]}\n";

TEST(CommonMistakes, AMisspeltValueAfterNotEqualsIsAnErrorAtTheValue) {
  LoadResult result = loadQuestionnaireText(
      withQuestions(kStatus +
                    "      - {id: q_0_3, type: text, label: Why not, relevant: \"${q_0_2} != 'partie'\"}\n"),
      "q.yaml");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  const std::string message = result.diagnostics[0].format();
  EXPECT_EQ(message,
            "q.yaml:13:72: error: in 'relevant': 'partie' is not a value of 'q_0_2'; did you mean 'party'?");
  EXPECT_TRUE(test::documented(message));
}

TEST(CommonMistakes, AnUnansweredNumberIsTestedWithEmptyTextOrIsEmpty) {
  test::Scenario s(
      withQuestions("      - {id: year, type: year, label: Year}\n"
                    "      - {id: q_4, type: text, label: If no year, relevant: \"${year} = ''\"}\n"
                    "      - {id: q_5, type: text, label: If no year, relevant: \"is-empty(${year})\"}\n"));
  EXPECT_TRUE(s.isRelevant("q_4"));
  EXPECT_TRUE(s.isRelevant("q_5"));
  s.answer("year", "2024");
  EXPECT_FALSE(s.isRelevant("q_4"));
  EXPECT_FALSE(s.isRelevant("q_5"));
}

}  // namespace
}  // namespace focal
