// A large questionnaire for benchmarks and stress tests, generated in the
// shape of the real ones: sections of yes/no questions with follow-ups,
// numbers with bounds, choices, a table and a repeat per section, and
// expressions (relevance, constraints, calculations) on a third of the
// questions.
#pragma once

#include <string>

namespace focal::test {

inline std::string generatedQuestionnaire(int questions = 2000, int perSection = 50) {
  std::string y =
      "focal: 1\nid: generated\ntitle: {en: Generated questionnaire, fr: Questionnaire produit}\n"
      "instrument: tip\ncycle: 2\nversion: '1.0'\nlanguages: [en, fr]\n"
      "choice_lists:\n  kinds:\n"
      "    - {value: training, label: {en: Training, fr: Formation}}\n"
      "    - {value: equipment, label: {en: Equipment, fr: Matériel}}\n"
      "    - {value: legislative_drafting, label: {en: Legislative drafting, fr: Rédaction législative}}\n"
      "sections:\n";
  int made = 0;
  for (int s = 0; made < questions; ++s) {
    y += "  - id: s" + std::to_string(s) + "\n    title: {en: Section " + std::to_string(s) +
         ", fr: Section " + std::to_string(s) + "}\n    references: [{instrument: tip, article: '" +
         std::to_string(5 + s % 9) + "'}]\n    questions:\n";
    for (int i = 0; i < perSection && made < questions; ++i, ++made) {
      // GCC bug 105329: `"q" + std::to_string(n)` warns falsely (-Wrestrict) at -O3.
      const std::string id = std::string(1, 'q').append(std::to_string(made));
      const std::string prev = std::string(1, 'q').append(std::to_string(made - 1));
      const std::string label = "{en: Question " + std::to_string(made) +
                                " on the measures taken by your country, fr: Question " +
                                std::to_string(made) + " sur les mesures prises par votre pays}";
      switch (i % 6) {
        case 0:
          y += "      - {id: " + id + ", type: yes_no, label: " + label + ", required: true}\n";
          break;
        case 1:  // a follow-up
          y += "      - {id: " + id + ", type: long_text, label: " + label + ", relevant: \"${" + prev +
               "} = 'no'\"}\n";
          break;
        case 2:
          y += "      - {id: " + id + ", type: integer, label: " + label + ", min: 0, max: 100000}\n";
          break;
        case 3:  // a constraint reading the previous number
          y += "      - {id: " + id + ", type: integer, label: " + label + ", constraint: '. <= ${" + prev +
               "}', constraint_message: {en: Not more than the total, fr: Pas plus que le total}}\n";
          break;
        case 4:
          y += "      - {id: " + id + ", type: multiple_choice, label: " + label +
               ", choices: kinds, other: true}\n";
          break;
        default:  // a calculation
          y += "      - {id: " + id + ", type: calculate, label: " + label + ", calculation: 'coalesce(${q" +
               std::to_string(made - 3) + "}, 0) + 1'}\n";
      }
    }
  }
  return y;
}

}  // namespace focal::test
