#include "forms/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace focal {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.kind == Kind::Scalar && k.scalar == key) return &v;
  return nullptr;
}

namespace {

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Diagnostics& diagnostics, int maxDepth) : diagnostics_(diagnostics), maxDepth_(maxDepth) {}

  std::optional<YamlNode> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    checkAnchor(mark, anchor);
    YamlNode node;
    setMark(node, mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "YAML aliases (*name) are not allowed in a questionnaire; write the value out in full");
    add(YamlNode{});
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    checkAnchor(mark, anchor);
    checkTag(mark, tag);
    YamlNode node;
    node.kind = YamlNode::Kind::Scalar;
    node.quoted = tag == "!";
    node.scalar = value;
    setMark(node, mark);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, YamlNode::Kind::Sequence, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, YamlNode::Kind::Mapping, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { close(); }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(mark,
          "YAML anchors (&" + name + ") are not allowed in a questionnaire; write the value out in full");
    anchorReported_ = true;
  }

 private:
  struct Open {
    YamlNode node;
    std::optional<YamlNode> pendingKey;  // mappings: a key waiting for its value
  };

  static void setMark(YamlNode& node, const YAML::Mark& mark) {
    node.line = mark.line + 1;
    node.column = mark.column + 1;
  }

  void error(const YAML::Mark& mark, std::string message) {
    diagnostics_.error(mark.line + 1, mark.column + 1, std::move(message));
  }

  void checkAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor && !anchorReported_)
      error(mark, "YAML anchors (&name) are not allowed in a questionnaire; write the value out in full");
    anchorReported_ = false;
  }

  void checkTag(const YAML::Mark& mark, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!")
      error(mark, "YAML tags (" + tag + ") are not allowed in a questionnaire; remove the tag");
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind,
            bool flow) {
    checkAnchor(mark, anchor);
    checkTag(mark, tag);
    if (skipped_ > 0 || static_cast<int>(stack_.size()) >= maxDepth_) {
      if (skipped_ == 0)
        error(mark, "the file is nested more than " + std::to_string(maxDepth_) +
                        " levels deep; flatten the structure");
      ++skipped_;
      return;
    }
    Open entry;
    entry.node.kind = kind;
    entry.node.flow = flow;
    setMark(entry.node, mark);
    stack_.push_back(std::move(entry));
  }

  void close() {
    if (skipped_ > 0) {
      --skipped_;
      return;
    }
    if (stack_.empty()) return;
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    if (node.kind == YamlNode::Kind::Mapping) checkKeys(node);
    add(std::move(node));
  }

  void checkKeys(const YamlNode& map) {
    std::set<std::string> seen;
    for (const auto& [key, value] : map.entries) {
      if (key.kind != YamlNode::Kind::Scalar) {
        diagnostics_.error(key.line, key.column, "a key must be a plain word, not a list or a mapping");
        continue;
      }
      if (!seen.insert(key.scalar).second) {
        int firstLine = 0;
        for (const auto& [k, v] : map.entries)
          if (k.kind == YamlNode::Kind::Scalar && k.scalar == key.scalar) {
            firstLine = k.line;
            break;
          }
        diagnostics_.error(key.line, key.column,
                           "duplicate key '" + key.scalar + "' (first given on line " +
                               std::to_string(firstLine) + "); keep only one");
      }
    }
  }

  void add(YamlNode node) {
    if (skipped_ > 0) return;
    if (stack_.empty()) {
      if (!root) root = std::move(node);
      return;
    }
    Open& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::Sequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.pendingKey) {
      top.pendingKey = std::move(node);
    } else {
      top.node.entries.push_back({std::move(*top.pendingKey), std::move(node)});
      top.pendingKey.reset();
    }
  }

  Diagnostics& diagnostics_;
  int maxDepth_;
  int skipped_ = 0;
  bool anchorReported_ = false;
  std::vector<Open> stack_;
};

std::pair<int, int> lineAndColumn(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// The lines of `text`, without their line breaks.
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// The first line of block YAML, up to `lastLine`, whose indentation lines
// up with nothing it can belong to: deeper than the line above allows, or
// between two levels, or a key at the level of a list's '- ' items. Returns
// 0 when every line fits, with `why` saying what is off otherwise.
int misindentedLine(std::string_view text, int lastLine, std::string& why) {
  struct Level {
    std::size_t indent;
    bool items;  // a list of '- ' items, not keys
  };
  std::vector<Level> levels;
  const std::vector<std::string_view> lines = splitLines(text);
  std::size_t blockIndent = std::string_view::npos;  // inside a | or > block scalar deeper than this
  bool previousOpens = false;                        // the line above ends with ':' (a block follows)
  bool previousItem = false;
  std::size_t previousIndent = 0;
  int flowDepth = 0;
  for (int number = 1; number <= lastLine && number <= static_cast<int>(lines.size()); ++number) {
    const std::string_view line = lines[number - 1];
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] == '#') continue;
    if (blockIndent != std::string_view::npos) {
      if (indent > blockIndent) continue;
      blockIndent = std::string_view::npos;
    }
    std::string_view content = line.substr(indent);
    if (const std::size_t comment = content.find(" #"); comment != std::string_view::npos)
      content = content.substr(0, comment);
    while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
    if (content == "---" || content == "...") continue;
    const bool inFlow = flowDepth > 0;
    for (char c : content) {
      if (c == '{' || c == '[') ++flowDepth;
      if ((c == '}' || c == ']') && flowDepth > 0) --flowDepth;
    }
    if (inFlow) continue;
    const bool item = content.size() >= 2 && content[0] == '-' && content[1] == ' ';
    const bool key =
        !item && content.find(": ") != std::string_view::npos && content[0] != '"' && content[0] != '\'';
    const bool keyOnly = !item && !content.empty() && content.back() == ':';
    // Only a line near where the reader stopped is blamed: farther up, an
    // odd line is more likely a long text this rough reading misjudges.
    const bool near = number + 5 >= lastLine;
    const auto report = [&](std::string message) {
      why = std::move(message);
      return number;
    };
    if (levels.empty()) {
      levels.push_back({indent, item});
    } else if (indent > levels.back().indent) {
      if (previousOpens) {
        levels.push_back({indent, item});
      } else if (previousItem && indent == previousIndent + 2) {
        // the keys of the item above
      } else if (key || keyOnly || item) {
        if (near)
          return report("it is indented by " + std::to_string(indent) +
                        " spaces, deeper than the line above (" + std::to_string(previousIndent) +
                        ") allows");
        continue;
      } else {
        continue;  // the next line of a long plain text
      }
    } else {
      while (!levels.empty() && levels.back().indent > indent) levels.pop_back();
      if (levels.empty() || levels.back().indent != indent) {
        if (near)
          return report("it is indented by " + std::to_string(indent) +
                        " spaces, which lines up with no line above it (the line above has " +
                        std::to_string(previousIndent) + ")");
        continue;
      }
      if (levels.back().items && (key || keyOnly)) {
        if (near)
          return report("it is a key indented by " + std::to_string(indent) +
                        " spaces, level with the '- ' items of a list, so it belongs to none of them");
        continue;
      }
    }
    if (item) {
      // "- id: q1": the item's own keys are 2 further in.
      if (content.find(": ") != std::string_view::npos || content.back() == ':') {
        if (levels.back().indent == indent) levels.back().items = true;
        levels.push_back({indent + 2, false});
      }
    }
    const bool blockScalar = content.size() >= 1 &&
                             (content.back() == '|' || content.back() == '>' ||
                              (content.size() >= 2 && (content.ends_with("|-") || content.ends_with(">-") ||
                                                       content.ends_with("|+") || content.ends_with(">+"))));
    if (blockScalar) blockIndent = item ? indent + 2 : indent;
    previousOpens = keyOnly || (item && content.back() == ':');
    previousItem = item;
    previousIndent = indent;
  }
  return 0;
}

// The 1-based line on which a second YAML document starts ('---' after
// content), or 0.
int secondDocumentLine(std::string_view text) {
  bool content = false;
  int number = 0;
  for (std::string_view line : splitLines(text)) {
    ++number;
    const bool marker = line == "---" || line.starts_with("--- ") || line == "...";
    if (marker && content) return number;
    const std::size_t first = line.find_first_not_of(' ');
    if (!marker && first != std::string_view::npos && line[first] != '#') content = true;
  }
  return 0;
}

// A plain text in {...} that holds a comma, '?' or ':' ends there or
// breaks the line: say that it needs quotes.
bool flowMappingProblem(std::string_view text, int line, const std::string& message) {
  const std::vector<std::string_view> lines = splitLines(text);
  if (line < 1 || line > static_cast<int>(lines.size())) return false;
  const std::string_view l = lines[line - 1];
  return l.find('{') != std::string_view::npos &&
         (message.find("flow") != std::string::npos || message.find("unknown token") != std::string::npos);
}
}  // namespace

std::optional<YamlNode> parseYaml(std::string_view text, Diagnostics& diagnostics, const YamlLimits& limits) {
  if (text.size() > limits.maxBytes) {
    diagnostics.error(0, 0,
                      "the file is " + std::to_string(text.size()) + " bytes, more than the " +
                          std::to_string(limits.maxBytes) +
                          " a questionnaire may have; split it or remove content");
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diagnostics.error(0, 0, "the file is empty; a questionnaire starts with 'focal: 1' and an 'id'");
    return std::nullopt;
  }
  if (auto bad = firstInvalidUtf8(text)) {
    auto [line, column] = lineAndColumn(text, *bad);
    diagnostics.error(line, column, "the file is not valid UTF-8 here; save it as UTF-8 in your editor");
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    auto [line, column] = lineAndColumn(text, text.find('\0'));
    diagnostics.error(line, column, "the file contains a NUL byte; it is not a text file");
    return std::nullopt;
  }

  const std::size_t errorsBefore = diagnostics.errorCount();
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(diagnostics, limits.maxDepth);
  try {
    YAML::Parser parser(stream);
    // One document only: a single call is bounded, a loop over documents is not (yaml-cpp#1040).
    if (parser.HandleNextDocument(builder) && builder.root && diagnostics.errorCount() == errorsBefore) {
      TreeBuilder second(diagnostics, limits.maxDepth);
      if (parser.HandleNextDocument(second))
        diagnostics.error(secondDocumentLine(text), 1,
                          "a second YAML document starts here ('---'); a file holds one questionnaire: "
                          "remove this line, or move what follows to a file of its own");
    }
  } catch (const YAML::Exception& e) {
    std::string message = e.msg;
    if (!message.empty())
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    const int line = e.mark.line + 1;
    std::string why;
    if (flowMappingProblem(text, line, message)) {
      diagnostics.error(line, e.mark.column + 1,
                        "YAML syntax error: " + message +
                            ": a text inside {...} that holds a comma, '?' or ':' must be in quotes, as in "
                            "{en: \"Is it so? If yes, cite the act.\"}");
    } else if (const int wrong = misindentedLine(text, line, why); wrong > 0) {
      const std::vector<std::string_view> lines = splitLines(text);
      const std::size_t indent = lines[wrong - 1].find_first_not_of(' ');
      diagnostics.error(wrong, static_cast<int>(indent) + 1,
                        "the indentation of this line is wrong: " + why +
                            "; line it up with the keys it belongs with (the YAML reader stopped at line " +
                            std::to_string(line) + ": " + message + ")");
    } else {
      diagnostics.error(line, e.mark.column + 1, "YAML syntax error: " + message);
    }
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics.error(0, 0, std::string("the YAML parser failed: ") + e.what());
    return std::nullopt;
  }
  if (diagnostics.errorCount() != errorsBefore || !builder.root) {
    if (!builder.root && diagnostics.errorCount() == errorsBefore)
      diagnostics.error(0, 0, "the file holds no YAML document");
    return std::nullopt;
  }
  return std::move(builder.root);
}

std::optional<YamlNode> readYamlFile(const std::string& path, std::string& text, Diagnostics& diagnostics,
                                     const YamlLimits& limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diagnostics.error(0, 0,
                      "cannot read the file: " + ec.message() + "; check the name and that you may read it");
    return std::nullopt;
  }
  if (size > limits.maxBytes) {
    diagnostics.error(0, 0,
                      "the file is " + std::to_string(size) + " bytes, more than the " +
                          std::to_string(limits.maxBytes) +
                          " a questionnaire may have; split it or remove content");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(0, 0, "cannot open the file; check the name and that you may read it");
    return std::nullopt;
  }
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return parseYaml(text, diagnostics, limits);
}

}  // namespace focal
