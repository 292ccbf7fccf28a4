// Messages for the mistakes a new author makes, each naming the real cause
// and the fix, at the line and column where the mistake is.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;

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

// Lines 9-11; the first question is on line 12.
const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";

std::string withQuestions(const std::string& questions) {
  return questionnaireYaml(kSection + questions, {}, "[en]");
}

TEST(AuthorMessages, ACommaInAFlowMappingSaysTheTextNeedsQuotes) {
  EXPECT_THAT(
      documentedErrors(
          withQuestions("      - {id: q1, type: text, label: {en: If yes, please cite the act.}}\n")),
      ::testing::ElementsAre("q.yaml:12:42: error: the text of 'label' holds a comma, which ends a text "
                             "inside {...}, so 'please cite the act.' was read as a language; put the "
                             "whole text in quotes: \"If yes, please cite the act.\""));
}

TEST(AuthorMessages, AQuestionMarkInAFlowMappingSaysTheTextNeedsQuotes) {
  const std::string hint =
      ": a text inside {...} that holds a comma, '?' or ':' must be in quotes, as in {en: \"Is it so? If "
      "yes, cite the act.\"}";
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: text, label: {en: Is it so?, fr: X}}\n")),
      ::testing::ElementsAre("q.yaml:12:50: error: YAML syntax error: unknown token" + hint));
  EXPECT_THAT(
      errors(withQuestions("      - {id: q1, type: text, label: {en: Why? Because}}\n")),
      ::testing::ElementsAre("q.yaml:12:45: error: YAML syntax error: end of map flow not found" + hint));
}

TEST(AuthorMessages, ALineIndentedLessThanItsSiblingsIsPointedAt) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - id: q1\n"      // 12
                                     "        type: text\n"  // 13
                                     "       label: X\n"     // 14
                                     "      - {id: q2, type: text, label: Y}\n")),
      ::testing::ElementsAre("q.yaml:14:8: error: the indentation of this line is wrong: it is indented by "
                             "7 spaces, which lines up with no line above it (the line above has 8); line "
                             "it up with the keys it belongs with (the YAML reader stopped at line 14: "
                             "end of sequence not found)"));
}

TEST(AuthorMessages, ALineIndentedMoreThanItsSiblingsIsPointedAt) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - id: q1\n"
                                     "        type: text\n"
                                     "          label: X\n")),
      ::testing::ElementsAre("q.yaml:14:11: error: the indentation of this line is wrong: it is indented by "
                             "10 spaces, deeper than the line above (8) allows; line it up with the keys "
                             "it belongs with (the YAML reader stopped at line 14: illegal map value)"));
}

TEST(AuthorMessages, AKeyLevelWithListItemsIsPointedAt) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - id: q1\n"
                                     "        type: text\n"
                                     "        label: X\n"
                                     "      help: H\n"  // 15
                                     "      - {id: q3, type: text, label: Z}\n")),
      ::testing::ElementsAre("q.yaml:15:7: error: the indentation of this line is wrong: it is a key "
                             "indented by 6 spaces, level with the '- ' items of a list, so it belongs to "
                             "none of them; line it up with the keys it belongs with (the YAML reader "
                             "stopped at line 15: end of map not found)"));
}

// A line far above the place the reader stopped is not blamed: here the
// second line of a long label (valid YAML) and an unclosed quote below.
TEST(AuthorMessages, ALongTextFarAboveTheProblemIsNotBlamed) {
  EXPECT_THAT(errors(withQuestions("      - id: q1\n"
                                   "        type: text\n"
                                   "        label: A long text\n"
                                   "          - continued on the next line\n"
                                   "      - {id: q2, type: text, label: B}\n"
                                   "      - {id: q3, type: text, label: C}\n"
                                   "      - {id: q4, type: text, label: D}\n"
                                   "      - {id: q5, type: text, label: E}\n"
                                   "      - {id: q6, type: text, label: F}\n"
                                   "      - {id: q7, type: text, label: \"G}\n")),
              ::testing::ElementsAre("q.yaml:22:1: error: YAML syntax error: end of map flow not found"));
}

TEST(AuthorMessages, ASecondDocumentGivesItsLine) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: text, label: A}\n---\nfocal: 1\n")),
      ::testing::ElementsAre("q.yaml:13:1: error: a second YAML document starts here ('---'); a file holds "
                             "one questionnaire: remove this line, or move what follows to a file of its "
                             "own"));
  // A '---' that opens the only document is no second one.
  EXPECT_TRUE(test::loadValid("---\n" + withQuestions("      - {id: q1, type: text, label: A}\n")));
}

TEST(AuthorMessages, UnknownKeysSuggestKnownSynonymsFirst) {
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: integer, label: A, hint: H}\n")),
      ::testing::ElementsAre(
          "q.yaml:12:43: error: unknown key 'hint' in a question of type 'integer'; did you mean 'help'?"));
  EXPECT_THAT(errors(withQuestions("      - {id: q1, type: integer, label: A, validation: \". > 0\"}\n")),
              ::testing::ElementsAre("q.yaml:12:43: error: unknown key 'validation' in a question of type "
                                     "'integer'; did you mean 'constraint'?"));
}

TEST(AuthorMessages, UnknownTypesListTheTypesAndSuggestInteger) {
  const std::string types =
      "; the types are yes_no, single_choice, multiple_choice, text, long_text, integer, decimal, date, "
      "year, "
      "country, legislation, attachment, table, repeat, note, calculate";
  EXPECT_THAT(
      documentedErrors(withQuestions("      - {id: q1, type: number, label: A}\n")),
      ::testing::ElementsAre("q.yaml:12:24: error: unknown question type 'number'; did you mean 'integer' "
                             "(whole numbers) or 'decimal'?" +
                             types));
  EXPECT_THAT(errors(withQuestions("      - {id: q1, type: select_one, label: A}\n")),
              ::testing::ElementsAre("q.yaml:12:24: error: unknown question type 'select_one'; did you mean "
                                     "'single_choice'?" +
                                     types));
  EXPECT_THAT(errors(withQuestions("      - {id: q1, type: photo, label: A}\n")),
              ::testing::ElementsAre("q.yaml:12:24: error: unknown question type 'photo'" + types));
}

}  // namespace
}  // namespace focal
