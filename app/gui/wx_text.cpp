#include "app/gui/wx_text.h"

#include <wx/intl.h>

#include <algorithm>
#include <map>

#include "forms/countries.h"
#include "forms/question_refs.h"

namespace focal::gui {

wxString InstrumentName(Instrument instrument) {
  switch (instrument) {
    case Instrument::Convention:
      return _("United Nations Convention against Transnational Organized Crime");
    case Instrument::Tip:
      return _("Trafficking in Persons Protocol");
    case Instrument::Som:
      return _("Smuggling of Migrants Protocol");
    case Instrument::Firearms:
      return _("Firearms Protocol");
  }
  return {};
}

wxString ReferenceTitle(const TreatyReference& reference) {
  wxString title = InstrumentName(reference.instrument) + ", " +
                   wxString::Format(_("article %s"), FromUtf8(reference.article));
  if (!reference.paragraph.empty())
    title += ", " + wxString::Format(_("paragraph %s"), FromUtf8(reference.paragraph));
  return title;
}

wxString SectionNumber(const Questionnaire& questionnaire, int section) {
  // As the printed report and the texts' {number:id} number it.
  const std::vector<std::string> numbers = displayedSectionNumbers(questionnaire);
  return section >= 0 && section < static_cast<int>(numbers.size()) ? FromUtf8(numbers[section]) : wxString();
}

wxString SectionTitle(const Questionnaire& questionnaire, int section, const std::string& language) {
  return SectionNumber(questionnaire, section) + " " +
         Localized(questionnaire.sections[section].title, language, questionnaire);
}

const CountryChoices& CountryChoicesIn(const std::string& language) {
  static std::map<std::string, CountryChoices> cache;
  auto [it, inserted] = cache.try_emplace(language);
  if (inserted) {
    std::vector<std::pair<wxString, std::string>> all;
    for (const auto& country : countries())
      all.emplace_back(FromUtf8(countryName(country.alpha3, language)), country.alpha3);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.first.CmpNoCase(b.first) < 0; });
    for (const auto& [name, code] : all) {
      it->second.names.Add(name);
      it->second.codes.push_back(code);
    }
  }
  return it->second;
}

std::string CountryChoices::CodeFor(const wxString& typed) const {
  const wxString wanted = wxString(typed).Trim(true).Trim(false);
  if (wanted.empty()) return {};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].CmpNoCase(wanted) == 0) return codes[i];
  const std::string upper = ToUtf8(wanted.Upper());
  return isCountryCode(upper) ? upper : std::string();
}

}  // namespace focal::gui
