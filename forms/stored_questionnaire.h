// Loading a questionnaire kept in a workspace or a report. It was accepted
// when the response started, so the checks Focal has gained since (a value
// in quotes must be one of the choices it is compared with; ${id} in a
// label must name a question) do not refuse it: the reply stays readable.
// Authors' files go through loadQuestionnaireFile, which applies them all.
#pragma once

#include <string>

#include "forms/questionnaire_loader.h"

namespace focal {

LoadResult loadStoredQuestionnaireText(std::string text, const std::string& sourceName);

}  // namespace focal
