// What an author reviews without reading YAML: each question's number, its
// logic (relevance, required, constraint), choices and carry-forward link,
// as JSON (focal-cli show --json) and the condition under which it is asked
// in words (the codebook). Shared so that show, diff and codebook agree.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "forms/question_refs.h"  // displayedQuestionNumbers
#include "forms/questionnaire.h"

namespace focal {

// The condition in words when it is a simple comparison of answers joined by
// and/or ("1.2 is Yes", "1.4 includes Forced labour", "2.1 is more than 0"),
// else the expression's text as written.
std::string conditionInWords(const Questionnaire& questionnaire, const std::string& expression,
                             const std::string& language);

// The whole questionnaire for review: info, then sections with their
// questions, each with every field an author sets (docs/questionnaire-format.md,
// "Reviewing a questionnaire").
nlohmann::ordered_json reviewJson(const Questionnaire& questionnaire, const std::string& language);

}  // namespace focal
