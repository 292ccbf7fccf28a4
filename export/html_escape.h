// Text for HTML: the five characters with a meaning in markup or in quoted
// attributes become entities, NUL is dropped, and bidi controls are shown
// as "[U+202E]" rather than obeyed (bidi_controls.h). Every text of the
// national report's and the analysis' HTML goes through it.
#pragma once

#include <string>
#include <string_view>

#include "export/bidi_controls.h"

namespace focal {

inline std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        break;
      case '\xE2':
        if (bidiControlAt(text, i)) {
          out += showBidiControls(text.substr(i, 3));
          i += 2;
          break;
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace focal
