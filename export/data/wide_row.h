// A response as one wide row, for SPSS and Stata: one variable per question,
// per choice of a multiple choice, per part of a citation, per table cell
// and per field of each repeat record (docs/report-format.md, "SPSS and
// Stata"). Names here are the wanted ones; each format's writer makes them
// valid and unique with VariableNamer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "export/report/report_context.h"

namespace focal {

struct WideVariable {
  enum class Kind { Number, Coded, Text };
  // SPSS's measurement level: nominal for choices, yes/no and text; scale
  // for numbers (counts, years, amounts). The questionnaire declares no
  // ordered choice list, so nothing is ordinal yet.
  enum class Measure { Nominal, Ordinal, Scale };
  std::string wantedName;  // q_1, q_5_labour, q_14_y2022_women, q_15_partner_1
  std::string label;       // the question's label, with the choice, cell or record
  // Byte ranges [first, second) of `label` that are question labels: the
  // parts that may be shortened when a format caps labels. The rest (choice,
  // cell, record, part) tells variables apart and is always kept.
  std::vector<std::pair<std::size_t, std::size_t>> stems;
  Kind kind = Kind::Text;
  std::vector<std::pair<int, std::string>> valueLabels;  // for Coded
  std::optional<double> number;                          // Number and Coded; empty: missing
  std::string text;                                      // Text; empty: missing
  Measure measure = Measure::Nominal;
  int decimals = 0;    // Number: the digits after the point (0 for counts, years, integers)
  std::string status;  // "not_available" / "not_applicable" when the question says so and has no value
  // What the variable holds, for the codebook: its question (null for the
  // identifying variables), the part of the answer as the CSV export's `part`
  // column names it ("other", "women/2022"...), or the chosen choice.
  const Question* question = nullptr;
  std::string part, choice;
  int record = 0;  // 1-based record of a repeat field, 0 elsewhere
};

std::vector<WideVariable> wideRow(const ReportContext& context);
// The variables every response can have, with the first record of each
// repeat and no `_status` variables: what the codebook describes.
std::vector<WideVariable> wideLayout(const ReportContext& context);
// The variables that come first in the SPSS and Stata files: state,
// questionnaire, version, status.
std::vector<WideVariable> identifyingVariables(const ReportContext& context);

// Valid, unique variable names for one file.
class VariableNamer {
 public:
  enum class Rules {
    Spss,   // at most 64 bytes, a letter first, then letters, digits, _ . @ # $; not ALL, AND, BY...
    Stata,  // at most 32 characters, a letter or _ first, then letters, digits, _; not _n, byte, in...
  };
  explicit VariableNamer(Rules rules) : rules_(rules) {}
  // `wanted` made valid under the rules and unique (whatever the case) among the names given so far.
  std::string name(std::string_view wanted);

 private:
  Rules rules_;
  std::unordered_set<std::string> taken_;  // lower case
};

// `text` cut to at most `maxBytes` bytes on a UTF-8 character boundary.
std::string cutUtf8(const std::string& text, std::size_t maxBytes);

// The variable's label in at most `maxBytes` bytes (Stata: 80): the question
// labels are shortened, outermost first, each ending with "…", so that the
// distinguishing suffix stays whole; only if that is not enough is the
// start cut too. Never cuts inside a UTF-8 character.
std::string fitLabel(const WideVariable& variable, std::size_t maxBytes);

}  // namespace focal
