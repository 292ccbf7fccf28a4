// Reference years: the years a questionnaire's statistics cover, given once
// at the top of the file (`reference_years: [2002, 2003, 2004]`), so that the
// next cycle changes one line. A table takes one row (or column) per year
// with `rows: reference_years` (or `columns:`), answered at <id>/y2002/...;
// a text names them with {year_first}, {year_last} and {reference_years}
// (docs/questionnaire-format.md, "Reference years").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace focal {

// The row or column id of a reference year: "y2004" (an id starts with a
// letter, so a year alone cannot be one).
std::string yearRowId(int year);

// A {name} in a text that looks meant for the reference years: a known
// placeholder, or an unknown one with "year" in its name ({first_year}).
struct YearPlaceholder {
  std::string name;                // without the braces
  std::size_t begin = 0, end = 0;  // byte offsets of '{' and just past '}'
  bool known = false;
};
std::vector<YearPlaceholder> yearPlaceholders(std::string_view text);

// The known placeholder nearest to an unknown name, or "".
std::string nearestYearPlaceholder(const std::string& name);

// `text` with each known placeholder replaced: {year_first} and {year_last}
// by the first and last year, {reference_years} by the years listed in the
// way of `language` ("2002, 2003, 2004"; "2002، 2003، 2004" in Arabic,
// "2002、2003、2004" in Chinese). `years` is not empty.
std::string expandYears(std::string_view text, const std::vector<int>& years, const std::string& language);

}  // namespace focal

namespace focal {
struct YamlNode;
class Diagnostics;
namespace detail {
// Reads `reference_years`: a list of whole years from 1900 to 2200, in
// order, each once, at most 50. Each problem is an error at its item.
std::vector<int> readReferenceYears(const YamlNode& node, Diagnostics& diagnostics);
}  // namespace detail
}  // namespace focal
