// The value format of each question type: checking a typed answer and
// reading it as an expression value. Messages are for the person typing.
#pragma once

#include <string>
#include <string_view>

#include "forms/answer_path.h"
#include "forms/expression.h"
#include "forms/questionnaire.h"

namespace focal {

// Whether `path` names a place an answer of `question` can go (its value,
// "other", a legislation field, a table cell, or a mark). Returns a message
// saying what is wrong, or "" when it fits.
std::string checkPathFits(const Question& question, const AnswerPath& path);

// Checks the text stored at `path` (a value or a mark) against the question's
// type, bounds and choices. Returns "" when it is fine, else a message saying
// what to enter instead. An empty value is always fine here (required is
// checked by the session).
std::string checkAnswerValue(const Question& question, const AnswerPath& path, std::string_view value);

// The expression value of a stored answer (number, text, list), or null.
expr::Value expressionValue(const Question& question, std::string_view value);

// The expression type of a question's answer.
expr::Type expressionType(const Question& question);

// The value check of each kind of question (QuestionKind::check): the value
// at the question's own path, never empty here.
namespace value_check {
std::string yesNo(const Question& question, std::string_view value);
std::string choice(const Question& question, std::string_view value);
std::string choices(const Question& question, std::string_view value);
std::string text(const Question& question, std::string_view value);
std::string wholeNumber(const Question& question, std::string_view value);
std::string year(const Question& question, std::string_view value);
std::string decimal(const Question& question, std::string_view value);
std::string tableCell(const Question& question, std::string_view value);
std::string date(const Question& question, std::string_view value);
std::string country(const Question& question, std::string_view value);
std::string recordKeys(const Question& question, std::string_view value);
}  // namespace value_check

// Strict parsing helpers shared by the checks and the importers.
bool parseInteger(std::string_view text, long long& out);
bool parseDecimal(std::string_view text, double& out);
bool isIsoDate(std::string_view text);

// Splits a space-separated list (multiple choice, repeat record keys).
std::vector<std::string> splitWords(std::string_view text);
std::string joinWords(const std::vector<std::string>& words);

}  // namespace focal
