// The dependency graph of a questionnaire's expressions, built once at load
// time. Nodes are the questions (0..Q-1) and the sections (Q..Q+S-1).
// "Value" edges (relevance, calculation, enclosing section, enclosing repeat)
// decide the order of evaluation and must not form a cycle; "check" edges
// (required, constraint) only say what to re-check. A changed answer
// re-evaluates only the nodes it reaches (JavaRosa's triggerable DAG).
#pragma once

#include <string>
#include <vector>

#include "forms/diagnostics.h"

namespace focal {

class Questionnaire;

class DependencyGraph {
 public:
  // Builds the graph from the questionnaire's compiled expressions; reports
  // every cycle found in `diagnostics`, naming the ids on it.
  void build(const Questionnaire& questionnaire, Diagnostics& diagnostics);

  int questionNode(int question) const { return question; }
  int sectionNode(int section) const { return questionCount_ + section; }
  bool isSection(int node) const { return node >= questionCount_; }
  int sectionOf(int node) const { return node - questionCount_; }

  // Every node, dependencies first.
  const std::vector<int>& order() const { return order_; }
  // The nodes to re-evaluate when the answer to `question` changes, in
  // evaluation order, `question` itself included.
  std::vector<int> affectedBy(int question) const { return affectedBy(std::vector<int>{question}); }
  std::vector<int> affectedBy(const std::vector<int>& questions) const;
  // The nodes that read `node` (through any edge).
  const std::vector<int>& dependents(int node) const { return dependents_[node]; }

 private:
  int questionCount_ = 0;
  std::vector<std::vector<int>> valueDeps_;
  std::vector<std::vector<int>> dependents_;
  std::vector<int> order_;
  std::vector<int> rank_;  // position of each node in order_
};

}  // namespace focal
