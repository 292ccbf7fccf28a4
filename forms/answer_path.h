// Paths address every stored answer (docs/questionnaire-format.md, "Answer
// values and paths"):
//
//   path   := [ repeat '[' key ']' '/' ] id [ '/' part [ '/' part ] ] [ '@' mark ]
//   repeat, id, part := [A-Za-z_][A-Za-z0-9_]*     key := [A-Za-z0-9]+
//   mark   := status | comment | carried | offered | previous
//
// e.g. q_1, q_5/other, q_12/title, q_14/y2022/women, q_15[r7c1a]/q_15_partner,
// q_7@status. A repeat's own path holds its record keys in order.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace focal {

struct AnswerPath {
  std::string repeat;     // the enclosing repeat's id, "" at top level
  std::string recordKey;  // the record within that repeat
  std::string question;   // the question's id
  std::string part;       // "other", a legislation field, or a table row
  std::string subpart;    // a table column
  // "status", "comment", "carried", "offered" (where a taken answer came
  // from, forms/offers.h) or "previous" (the previous cycle's values,
  // forms/cycle_changes.h); "" for the value
  std::string mark;

  std::string str() const;
  // The same path without its mark: the value the mark belongs to.
  AnswerPath valuePath() const;
  // The path of the question's value (no part, no mark), keeping the record.
  AnswerPath questionPath() const;
  // The same path with another part (and subpart), or another mark.
  AnswerPath withPart(const std::string& part, const std::string& subpart = {}) const;
  AnswerPath withMark(const std::string& mark) const;
  // The part as written after the question's id: "other", "title", "y2022/women".
  std::string partText() const;
  bool operator==(const AnswerPath&) const = default;
};

std::optional<AnswerPath> parseAnswerPath(std::string_view text);

AnswerPath pathOf(const std::string& question, const std::string& part = {}, const std::string& subpart = {});
AnswerPath recordPath(const std::string& repeat, const std::string& key, const std::string& question,
                      const std::string& part = {}, const std::string& subpart = {});

// The same helpers over a path already written out (a question's value path
// such as "q_5" or "r[k]/q_5"): "q_5@status", "q_5/other", "q_14/y2022/women".
std::string withMark(std::string_view path, std::string_view mark);
std::string partPath(std::string_view path, std::string_view part, std::string_view subpart = {});
// A record of a repeat, "r[k]", and the prefix of every path inside it, "r[k]/".
std::string recordId(std::string_view repeat, std::string_view key);
std::string recordPrefix(std::string_view repeat, std::string_view key);

}  // namespace focal
