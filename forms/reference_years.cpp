#include "forms/reference_years.h"

#include <algorithm>
#include <charconv>

#include "forms/diagnostics.h"
#include "forms/yaml_tree.h"

namespace focal {

namespace {
const std::vector<std::string> kPlaceholders = {"year_first", "year_last", "reference_years"};

bool nameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}
}  // namespace

std::string yearRowId(int year) {
  std::string id = "y";  // piece by piece: g++ 12 warns falsely on "y" + string at -O3 (GCC bug 105329)
  id += std::to_string(year);
  return id;
}

std::vector<YearPlaceholder> yearPlaceholders(std::string_view text) {
  std::vector<YearPlaceholder> out;
  for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    if (at > 0 && text[at - 1] == '$') continue;  // ${id}: an answer, not a year
    std::size_t i = at + 1;
    while (i < text.size() && nameChar(text[i])) ++i;
    if (i == at + 1 || i >= text.size() || text[i] != '}') continue;
    std::string name(text.substr(at + 1, i - at - 1));
    const bool known = std::find(kPlaceholders.begin(), kPlaceholders.end(), name) != kPlaceholders.end();
    if (known || lower(name).find("year") != std::string::npos) out.push_back({name, at, i + 1, known});
  }
  return out;
}

std::string nearestYearPlaceholder(const std::string& name) {
  const std::string l = lower(name);
  if (l == "first_year" || l == "year_start" || l == "start_year" || l == "from_year" || l == "year_from")
    return "year_first";
  if (l == "last_year" || l == "year_end" || l == "end_year" || l == "to_year" || l == "year_to")
    return "year_last";
  if (l == "years" || l == "reference_year" || l == "year_list") return "reference_years";
  return nearestWord(name, kPlaceholders);
}

std::string expandYears(std::string_view text, const std::vector<int>& years, const std::string& language) {
  const std::vector<YearPlaceholder> found = yearPlaceholders(text);
  if (found.empty() || years.empty()) return std::string(text);
  const std::string separator = language == "ar" ? "\xd8\x8c " : language == "zh" ? "\xe3\x80\x81" : ", ";
  std::string out;
  std::size_t done = 0;
  for (const YearPlaceholder& p : found) {
    if (!p.known) continue;
    out.append(text.substr(done, p.begin - done));
    if (p.name == "year_first") {
      out += std::to_string(years.front());
    } else if (p.name == "year_last") {
      out += std::to_string(years.back());
    } else {
      for (std::size_t i = 0; i < years.size(); ++i) {
        if (i) out += separator;
        out += std::to_string(years[i]);
      }
    }
    done = p.end;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace focal

namespace focal::detail {

std::vector<int> readReferenceYears(const YamlNode& node, Diagnostics& diagnostics) {
  constexpr int kFirst = 1900, kLast = 2200;
  constexpr std::size_t kMaxYears = 50;
  std::vector<int> years;
  if (!node.isSequence() || node.items.empty()) {
    diagnostics.error(node.line, node.column,
                      "'reference_years' must be a list of years such as [2002, 2003, 2004]");
    return years;
  }
  if (node.items.size() > kMaxYears) {
    diagnostics.error(node.line, node.column,
                      "'reference_years' lists " + std::to_string(node.items.size()) +
                          " years, more than the " + std::to_string(kMaxYears) + " allowed");
    return years;
  }
  for (const YamlNode& item : node.items) {
    int year = 0;
    bool whole = item.isScalar() && !item.quoted && !item.scalar.empty();
    if (whole) {
      const char* begin = item.scalar.data();
      const char* end = begin + item.scalar.size();
      auto [ptr, ec] = std::from_chars(begin, end, year);
      whole = ec == std::errc() && ptr == end && year >= kFirst && year <= kLast;
    }
    if (!whole) {
      const std::string shown = item.isScalar() ? "'" + item.scalar + "'" : std::string("a list or mapping");
      diagnostics.error(item.line, item.column,
                        "'reference_years' holds " + shown +
                            ", which is not a year; write whole years from " + std::to_string(kFirst) +
                            " to " + std::to_string(kLast) + " without quotes, such as 2003");
      continue;
    }
    if (std::find(years.begin(), years.end(), year) != years.end()) {
      diagnostics.error(item.line, item.column,
                        "'reference_years' lists " + std::to_string(year) + " twice; remove one");
      continue;
    }
    if (!years.empty() && year < years.back()) {
      diagnostics.error(item.line, item.column,
                        "'reference_years' lists " + std::to_string(year) + " after " +
                            std::to_string(years.back()) + "; list the years in order, earliest first");
    }
    years.push_back(year);
  }
  // Even when wrong, the years read are kept, so that no table adds an error of its own.
  return years;
}

}  // namespace focal::detail
