#include "forms/stored_questionnaire.h"

#include <map>
#include <mutex>

#include "forms/digest.h"

namespace focal {

namespace {

// Parsed questionnaires by fingerprint, held weakly: one parse while anyone
// uses it, none kept once nobody does.
std::mutex gMutex;
std::map<std::string, std::weak_ptr<const Questionnaire>> gParsed;

}  // namespace

StoredQuestionnaireError::StoredQuestionnaireError(Kind kind, std::string firstError)
    : std::runtime_error(kind == Kind::Altered ? "the kept questionnaire does not match its SHA-256"
                                               : "the kept questionnaire does not load: " + firstError),
      kind_(kind),
      firstError_(std::move(firstError)) {}

std::shared_ptr<const Questionnaire> loadStoredQuestionnaire(const std::string& text,
                                                             const std::string& sha256,
                                                             const std::string& sourceName) {
  {
    std::lock_guard guard(gMutex);
    if (auto it = gParsed.find(sha256); it != gParsed.end())
      if (auto parsed = it->second.lock()) return parsed;
  }
  if (text.empty() || sha256Hex(text) != sha256)
    throw StoredQuestionnaireError(StoredQuestionnaireError::Kind::Altered, {});
  LoadResult loaded = loadStoredQuestionnaireText(text, sourceName);
  if (!loaded.ok()) {
    std::string first;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Diagnostic::Severity::Error) {
        first = d.format();
        break;
      }
    throw StoredQuestionnaireError(StoredQuestionnaireError::Kind::Unreadable, first);
  }
  std::lock_guard guard(gMutex);
  std::erase_if(gParsed, [](const auto& entry) { return entry.second.expired(); });
  gParsed[sha256] = loaded.questionnaire;
  return loaded.questionnaire;
}

}  // namespace focal
