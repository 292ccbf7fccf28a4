#include "forms/answer_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "forms/countries.h"
#include "forms/i18n.h"
#include "forms/question_kinds.h"
#include "forms/utf8.h"

namespace focal {

namespace {

std::string formatNumber(double v) { return expr::toString(expr::Value(v)); }

bool hasChoice(const Question& q, std::string_view value) {
  if (q.otherOption && value == "other") return true;
  return std::any_of(q.choices.begin(), q.choices.end(), [&](const Choice& c) { return c.value == value; });
}

std::string checkRange(const Question& q, double v) {
  if (q.min && v < *q.min) {
    if (q.max)
      return fmt::format(fmt::runtime(tr("Enter a number from {} to {}.")), formatNumber(*q.min),
                         formatNumber(*q.max));
    return fmt::format(fmt::runtime(tr("Enter a number of at least {}.")), formatNumber(*q.min));
  }
  if (q.max && v > *q.max) {
    if (q.min)
      return fmt::format(fmt::runtime(tr("Enter a number from {} to {}.")), formatNumber(*q.min),
                         formatNumber(*q.max));
    return fmt::format(fmt::runtime(tr("Enter a number of at most {}.")), formatNumber(*q.max));
  }
  return {};
}

bool validDate(std::string_view s) {
  if (!isIsoDate(s)) return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  return d <= days;
}

// Why `s` is not a date, in the user's words; "" when it is one. A date
// written the right way whose day or month does not exist says so, rather
// than repeating the format.
std::string dateProblem(std::string_view s) {
  if (!isIsoDate(s)) return tr("Enter a date as YYYY-MM-DD, for example 2024-05-31.");
  if (validDate(s)) return {};
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12)
    return fmt::format(fmt::runtime(tr("There is no month {:02}: months go from 01 to 12.")), m);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  return fmt::format(fmt::runtime(tr("{:04}-{:02}-{:02} does not exist: month {:02} of {:04} has {} days.")),
                     y, m, d, m, y, days);
}

}  // namespace

bool parseInteger(std::string_view text, long long& out) {
  if (text.empty() || text.size() > 18) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool parseDecimal(std::string_view text, double& out) {
  if (text.empty() || text.size() > 40) return false;
  // from_chars accepts "inf" and "nan"; a number here is digits with an optional sign and dot.
  for (char c : text)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == 'e' || c == 'E' ||
          c == '+'))
      return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out);
}

bool isIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::string joinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string checkPathFits(const Question& q, const AnswerPath& path) {
  if (!path.mark.empty()) {
    if (!path.part.empty()) return tr("Marks belong to a question, not to a part of it.");
    if (!takesAnswer(q.type)) return tr("This item takes no answer.");
    return {};
  }
  if (!takesAnswer(q.type)) return tr("This item takes no answer.");
  if (storesPart(q, path.part, path.subpart)) return {};
  switch (kindOf(q).shape) {
    case AnswerShape::Fields:
      return fmt::format(
          fmt::runtime(tr("A citation has the parts title, article, date, link and excerpt, not '{}'.")),
          path.part);
    case AnswerShape::Cells:
      return fmt::format(fmt::runtime(tr("The table '{}' has no cell '{}/{}'.")), q.id, path.part,
                         path.subpart);
    default:
      return fmt::format(fmt::runtime(tr("The question '{}' has no part '{}'.")), q.id, path.part);
  }
}

namespace value_check {

std::string yesNo(const Question&, std::string_view value) {
  return value == "yes" || value == "no" ? std::string() : tr("Answer yes or no.");
}

std::string choice(const Question& q, std::string_view value) {
  if (hasChoice(q, value)) return {};
  return fmt::format(fmt::runtime(tr("'{}' is not one of the choices of this question.")), value);
}

std::string choices(const Question& q, std::string_view value) {
  auto words = splitWords(value);
  for (const auto& w : words)
    if (!hasChoice(q, w))
      return fmt::format(fmt::runtime(tr("'{}' is not one of the choices of this question.")), w);
  auto sorted = words;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
    return tr("A choice is selected twice.");
  return {};
}

std::string text(const Question& q, std::string_view value) {
  if (q.maxLength && utf8Length(value) > *q.maxLength)
    return fmt::format(fmt::runtime(tr("This answer has {} characters; at most {} are allowed here.")),
                       utf8Length(value), *q.maxLength);
  return {};
}

std::string wholeNumber(const Question& q, std::string_view value) {
  long long v = 0;
  if (!parseInteger(value, v)) return tr("Enter a whole number, for example 42.");
  return checkRange(q, static_cast<double>(v));
}

std::string year(const Question& q, std::string_view value) {
  long long v = 0;
  if (!parseInteger(value, v) || v < 1000 || v > 9999)
    return tr("Enter a year with four digits, for example 2024.");
  return checkRange(q, static_cast<double>(v));
}

std::string decimal(const Question& q, std::string_view value) {
  double d = 0;
  if (!parseDecimal(value, d)) return tr("Enter a number, with a dot for decimals, for example 12.5.");
  return checkRange(q, d);
}

std::string tableCell(const Question& q, std::string_view value) {
  return q.decimalCells ? decimal(q, value) : wholeNumber(q, value);
}

std::string date(const Question& q, std::string_view value) {
  if (std::string problem = dateProblem(value); !problem.empty()) return problem;
  if (!q.minDate.empty() && value < q.minDate)
    return fmt::format(fmt::runtime(tr("Enter a date on or after {}.")), q.minDate);
  if (!q.maxDate.empty() && value > q.maxDate)
    return fmt::format(fmt::runtime(tr("Enter a date on or before {}.")), q.maxDate);
  return {};
}

std::string country(const Question&, std::string_view value) {
  if (!isCountryCode(value))
    return fmt::format(fmt::runtime(tr("'{}' is not an ISO 3166 country code such as FRA.")), value);
  return {};
}

std::string recordKeys(const Question& q, std::string_view value) {
  auto keys = splitWords(value);
  if (q.maxRecords && keys.size() > q.maxRecords)
    return fmt::format(fmt::runtime(tr("At most {} records are allowed here.")), q.maxRecords);
  return {};
}

}  // namespace value_check

std::string checkAnswerValue(const Question& q, const AnswerPath& path, std::string_view value) {
  if (value.empty()) return {};
  if (value.size() > 4 * 100000 || utf8Length(value) > 100000)
    return tr("This text is longer than 100,000 characters; shorten it or attach it as a file.");
  if (path.mark == "status") {
    if (value == "not_available") {
      if (!q.allowNotAvailable) return tr("\"Information not available\" is not allowed for this question.");
      return {};
    }
    if (value == "not_applicable") return {};
    return tr("The status must be not_available or not_applicable.");
  }
  if (path.mark == "comment") return {};
  if (path.mark == "carried")
    return value == "pending" ? std::string() : tr("The carried-forward mark must be 'pending'.");
  if (path.mark == "offered" || path.mark == "previous") return {};  // provenance Focal writes, as JSON
  const QuestionKind& kind = kindOf(q);
  if (!path.part.empty() && kind.shape != AnswerShape::Cells) {
    if (path.part == "date") return dateProblem(value);
    return {};  // "other" text, citation parts
  }
  return kind.check ? kind.check(q, value) : std::string();
}

expr::Type expressionType(const Question& q) { return kindOf(q).expressionType; }

expr::Value expressionValue(const Question& q, std::string_view value) {
  if (value.empty()) return std::monostate{};
  switch (kindOf(q).expressionType) {
    case expr::Type::List:
      return splitWords(value);
    case expr::Type::Number:
    case expr::Type::Cells: {  // a table's value is one of its cells
      double d = 0;
      if (parseDecimal(value, d)) return d;
      return std::monostate{};
    }
    default:
      return std::string(value);
  }
}

}  // namespace focal
