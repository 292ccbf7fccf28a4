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

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned int cp = 0;
    if ((c & 0xE0) == 0xC0)
      len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0)
      len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0)
      len = 4, cp = c & 0x07;
    else
      return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
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
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::Mapping);
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

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
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
        diagnostics.error(
            0, 0, "the file holds more than one YAML document ('---'); keep one questionnaire per file");
    }
  } catch (const YAML::Exception& e) {
    std::string message = e.msg;
    if (!message.empty())
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    diagnostics.error(e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + message);
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
