// The built-in function table of expressions: each function's name and how
// many values it takes; and, for a name that is not a function, the refusal
// message: what to write instead of an XLSForm (ODK, Kobo) function Focal
// does not have, or the nearest function name ("did you mean").
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "forms/expression_compiler_internal.h"

namespace focal::expr {

namespace detail {

namespace {

constexpr std::array<FunctionSpec, 20> kFunctions = {{
    {"not", Fn::Not, 1, 1},
    {"if", Fn::If, 3, 3},
    {"selected", Fn::Selected, 2, 2},
    {"count-selected", Fn::CountSelected, 1, 1},
    {"count", Fn::Count, 1, 1},
    {"sum", Fn::Sum, 1, 1},
    {"string-length", Fn::StringLength, 1, 1},
    {"today", Fn::Today, 0, 0},
    {"coalesce", Fn::Coalesce, 2, 2},
    {"true", Fn::True, 0, 0},
    {"false", Fn::False, 0, 0},
    {"concat", Fn::Concat, 1, -1},
    {"round", Fn::Round, 1, 2},
    {"number", Fn::Number, 1, 1},
    {"is-empty", Fn::IsEmpty, 1, 1},
    {"regex", Fn::Regex, 2, 2},
    {"date-diff", Fn::DateDiff, 3, 3},
    {"count-non-empty", Fn::CountNonEmpty, 1, 1},
    {"indexed-repeat", Fn::IndexedRepeat, 3, 3},
    {"position", Fn::Position, 0, 0},
}};

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// XLSForm (ODK, Kobo) functions Focal does not have, and what to write instead.
struct Equivalent {
  std::string_view xlsform;
  std::string_view advice;
};
constexpr std::array<Equivalent, 14> kEquivalents = {{
    {"now", "Focal answers hold dates, not times: use today()"},
    {"empty", "use is-empty(x)"},
    {"choice-name",
     "expressions work with choice values, not labels; compare the value, as in ${id} = 'value', and "
     "write ${id} in a label to show the chosen choice"},
    {"jr:choice-name",
     "expressions work with choice values, not labels; compare the value, as in ${id} = 'value', and "
     "write ${id} in a label to show the chosen choice"},
    {"boolean", "compare the value instead, as in ${id} = 'yes' or ${n} > 0"},
    {"substring", "use substr(text, start, end), which counts from 0"},
    {"count-selected-at", "use selected-at(${id}, n)"},
    {"once", "a calculation is computed again whenever its answers change; use a question instead"},
    {"uuid", "Focal identifies each reply itself; there is no need for a generated id"},
    {"random", "Focal questionnaires are not randomised"},
    {"randomize", "Focal questionnaires are not randomised"},
    {"pulldata",
     "Focal has no external data files: carry answers forward from the previous cycle with "
     "carry_forward_from"},
    {"instance", "Focal has no secondary instances: use a choice_filter on the question"},
    {"decimal-date-time", "Focal answers hold dates, not times: use date-diff(${from}, ${to}, 'days')"},
}};

}  // namespace

const FunctionSpec* findFunction(std::string_view name) {
  for (const FunctionSpec& spec : kFunctions) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// Every function name, the built-in ones first, for "did you mean".
std::vector<std::string_view> functionNames() {
  std::vector<std::string_view> names;
  for (const FunctionSpec& spec : kFunctions) names.push_back(spec.name);
  for (const LibrarySpec& spec : libraryFunctions()) names.push_back(spec.name);
  return names;
}

std::string unknownFunctionMessage(std::string_view name) {
  std::string message = "unknown function '" + std::string(name) + "'";
  const std::string lower = lowerCase(name);
  for (const Equivalent& equivalent : kEquivalents) {
    if (equivalent.xlsform == lower) {
      return message + "; Focal has no " + lower +
             "() (an XLSForm function): " + std::string(equivalent.advice);
    }
  }
  // Only a near name is offered: one or two letters off, or the name as a
  // whole part of a longer one ("length" for "string-length"): XLSForm's
  // now is not "near" not, nor min near if.
  const std::vector<std::string_view> names = functionNames();
  std::string_view best;
  std::size_t bestDistance = 0;
  for (const std::string_view candidate : names) {
    std::size_t distance = editDistance(lower, candidate);
    if (lower.size() >= 4 && candidate.find(lower) != std::string_view::npos) distance = 1;
    if (best.empty() || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A short name must be one letter off and keep its first letter.
  const std::size_t allowed = lower.size() <= 4 ? 1 : std::max<std::size_t>(2, lower.size() / 4);
  const bool sameStart = !lower.empty() && !best.empty() && lower[0] == best[0];
  if (!best.empty() && bestDistance <= allowed && (lower.size() > 4 || sameStart || bestDistance == 0)) {
    return message + "; did you mean '" + std::string(best) + "'?";
  }
  message += "; the functions are";
  for (std::size_t i = 0; i < names.size(); ++i) {
    message += (i == 0 ? " " : ", ");
    message += names[i];
  }
  return message;
}

}  // namespace detail

}  // namespace focal::expr
