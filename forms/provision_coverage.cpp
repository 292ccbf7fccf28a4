#include "forms/provision_coverage.h"

#include <algorithm>

#include "forms/answer_path.h"

namespace focal {

namespace {

// The ids an expression names as ${id}.
std::vector<std::string> namedIds(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
    const std::size_t end = text.find('}', at);
    if (end == std::string::npos) break;
    out.push_back(text.substr(at + 2, end - at - 2));
  }
  return out;
}

}  // namespace

std::vector<TreatyReference> effectiveReferences(const Questionnaire& questionnaire, int question) {
  const Question& q = questionnaire.questions.at(question);
  if (!q.references.empty()) return q.references;
  std::vector<TreatyReference> out;
  if (q.relevant) {
    for (const auto& id : namedIds(q.relevant->text))
      if (const Question* gate = questionnaire.find(id))
        out.insert(out.end(), gate->references.begin(), gate->references.end());
    if (!out.empty()) return out;
  }
  if (q.repeat >= 0 && !questionnaire.questions[q.repeat].references.empty())
    return questionnaire.questions[q.repeat].references;
  const int first = q.repeat >= 0 ? questionnaire.questions[q.repeat].section : q.section;
  for (int s = first; s >= 0; s = questionnaire.sections[s].parent)
    if (!questionnaire.sections[s].references.empty()) return questionnaire.sections[s].references;
  return out;
}

std::vector<ProvisionEntry> provisionCoverage(const Questionnaire& questionnaire) {
  std::vector<ProvisionEntry> entries;
  std::vector<std::vector<TreatyReference>> refs(questionnaire.questions.size());
  for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
    const Question& q = questionnaire.questions[i];
    // A technical-assistance or gating question asks about the reply, not a
    // provision, unless it cites one itself.
    const auto asideTags = [](const Question& question) {
      return std::any_of(question.tags.begin(), question.tags.end(), [](const std::string& tag) {
        return tag == "technical_assistance" || tag == "gating";
      });
    };
    bool aside = asideTags(q);
    if (q.relevant)  // "Please describe the assistance required" follows a tagged question
      for (const auto& id : namedIds(q.relevant->text))
        if (const Question* gate = questionnaire.find(id)) aside |= asideTags(*gate);
    if (aside && q.references.empty()) continue;
    refs[i] = effectiveReferences(questionnaire, static_cast<int>(i));
  }
  const auto covering = [&](Instrument instrument, const Provision& provision) {
    std::vector<int> out;
    for (std::size_t i = 0; i < refs.size(); ++i)
      if (std::any_of(refs[i].begin(), refs[i].end(), [&](const TreatyReference& r) {
            return r.instrument == instrument && citationCovers(r, provision);
          }))
        out.push_back(static_cast<int>(i));
    return out;
  };
  const std::string own = instrumentKey(questionnaire.info.instrument);
  if (auto it = questionnaire.provisions.find(own); it != questionnaire.provisions.end())
    for (const auto& provision : it->second->provisions)
      entries.push_back({it->second.get(), &provision, covering(it->second->instrument, provision), true});
  for (const auto& entry : questionnaire.provisions) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto& catalog = entry.second;
    if (entry.first == own) continue;
    for (const auto& provision : catalog->provisions) {
      const bool cited = std::any_of(refs.begin(), refs.end(), [&](const auto& list) {
        return std::any_of(list.begin(), list.end(), [&](const TreatyReference& r) {
          return r.instrument == catalog->instrument && r.article == provision.article &&
                 r.paragraph == provision.paragraph;
        });
      });
      if (cited)
        entries.push_back({catalog.get(), &provision, covering(catalog->instrument, provision), false});
    }
  }
  return entries;
}

const char* questionStateKey(QuestionState state) {
  switch (state) {
    case QuestionState::Answered:
      return "answered";
    case QuestionState::Unanswered:
      return "unanswered";
    case QuestionState::NotAvailable:
      return "not_available";
    case QuestionState::NotApplicable:
      return "not_applicable";
    case QuestionState::NotAsked:
      return "not_asked";
  }
  return "unanswered";
}

std::string questionStateLabel(QuestionState state, const std::string& language) {
  static const char* const kLabels[3][5] = {
      {"answered", "unanswered", "information not available", "not applicable", "not asked"},
      {"répondu", "sans réponse", "information non disponible", "sans objet", "non posée"},
      {"respondida", "sin respuesta", "información no disponible", "no procede", "no formulada"},
  };
  const int row = language == "fr" ? 1 : language == "es" ? 2 : 0;
  return kLabels[row][static_cast<int>(state)];
}

QuestionState questionState(const Question& question, const std::map<std::string, std::string>& answers,
                            const std::function<bool(const std::string&)>& relevant) {
  if (auto it = answers.find(withMark(question.id, "status")); it != answers.end()) {
    if (it->second == "not_available") return QuestionState::NotAvailable;
    if (it->second == "not_applicable") return QuestionState::NotApplicable;
  }
  if (auto it = answers.find(question.id); it != answers.end() && !it->second.empty())
    return QuestionState::Answered;
  // Parts (citation fields, table cells) and records of a repeat.
  for (auto it = answers.lower_bound(question.id + "/"); it != answers.end(); ++it) {
    if (it->first.compare(0, question.id.size() + 1, question.id + "/") != 0) break;
    if (!it->second.empty() && it->first.find('@') == std::string::npos) return QuestionState::Answered;
  }
  if (question.repeat >= 0) {
    const std::string tail = "]/" + question.id;
    for (const auto& [path, value] : answers)
      if (!value.empty() && path.find(tail) != std::string::npos && path.find('@') == std::string::npos)
        return QuestionState::Answered;
  }
  if (relevant && !relevant(question.id)) return QuestionState::NotAsked;
  return QuestionState::Unanswered;
}

}  // namespace focal
