#include "export/formula_guard.h"

namespace focal {

bool looksLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string neutralizeFormula(std::string_view text) {
  if (!looksLikeFormula(text)) return std::string(text);
  return "'" + std::string(text);
}

}  // namespace focal
