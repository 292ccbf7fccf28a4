// What changed between two versions of a questionnaire (or between two
// cycles): questions added, removed and changed, each change named by the
// field that differs ("label.fr", "choices", "relevant"...). For the
// secretariat's review of a new version before it goes to 190 States
// (focal-cli diff).
#pragma once

#include <string>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

struct QuestionChange {
  std::string id;
  std::vector<std::string> fields;  // in a fixed order: type, label.<lang>, help.<lang>, choices, ...
};

struct QuestionnaireDiff {
  std::vector<std::string> added, removed;  // question ids, in the order of their questionnaire
  std::vector<QuestionChange> changed;      // in the order of the newer questionnaire
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// Questions are matched by id.
QuestionnaireDiff diffQuestionnaires(const Questionnaire& older, const Questionnaire& newer);

}  // namespace focal
