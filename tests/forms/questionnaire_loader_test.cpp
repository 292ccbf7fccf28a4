// The loader on good and bad input: every message with its exact text and
// position, every problem of a file in one pass.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "forms/questionnaire_loader.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;

std::vector<std::string> errors(const std::string& yaml, bool strict = false) {
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml", {strict});
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

std::string oneError(const std::string& yaml) {
  auto all = errors(yaml);
  EXPECT_EQ(all.size(), 1u) << ::testing::PrintToString(all);
  return all.empty() ? std::string() : all.front();
}

const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";

TEST(Loader, LoadsAValidQuestionnaire) {
  auto q =
      test::loadValid(questionnaireYaml(kSection + "      - {id: q1, type: yes_no, label: {en: Q, fr: Q}}\n"
                                                   "      - {id: q2, type: text, label: {en: T, fr: T}, "
                                                   "relevant: \"${q1} = 'no'\"}\n"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->info.id, "test");
  EXPECT_EQ(q->info.instrument, Instrument::Tip);
  EXPECT_EQ(q->questions.size(), 2u);
  EXPECT_EQ(q->sections.size(), 1u);
  EXPECT_EQ(q->questions[1].relevant->compiled->references(), std::vector<std::string>{"q1"});
}

TEST(Loader, RefusesAnEmptyFile) {
  EXPECT_EQ(oneError(""),
            "q.yaml: error: the file is empty; a questionnaire starts with 'focal: 1' and an 'id'");
  EXPECT_EQ(oneError("  \n\n"),
            "q.yaml: error: the file is empty; a questionnaire starts with 'focal: 1' and an 'id'");
}

TEST(Loader, RefusesARootThatIsNotAMapping) {
  EXPECT_EQ(oneError("- a\n- b\n"),
            "q.yaml:1:1: error: the top of a questionnaire must be a mapping of keys (focal, id, title, "
            "...), not a list");
  EXPECT_EQ(oneError("just words\n"),
            "q.yaml:1:1: error: the top of a questionnaire must be a mapping of keys (focal, id, title, "
            "...), not a "
            "single value");
}

TEST(Loader, RefusesInvalidUtf8WithItsPosition) {
  EXPECT_EQ(oneError("focal: 1\nid: t\xff\n"),
            "q.yaml:2:6: error: the file is not valid UTF-8 here; save it as UTF-8 in your editor");
}

TEST(Loader, RefusesAnchorsAndAliases) {
  auto all = errors("focal: 1\na: &x [1]\nb: *x\n");
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(
      all[0],
      "q.yaml:2:4: error: YAML anchors (&x) are not allowed in a questionnaire; write the value out in full");
  EXPECT_EQ(all[1],
            "q.yaml:3:4: error: YAML aliases (*name) are not allowed in a questionnaire; write the value out "
            "in full");
}

// A hang would be stopped by the CTest timeout and reported as a failure.
TEST(Loader, RefusesSelfContainingAliasesWithoutHanging) {
  auto all = errors("a: &a [*a, *a]\n");
  EXPECT_FALSE(all.empty());
}

TEST(Loader, RefusesTags) {
  auto all = errors("focal: !!int 1\n");
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0],
            "q.yaml:1:8: error: YAML tags (tag:yaml.org,2002:int) are not allowed in a questionnaire; remove "
            "the tag");
}

TEST(Loader, RefusesDuplicateKeysNamingTheFirst) {
  auto all = errors(questionnaireYaml(kSection + "      - {id: q1, type: text, label: A, label: B}\n"));
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0], "q.yaml:12:40: error: duplicate key 'label' (first given on line 12); keep only one");
}

TEST(Loader, RefusesDeepNesting) {
  std::string yaml = "focal: 1\nx: " + std::string(100, '[') + std::string(100, ']') + "\n";
  auto all = errors(yaml);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0], "q.yaml:2:67: error: the file is nested more than 64 levels deep; flatten the structure");
}

TEST(Loader, RefusesFilesOverTheSizeCapBeforeParsing) {
  std::string big(8 * 1024 * 1024 + 1, ' ');
  EXPECT_EQ(
      oneError(big),
      "q.yaml: error: the file is 8388609 bytes, more than the 8388608 a questionnaire may have; split it or "
      "remove content");
  auto path = std::filesystem::temp_directory_path() / "focal-big-questionnaire.yaml";
  {
    std::ofstream out(path);
    out << big;
  }
  LoadResult result = loadQuestionnaireFile(path.string());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_NE(result.diagnostics[0].message.find("more than the 8388608"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(Loader, ReportsAMissingFile) {
  LoadResult result = loadQuestionnaireFile("/nonexistent/q.yaml");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].format().rfind("/nonexistent/q.yaml: error: cannot read the file: ", 0),
            0u);
}

TEST(Loader, ReportsYamlSyntaxErrorsWithPosition) {
  auto all = errors("focal: 1\nid: [unclosed\n");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rfind("q.yaml:", 0), 0u);
  EXPECT_NE(all[0].find("YAML syntax error"), std::string::npos);
}

TEST(Loader, SevenByteInputsThatLoopYamlCppLoadAllEndQuickly) {
  for (const char* input : {",", "- !+(.,.)", "[:", "{:", ",\n,\n,", "\"\\", "? ,"}) {
    LoadResult result = loadQuestionnaireText(input, "q.yaml");
    EXPECT_FALSE(result.ok()) << input;
  }
}

TEST(Loader, UnknownKeysSuggestTheNearest) {
  EXPECT_EQ(
      oneError(questionnaireYaml(kSection + "      - {id: q1, type: text, label: A, relevent: 'true()'}\n")),
      "q.yaml:12:40: error: unknown key 'relevent' in a question of type 'text'; did you mean 'relevant'?");
}

TEST(Loader, KeysOfAnotherTypeAreNamedAsSuch) {
  EXPECT_EQ(oneError(questionnaireYaml(kSection + "      - {id: q1, type: text, label: A, choices: x}\n")),
            "q.yaml:12:40: error: 'choices' does not apply to a question of type 'text'; remove it");
}

TEST(Loader, WrongValueTypes) {
  auto all = errors(questionnaireYaml(kSection + "      - {id: q1, type: integer, label: A, min: ten}\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], "q.yaml:12:48: error: 'min' must be a number");
  EXPECT_EQ(oneError(questionnaireYaml(kSection + "      - {id: q1, type: text, label: [A]}\n")),
            "q.yaml:12:37: error: 'label' must be a text or a mapping from language to text, not a list");
}

TEST(Loader, UnknownTypeSuggestsTheNearest) {
  EXPECT_EQ(
      oneError(questionnaireYaml(kSection + "      - {id: q1, type: yesno, label: A}\n")),
      "q.yaml:12:24: error: unknown question type 'yesno'; did you mean 'yes_no'?; the types are yes_no, "
      "single_choice, multiple_choice, text, long_text, integer, decimal, date, year, country, legislation, "
      "attachment, table, repeat, note, calculate");
}

TEST(Loader, DuplicateIdsNameTheLineOfTheFirst) {
  EXPECT_EQ(oneError(questionnaireYaml(kSection + "      - {id: q1, type: text, label: A}\n"
                                                  "      - {id: q1, type: text, label: B}\n")),
            "q.yaml:13:14: error: the question id 'q1' is used twice (first on line 12); give each question "
            "its own id");
}

TEST(Loader, UnknownIdInAnExpressionSuggestsTheNearest) {
  EXPECT_EQ(oneError(questionnaireYaml(
                kSection + "      - {id: q_1_1, type: yes_no, label: A}\n"
                           "      - {id: q_1_2, type: text, label: B, relevant: \"${q_1_3} = 'no'\"}\n")),
            "q.yaml:13:54: error: in 'relevant': unknown question id 'q_1_3'; did you mean 'q_1_1'?");
}

TEST(Loader, TypeErrorsInExpressionsPointAtTheColumn) {
  auto all = errors(questionnaireYaml(kSection +
                                      "      - {id: q1, type: yes_no, label: A}\n"
                                      "      - {id: q2, type: text, label: B, relevant: \"${q1} = 1\"}\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(
      all[0],
      "q.yaml:13:57: error: in 'relevant': cannot compare text with a number; 'q1' is a yes_no question: its "
      "values are 'yes' and 'no', in quotes");
}

TEST(Loader, RelevanceMustBeACondition) {
  EXPECT_EQ(
      oneError(questionnaireYaml(kSection +
                                 "      - {id: q1, type: integer, label: A}\n"
                                 "      - {id: q2, type: text, label: B, relevant: \"${q1} + 1\"}\n")),
      "q.yaml:13:51: error: 'relevant' must be a condition that is true or false, but this expression gives "
      "number; compare it, e.g. ${q} = 'yes'");
}

TEST(Loader, CyclesAreRefusedNamingTheIds) {
  auto all = errors(questionnaireYaml(kSection +
                                      "      - {id: a, type: text, label: A, relevant: \"${b} = 'x'\"}\n"
                                      "      - {id: b, type: text, label: B, relevant: \"${c} = 'x'\"}\n"
                                      "      - {id: c, type: text, label: C, relevant: \"${a} = 'x'\"}\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NE(all[0].find("these expressions depend on each other in a cycle: "), std::string::npos) << all[0];
  for (const char* id : {"a ->", "b ->", "c ->"}) EXPECT_NE(all[0].find(id), std::string::npos) << all[0];
}

TEST(Loader, CalculationCyclesAreRefused) {
  auto all = errors(
      questionnaireYaml(kSection + "      - {id: a, type: calculate, label: A, calculation: '${b} + 1'}\n"
                                   "      - {id: b, type: calculate, label: B, calculation: '${a} + 1'}\n"));
  ASSERT_FALSE(all.empty());
  EXPECT_NE(all.back().find("cycle: "), std::string::npos);
}

TEST(Loader, ConstraintsThatReferToEachOtherAreNoCycle) {
  EXPECT_TRUE(test::loadValid(
      questionnaireYaml(kSection + "      - {id: a, type: integer, label: A, constraint: '. <= ${b}'}\n"
                                   "      - {id: b, type: integer, label: B, constraint: '. >= ${a}'}\n")));
}

TEST(Loader, ReportsEveryProblemInOnePass) {
  auto all = errors(
      questionnaireYaml(kSection + "      - {id: q1, type: yesno, label: A}\n"
                                   "      - {id: q2, type: text, labl: B}\n"
                                   "      - {id: q3, type: integer, label: C, max: x}\n"
                                   "      - {id: q4, type: text, label: D, relevant: \"${nope} = 'x'\"}\n"));
  EXPECT_GE(all.size(), 5u) << ::testing::PrintToString(all);
}

TEST(Loader, MissingHeaderKeysAreEachReported) {
  auto all = errors("focal: 1\nsections: []\n");
  std::string joined;
  for (auto& e : all) joined += e + "\n";
  for (const char* key : {"'languages'", "'id'", "'title'", "'instrument'", "'cycle'", "'version'"})
    EXPECT_NE(joined.find(std::string("the questionnaire has no ") + key), std::string::npos)
        << key << joined;
}

TEST(Loader, NewerFormatsAreRefusedWithAdvice) {
  auto all = errors("focal: 2\n");
  EXPECT_THAT(all, ::testing::Contains("q.yaml:1:8: error: this questionnaire is in format 2, which this "
                                       "version of Focal does not know (it reads "
                                       "format 1); update Focal"));
}

TEST(Loader, TextsInUndeclaredLanguagesAreErrors) {
  EXPECT_EQ(
      oneError(questionnaireYaml(kSection + "      - {id: q1, type: text, label: {en: A, fr: A, de: A}}\n")),
      "q.yaml:12:52: error: 'label' is given in 'de', which is not in 'languages' (en fr); add the language "
      "or "
      "remove the text");
}

TEST(Loader, MissingTranslationsAreWarningsWithCoverage) {
  std::string yaml =
      "focal: 1\nid: t\ntitle: {en: T, fr: T}\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: [en, fr]\n"
      "sections:\n  - id: s1\n    title: {en: S, fr: S}\n    questions:\n      - {id: q1, type: text, label: "
      "{en: A}}\n";
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.warningCount(), 1u);
  EXPECT_EQ(
      result.diagnostics[0].format(),
      "q.yaml:12:37: warning: language 'fr' covers 2 of 3 texts (66%); missing on lines 12; the default "
      "language is shown instead");
  LoadResult strict = loadQuestionnaireText(yaml, "q.yaml", {true});
  EXPECT_FALSE(strict.ok());
  EXPECT_EQ(strict.errorCount(), 1u);
}

TEST(Loader, LimitsAreEnforced) {
  std::string rows;
  for (int i = 0; i < 201; ++i) rows += "{id: r" + std::to_string(i) + ", label: R}, ";
  auto all = errors(questionnaireYaml(kSection + "      - {id: t, type: table, label: T, rows: [" + rows +
                                      "], columns: [{id: c, label: C}]}\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NE(all[0].find("the table has 201 rows, more than the 200 allowed"), std::string::npos);
  EXPECT_NE(oneError(questionnaireYaml(kSection + "      - {id: " + std::string(65, 'a') +
                                       ", type: text, label: A}\n"))
                .find("is not valid: use letters, digits and '_'"),
            std::string::npos);
}

TEST(Loader, DefaultsMustFitTheirQuestion) {
  EXPECT_EQ(
      oneError(questionnaireYaml(kSection + "      - {id: q1, type: yes_no, label: A, default: maybe}\n")),
      "q.yaml:12:51: error: the 'default' does not fit the question: Answer yes or no.");
}

TEST(Loader, CarryForwardNeedsAPreviousCycle) {
  EXPECT_EQ(oneError(questionnaireYaml(kSection +
                                       "      - {id: q1, type: text, label: A, carry_forward_from: p1}\n")),
            "q.yaml:12:60: error: 'carry_forward_from' needs 'previous_cycle' at the top of the "
            "questionnaire; add it");
}

TEST(Loader, CarryForwardIdsAreCheckedAgainstTheSiblingFile) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "focal-carry-forward-test";
  fs::create_directories(dir);
  {
    std::ofstream(dir / "prev.yaml")
        << "focal: 1\nid: prev\ntitle: P\ninstrument: tip\ncycle: 1\nversion: '1'\n"
           "languages: [en]\nsections:\n  - id: s\n    title: S\n    questions:\n"
           "      - {id: p1, type: yes_no, label: A}\n";
    std::ofstream(dir / "next.yaml")
        << "focal: 1\nid: next\ntitle: N\ninstrument: tip\ncycle: 2\nversion: '1'\n"
           "languages: [en]\nprevious_cycle: prev\nsections:\n  - id: s\n    title: S\n"
           "    questions:\n"
           "      - {id: n1, type: yes_no, label: A, carry_forward_from: p1}\n"
           "      - {id: n2, type: text, label: B, carry_forward_from: p1}\n"
           "      - {id: n3, type: yes_no, label: C, carry_forward_from: p2}\n";
  }
  LoadResult result = loadQuestionnaireFile((dir / "next.yaml").string());
  ASSERT_EQ(result.errorCount(), 2u);
  EXPECT_NE(result.diagnostics[0].message.find("the types must match"), std::string::npos);
  EXPECT_NE(result.diagnostics[1].message.find("names no question of prev; did you mean 'p1'?"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(Loader, RepeatsCannotNest) {
  auto all = errors(questionnaireYaml(
      kSection +
      "      - id: r\n        type: repeat\n        label: R\n        questions:\n"
      "          - {id: inner, type: repeat, label: I, questions: [{id: x, type: text, label: X}]}\n"
      "          - {id: c, type: text, label: C}\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0],
            "q.yaml:16:31: error: a repeat cannot contain another repeat; use a separate repeat group");
}

TEST(Loader, ChoiceListsAreSharedAndChecked) {
  std::string lists = "choice_lists:\n  kinds:\n    - {value: a, label: A}\n    - {value: b, label: B}\n";
  auto q = test::loadValid(questionnaireYaml(
      kSection + "      - {id: q1, type: single_choice, label: A, choices: kinds}\n", lists, "[en]"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->questions[0].choices.size(), 2u);
  EXPECT_EQ(
      oneError(questionnaireYaml(
          kSection + "      - {id: q1, type: single_choice, label: A, choices: kind}\n", lists, "[en]")),
      "q.yaml:16:58: error: unknown choice list 'kind'; did you mean 'kinds'?");
}

TEST(Loader, NestedSectionsKeepTheirParents) {
  auto q = test::loadValid(questionnaireYaml(
      "  - id: a\n    title: A\n    sections:\n      - id: b\n        title: B\n        questions:\n"
      "          - {id: q1, type: text, label: Q}\n",
      {}, "[en]"));
  ASSERT_TRUE(q);
  ASSERT_EQ(q->sections.size(), 2u);
  EXPECT_EQ(q->sections[1].parent, 0);
  EXPECT_EQ(q->sections[0].subsections, std::vector<int>{1});
  EXPECT_EQ(q->questions[0].section, 1);
}

}  // namespace
}  // namespace focal
