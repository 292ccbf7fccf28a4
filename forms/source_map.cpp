#include "forms/source_map.h"

#include <algorithm>

#include "forms/utf8.h"

namespace focal {

namespace {

bool continuation(char c) { return isUtf8Continuation(c); }

// The byte offset of a 1-based line and a yaml-cpp column (in bytes).
std::size_t offsetOf(std::string_view source, SourcePosition at) {
  std::size_t offset = 0;
  for (int line = 1; line < at.line; ++line) {
    const std::size_t end = source.find('\n', offset);
    if (end == std::string_view::npos) return source.size();
    offset = end + 1;
  }
  offset += static_cast<std::size_t>(at.column > 0 ? at.column - 1 : 0);
  return offset < source.size() ? offset : source.size();
}

SourcePosition positionOfOffset(std::string_view source, std::size_t offset) {
  SourcePosition position{1, 1};
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!continuation(source[i])) {
      ++position.column;
    }
  }
  return position;
}

}  // namespace

std::size_t byteOffsetOfColumn(std::string_view text, std::size_t column) {
  std::size_t characters = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (continuation(text[i])) continue;
    if (characters == column) return i;
    ++characters;
  }
  return text.size();
}

SourcePosition positionInScalar(std::string_view source, SourcePosition start, std::string_view value,
                                std::size_t offset) {
  if (start.line <= 0 || source.empty()) return start;
  std::size_t p = offsetOf(source, start);
  if (p < source.size() && (source[p] == '"' || source[p] == '\'')) {
    ++p;
  } else if (p < source.size() && (source[p] == '|' || source[p] == '>')) {
    const std::size_t end = source.find('\n', p);
    p = end == std::string_view::npos ? source.size() : end + 1;
  }
  // Each character of the value is the next equal character of the text;
  // what lies between (escapes, indentation, quotes) is skipped. A search is
  // kept short so that a character the text does not hold (an escape such
  // as \t) cannot carry the position far away.
  constexpr std::size_t kWindow = 80;
  std::size_t found = p;
  for (std::size_t i = 0; i <= offset && i < value.size(); ++i) {
    const std::size_t limit = std::min(source.size(), p + kWindow);
    std::size_t j = p;
    while (j < limit && source[j] != value[i]) ++j;
    if (j == limit) continue;  // not followed: keep the last known place
    found = j;
    p = j + 1;
  }
  return positionOfOffset(source, found);
}

}  // namespace focal
