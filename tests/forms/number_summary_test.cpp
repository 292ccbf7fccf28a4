// The keys that tell the analysis how to summarise a number question:
// `summary: sum|distribution` and `special_values` (docs/questionnaire-format.md).
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

const std::string kSection = "  - id: s1\n    title: One\n    questions:\n";

std::string firstError(const std::string& question) {
  LoadResult result = loadQuestionnaireText(test::questionnaireYaml(kSection + question), "q.yaml", {});
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) return d.format();
  return {};
}

TEST(NumberSummary, ReadsTheSummaryAndTheSpecialCodes) {
  auto q = test::loadValid(test::questionnaireYaml(
      kSection +
      "      - {id: n1, type: integer, label: {en: N, fr: N}, max: 99, summary: distribution,\n"
      "         special_values: {99: {en: life imprisonment, fr: réclusion à perpétuité}, 98: {en: x, fr: "
      "x}}}\n"
      "      - {id: n2, type: decimal, label: {en: N, fr: N}, summary: sum}\n"
      "      - {id: n3, type: integer, label: {en: N, fr: N}}\n"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->questions[0].summary, "distribution");
  ASSERT_EQ(q->questions[0].specialValues.size(), 2u);
  EXPECT_DOUBLE_EQ(q->questions[0].specialValues[0].value, 99);
  EXPECT_EQ(q->questions[0].specialValues[0].label.get("fr", "en"), "réclusion à perpétuité");
  EXPECT_EQ(q->questions[1].summary, "sum");
  EXPECT_EQ(q->questions[2].summary, "");
  EXPECT_TRUE(q->questions[2].specialValues.empty());
}

TEST(NumberSummary, RefusesAnUnknownSummaryOrACodeThatIsNotANumber) {
  EXPECT_NE(firstError("      - {id: n1, type: integer, label: {en: N, fr: N}, summary: mean}\n")
                .find("'summary' is 'sum' (count data"),
            std::string::npos);
  EXPECT_NE(
      firstError(
          "      - {id: n1, type: integer, label: {en: N, fr: N}, special_values: {life: {en: x, fr: x}}}\n")
          .find("'special_values' must be a number"),
      std::string::npos);
  EXPECT_NE(firstError("      - {id: n1, type: integer, label: {en: N, fr: N}, special_values: [99]}\n")
                .find("must map each code"),
            std::string::npos);
  EXPECT_NE(firstError("      - {id: n1, type: text, label: {en: N, fr: N}, summary: sum}\n").find("summary"),
            std::string::npos)
      << "only numbers take a summary";
}

}  // namespace
}  // namespace focal
