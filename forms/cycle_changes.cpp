#include "forms/cycle_changes.h"

#include <nlohmann/json.hpp>

#include "forms/answer_path.h"

namespace focal {

AnswerValues answerValues(const AnswerValues& answers, const std::string& id) {
  AnswerValues out;
  // Paths of `id` start with "id", then "/", "[", "@" or nothing.
  for (auto it = answers.lower_bound(id); it != answers.end() && it->first.compare(0, id.size(), id) == 0;
       ++it) {
    if (it->second.empty()) continue;
    auto path = parseAnswerPath(it->first);
    if (!path) continue;
    const bool mine = path->repeat == id || (path->repeat.empty() && path->question == id);
    if (mine && (path->mark.empty() || path->mark == "status")) out.insert(*it);
  }
  return out;
}

std::string valuesJson(const AnswerValues& values) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [path, value] : values) j[path] = value;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AnswerValues valuesFromJson(const std::string& text) {
  AnswerValues out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [key, value] : j.items())
    if (value.is_string()) out[key] = value.get<std::string>();
  return out;
}

const char* cycleChangeKey(CycleChange change) {
  switch (change) {
    case CycleChange::Unconfirmed:
      return "unconfirmed";
    case CycleChange::Unchanged:
      return "unchanged";
    case CycleChange::Changed:
      return "changed";
  }
  return "unconfirmed";
}

std::vector<CarriedAnswer> cycleChanges(const Questionnaire& questionnaire, const AnswerValues& answers) {
  std::vector<CarriedAnswer> out;
  auto valueOf = [&](const std::string& path) {
    auto it = answers.find(path);
    return it == answers.end() ? std::string() : it->second;
  };
  for (const auto& question : questionnaire.questions) {
    if (question.repeat >= 0) continue;
    const std::string previousText = valueOf(withMark(question.id, "previous"));
    const bool pending = valueOf(withMark(question.id, "carried")) == "pending";
    if (previousText.empty() && !pending) continue;
    CarriedAnswer a;
    a.question = question.id;
    a.previous = valuesFromJson(previousText);
    a.current = answerValues(answers, question.id);
    a.change = pending                   ? CycleChange::Unconfirmed
               : a.current == a.previous ? CycleChange::Unchanged
                                         : CycleChange::Changed;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace focal
