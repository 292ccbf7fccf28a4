#include "forms/expression_library.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "forms/expression_functions.h"
#include "forms/utf8.h"

namespace focal::expr {

namespace {

constexpr std::array<LibrarySpec, 20> kLibrary = {{
    {"int", Lib::Int, 1, 1, "n", Type::Number},
    {"abs", Lib::Abs, 1, 1, "n", Type::Number},
    {"pow", Lib::Pow, 2, 2, "nn", Type::Number},
    {"min", Lib::Min, 1, -1, "n", Type::Number},
    {"max", Lib::Max, 1, -1, "n", Type::Number},
    {"floor", Lib::Floor, 1, 1, "n", Type::Number},
    {"ceiling", Lib::Ceiling, 1, 1, "n", Type::Number},
    {"contains", Lib::Contains, 2, 2, "tt", Type::Boolean},
    {"starts-with", Lib::StartsWith, 2, 2, "tt", Type::Boolean},
    {"ends-with", Lib::EndsWith, 2, 2, "tt", Type::Boolean},
    {"substr", Lib::Substr, 2, 3, "tnn", Type::String},
    {"substring-before", Lib::SubstringBefore, 2, 2, "tt", Type::String},
    {"substring-after", Lib::SubstringAfter, 2, 2, "tt", Type::String},
    {"string", Lib::String, 1, 1, "v", Type::String},
    {"join", Lib::Join, 2, -1, "tv", Type::String},
    {"normalize-space", Lib::NormalizeSpace, 1, 1, "t", Type::String},
    {"boolean-from-string", Lib::BooleanFromString, 1, 1, "t", Type::Boolean},
    {"selected-at", Lib::SelectedAt, 2, 2, "ln", Type::String},
    {"format-date", Lib::FormatDate, 2, 2, "dt", Type::String},
    {"date", Lib::Date, 1, 1, "d", Type::Date},
}};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The byte offset of each character of valid UTF-8 text, and its size at the end.
std::vector<std::size_t> characterOffsets(const std::string& s) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < s.size();) {
    offsets.push_back(i);
    const std::size_t length = utf8SequenceLength(static_cast<unsigned char>(s[i]));
    i += length == 0 ? 1 : length;
  }
  offsets.push_back(s.size());
  return offsets;
}

// substr(text, start, end): characters from `start` (0-based) up to `end`
// (not included); a negative position counts from the end, as in JavaRosa.
std::string substr(const std::string& s, double start, std::optional<double> end) {
  const std::vector<std::size_t> offsets = characterOffsets(s);
  const auto length = static_cast<double>(offsets.size() - 1);
  const auto place = [&](double at) {
    if (std::isnan(at)) at = 0;
    at = std::trunc(at);
    if (at < 0) at += length;
    return static_cast<std::size_t>(std::clamp(at, 0.0, length));
  };
  const std::size_t from = place(start);
  const std::size_t to = end ? place(*end) : offsets.size() - 1;
  if (to <= from) return {};
  return s.substr(offsets[from], offsets[to] - offsets[from]);
}

std::string normalizeSpace(const std::string& s) {
  std::string out;
  bool pendingSpace = false;
  for (char c : s) {
    if (isSpace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

std::vector<std::string> words(const Value& value) {
  if (value.index() == 4) return std::get<std::vector<std::string>>(value);
  std::vector<std::string> out;
  const std::string s = toString(value);
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isSpace(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !isSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

struct Civil {
  long long year = 1970;
  unsigned month = 1, day = 1;
};

// Howard Hinnant's civil_from_days.
Civil civilFromDays(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2 ? 1 : 0);
  return c;
}

std::string twoDigits(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string isoDate(long long days) {
  const Civil c = civilFromDays(days);
  std::string year = std::to_string(c.year);
  while (year.size() < 4) year.insert(0, "0");
  return year + "-" + twoDigits(c.month) + "-" + twoDigits(c.day);
}

// date(): a YYYY-MM-DD date (a date and time keeps its date), or a number
// of days since 1970-01-01; anything else is no answer.
std::optional<long long> daysOf(const Value& value) {
  if (value.index() == 2) {
    const double x = std::get<double>(value);
    if (!std::isfinite(x) || std::fabs(x) > 1e8) return std::nullopt;
    return static_cast<long long>(std::floor(x));
  }
  if (value.index() != 3) return std::nullopt;
  std::string_view s = std::get<std::string>(value);
  if (s.size() > 10 && s[10] == 'T') s = s.substr(0, 10);
  return dayNumber(s);
}

// format-date(date, format) with the ODK codes: %Y %y %m %n %b %d %e %a,
// and %H %h %M %S %3 from a date and time (00 for a date alone).
std::string formatDate(const std::string& iso, long long days, const std::string& format) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  const Civil c = civilFromDays(days);
  // The time of a date and time, "YYYY-MM-DDTHH:MM:SS.mmm".
  const auto timePart = [&](std::size_t at, std::size_t length) {
    return iso.size() >= at + length && iso[10] == 'T' ? iso.substr(at, length) : std::string(length, '0');
  };
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
      continue;
    }
    switch (format[++i]) {
      case 'Y':
        out += std::to_string(c.year);
        break;
      case 'y':
        out += twoDigits(((c.year % 100) + 100) % 100);
        break;
      case 'm':
        out += twoDigits(c.month);
        break;
      case 'n':
        out += std::to_string(c.month);
        break;
      case 'b':
        out += kMonths[c.month - 1];
        break;
      case 'd':
        out += twoDigits(c.day);
        break;
      case 'e':
        out += std::to_string(c.day);
        break;
      case 'a':
        out += kDays[((days % 7) + 7) % 7];
        break;
      case 'H':
        out += timePart(11, 2);
        break;
      case 'h': {
        const std::string h = timePart(11, 2);
        out += h[0] == '0' ? h.substr(1) : h;
        break;
      }
      case 'M':
        out += timePart(14, 2);
        break;
      case 'S':
        out += timePart(17, 2);
        break;
      case '3':
        out += timePart(20, 3);
        break;
      case '%':
        out += '%';
        break;
      default:
        out += '%';
        out += format[i];
        break;
    }
  }
  return out;
}

Value minOrMax(Value* args, std::size_t count, bool wantMax) {
  std::optional<double> best;
  for (std::size_t i = 0; i < count; ++i) {
    const std::optional<double> x = numberOf(args[i]);
    if (!x || std::isnan(*x)) return {};
    if (!best || (wantMax ? *x > *best : *x < *best)) best = x;
  }
  return *best;
}

Value numeric(const Value& arg, double (*f)(double)) {
  const std::optional<double> x = numberOf(arg);
  return x ? Value(f(*x)) : Value();
}

}  // namespace

const LibrarySpec* findLibraryFunction(std::string_view name) {
  for (const LibrarySpec& spec : kLibrary) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::span<const LibrarySpec> libraryFunctions() { return kLibrary; }

std::optional<double> parseXPathNumber(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  std::size_t digits = 0, points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.') {
      ++points;
    } else if (!(c == '-' && i == 0)) {
      return std::nullopt;
    }
  }
  if (digits == 0 || points > 1) return std::nullopt;
  std::string text(s);
  if (text.back() == '.') text.pop_back();  // '17.' is 17
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> numberOf(const Value& value) {
  switch (value.index()) {
    case 1:
      return std::get<bool>(value) ? 1.0 : 0.0;
    case 2:
      return std::get<double>(value);
    case 3:
      return parseXPathNumber(std::get<std::string>(value));
    default:
      return std::nullopt;
  }
}

Value callLibrary(Lib fn, Value* args, std::size_t count) {
  switch (fn) {
    case Lib::Int:
      return numeric(args[0], [](double x) { return std::trunc(x); });
    case Lib::Abs:
      return numeric(args[0], [](double x) { return std::fabs(x); });
    case Lib::Floor:
      return numeric(args[0], [](double x) { return std::floor(x); });
    case Lib::Ceiling:
      return numeric(args[0], [](double x) { return std::ceil(x); });
    case Lib::Pow: {
      const std::optional<double> x = numberOf(args[0]), y = numberOf(args[1]);
      if (!x || !y) return {};
      return std::pow(*x, *y);
    }
    case Lib::Min:
    case Lib::Max:
      return minOrMax(args, count, fn == Lib::Max);
    case Lib::Contains:
      return toString(args[0]).find(toString(args[1])) != std::string::npos;
    case Lib::StartsWith:
      return toString(args[0]).starts_with(toString(args[1]));
    case Lib::EndsWith:
      return toString(args[0]).ends_with(toString(args[1]));
    case Lib::Substr: {
      const std::optional<double> start = numberOf(args[1]);
      if (!start) return {};
      std::optional<double> end;
      if (count == 3) {
        end = numberOf(args[2]);
        if (!end) return {};
      }
      return substr(toString(args[0]), *start, end);
    }
    case Lib::SubstringBefore:
    case Lib::SubstringAfter: {
      const std::string s = toString(args[0]), part = toString(args[1]);
      const std::size_t at = s.find(part);
      if (at == std::string::npos) return std::string();
      if (fn == Lib::SubstringBefore) return s.substr(0, at);
      return s.substr(at + part.size());
    }
    case Lib::String:
      return toString(args[0]);
    case Lib::Join: {
      const std::string separator = toString(args[0]);
      std::string out;
      bool first = true;
      for (std::size_t i = 1; i < count; ++i) {
        std::vector<std::string> items;
        if (args[i].index() == 4) {
          items = std::get<std::vector<std::string>>(args[i]);
        } else if (!isNull(args[i])) {
          items.push_back(toString(args[i]));
        }
        for (const std::string& item : items) {
          if (item.empty()) continue;
          if (!first) out += separator;
          out += item;
          first = false;
        }
      }
      return out;
    }
    case Lib::NormalizeSpace:
      return normalizeSpace(toString(args[0]));
    case Lib::BooleanFromString: {
      const std::string s = toString(args[0]);
      return s == "true" || s == "1";
    }
    case Lib::SelectedAt: {
      const std::optional<double> index = numberOf(args[1]);
      const std::vector<std::string> items = words(args[0]);
      if (!index || *index < 0 || *index >= static_cast<double>(items.size())) return {};
      return items[static_cast<std::size_t>(*index)];
    }
    case Lib::FormatDate: {
      const std::optional<long long> days = daysOf(args[0]);
      if (!days) return {};
      return formatDate(args[0].index() == 3 ? std::get<std::string>(args[0]) : std::string(), *days,
                        toString(args[1]));
    }
    case Lib::Date: {
      const std::optional<long long> days = daysOf(args[0]);
      if (!days) return {};
      return isoDate(*days);
    }
  }
  return {};
}

}  // namespace focal::expr
