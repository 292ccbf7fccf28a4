// The translators' round trip: every translatable text of a questionnaire
// (titles, introductions, labels, help, messages, units, choices, table rows
// and columns, article texts) exported as XLIFF 1.2 for one language, and the
// translations brought back by editing the YAML text in place, so that every
// byte not translated (comments, order, quoting) stays as it was.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "forms/yaml_tree.h"

namespace focal {

// One text of the questionnaire file.
struct TranslatableText {
  std::string id;                   // the XLIFF unit id, e.g. "q_1_2.label", "q_1_2.choice.party"
  std::string resname;              // the question, section or choice list it belongs to
  std::string note;                 // where it is, for the translator
  const YamlNode* owner = nullptr;  // the mapping holding the key
  const YamlNode* key = nullptr;    // the key ("label") whose value is the text
  const YamlNode* value = nullptr;  // a scalar (the default language) or a language mapping
};

class TranslatableFile {
 public:
  // Reads the YAML text; nullopt with the errors in `diagnostics` when it does not parse.
  static std::optional<TranslatableFile> read(std::string text, Diagnostics& diagnostics);

  const std::string& text() const { return *text_; }
  const std::vector<std::string>& languages() const { return languages_; }  // the first is the default
  const std::vector<TranslatableText>& texts() const { return texts_; }
  const YamlNode& root() const { return *root_; }
  const TranslatableText* find(const std::string& id) const;
  // The text in `language`, if the file gives it.
  std::optional<std::string> textIn(const TranslatableText& t, const std::string& language) const;

 private:
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<const YamlNode> root_;
  std::vector<std::string> languages_;
  std::vector<TranslatableText> texts_;
};

// The XLIFF 1.2 document for `language` (not the default one); `original` names the questionnaire.
std::string exportTranslations(const TranslatableFile& file, const std::string& original,
                               const std::string& language);

struct TranslationImport {
  std::string text;                 // the new YAML, when `errors` is empty
  std::vector<std::string> errors;  // each names the XLIFF file, the unit id and what to do
  int changed = 0, unchanged = 0, untranslated = 0;
};

// Fills in the targets of the XLIFF documents (name, content) and checks that
// the result loads; nothing is returned but errors if any unit is refused.
// `language` is used for a <file> that names no target language (po2xliff's output).
TranslationImport importTranslations(const std::string& yamlText, const std::string& yamlName,
                                     const std::vector<std::pair<std::string, std::string>>& xliffFiles,
                                     const std::string& language = {});

}  // namespace focal
