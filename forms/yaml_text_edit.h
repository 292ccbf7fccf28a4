// Editing a YAML file's text in place: finding where a scalar ends from the
// line and column at which it starts (the positions yaml_tree.h keeps), and
// splicing replacement or inserted text, so that every byte not edited
// (comments, order, quoting, blank lines) stays as the author wrote it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace focal::yamledit {

// The byte offset of a 1-based line and (byte) column, if inside the text.
std::optional<std::size_t> offsetOf(std::string_view text, int line, int column);

// The offset just after the scalar that starts at `begin`: a quoted, block
// (| or >) or plain scalar. `flow` tells whether it sits inside [ ] or { };
// `keyColumn` is the 1-based column of the key it is the value of (a plain
// or block scalar continues on lines indented more than that key).
std::size_t scalarEnd(std::string_view text, std::size_t begin, bool flow, int keyColumn);

// The offset of the end of the line holding `offset` (its '\n' or '\r\n', or the text's end).
std::size_t lineEnd(std::string_view text, std::size_t offset);

// `value` as a YAML double-quoted scalar, valid in block and flow context.
std::string doubleQuoted(std::string_view value);

// "\r\n" when the text uses it, else "\n".
std::string newlineOf(std::string_view text);

// Replaces [begin, end) by `text`; an insertion has begin == end.
struct TextEdit {
  std::size_t begin = 0, end = 0;
  std::string text;
};

// Applies edits that do not overlap; returns nullopt when two overlap.
std::optional<std::string> applyEdits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace focal::yamledit
