// The questionnaires Focal ships: found beside the program
// (../share/focal/questionnaires), in /usr/share/focal/questionnaires when
// installed, and in the source tree when run from the build directory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "forms/questionnaire.h"

namespace focal::gui {

struct AvailableQuestionnaire {
  std::string file;
  std::shared_ptr<const Questionnaire> questionnaire;
};

std::vector<std::string> QuestionnaireDirectories();
// Every valid questionnaire in those directories (the first found of each id), by file name.
std::vector<AvailableQuestionnaire> AvailableQuestionnaires();
// The file of the questionnaire with this id (or file name without .yaml), "" when none.
std::string FindQuestionnaireFile(const std::string& idOrName);

}  // namespace focal::gui
