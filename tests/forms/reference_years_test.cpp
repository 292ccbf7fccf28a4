// Reference years as one setting (`reference_years: [...]`): tables with a
// row or column per year, {year_first}/{year_last}/{reference_years} in
// texts in every language, and the load errors of a wrong setting, each
// at its line and column and shown in docs/questionnaire-format.md.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "forms/reference_years.h"
#include "forms/stored_questionnaire.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;
using testing::ElementsAre;

std::vector<std::string> messages(const std::string& yaml, Diagnostic::Severity severity,
                                  bool stored = false) {
  LoadResult result =
      stored ? loadStoredQuestionnaireText(yaml, "q.yaml") : loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == severity) out.push_back(d.format());
  return out;
}
std::vector<std::string> errors(const std::string& yaml) {
  return messages(yaml, Diagnostic::Severity::Error);
}

const std::string kYears = "reference_years: [2002, 2003, 2004]\n";           // line 8
const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";  // lines 10-12
const std::string kTable =  // from line 13 (12 without kYears)
    "      - id: t\n"
    "        type: table\n"
    "        label: {en: \"Victims from {year_first} to {year_last}\", fr: \"Victimes de {year_first} à "
    "{year_last}\"}\n"
    "        rows: reference_years\n"
    "        columns: [{id: women, label: Women}, {id: men, label: Men}]\n";

TEST(ReferenceYears, ATableHasOneRowPerYearWithTheYearInItsId) {
  auto q = test::loadValid(questionnaireYaml(kSection + kTable, kYears, "[en, fr]"));
  ASSERT_TRUE(q);
  EXPECT_THAT(q->info.referenceYears, ElementsAre(2002, 2003, 2004));
  const Question* t = q->find("t");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].id, "y2002");
  EXPECT_EQ(t->rows[2].id, "y2004");
  EXPECT_EQ(t->rows[1].label.get("en"), "2003");
  EXPECT_EQ(t->columns[0].id, "women");

  test::Scenario s(q);
  EXPECT_EQ(s.answer("t/y2003/women", "12").status, AnswerStatus::Ok);
  EXPECT_EQ(s.value("t/y2003/women"), "12");
  EXPECT_NE(s.answer("t/y2005/women", "1").status, AnswerStatus::Ok) << "2005 is not a reference year";
}

TEST(ReferenceYears, ColumnsCanBeTheYearsToo) {
  auto q = test::loadValid(questionnaireYaml(kSection + "      - id: t\n"
                                                        "        type: table\n"
                                                        "        label: Seizures\n"
                                                        "        rows: [{id: pistols, label: Pistols}]\n"
                                                        "        columns: reference_years\n",
                                             "reference_years: [2019, 2021]\n", "[en]"));
  ASSERT_TRUE(q);
  const Question* t = q->find("t");
  ASSERT_EQ(t->columns.size(), 2u);
  EXPECT_EQ(t->columns[1].id, "y2021");
}

TEST(ReferenceYears, TextsNameThePeriodInEveryLanguage) {
  auto q = test::loadValid(questionnaireYaml(
      kSection + kTable +
          "      - id: n\n"
          "        type: integer\n"
          "        label: {en: \"Cases in {reference_years}?\", fr: \"Affaires en {reference_years} ?\", "
          "ar: \"القضايا في {reference_years}؟\", zh: \"{reference_years}年的案件？\"}\n"
          "        help: Count each case once, in {year_last} if it spans several years.\n",
      kYears, "[en, fr, ar, zh]"));
  ASSERT_TRUE(q);
  const Question* t = q->find("t");
  EXPECT_EQ(t->label.get("en"), "Victims from 2002 to 2004");
  EXPECT_EQ(t->label.get("fr"), "Victimes de 2002 à 2004");
  const Question* n = q->find("n");
  EXPECT_EQ(n->label.get("en"), "Cases in 2002, 2003, 2004?");
  EXPECT_EQ(n->label.get("ar"), "القضايا في 2002، 2003، 2004؟");
  EXPECT_EQ(n->label.get("zh"), "2002、2003、2004年的案件？");
  EXPECT_EQ(n->help.get("en"), "Count each case once, in 2004 if it spans several years.");
}

TEST(ReferenceYears, TheNextCycleChangesOneLine) {
  auto before = test::loadValid(questionnaireYaml(kSection + kTable, kYears, "[en, fr]"));
  auto after = test::loadValid(
      questionnaireYaml(kSection + kTable, "reference_years: [2005, 2006, 2007]\n", "[en, fr]"));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(after->find("t")->label.get("en"), "Victims from 2005 to 2007");
  EXPECT_EQ(after->find("t")->rows[0].id, "y2005");
}

TEST(ReferenceYears, ExpandLeavesAnswersAndOtherBracesAlone) {
  EXPECT_EQ(expandYears("${q_1} in {year_first}, {unit} and {year_last}", {2010, 2012}, "en"),
            "${q_1} in 2010, {unit} and 2012");
  EXPECT_EQ(expandYears("no placeholder", {2010}, "en"), "no placeholder");
  EXPECT_EQ(expandYears("{reference_years}", {2010}, "en"), "2010");
  EXPECT_EQ(yearRowId(2004), "y2004");
}

TEST(ReferenceYears, WrongYearsAreErrorsAtTheirItem) {
  const auto list = [](const std::string& years) {
    return errors(questionnaireYaml(kSection + "      - {id: q_1, type: integer, label: Victims}\n",
                                    "reference_years: " + years + "\n", "[en]"));
  };
  EXPECT_THAT(list("[2002, 2003.5, 2004]"),
              ElementsAre("q.yaml:8:25: error: 'reference_years' holds '2003.5', which is not a year; write "
                          "whole years from 1900 to 2200 without quotes, such as 2003"));
  EXPECT_THAT(list("[2002, \"2003\"]"),
              ElementsAre("q.yaml:8:25: error: 'reference_years' holds '2003', which is not a year; write "
                          "whole years from 1900 to 2200 without quotes, such as 2003"));
  EXPECT_THAT(list("[2002, 2003, 2003]"),
              ElementsAre("q.yaml:8:31: error: 'reference_years' lists 2003 twice; remove one"));
  EXPECT_THAT(list("[2004, 2002, 2003]"),
              ElementsAre("q.yaml:8:25: error: 'reference_years' lists 2002 after 2004; list the years in "
                          "order, earliest first"));
  EXPECT_THAT(list("2004"), ElementsAre("q.yaml:8:18: error: 'reference_years' must be a list of years such "
                                        "as [2002, 2003, 2004]"));
  EXPECT_THAT(list("[]"), ElementsAre("q.yaml:8:18: error: 'reference_years' must be a list of years such as "
                                      "[2002, 2003, 2004]"));
}

TEST(ReferenceYears, UsingYearsWithoutTheSettingIsAnError) {
  EXPECT_THAT(errors(questionnaireYaml(kSection + kTable, {}, "[en, fr]")),
              ElementsAre("q.yaml:14:35: error: the label uses {year_first}, but the questionnaire has no "
                          "'reference_years'; add them at the top of the file, e.g. reference_years: [2002, "
                          "2003, 2004]",
                          "q.yaml:14:51: error: the label uses {year_last}, but the questionnaire has no "
                          "'reference_years'; add them at the top of the file, e.g. reference_years: [2002, "
                          "2003, 2004]",
                          "q.yaml:14:82: error: the label uses {year_first}, but the questionnaire has no "
                          "'reference_years'; add them at the top of the file, e.g. reference_years: [2002, "
                          "2003, 2004]",
                          "q.yaml:14:97: error: the label uses {year_last}, but the questionnaire has no "
                          "'reference_years'; add them at the top of the file, e.g. reference_years: [2002, "
                          "2003, 2004]",
                          "q.yaml:15:15: error: the table 't' takes its rows from 'reference_years', but the "
                          "questionnaire has no 'reference_years'; add them at the top of the file, e.g. "
                          "reference_years: [2002, 2003, 2004]"));
}

TEST(ReferenceYears, AMisspeltPlaceholderIsAnErrorWithTheRightName) {
  EXPECT_THAT(errors(questionnaireYaml(
                  kSection + "      - {id: q_1, type: integer, label: \"Victims in {first_year}\"}\n", kYears,
                  "[en]")),
              ElementsAre("q.yaml:13:53: error: the label holds {first_year}, which is not a name of the "
                          "reference years; did you mean {year_first}? The years are named {year_first}, "
                          "{year_last} and {reference_years}"));
}

TEST(ReferenceYears, AChoiceListCannotTakeTheName) {
  EXPECT_THAT(errors(questionnaireYaml(kSection + "      - {id: q_1, type: integer, label: Victims}\n",
                                       "choice_lists:\n  reference_years: [{value: a, label: A}]\n", "[en]")),
              ElementsAre("q.yaml:9:3: error: the name 'reference_years' is kept for the reference years (a "
                          "table's 'rows: reference_years'); rename the choice list"));
}

TEST(ReferenceYears, AStoredQuestionnaireWithBracesStillOpens) {
  // Written before this version: a literal {first_year} was text then.
  const std::string yaml = questionnaireYaml(
      kSection + "      - {id: q_1, type: integer, label: \"Victims in {first_year}\"}\n", {}, "[en]");
  EXPECT_TRUE(messages(yaml, Diagnostic::Severity::Error, true).empty());
  EXPECT_EQ(messages(yaml, Diagnostic::Severity::Warning, true).size(), 1u);
}

TEST(ReferenceYears, TheMessagesAreShownInTheFormatDocument) {
  for (const char* message :
       {"q.yaml:8:25: error: 'reference_years' holds '2003.5', which is not a year; write whole years from "
        "1900 "
        "to 2200 without quotes, such as 2003",
        "q.yaml:8:31: error: 'reference_years' lists 2003 twice; remove one",
        "q.yaml:8:25: error: 'reference_years' lists 2002 after 2004; list the years in order, earliest "
        "first",
        "q.yaml:15:15: error: the table 't' takes its rows from 'reference_years', but the questionnaire has "
        "no "
        "'reference_years'; add them at the top of the file, e.g. reference_years: [2002, 2003, 2004]"})
    EXPECT_TRUE(test::documented(message)) << message;
}

// The first ```yaml example after `heading` in docs/questionnaire-format.md.
std::string documentedExample(const std::string& heading) {
  std::ifstream in(std::string(FOCAL_SOURCE_DIR) + "/docs/questionnaire-format.md");
  const std::string docs{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::size_t at = docs.find("\n" + heading + "\n");
  if (at == std::string::npos) return {};
  const std::size_t begin = docs.find("```yaml\n", at);
  const std::size_t end = docs.find("```\n", begin + 8);
  if (begin == std::string::npos || end == std::string::npos) return {};
  return docs.substr(begin + 8, end - begin - 8);
}

TEST(ReferenceYears, TheDocumentedExampleLoadsAsDescribed) {
  const std::string example = documentedExample("## Reference years");
  ASSERT_THAT(example, testing::HasSubstr("reference_years: [2003, 2004, 2005]"));
  auto q = test::loadValid(
      "focal: 1\nid: doc\ntitle: Doc\ninstrument: som\ncycle: 2\nversion: '1'\n"
      "languages: [en, fr]\n" +
      example);
  ASSERT_TRUE(q);
  const Question* table = q->find("q_5_2");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->label.get("en"), "Smuggled migrants intercepted from 2003 to 2005, by sex");
  EXPECT_EQ(table->label.get("fr"),
            "Migrants objet d'un trafic illicite interceptés de 2003 à 2005, par sexe");
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[2].id, "y2005");
  EXPECT_EQ(q->find("q_5_3")->label.get("en"), "How many requests did your country receive in 2005?");
}

}  // namespace
}  // namespace focal
