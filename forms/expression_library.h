// The XLSForm (ODK XForms) functions that take values and give a value, with
// no access to answers of their own: int(), min(), contains(), substr(),
// format-date() and the like. Each is described by a LibrarySpec (how many
// values, of which kinds, and the kind of its result), checked by the
// compiler (expression_calls.cpp) and run by callLibrary() in one
// instruction of the evaluator. Semantics follow the ODK XForms
// specification and JavaRosa; where Focal differs it is said below and in
// docs/questionnaire-format.md ("Differences from XLSForm").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "forms/expression.h"

namespace focal::expr {

enum class Lib : std::uint8_t {
  Int,
  Abs,
  Pow,
  Min,
  Max,
  Floor,
  Ceiling,
  Contains,
  StartsWith,
  EndsWith,
  Substr,
  SubstringBefore,
  SubstringAfter,
  String,
  Join,
  NormalizeSpace,
  BooleanFromString,
  SelectedAt,
  FormatDate,
  Date,
};

// The kind of each value a function takes, one letter per position (the
// last letter repeats for functions with no upper limit):
//   n  a number           t  text (a number, date or true/false is shown as text)
//   l  a choice answer (single or multiple) or text
//   v  any value, a multiple-choice answer too
//   d  a date, or text or a number read as one
struct LibrarySpec {
  std::string_view name;
  Lib fn;
  int minArgs, maxArgs;  // maxArgs -1: no limit
  std::string_view kinds;
  Type result;
};

const LibrarySpec* findLibraryFunction(std::string_view name);
std::span<const LibrarySpec> libraryFunctions();

// Runs `fn` on `count` values (count <= 255).
Value callLibrary(Lib fn, Value* args, std::size_t count);

// Reads text as a number the way XPath does: optional spaces, an optional
// '-', digits with at most one '.', optional spaces. '1.1e6', '+5', '14,6'
// and 'Infinity' are not numbers (nullopt).
std::optional<double> parseXPathNumber(std::string_view text);

// A value as a number: true 1, false 0, text as parseXPathNumber reads it;
// nullopt for no value (an unanswered question) and for text that is not one.
std::optional<double> numberOf(const Value& value);

}  // namespace focal::expr
