// The differences between two versions of a questionnaire, question by
// question (matched by id): what an author checks before sending a new
// cycle's questionnaire, and what `focal-cli diff` prints.
#pragma once

#include <string>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

struct FieldChange {
  std::string field;          // "label.en", "type", "choices", "relevant", "required", "constraint", ...
  std::string before, after;  // as text; "" when absent
};

struct QuestionChange {
  std::string id;
  std::vector<FieldChange> fields;
};

struct QuestionnaireDiff {
  std::vector<std::string> added, removed;  // question ids, in each file's order
  std::vector<QuestionChange> changed;      // in the new file's order
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

QuestionnaireDiff diffQuestionnaires(const Questionnaire& before, const Questionnaire& after);

}  // namespace focal
