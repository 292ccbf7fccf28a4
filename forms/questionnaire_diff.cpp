#include "forms/questionnaire_diff.h"

#include <set>

namespace focal {

namespace {

std::string expressionText(const std::optional<CompiledExpression>& e) { return e ? e->text : std::string(); }

// Each language of either text whose wording differs: "label.fr".
void compareTexts(const LocalizedText& a, const LocalizedText& b, const std::string& key,
                  std::vector<std::string>& fields) {
  std::set<std::string> languages;
  for (const auto& [language, text] : a.all()) languages.insert(language);
  for (const auto& [language, text] : b.all()) languages.insert(language);
  for (const auto& language : languages) {
    const auto x = a.all().find(language), y = b.all().find(language);
    const bool inA = x != a.all().end(), inB = y != b.all().end();
    if (inA != inB || (inA && x->second != y->second)) fields.push_back(key + "." + language);
  }
}

bool sameChoices(const std::vector<Choice>& a, const std::vector<Choice>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].value != b[i].value || a[i].label.all() != b[i].label.all()) return false;
  return true;
}

bool sameAxis(const std::vector<TableAxisItem>& a, const std::vector<TableAxisItem>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].id != b[i].id || a[i].label.all() != b[i].label.all()) return false;
  return true;
}

std::vector<std::string> changedFields(const Questionnaire& older, const Question& a,
                                       const Questionnaire& newer, const Question& b) {
  std::vector<std::string> fields;
  const auto differs = [&](bool different, const char* field) {
    if (different) fields.emplace_back(field);
  };
  differs(a.type != b.type, "type");
  compareTexts(a.label, b.label, "label", fields);
  compareTexts(a.help, b.help, "help", fields);
  differs(!sameChoices(a.choices, b.choices) || a.otherOption != b.otherOption, "choices");
  differs(expressionText(a.relevant) != expressionText(b.relevant), "relevant");
  differs(a.required != b.required || expressionText(a.requiredIf) != expressionText(b.requiredIf),
          "required");
  differs(expressionText(a.constraint) != expressionText(b.constraint), "constraint");
  compareTexts(a.constraintMessage, b.constraintMessage, "constraint_message", fields);
  differs(expressionText(a.calculation) != expressionText(b.calculation), "calculation");
  differs(a.defaultValue != b.defaultValue, "default");
  differs(a.min != b.min || a.max != b.max || a.minDate != b.minDate || a.maxDate != b.maxDate, "min/max");
  differs(!sameAxis(a.rows, b.rows) || !sameAxis(a.columns, b.columns), "rows/columns");
  differs(a.carryForwardFrom != b.carryForwardFrom, "carry_forward_from");
  const auto mapText = [](const Question& q) {
    std::string out;
    for (const auto& m : q.carryForwardMap) out += m.from + "=" + m.to + " ";
    return out;
  };
  differs(mapText(a) != mapText(b), "carry_forward_map");
  const auto sectionId = [](const Questionnaire& q, const Question& question) {
    return question.section >= 0 ? q.sections[question.section].id : std::string();
  };
  const auto repeatId = [](const Questionnaire& q, const Question& question) {
    return question.repeat >= 0 ? q.questions[question.repeat].id : std::string();
  };
  differs(sectionId(older, a) != sectionId(newer, b) || repeatId(older, a) != repeatId(newer, b), "moved");
  return fields;
}

}  // namespace

QuestionnaireDiff diffQuestionnaires(const Questionnaire& older, const Questionnaire& newer) {
  QuestionnaireDiff diff;
  for (const auto& question : older.questions)
    if (!newer.find(question.id)) diff.removed.push_back(question.id);
  for (const auto& question : newer.questions) {
    const Question* before = older.find(question.id);
    if (!before) {
      diff.added.push_back(question.id);
      continue;
    }
    std::vector<std::string> fields = changedFields(older, *before, newer, question);
    if (!fields.empty()) diff.changed.push_back({question.id, std::move(fields)});
  }
  return diff;
}

}  // namespace focal
