#include "forms/yaml_text_edit.h"

#include <algorithm>
#include <cstdio>

namespace focal::yamledit {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }

// The offset of the start of the line after the one holding `offset`, or npos.
std::size_t nextLineStart(std::string_view text, std::size_t offset) {
  std::size_t nl = text.find('\n', offset);
  return nl == std::string_view::npos ? std::string_view::npos : nl + 1;
}

// Leading spaces of the line starting at `start`, and whether it is blank.
int indentOf(std::string_view text, std::size_t start, bool& blank) {
  std::size_t i = start;
  while (i < text.size() && text[i] == ' ') ++i;
  blank = i >= text.size() || isBreak(text[i]) || (text[i] == '\t' && [&] {
            std::size_t j = i;
            while (j < text.size() && isBlank(text[j])) ++j;
            return j >= text.size() || isBreak(text[j]);
          }());
  return static_cast<int>(i - start);
}

std::size_t trimBack(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && (isBlank(text[end - 1]) || isBreak(text[end - 1]))) --end;
  return end;
}

std::size_t quotedEnd(std::string_view text, std::size_t begin) {
  const char quote = text[begin];
  for (std::size_t i = begin + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return text.size();
}

std::size_t blockEnd(std::string_view text, std::size_t begin, int keyColumn) {
  std::size_t end = lineEnd(text, begin);
  int contentIndent = -1;
  for (std::size_t line = nextLineStart(text, begin); line != std::string_view::npos && line < text.size();
       line = nextLineStart(text, line)) {
    bool blank = false;
    int indent = indentOf(text, line, blank);
    if (blank) continue;
    if (contentIndent < 0) {
      if (indent < keyColumn) break;  // not more indented than the key: no content
      contentIndent = indent;
    }
    if (indent < contentIndent) break;
    end = lineEnd(text, line);
  }
  return end;
}

std::size_t plainEnd(std::string_view text, std::size_t begin, bool flow, int keyColumn) {
  std::size_t i = begin;
  std::size_t end = begin;
  while (i < text.size()) {
    char c = text[i];
    if (isBreak(c)) {
      if (flow) {
        ++i;
        continue;
      }
      // A continuation line: more indented than the key, not a comment.
      std::size_t line = nextLineStart(text, i);
      if (line == std::string_view::npos || line >= text.size()) break;
      bool blank = false;
      int indent = indentOf(text, line, blank);
      if (blank) {
        i = line;
        continue;
      }
      if (indent < keyColumn || text[line + indent] == '#') break;
      i = line + indent;
      continue;
    }
    // A comment ends a plain scalar.
    if (c == '#' && i > begin && (isBlank(text[i - 1]) || isBreak(text[i - 1]))) break;
    if (c == ':' && (i + 1 >= text.size() || isBlank(text[i + 1]) || isBreak(text[i + 1]) ||
                     (flow && std::string_view(",[]{}").find(text[i + 1]) != std::string_view::npos)))
      break;
    if (flow && std::string_view(",[]{}").find(c) != std::string_view::npos) break;
    if (!isBlank(c)) end = i + 1;
    ++i;
  }
  return end;
}

}  // namespace

std::optional<std::size_t> offsetOf(std::string_view text, int line, int column) {
  if (line < 1 || column < 1) return std::nullopt;
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = nextLineStart(text, start);
    if (start == std::string_view::npos) return std::nullopt;
  }
  std::size_t offset = start + static_cast<std::size_t>(column - 1);
  if (offset > text.size() || offset > lineEnd(text, start)) return std::nullopt;
  return offset;
}

std::size_t lineEnd(std::string_view text, std::size_t offset) {
  std::size_t nl = text.find('\n', offset);
  if (nl == std::string_view::npos) return text.size();
  return nl > offset && text[nl - 1] == '\r' ? nl - 1 : nl;
}

std::size_t scalarEnd(std::string_view text, std::size_t begin, bool flow, int keyColumn) {
  if (begin >= text.size()) return begin;
  const char c = text[begin];
  if (c == '"' || c == '\'') return quotedEnd(text, begin);
  if (!flow && (c == '|' || c == '>')) return trimBack(text, begin, blockEnd(text, begin, keyColumn));
  return plainEnd(text, begin, flow, keyColumn);
}

std::string doubleQuoted(std::string_view value) {
  std::string out = "\"";
  for (unsigned char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string newlineOf(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::optional<std::string> applyEdits(std::string_view text, std::vector<TextEdit> edits) {
  // From the end backwards, so earlier offsets stay valid; at one offset an
  // insertion goes after a replacement that ends there.
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
  });
  std::string out(text);
  std::size_t limit = text.size();
  for (const auto& e : edits) {
    if (e.end < e.begin || e.end > limit) return std::nullopt;
    out.replace(e.begin, e.end - e.begin, e.text);
    limit = e.begin;
  }
  return out;
}

}  // namespace focal::yamledit
