// The interface language: gettext catalogs from po/ (compiled to
// <locale>/<lang>/LC_MESSAGES/focal.mo) serve both the window's _("...")
// strings, through wxTranslations, and the engine's tr() messages, through
// libintl; switching language switches both, and the layout direction.
#pragma once

#include <wx/string.h>

#include <string>
#include <vector>

namespace focal::gui {

struct InterfaceLanguage {
  std::string code;  // "fr"
  wxString name;     // in its own language: "Français"
  bool rightToLeft = false;
};

// The languages the interface is translated into (English first).
const std::vector<InterfaceLanguage>& InterfaceLanguages();
bool IsRightToLeft(const std::string& code);
// A language's name in that language ("Français"), for the six UN languages; else the code.
wxString LanguageName(const std::string& code);

// The language chosen earlier (wxConfig), else $FOCAL_LANGUAGE, else the
// system's when the interface has it, else English.
std::string PreferredInterfaceLanguage();
void RememberInterfaceLanguage(const std::string& code);

// The name of the catalog of an interface language: "zh" is in zh_CN (Simplified
// Chinese, as gettext names it); the others are their code.
std::string CatalogName(const std::string& code);

// Loads the catalogs of `code` and sets the direction of windows created from now on.
void ApplyInterfaceLanguage(const std::string& code);
const std::string& CurrentInterfaceLanguage();

// Where the compiled catalogs are: beside the build tree or the installation.
wxString LocaleDirectory();

}  // namespace focal::gui
