// choice_filter, repeat_count and `number:` (issue 15): their load-time
// checks with line and column, and what a response session does with them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::Scenario;

// The questions given start on line 12 of the file.
std::string withQuestions(const std::string& questions) {
  return test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n" + questions, {}, "[en]");
}

std::vector<std::string> errors(const std::string& yaml) {
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

// ---- f. choice_filter --------------------------------------------------------

const std::string kForms =
    "      - id: forms\n"
    "        type: multiple_choice\n"
    "        label: Forms of exploitation covered\n"
    "        choices:\n"
    "          - {value: labour, label: Forced labour}\n"
    "          - {value: sexual, label: Sexual exploitation}\n"
    "          - {value: organs, label: Removal of organs}\n"
    "      - id: main_form\n"
    "        type: single_choice\n"
    "        label: The most frequent of those\n"
    "        other: true\n"
    "        choice_filter: \"selected(${forms}, .)\"\n"
    "        choices:\n"
    "          - {value: labour, label: Forced labour}\n"
    "          - {value: sexual, label: Sexual exploitation}\n"
    "          - {value: organs, label: Removal of organs}\n";

TEST(ChoiceFilter, OnlyTheChoicesWhoseConditionHoldsAreOffered) {
  Scenario s(withQuestions(kForms));
  EXPECT_THAT(s.session().choicesShown("main_form"), testing::ElementsAre("other"));
  s.answer("forms", "labour organs");
  EXPECT_THAT(s.session().choicesShown("main_form"), testing::ElementsAre("labour", "organs", "other"));
  EXPECT_TRUE(s.answer("main_form", "organs").ok());
  EXPECT_EQ(s.answer("main_form", "sexual").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.error("main_form"),
            "'Sexual exploitation' is not offered given the other answers; choose again.");
  s.answer("main_form", "organs");
  s.answer("forms", "labour");  // the chosen one is no longer offered: said, not silently dropped
  EXPECT_EQ(s.error("main_form"),
            "'Removal of organs' is not offered given the other answers; choose again.");
  EXPECT_THAT(s.session().choicesShown("forms"), testing::ElementsAre("labour", "sexual", "organs"));
}

TEST(ChoiceFilter, LoadErrors) {
  std::string misspelt = kForms;
  misspelt.replace(misspelt.find("selected(${forms}, .)"), 21, ". != 'organ'");
  EXPECT_THAT(errors(withQuestions(misspelt)),
              testing::ElementsAre("q.yaml:23:30: error: in 'choice_filter': 'organ' is not a value of "
                                   "'main_form'; did you mean 'organs'?"));
  EXPECT_THAT(
      errors(withQuestions("      - {id: n, type: integer, label: N, choice_filter: \". > 1\"}\n")),
      testing::ElementsAre("q.yaml:12:42: error: 'choice_filter' does not apply to a question of type "
                           "'integer'; remove it"));
}

// ---- g. repeat_count -----------------------------------------------------------

const std::string kAgreements =
    "      - {id: how_many, type: integer, label: \"How many agreements?\", min: 0}\n"
    "      - id: agreements\n"
    "        type: repeat\n"
    "        label: The agreements\n"
    "        max_records: 5\n"
    "        repeat_count: \"${how_many}\"\n"
    "        questions:\n"
    "          - {id: partner, type: country, label: Partner}\n";

TEST(RepeatCount, RecordsAreAddedToReachTheCount) {
  Scenario s(withQuestions(kAgreements));
  EXPECT_TRUE(s.session().records("agreements").empty());
  std::vector<AnswerChange> changes;
  s.session().apply({{"how_many", "3"}}, &changes);
  EXPECT_EQ(s.session().records("agreements").size(), 3u);
  ASSERT_EQ(changes.size(), 2u);  // one change: the answer and the records it calls for
  EXPECT_EQ(changes[1].path, "agreements");
  const auto keys = s.session().records("agreements");
  s.answer("agreements[" + keys[1] + "]/partner", "FRA");
  s.answer("how_many", "2");  // never removed behind the user's back: said instead
  EXPECT_EQ(s.session().records("agreements").size(), 3u);
  EXPECT_EQ(
      s.error("agreements"),
      "This list should have 2 records, as the answer it follows says; it has 3: remove the extra ones.");
  s.session().apply(s.session().removeRecordWrites("agreements", keys[2]));
  EXPECT_EQ(s.error("agreements"), "");
  s.answer("how_many", "40");  // capped at max_records
  EXPECT_EQ(s.session().records("agreements").size(), 5u);
  EXPECT_EQ(s.value("agreements[" + keys[1] + "]/partner"), "FRA");
}

TEST(RepeatCount, LoadErrors) {
  std::string text = kAgreements;
  text.replace(text.find("\"${how_many}\""), 13, "\"${partner}\"");
  EXPECT_THAT(
      errors(withQuestions(text)),
      testing::ElementsAre("q.yaml:17:24: error: in 'repeat_count': 'partner' is inside the repeat group "
                           "'agreements': outside it, use it only in count(${partner})"));
  text = kAgreements;
  text.replace(text.find("\"${how_many}\""), 13, "\"${how_many} > 1\"");
  EXPECT_THAT(
      errors(withQuestions(text)),
      testing::ElementsAre("q.yaml:17:24: error: 'repeat_count' must give a number of records, such as "
                           "${q_3} (an integer question), but this expression gives true/false"));
}

// ---- h. number: ----------------------------------------------------------------

TEST(DisplayNumbers, KeptAsWrittenAndUnique) {
  const std::string yaml = test::questionnaireYaml(
      "  - id: s1\n"
      "    title: One\n"
      "    number: \"IV\"\n"
      "    questions:\n"
      "      - {id: a, type: yes_no, label: A, number: \"9.3\"}\n"
      "      - {id: b, type: yes_no, label: B, number: \"9.3 (a)\"}\n",
      {}, "[en]");
  auto q = test::loadValid(yaml);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->sections[0].number, "IV");
  EXPECT_EQ(q->questions[0].number, "9.3");
  EXPECT_EQ(q->questions[1].number, "9.3 (a)");
  EXPECT_THAT(
      errors(withQuestions("      - {id: a, type: yes_no, label: A, number: \"9.3\"}\n"
                           "      - {id: b, type: yes_no, label: B, number: \"9.3\"}\n")),
      testing::ElementsAre("q.yaml:13:49: error: the number '9.3' is given twice (first on line 12); give "
                           "each question its own number"));
  EXPECT_TRUE(
      test::documented("q.yaml:13:49: error: the number '9.3' is given twice (first on line 12); give each "
                       "question its own number"));
  EXPECT_THAT(
      errors(withQuestions("      - {id: a, type: yes_no, label: A, number: \"\"}\n")),
      testing::ElementsAre("q.yaml:12:49: error: 'number' must be a short text on one line (at most 20 "
                           "characters), such as \"1.2 (a)\""));
}

}  // namespace
}  // namespace focal
