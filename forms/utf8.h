// UTF-8, one rule for every reader and writer of text: what is valid (no
// overlong forms, no surrogates, nothing past U+10FFFF), how many characters
// a text holds, and how long the sequence that a lead byte opens is. The
// YAML reader, the answer text rule, the expressions and the report files
// all ask here.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace focal {

// The position of the first byte that is not part of a valid character.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// Valid UTF-8 with no NUL: what a report's text fields must be.
inline bool isValidUtf8(std::string_view text) {
  return text.find('\0') == std::string_view::npos && !firstInvalidUtf8(text);
}

// The bytes of the sequence that `lead` opens (1 to 4), or 0 where `lead`
// cannot open one (a continuation byte, 0xF8 and above).
inline std::size_t utf8SequenceLength(unsigned char lead) {
  return lead < 0x80             ? 1
         : (lead & 0xE0) == 0xC0 ? 2
         : (lead & 0xF0) == 0xE0 ? 3
         : (lead & 0xF8) == 0xF0 ? 4
                                 : 0;
}

inline bool isUtf8Continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// The characters (code points) of valid UTF-8 text.
std::size_t utf8Length(std::string_view text);

}  // namespace focal
