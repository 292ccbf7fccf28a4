// Loading a questionnaire: read the YAML safely (yaml_tree.h), check it
// against the format (docs/questionnaire-format.md), compile its expressions
// and build their dependency graph. Every problem is reported in one pass,
// each with its file, line and column.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/questionnaire.h"

namespace focal {

struct LoadResult {
  std::shared_ptr<const Questionnaire> questionnaire;  // null when there are errors
  std::vector<Diagnostic> diagnostics;                 // errors and warnings, in file order
  bool ok() const { return questionnaire != nullptr; }
  std::size_t errorCount() const;
  std::size_t warningCount() const;
};

struct LoadOptions {
  bool strict = false;  // warnings (such as missing translations) become errors
  // The previous cycle's questionnaire, against which carry_forward_from ids
  // and carry_forward_map values are checked (validate --previous). When
  // empty, <previous_cycle>.yaml beside the file is used if it exists.
  std::string previousPath = {};
};

LoadResult loadQuestionnaireFile(const std::string& path, const LoadOptions& options = {});
LoadResult loadQuestionnaireText(std::string text, const std::string& sourceName,
                                 const LoadOptions& options = {});

// Documented limits (docs/questionnaire-format.md, "Limits").
namespace limits {
inline constexpr std::size_t kMaxQuestions = 10000;
inline constexpr std::size_t kMaxChoices = 1000;
inline constexpr std::size_t kMaxTableRows = 200;
inline constexpr std::size_t kMaxTableColumns = 50;
inline constexpr std::size_t kMaxTextLength = 100000;
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr int kMaxSectionDepth = 8;
inline constexpr std::size_t kDefaultMaxRecords = 500;
inline constexpr std::size_t kDefaultTextLength = 2000;
inline constexpr std::uint64_t kDefaultAttachmentMb = 20;
inline constexpr std::uint64_t kMaxAttachmentMb = 100;
}  // namespace limits

}  // namespace focal
