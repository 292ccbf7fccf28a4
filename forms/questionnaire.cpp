#include "forms/questionnaire.h"

#include "forms/question_kinds.h"

namespace focal {

const char* instrumentKey(Instrument instrument) {
  switch (instrument) {
    case Instrument::Convention:
      return "convention";
    case Instrument::Tip:
      return "tip";
    case Instrument::Som:
      return "som";
    case Instrument::Firearms:
      return "firearms";
  }
  return "convention";
}

const char* questionTypeKey(QuestionType type) { return kindOf(type).key; }

std::optional<QuestionType> questionTypeFromKey(const std::string& key) {
  for (const auto& kind : questionKinds())
    if (key == kind.key) return kind.type;
  return std::nullopt;
}

bool takesAnswer(QuestionType type) { return kindOf(type).takesAnswer; }

const Question* Questionnaire::find(const std::string& id) const {
  int index = indexOf(id);
  return index < 0 ? nullptr : &questions[index];
}

int Questionnaire::indexOf(const std::string& id) const {
  auto it = byId_.find(id);
  return it == byId_.end() ? -1 : it->second;
}

std::vector<int> Questionnaire::topLevelSections() const {
  std::vector<int> result;
  for (int i = 0; i < static_cast<int>(sections.size()); ++i)
    if (sections[i].parent < 0) result.push_back(i);
  return result;
}

void Questionnaire::buildIndex() {
  byId_.clear();
  byId_.reserve(questions.size());
  for (int i = 0; i < static_cast<int>(questions.size()); ++i) byId_.emplace(questions[i].id, i);
}

}  // namespace focal
