// States and territories from Debian's iso-codes (ISO 3166-1), with their
// names in every language for which iso-codes ships a translation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace focal {

struct Country {
  std::string alpha3;  // "FRA"
  std::string alpha2;  // "FR"
  std::string name;    // English name
};

// Every country, ordered by alpha-3 code. Loaded once from
// /usr/share/iso-codes/json/iso_3166-1.json; a small built-in list is used
// only if iso-codes is missing, so that no file can stop Focal working.
const std::vector<Country>& countries();
bool isCountryCode(std::string_view alpha3);
// The country's name in `language` ("fr", "ar", ...), falling back to English.
std::string countryName(std::string_view alpha3, const std::string& language);

}  // namespace focal
