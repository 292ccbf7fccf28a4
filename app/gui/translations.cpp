#include "app/gui/translations.h"

#include <libintl.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <map>

#include "app/gui/accessibility.h"

// glibc's counter of loaded catalogs: bumping it makes gettext forget what it
// cached, as the gettext manual advises after changing LANGUAGE.
extern "C" int _nl_msg_cat_cntr;

namespace focal::gui {

namespace {
std::string& current() {
  static std::string code = "en";
  return code;
}
}  // namespace

const std::vector<InterfaceLanguage>& InterfaceLanguages() {
  static const std::vector<InterfaceLanguage> all = {
      {"en", "English", false},
      {"fr", wxString::FromUTF8("Français"), false},
      {"es", wxString::FromUTF8("Español"), false},
      {"ar", wxString::FromUTF8("العربية"), true},
      {"ru", wxString::FromUTF8("Русский"), false},
      {"zh", wxString::FromUTF8("中文"), false},
  };
  return all;
}

bool IsRightToLeft(const std::string& code) {
  return code == "ar" || code == "he" || code == "fa" || code == "ur";
}

wxString LanguageName(const std::string& code) {
  static const std::map<std::string, const char*> names = {
      {"ar", "العربية"},  {"en", "English"}, {"es", "Español"},
      {"fr", "Français"}, {"ru", "Русский"}, {"zh", "中文"},
  };
  auto it = names.find(code);
  return it == names.end() ? wxString::FromUTF8(code) : wxString::FromUTF8(it->second);
}

static bool known(const std::string& code) {
  for (const auto& language : InterfaceLanguages())
    if (language.code == code) return true;
  return false;
}

std::string PreferredInterfaceLanguage() {
  if (const char* forced = std::getenv("FOCAL_LANGUAGE"); forced && known(forced)) return forced;
  wxString saved;
  if (wxConfigBase::Get()->Read("/Interface/Language", &saved) && known(saved.utf8_string()))
    return saved.utf8_string();
  const wxString system = wxUILocale::GetLanguageCanonicalName(wxUILocale::GetSystemLanguage());
  const std::string code = system.BeforeFirst('_').utf8_string();
  return known(code) ? code : "en";
}

void RememberInterfaceLanguage(const std::string& code) {
  wxConfigBase::Get()->Write("/Interface/Language", wxString::FromUTF8(code));
  wxConfigBase::Get()->Flush();
}

wxString LocaleDirectory() {
  const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
  const wxString dir = exe.GetPath();
  const wxString candidates[] = {
      dir + "/../locale",        // build/app/focal -> build/locale
      dir + "/../../locale",     // build/tests/app/... -> build/locale
      dir + "/../share/locale",  // /usr/bin/focal -> /usr/share/locale
#ifdef FOCAL_BINARY_DIR
      wxString(FOCAL_BINARY_DIR) + "/locale",
#endif
      "/usr/share/locale",
  };
  for (const auto& candidate : candidates)
    if (wxFileName::FileExists(candidate + "/fr/LC_MESSAGES/focal.mo")) {
      wxFileName normalized = wxFileName::DirName(candidate);
      normalized.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
      return normalized.GetPath();
    }
  return "/usr/share/locale";
}

std::string CatalogName(const std::string& code) { return code == "zh" ? "zh_CN" : code; }

void ApplyInterfaceLanguage(const std::string& code) {
  current() = code;
  const wxString directory = LocaleDirectory();
  const std::string catalog = CatalogName(code);

  // libintl, for the engine's messages. gettext ignores LANGUAGE under the
  // "C" locale, so messages are switched to C.UTF-8 when nothing else is set.
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0)
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", catalog.c_str(), 1);
  bindtextdomain("focal", directory.utf8_str());
  bind_textdomain_codeset("focal", "UTF-8");
  ++_nl_msg_cat_cntr;

  // wxTranslations, for the window's strings.
  static bool prefixAdded = false;
  if (!prefixAdded) {
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(directory);
    prefixAdded = true;
  }
  auto* translations = new wxTranslations;
  translations->SetLanguage(wxString::FromUTF8(catalog));
  translations->AddStdCatalog();
  translations->AddCatalog("focal");
  wxTranslations::Set(translations);

  SetDefaultLayoutDirection(IsRightToLeft(code));
}

const std::string& CurrentInterfaceLanguage() { return current(); }

}  // namespace focal::gui
