// What changed since the last cycle. Carrying a reply forward
// (workspace_cycles.cpp) keeps, beside each carried question, last cycle's
// values in its @previous mark (JSON: {path: value}). With the @carried
// mark ("pending" until the focal point confirms or changes the answer)
// that tells, per carried question, whether it is still unconfirmed,
// confirmed unchanged, or changed, and what it was.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

using AnswerValues = std::map<std::string, std::string>;  // path -> value

// The values that make up the answer to the top-level question or list
// `id`: its value and parts, the records of a list, and its status ("not
// available"); never comments or Focal's own marks.
AnswerValues answerValues(const AnswerValues& answers, const std::string& id);

// The JSON kept in @previous and in @offered's "values".
std::string valuesJson(const AnswerValues& values);
AnswerValues valuesFromJson(const std::string& text);  // empty when not JSON of strings

enum class CycleChange { Unconfirmed, Unchanged, Changed };
const char* cycleChangeKey(CycleChange change);  // "unconfirmed", "unchanged", "changed"

struct CarriedAnswer {
  std::string question;  // top-level question or list id
  CycleChange change = CycleChange::Unconfirmed;
  AnswerValues previous;  // last cycle's values, as carried
  AnswerValues current;   // the values now
};

// Every carried question of the response, in questionnaire order. Questions
// carried by a Focal that kept no @previous mark are listed only while unconfirmed.
std::vector<CarriedAnswer> cycleChanges(const Questionnaire& questionnaire, const AnswerValues& answers);

}  // namespace focal
