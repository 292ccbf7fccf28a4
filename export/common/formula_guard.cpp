#include "export/common/formula_guard.h"

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
  // Not `"'" + std::string(text)`: g++ 12 at -O3 warns falsely that the
  // copy may overlap (-Wrestrict, GCC bug 105329).
  std::string guarded(1, '\'');
  guarded += text;
  return guarded;
}

}  // namespace focal
