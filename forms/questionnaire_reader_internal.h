// Internal to the reader (questionnaire_reader*.cpp): the Reader class that
// turns the YAML tree into a Questionnaire, and the small helpers its parts
// share. questionnaire_reader.cpp: the top level, texts, keys and languages;
// questionnaire_reader_questions.cpp: sections, questions and their common
// keys; questionnaire_reader_types.cpp: the keys of each question type.
#pragma once

#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

#include "forms/author_hints.h"
#include "forms/label_text.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_loader.h"
#include "forms/questionnaire_reader.h"
#include "forms/reference_years.h"
#include "forms/source_map.h"

namespace focal::detail {

inline const std::vector<std::string> kTopKeys = {
    "focal",          "id",           "title",    "instrument",      "cycle",          "version", "languages",
    "previous_cycle", "choice_lists", "sections", "reference_years", "confirm_carried"};
inline const std::vector<std::string> kSectionKeys = {"id",       "title",     "intro",    "references",
                                                      "relevant", "questions", "sections", "number"};
inline const std::vector<std::string> kReferenceKeys = {"instrument", "article", "paragraph", "text"};
inline const std::vector<std::string> kChoiceKeys = {"value", "label"};
inline const std::vector<std::string> kAxisKeys = {"id", "label", "in_total"};
inline const std::vector<std::string> kKnownTags = {"gating", "technical_assistance", "successful_practice"};

// Every key some question allows: a key of another kind is "does not apply".
inline std::vector<std::string> allQuestionKeys() {
  std::set<std::string> keys(commonQuestionKeys().begin(), commonQuestionKeys().end());
  for (const auto& kind : questionKinds()) keys.insert(kind.keys.begin(), kind.keys.end());
  return {keys.begin(), keys.end()};
}

// A numeric choice code, as statisticians and CSPro write them: 1 to 9 digits.
inline bool isNumericCode(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

inline bool isIdentifier(const std::string& s) {
  if (s.empty() || s.size() > limits::kMaxIdLength) return false;
  if (!(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  // Stay within ASCII: isalnum under some locales accepts more.
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

inline bool isQuestionnaireId(const std::string& s) {
  if (s.empty() || s.size() > limits::kMaxIdLength) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

inline const char* kindName(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "nothing";
    case YamlNode::Kind::Scalar:
      return "a single value";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Mapping:
      return "a mapping";
  }
  return "?";
}

class Reader {
 public:
  Reader(Questionnaire& q, Diagnostics& d, TranslationCoverage& c, bool lenient)
      : q_(q), diag_(d), coverage_(c), lenient_(lenient) {}

  void read(const YamlNode& root);

 private:
  // ---- scalar helpers -------------------------------------------------

  void error(const YamlNode& at, std::string message) { diag_.error(at.line, at.column, std::move(message)); }

  const YamlNode* required(const YamlNode& map, const char* key, const std::string& what);

  std::optional<std::string> scalar(const YamlNode& node, const std::string& key);

  std::optional<bool> boolean(const YamlNode& node, const std::string& key);

  std::optional<double> number(const YamlNode& node, const std::string& key);

  std::optional<long long> whole(const YamlNode& node, const std::string& key, long long min, long long max);

  LocalizedText text(const YamlNode& node, const std::string& key);

  // {year_first}, {year_last} and {reference_years} in a text, replaced by
  // the reference years (forms/reference_years.h).
  std::string withYears(const std::string& key, const std::string& value, const YamlNode& node,
                        const std::string& language);

  // ${id} in a label or help text is checked once every id is known.
  struct TextWithReferences {
    std::string key, text;
    SourcePosition start;
  };
  void noteReferences(const std::string& key, const std::string& value, const YamlNode& node);

  void checkTextReferences();

  std::optional<CompiledExpression> expression(const YamlNode& node, const std::string& key);

  std::string identifier(const YamlNode& node, const std::string& what);

  void checkKeys(const YamlNode& map, const std::vector<std::string>& allowed,
                 const std::vector<std::string>& elsewhere, const std::string& what);

  bool languageDeclared(const std::string& language) const;
  std::string defaultLanguage() const { return q_.info.languages.empty() ? "en" : q_.info.languages.front(); }
  std::string languageList() const;

  // ---- header -------------------------------------------------------------

  void readHeader(const YamlNode& root);

  // confirm_carried: required | optional
  std::optional<bool> confirmCarried(const YamlNode& node);

  static std::optional<Instrument> instrument(const std::string& s);

  void readLanguages(const YamlNode& node);

  // The mark of {code: partial}: whether it is 'partial' (anything else is reported).
  bool partialMark(const YamlEntry& entry);

  // ---- choice lists -------------------------------------------------------

  void readChoiceLists(const YamlNode& node);

  std::vector<Choice> readChoices(const YamlNode& node, const std::string& what);

  // ---- references ------------------------------------------------------------

  std::vector<TreatyReference> readReferences(const YamlNode& node);

  // ---- sections ------------------------------------------------------------

  void readSection(const YamlNode& node, int parent, int depth);

  // ---- questions ------------------------------------------------------------

  int readQuestion(const YamlNode& node, int section, int repeat);

  // carry_forward_map: {old_value: new_value, ...}. The old values are
  // checked against the previous cycle's questionnaire by the loader.
  void readCarryForwardMap(const YamlNode& node, Question& question);

  void readAlsoAskedIn(const YamlNode& node, Question& question);

  void readTags(const YamlNode& node, Question& question);

  void readTypeKeys(const YamlNode& node, Question& question);

  // `number: "1.2 (a)"`: shown instead of the position; unique among the
  // questions (or the sections), short, on one line.
  std::string displayNumber(const YamlNode& node, const std::string& what, std::map<std::string, int>& seen);

  // min_selected and max_selected of a multiple choice: whole numbers, at
  // most the number of choices, the minimum not above the maximum.
  void readSelectionBounds(const YamlNode& node, Question& question);

  // `summary: sum|distribution` and `special_values: {99: life imprisonment}`.
  void readSummary(const YamlNode& node, Question& question);

  std::string dateBound(const YamlNode& node, const std::string& key);

  void readTable(const YamlNode& node, Question& question);

  void readRepeatChildren(const YamlNode& node, int repeatIndex);

  Questionnaire& q_;
  Diagnostics& diag_;
  TranslationCoverage& coverage_;
  bool lenient_ = false;
  std::map<std::string, std::vector<Choice>> choiceLists_;
  std::map<std::string, int> choiceListLines_;
  std::unordered_map<std::string, int> sectionIds_, questionIds_;
  std::map<std::string, int> questionNumbers_,
      sectionNumbers_;  // `number` values, by the line of their first use
  std::vector<TextWithReferences> textsWithReferences_;
};

}  // namespace focal::detail
