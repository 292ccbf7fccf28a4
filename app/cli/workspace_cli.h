// Helpers shared by the workspace commands of focal-cli.
#pragma once

#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace focal::cli {

// --user, else $FOCAL_USER, else the login name.
inline std::string userName(const std::string& given) { return given.empty() ? currentUserName() : given; }

inline std::string joined(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

inline std::string canonicalPath(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// A value on one line, shortened for listings, made printable.
inline std::string shortValue(std::string value, std::size_t max = 60) {
  for (auto& c : value)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (value.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
      --cut;  // whole UTF-8 characters
    value = value.substr(0, cut) + "...";
  }
  return printable(value);
}

// Loads a questionnaire, printing its problems; null when it has errors.
inline std::shared_ptr<const Questionnaire> loadOrReport(const std::string& file) {
  LoadResult result = loadQuestionnaireFile(file);
  if (result.ok()) return result.questionnaire;
  for (const auto& d : result.diagnostics) std::cerr << printable(d.format()) << "\n";
  std::cerr << file << ": " << result.errorCount() << (result.errorCount() == 1 ? " error" : " errors")
            << "; nothing was changed. Correct the questionnaire (focal-cli validate " << file
            << ") and try again.\n";
  return nullptr;
}

inline void printWarnings(const Workspace& ws) {
  for (const auto& w : ws.warnings()) std::cerr << "focal-cli: warning: " << printable(w) << "\n";
}

// The response to work on: the one asked for, or the only one.
inline std::optional<ResponseId> chooseResponse(Workspace& ws, std::optional<ResponseId> requested) {
  auto all = ws.responses();
  if (requested) {
    for (const auto& r : all)
      if (r.id == *requested) return r.id;
  } else if (all.size() == 1) {
    return all.front().id;
  }
  if (all.empty()) {
    printError(ws.path() + " holds no response yet. Start one with: focal-cli new " + ws.path() +
               " --questionnaire FILE --state ISO3");
    return std::nullopt;
  }
  std::string list;
  for (const auto& r : all)
    list += "\n  " + std::to_string(r.id) + "  " + r.questionnaireId + " " + r.questionnaireVersion + "  " +
            r.state;
  printError(requested ? ws.path() + " has no response " + std::to_string(*requested) + "; it holds:" + list
                       : ws.path() + " holds " + std::to_string(all.size()) +
                             " responses; choose one with --response ID:" + list);
  return std::nullopt;
}

// Runs a command, turning the store's errors into messages and exit codes.
inline int guarded(const std::function<int()>& command) {
  try {
    return command();
  } catch (const WorkspaceError& e) {
    printError(e.what());
    switch (e.kind()) {
      case WorkspaceError::Kind::NotFound:
      case WorkspaceError::Kind::NotWorkspace:
      case WorkspaceError::Kind::TooNew:
      case WorkspaceError::Kind::Refused:
        return kInvalid;
      default:
        return kFailed;
    }
  }
}

}  // namespace focal::cli
