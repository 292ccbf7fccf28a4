// Carry-forward control (issue 15): `confirm_carried: required` makes an
// unconfirmed carried answer block a final report; `carry_forward_filter`
// chooses the previous cycle's records carried. A language declared partial
// ({ar: partial}) is reported as coverage, not as a problem. The upgrade
// plan (forms/upgrade_plan.h) says what an upgrade will do, and agrees with it.
#include <gtest/gtest.h>

#include "forms/upgrade_plan.h"
#include "forms/workspace.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::Scenario;

// Header lines 1-7, previous_cycle on line 8, `extra` from line 9; the
// first question is on line 13 plus the number of extra lines.
std::string cycleYaml(const std::string& extra, const std::string& questions) {
  return test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n" + questions,
                                 "previous_cycle: old\n" + extra, "[en]");
}

std::vector<std::string> errors(const std::string& yaml) {
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) {
      out.push_back(d.format());
      EXPECT_TRUE(test::documented(d.format())) << "not in the docs: " << d.format();
    }
  return out;
}

const std::string kCarried =
    "      - {id: q_1, type: yes_no, label: Criminalized, carry_forward_from: a_1}\n"
    "      - {id: q_2, type: text, label: Remarks, carry_forward_from: a_2, confirm_carried: optional}\n";

const char* kMustConfirm =
    "Carried forward from the previous cycle and not yet confirmed; the questionnaire requires it to be "
    "confirmed before a final report: confirm it (Confirm beside the answer, Ctrl+Shift+C) or change it.";

TEST(ConfirmCarried, RequiredMakesAnUnconfirmedAnswerBlockAFinalReport) {
  Scenario s(cycleYaml("confirm_carried: required\n", kCarried));
  s.session().load(
      {{"q_1", "yes"}, {"q_1@carried", "pending"}, {"q_2", "as before"}, {"q_2@carried", "pending"}});
  auto problems = s.session().problems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "q_1");
  EXPECT_EQ(problems[0].kind, ProblemKind::CarriedForwardPending);
  EXPECT_TRUE(problems[0].mustConfirm);
  EXPECT_TRUE(problems[0].blocking());
  EXPECT_EQ(problems[0].message, kMustConfirm);
  // `confirm_carried: optional` on the question overrides the questionnaire's.
  EXPECT_EQ(problems[1].path, "q_2");
  EXPECT_FALSE(problems[1].blocking());
  EXPECT_EQ(problems[1].message, "Carried forward from the previous cycle; please confirm or change it.");

  s.session().apply({{"q_1@carried", ""}});  // confirmed
  problems = s.session().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "q_2");
}

TEST(ConfirmCarried, WithoutItACarriedAnswerDoesNotBlock) {
  Scenario s(cycleYaml("", kCarried));
  s.session().load({{"q_1", "yes"}, {"q_1@carried", "pending"}});
  auto problems = s.session().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_FALSE(problems[0].blocking());
  // On one question only.
  Scenario one(cycleYaml("",
                         "      - {id: q_1, type: yes_no, label: Criminalized, carry_forward_from: a_1, "
                         "confirm_carried: required}\n"));
  one.session().load({{"q_1", "yes"}, {"q_1@carried", "pending"}});
  problems = one.session().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(problems[0].blocking());
  EXPECT_EQ(problems[0].message, kMustConfirm);
}

TEST(ConfirmCarried, WrongValuesAndPlacesAreErrorsAtTheValue) {
  EXPECT_EQ(errors(cycleYaml("confirm_carried: always\n", kCarried)),
            std::vector<std::string>{
                "q.yaml:9:18: error: 'confirm_carried' is 'required' (a carried answer must be confirmed or "
                "changed before a final report) or 'optional', not 'always'"});
  EXPECT_EQ(
      errors(test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n"
                                     "      - {id: q_1, type: yes_no, label: A}\n",
                                     "confirm_carried: required\n", "[en]")),
      std::vector<std::string>{
          "q.yaml:8:18: error: 'confirm_carried' concerns answers carried forward, but the questionnaire "
          "names no 'previous_cycle'; add it or remove 'confirm_carried'"});
  EXPECT_EQ(
      errors(cycleYaml("", "      - {id: q_1, type: yes_no, label: A, confirm_carried: required}\n")),
      std::vector<std::string>{
          "q.yaml:13:60: error: 'confirm_carried' concerns the answer carried forward, but 'q_1' has no "
          "'carry_forward_from'; add it or remove 'confirm_carried'"});
}

// ---- carry_forward_filter ------------------------------------------------------

const char* kPrevious = R"(  - id: s
    title: S
    questions:
      - id: a_5
        type: repeat
        label: Agreements
        questions:
          - {id: a_5_partner, type: country, label: Partner}
          - {id: a_5_active, type: yes_no, label: In force}
)";
const char* kNext = R"(  - id: s
    title: S
    questions:
      - id: b_5
        type: repeat
        label: Agreements
        carry_forward_from: a_5
        carry_forward_filter: "${b_5_active} = 'yes'"
        questions:
          - {id: b_5_partner, type: country, label: Partner, carry_forward_from: a_5_partner}
          - {id: b_5_active, type: yes_no, label: In force, carry_forward_from: a_5_active}
)";

TEST(CarryForwardFilter, CarriesOnlyTheRecordsItKeepsAndListsTheOthers) {
  auto previous = test::loadStoreQuestionnaire(test::storeYaml("cf-1", "1", kPrevious));
  auto next = test::loadStoreQuestionnaire(test::storeYaml("cf-2", "1", kNext, "previous_cycle: cf-1\n"));
  ASSERT_TRUE(previous && next);
  CarryForward carried = carryForward(*next, *previous,
                                      {{"a_5", "k1 k2 k3"},
                                       {"a_5[k1]/a_5_partner", "FRA"},
                                       {"a_5[k1]/a_5_active", "yes"},
                                       {"a_5[k2]/a_5_partner", "BEN"},
                                       {"a_5[k2]/a_5_active", "no"},
                                       {"a_5[k3]/a_5_partner", "KEN"}});
  const std::map<std::string, std::string> expected = {
      {"b_5", "k1"},
      {"b_5[k1]/b_5_partner", "FRA"},
      {"b_5[k1]/b_5_active", "yes"},
      {"b_5@carried", "pending"},
      {"b_5@previous", R"({"b_5":"k1","b_5[k1]/b_5_active":"yes","b_5[k1]/b_5_partner":"FRA"})"}};
  EXPECT_EQ(carried.answers, expected);
  EXPECT_EQ(carried.questions, 1u);
  const std::string why = "the record does not meet the carry_forward_filter of b_5: ${b_5_active} = 'yes'";
  const std::vector<std::pair<std::string, std::string>> notCarried = {{"a_5[k2]", why}, {"a_5[k3]", why}};
  EXPECT_EQ(carried.notCarried, notCarried);

  // No record passes: the list is not carried at all.
  carried = carryForward(*next, *previous, {{"a_5", "k2"}, {"a_5[k2]/a_5_active", "no"}});
  EXPECT_TRUE(carried.answers.empty());
  EXPECT_EQ(carried.questions, 0u);
}

TEST(CarryForwardFilter, IsCheckedAtLoad) {
  const std::string records = "        questions:\n          - {id: r_a, type: text, label: A}\n";
  EXPECT_EQ(
      errors(cycleYaml("",
                       "      - id: r\n        type: repeat\n        label: R\n"
                       "        carry_forward_filter: \"${r_a} != ''\"\n" +
                           records)),
      std::vector<std::string>{
          "q.yaml:16:31: error: 'carry_forward_filter' chooses the records carried forward, but 'r' has "
          "no 'carry_forward_from'; add it or remove the filter"});
  EXPECT_EQ(
      errors(cycleYaml("",
                       "      - id: r\n        type: repeat\n        label: R\n"
                       "        carry_forward_from: old_r\n        carry_forward_filter: \"${r_a}\"\n" +
                           records)),
      std::vector<std::string>{
          "q.yaml:17:32: error: 'carry_forward_filter' must be a condition that is true or false, but this "
          "expression gives text; compare it, e.g. ${q} = 'yes'"});
}

// ---- partial languages --------------------------------------------------------

std::string partialYaml(const std::string& languages) {
  return "focal: 1\nid: test\ntitle: {en: Test, fr: Essai}\ninstrument: tip\ncycle: 1\nversion: '1'\n"
         "languages: " +
         languages +
         "\nsections:\n  - id: s1\n    title: {en: One, fr: Un, ar: واحد}\n    questions:\n"
         "      - {id: q_1, type: yes_no, label: {en: Asked, fr: Posée, ar: سؤال}}\n"
         "      - {id: q_2, type: yes_no, label: {en: Untranslated, fr: Pas traduite}}\n";
}

TEST(PartialLanguage, IsReportedAsCoverageAndIsNoErrorUnderStrict) {
  LoadOptions strict;
  strict.strict = true;
  LoadResult result = loadQuestionnaireText(partialYaml("[en, fr, {ar: partial}]"), "q.yaml", strict);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].severity, Diagnostic::Severity::Note);
  EXPECT_EQ(result.diagnostics[0].format(),
            "q.yaml:7:22: note: language 'ar' (partial): 2 of 4 texts (50%); the default language (en) is "
            "shown for the other 2");
  EXPECT_TRUE(test::documented(result.diagnostics[0].format()));
  EXPECT_EQ(result.warningCount(), 0u);
  EXPECT_EQ(result.questionnaire->info.languages, (std::vector<std::string>{"en", "fr", "ar"}));
  EXPECT_TRUE(result.questionnaire->info.isPartial("ar"));
  EXPECT_FALSE(result.questionnaire->info.isPartial("fr"));
  const auto& q = *result.questionnaire;
  EXPECT_EQ(q.questions[0].label.get("ar", q.defaultLanguage()), "سؤال");
  EXPECT_EQ(q.questions[1].label.get("ar", q.defaultLanguage()), "Untranslated");  // the default language

  // Not declared partial, the same file fails --strict.
  result = loadQuestionnaireText(partialYaml("[en, fr, ar]"), "q.yaml", strict);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].format(),
            "q.yaml:3:8: error: language 'ar' covers 2 of 4 texts (50%); missing on lines 3, 13; the default "
            "language is shown instead");
}

TEST(PartialLanguage, TheDefaultLanguageCannotBePartialAndTheMarkIsChecked) {
  EXPECT_EQ(
      errors(partialYaml("[{en: partial}, fr, ar]")),
      std::vector<std::string>{
          "q.yaml:7:14: error: the first language, 'en', is the default language, which every text must "
          "have, so it cannot be partial; list a complete language first"});
  EXPECT_EQ(
      errors(partialYaml("[en, fr, {ar: partly}]")),
      std::vector<std::string>{"q.yaml:7:26: error: the language 'ar' is marked 'partly'; the only mark is "
                               "'partial', as in {ar: partial}"});
}

// ---- the upgrade plan ----------------------------------------------------------

const char* kVersion1 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_2, type: text, label: Gone in version 2}
      - {id: q_3, type: integer, label: Becomes yes/no}
      - id: q_4
        type: single_choice
        label: Loses a choice
        choices: [{value: a, label: A}, {value: b, label: B}]
      - {id: q_5, type: text, label: Becomes long text}
      - id: r
        type: repeat
        label: Records
        questions:
          - {id: r_a, type: text, label: A}
          - {id: r_b, type: text, label: Moves out of the list}
)";
const char* kVersion2 = R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_3, type: yes_no, label: Now yes/no}
      - id: q_4
        type: single_choice
        label: Lost a choice
        choices: [{value: a, label: A}]
      - {id: q_5, type: long_text, label: Long now}
      - {id: r_b, type: text, label: Outside now}
      - id: r
        type: repeat
        label: Records
        questions:
          - {id: r_a, type: text, label: A}
)";

TEST(UpgradePlan, TellsWhatTheUpgradeDoesFromTheDiffAndAgreesWithIt) {
  test::TempDir dir;
  auto v1 = test::loadStoreQuestionnaire(test::storeYaml("up", "1", kVersion1));
  auto v2 = test::loadStoreQuestionnaire(test::storeYaml("up", "2", kVersion2));
  const std::map<std::string, std::string> answers = {{"q_1", "yes"},
                                                      {"q_1@comment", "confirmed"},
                                                      {"q_2", "a paragraph"},
                                                      {"q_3", "12"},
                                                      {"q_4", "b"},
                                                      {"q_5", "short"},
                                                      {"r", "k1"},
                                                      {"r[k1]/r_a", "kept"},
                                                      {"r[k1]/r_b", "moved"}};
  const UpgradePlan plan = planUpgrade(*v1, *v2, answers);
  EXPECT_EQ(plan.diff.removed, std::vector<std::string>{"q_2"});
  EXPECT_EQ(plan.kept, 5u);
  EXPECT_EQ(plan.review, 1u);
  EXPECT_EQ(plan.setAside, 3u);
  ASSERT_EQ(plan.steps.size(), 5u);
  EXPECT_EQ(plan.steps[0].question, "q_2");
  EXPECT_EQ(plan.steps[0].fields, std::vector<std::string>{"removed"});
  EXPECT_EQ(plan.steps[0].setAside, 1u);
  EXPECT_EQ(plan.steps[0].reason, "the question q_2 is not in version 2");
  EXPECT_EQ(plan.steps[1].question, "q_3");
  EXPECT_EQ(plan.steps[1].fields, std::vector<std::string>{"type"});
  EXPECT_EQ(plan.steps[1].before, "integer");
  EXPECT_EQ(plan.steps[1].after, "yes_no");
  EXPECT_EQ(plan.steps[1].reason, "q_3 changed from integer to yes_no");
  EXPECT_EQ(plan.steps[2].question, "q_4");
  EXPECT_EQ(plan.steps[2].fields, std::vector<std::string>{"choices"});
  EXPECT_EQ(plan.steps[2].before, "a, b");
  EXPECT_EQ(plan.steps[2].after, "a");
  EXPECT_EQ(plan.steps[2].review, 1u);
  EXPECT_EQ(plan.steps[3].question, "q_5");
  EXPECT_EQ(plan.steps[3].kept, 1u);  // text to long_text: kept
  EXPECT_EQ(plan.steps[4].question, "r_b");
  EXPECT_EQ(plan.steps[4].fields, std::vector<std::string>{"repeat"});
  EXPECT_EQ(plan.steps[4].reason, "r_b is no longer asked inside a list");

  // The upgrade does what the plan said.
  auto ws = Workspace::create(dir.file("a.focal"), test::testOptions());
  ResponseId id = ws->createResponse(*v1, "NGA", "en");
  std::vector<AnswerWrite> writes;
  for (const auto& [path, value] : answers) writes.push_back({path, value});
  ws->write(id, writes);
  UpgradeReport report = ws->upgradeResponse(id, *v2);
  EXPECT_EQ(report.kept, plan.kept + plan.review);
  EXPECT_EQ(report.orphaned.size(), plan.setAside);
  ASSERT_EQ(report.needsReview.size(), plan.review);
  EXPECT_EQ(report.needsReview[0].second, plan.steps[2].reason);
}

}  // namespace
}  // namespace focal
