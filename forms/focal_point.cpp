#include "forms/focal_point.h"

#include <algorithm>
#include <cctype>

#include "forms/answer_text.h"

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

std::string focalPointName(const Questionnaire& questionnaire,
                           const std::map<std::string, std::string>& answers) {
  const std::string id = focalPointQuestion(questionnaire);
  if (id.empty()) return {};
  const auto answer = answers.find(id);
  return answer == answers.end() ? std::string() : trimmedText(answer->second);
}

}  // namespace focal
