// The one rule for answer text, for every way in (the app, focal-cli fill
// from CSV or JSON, contribution import, questionnaire upgrade and
// carry-forward): valid UTF-8 (no overlong forms, no surrogates, nothing
// above U+10FFFF), no NUL, no other C0 control character but tab, and line
// breaks (LF, or CR LF) only in long texts (long_text answers, comments and citation
// excerpts). A report cannot carry anything else, and no resend fixes a
// signed report that holds it, so such text is refused where answers are
// written (ResponseSession::apply and Workspace::write), and a workspace
// that already holds some names the answer in `status` and refuses to export.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "forms/answer_path.h"
#include "forms/questionnaire.h"

namespace focal {

// `text` without the spaces, tabs and line breaks around it.
std::string trimmedText(std::string_view text);

// What is wrong with `text` ("holds a NUL character (character 3)"), or "".
std::string textRuleProblem(std::string_view text, bool lineBreaksAllowed);

// Whether the answer at `path` is a long text that may hold line breaks.
bool allowsLineBreaks(const Question& question, const AnswerPath& path);

// The message for an answer that breaks the rule, saying what to do; "" when it is fine.
std::string checkAnswerText(const Question& question, const AnswerPath& path, std::string_view value);

// The same for a stored path of `questionnaire` (an unknown path is held to
// the one-line rule).
std::string checkAnswerText(const Questionnaire& questionnaire, const std::string& path,
                            std::string_view value);

// Every stored answer that breaks the rule, as (path, message), in path order.
std::vector<std::pair<std::string, std::string>> answerTextProblems(
    const Questionnaire& questionnaire, const std::map<std::string, std::string>& answers);

// `text` made safe to print on a terminal: control characters (C0, DEL,
// C1), bidirectional controls (U+200E, U+200F, U+061C, U+202A to U+202E,
// U+2066 to U+2069) and bytes that are not UTF-8 are shown as escapes
// (\n, \t, \r, \x1b, \u202e), so a name or code read from a file can neither
// forge a line of output nor send codes to the terminal. Everything else,
// Arabic and Chinese included, is kept as it is.
std::string printable(std::string_view text);

}  // namespace focal
