#include "forms/date_words.h"

#include <fmt/format.h>

#include <cctype>

#include "forms/i18n.h"

namespace focal {

namespace {

// TRANSLATORS: a month in a date such as "3 May": write it as it reads after the day
// (in the genitive where the language needs it: "мая").
const char* const kMonths[] = {N_("January"),   N_("February"), N_("March"),    N_("April"),
                               N_("May"),       N_("June"),     N_("July"),     N_("August"),
                               N_("September"), N_("October"),  N_("November"), N_("December")};

// The number of `text` from `from`, `count` digits long; -1 when they are not all digits.
int digits(const std::string& text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return -1;
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

}  // namespace

std::string dateInWords(const std::string& isoDate, const std::string& today) {
  const int year = digits(isoDate, 0, 4), month = digits(isoDate, 5, 2), day = digits(isoDate, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || isoDate[4] != '-' || isoDate[7] != '-')
    return isoDate;
  const char* name = tr(kMonths[month - 1]);
  if (digits(today, 0, 4) == year)
    // TRANSLATORS: a date of this year, "3 May"; keep {day} and {month}, in your language's order.
    return fmt::format(fmt::runtime(tr("{day} {month}")), fmt::arg("day", day), fmt::arg("month", name));
  // TRANSLATORS: a date of another year, "3 May 2025"; keep {day}, {month} and {year}.
  return fmt::format(fmt::runtime(tr("{day} {month} {year}")), fmt::arg("day", day), fmt::arg("month", name),
                     fmt::arg("year", year));
}

}  // namespace focal
