#include "forms/dependency_graph.h"

#include <algorithm>
#include <functional>

#include "forms/questionnaire.h"

namespace focal {

namespace {
void addRefs(const std::optional<CompiledExpression>& expression, const Questionnaire& q,
             std::vector<int>& out) {
  if (!expression || !expression->compiled) return;
  for (const auto& id : expression->compiled->references()) {
    int index = q.indexOf(id);
    if (index >= 0) out.push_back(index);
  }
}
}  // namespace

void DependencyGraph::build(const Questionnaire& q, Diagnostics& diagnostics) {
  questionCount_ = static_cast<int>(q.questions.size());
  const int nodeCount = questionCount_ + static_cast<int>(q.sections.size());
  valueDeps_.assign(nodeCount, {});
  dependents_.assign(nodeCount, {});
  std::vector<std::vector<int>> checkDeps(nodeCount);

  for (int i = 0; i < questionCount_; ++i) {
    const Question& question = q.questions[i];
    auto& deps = valueDeps_[i];
    addRefs(question.relevant, q, deps);
    addRefs(question.calculation, q, deps);
    if (question.section >= 0) deps.push_back(sectionNode(question.section));
    if (question.repeat >= 0) deps.push_back(question.repeat);
    addRefs(question.requiredIf, q, checkDeps[i]);
    addRefs(question.constraint, q, checkDeps[i]);
    addRefs(question.warning, q, checkDeps[i]);
    addRefs(question.choiceFilter, q, checkDeps[i]);
    addRefs(question.repeatCount, q, checkDeps[i]);
  }
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
    auto& deps = valueDeps_[sectionNode(s)];
    addRefs(q.sections[s].relevant, q, deps);
    if (q.sections[s].parent >= 0) deps.push_back(sectionNode(q.sections[s].parent));
  }
  for (int n = 0; n < nodeCount; ++n) {
    auto unique = [](std::vector<int>& v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    unique(valueDeps_[n]);
    unique(checkDeps[n]);
    for (int d : valueDeps_[n]) dependents_[d].push_back(n);
    for (int d : checkDeps[n])
      if (!std::binary_search(valueDeps_[n].begin(), valueDeps_[n].end(), d)) dependents_[d].push_back(n);
  }

  // Kahn's algorithm over the value edges.
  std::vector<int> missing(nodeCount);
  std::vector<std::vector<int>> valueDependents(nodeCount);
  for (int n = 0; n < nodeCount; ++n) {
    missing[n] = static_cast<int>(valueDeps_[n].size());
    for (int d : valueDeps_[n]) valueDependents[d].push_back(n);
  }
  order_.clear();
  std::vector<int> ready;
  for (int n = nodeCount - 1; n >= 0; --n)
    if (missing[n] == 0) ready.push_back(n);
  while (!ready.empty()) {
    int n = ready.back();
    ready.pop_back();
    order_.push_back(n);
    for (int m : valueDependents[n])
      if (--missing[m] == 0) ready.push_back(m);
  }

  if (static_cast<int>(order_.size()) < nodeCount) {
    // Name each cycle once: walk the remaining nodes along their value edges.
    std::vector<int> state(nodeCount, 0);  // 0 unseen, 1 on the current path, 2 done
    auto nameOf = [&](int n) {
      return isSection(n) ? "section '" + q.sections[sectionOf(n)].id + "'" : q.questions[n].id;
    };
    auto positionOf = [&](int n) -> SourcePosition {
      if (isSection(n)) {
        const auto& s = q.sections[sectionOf(n)];
        return s.relevant ? s.relevant->position : s.position;
      }
      const auto& question = q.questions[n];
      if (question.relevant) return question.relevant->position;
      if (question.calculation) return question.calculation->position;
      return question.position;
    };
    std::vector<int> path;
    std::function<void(int)> visit = [&](int n) {
      state[n] = 1;
      path.push_back(n);
      for (int d : valueDeps_[n]) {
        if (missing[d] == 0) continue;  // resolved, not on a cycle
        if (state[d] == 1) {
          auto start = std::find(path.begin(), path.end(), d);
          std::string names;
          for (auto it = start; it != path.end(); ++it) names += nameOf(*it) + " -> ";
          names += nameOf(d);
          auto pos = positionOf(d);
          diagnostics.error(pos.line, pos.column,
                            "these expressions depend on each other in a cycle: " + names +
                                "; break the cycle by removing one of the references");
        } else if (state[d] == 0) {
          visit(d);
        }
      }
      path.pop_back();
      state[n] = 2;
    };
    for (int n = 0; n < nodeCount; ++n)
      if (missing[n] > 0 && state[n] == 0) visit(n);
    // Still give every node a rank so the session can run (the questionnaire is refused anyway).
    for (int n = 0; n < nodeCount; ++n)
      if (missing[n] > 0) order_.push_back(n);
  }
  rank_.assign(nodeCount, 0);
  for (int i = 0; i < nodeCount; ++i) rank_[order_[i]] = i;
}

std::vector<int> DependencyGraph::affectedBy(const std::vector<int>& questions) const {
  std::vector<int> result;
  std::vector<char> seen(dependents_.size(), 0);
  for (int q : questions)
    if (q >= 0 && q < static_cast<int>(seen.size()) && !seen[q]) {
      seen[q] = 1;
      result.push_back(q);
    }
  for (std::size_t i = 0; i < result.size(); ++i)
    for (int m : dependents_[result[i]])
      if (!seen[m]) {
        seen[m] = 1;
        result.push_back(m);
      }
  std::sort(result.begin(), result.end(), [&](int a, int b) { return rank_[a] < rank_[b]; });
  return result;
}

}  // namespace focal
