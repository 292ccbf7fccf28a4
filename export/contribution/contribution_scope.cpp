#include "export/contribution/contribution_scope.h"

#include <algorithm>
#include <deque>

#include "export/contribution/contribution_internal.h"
#include "forms/answer_path.h"
#include "forms/diagnostics.h"

namespace focal {

using contribution_detail::joinList;

std::string contributorLabel(const std::string& person, const std::string& agency) {
  if (person.empty()) return agency;
  if (agency.empty()) return person;
  return person + ", " + agency;
}

namespace {

int sectionIndex(const Questionnaire& q, const std::string& id) {
  for (std::size_t i = 0; i < q.sections.size(); ++i)
    if (q.sections[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string lang(const Questionnaire& q, const std::string& language) {
  return language.empty() ? q.defaultLanguage() : language;
}

}  // namespace

Assignment ContributionScope::parseIds(const Questionnaire& questionnaire,
                                       const std::vector<std::string>& ids) {
  Assignment out;
  for (const auto& id : ids) {
    if (id.empty()) continue;
    if (sectionIndex(questionnaire, id) >= 0)
      out.sections.push_back(id);
    else
      out.questions.push_back(id);  // checked by the constructor
  }
  return out;
}

ContributionScope::ContributionScope(std::shared_ptr<const Questionnaire> questionnaire,
                                     Assignment assignment)
    : questionnaire_(std::move(questionnaire)), assignment_(std::move(assignment)) {
  const Questionnaire& q = *questionnaire_;
  std::vector<std::string> problems;
  std::vector<std::string> known;
  for (const auto& s : q.sections) known.push_back(s.id);
  for (const auto& question : q.questions)
    if (question.repeat < 0) known.push_back(question.id);

  std::vector<char> sectionAssigned(q.sections.size(), 0);
  for (const auto& id : assignment_.sections) {
    int s = sectionIndex(q, id);
    if (s < 0) {
      std::string near = nearestWord(id, known);
      problems.push_back(near.empty()
                             ? msg("'{}' is not a section of {}", id, q.info.id)
                             : msg("'{}' is not a section of {} (did you mean '{}'?)", id, q.info.id, near));
      continue;
    }
    sectionAssigned[s] = 1;
  }
  covered_.assign(q.questions.size(), 0);
  for (const auto& id : assignment_.questions) {
    int index = q.indexOf(id);
    if (index < 0) {
      std::string near = nearestWord(id, known);
      problems.push_back(near.empty()
                             ? msg("'{}' is neither a section nor a question of {}", id, q.info.id)
                             : msg("'{}' is neither a section nor a question of {} (did you mean '{}'?)", id,
                                   q.info.id, near));
      continue;
    }
    const Question& question = q.questions[index];
    if (question.repeat >= 0) {
      problems.push_back(msg("'{}' is a question inside the repeat group '{}'; assign '{}' as a whole", id,
                             q.questions[question.repeat].id, q.questions[question.repeat].id));
      continue;
    }
    covered_[index] = 1;
  }
  if (!problems.empty())
    throw ContributionError(
        ContributionError::Kind::Refused,
        msg("The assignment cannot be made: {}. Run focal-cli show on the questionnaire to see "
            "its section and question ids.",
            joinList(problems, "; ")));
  if (assignment_.empty())
    throw ContributionError(ContributionError::Kind::Refused,
                            tr("The assignment names no section or question; give at least one id."));

  auto sectionCovered = [&](int s) {
    for (; s >= 0; s = q.sections[s].parent)
      if (sectionAssigned[s]) return true;
    return false;
  };
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const Question& question = q.questions[i];
    const int top = question.repeat >= 0 ? question.repeat : static_cast<int>(i);
    const int section = q.questions[top].section;
    if (covered_[top] || (section >= 0 && sectionCovered(section))) covered_[i] = 1;
  }
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const int top = q.questions[i].repeat;
    if (top >= 0) covered_[i] = covered_[top];
  }

  // The questions outside the assignment that its conditions read: walk the
  // dependency graph backwards from every covered question and section.
  const std::size_t nodes = q.questions.size() + q.sections.size();
  std::vector<std::vector<int>> dependencies(nodes);
  for (std::size_t n = 0; n < nodes; ++n)
    for (int d : q.graph.dependents(static_cast<int>(n)))
      if (d >= 0 && static_cast<std::size_t>(d) < nodes) dependencies[d].push_back(static_cast<int>(n));
  std::vector<char> seen(nodes, 0);
  std::deque<int> queue;
  for (std::size_t i = 0; i < q.questions.size(); ++i)
    if (covered_[i]) queue.push_back(q.graph.questionNode(static_cast<int>(i)));
  for (std::size_t s = 0; s < q.sections.size(); ++s)
    if (sectionCovered(static_cast<int>(s))) queue.push_back(q.graph.sectionNode(static_cast<int>(s)));
  for (int n : queue) seen[n] = 1;
  while (!queue.empty()) {
    int n = queue.front();
    queue.pop_front();
    for (int dep : dependencies[n])
      if (!seen[dep]) {
        seen[dep] = 1;
        queue.push_back(dep);
      }
  }
  for (std::size_t i = 0; i < q.questions.size(); ++i)
    if (seen[q.graph.questionNode(static_cast<int>(i))] && !covered_[i]) {
      const int top = q.questions[i].repeat >= 0 ? q.questions[i].repeat : static_cast<int>(i);
      contextQuestions_.insert(top);
    }
}

int ContributionScope::topQuestion(const std::string& path) const {
  auto parsed = parseAnswerPath(path);
  if (!parsed) return -1;
  const std::string& id = parsed->repeat.empty() ? parsed->question : parsed->repeat;
  int index = questionnaire_->indexOf(id);
  if (index < 0) return -1;
  const Question& q = questionnaire_->questions[index];
  return q.repeat >= 0 ? q.repeat : index;
}

bool ContributionScope::coversQuestion(int question) const {
  return question >= 0 && static_cast<std::size_t>(question) < covered_.size() && covered_[question];
}

bool ContributionScope::covers(const std::string& path) const { return coversQuestion(topQuestion(path)); }

std::string ContributionScope::refusal(const std::string& path, const std::string& agency,
                                       const std::string& language) const {
  if (covers(path)) return {};
  const Questionnaire& q = *questionnaire_;
  const int top = topQuestion(path);
  if (top < 0)
    return msg("'{}' is not an answer of {}; it cannot be part of {}'s contribution.", path, q.info.id,
               agency);
  const int section = q.questions[top].section;
  const std::string where =
      section >= 0
          ? msg("the section \"{}\" ({})",
                q.sections[section].title.get(lang(q, language), q.defaultLanguage()), q.sections[section].id)
          : q.questions[top].id;
  return msg(
      "{} is in {}, which is not assigned to {} (assigned: {}). Leave it to the focal point, or ask them to "
      "assign it to you.",
      path, where, agency, describe(language));
}

std::map<std::string, std::string> ContributionScope::restrict(
    const std::map<std::string, std::string>& answers) const {
  std::map<std::string, std::string> out;
  for (const auto& [path, value] : answers)
    if (covers(path)) out.emplace_hint(out.end(), path, value);
  return out;
}

std::map<std::string, std::string> ContributionScope::context(
    const std::map<std::string, std::string>& answers) const {
  std::map<std::string, std::string> out;
  for (const auto& [path, value] : answers)
    if (contextQuestions_.contains(topQuestion(path))) out.emplace_hint(out.end(), path, value);
  return out;
}

std::string ContributionScope::describe(const std::string& language) const {
  const Questionnaire& q = *questionnaire_;
  std::vector<std::string> parts;
  for (const auto& id : assignment_.sections) {
    int s = sectionIndex(q, id);
    parts.push_back(
        s < 0 ? id : q.sections[s].title.get(lang(q, language), q.defaultLanguage()) + " (" + id + ")");
  }
  for (const auto& id : assignment_.questions) parts.push_back(id);
  return joinList(parts);
}

}  // namespace focal
