// What an upgrade to a newer version of a questionnaire will do to one
// response's answers, told by the same comparison as `focal-cli diff`
// (forms/questionnaire_diff.h): per removed or changed question that holds
// answers, how many are kept, kept but to review, or set aside, and why.
// Workspace::upgradeResponse decides each answer with answerMisfit too, so
// the plan and the upgrade agree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "forms/answer_path.h"
#include "forms/questionnaire.h"
#include "forms/questionnaire_diff.h"

namespace focal {

// Why the answer at `path` of `older` has no place in `newer` (set aside by
// an upgrade), or "" when it fits. `index` receives the question's index in
// `newer` (-1 when absent).
std::string answerMisfit(const Questionnaire& older, const Questionnaire& newer, const AnswerPath& path,
                         int& index);

// What an upgrade does with the answers of one question.
struct UpgradeStep {
  std::string question;             // the question's id (a list's field: its own id)
  std::vector<std::string> fields;  // the differences that matter to answers: "removed", "type", "choices"...
  std::string before, after;        // for a type or choices change: the old and new type or values
  std::size_t kept = 0;             // answers kept as they are
  std::size_t review = 0;           // kept, but the new version flags them
  std::size_t setAside = 0;         // moved to the set-aside answers
  std::string reason;               // the first reason an answer is flagged or set aside
};

struct UpgradePlan {
  QuestionnaireDiff diff;
  std::size_t kept = 0, review = 0, setAside = 0;  // all answers
  // Questions with answers that are removed, or whose type, choices, list,
  // rows, columns, bounds or constraint changed; or whose answers are not
  // all kept as they are. In the old file's order, removed ones included.
  std::vector<UpgradeStep> steps;
};

UpgradePlan planUpgrade(const Questionnaire& older, const Questionnaire& newer,
                        const std::map<std::string, std::string>& answers);

}  // namespace focal
