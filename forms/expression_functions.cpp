#include "forms/expression_functions.h"

#include <charconv>

namespace focal::expr {

namespace {

const char* regexCause(std::regex_constants::error_type code) {
  using namespace std::regex_constants;
  switch (code) {
    case error_brack:
      return "a '[' is not closed by ']'";
    case error_paren:
      return "a '(' is not closed by ')', or a ')' has no '('";
    case error_brace:
      return "a '{' is not closed by '}'";
    case error_badbrace:
      return "a count in {...} is not valid; write {3}, {2,5} or {2,}";
    case error_range:
      return "a range in [...] is not valid; write it low to high, as in [a-z]";
    case error_escape:
      return "a '\\' escape is not valid or ends the pattern";
    case error_badrepeat:
      return "'*', '+', '?' or '{' follows nothing it could repeat; write \\* to match the character itself";
    case error_backref:
      return "a back-reference names no group";
    case error_ctype:
      return "a character class such as [[:alpha:]] is unknown";
    case error_collate:
      return "a collating element in [[. .]] is unknown";
    case error_complexity:
    case error_stack:
    case error_space:
      return "the pattern is too complex";
    default:
      return "it is not a valid pattern";
  }
}

}  // namespace

std::shared_ptr<const std::regex> compilePattern(const std::string& pattern, std::string& problem) {
  if (pattern.size() > kMaxRegexPattern) {
    problem = "the pattern is longer than " + std::to_string(kMaxRegexPattern) + " characters";
    return nullptr;
  }
  // libstdc++ names a repeat of nothing ('*a', 'a|+b') as a bracket problem: say it plainly.
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    const bool repeat = c == '*' || c == '+' || c == '?';
    const bool afterNothing = i == 0 || pattern[i - 1] == '(' || pattern[i - 1] == '|';
    const bool escaped = i > 0 && pattern[i - 1] == '\\';
    if (repeat && afterNothing && !escaped && !(c == '?' && i > 0 && pattern[i - 1] == '(')) {
      problem = regexCause(std::regex_constants::error_badrepeat);
      return nullptr;
    }
  }
  try {
    return std::make_shared<const std::regex>(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    problem = regexCause(e.code());
    return nullptr;
  }
}

bool matchesPattern(const std::regex& pattern, const Value& value) {
  const std::string text = toString(value);
  if (text.size() > kMaxRegexSubject) return false;
  try {
    return std::regex_match(text, pattern);
  } catch (const std::regex_error&) {
    return false;  // too complex to decide: not a match
  }
}

std::optional<DateUnit> dateUnitFromName(std::string_view name) {
  if (name == "days") return DateUnit::Days;
  if (name == "months") return DateUnit::Months;
  if (name == "years") return DateUnit::Years;
  return std::nullopt;
}

namespace {

struct Civil {
  int year = 0, month = 0, day = 0;
};

std::optional<Civil> parseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  Civil c;
  const auto read = [&](std::size_t at, std::size_t n, int& out) {
    auto [ptr, ec] = std::from_chars(s.data() + at, s.data() + at + n, out);
    return ec == std::errc() && ptr == s.data() + at + n;
  };
  if (!read(0, 4, c.year) || !read(5, 2, c.month) || !read(8, 2, c.day)) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (c.month < 1 || c.month > 12 || c.day < 1) return std::nullopt;
  const bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
  const int days = kDays[c.month - 1] + (c.month == 2 && leap ? 1 : 0);
  if (c.day > days) return std::nullopt;
  return c;
}

// Howard Hinnant's days_from_civil.
long long daysFromCivil(Civil c) {
  long long y = c.year - (c.month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long mp = (c.month + 9) % 12;
  const long long doy = (153 * mp + 2) / 5 + c.day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<Civil> civilOf(const Value& value) {
  const std::string* s = std::get_if<std::string>(&value);
  if (!s) return std::nullopt;
  return parseDate(*s);
}

}  // namespace

std::optional<long long> dayNumber(std::string_view iso) {
  auto c = parseDate(iso);
  if (!c) return std::nullopt;
  return daysFromCivil(*c);
}

Value dateDifference(const Value& from, const Value& to, DateUnit unit) {
  const auto a = civilOf(from), b = civilOf(to);
  if (!a || !b) return {};
  if (unit == DateUnit::Days) return static_cast<double>(daysFromCivil(*b) - daysFromCivil(*a));
  long long months = (static_cast<long long>(b->year) - a->year) * 12 + (b->month - a->month);
  // Completed months only: 2024-01-31 to 2024-02-29 is 0 months.
  if (months > 0 && b->day < a->day) --months;
  if (months < 0 && b->day > a->day) ++months;
  if (unit == DateUnit::Months) return static_cast<double>(months);
  return static_cast<double>(months / 12);
}

}  // namespace focal::expr
