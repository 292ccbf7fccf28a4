// What the analysis reads from the consolidated store: for one
// questionnaire, the current reply of each State with only the answers of
// relevant questions; the replies to the previous cycle's questionnaire,
// for the comparison across cycles; and how many States replied to every
// questionnaire held. Kept apart from the store so that tests can build
// replies by hand.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/secretariat/analysis_groups.h"
#include "export/secretariat/analysis_parties.h"
#include "export/secretariat/consolidated_store.h"
#include "forms/questionnaire.h"

namespace focal {

struct StateReply {
  std::string state;  // ISO 3166-1 alpha-3
  std::string language, status, exportedAt, fingerprint;
  std::vector<std::pair<std::string, std::string>>
      answers;  // relevant answers only, ordered by path (bytewise)

  // The answer at `path`, or null.
  const std::string* find(std::string_view path) const;
  // The answers of one question: its value, parts (`id/...`) and status
  // mark (`id@status`), but not its comment.
  std::vector<std::pair<std::string, std::string>> questionAnswers(const std::string& id) const;
};

struct QuestionnaireReplies {
  std::shared_ptr<const Questionnaire> questionnaire;
  std::vector<StateReply> replies;  // one per State, ordered by code
};

// The number of States with a current reply, for each questionnaire held.
struct QuestionnaireCount {
  std::string questionnaireId, title;
  std::string instrument;
  int cycle = 1;
  std::vector<std::string> states;
};

struct AnalysisInput {
  QuestionnaireReplies current;
  std::optional<QuestionnaireReplies> previous;  // the previous cycle, when its replies are held
  std::vector<QuestionnaireCount> questionnaires;
  RegionalGroups groups;
  InstrumentParties parties;  // the denominators of the response rates; empty when no list is known
  std::string language;       // of labels and names; "" for the questionnaire's default
  std::string source;         // the store's file name, for the report's cover
};

// Reads the current replies to `questionnaireId` (and its previous cycle)
// from the store. The newest version of the questionnaire that any current
// reply uses gives the labels; answers to questions it no longer has are
// left out. The list of States parties is the shipped one, when found
// (replace `parties` to use another). Throws StoreError when the
// questionnaire has no replies.
AnalysisInput loadAnalysisInput(ConsolidatedStore& store, const std::string& questionnaireId,
                                RegionalGroups groups, const std::string& language = {});

}  // namespace focal
