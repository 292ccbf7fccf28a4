// Loading a questionnaire kept in a workspace, a report or the consolidated
// store. It was accepted when the response started, so the checks Focal has
// gained since (a value in quotes must be one of the choices it is compared
// with; ${id} in a label must name a question) do not refuse it: the reply
// stays readable. Authors' files go through loadQuestionnaireFile, which
// applies them all.
//
// loadStoredQuestionnaire is the one way every reader takes: the text is
// checked against the SHA-256 kept beside it, loaded, and shared through a
// process-wide cache keyed by that fingerprint, so that a workspace, its
// reports and 190 States' replies to one questionnaire parse it once.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "forms/questionnaire_loader.h"

namespace focal {

LoadResult loadStoredQuestionnaireText(std::string text, const std::string& sourceName);

// Why a kept questionnaire cannot be used; what() is a sentence for the log,
// callers say what to do in their own words.
class StoredQuestionnaireError : public std::runtime_error {
 public:
  enum class Kind {
    Altered,     // the text does not match its SHA-256: the file is damaged
    Unreadable,  // the text does not load: a newer Focal wrote it
  };
  StoredQuestionnaireError(Kind kind, std::string firstError);
  Kind kind() const { return kind_; }
  // The first error the loader gave ("tip.yaml:12:3: ..."), for Unreadable.
  const std::string& firstError() const { return firstError_; }

 private:
  Kind kind_;
  std::string firstError_;
};

// The questionnaire whose text is `text` and whose fingerprint is `sha256`
// (lower-case hex; checked, and the key of the cache). `sourceName` names it
// in the loader's messages. Throws StoredQuestionnaireError.
std::shared_ptr<const Questionnaire> loadStoredQuestionnaire(const std::string& text,
                                                             const std::string& sha256,
                                                             const std::string& sourceName);

}  // namespace focal
