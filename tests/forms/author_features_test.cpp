// The features of issue 15 an author asks for: `warning:` soft checks,
// min_selected/max_selected, regex(), date-diff(), read_only and computed
// defaults. Each with its load-time checks (message, line and column) and
// its behaviour in a response session.
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

std::vector<std::string> errors(const std::string& questions) {
  LoadResult result = loadQuestionnaireText(withQuestions(questions), "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

// An error the docs show (docs/questionnaire-format.md) is shown word for word.
std::vector<std::string> documentedErrors(const std::string& questions) {
  std::vector<std::string> out = errors(questions);
  for (const auto& message : out) EXPECT_TRUE(test::documented(message)) << "not in the docs: " << message;
  return out;
}

// ---- a. warning: soft checks ----------------------------------------------

const std::string kVictims =
    "      - {id: total, type: integer, label: Victims identified}\n"
    "      - id: children\n"
    "        type: integer\n"
    "        label: Of whom children\n"
    "        constraint: \". <= ${total}\"\n"
    "        constraint_message: More children than victims.\n"
    "        warning: \". * 2 <= ${total}\"\n"
    "        warning_message: More than half of the victims are children; please check.\n";

TEST(SoftChecks, AFailingWarningKeepsTheAnswerAndBlocksNothing) {
  Scenario s(withQuestions(kVictims));
  s.answer("total", "10");
  Outcome outcome = s.answer("children", "8");
  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.message, "More than half of the victims are children; please check.");
  EXPECT_EQ(s.session().warning("children"), "More than half of the victims are children; please check.");
  EXPECT_EQ(s.error("children"), "");
  EXPECT_TRUE(s.isAnswered("children"));
  auto problems = s.session().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, ProblemKind::Warning);
  EXPECT_STREQ(problemKindKey(problems[0].kind), "warning");
  EXPECT_FALSE(problems[0].blocking());
  EXPECT_EQ(s.session().progress().errors, 0);
  EXPECT_TRUE(s.session().progress().complete());
}

TEST(SoftChecks, TheWarningFollowsTheQuestionsItReads) {
  Scenario s(withQuestions(kVictims));
  s.answer("total", "10");
  s.answer("children", "8");
  EXPECT_NE(s.session().warning("children"), "");
  s.answer("total", "20");  // only `total` changes: the warning on `children` is re-evaluated
  EXPECT_EQ(s.session().warning("children"), "");
  EXPECT_TRUE(s.session().problems().empty());
  s.answer("total", "5");  // the hard constraint fails: an error, and no warning besides
  EXPECT_EQ(s.error("children"), "More children than victims.");
  EXPECT_EQ(s.session().warning("children"), "");
}

TEST(SoftChecks, AWarningWithoutMessageSaysToCheck) {
  Scenario s(withQuestions("      - {id: n, type: integer, label: N, warning: \". < 1000\"}\n"));
  s.answer("n", "5000");
  EXPECT_EQ(s.session().warning("n"), "Please check this answer: it is unusual.");
  s.answer("n@status", "not_available");
  EXPECT_EQ(s.session().warning("n"), "");
}

TEST(SoftChecks, LoadErrorsNameTheKeyLineAndColumn) {
  EXPECT_THAT(
      errors("      - {id: n, type: integer, label: N, warning: \"${m} < 1000\"}\n"),
      testing::ElementsAre("q.yaml:12:52: error: in 'warning': unknown question id 'm'; did you mean 'n'?"));
  EXPECT_THAT(
      errors("      - {id: n, type: integer, label: N, warning: \". + 1\"}\n"),
      testing::ElementsAre("q.yaml:12:52: error: 'warning' must be a condition that is true or false, but "
                           "this expression gives number; compare it, e.g. ${q} = 'yes'"));
  EXPECT_THAT(errors("      - {id: n, type: integer, label: N, soft_constraint: \". < 5\"}\n"),
              testing::ElementsAre("q.yaml:12:42: error: unknown key 'soft_constraint' in a question of type "
                                   "'integer'; did you mean 'warning'?"));
}

// ---- b. min_selected / max_selected -----------------------------------------

const std::string kSectors =
    "      - id: sectors\n"
    "        type: multiple_choice\n"
    "        label: Sectors\n"
    "        min_selected: 2\n"
    "        max_selected: 3\n"
    "        choices:\n"
    "          - {value: a, label: A}\n"
    "          - {value: b, label: B}\n"
    "          - {value: c, label: C}\n"
    "          - {value: d, label: D}\n";

TEST(SelectionBounds, TooFewOrTooManyChoicesAreInvalid) {
  Scenario s(withQuestions(kSectors));
  EXPECT_EQ(s.answer("sectors", "a").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.error("sectors"), "Choose at least 2 answers (1 chosen).");
  EXPECT_TRUE(s.answer("sectors", "a b").ok());
  EXPECT_TRUE(s.answer("sectors", "a b c").ok());
  EXPECT_EQ(s.answer("sectors", "a b c d").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.error("sectors"), "Choose at most 3 answers (4 chosen).");
  EXPECT_EQ(s.session().progress().errors, 1);
  s.answer("sectors", "");  // unanswered is for `required` to say, not the bounds
  EXPECT_EQ(s.error("sectors"), "");
}

TEST(SelectionBounds, LoadErrors) {
  EXPECT_THAT(
      errors("      - {id: one, type: single_choice, label: One, max_selected: 1, choices: [{value: a, "
             "label: A}]}\n"),
      testing::ElementsAre("q.yaml:12:52: error: 'max_selected' does not apply to a question of type "
                           "'single_choice'; remove it"));
  std::string tooMany = kSectors;
  tooMany.replace(tooMany.find("max_selected: 3"), 15, "max_selected: 9");
  EXPECT_THAT(errors(tooMany),
              testing::ElementsAre("q.yaml:16:23: error: 'max_selected' must be a whole number from 1 to 4"));
  std::string swapped = kSectors;
  swapped.replace(swapped.find("min_selected: 2"), 15, "min_selected: 4");
  EXPECT_THAT(
      errors(swapped),
      testing::ElementsAre("q.yaml:15:23: error: 'min_selected' (4) is larger than 'max_selected' (3); "
                           "swap them or lower 'min_selected'"));
}

// ---- c. regex() -------------------------------------------------------------

TEST(Regex, ThePatternMatchesTheWholeAnswer) {
  Scenario s(
      withQuestions("      - id: ref\n"
                    "        type: text\n"
                    "        max_length: 60000\n"
                    "        label: Case reference\n"
                    "        constraint: \"regex(., '[A-Z]{3}-[0-9]{4}')\"\n"
                    "        constraint_message: Write the reference as ABC-1234.\n"));
  EXPECT_TRUE(s.answer("ref", "FRA-2024").ok());
  EXPECT_EQ(s.answer("ref", "fra-2024").status, AnswerStatus::ConstraintViolated);
  EXPECT_EQ(s.answer("ref", "xFRA-2024").status, AnswerStatus::ConstraintViolated);  // whole answer
  EXPECT_EQ(s.answer("ref", "FRA-20245").status, AnswerStatus::ConstraintViolated);
  // A very long answer neither crashes the matcher nor matches.
  EXPECT_EQ(s.answer("ref", std::string(50000, 'A')).status, AnswerStatus::ConstraintViolated);
}

TEST(Regex, ABadPatternIsALoadErrorAtThePattern) {
  EXPECT_THAT(
      documentedErrors("      - {id: ref, type: text, label: R, constraint: \"regex(., '[A-Z')\"}\n"),
      testing::ElementsAre("q.yaml:12:63: error: in 'constraint': the pattern of regex() is not a valid "
                           "regular expression: a '[' is not closed by ']' (the syntax is ECMAScript's, "
                           "as in JavaScript)"));
  EXPECT_THAT(
      errors("      - {id: ref, type: text, label: R, constraint: \"regex(., '*a')\"}\n"),
      testing::ElementsAre("q.yaml:12:63: error: in 'constraint': the pattern of regex() is not a valid "
                           "regular expression: '*', '+', '?' or '{' follows nothing it could repeat; "
                           "write \\* to match the character itself (the syntax is ECMAScript's, as in "
                           "JavaScript)"));
  EXPECT_THAT(
      errors("      - {id: p, type: text, label: P}\n"
             "      - {id: ref, type: text, label: R, constraint: \"regex(., ${p})\"}\n"),
      testing::ElementsAre("q.yaml:13:63: error: in 'constraint': the second value of regex() must be a "
                           "pattern in quotes, such as '^[A-Z]{3}$', written in the questionnaire (so that "
                           "it is checked when the file is loaded)"));
}

// ---- d. date arithmetic -----------------------------------------------------

const std::string kDates =
    "      - {id: start, type: date, label: Start}\n"
    "      - id: end\n"
    "        type: date\n"
    "        label: End\n"
    "        constraint: \"date-diff(${start}, ., 'days') >= 0\"\n"
    "        constraint_message: The end comes before the start.\n"
    "        warning: \". <= today()\"\n"
    "      - {id: days, type: calculate, label: Days, calculation: \"date-diff(${start}, ${end}, 'days')\"}\n"
    "      - {id: months, type: calculate, label: Months, calculation: \"date-diff(${start}, ${end}, "
    "'months')\"}\n"
    "      - {id: years, type: calculate, label: Years, calculation: \"date-diff(${start}, ${end}, "
    "'years')\"}\n"
    "      - id: age\n"
    "        type: calculate\n"
    "        label: Years since the start\n"
    "        calculation: \"date-diff(${start}, today(), 'years')\"\n";

TEST(DateArithmetic, DifferencesInDaysMonthsAndYears) {
  Scenario s(withQuestions(kDates));
  s.session().setToday("2024-06-15");
  s.answer("start", "2000-05-15");
  s.answer("end", "2024-05-14");
  EXPECT_EQ(s.calculated("days"), "8765");
  EXPECT_EQ(s.calculated("months"), "287");  // the 288th month is not complete
  EXPECT_EQ(s.calculated("years"), "23");
  EXPECT_EQ(s.calculated("age"), "24");
  s.answer("end", "2000-03-01");
  EXPECT_EQ(s.calculated("days"), "-75");
  EXPECT_EQ(s.calculated("months"), "-2");
  EXPECT_EQ(s.error("end"), "The end comes before the start.");
  s.answer("end", "2024-02-29");  // a leap day
  EXPECT_EQ(s.error("end"), "");
  EXPECT_EQ(s.calculated("days"), "8690");
  s.answer("end", "2025-01-01");  // after today: a warning only
  EXPECT_EQ(s.session().warning("end"), "Please check this answer: it is unusual.");
  s.answer("start", "");
  EXPECT_EQ(s.calculated("days"), "");  // unanswered in, unanswered out
}

TEST(DateArithmetic, TypeChecksAtLoadTime) {
  EXPECT_THAT(
      documentedErrors(
          "      - {id: a, type: date, label: A}\n"
          "      - {id: n, type: calculate, label: N, calculation: \"date-diff(${a}, today(), 'day')\"}\n"),
      testing::ElementsAre("q.yaml:13:83: error: in 'calculation': date-diff() counts in 'days', 'months' "
                           "or 'years', not 'day'; did you mean 'days'?"));
  EXPECT_THAT(
      errors(
          "      - {id: a, type: text, label: A}\n"
          "      - {id: n, type: calculate, label: N, calculation: \"date-diff(${a}, today(), 'days')\"}\n"),
      testing::ElementsAre("q.yaml:13:68: error: in 'calculation': the first value of date-diff() must be a "
                           "date (a date question, today() or 'YYYY-MM-DD'), but it is text"));
  EXPECT_THAT(
      errors("      - {id: n, type: calculate, label: N, calculation: \"date-diff('2024-02-30', today(), "
             "'days')\"}\n"),
      testing::ElementsAre("q.yaml:12:68: error: in 'calculation': the first value of date-diff() must be a "
                           "date, but '2024-02-30' is not a date written YYYY-MM-DD"));
  EXPECT_THAT(
      documentedErrors("      - {id: a, type: date, label: A}\n"
                       "      - {id: n, type: calculate, label: N, calculation: \"today() - ${a}\"}\n"),
      testing::ElementsAre("q.yaml:13:66: error: in 'calculation': '-' cannot take one date from another; "
                           "for the time between two dates, write date-diff(${from}, ${to}, 'days') (or "
                           "'months', 'years')"));
  EXPECT_THAT(
      errors("      - {id: a, type: date, label: A}\n"
             "      - {id: n, type: calculate, label: N, calculation: \"${a} + 30\"}\n"),
      testing::ElementsAre("q.yaml:13:63: error: in 'calculation': '+' needs numbers on both sides, but "
                           "its left side is a date; for the time between two dates, write "
                           "date-diff(${from}, ${to}, 'days') (or 'months', 'years')"));
}

// ---- e. read_only and computed defaults -------------------------------------

const std::string kDefaults =
    "      - {id: total, type: integer, label: Total}\n"
    "      - {id: doubled, type: integer, label: Doubled, read_only: true, default: \"=${total} * 2\"}\n"
    "      - id: follow\n"
    "        type: integer\n"
    "        label: Follow-up\n"
    "        relevant: \"${total} > 0\"\n"
    "        default: \"=${total} + 1\"\n";

TEST(ComputedDefaults, FilledWhenRelevantAndNeverOverAnAnswer) {
  Scenario s(withQuestions(kDefaults));
  EXPECT_EQ(s.value("doubled"), "");
  std::vector<AnswerChange> changes;
  s.session().apply({{"total", "4"}}, &changes);
  EXPECT_EQ(s.value("doubled"), "8");
  EXPECT_EQ(s.value("follow"), "5");
  ASSERT_EQ(changes.size(), 3u);  // the store and undo see the defaults as part of the change
  EXPECT_EQ(changes[1].path, "doubled");
  s.answer("follow", "7");
  s.answer("total", "6");
  EXPECT_EQ(s.value("follow"), "7");   // a typed answer stays
  EXPECT_EQ(s.value("doubled"), "8");  // given once, when first due
  s.answer("follow", "");
  s.answer("total", "9");
  EXPECT_EQ(s.value("follow"), "");  // cleared on purpose: left empty
}

TEST(ComputedDefaults, ReadOnlyQuestionsCannotBeTyped) {
  Scenario s(withQuestions(kDefaults));
  s.answer("total", "4");
  Outcome outcome = s.answer("doubled", "100");
  EXPECT_EQ(outcome.status, AnswerStatus::Refused);
  EXPECT_EQ(outcome.message, "'doubled' is read-only: the questionnaire gives its value.");
  EXPECT_EQ(s.value("doubled"), "8");
  EXPECT_TRUE(s.session().isReadOnly("doubled"));
  EXPECT_FALSE(s.session().isReadOnly("total"));
  EXPECT_TRUE(s.answer("doubled@comment", "From the register").ok());  // marks stay open
}

TEST(ComputedDefaults, GivenAtCreationWhenTheyHaveAValue) {
  Scenario s(
      withQuestions("      - {id: when, type: date, label: When, default: \"=today()\"}\n"
                    "      - {id: n, type: integer, label: N, default: \"=${m}\"}\n"
                    "      - {id: m, type: integer, label: M}\n"));
  s.session().setToday("2024-06-15");
  auto writes = s.session().defaultWrites();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].path, "when");
  EXPECT_EQ(writes[0].value, "2024-06-15");
}

TEST(ComputedDefaults, LoadErrors) {
  EXPECT_THAT(
      documentedErrors("      - {id: r, type: integer, label: R, read_only: true}\n"),
      testing::ElementsAre("q.yaml:12:9: error: 'r' is read_only, but nothing gives it a value: add a "
                           "'default' (a value, or \"=expression\") or 'carry_forward_from', or make it a "
                           "'calculate' question"));
  EXPECT_THAT(
      errors("      - {id: r, type: note, label: R, read_only: true}\n"),
      testing::ElementsAre("q.yaml:12:9: error: 'read_only' does not apply to 'r', a note question, which "
                           "is never typed; remove it"));
  EXPECT_THAT(
      errors("      - {id: r, type: integer, label: R, default: \"=concat('a')\"}\n"),
      testing::ElementsAre("q.yaml:12:53: error: in 'default': the expression gives a value of type text, "
                           "but 'r' is a integer question, whose answer is number; compute a value of that "
                           "type"));
  EXPECT_THAT(errors("      - {id: r, type: integer, label: R, default: \"=${totl} + 1\"}\n"),
              testing::ElementsAre("q.yaml:12:53: error: in 'default': unknown question id 'totl'"));
  EXPECT_THAT(
      documentedErrors("      - {id: d, type: date, label: D, default: today()}\n"),
      testing::ElementsAre("q.yaml:12:48: error: the 'default' does not fit the question: Enter a date as "
                           "YYYY-MM-DD, for example 2024-05-31. To compute the default, start it with '=', "
                           "as in default: \"=today()\""));
}

}  // namespace
}  // namespace focal

namespace focal {
namespace {

// ---- i. table totals in expressions ------------------------------------------

const std::string kTable =
    "      - id: victims\n"
    "        type: table\n"
    "        label: Victims by year and sex\n"
    "        totals: both\n"
    "        rows: [{id: y2023, label: '2023'}, {id: y2024, label: '2024'}]\n"
    "        columns: [{id: women, label: Women}, {id: men, label: Men}]\n"
    "      - {id: all, type: calculate, label: All, calculation: \"${victims/total/total}\"}\n"
    "      - {id: women, type: calculate, label: Women, calculation: \"${victims/total/women}\"}\n"
    "      - {id: in2024, type: calculate, label: In 2024, calculation: \"${victims/y2024/total}\"}\n"
    "      - id: prosecuted\n"
    "        type: integer\n"
    "        label: Of whom in cases prosecuted\n"
    "        relevant: \"${victims/total/total} > 0\"\n"
    "        constraint: \". <= sum(${victims})\"\n";

TEST(TableTotals, RowColumnAndTableTotalsInExpressions) {
  Scenario s(withQuestions(kTable));
  EXPECT_EQ(s.calculated("all"), "");  // no cell answered: no total
  EXPECT_FALSE(s.isRelevant("prosecuted"));
  s.answer("victims/y2023/women", "3");
  s.answer("victims/y2024/women", "4");
  s.answer("victims/y2024/men", "5");  // y2023/men unanswered: left out, not an error
  EXPECT_EQ(s.calculated("all"), "12");
  EXPECT_EQ(s.calculated("women"), "7");
  EXPECT_EQ(s.calculated("in2024"), "9");
  EXPECT_TRUE(s.isRelevant("prosecuted"));
  EXPECT_EQ(s.answer("prosecuted", "13").status, AnswerStatus::ConstraintViolated);
  EXPECT_TRUE(s.answer("prosecuted", "12").ok());
}

TEST(TableTotals, ARowKeptOutOfTheTotalsIsLeftOutOfThoseCrossingIt) {
  std::string table = kTable;
  table.replace(table.find("{id: men, label: Men}"), 21,
                "{id: men, label: Men}, {id: legal, label: Legal persons, in_total: false}");
  Scenario s(withQuestions(table));
  const Question* victims = s.session().questionnaire().find("victims");
  ASSERT_NE(victims, nullptr);
  EXPECT_TRUE(victims->columns[1].inTotal);
  EXPECT_FALSE(victims->columns[2].inTotal);
  s.answer("victims/y2023/women", "3");
  s.answer("victims/y2024/men", "5");
  s.answer("victims/y2024/legal", "2");
  EXPECT_EQ(s.calculated("all"), "8");     // legal persons are not added to women and men
  EXPECT_EQ(s.calculated("in2024"), "5");  // nor to the row's total
  EXPECT_TRUE(s.answer("prosecuted", "8").ok());
  EXPECT_EQ(s.answer("prosecuted", "9").status, AnswerStatus::ConstraintViolated);  // sum() too
  std::string wrong = kTable;
  wrong.replace(wrong.find("{id: men, label: Men}"), 21, "{id: men, label: Men, in_total: perhaps}");
  EXPECT_THAT(errors(wrong), testing::Contains(testing::HasSubstr("in_total")));
}

TEST(TableTotals, TotalIsAReservedIdAndOtherIdsAreChecked) {
  std::string reserved = kTable;
  reserved.replace(reserved.find("{id: men, label: Men}"), 21, "{id: total, label: All}");
  EXPECT_THAT(
      errors(reserved),
      testing::ElementsAre("q.yaml:17:18: error: the column id 'total' is kept for the table's totals "
                           "(${victims/total/...} in expressions); name it otherwise, e.g. 'all'"));
  std::string unknown = kTable;
  unknown.replace(unknown.find("${victims/total/women}"), 22, "${victims/total/girls}");
  EXPECT_THAT(errors(unknown),
              testing::ElementsAre("q.yaml:19:66: error: in 'calculation': table 'victims' has "
                                   "no column 'girls'"));
}

}  // namespace
}  // namespace focal
