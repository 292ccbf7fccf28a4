// Scenario tests of the response session: relevance, required, constraints,
// calculations, repeat groups, tables, marks and carry-forward ids, answered
// as a person would.
#include <gtest/gtest.h>

#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;
using test::Scenario;

std::string section(const std::string& questions) {
  return "  - id: s1\n    title: One\n    questions:\n" + questions;
}

const std::string kFollowUps = section(
    "      - {id: q1, type: yes_no, label: Criminalized, required: true}\n"
    "      - {id: q1_no, type: long_text, label: If no explain, relevant: \"${q1} = 'no'\", required: true}\n"
    "      - {id: q1_yes, type: legislation, label: If yes cite, relevant: \"${q1} = 'yes'\"}\n"
    "      - {id: q1_chain, type: text, label: Chained, relevant: \"${q1_no} != ''\"}\n");

TEST(Relevance, FollowUpAppearsOnlyForItsAnswer) {
  Scenario s(questionnaireYaml(kFollowUps));
  EXPECT_FALSE(s.isRelevant("q1_no"));
  EXPECT_FALSE(s.isRelevant("q1_yes"));
  s.answer("q1", "no");
  EXPECT_TRUE(s.isRelevant("q1_no"));
  EXPECT_FALSE(s.isRelevant("q1_yes"));
  s.answer("q1", "yes");
  EXPECT_FALSE(s.isRelevant("q1_no"));
  EXPECT_TRUE(s.isRelevant("q1_yes"));
}

TEST(Relevance, ChainedFollowUpsFollowTheChain) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "no");
  EXPECT_FALSE(s.isRelevant("q1_chain"));
  s.answer("q1_no", "No law yet");
  EXPECT_TRUE(s.isRelevant("q1_chain"));
  s.answer("q1", "yes");  // the explanation is hidden, so the chain is too
  EXPECT_FALSE(s.isRelevant("q1_chain"));
}

TEST(Relevance, HiddenAnswersAreKeptButIgnored) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "no");
  s.answer("q1_no", "Reason");
  s.answer("q1", "yes");
  EXPECT_EQ(s.value("q1_no"), "Reason");  // nothing typed is lost
  s.answer("q1", "no");
  EXPECT_TRUE(s.isRelevant("q1_chain"));
}

TEST(Relevance, AnsweringAHiddenQuestionSaysSo) {
  Scenario s(questionnaireYaml(kFollowUps));
  Outcome outcome = s.answer("q1_no", "text");
  EXPECT_EQ(outcome.status, AnswerStatus::NotRelevant);
}

TEST(Relevance, SectionRelevanceHidesEveryQuestionInIt) {
  Scenario s(
      questionnaireYaml(section("      - {id: gate, type: yes_no, label: G}\n") +
                        "  - id: s2\n    title: Two\n    relevant: \"${gate} = 'yes'\"\n    questions:\n"
                        "      - {id: a, type: text, label: A}\n"
                        "    sections:\n      - id: s3\n        title: Three\n        questions:\n"
                        "          - {id: b, type: text, label: B}\n"));
  EXPECT_FALSE(s.isRelevant("a"));
  EXPECT_FALSE(s.isRelevant("b"));
  EXPECT_FALSE(s.session().isSectionRelevant(2));
  s.answer("gate", "yes");
  EXPECT_TRUE(s.isRelevant("a"));
  EXPECT_TRUE(s.isRelevant("b"));
}

TEST(Relevance, MultipleChoiceSelected) {
  Scenario s(questionnaireYaml(section(
      "      - {id: forms, type: multiple_choice, label: F, choices: [{value: labour, label: L}, {value: "
      "sexual, "
      "label: S}]}\n"
      "      - {id: labour_detail, type: text, label: D, relevant: \"selected(${forms}, 'labour')\"}\n"
      "      - {id: several, type: text, label: E, relevant: 'count-selected(${forms}) >= 2'}\n")));
  s.answer("forms", "sexual");
  EXPECT_FALSE(s.isRelevant("labour_detail"));
  s.answer("forms", "sexual labour");
  EXPECT_TRUE(s.isRelevant("labour_detail"));
  EXPECT_TRUE(s.isRelevant("several"));
}

TEST(Required, RequiredQuestionsAreReportedUntilAnswered) {
  Scenario s(questionnaireYaml(kFollowUps));
  EXPECT_TRUE(s.isRequired("q1"));
  EXPECT_EQ(s.session().progress().requiredUnanswered, 1);
  EXPECT_EQ(s.answer("q1", "no").status, AnswerStatus::Ok);
  EXPECT_EQ(s.session().progress().requiredUnanswered, 1);  // the explanation is now required
  EXPECT_EQ(s.answer("q1_no", "").status, AnswerStatus::RequiredButEmpty);
  s.answer("q1_no", "Because");
  EXPECT_EQ(s.session().progress().requiredUnanswered, 0);
}

TEST(Required, HiddenQuestionsAreNeverRequired) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "yes");
  EXPECT_FALSE(s.isRequired("q1_no"));
}

TEST(Required, RequiredCanBeAnExpression) {
  Scenario s(
      questionnaireYaml(section("      - {id: n, type: integer, label: N}\n"
                                "      - {id: d, type: text, label: D, required: '${n} > 10'}\n")));
  EXPECT_FALSE(s.isRequired("d"));
  s.answer("n", "11");
  EXPECT_TRUE(s.isRequired("d"));
  s.answer("n", "3");
  EXPECT_FALSE(s.isRequired("d"));
}

TEST(Required, ClearingAnAnswerMakesItRequiredAgain) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "yes");
  EXPECT_TRUE(s.isAnswered("q1"));
  EXPECT_EQ(s.answer("q1", "").status, AnswerStatus::RequiredButEmpty);
  EXPECT_FALSE(s.isAnswered("q1"));
}

const std::string kNumbers = section(
    "      - {id: n, type: integer, label: N, min: 0, max: 100}\n"
    "      - {id: d, type: decimal, label: D, min: 0}\n"
    "      - {id: y, type: year, label: Y, min: 1990}\n"
    "      - {id: day, type: date, label: Day, min: 2000-01-01, max: 2030-12-31}\n"
    "      - {id: c, type: integer, label: C, constraint: '. mod 2 = 0', constraint_message: {en: Even "
    "please, fr: "
    "Pair svp}}\n"
    "      - {id: t, type: text, label: T, max_length: 5}\n"
    "      - {id: k, type: country, label: K}\n");

TEST(Constraints, ConstraintMessageInTheSessionLanguage) {
  Scenario s(questionnaireYaml(kNumbers));
  Outcome outcome = s.answer("c", "3");
  EXPECT_EQ(outcome.status, AnswerStatus::ConstraintViolated);
  EXPECT_EQ(outcome.message, "Even please");
  s.session().setLanguage("fr");
  EXPECT_EQ(s.error("c"), "Pair svp");
  EXPECT_EQ(s.answer("c", "4").status, AnswerStatus::Ok);
  EXPECT_EQ(s.error("c"), "");
}

TEST(Constraints, ViolatingAnswersAreStoredSoNothingTypedIsLost) {
  Scenario s(questionnaireYaml(kNumbers));
  s.answer("c", "3");
  EXPECT_EQ(s.value("c"), "3");
  EXPECT_EQ(s.session().problems().size(), 1u);
  EXPECT_EQ(s.session().problems()[0].kind, ProblemKind::ConstraintViolated);
}

TEST(Constraints, IntegerRange) {
  Scenario s(questionnaireYaml(kNumbers));
  EXPECT_EQ(s.answer("n", "101").message, "Enter a number from 0 to 100.");
  EXPECT_EQ(s.answer("n", "-1").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.answer("n", "abc").message, "Enter a whole number, for example 42.");
  EXPECT_EQ(s.answer("n", "3.5").status, AnswerStatus::Invalid);
  EXPECT_TRUE(s.answer("n", "100").ok());
}

TEST(Constraints, DecimalFormat) {
  Scenario s(questionnaireYaml(kNumbers));
  EXPECT_TRUE(s.answer("d", "12.5").ok());
  EXPECT_EQ(s.answer("d", "12,5").message, "Enter a number, with a dot for decimals, for example 12.5.");
  EXPECT_EQ(s.answer("d", "nan").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.answer("d", "inf").status, AnswerStatus::Invalid);
  EXPECT_EQ(s.answer("d", "-2").message, "Enter a number of at least 0.");
}

TEST(Constraints, YearsAndDates) {
  Scenario s(questionnaireYaml(kNumbers));
  EXPECT_EQ(s.answer("y", "89").message, "Enter a year with four digits, for example 2024.");
  EXPECT_EQ(s.answer("y", "1989").message, "Enter a number of at least 1990.");
  EXPECT_TRUE(s.answer("y", "2024").ok());
  // The format is right: the message says the day does not exist.
  EXPECT_EQ(s.answer("day", "2026-02-30").message,
            "2026-02-30 does not exist: month 02 of 2026 has 28 days.");
  EXPECT_EQ(s.answer("day", "2024-02-30").message,
            "2024-02-30 does not exist: month 02 of 2024 has 29 days.");
  EXPECT_EQ(s.answer("day", "2024-13-01").message, "There is no month 13: months go from 01 to 12.");
  EXPECT_EQ(s.answer("day", "30-02-2024").message, "Enter a date as YYYY-MM-DD, for example 2024-05-31.");
  EXPECT_TRUE(s.answer("day", "2024-02-29").ok());
  EXPECT_EQ(s.answer("day", "1999-12-31").message, "Enter a date on or after 2000-01-01.");
}

TEST(Constraints, ARefusedValueIsNotCountedAsAnswered) {
  Scenario s(questionnaireYaml(kNumbers));
  const int before = s.session().progress().answered;
  s.answer("y", "89");  // kept, but not a year
  EXPECT_EQ(s.session().progress().answered, before);
  EXPECT_EQ(s.session().progress().errors, 1);
  s.answer("y", "2024");
  EXPECT_EQ(s.session().progress().answered, before + 1);
}

TEST(Constraints, TextLength) {
  Scenario s(questionnaireYaml(kNumbers));
  EXPECT_TRUE(s.answer("t", "abcde").ok());
  EXPECT_TRUE(s.answer("t", "ééééé").ok());  // characters, not bytes
  EXPECT_EQ(s.answer("t", "abcdef").message, "This answer has 6 characters; at most 5 are allowed here.");
}

TEST(Constraints, Countries) {
  Scenario s(questionnaireYaml(kNumbers));
  EXPECT_TRUE(s.answer("k", "FRA").ok());
  EXPECT_EQ(s.answer("k", "XXX").message, "'XXX' is not an ISO 3166 country code such as FRA.");
}

TEST(Constraints, ConstraintReadingAnotherQuestion) {
  Scenario s(questionnaireYaml(
      section("      - {id: total, type: integer, label: T}\n"
              "      - {id: part, type: integer, label: P, constraint: '. <= ${total}'}\n")));
  s.answer("total", "10");
  EXPECT_TRUE(s.answer("part", "7").ok());
  s.answer("total", "5");  // re-checks the dependent constraint
  EXPECT_FALSE(s.error("part").empty());
}

const std::string kChoices =
    "choice_lists:\n  kinds:\n    - {value: training, label: Training}\n    - {value: equipment, label: "
    "Equipment}\n";

TEST(Choices, SingleChoiceValues) {
  Scenario s(questionnaireYaml(section("      - {id: k, type: single_choice, label: K, choices: kinds}\n"),
                               kChoices));
  EXPECT_TRUE(s.answer("k", "training").ok());
  EXPECT_EQ(s.answer("k", "money").message, "'money' is not one of the choices of this question.");
}

TEST(Choices, OtherNeedsItsText) {
  Scenario s(questionnaireYaml(
      section("      - {id: k, type: multiple_choice, label: K, choices: kinds, other: true}\n"), kChoices));
  EXPECT_EQ(s.answer("k", "training other").message, "Please specify the other answer.");
  EXPECT_TRUE(s.answer("k/other", "Forensics").ok());
  EXPECT_EQ(s.error("k"), "");
}

TEST(Choices, DuplicateSelectionsAreInvalid) {
  Scenario s(questionnaireYaml(section("      - {id: k, type: multiple_choice, label: K, choices: kinds}\n"),
                               kChoices));
  EXPECT_EQ(s.answer("k", "training training").message, "A choice is selected twice.");
}

TEST(Choices, OtherPathOnlyWhenOtherIsOffered) {
  Scenario s(questionnaireYaml(section("      - {id: k, type: single_choice, label: K, choices: kinds}\n"),
                               kChoices));
  EXPECT_EQ(s.answer("k/other", "x").status, AnswerStatus::Refused);
}

TEST(Calculations, CalculateFromOtherAnswers) {
  Scenario s(
      questionnaireYaml(section("      - {id: a, type: integer, label: A}\n"
                                "      - {id: b, type: integer, label: B}\n"
                                "      - {id: total, type: calculate, label: T, calculation: '${a} + ${b}'}\n"
                                "      - {id: big, type: text, label: Big, relevant: '${total} > 10'}\n")));
  s.answer("a", "4");
  EXPECT_EQ(s.calculated("total"), "");  // an unanswered operand leaves it unanswered
  s.answer("b", "8");
  EXPECT_EQ(s.calculated("total"), "12");
  EXPECT_TRUE(s.isRelevant("big"));
}

TEST(Calculations, IfAndCoalesce) {
  Scenario s(
      questionnaireYaml(section("      - {id: yn, type: yes_no, label: Q}\n"
                                "      - {id: n, type: integer, label: N}\n"
                                "      - {id: score, type: calculate, label: S, calculation: \"if(${yn} = "
                                "'yes', 1, 0) + coalesce(${n}, 0)\"}\n")));
  EXPECT_EQ(s.calculated("score"), "0");
  s.answer("yn", "yes");
  EXPECT_EQ(s.calculated("score"), "1");
  s.answer("n", "5");
  EXPECT_EQ(s.calculated("score"), "6");
}

TEST(Calculations, ChainedCalculationsUpdateInOrder) {
  Scenario s(
      questionnaireYaml(section("      - {id: a, type: integer, label: A}\n"
                                "      - {id: c2, type: calculate, label: C2, calculation: '${c1} * 2'}\n"
                                "      - {id: c1, type: calculate, label: C1, calculation: '${a} + 1'}\n")));
  s.answer("a", "1");
  EXPECT_EQ(s.calculated("c1"), "2");
  EXPECT_EQ(s.calculated("c2"), "4");
}

TEST(Calculations, TodayIsTheSessionsDate) {
  Scenario s(
      questionnaireYaml(section("      - {id: d, type: date, label: D, constraint: '. <= today()'}\n")));
  s.session().setToday("2024-06-01");
  EXPECT_TRUE(s.answer("d", "2024-05-31").ok());
  EXPECT_EQ(s.answer("d", "2024-06-02").status, AnswerStatus::ConstraintViolated);
}

TEST(Calculations, StringLength) {
  Scenario s(questionnaireYaml(section(
      "      - {id: t, type: long_text, label: T, constraint: 'string-length(.) >= 3', constraint_message: "
      "Too short}\n")));
  EXPECT_EQ(s.answer("t", "ab").message, "Too short");
  EXPECT_TRUE(s.answer("t", "abc").ok());
}

const std::string kRepeat = section(
    "      - id: agreements\n        type: repeat\n        label: Agreements\n        max_records: 3\n"
    "        min_records: 2\n        questions:\n"
    "          - {id: partner, type: country, label: Partner, required: true}\n"
    "          - {id: signed, type: yes_no, label: Signed}\n"
    "          - {id: year, type: year, label: Year, relevant: \"${signed} = 'yes'\"}\n"
    "          - {id: staff, type: integer, label: Staff}\n"
    "      - {id: n_agreements, type: calculate, label: N, calculation: 'count(${agreements})'}\n"
    "      - {id: total_staff, type: calculate, label: S, calculation: 'sum(${staff})'}\n"
    "      - {id: named, type: calculate, label: P, calculation: 'count(${partner})'}\n");

TEST(Repeats, RecordsAreAddedWithStableKeys) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  std::string b = s.addRecord("agreements");
  EXPECT_NE(a, b);
  EXPECT_EQ(s.session().records("agreements"), (std::vector<std::string>{a, b}));
  EXPECT_EQ(s.calculated("n_agreements"), "2");
}

TEST(Repeats, RelevanceWithinARecord) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  std::string b = s.addRecord("agreements");
  s.answer("agreements[" + a + "]/signed", "yes");
  EXPECT_TRUE(s.isRelevant("agreements[" + a + "]/year"));
  EXPECT_FALSE(s.isRelevant("agreements[" + b + "]/year"));
}

TEST(Repeats, SumAndCountAcrossRecords) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  std::string b = s.addRecord("agreements");
  s.answer("agreements[" + a + "]/staff", "3");
  s.answer("agreements[" + b + "]/staff", "4");
  s.answer("agreements[" + b + "]/partner", "NGA");
  EXPECT_EQ(s.calculated("total_staff"), "7");
  EXPECT_EQ(s.calculated("named"), "1");
}

TEST(Repeats, RequiredChildrenAreProblemsPerRecord) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  auto problems = s.session().problems();
  bool found = false;
  for (const auto& p : problems)
    found |= p.path == "agreements[" + a + "]/partner" && p.kind == ProblemKind::RequiredButEmpty;
  EXPECT_TRUE(found);
  EXPECT_EQ(s.session().progress().requiredUnanswered, 1);
}

TEST(Repeats, TooFewRecords) {
  Scenario s(questionnaireYaml(kRepeat));
  s.addRecord("agreements");
  EXPECT_EQ(s.error("agreements"), "At least 2 records are needed here.");
  s.addRecord("agreements");
  EXPECT_EQ(s.error("agreements"), "");
}

TEST(Repeats, TooManyRecords) {
  Scenario s(questionnaireYaml(kRepeat));
  for (int i = 0; i < 4; ++i) s.addRecord("agreements");
  EXPECT_EQ(s.error("agreements"), "At most 3 records are allowed here.");
}

TEST(Repeats, RemovingARecordRemovesItsAnswers) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  std::string b = s.addRecord("agreements");
  s.answer("agreements[" + a + "]/staff", "3");
  s.answer("agreements[" + b + "]/staff", "4");
  s.session().apply(s.session().removeRecordWrites("agreements", a));
  EXPECT_EQ(s.value("agreements[" + a + "]/staff"), "");
  EXPECT_EQ(s.calculated("total_staff"), "4");
  EXPECT_FALSE(s.isRelevant("agreements[" + a + "]/staff"));
}

TEST(Repeats, ReorderingKeepsKeysAndAnswers) {
  Scenario s(questionnaireYaml(kRepeat));
  std::string a = s.addRecord("agreements");
  std::string b = s.addRecord("agreements");
  s.answer("agreements[" + a + "]/staff", "3");
  s.session().apply(s.session().moveRecordWrites("agreements", b, 0));
  EXPECT_EQ(s.session().records("agreements"), (std::vector<std::string>{b, a}));
  EXPECT_EQ(s.value("agreements[" + a + "]/staff"), "3");
}

TEST(Repeats, AnswersToUnknownRecordsAreRefused) {
  Scenario s(questionnaireYaml(kRepeat));
  Outcome outcome = s.answer("agreements[nope]/staff", "3");
  EXPECT_EQ(outcome.status, AnswerStatus::Refused);
  EXPECT_EQ(outcome.message, "The repeat group 'agreements' has no record 'nope'.");
  EXPECT_EQ(s.answer("staff", "3").message,
            "'staff' belongs to the repeat group 'agreements'; write agreements[KEY]/staff.");
}

const std::string kTable = section(
    "      - id: victims\n        type: table\n        label: Victims\n        totals: both\n"
    "        rows: [{id: y2023, label: '2023'}, {id: y2024, label: '2024'}]\n"
    "        columns: [{id: women, label: Women}, {id: men, label: Men}]\n"
    "      - {id: any, type: text, label: Any, relevant: 'sum(${victims}) > 0'}\n"
    "      - {id: check, type: text, label: C, relevant: '${victims/y2024/women} > 5'}\n");

TEST(Tables, CellsAreNumbersWithinBounds) {
  Scenario s(questionnaireYaml(kTable));
  EXPECT_TRUE(s.answer("victims/y2023/women", "12").ok());
  EXPECT_EQ(s.answer("victims/y2023/men", "-1").message, "Enter a number of at least 0.");
  EXPECT_EQ(s.answer("victims/y2025/men", "1").status, AnswerStatus::Refused);
}

TEST(Tables, SumAndSingleCellsInExpressions) {
  Scenario s(questionnaireYaml(kTable));
  EXPECT_FALSE(s.isRelevant("any"));
  s.answer("victims/y2023/men", "2");
  EXPECT_TRUE(s.isRelevant("any"));
  s.answer("victims/y2024/women", "6");
  EXPECT_TRUE(s.isRelevant("check"));
}

TEST(Tables, AnsweredWhenAnyCellIsFilled) {
  Scenario s(questionnaireYaml(kTable));
  EXPECT_FALSE(s.isAnswered("victims"));
  s.answer("victims/y2024/men", "0");
  EXPECT_TRUE(s.isAnswered("victims"));
}

TEST(Marks, InformationNotAvailableCountsAsAnswered) {
  Scenario s(questionnaireYaml(kFollowUps));
  EXPECT_TRUE(s.answer("q1@status", "not_available").ok());
  EXPECT_TRUE(s.isAnswered("q1"));
  EXPECT_EQ(s.session().progress().requiredUnanswered, 0);
}

TEST(Marks, NotAvailableCanBeForbidden) {
  Scenario s(questionnaireYaml(section("      - {id: q, type: text, label: Q, not_available: false}\n")));
  EXPECT_EQ(s.answer("q@status", "not_available").message,
            "\"Information not available\" is not allowed for this question.");
  EXPECT_TRUE(s.answer("q@status", "not_applicable").ok());
}

TEST(Marks, CommentsAreKeptAndDoNotAnswer) {
  Scenario s(questionnaireYaml(kFollowUps));
  EXPECT_TRUE(s.answer("q1@comment", "Ask the ministry").status == AnswerStatus::RequiredButEmpty);
  EXPECT_EQ(s.value("q1@comment"), "Ask the ministry");
  EXPECT_FALSE(s.isAnswered("q1"));
}

TEST(Marks, ConstraintsDoNotApplyToMarkedQuestions) {
  Scenario s(questionnaireYaml(kNumbers));
  s.answer("c", "3");
  s.answer("c@status", "not_available");
  EXPECT_EQ(s.error("c"), "");
}

TEST(CarryForward, PendingConfirmationIsAProblemThatDoesNotBlock) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "yes");
  s.answer("q1@carried", "pending");
  auto problems = s.session().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, ProblemKind::CarriedForwardPending);
  EXPECT_FALSE(problems[0].blocking());
  s.answer("q1@carried", "");  // confirmed
  EXPECT_TRUE(s.session().problems().empty());
}

TEST(CarryForward, IdsAreKeptOnTheQuestion) {
  auto q = test::loadValid(
      "focal: 1\nid: c2\ntitle: T\ninstrument: som\ncycle: 2\nversion: '1'\nlanguages: [en]\nprevious_cycle: "
      "c1\n"
      "sections:\n" +
      section("      - {id: n1, type: yes_no, label: A, carry_forward_from: p1, also_asked_in: "
              "['tip-cycle2:bm_1']}\n"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->info.previousCycle, "c1");
  EXPECT_EQ(q->questions[0].carryForwardFrom, "p1");
  EXPECT_EQ(q->questions[0].alsoAskedIn, std::vector<std::string>{"tip-cycle2:bm_1"});
}

TEST(Progress, PerSectionAndOverall) {
  Scenario s(questionnaireYaml(section("      - {id: a, type: text, label: A}\n"
                                       "      - {id: n, type: note, label: Read this}\n") +
                               "  - id: s2\n    title: Two\n    questions:\n"
                               "      - {id: b, type: text, label: B, required: true}\n"
                               "      - {id: c, type: text, label: C}\n"));
  EXPECT_EQ(s.session().progress(0).relevant, 1);  // notes take no answer
  s.answer("a", "x");
  EXPECT_EQ(s.session().progress(0).percent(), 100);
  EXPECT_TRUE(s.session().progress(0).complete());
  EXPECT_EQ(s.session().progress(1).requiredUnanswered, 1);
  EXPECT_EQ(s.session().progress().percent(), 33);
  s.answer("b", "y");
  s.answer("c", "z");
  EXPECT_TRUE(s.session().progress().complete());
}

TEST(Progress, HiddenQuestionsDoNotCount) {
  Scenario s(questionnaireYaml(kFollowUps));
  EXPECT_EQ(s.session().progress().relevant, 1);
  s.answer("q1", "no");
  EXPECT_EQ(s.session().progress().relevant, 2);
  s.answer("q1_no", "Reason");
  EXPECT_EQ(s.session().progress().relevant, 3);
}

TEST(Session, DefaultsAreOfferedAsWrites) {
  Scenario s(questionnaireYaml(section("      - {id: a, type: yes_no, label: A, default: 'no'}\n")));
  auto writes = s.session().defaultWrites();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].path, "a");
  EXPECT_EQ(writes[0].value, "no");
}

TEST(Session, ChangesArePublishedWithTheQuestionsTheyReach) {
  Scenario s(questionnaireYaml(kFollowUps));
  std::vector<SessionChange> seen;
  auto subscription = s.session().subscribe([&](const SessionChange& c) { seen.push_back(c); });
  s.answer("q1", "no");
  ASSERT_EQ(seen.size(), 1u);
  ASSERT_EQ(seen[0].answers.size(), 1u);
  EXPECT_EQ(seen[0].answers[0].after, "no");
  auto& q = seen[0].questions;
  EXPECT_NE(std::find(q.begin(), q.end(), "q1_no"), q.end());
  EXPECT_NE(std::find(q.begin(), q.end(), "q1_chain"), q.end());
  s.answer("q1", "no");  // no change, no message
  EXPECT_EQ(seen.size(), 1u);
  subscription.reset();
  s.answer("q1", "yes");
  EXPECT_EQ(seen.size(), 1u);
}

TEST(Session, LoadingAnswersEvaluatesEverything) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.session().load({{"q1", "no"}, {"q1_no", "Reason"}});
  EXPECT_TRUE(s.isRelevant("q1_chain"));
  EXPECT_TRUE(s.isAnswered("q1_no"));
}

TEST(Session, UnknownQuestionsAreRefusedWithTheReason) {
  Scenario s(questionnaireYaml(kFollowUps));
  Outcome outcome = s.answer("q9", "yes");
  EXPECT_EQ(outcome.status, AnswerStatus::Refused);
  EXPECT_EQ(outcome.message, "There is no question 'q9' in this questionnaire.");
  EXPECT_EQ(s.answer("q1/../x", "yes").message, "'q1/../x' is not a valid answer path.");
}

TEST(Session, LegislationIsAnsweredByItsTitle) {
  Scenario s(questionnaireYaml(kFollowUps));
  s.answer("q1", "yes");
  s.answer("q1_yes/article", "Art. 5");
  EXPECT_FALSE(s.isAnswered("q1_yes"));
  s.answer("q1_yes/title", "Penal Code");
  EXPECT_TRUE(s.isAnswered("q1_yes"));
  EXPECT_EQ(s.answer("q1_yes/date", "18-03-2003").message,
            "Enter a date as YYYY-MM-DD, for example 2024-05-31.");
  EXPECT_EQ(s.answer("q1_yes/year", "2003").status, AnswerStatus::Refused);
}

}  // namespace
}  // namespace focal
