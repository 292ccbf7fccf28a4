// XLSForm habits in a whole questionnaire: numeric choice codes, a number
// question tested for "unanswered", XLSForm functions, and the message for
// an XLSForm function Focal does not have, as the docs show it.
#include <gtest/gtest.h>

#include "forms/questionnaire_loader.h"
#include "tests/forms/documented.h"

namespace focal {
namespace {

std::vector<std::string> errors(const std::string& yaml) {
  LoadResult result = loadQuestionnaireText(yaml, "q.yaml");
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d.format());
  return out;
}

// Lines 1-11; the questions given start on line 12.
std::string withQuestions(const std::string& questions) {
  return "focal: 1\n"
         "id: test\n"
         "title: Test\n"
         "instrument: tip\n"
         "cycle: 1\n"
         "version: '1'\n"
         "languages: [en]\n"
         "sections:\n"
         "  - id: s1\n"
         "    title: One\n"
         "    questions:\n" +
         questions;
}

TEST(XlsformQuestionnaire, NumericChoiceCodesLoad) {
  EXPECT_EQ(errors(withQuestions("      - id: q_1\n"
                                 "        type: single_choice\n"
                                 "        label: Agreement\n"
                                 "        choices:\n"
                                 "          - {value: 1, label: Agree}\n"
                                 "          - {value: \"2\", label: Disagree}\n"
                                 "          - {value: \"99\", label: Do not know}\n"
                                 "      - {id: q_2, type: integer, label: N, relevant: \"${q_1} = 99\"}\n"
                                 "      - {id: q_3, type: integer, label: M, relevant: \"${q_2} = ''\"}\n")),
            std::vector<std::string>{});
}

TEST(XlsformQuestionnaire, AChoiceValueNeitherAnIdNorACodeIsRefused) {
  EXPECT_EQ(
      errors(withQuestions("      - id: q_1\n"
                           "        type: single_choice\n"
                           "        label: Agreement\n"
                           "        choices:\n"
                           "          - {value: 1a, label: Agree}\n"
                           "          - {value: \"-1\", label: Refused}\n")),
      (std::vector<std::string>{
          "q.yaml:16:21: error: the choice value '1a' is not valid: use letters, digits and '_' (starting "
          "with a letter or '_'), or a whole number code such as 1 or 99",
          "q.yaml:17:21: error: the choice value '-1' is not valid: use letters, digits and '_' (starting "
          "with a letter or '_'), or a whole number code such as 1 or 99"}));
}

TEST(XlsformQuestionnaire, XlsformFunctionsLoad) {
  EXPECT_EQ(errors(withQuestions(
                "      - {id: q_1, type: text, label: Name, constraint: \"starts-with(., 'A') and "
                "string-length(normalize-space(.)) > 1\"}\n"
                "      - {id: q_2, type: decimal, label: Ratio}\n"
                "      - {id: q_3, type: calculate, label: C, calculation: \"max(int(${q_2}), abs(${q_2}), "
                "pow(${q_2}, 2))\"}\n"
                "      - {id: q_4, type: calculate, label: D, calculation: \"substr(${q_1}, 0, 3)\"}\n")),
            std::vector<std::string>{});
}

TEST(XlsformQuestionnaire, NowIsRefusedWithTheFocalEquivalentAsDocumented) {
  const auto found =
      errors(withQuestions("      - {id: q_1, type: calculate, label: C, calculation: \"now()\"}\n"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(test::documented(found[0])) << "not in the docs: " << found[0];
}

}  // namespace
}  // namespace focal
