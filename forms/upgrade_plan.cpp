#include "forms/upgrade_plan.h"

#include <algorithm>

#include "forms/answer_text.h"
#include "forms/answer_value.h"
#include "forms/i18n.h"

namespace focal {

namespace {

bool compatibleTypes(QuestionType a, QuestionType b) {
  auto text = [](QuestionType t) { return t == QuestionType::Text || t == QuestionType::LongText; };
  return a == b || (text(a) && text(b));
}

// The fields of a diff that can change what becomes of an answer.
const char* const kAnswerFields[] = {"type",    "choices", "repeat", "rows",
                                     "columns", "min",     "max",    "constraint"};

std::string choiceValues(const Question& q) {
  std::string out;
  for (const auto& c : q.choices) out += (out.empty() ? "" : ", ") + c.value;
  if (q.otherOption) out += (out.empty() ? "" : ", ") + std::string("other");
  return out;
}

}  // namespace

std::string answerMisfit(const Questionnaire& older, const Questionnaire& newer, const AnswerPath& path,
                         int& index) {
  index = newer.indexOf(path.question);
  if (index < 0)
    return msg("the question {} is not in {}", path.question, msg("version {}", newer.info.version));
  const Question& q = newer.questions[index];
  if (path.repeat.empty() && q.repeat >= 0)
    return msg("{} is now asked inside the list {}", q.id, newer.questions[q.repeat].id);
  if (!path.repeat.empty() && q.repeat < 0) return msg("{} is no longer asked inside a list", q.id);
  const Question* old = older.find(path.question);
  if (old && !compatibleTypes(old->type, q.type))
    return msg("{} changed from {} to {}", q.id, questionTypeKey(old->type), questionTypeKey(q.type));
  if (std::string fit = checkPathFits(q, path); !fit.empty()) return fit;
  if (!path.repeat.empty() && newer.questions[q.repeat].id != path.repeat)
    return msg("{} now belongs to the list {}", path.question, newer.questions[q.repeat].id);
  return {};
}

UpgradePlan planUpgrade(const Questionnaire& older, const Questionnaire& newer,
                        const std::map<std::string, std::string>& answers) {
  UpgradePlan plan;
  plan.diff = diffQuestionnaires(older, newer);
  std::map<std::string, UpgradeStep> byQuestion;
  for (const auto& [path, value] : answers) {
    auto parsed = parseAnswerPath(path);
    const std::string id = parsed ? parsed->question : path;
    UpgradeStep& step = byQuestion[id];
    step.question = id;
    std::string why = tr("it is not a valid answer path");
    int index = -1;
    if (parsed) why = answerMisfit(older, newer, *parsed, index);
    if (!why.empty()) {
      ++step.setAside;
      ++plan.setAside;
      if (step.reason.empty()) step.reason = why;
      continue;
    }
    std::string problem = checkAnswerText(newer.questions[index], *parsed, value);
    if (problem.empty()) problem = checkAnswerValue(newer.questions[index], *parsed, value);
    if (problem.empty()) {
      ++step.kept;
      ++plan.kept;
    } else {
      ++step.review;
      ++plan.review;
      if (step.reason.empty()) step.reason = problem;
    }
  }
  // The questions the diff names, in the old file's order, then the others
  // whose answers are not all kept.
  for (const auto& q : older.questions) {
    auto it = byQuestion.find(q.id);
    if (it == byQuestion.end()) continue;
    UpgradeStep step = it->second;
    byQuestion.erase(it);
    const Question* now = newer.find(q.id);
    if (!now) {
      step.fields.push_back("removed");
    } else {
      auto changed = std::find_if(plan.diff.changed.begin(), plan.diff.changed.end(),
                                  [&](const QuestionChange& c) { return c.id == q.id; });
      if (changed != plan.diff.changed.end())
        for (const auto& f : changed->fields)
          if (std::find(std::begin(kAnswerFields), std::end(kAnswerFields), f.field) !=
              std::end(kAnswerFields))
            step.fields.push_back(f.field);
      if (std::find(step.fields.begin(), step.fields.end(), "type") != step.fields.end()) {
        step.before = questionTypeKey(q.type);
        step.after = questionTypeKey(now->type);
      } else if (std::find(step.fields.begin(), step.fields.end(), "choices") != step.fields.end()) {
        step.before = choiceValues(q);
        step.after = choiceValues(*now);
      }
    }
    if (!step.fields.empty() || step.review > 0 || step.setAside > 0) plan.steps.push_back(std::move(step));
  }
  for (auto& [id, step] : byQuestion)  // paths of no question of the old version
    if (step.review > 0 || step.setAside > 0) plan.steps.push_back(std::move(step));
  return plan;
}

}  // namespace focal
