// Text crossing between the engine (UTF-8 std::string) and wxWidgets.
#pragma once

#include <wx/arrstr.h>
#include <wx/string.h>

#include <string>
#include <vector>

#include "forms/localized_text.h"
#include "forms/questionnaire.h"

namespace focal::gui {

inline wxString FromUtf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }
inline std::string ToUtf8(const wxString& text) { return text.utf8_string(); }

// A questionnaire text in `language`, else in the questionnaire's default language.
inline wxString Localized(const LocalizedText& text, const std::string& language, const Questionnaire& q) {
  return text.empty() ? wxString() : FromUtf8(text.get(language, q.defaultLanguage()));
}

// "Trafficking in Persons Protocol, article 6, paragraph 3 (a)", in the interface language.
wxString InstrumentName(Instrument instrument);
wxString ReferenceTitle(const TreatyReference& reference);

// "2.1": the section's number by its place among its siblings.
wxString SectionNumber(const Questionnaire& questionnaire, int section);
// "2.1 Identification and protection of victims"
wxString SectionTitle(const Questionnaire& questionnaire, int section, const std::string& language);

// Every State's name in one language, sorted by name, with its alpha-3 code.
struct CountryChoices {
  wxArrayString names;
  std::vector<std::string> codes;  // in the order of `names`
  // The code for a typed name (any case) or code, "" when none.
  std::string CodeFor(const wxString& typed) const;
};
const CountryChoices& CountryChoicesIn(const std::string& language);

}  // namespace focal::gui
