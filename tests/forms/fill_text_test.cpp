// fillText at its edges: what is and is not a ${id}, every type as a person
// reads it, unanswered and unreadable answers as "…", and which questions
// show which answers (what the desktop program updates when one changes).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "forms/label_text.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;

const std::string kQuestions =
    "  - id: s1\n    title: One\n    questions:\n"
    "      - {id: n, type: integer, label: Victims, unit: victims}\n"
    "      - {id: d, type: decimal, label: Rate}\n"
    "      - {id: c, type: country, label: Country}\n"
    "      - {id: one, type: single_choice, label: One, other: true,\n"
    "         choices: [{value: a, label: {en: Police, fr: Police nationale}}]}\n"
    "      - id: law\n"
    "        type: legislation\n"
    "        label: Law\n"
    "      - {id: half, type: calculate, label: Half, calculation: \"${n} div 2\"}\n"
    "      - {id: shown, type: text, label: \"Of the ${n} victims in ${c}\", help: \"Rate ${d}\",\n"
    "         }\n"
    "      - {id: picks, type: multiple_choice, label: Picks,\n"
    "         choices: [{value: x, label: \"As in ${one}\"}, {value: y, label: Plain}]}\n"
    "      - id: r\n"
    "        type: repeat\n"
    "        label: Records\n"
    "        questions:\n"
    "          - {id: r_name, type: text, label: Name}\n";

TEST(FillText, OnlyWellFormedReferencesAreFilled) {
  const auto answer = [](const std::string& id) { return id == "a" ? std::string("1") : std::string("2"); };
  EXPECT_EQ(fillTextReferences("${a}${b}", answer), "12");
  EXPECT_EQ(fillTextReferences("${a} and ${a}", answer), "1 and 1");
  EXPECT_EQ(fillTextReferences("$${a}", answer), "$1");
  EXPECT_EQ(fillTextReferences("${${a}}", answer), "${1}");
  EXPECT_EQ(fillTextReferences("${}", answer), "${}");
  EXPECT_EQ(fillTextReferences("${1a}", answer), "${1a}");
  EXPECT_EQ(fillTextReferences("${a", answer), "${a");
  EXPECT_EQ(fillTextReferences("ends with ${", answer), "ends with ${");
  EXPECT_EQ(fillTextReferences("${a b}", answer), "${a b}");
  EXPECT_EQ(fillTextReferences("{a}", answer), "{a}");
  EXPECT_EQ(fillTextReferences("«${a}» — الضحايا ${a}", answer), "«1» — الضحايا 1");
  EXPECT_EQ(fillTextReferences("", answer), "");
  EXPECT_EQ(fillTextReferences("${a}", nullptr), "\u2026");
}

TEST(FillText, EachTypeReadsAsAPersonReadsIt) {
  test::Scenario s(questionnaireYaml(kQuestions, {}, "[en, fr]"));
  const std::string text = "${n}|${d}|${c}|${one}|${law}|${half}";
  EXPECT_EQ(fillText(s.session(), text), "\u2026|\u2026|\u2026|\u2026|\u2026|\u2026");
  s.answer("n", "12");
  s.answer("d", "0.5");
  s.answer("c", "FRA");
  s.answer("one", "other");
  s.answer("law/article", "Art. 5");
  EXPECT_EQ(fillText(s.session(), text), "12|0.5|France|Other|\u2026|6") << "other without its text";
  s.answer("one/other", "Customs");
  s.answer("law/title", "Penal Code");
  EXPECT_EQ(fillText(s.session(), "${one}, ${law}"), "Customs, Penal Code");
  s.answer("one", "a");
  s.session().setLanguage("fr");
  EXPECT_EQ(fillText(s.session(), "${one}, ${c}"), "Police nationale, France");
}

TEST(FillText, UnreadableAnswersAreNeutral) {
  test::Scenario s(questionnaireYaml(kQuestions, {}, "[en, fr]"));
  s.addRecord("r");
  const std::string record = s.session().records("r").front();
  s.answer("r[" + record + "]/r_name", "Alice");
  // A question inside a repeat has one answer per record: none to show.
  EXPECT_EQ(fillText(s.session(), "${r_name}"), "\u2026");
  // An id that names no question (a kept questionnaire read leniently).
  EXPECT_EQ(fillText(s.session(), "${nobody}"), "\u2026");
  // Marked "information not available": no answer to show, even one typed before.
  s.answer("n", "12");
  EXPECT_EQ(fillText(s.session(), "${n}"), "12");
  s.answer("n@status", "not_available");
  EXPECT_EQ(fillText(s.session(), "${n}"), "\u2026");
}

TEST(FillText, ShowersListWhoShowsWhichAnswer) {
  auto q = test::loadValid(questionnaireYaml(kQuestions, {}, "[en, fr]"));
  ASSERT_TRUE(q);
  EXPECT_TRUE(showsAnswers(*q->find("shown")));
  EXPECT_TRUE(showsAnswers(*q->find("picks")));
  EXPECT_FALSE(showsAnswers(*q->find("n")));
  const auto showers = answerShowers(*q);
  EXPECT_THAT(showers.at("n"), testing::ElementsAre("shown"));
  EXPECT_THAT(showers.at("c"), testing::ElementsAre("shown"));
  EXPECT_THAT(showers.at("d"), testing::ElementsAre("shown"));
  EXPECT_THAT(showers.at("one"), testing::ElementsAre("picks"));
  EXPECT_EQ(showers.count("half"), 0u);
}

// docs/questionnaire-format.md, "Answers inside labels": its example and
// the two lines of its table are what fillText gives.
TEST(FillText, TheDocumentedExampleReadsAsDocumented) {
  std::ifstream in(std::string(FOCAL_SOURCE_DIR) + "/docs/questionnaire-format.md");
  const std::string docs{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::size_t at = docs.find("\n### Answers inside labels\n");
  ASSERT_NE(at, std::string::npos);
  const std::size_t begin = docs.find("```yaml\n", at) + 8;
  const std::size_t end = docs.find("```\n", begin);
  std::istringstream lines(docs.substr(begin, end - begin));
  std::string questions;
  for (std::string line; std::getline(lines, line);) questions += "      " + line + "\n";
  test::Scenario s(
      questionnaireYaml("  - id: s1\n    title: One\n    questions:\n" + questions, {}, "[en, fr]"));
  const std::string label = s.session().questionnaire().find("q_4_children")->label.get("en");
  const auto row = [&](const std::string& answers) {
    const std::size_t found = docs.find("| " + answers + " | ");
    return found == std::string::npos
               ? std::string()
               : docs.substr(found + answers.size() + 5,
                             docs.find(" |", found + answers.size() + 5) - found - answers.size() - 5);
  };
  EXPECT_EQ(fillText(s.session(), label), row("`q_4` unanswered"));
  s.answer("q_4", "12");
  EXPECT_EQ(fillText(s.session(), label), row("`q_4` = 12"));
  EXPECT_EQ(fillText(s.session(), label), "Of the 12 victims identified, how many were children?");
}

}  // namespace
}  // namespace focal
