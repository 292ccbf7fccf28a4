// Bidirectional embedding, override and isolate controls (U+202A-202E,
// U+2066-2069) in a State's text can make it read otherwise than it was
// written ("Trojan Source"): an override reverses what follows it. Outputs
// that show a State's text to a reader (HTML, the workbooks) make each
// control visible as "[U+202E]" instead of obeying it.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace focal {

// The code point of the bidi control whose UTF-8 starts at `text[at]`, or 0.
inline unsigned bidiControlAt(std::string_view text, std::size_t at) {
  if (at + 2 >= text.size() || static_cast<unsigned char>(text[at]) != 0xE2) return 0;
  const auto b1 = static_cast<unsigned char>(text[at + 1]), b2 = static_cast<unsigned char>(text[at + 2]);
  const unsigned c = 0x2000u + ((b1 - 0x80u) << 6) + (b2 - 0x80u);
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? c : 0;
}

inline std::string showBidiControls(std::string_view text) {
  if (text.find('\xE2') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    if (const unsigned c = bidiControlAt(text, i)) {
      char visible[20];
      std::snprintf(visible, sizeof visible, "[U+%04X]", c);
      out += visible;
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace focal
