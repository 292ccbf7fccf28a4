// Text for HTML: the five characters with a meaning in markup or in quoted
// attributes become entities, and NUL is dropped. Every text of the
// national report's and the analysis' HTML goes through it.
#pragma once

#include <string>
#include <string_view>

namespace focal {

inline std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
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
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace focal
