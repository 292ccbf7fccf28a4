#include "forms/localized_text.h"

namespace focal {

const std::string& LocalizedText::get(const std::string& language, const std::string& fallback) const {
  static const std::string kEmpty;
  if (auto it = byLanguage_.find(language); it != byLanguage_.end()) return it->second;
  if (auto it = byLanguage_.find(fallback); it != byLanguage_.end()) return it->second;
  if (auto it = byLanguage_.find(""); it != byLanguage_.end()) return it->second;
  return byLanguage_.empty() ? kEmpty : byLanguage_.begin()->second;
}

}  // namespace focal
