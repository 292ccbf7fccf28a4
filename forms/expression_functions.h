// The expression functions that need more than a line of the evaluator:
// regex() (a pattern compiled once, when the questionnaire is loaded) and
// the date arithmetic of date-diff(). Used by expression_calls.cpp (checks
// at load time) and expression_eval.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "forms/expression.h"

namespace focal::expr {

// regex() compares at most this many bytes of an answer: longer text does
// not match (libstdc++'s matcher recurses per character).
inline constexpr std::size_t kMaxRegexSubject = 5000;
inline constexpr std::size_t kMaxRegexPattern = 1000;

// Compiles an ECMAScript pattern; on failure returns nullptr and says why in
// `problem`, in words an author can act on.
std::shared_ptr<const std::regex> compilePattern(const std::string& pattern, std::string& problem);
// Whether the whole of `value` (as text; no answer is '') matches.
bool matchesPattern(const std::regex& pattern, const Value& value);

// The units of date-diff(); `unitFromName` gives nullopt for another name.
enum class DateUnit { Days, Months, Years };
std::optional<DateUnit> dateUnitFromName(std::string_view name);
// Days since 1970-01-01 of a valid YYYY-MM-DD date; nullopt otherwise.
std::optional<long long> dayNumber(std::string_view iso);
// `to` minus `from` in whole units (months and years count completed ones,
// as an age does); no answer when either is not a date.
Value dateDifference(const Value& from, const Value& to, DateUnit unit);

}  // namespace focal::expr
