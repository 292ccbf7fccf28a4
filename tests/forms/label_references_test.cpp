// ${id} inside a label or help text: every id must be a question with one
// answer (a load error with its position otherwise), and the text can be
// filled with the answers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/label_text.h"
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

const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";  // lines 9-11

TEST(LabelReferences, AnUnknownIdIsAnErrorAtItsPosition) {
  EXPECT_THAT(
      errors(questionnaireYaml(kSection + "      - {id: q_1, type: integer, label: Victims}\n"
                                          "      - {id: q_2, type: integer, label: \"Of the ${q1} victims, "
                                          "how many were children?\"}\n",
                               {}, "[en]")),
      ::testing::ElementsAre("q.yaml:13:49: error: the label shows ${q1}, but there is no question 'q1'; "
                             "did you mean 'q_1'?"));
}

TEST(LabelReferences, EveryLanguageAndTheHelpAreChecked) {
  EXPECT_THAT(
      errors(questionnaireYaml(kSection + "      - id: q_1\n"               // 12
                                          "        type: integer\n"         // 13
                                          "        label:\n"                // 14
                                          "          en: Victims\n"         // 15
                                          "          fr: Victimes ${zz}\n"  // 16
                                          "        help: See ${t}\n"        // 17
                                          "      - id: t\n"
                                          "        type: table\n"
                                          "        label: T\n"
                                          "        rows: [{id: r, label: R}]\n"
                                          "        columns: [{id: c, label: C}]\n",
                               {}, "[en, fr]")),
      ::testing::ElementsAre("q.yaml:16:24: error: the label shows ${zz}, but there is no question 'zz'",
                             "q.yaml:17:19: error: the help shows ${t}, but 't' is a table, which has no "
                             "single answer to show"));
}

TEST(LabelReferences, KnownIdsLoad) {
  auto q = test::loadValid(questionnaireYaml(
      kSection +
          "      - {id: q_1, type: integer, label: Victims}\n"
          "      - {id: q_2, type: integer, label: \"Of the ${q_1} victims, how many were children?\"}\n",
      {}, "[en]"));
  EXPECT_TRUE(q);
}

TEST(LabelReferences, FillReplacesEachReference) {
  const auto answer = [](const std::string& id) { return id == "q_1" ? std::string("12") : std::string(); };
  EXPECT_EQ(fillTextReferences("Of the ${q_1} victims (${q_9}), how many? ${ not one } $", answer),
            "Of the 12 victims (\u2026), how many? ${ not one } $");
  EXPECT_EQ(fillTextReferences("No reference", answer), "No reference");
  const auto refs = textReferences("a ${x} b ${y_2}");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].id, "y_2");
  EXPECT_EQ(refs[1].begin, 9u);
  EXPECT_EQ(refs[1].end, 15u);
}

TEST(LabelReferences, FillTextShowsAnswersAsAPersonReadsThem) {
  test::Scenario s(questionnaireYaml(
      kSection + "      - {id: n, type: integer, label: Victims}\n"
                 "      - {id: g, type: yes_no, label: Gate}\n"
                 "      - {id: k, type: multiple_choice, label: K, other: true,\n"
                 "         choices: [{value: a, label: {en: Labour, fr: Travail}}, {value: b, label: Sex}]}\n"
                 "      - {id: c, type: calculate, label: C, calculation: \"${n} * 2\"}\n",
      {}, "[en, fr]"));
  const std::string text = "${n} victims (${c}), ${g}, ${k}";
  EXPECT_EQ(fillText(s.session(), text), "\u2026 victims (\u2026), \u2026, \u2026");
  s.answer("n", "12");
  s.answer("g", "yes");
  s.answer("k", "a other");
  s.answer("k/other", "Begging");
  EXPECT_EQ(fillText(s.session(), text), "12 victims (24), Yes, Labour, Begging");
  s.session().setLanguage("fr");
  EXPECT_EQ(fillText(s.session(), "${k}"), "Travail, Begging");
}

}  // namespace
}  // namespace focal
