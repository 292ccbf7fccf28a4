// A translator bound to one language's catalog (po/<lang>.po compiled into
// <locale>/<lang>/LC_MESSAGES/focal.mo), passed explicitly to what it
// translates: a document in Arabic is written with an Arabic translator
// whatever the interface language or the process's locale, in the CLI and
// the desktop program alike. The catalog is read once per language and
// shared; a translator is cheap to copy. English (or a language without an
// installed catalog) gives the messages as written.
//
// Its methods are named like the global ones of forms/i18n.h (tr, msg,
// plural), so that xgettext extracts `t.tr("...")` as it does `tr("...")`.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace focal {

class Translator {
 public:
  // English: every message as written.
  Translator() = default;
  // The catalog of `language` ("ar", "fr", "zh", ...) found in the installed
  // locale folders (see localeDirectory); English when there is none.
  static Translator forLanguage(const std::string& language);
  // The catalog of `language` read from `directory`/<lang>/LC_MESSAGES/focal.mo.
  static Translator fromDirectory(const std::string& language, const std::string& directory);

  const std::string& language() const { return language_; }
  // Whether a catalog was found (false for English).
  bool hasCatalog() const { return catalog_ != nullptr; }

  const char* tr(const char* message) const;
  template <typename... Args>
  std::string msg(const char* text, Args&&... args) const {
    return fmt::format(fmt::runtime(tr(text)), std::forward<Args>(args)...);
  }
  // "3 attachments", the noun in the number the count needs in the language.
  std::string plural(std::size_t count, const char* one, const char* many) const;

  struct Catalog {
    std::map<std::string, std::string, std::less<>> messages;  // msgid (plural: one\0many) -> msgstr
  };

 private:
  std::string language_ = "en";
  std::shared_ptr<const Catalog> catalog_;
};

// The folder holding the compiled catalogs: $FOCAL_LOCALE_DIR when it is a
// folder, the folder gettext is bound to (the desktop program's), the
// build's or the installation's beside the program, else /usr/share/locale.
std::string localeDirectory();

}  // namespace focal
