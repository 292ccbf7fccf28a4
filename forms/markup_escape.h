// Text for markup, one rule for HTML and XML: the five characters with a
// meaning in markup or in quoted attributes become entities and NUL is
// dropped. For HTML (the national report's and the analysis' pages, the
// codebook), bidi controls are shown as "[U+202E]" rather than obeyed
// (bidi_controls.h): a reader must see the text as it was written. For XML
// (the translators' XLIFF files), they are kept, since a translation may
// need them, and a carriage return is written as "&#13;" so that it
// survives a parser's line-end normalisation.
#pragma once

#include <string>
#include <string_view>

#include "forms/bidi_controls.h"

namespace focal {

enum class Markup { Html, Xml };

inline std::string escapeMarkup(std::string_view text, Markup markup) {
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
        out += markup == Markup::Html ? "&#39;" : "&apos;";
        break;
      case '\0':
        break;
      case '\r':
        out += markup == Markup::Xml ? "&#13;" : "\r";
        break;
      case '\xE2':
        if (markup == Markup::Html && bidiControlAt(text, i)) {
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

inline std::string htmlEscape(std::string_view text) { return escapeMarkup(text, Markup::Html); }

}  // namespace focal
