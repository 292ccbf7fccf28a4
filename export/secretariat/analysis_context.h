// Internal to the analysis (analysis_results.cpp, analysis_assistance.cpp):
// the questionnaire, the language, and which columns each reply counts in.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "export/secretariat/analysis_results.h"
#include "forms/translator.h"

namespace focal::analysis_detail {

struct Context {
  const AnalysisInput& input;
  const Questionnaire& q;
  std::string language;
  std::vector<std::string> sectionLabels;           // "2.1 Status of victims", per section
  std::vector<std::vector<std::size_t>> columnsOf;  // per reply: the columns it counts in
  std::size_t columnCount = 0;
  // Per reply, per question index: whether the question applied (was
  // relevant) in that reply. Empty when the questionnaire has no condition.
  std::vector<std::vector<char>> applies;
  Translator t;  // the analysis language's wording

  bool applied(std::size_t reply, int question) const {
    return applies.empty() || applies[reply][static_cast<std::size_t>(question)];
  }

  const std::vector<StateReply>& replies() const { return input.current.replies; }
  std::string text(const LocalizedText& t) const { return t.get(language, q.defaultLanguage()); }
  std::string label(const Question& question) const { return text(question.label); }
  std::string sectionOf(const Question& question) const {
    int section = question.repeat >= 0 ? q.questions[question.repeat].section : question.section;
    return section >= 0 ? sectionLabels[section] : std::string();
  }
  std::string stateName(const std::string& state) const {
    const std::string name = input.groups.stateName(state, language);
    if (name != state) return name;
    const std::string listed = input.parties.name(state);
    return listed.empty() ? name : listed;
  }
  std::string groupName(const std::string& state) const {
    auto group = input.groups.groupOf(state);
    return group ? input.groups.groupName(*group, language) : std::string();
  }
  std::string choiceLabel(const Question& question, const std::string& value) const {
    for (const auto& c : question.choices)
      if (c.value == value) return text(c.label);
    return value;
  }
  std::vector<std::size_t> zeros() const { return std::vector<std::size_t>(columnCount, 0); }
  void add(std::vector<std::size_t>& counts, std::size_t reply) const {
    for (std::size_t column : columnsOf[reply]) ++counts[column];
  }
};

inline bool hasTag(const Question& q, const char* tag) {
  return std::find(q.tags.begin(), q.tags.end(), tag) != q.tags.end();
}

}  // namespace focal::analysis_detail
