#include "export/print/questionnaire_review.h"

#include <regex>

#include "export/common/report_labels.h"
#include "export/report/report_assembly.h"

namespace focal {

namespace {

using Json = nlohmann::ordered_json;

std::string text(const Questionnaire& q, const LocalizedText& t, const std::string& language) {
  return t.empty() ? std::string() : t.get(language, q.defaultLanguage());
}

// A literal as a reader reads it: the choice's label, "Yes", or the number.
std::string valueInWords(const Questionnaire& q, const Question* question, const std::string& value,
                         const std::string& language) {
  if (!question) return "'" + value + "'";
  if (question->type == QuestionType::YesNo) {
    if (value == "yes") return reportLabels(language).yes;
    if (value == "no") return reportLabels(language).no;
  }
  for (const auto& choice : question->choices)
    if (choice.value == value) return text(q, choice.label, language);
  if (value == "other" && question->otherOption) return "Other";
  return "'" + value + "'";
}

std::string comparisonInWords(const std::string& op) {
  if (op == "=") return "is";
  if (op == "!=") return "is not";
  if (op == ">") return "is more than";
  if (op == ">=") return "is at least";
  if (op == "<") return "is less than";
  return "is at most";
}

}  // namespace

std::string conditionInWords(const Questionnaire& q, const std::string& expression,
                             const std::string& language) {
  static const std::regex compare(
      R"re(\s*\$\{(\w+)\}\s*(!=|>=|<=|=|>|<)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))\s*)re");
  static const std::regex selected(
      R"re(\s*(not\s*\(\s*)?selected\(\s*\$\{(\w+)\}\s*,\s*'([^']*)'\s*\)\s*(\))?\s*)re");
  static const std::regex joiner(R"re((and|or)\b)re");
  const auto numbers = displayedQuestionNumbers(q);
  auto name = [&](const std::string& id) {
    auto it = numbers.find(id);
    return it == numbers.end() ? id : it->second;
  };
  std::string out;
  auto it = expression.cbegin();
  const auto end = expression.cend();
  for (bool first = true;; first = false) {
    if (!first) {
      std::smatch m;
      if (it == end) return out;
      if (!std::regex_search(it, end, m, joiner, std::regex_constants::match_continuous)) return expression;
      // Appended piece by piece: GCC bug 105329 (a false -Wrestrict at -O3).
      out += ' ';
      out += m[1].str();
      out += ' ';
      it = m[0].second;
    }
    std::smatch m;
    if (std::regex_search(it, end, m, compare, std::regex_constants::match_continuous)) {
      const Question* question = q.find(m[1].str());
      const bool quoted = m[3].matched || m[4].matched;
      const std::string value = m[3].matched ? m[3].str() : m[4].matched ? m[4].str() : m[5].str();
      const std::string op = m[2].str();
      if (quoted && value.empty() && (op == "=" || op == "!="))
        out += name(m[1].str()) + (op == "=" ? " is not answered" : " is answered");
      else
        out += name(m[1].str()) + " " + comparisonInWords(op) + " " +
               (quoted ? valueInWords(q, question, value, language) : value);
    } else if (std::regex_search(it, end, m, selected, std::regex_constants::match_continuous) &&
               m[1].matched == m[4].matched) {
      const Question* question = q.find(m[2].str());
      out += name(m[2].str()) + (m[1].matched ? " does not include " : " includes ") +
             valueInWords(q, question, m[3].str(), language);
    } else {
      return expression;
    }
    it = m[0].second;
  }
}

namespace {

Json expressionJson(const std::optional<CompiledExpression>& e) {
  if (!e) return nullptr;
  return Json{{"expression", e->text}, {"line", e->position.line}};
}

Json questionJson(const Questionnaire& q, const Question& question,
                  const std::map<std::string, std::string>& numbers, const std::string& language) {
  Json j;
  j["id"] = question.id;
  auto number = numbers.find(question.id);
  j["number"] = number == numbers.end() ? Json(nullptr) : Json(number->second);
  j["type"] = questionTypeKey(question.type);
  j["label"] = text(q, question.label, language);
  j["help"] = question.help.empty() ? Json(nullptr) : Json(text(q, question.help, language));
  j["line"] = question.position.line;
  j["relevant"] = expressionJson(question.relevant);
  if (question.relevant) j["relevant"]["in_words"] = conditionInWords(q, question.relevant->text, language);
  if (question.requiredIf)
    j["required"] = expressionJson(question.requiredIf);
  else
    j["required"] = question.required;
  j["constraint"] = expressionJson(question.constraint);
  if (question.constraint && !question.constraintMessage.empty())
    j["constraint"]["message"] = text(q, question.constraintMessage, language);
  j["warning"] = expressionJson(question.warning);
  if (question.warning && !question.warningMessage.empty())
    j["warning"]["message"] = text(q, question.warningMessage, language);
  j["calculation"] = expressionJson(question.calculation);
  if (question.choiceFilter) j["choice_filter"] = expressionJson(question.choiceFilter);
  if (question.repeatCount) j["repeat_count"] = expressionJson(question.repeatCount);
  if (question.defaultExpression) j["default"] = expressionJson(question.defaultExpression);
  if (question.readOnly) j["read_only"] = true;
  if (question.min) j["min"] = *question.min;
  if (question.max) j["max"] = *question.max;
  if (!question.minDate.empty()) j["min"] = question.minDate;
  if (!question.maxDate.empty()) j["max"] = question.maxDate;
  if (question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice) {
    j["choices"] = Json::array();
    for (const auto& c : question.choices)
      j["choices"].push_back({{"value", c.value}, {"label", text(q, c.label, language)}});
    j["other"] = question.otherOption;
  }
  if (question.type == QuestionType::Table) {
    j["rows"] = Json::array();
    for (const auto& r : question.rows)
      j["rows"].push_back({{"id", r.id}, {"label", text(q, r.label, language)}});
    j["columns"] = Json::array();
    for (const auto& c : question.columns)
      j["columns"].push_back({{"id", c.id}, {"label", text(q, c.label, language)}});
  }
  j["carry_forward_from"] =
      question.carryForwardFrom.empty() ? Json(nullptr) : Json(question.carryForwardFrom);
  if (!question.carryForwardFrom.empty() && question.repeat < 0)
    j["confirm_carried"] = q.mustConfirmCarried(question) ? "required" : "optional";
  if (question.carryForwardFilter) j["carry_forward_filter"] = expressionJson(question.carryForwardFilter);
  if (!question.children.empty()) {
    j["questions"] = Json::array();
    for (int child : question.children)
      j["questions"].push_back(questionJson(q, q.questions[child], numbers, language));
  }
  return j;
}

Json sectionJson(const Questionnaire& q, int index, const std::vector<std::string>& sectionNumbers,
                 const std::map<std::string, std::string>& numbers, const std::string& language) {
  const Section& s = q.sections[index];
  Json j;
  j["id"] = s.id;
  j["number"] = sectionNumbers[index];
  j["title"] = text(q, s.title, language);
  j["relevant"] = expressionJson(s.relevant);
  if (s.relevant) j["relevant"]["in_words"] = conditionInWords(q, s.relevant->text, language);
  j["questions"] = Json::array();
  for (int question : s.questions)
    j["questions"].push_back(questionJson(q, q.questions[question], numbers, language));
  j["sections"] = Json::array();
  for (int sub : s.subsections)
    j["sections"].push_back(sectionJson(q, sub, sectionNumbers, numbers, language));
  return j;
}

}  // namespace

Json reviewJson(const Questionnaire& q, const std::string& language) {
  const auto numbers = displayedQuestionNumbers(q);
  const auto sections = displayedSectionNumbers(q);
  Json j;
  j["id"] = q.info.id;
  j["title"] = text(q, q.info.title, language);
  j["instrument"] = instrumentKey(q.info.instrument);
  j["cycle"] = q.info.cycle;
  j["version"] = q.info.version;
  j["languages"] = q.info.languages;
  j["previous_cycle"] = q.info.previousCycle.empty() ? Json(nullptr) : Json(q.info.previousCycle);
  j["section_count"] = q.sections.size();
  j["question_count"] = q.questions.size();
  j["sections"] = Json::array();
  for (int s : q.topLevelSections()) j["sections"].push_back(sectionJson(q, s, sections, numbers, language));
  return j;
}

}  // namespace focal
