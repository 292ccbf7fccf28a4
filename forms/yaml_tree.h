// A safe reader of YAML files that come from outside. It drives yaml-cpp's
// event parser for one document (never YAML::LoadAll, which loops forever on
// some 7-byte inputs in Debian's yaml-cpp 0.7.0, yaml-cpp#1040) and builds a
// plain tree of scalars, sequences and mappings in which every node keeps its
// line and column. It refuses, with a position: files over the size cap,
// empty files, invalid UTF-8, anchors and aliases (an alias can make a node
// contain itself), tags, nesting deeper than the cap, and duplicate keys.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/utf8.h"

namespace focal {

struct YamlEntry;

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  Kind kind = Kind::Null;
  int line = 0;         // 1-based
  int column = 0;       // 1-based
  bool quoted = false;  // a scalar written in quotes or as a block (| or >)
  bool flow = false;    // a mapping or sequence written in {...} or [...]
  std::string scalar;
  std::vector<YamlNode> items;     // Sequence
  std::vector<YamlEntry> entries;  // Mapping, in file order

  const YamlNode* find(std::string_view key) const;
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isMapping() const { return kind == Kind::Mapping; }
  bool isSequence() const { return kind == Kind::Sequence; }
};

struct YamlLimits {
  std::size_t maxBytes = 8 * 1024 * 1024;
  int maxDepth = 64;
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// Parses `text` (already read from `file`, which is used in messages). On
// failure returns nullopt and leaves errors in `diagnostics`.
std::optional<YamlNode> parseYaml(std::string_view text, Diagnostics& diagnostics,
                                  const YamlLimits& limits = {});

// Reads and parses a file, checking its size before reading it.
std::optional<YamlNode> readYamlFile(const std::string& path, std::string& text, Diagnostics& diagnostics,
                                     const YamlLimits& limits = {});

}  // namespace focal
