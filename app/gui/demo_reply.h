// The demo reply (focal --demo, make run): sample answers in every kind of
// question, so that a first look shows what a filled reply, its overview,
// its search and its report look like, and never an empty form.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "forms/questionnaire.h"

namespace focal::gui {

// Answers for every question that takes one, by its type: a yes, the first
// choices, a number within the question's bounds, a date, a citation, a
// filled table, two records of each repeat, a comment and an "information
// not available" here and there. Attachments stay empty (there is no file).
// Answers the questionnaire's rules refuse (choices that exclude each
// other, a bound set by another answer) are replaced by ones it accepts.
std::map<std::string, std::string> DemoAnswers(std::shared_ptr<const Questionnaire> questionnaire);

}  // namespace focal::gui
