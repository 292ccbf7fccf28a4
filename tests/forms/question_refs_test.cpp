// {number:id} in texts: the number Focal shows for a question, in every
// language and every kind of text; an unknown id, a note or a misspelt name
// is a load error at its position; a question number written by hand that is
// no question's number is a warning of validate (an error under --strict);
// and no bundled questionnaire cites a question by hand any more.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>

#include "forms/question_refs.h"
#include "forms/stored_questionnaire.h"
#include "tests/forms/documented.h"
#include "tests/forms/scenario.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::questionnaireYaml;
using testing::ElementsAre;
using testing::IsEmpty;

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
std::vector<std::string> warnings(const std::string& yaml) {
  return messages(yaml, Diagnostic::Severity::Warning);
}

const std::string kSix = "[en, fr, es, ar, zh, ru]";
// Lines 9-11 of questionnaireYaml(): section s1 with its questions from line 12.
const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";
const std::string kYesNo =  // lines 12-13
    "      - {id: q_1, type: yes_no, label: \"Shelters?\"}\n"
    "      - {id: q_1_a, type: yes_no, label: \"Funded?\", relevant: \"${q_1} = 'yes'\"}\n";

TEST(QuestionNumbersInTexts, EveryLanguageShowsTheQuestionsNumber) {
  auto q = test::loadValid(questionnaireYaml(
      kSection + kYesNo +
          "      - id: q_1_b\n"
          "        type: long_text\n"
          "        relevant: \"${q_1_a} = 'no'\"\n"
          "        label:\n"
          "          en: If the answer to question {number:q_1_a} is no, please explain.\n"
          "          fr: Si la réponse à la question {number:q_1_a} est négative, veuillez expliquer.\n"
          "          es: Si la respuesta a la pregunta {number:q_1_a} es negativa, sírvase explicar.\n"
          "          ar: إذا كان الجواب عن السؤال {number:q_1_a} بالنفي، يرجى التوضيح.\n"
          "          zh: 如果对问题{number:q_1_a}的回答为否，请说明。\n"
          "          ru: Если ответ на вопрос {number:q_1_a} отрицательный, просьба пояснить.\n",
      {}, kSix));
  ASSERT_TRUE(q);
  const Question* b = q->find("q_1_b");
  EXPECT_EQ(b->label.get("en"), "If the answer to question 1.2 is no, please explain.");
  EXPECT_EQ(b->label.get("fr"), "Si la réponse à la question 1.2 est négative, veuillez expliquer.");
  EXPECT_EQ(b->label.get("es"), "Si la respuesta a la pregunta 1.2 es negativa, sírvase explicar.");
  EXPECT_EQ(b->label.get("ar"), "إذا كان الجواب عن السؤال 1.2 بالنفي، يرجى التوضيح.");
  EXPECT_EQ(b->label.get("zh"), "如果对问题1.2的回答为否，请说明。");
  EXPECT_EQ(b->label.get("ru"), "Если ответ на вопрос 1.2 отрицательный, просьба пояснить.");
}

TEST(QuestionNumbersInTexts, TheNumberFollowsTheQuestionWhenOneIsAddedBefore) {
  const std::string cites =
      "      - {id: q_2, type: long_text, label: \"If yes to question {number:q_1_a}, explain.\"}\n";
  auto before = test::loadValid(questionnaireYaml(kSection + kYesNo + cites, {}, "[en]"));
  auto after = test::loadValid(questionnaireYaml(
      kSection + "      - {id: q_0, type: text, label: Name}\n" + kYesNo + cites, {}, "[en]"));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->find("q_2")->label.get("en"), "If yes to question 1.2, explain.");
  EXPECT_EQ(after->find("q_2")->label.get("en"), "If yes to question 1.3, explain.");
}

TEST(QuestionNumbersInTexts, AGivenNumberAndNestedSectionsAndRepeatFieldsAreShownAsTheReportShowsThem) {
  auto q = test::loadValid(questionnaireYaml(
      "  - id: s1\n"
      "    title: One\n"
      "    sections:\n"
      "      - id: s1a\n"
      "        title: One A\n"
      "        questions:\n"
      "          - {id: intro, type: note, label: Read this}\n"
      "          - {id: q_9_3, type: yes_no, number: \"9.3 (a)\", label: \"Shelters?\"}\n"
      "          - id: r\n"
      "            type: repeat\n"
      "            label: Shelters\n"
      "            questions:\n"
      "              - {id: r_name, type: text, label: Name}\n"
      "              - {id: r_beds, type: integer, label: \"Beds, if yes to {number:q_9_3}\"}\n"
      "          - {id: q_x, type: text, label: \"See {number:r_beds} and {number:r}\"}\n",
      {}, "[en]"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->find("r_beds")->label.get("en"), "Beds, if yes to 9.3 (a)");
  EXPECT_EQ(q->find("q_x")->label.get("en"), "See 1.1.2.2 and 1.1.2");
  const auto numbers = displayedQuestionNumbers(*q);
  EXPECT_EQ(numbers.count("intro"), 0u) << "a note has no number";
  EXPECT_EQ(numbers.at("q_x"), "1.1.3");
}

TEST(QuestionNumbersInTexts, EveryKindOfTextIsExpanded) {
  auto q = test::loadValid(
      questionnaireYaml("  - id: s1\n"
                        "    title: \"Follow-up of {number:q_1}\"\n"
                        "    intro: \"Answer {number:q_1} first.\"\n"
                        "    references: [{instrument: tip, article: \"6\", text: \"See {number:q_1}\"}]\n"
                        "    questions:\n"
                        "      - {id: q_1, type: yes_no, label: \"Shelters?\"}\n"
                        "      - id: n\n"
                        "        type: integer\n"
                        "        label: {en: \"Beds (see {number:q_1})\", fr: \"Lits (voir {number:q_1})\"}\n"
                        "        help: \"Only if {number:q_1} is yes.\"\n"
                        "        unit: \"beds ({number:q_1})\"\n"
                        "        constraint: \". < 1000\"\n"
                        "        constraint_message: \"Too many; check {number:q_1}.\"\n"
                        "        warning: \". < 500\"\n"
                        "        warning_message: \"Many; check {number:q_1}.\"\n"
                        "        special_values: {99: \"unknown, as in {number:q_1}\"}\n"
                        "      - id: c\n"
                        "        type: single_choice\n"
                        "        label: Kind\n"
                        "        choices: [{value: a, label: \"As in {number:q_1}\"}]\n"
                        "      - id: t\n"
                        "        type: table\n"
                        "        label: Table\n"
                        "        rows: [{id: r, label: \"Row of {number:q_1}\"}]\n"
                        "        columns: [{id: k, label: \"Column of {number:q_1}\"}]\n",
                        {}, "[en, fr]"));
  ASSERT_TRUE(q);
  const Section& s = q->sections[0];
  EXPECT_EQ(s.title.get("en"), "Follow-up of 1.1");
  EXPECT_EQ(s.intro.get("en"), "Answer 1.1 first.");
  EXPECT_EQ(s.references[0].text.get("en"), "See 1.1");
  const Question* n = q->find("n");
  EXPECT_EQ(n->label.get("fr"), "Lits (voir 1.1)");
  EXPECT_EQ(n->help.get("en"), "Only if 1.1 is yes.");
  EXPECT_EQ(n->unit.get("en"), "beds (1.1)");
  EXPECT_EQ(n->constraintMessage.get("en"), "Too many; check 1.1.");
  EXPECT_EQ(n->warningMessage.get("en"), "Many; check 1.1.");
  EXPECT_EQ(n->specialValues[0].label.get("en"), "unknown, as in 1.1");
  EXPECT_EQ(q->find("c")->choices[0].label.get("en"), "As in 1.1");
  EXPECT_EQ(q->find("t")->rows[0].label.get("en"), "Row of 1.1");
  EXPECT_EQ(q->find("t")->columns[0].label.get("en"), "Column of 1.1");
}

TEST(QuestionNumbersInTexts, AnswersYearsAndOtherBracesAreLeftToTheirOwnPlaceholders) {
  auto q = test::loadValid(questionnaireYaml(
      kSection + kYesNo +
          "      - {id: q_2, type: text, label: \"{number:q_1} said ${q_1} in {year_last}; {other: x}\"}\n",
      "reference_years: [2020, 2021]\n", "[en]"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->find("q_2")->label.get("en"), "1.1 said ${q_1} in 2021; {other: x}");
  EXPECT_EQ(expandQuestionNumbers("${number:q_1} {number:q_9}", {{"q_1", "1.1"}}),
            "${number:q_1} {number:q_9}");
  EXPECT_TRUE(numberPlaceholders("{member: 1} {amber:x} {year_first}").empty());
  EXPECT_EQ(numberPlaceholders("{nubmer:q_1}").size(), 1u);
}

TEST(QuestionNumbersInTexts, AnUnknownIdIsAnErrorAtItsPositionWithTheNearestId) {
  const auto found = errors(questionnaireYaml(
      kSection + kYesNo +
          "      - id: q_2\n"                                                            // 13
          "        type: text\n"                                                         // 14
          "        label:\n"                                                             // 15
          "          en: \"If the answer to question {number:q_1a} is no, explain.\"\n"  // 16
          "          fr: Si la réponse à la question {number:q_1_a} est négative.\n",    // 17
      {}, "[en, fr]"));
  EXPECT_THAT(found, ElementsAre("q.yaml:17:42: error: the label shows {number:q_1a}, but there is no "
                                 "question 'q_1a'; did you mean 'q_1'?"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(test::documented(found[0])) << found[0];
}

TEST(QuestionNumbersInTexts, ANoteASectionAMisspeltNameAndAMissingIdAreErrors) {
  const auto found = errors(questionnaireYaml(
      kSection + "      - {id: n_1, type: note, label: Read this}\n"                        // 11
                 "      - {id: q_1, type: text, label: \"See {number:n_1}\"}\n"             // 12
                 "      - {id: q_2, type: text, label: \"See {number:s1}\"}\n"              // 13
                 "      - {id: q_3, type: text, label: \"See {numbre:q_1}\"}\n"             // 14
                 "      - {id: q_4, type: text, label: \"See {number:}\"}\n"                // 15
                 "      - {id: q_5, type: text, help: \"See {Number: q_1}\", label: X}\n",  // 16
      {}, "[en]"));
  EXPECT_THAT(
      found,
      ElementsAre(
          "q.yaml:13:43: error: the label shows {number:n_1}, but 'n_1' is a note, which is shown "
          "without a number; cite the question the note is about, or reword the text",
          "q.yaml:14:43: error: the label shows {number:s1}, but 's1' is a section; {number:ID} "
          "names a question. Write the section's title, or give the section a 'number' and write it",
          "q.yaml:15:43: error: the label shows {numbre:q_1}, which is not a placeholder; did you mean "
          "{number:q_1}? A question's number is written {number:ID}, ID being the question's id",
          "q.yaml:16:43: error: the label shows {number:}, which names no question id; write "
          "{number:ID} with the id of the question, e.g. {number:n_1}",
          "q.yaml:17:42: error: the help shows {Number: q_1}, which is not a placeholder; did you "
          "mean {number:q_1}? A question's number is written {number:ID}, ID being the question's id"));
  ASSERT_EQ(found.size(), 5u);
  for (std::size_t n = 0; n < 3; ++n) EXPECT_TRUE(test::documented(found[n])) << found[n];
}

TEST(QuestionNumbersInTexts, ATextThatStartsWithThePlaceholderUnquotedIsToldToTakeQuotes) {
  const auto found = errors(questionnaireYaml(kSection + kYesNo +
                                                  "      - id: q_2\n"              // 14
                                                  "        type: text\n"           // 15
                                                  "        label:\n"               // 16
                                                  "          en: {number:q_1}\n",  // 17
                                              {}, "[en]"));
  EXPECT_THAT(found,
              testing::Contains("q.yaml:17:15: error: a text that starts with {number:...} must be in "
                                "quotes, or YAML reads the braces as a mapping: write the whole text in "
                                "quotes, as in \"{number:q_1} asked about shelters\""));
  for (const auto& message : found)
    if (message.find("{number:...}") != std::string::npos) {
      EXPECT_TRUE(test::documented(message)) << message;
    }
}

TEST(QuestionNumbersInTexts, AKeptQuestionnaireIsReadWithWarningsNotRefused) {
  const std::string yaml = questionnaireYaml(
      kSection + kYesNo + "      - {id: q_2, type: text, label: \"See {number:q_9}\"}\n", {}, "[en]");
  EXPECT_THAT(messages(yaml, Diagnostic::Severity::Error, true), IsEmpty());
  EXPECT_THAT(messages(yaml, Diagnostic::Severity::Warning, true),
              ElementsAre("q.yaml:14:43: warning: the label shows {number:q_9}, but there is no question "
                          "'q_9'; did you mean 'q_1'?"));
}

// ---- numbers written by hand --------------------------------------------

TEST(HandWrittenQuestionNumbers, AreFoundInTheSixLanguagesWithTheirLetters) {
  const auto cited = [](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& c : questionCitations(text))
      out.push_back(c.number + (c.letter.empty() ? "" : "/" + c.letter) + "@" +
                    text.substr(c.begin, c.end - c.begin));
    return out;
  };
  EXPECT_THAT(cited("If the answer to question 1.2 (a) is yes"), ElementsAre("1.2/a@1.2"));
  EXPECT_THAT(cited("Question 3.6 was answered no"), ElementsAre("3.6@3.6"));
  EXPECT_THAT(cited("Si la réponse à la question 1.2 a) est"), ElementsAre("1.2/a@1.2"));
  EXPECT_THAT(cited("las preguntas 2.1\na 2.3?"), ElementsAre("2.1@2.1", "2.3@2.3"));
  EXPECT_THAT(cited("questions 2.1, 2.2 and 2.3"), ElementsAre("2.1@2.1", "2.2@2.2", "2.3@2.3"));
  EXPECT_THAT(cited("ответ на вопрос 2.4 (b) отрицательный; см. вопросы 2.1 и 2.2"),
              ElementsAre("2.4/b@2.4", "2.1@2.1", "2.2@2.2"));
  EXPECT_THAT(cited("الجواب عن السؤال 2-1 (أ) بالإيجاب"), ElementsAre("2.1/a@2-1"));
  EXPECT_THAT(cited("السؤال ٣-٦"), ElementsAre("3.6@٣-٦"));
  EXPECT_THAT(cited("如果对问题2.4(b)的回答为否"), ElementsAre("2.4/b@2.4"));
  // Not citations: a single number, another word, a version.
  EXPECT_THAT(cited("question 5 of the questionnaire 1.2, article 3.1, version 1.2.0, subquestion 1.2"),
              IsEmpty());
  EXPECT_THAT(cited("вопросник 1.2, вопросами 1.3 и 1.4"), ElementsAre("1.3@1.3", "1.4@1.4"));
}

TEST(HandWrittenQuestionNumbers, ANumberNoQuestionHasIsAWarningAtItAndAnErrorUnderStrict) {
  // The ids keep the numbers of an earlier version (q_1_2 was 1.2); the
  // questions are now shown as 1.1 and 1.2.
  const std::string yaml =
      questionnaireYaml(kSection +
                            "      - {id: q_1_2, type: yes_no, label: \"Shelters?\"}\n"           // 12
                            "      - {id: q_1_2_a, type: yes_no, label: \"Funded?\"}\n"           // 13
                            "      - id: q_1_2_b\n"                                               // 14
                            "        type: long_text\n"                                           // 15
                            "        label:\n"                                                    // 16
                            "          en: If the answer to question 1.2 (a) is yes, explain.\n"  // 17
                            "          ru: Если ответ на вопрос 1.2 утвердительный, поясните.\n"  // 18
                            "        help: \"See question 1.1, and questions 1.2 to 1.4.\"\n",    // 19
                        {}, "[en, {ru: partial}]");
  const auto found = warnings(yaml);
  EXPECT_THAT(found,
              ElementsAre("q.yaml:17:41: warning: the label cites question 1.2 (a), but no question is "
                          "numbered 1.2 (a); write {number:ID} with the id of the question meant, so "
                          "that the number shown is always its own (perhaps {number:q_1_2_a}, now "
                          "numbered 1.2)",
                          "q.yaml:19:55: warning: the help cites question 1.4, but no question is "
                          "numbered 1.4; write {number:ID} with the id of the question meant, so that "
                          "the number shown is always its own"))
      << "1.1 and 1.2 are shown numbers: no warning for them";
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(test::documented(found[0])) << found[0];
  EXPECT_THAT(errors(yaml), IsEmpty());
  LoadOptions strict;
  strict.strict = true;
  EXPECT_EQ(loadQuestionnaireText(yaml, "q.yaml", strict).errorCount(), 2u);
  EXPECT_THAT(messages(yaml, Diagnostic::Severity::Warning, true), IsEmpty())
      << "a kept questionnaire is read as it was sent";
}

TEST(HandWrittenQuestionNumbers, AGivenNumberWithItsLetterIsAShownNumber) {
  const std::string yaml =
      questionnaireYaml(kSection +
                            "      - {id: q_1, type: yes_no, number: \"1.2 (a)\", label: \"Shelters?\"}\n"
                            "      - {id: q_2, type: text, label: \"If no to question 1.2 (a), why?\"}\n",
                        {}, "[en]");
  EXPECT_THAT(warnings(yaml), IsEmpty());
}

TEST(HandWrittenQuestionNumbers, ValidateWarnsAndStrictRefuses) {
  test::TempDir dir;
  test::writeFile(dir.file("q.yaml"), questionnaireYaml(kSection + kYesNo +
                                                            "      - {id: q_2, type: text, label: \"If no to "
                                                            "question 2.1, why?\"}\n",
                                                        {}, "[en]"));
  test::CliRun r = test::runCli(dir, "validate q.yaml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(
      r.err.find("q.yaml:14:57: warning: the label cites question 2.1, but no question is numbered 2.1"),
      std::string::npos)
      << r.err;
  r = test::runCli(dir, "validate --strict q.yaml");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("q.yaml:14:57: error: the label cites question 2.1"), std::string::npos) << r.err;
}

TEST(QuestionNumbersInTexts, TheNumbersAreThoseShowPrintsWithGivenNumbersNotesAndRepeats) {
  test::TempDir dir;
  test::writeFile(
      dir.file("q.yaml"),
      questionnaireYaml("  - id: s1\n"
                        "    title: One\n"
                        "    number: \"IV\"\n"
                        "    questions:\n"
                        "      - {id: n_1, type: note, label: Read this}\n"
                        "      - {id: q_1, type: yes_no, label: \"Shelters?\"}\n"
                        "      - {id: q_2, type: yes_no, number: \"9.3 (a)\", label: \"Funded?\"}\n"
                        "      - id: r\n"
                        "        type: repeat\n"
                        "        label: Shelters\n"
                        "        questions:\n"
                        "          - {id: r_n, type: note, label: One per shelter}\n"
                        "          - {id: r_name, type: text, label: Name}\n"
                        "          - {id: r_beds, type: integer, number: \"B\", label: Beds}\n"
                        "    sections:\n"
                        "      - id: s1a\n"
                        "        title: One A\n"
                        "        questions:\n"
                        "          - {id: q_3, type: text, label: \"See {number:r_name}\"}\n"
                        "  - id: s2\n"
                        "    title: Two\n"
                        "    questions:\n"
                        "      - {id: q_4, type: text, label: \"See {number:q_2}\"}\n",
                        {}, "[en]"));
  LoadResult result = loadQuestionnaireFile(dir.file("q.yaml"));
  ASSERT_TRUE(result.ok());
  const auto numbers = displayedQuestionNumbers(*result.questionnaire);
  EXPECT_EQ(numbers, (std::map<std::string, std::string>{{"q_1", "IV.1"},
                                                         {"q_2", "9.3 (a)"},
                                                         {"r", "IV.3"},
                                                         {"r_name", "IV.3.1"},
                                                         {"r_beds", "B"},
                                                         {"q_3", "IV.1.1"},
                                                         {"q_4", "2.1"}}));
  EXPECT_EQ(result.questionnaire->find("q_3")->label.get("en"), "See IV.3.1");
  test::CliRun r = test::runCli(dir, "show --json q.yaml");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json outline = nlohmann::json::parse(r.out);
  const auto& s1 = outline["sections"][0];
  EXPECT_EQ(s1["number"], "IV");
  EXPECT_EQ(s1["questions"][1]["number"], numbers.at("q_1"));
  EXPECT_EQ(s1["questions"][2]["number"], numbers.at("q_2"));
  EXPECT_EQ(s1["questions"][3]["number"], numbers.at("r"));
  EXPECT_EQ(s1["questions"][3]["questions"][1]["number"], numbers.at("r_name"));
  EXPECT_EQ(s1["questions"][3]["questions"][2]["number"], numbers.at("r_beds"));
  EXPECT_EQ(s1["sections"][0]["questions"][0]["number"], numbers.at("q_3"));
  EXPECT_EQ(s1["sections"][0]["questions"][0]["label"], "See IV.3.1");
  EXPECT_EQ(outline["sections"][1]["questions"][0]["label"], "See 9.3 (a)");
}

// ---- the bundled questionnaires -------------------------------------------

std::vector<std::string> bundledFiles() {
  std::vector<std::string> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(FOCAL_SOURCE_DIR) / "questionnaires"))
    if (entry.path().extension() == ".yaml") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BundledQuestionNumbers, NoTextCitesAQuestionByHand) {
  // Independent of questionCitations(): the words for "question" in the six
  // languages, then a number as "1.2" or "1-2", in the file as written.
  const std::regex byHand(R"((question|pregunta|вопрос|Вопрос|سؤال|أسئلة|问题)[^\s\d]{0,8}\s*\d+[.\-]\d+)",
                          std::regex::icase);
  ASSERT_GE(bundledFiles().size(), 7u);
  for (const std::string& path : bundledFiles()) {
    std::ifstream in(path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      EXPECT_FALSE(std::regex_search(line, byHand)) << path << ":" << n << ": " << line;
    LoadResult result = loadQuestionnaireFile(path);
    ASSERT_TRUE(result.ok()) << path;
    for (const auto& d : result.diagnostics)
      EXPECT_EQ(d.message.find("cites question"), std::string::npos) << d.format();
  }
}

TEST(BundledQuestionNumbers, EveryPlaceholderBecameTheNumberShowCli) {
  test::TempDir dir;
  int placeholders = 0;
  for (const std::string& path : bundledFiles()) {
    const std::string text = test::readFile(path);
    for (std::size_t at = text.find("{number:"); at != std::string::npos; at = text.find("{number:", at + 1))
      ++placeholders;
    LoadResult result = loadQuestionnaireFile(path);
    ASSERT_TRUE(result.ok()) << path;
    const auto numbers = displayedQuestionNumbers(*result.questionnaire);
    // The numbers shown by `show --json` (the printed report's and the codebook's) are these.
    test::CliRun r = test::runCli(dir, "show --json '" + path + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    std::map<std::string, std::string> shown;
    const auto collect = [&](const nlohmann::json& section, const auto& self) -> void {
      for (const auto& question : section["questions"]) {
        if (question["number"].is_string()) shown[question["id"]] = question["number"];
        if (question.contains("questions"))
          for (const auto& field : question["questions"])
            if (field["number"].is_string()) shown[field["id"]] = field["number"];
      }
      for (const auto& sub : section["sections"]) self(sub, self);
    };
    const nlohmann::json outline = nlohmann::json::parse(r.out);
    for (const auto& section : outline["sections"]) collect(section, collect);
    EXPECT_EQ(numbers, shown) << path;
    EXPECT_EQ(r.out.find("{number:"), std::string::npos) << path;
  }
  // As docs/questionnaire-format.md shows it.
  auto firearms =
      loadQuestionnaireFile(std::string(FOCAL_SOURCE_DIR) + "/questionnaires/firearms-cycle1.yaml");
  ASSERT_TRUE(firearms.ok());
  EXPECT_EQ(firearms.questionnaire->find("q_1_2_b")->label.get("en").rfind(
                "If the year given in reply to question 2.1.8 is later than 1899", 0),
            0u);
  EXPECT_EQ(placeholders, 75) << "the 72 citations converted from numbers written by hand, and 3 added";
}

}  // namespace
}  // namespace focal
