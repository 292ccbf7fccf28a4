// Which questions of a questionnaire cover each provision of its instrument,
// and where a reply stands on them: the provisions view of the desktop
// program, `focal-cli provisions` and the coverage table of the analysis all
// read this. A question covers the provisions it cites; a follow-up that
// cites none ("If yes, please cite the legislation") covers those of the
// questions its relevance depends on; a question that cites nothing else
// covers what its section (or enclosing section) cites. Technical-assistance
// and gating questions cover only what they cite themselves.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "forms/provisions.h"
#include "forms/questionnaire.h"

namespace focal {

struct ProvisionEntry {
  const ProvisionCatalog* catalog = nullptr;
  const Provision* provision = nullptr;
  std::vector<int> questions;  // indices into Questionnaire::questions, in questionnaire order
  bool ownInstrument = true;   // false: another instrument's provision the questionnaire cites
};

// The references a question covers: its own, else those of the questions
// named in its `relevant` expression, else its repeat's, else its section's.
std::vector<TreatyReference> effectiveReferences(const Questionnaire& questionnaire, int question);

// Every provision of the questionnaire's instrument, in file order, then the
// provisions of other instruments it cites; each with its covering questions.
// Empty when the provisions file is not installed.
std::vector<ProvisionEntry> provisionCoverage(const Questionnaire& questionnaire);

// Where a reply stands on one question.
enum class QuestionState { Answered, Unanswered, NotAvailable, NotApplicable, NotAsked };
const char* questionStateKey(QuestionState state);  // "answered", "unanswered", "not_available", ...
std::string questionStateLabel(QuestionState state, const std::string& language);  // en, fr, es

// `answers` as stored (path -> value); `relevant` says whether a question is
// asked under the other answers (when not given, every question is).
QuestionState questionState(const Question& question, const std::map<std::string, std::string>& answers,
                            const std::function<bool(const std::string&)>& relevant = {});

}  // namespace focal
