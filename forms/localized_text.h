// A text given in several languages, with fallback to the questionnaire's
// default language when a translation is missing.
#pragma once

#include <map>
#include <string>

namespace focal {

class LocalizedText {
 public:
  LocalizedText() = default;
  explicit LocalizedText(std::string defaultText) { byLanguage_[""] = std::move(defaultText); }

  void set(const std::string& language, std::string text) { byLanguage_[language] = std::move(text); }
  bool has(const std::string& language) const { return byLanguage_.count(language) > 0; }
  bool empty() const { return byLanguage_.empty(); }
  const std::map<std::string, std::string>& all() const { return byLanguage_; }

  // The text in `language`, else in `fallback`, else the first one given.
  const std::string& get(const std::string& language, const std::string& fallback = {}) const;

 private:
  std::map<std::string, std::string> byLanguage_;
};

}  // namespace focal
