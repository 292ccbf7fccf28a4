// The secretariat's reference files (regional groups, States parties): read
// whole, parsed with Focal's bounded YAML reader, and every problem thrown
// as "FILE:LINE:COLUMN: message" so the message names where to look.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "forms/yaml_tree.h"

namespace focal::reference {

[[noreturn]] inline void fail(const std::string& source, const YamlNode* node, const std::string& message) {
  std::string where = source;
  // Appended piece by piece: `":" + std::to_string(n)` makes g++ 12 at -O3
  // warn falsely that the copy may overlap (-Wrestrict, GCC bug 105329).
  if (node && node->line > 0) {
    where += ':';
    where += std::to_string(node->line);
    where += ':';
    where += std::to_string(node->column);
  }
  throw std::runtime_error(where + ": " + message);
}

// The file's text; `unreadable` is said after the path when it cannot be read.
inline std::string readFile(const std::string& path, const std::string& unreadable) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": " + unreadable);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The file's root node, never empty: a file that is not YAML throws.
inline std::optional<YamlNode> parse(const std::string& text, const std::string& sourceName) {
  Diagnostics diagnostics(sourceName);
  auto root = parseYaml(text, diagnostics);
  if (!root)
    throw std::runtime_error(diagnostics.all().empty() ? "not a YAML file"
                                                       : diagnostics.all().front().format());
  return root;
}

}  // namespace focal::reference
