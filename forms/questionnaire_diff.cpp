#include "forms/questionnaire_diff.h"

#include <set>

namespace focal {

namespace {

std::string expressionText(const std::optional<CompiledExpression>& e) { return e ? e->text : std::string(); }

std::string number(const std::optional<double>& n) {
  if (!n) return {};
  std::string s = std::to_string(*n);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A list of values with their labels in every language: "party (en: Party; fr: Partie)".
std::string choicesText(const Question& q) {
  std::vector<std::string> items;
  for (const auto& c : q.choices) {
    std::string labels;
    for (const auto& [language, text] : c.label.all())
      labels += (labels.empty() ? "" : "; ") + (language.empty() ? "" : language + ": ") + text;
    items.push_back(c.value + (labels.empty() ? "" : " (" + labels + ")"));
  }
  if (q.otherOption) items.push_back("other");
  return joined(items);
}

std::string axisText(const std::vector<TableAxisItem>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return joined(ids);
}

void compareTexts(const std::string& field, const LocalizedText& before, const LocalizedText& after,
                  std::vector<FieldChange>& out) {
  std::set<std::string> languages;
  for (const auto& [language, text] : before.all()) languages.insert(language);
  for (const auto& [language, text] : after.all()) languages.insert(language);
  for (const auto& language : languages) {
    std::string b = before.has(language) ? before.all().at(language) : std::string();
    std::string a = after.has(language) ? after.all().at(language) : std::string();
    if (a != b) out.push_back({field + (language.empty() ? "" : "." + language), b, a});
  }
}

std::vector<FieldChange> compare(const Questionnaire& oldQ, const Question& b, const Questionnaire& newQ,
                                 const Question& a) {
  std::vector<FieldChange> out;
  auto field = [&](const std::string& name, const std::string& before, const std::string& after) {
    if (before != after) out.push_back({name, before, after});
  };
  auto parent = [](const Questionnaire& q, const Question& question) {
    return question.repeat < 0 ? std::string() : q.questions[question.repeat].id;
  };
  compareTexts("label", b.label, a.label, out);
  field("type", questionTypeKey(b.type), questionTypeKey(a.type));
  field("section", oldQ.sections[b.section].id, newQ.sections[a.section].id);
  field("repeat", parent(oldQ, b), parent(newQ, a));
  field("choices", choicesText(b), choicesText(a));
  field("rows", axisText(b.rows), axisText(a.rows));
  field("columns", axisText(b.columns), axisText(a.columns));
  field("relevant", expressionText(b.relevant), expressionText(a.relevant));
  field("required",
        b.requiredIf ? b.requiredIf->text
        : b.required ? "true"
                     : "false",
        a.requiredIf ? a.requiredIf->text
        : a.required ? "true"
                     : "false");
  field("constraint", expressionText(b.constraint), expressionText(a.constraint));
  compareTexts("constraint_message", b.constraintMessage, a.constraintMessage, out);
  field("warning", expressionText(b.warning), expressionText(a.warning));
  compareTexts("warning_message", b.warningMessage, a.warningMessage, out);
  field("calculation", expressionText(b.calculation), expressionText(a.calculation));
  field("min", number(b.min) + b.minDate, number(a.min) + a.minDate);
  field("max", number(b.max) + b.maxDate, number(a.max) + a.maxDate);
  field("carry_forward_from", b.carryForwardFrom, a.carryForwardFrom);
  field("carry_forward_filter", expressionText(b.carryForwardFilter), expressionText(a.carryForwardFilter));
  field("confirm_carried",
        b.carryForwardFrom.empty()   ? ""
        : oldQ.mustConfirmCarried(b) ? "required"
                                     : "optional",
        a.carryForwardFrom.empty()   ? ""
        : newQ.mustConfirmCarried(a) ? "required"
                                     : "optional");
  compareTexts("help", b.help, a.help, out);
  return out;
}

}  // namespace

QuestionnaireDiff diffQuestionnaires(const Questionnaire& before, const Questionnaire& after) {
  QuestionnaireDiff diff;
  for (const auto& q : before.questions)
    if (!after.find(q.id)) diff.removed.push_back(q.id);
  for (const auto& q : after.questions) {
    const Question* old = before.find(q.id);
    if (!old) {
      diff.added.push_back(q.id);
      continue;
    }
    auto fields = compare(before, *old, after, q);
    if (!fields.empty()) diff.changed.push_back({q.id, std::move(fields)});
  }
  return diff;
}

}  // namespace focal
