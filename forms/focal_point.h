// The question whose answer names the national focal point, the person who
// prepares the reply. The desktop program writes that name in the history,
// and every export prints it as the preparer, so the report says who
// prepared it rather than the login name of the computer it was typed on.
#pragma once

#include <map>
#include <string>

#include "forms/questionnaire.h"

namespace focal {

// The id of the first text question outside records whose English label
// begins with "Name" and speaks of the "focal point" ("Name of the national
// focal point"); "" when the questionnaire has none.
std::string focalPointQuestion(const Questionnaire& questionnaire);

// The focal point's name as the answers give it, without surrounding
// spaces; "" when the questionnaire has no such question or it is unanswered.
std::string focalPointName(const Questionnaire& questionnaire,
                           const std::map<std::string, std::string>& answers);

}  // namespace focal
