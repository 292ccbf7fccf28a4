// The question-kind table (forms/question_kinds.h): one entry per type, the
// places each kind stores its answer, and the reader's key checks built on it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "forms/answer_value.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_loader.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> strings(const std::vector<AnswerPath>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p.str());
  return out;
}

Question question(QuestionType type, const std::string& id) {
  Question q;
  q.type = type;
  q.id = id;
  return q;
}

TEST(QuestionKinds, EveryTypeHasItsOwnEntryAndName) {
  const auto& kinds = questionKinds();
  ASSERT_EQ(kinds.size(), static_cast<std::size_t>(QuestionType::Calculate) + 1);
  std::set<std::string> names;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto type = static_cast<QuestionType>(i);
    EXPECT_EQ(kindOf(type).type, type);
    EXPECT_TRUE(names.insert(kindOf(type).key).second) << kindOf(type).key;
    EXPECT_EQ(questionTypeFromKey(questionTypeKey(type)), type);
    // A kind's own keys never repeat a key every question has.
    for (const auto& key : kindOf(type).keys)
      EXPECT_THAT(commonQuestionKeys(), ::testing::Not(::testing::Contains(key))) << key;
  }
  EXPECT_EQ(std::string(questionTypeKey(QuestionType::Legislation)), "legislation");
  EXPECT_FALSE(questionTypeFromKey("paragraph"));
}

TEST(QuestionKinds, ExpressionTypesAreTheKinds) {
  EXPECT_EQ(expressionType(question(QuestionType::MultipleChoice, "q")), expr::Type::List);
  EXPECT_EQ(expressionType(question(QuestionType::Year, "q")), expr::Type::Number);
  EXPECT_EQ(expressionType(question(QuestionType::Table, "q")), expr::Type::Cells);
  EXPECT_EQ(expressionType(question(QuestionType::Repeat, "q")), expr::Type::Records);
  EXPECT_EQ(expressionType(question(QuestionType::Legislation, "q")), expr::Type::String);
  EXPECT_FALSE(takesAnswer(QuestionType::Note));
  EXPECT_FALSE(takesAnswer(QuestionType::Calculate));
  EXPECT_TRUE(takesAnswer(QuestionType::Attachment));
}

TEST(QuestionKinds, ALegislationQuestionStoresItsFiveFieldsAndNoValue) {
  const Question q = question(QuestionType::Legislation, "q_12");
  EXPECT_THAT(strings(answerParts(q)),
              ElementsAre("q_12/title", "q_12/article", "q_12/date", "q_12/link", "q_12/excerpt"));
  EXPECT_THAT(strings(answerParts(q, recordPath("r", "k1", "q_12", "title"))),
              ElementsAre("r[k1]/q_12/title", "r[k1]/q_12/article", "r[k1]/q_12/date", "r[k1]/q_12/link",
                          "r[k1]/q_12/excerpt"));
  EXPECT_EQ(kindOf(q).valuePart, "title");
  EXPECT_FALSE(storesPart(q, "", ""));
  EXPECT_EQ(partIndex(q, "date", ""), 2);
  EXPECT_EQ(checkPathFits(q, pathOf("q_12", "page")),
            "A citation has the parts title, article, date, link and excerpt, not 'page'.");
  EXPECT_EQ(checkPathFits(q, pathOf("q_12", "excerpt")), "");
}

TEST(QuestionKinds, ATableStoresOneValuePerCellRowByRow) {
  Question q = question(QuestionType::Table, "q_14");
  q.rows = {{"y2022", {}, true}, {"y2023", {}, true}};
  q.columns = {{"women", {}, true}, {"men", {}, true}};
  EXPECT_THAT(strings(answerParts(q)),
              ElementsAre("q_14/y2022/women", "q_14/y2022/men", "q_14/y2023/women", "q_14/y2023/men"));
  EXPECT_EQ(partIndex(q, "y2023", "women"), 2);
  EXPECT_EQ(partIndex(q, "y2023", "girls"), -1);
  EXPECT_EQ(checkPathFits(q, pathOf("q_14", "y2024", "men")), "The table 'q_14' has no cell 'y2024/men'.");
  EXPECT_EQ(checkAnswerValue(q, pathOf("q_14", "y2022", "men"), "1.5"),
            "Enter a whole number, for example 42.");
  q.decimalCells = true;
  EXPECT_EQ(checkAnswerValue(q, pathOf("q_14", "y2022", "men"), "1.5"), "");
}

TEST(QuestionKinds, AChoiceWithOtherStoresItsTextBesideTheValue) {
  Question q = question(QuestionType::SingleChoice, "q_5");
  EXPECT_THAT(strings(answerParts(q)), ElementsAre("q_5"));
  EXPECT_EQ(checkPathFits(q, pathOf("q_5", "other")), "The question 'q_5' has no part 'other'.");
  q.otherOption = true;
  EXPECT_THAT(strings(answerParts(q)), ElementsAre("q_5", "q_5/other"));
  EXPECT_EQ(checkPathFits(q, pathOf("q_5", "other")), "");
}

TEST(QuestionKinds, ANoteStoresNothingAndOtherKindsTheirValue) {
  EXPECT_TRUE(answerParts(question(QuestionType::Note, "n")).empty());
  EXPECT_THAT(strings(answerParts(question(QuestionType::Repeat, "r"))), ElementsAre("r"));
  EXPECT_THAT(strings(answerParts(question(QuestionType::Calculate, "c"))), ElementsAre("c"));
  EXPECT_THAT(strings(answerParts(question(QuestionType::Date, "d"), recordPath("r", "k2", "d"))),
              ElementsAre("r[k2]/d"));
}

TEST(QuestionKinds, ValueChecksAreTheKindsEntryPoints) {
  const Question year = question(QuestionType::Year, "y");
  EXPECT_EQ(checkAnswerValue(year, pathOf("y"), "24"), "Enter a year with four digits, for example 2024.");
  EXPECT_EQ(checkAnswerValue(year, pathOf("y"), "2024"), "");
  EXPECT_EQ(checkAnswerValue(question(QuestionType::YesNo, "q"), pathOf("q"), "maybe"), "Answer yes or no.");
  EXPECT_EQ(checkAnswerValue(question(QuestionType::Legislation, "l"), pathOf("l", "date"), "2024-02-30"),
            "2024-02-30 does not exist: month 02 of 2024 has 29 days.");
  EXPECT_EQ(checkAnswerValue(question(QuestionType::Attachment, "a"), pathOf("a"), "x.pdf"), "");
}

std::vector<std::string> errors(const std::string& questions) {
  const std::string yaml =
      test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n" + questions, {}, "[en]");
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

TEST(QuestionKinds, TheReadersKeyMessagesComeFromTheTable) {
  EXPECT_THAT(
      errors("      - {id: q1, type: text, label: A, min: 1}\n"),
      ElementsAre("q.yaml:12:40: error: 'min' does not apply to a question of type 'text'; remove it"));
  EXPECT_THAT(errors("      - {id: q1, type: single_choice, label: A, choises: [a]}\n"),
              ElementsAre("q.yaml:12:9: error: the question 'q1' has no 'choices'; add it",
                          "q.yaml:12:49: error: unknown key 'choises' in a question of type 'single_choice'; "
                          "did you mean 'choices'?"));
  EXPECT_THAT(errors("      - {id: q1, type: legislation, label: A, default: x}\n"),
              ElementsAre("q.yaml:12:56: error: a question of type 'legislation' cannot have a 'default'"));
}

TEST(AnswerPathHelpers, BuildThePathsTheParserReads) {
  EXPECT_EQ(withMark("r[k1]/q_7", "status"), "r[k1]/q_7@status");
  EXPECT_EQ(partPath("q_14", "y2022", "women"), "q_14/y2022/women");
  EXPECT_EQ(partPath("q_5", "other"), "q_5/other");
  EXPECT_EQ(recordId("r", "k1"), "r[k1]");
  EXPECT_EQ(recordPrefix("r", "k1") + "q", "r[k1]/q");
  const AnswerPath cell = pathOf("q_14").withPart("y2022", "women");
  EXPECT_EQ(cell.partText(), "y2022/women");
  EXPECT_EQ(parseAnswerPath(cell.withMark("comment").str()), cell.withMark("comment"));
  EXPECT_EQ(recordPath("r", "k1", "q_7").withMark("carried").str(), "r[k1]/q_7@carried");
}

}  // namespace
}  // namespace focal
