// Which answer paths an assignment covers. A path belongs to its top-level
// question (a record field to its repeat); the question is covered when it
// is assigned by id, or when its section or any enclosing section is.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "export/contribution/contribution.h"
#include "forms/questionnaire.h"

namespace focal {

class ContributionScope {
 public:
  // Checks the ids against the questionnaire; throws ContributionError
  // (Refused) naming every unknown id, with the nearest known one.
  ContributionScope(std::shared_ptr<const Questionnaire> questionnaire, Assignment assignment);

  // Section and question ids given together ("victims,q_12"), told apart.
  static Assignment parseIds(const Questionnaire& questionnaire, const std::vector<std::string>& ids);

  const Assignment& assignment() const { return assignment_; }
  const Questionnaire& questionnaire() const { return *questionnaire_; }

  // Whether the question (by index) is assigned; repeat children follow their repeat.
  bool coversQuestion(int question) const;
  // Whether the answer path is assigned; false for a path that does not parse.
  bool covers(const std::string& path) const;
  // Why `path` cannot be answered by `agency`, in one sentence saying what
  // to do; "" when it is covered.
  std::string refusal(const std::string& path, const std::string& agency,
                      const std::string& language = {}) const;

  // The answers of `answers` the assignment covers.
  std::map<std::string, std::string> restrict(const std::map<std::string, std::string>& answers) const;
  // The answers outside the assignment that its relevance, requirements and
  // calculations read (so the agency sees the questions as the focal point does).
  std::map<std::string, std::string> context(const std::map<std::string, std::string>& answers) const;

  // "Victims (victims), q_12": for messages and the dashboard.
  std::string describe(const std::string& language = {}) const;

 private:
  int topQuestion(const std::string& path) const;
  std::shared_ptr<const Questionnaire> questionnaire_;
  Assignment assignment_;
  std::vector<char> covered_;  // by question index
  std::set<int> contextQuestions_;
};

}  // namespace focal
