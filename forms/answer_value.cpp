#include "forms/answer_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "forms/countries.h"
#include "forms/i18n.h"
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
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
      if (path.part.empty() || (path.part == "other" && q.otherOption && path.subpart.empty())) return {};
      break;
    case QuestionType::Legislation:
      if (path.subpart.empty() && std::any_of(std::begin(kLegislationFields), std::end(kLegislationFields),
                                              [&](const char* f) { return path.part == f; }))
        return {};
      return fmt::format(
          fmt::runtime(tr("A citation has the parts title, article, date, link and excerpt, not '{}'.")),
          path.part);
    case QuestionType::Table: {
      bool row = std::any_of(q.rows.begin(), q.rows.end(),
                             [&](const TableAxisItem& r) { return r.id == path.part; });
      bool col = std::any_of(q.columns.begin(), q.columns.end(),
                             [&](const TableAxisItem& c) { return c.id == path.subpart; });
      if (row && col) return {};
      return fmt::format(fmt::runtime(tr("The table '{}' has no cell '{}/{}'.")), q.id, path.part,
                         path.subpart);
    }
    default:
      if (path.part.empty()) return {};
  }
  return fmt::format(fmt::runtime(tr("The question '{}' has no part '{}'.")), q.id, path.part);
}

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
  if (!path.part.empty() && q.type != QuestionType::Table) {
    if (path.part == "date") return dateProblem(value);
    return {};  // "other" text, citation parts
  }
  switch (q.type) {
    case QuestionType::YesNo:
      return value == "yes" || value == "no" ? std::string() : tr("Answer yes or no.");
    case QuestionType::SingleChoice:
      if (hasChoice(q, value)) return {};
      return fmt::format(fmt::runtime(tr("'{}' is not one of the choices of this question.")), value);
    case QuestionType::MultipleChoice: {
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
    case QuestionType::Text:
    case QuestionType::LongText:
      if (q.maxLength && utf8Length(value) > *q.maxLength)
        return fmt::format(fmt::runtime(tr("This answer has {} characters; at most {} are allowed here.")),
                           utf8Length(value), *q.maxLength);
      return {};
    case QuestionType::Integer:
    case QuestionType::Year:
    case QuestionType::Table: {
      if (q.type == QuestionType::Table && q.decimalCells) {
        double d = 0;
        if (!parseDecimal(value, d)) return tr("Enter a number, with a dot for decimals, for example 12.5.");
        return checkRange(q, d);
      }
      long long v = 0;
      if (!parseInteger(value, v))
        return q.type == QuestionType::Year ? tr("Enter a year with four digits, for example 2024.")
                                            : tr("Enter a whole number, for example 42.");
      if (q.type == QuestionType::Year && (v < 1000 || v > 9999))
        return tr("Enter a year with four digits, for example 2024.");
      return checkRange(q, static_cast<double>(v));
    }
    case QuestionType::Decimal: {
      double d = 0;
      if (!parseDecimal(value, d)) return tr("Enter a number, with a dot for decimals, for example 12.5.");
      return checkRange(q, d);
    }
    case QuestionType::Date:
      if (std::string problem = dateProblem(value); !problem.empty()) return problem;
      if (!q.minDate.empty() && value < q.minDate)
        return fmt::format(fmt::runtime(tr("Enter a date on or after {}.")), q.minDate);
      if (!q.maxDate.empty() && value > q.maxDate)
        return fmt::format(fmt::runtime(tr("Enter a date on or before {}.")), q.maxDate);
      return {};
    case QuestionType::Country:
      if (!isCountryCode(value))
        return fmt::format(fmt::runtime(tr("'{}' is not an ISO 3166 country code such as FRA.")), value);
      return {};
    case QuestionType::Repeat: {
      auto keys = splitWords(value);
      if (q.maxRecords && keys.size() > q.maxRecords)
        return fmt::format(fmt::runtime(tr("At most {} records are allowed here.")), q.maxRecords);
      return {};
    }
    default:
      return {};
  }
}

expr::Type expressionType(const Question& q) {
  switch (q.type) {
    case QuestionType::MultipleChoice:
      return expr::Type::List;
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Year:
      return expr::Type::Number;
    case QuestionType::Date:
      return expr::Type::Date;
    case QuestionType::Repeat:
      return expr::Type::Records;
    case QuestionType::Table:
      return expr::Type::Cells;
    case QuestionType::Calculate:
      return expr::Type::Any;
    default:
      return expr::Type::String;
  }
}

expr::Value expressionValue(const Question& q, std::string_view value) {
  if (value.empty()) return std::monostate{};
  switch (q.type) {
    case QuestionType::MultipleChoice:
      return splitWords(value);
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Year:
    case QuestionType::Table: {
      double d = 0;
      if (parseDecimal(value, d)) return d;
      return std::monostate{};
    }
    default:
      return std::string(value);
  }
}

}  // namespace focal
