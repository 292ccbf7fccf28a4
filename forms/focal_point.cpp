#include "forms/focal_point.h"

#include <algorithm>
#include <cctype>

namespace focal {

std::string focalPointQuestion(const Questionnaire& questionnaire) {
  for (const Question& question : questionnaire.questions) {
    if (question.type != QuestionType::Text || question.repeat >= 0) continue;
    std::string label = question.label.get("en");
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (label.rfind("name", 0) == 0 && label.find("focal point") != std::string::npos) return question.id;
  }
  return {};
}

std::string trimmedName(const std::string& text) {
  const char* spaces = " \t\r\n";
  const auto first = text.find_first_not_of(spaces);
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(spaces) - first + 1);
}

std::string focalPointName(const Questionnaire& questionnaire,
                           const std::map<std::string, std::string>& answers) {
  const std::string id = focalPointQuestion(questionnaire);
  if (id.empty()) return {};
  const auto answer = answers.find(id);
  return answer == answers.end() ? std::string() : trimmedName(answer->second);
}

}  // namespace focal
