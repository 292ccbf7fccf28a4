#include "forms/countries.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <unordered_map>

namespace focal {

namespace {

const char* kIsoCodesJson = "/usr/share/iso-codes/json/iso_3166-1.json";

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<Country> loadCountries() {
  std::vector<Country> result;
  try {
    auto json = nlohmann::json::parse(readFile(kIsoCodesJson));
    for (const auto& entry : json.at("3166-1")) {
      Country c;
      c.alpha3 = entry.at("alpha_3").get<std::string>();
      c.alpha2 = entry.value("alpha_2", "");
      c.name = entry.value("name", c.alpha3);
      result.push_back(std::move(c));
    }
  } catch (const std::exception&) {
    result.clear();
  }
  std::sort(result.begin(), result.end(),
            [](const Country& a, const Country& b) { return a.alpha3 < b.alpha3; });
  return result;
}

// Reads a gettext .mo catalog into a map from English name to translation.
// The format: a header of 32-bit words (magic, revision, count, offset of
// the original strings table, offset of the translations table), then
// tables of (length, offset) pairs.
std::unordered_map<std::string, std::string> readMoCatalog(const std::string& path) {
  std::unordered_map<std::string, std::string> result;
  std::string data = readFile(path);
  if (data.size() < 28) return result;
  auto word = [&](std::size_t offset, bool swap) -> std::uint32_t {
    if (offset + 4 > data.size()) return 0;
    std::uint32_t v;
    std::memcpy(&v, data.data() + offset, 4);
    return swap ? __builtin_bswap32(v) : v;
  };
  bool swap = false;
  if (word(0, false) == 0x950412de)
    swap = false;
  else if (word(0, true) == 0x950412de)
    swap = true;
  else
    return result;
  std::uint32_t count = word(8, swap), originals = word(12, swap), translations = word(16, swap);
  if (count > 100000) return result;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t olen = word(originals + 8 * i, swap), ooff = word(originals + 8 * i + 4, swap);
    std::uint32_t tlen = word(translations + 8 * i, swap), toff = word(translations + 8 * i + 4, swap);
    if (std::uint64_t(ooff) + olen > data.size() || std::uint64_t(toff) + tlen > data.size()) continue;
    result.emplace(data.substr(ooff, olen), data.substr(toff, tlen));
  }
  return result;
}

struct Translations {
  std::mutex mutex;
  std::map<std::string, std::unordered_map<std::string, std::string>> byLanguage;
};

}  // namespace

const std::vector<Country>& countries() {
  static const std::vector<Country> all = loadCountries();
  return all;
}

bool isCountryCode(std::string_view alpha3) {
  const auto& all = countries();
  auto it = std::lower_bound(all.begin(), all.end(), alpha3,
                             [](const Country& c, std::string_view code) { return c.alpha3 < code; });
  return it != all.end() && it->alpha3 == alpha3;
}

std::string countryName(std::string_view alpha3, const std::string& language) {
  const auto& all = countries();
  auto it = std::lower_bound(all.begin(), all.end(), alpha3,
                             [](const Country& c, std::string_view code) { return c.alpha3 < code; });
  if (it == all.end() || it->alpha3 != alpha3) return std::string(alpha3);
  if (language.empty() || language == "en") return it->name;
  static Translations translations;
  std::lock_guard lock(translations.mutex);
  auto [entry, inserted] = translations.byLanguage.try_emplace(language);
  // iso-codes has Simplified Chinese as zh_CN, as gettext names it; questionnaires say zh.
  const std::string directory = language == "zh" ? "zh_CN" : language;
  if (inserted)
    entry->second = readMoCatalog("/usr/share/locale/" + directory + "/LC_MESSAGES/iso_3166-1.mo");
  auto found = entry->second.find(it->name);
  return found == entry->second.end() || found->second.empty() ? it->name : found->second;
}

}  // namespace focal
