// Every documented cap of a questionnaire and of an answer, tested at the
// cap and one past it (docs/questionnaire-format.md, "Limits").
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/scenario.h"
#include "tests/support/generated_questionnaire.h"

namespace focal {
namespace {

using test::questionnaireYaml;

bool loads(const std::string& yaml) { return loadQuestionnaireText(yaml, "q.yaml").ok(); }

std::string firstError(const std::string& yaml) {
  for (const auto& d : loadQuestionnaireText(yaml, "q.yaml").diagnostics)
    if (d.severity == Diagnostic::Severity::Error) return d.message;
  return {};
}

std::string oneSection(const std::string& questions) {
  return "  - id: s1\n    title: One\n    questions:\n" + questions;
}

TEST(Limits, QuestionCount) {
  EXPECT_TRUE(loads(test::generatedQuestionnaire(limits::kMaxQuestions)));
  EXPECT_EQ(firstError(test::generatedQuestionnaire(limits::kMaxQuestions + 1)),
            "the questionnaire has 10001 questions, more than the 10000 allowed; split it into several "
            "questionnaires");
}

TEST(Limits, ChoicesInAList) {
  auto yaml = [](int n) {
    std::string choices;
    for (int i = 0; i < n; ++i) choices += "{value: c" + std::to_string(i) + ", label: C}, ";
    return questionnaireYaml(
        oneSection("      - {id: q, type: single_choice, label: Q, choices: [" + choices + "]}\n"), {},
        "[en]");
  };
  EXPECT_TRUE(loads(yaml(1000)));
  EXPECT_EQ(firstError(yaml(1001)), "the choices of 'q' has 1001 choices, more than the 1000 allowed");
}

std::string table(int rows, int columns) {
  std::string r, c;
  for (int i = 0; i < rows; ++i) r += "{id: r" + std::to_string(i) + ", label: R}, ";
  for (int i = 0; i < columns; ++i) c += "{id: c" + std::to_string(i) + ", label: C}, ";
  return questionnaireYaml(
      oneSection("      - {id: t, type: table, label: T, rows: [" + r + "], columns: [" + c + "]}\n"), {},
      "[en]");
}

TEST(Limits, TableRowsAndColumns) {
  EXPECT_TRUE(loads(table(200, 50)));
  EXPECT_EQ(firstError(table(201, 1)), "the table has 201 rows, more than the 200 allowed");
  EXPECT_EQ(firstError(table(1, 51)), "the table has 51 columns, more than the 50 allowed");
}

TEST(Limits, TextLengthInTheQuestionnaire) {
  auto yaml = [](std::size_t n) {
    return questionnaireYaml(
        oneSection("      - {id: q, type: text, label: \"" + std::string(n, 'a') + "\"}\n"), {}, "[en]");
  };
  EXPECT_TRUE(loads(yaml(limits::kMaxTextLength)));
  EXPECT_EQ(firstError(yaml(limits::kMaxTextLength + 1)),
            "'label' is longer than 100000 characters; shorten it");
}

TEST(Limits, IdLength) {
  auto yaml = [](std::size_t n) {
    return questionnaireYaml(oneSection("      - {id: " + std::string(n, 'q') + ", type: text, label: Q}\n"),
                             {}, "[en]");
  };
  EXPECT_TRUE(loads(yaml(64)));
  EXPECT_NE(firstError(yaml(65)).find("is not valid"), std::string::npos);
}

TEST(Limits, SectionDepth) {
  auto yaml = [](int depth) {
    std::string sections, indent = "  ";
    for (int d = 0; d < depth; ++d) {
      sections += indent + "- id: s" + std::to_string(d) + "\n" + indent + "  title: S\n";
      if (d + 1 < depth)
        sections += indent + "  sections:\n";
      else
        sections += indent + "  questions: [{id: q, type: text, label: Q}]\n";
      indent += "    ";
    }
    return questionnaireYaml(sections, {}, "[en]");
  };
  EXPECT_TRUE(loads(yaml(8)));
  EXPECT_EQ(firstError(yaml(9)), "sections are nested more than 8 levels deep; flatten the structure");
}

TEST(Limits, YamlDepth) {
  auto yaml = [](int depth) {
    // The root mapping is the first level.
    return "focal: 1\nx: " + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "\n";
  };
  EXPECT_EQ(firstError(yaml(64)).find("nested more than"), std::string::npos);
  EXPECT_EQ(firstError(yaml(65)), "the file is nested more than 64 levels deep; flatten the structure");
}

TEST(Limits, FileSize) {
  std::string atCap = questionnaireYaml(oneSection("      - {id: q, type: text, label: Q}\n"), {}, "[en]");
  atCap += "# " + std::string(8 * 1024 * 1024 - atCap.size() - 3, 'x') + "\n";
  ASSERT_EQ(atCap.size(), 8u * 1024 * 1024);
  EXPECT_TRUE(loads(atCap));
  EXPECT_NE(firstError(atCap + " ").find("more than the 8388608 a questionnaire may have"),
            std::string::npos);
}

TEST(Limits, RepeatRecords) {
  auto yaml = [](const std::string& max) {
    return questionnaireYaml(oneSection("      - id: r\n        type: repeat\n        label: R\n" + max +
                                        "        questions: [{id: c, type: text, label: C}]\n"),
                             {}, "[en]");
  };
  EXPECT_TRUE(loads(yaml("        max_records: 500\n")));
  EXPECT_EQ(firstError(yaml("        max_records: 501\n")),
            "'max_records' must be a whole number from 1 to 500");
  test::Scenario s(yaml(""));  // the default cap is 500
  std::vector<std::string> keys;
  // GCC bug 105329: `"x" + std::to_string(n)` warns falsely (-Wrestrict) at -O3.
  for (int i = 0; i < 500; ++i) keys.push_back(std::string(1, 'k').append(std::to_string(i)));
  std::string list;
  for (const auto& k : keys) list += (list.empty() ? "" : " ") + k;
  EXPECT_TRUE(s.answer("r", list).ok());
  EXPECT_EQ(s.answer("r", list + " k500").message, "At most 500 records are allowed here.");
}

TEST(Limits, AnswerTextLength) {
  test::Scenario s(questionnaireYaml(oneSection("      - {id: q, type: long_text, label: Q}\n"), {}, "[en]"));
  EXPECT_TRUE(s.answer("q", std::string(limits::kMaxTextLength, 'a')).ok());
  Outcome past = s.answer("q", std::string(limits::kMaxTextLength + 1, 'a'));
  EXPECT_EQ(past.status, AnswerStatus::Invalid);
  EXPECT_EQ(s.value("q").size(), limits::kMaxTextLength + 1);  // kept, so nothing typed is lost
}

TEST(Limits, AttachmentSizeCap) {
  auto yaml = [](const std::string& mb) {
    return questionnaireYaml(
        oneSection("      - {id: a, type: attachment, label: A, max_size_mb: " + mb + "}\n"), {}, "[en]");
  };
  EXPECT_TRUE(loads(yaml("100")));
  EXPECT_EQ(firstError(yaml("101")), "'max_size_mb' must be a whole number from 1 to 100");
}

}  // namespace
}  // namespace focal
