// ${id} inside a label or help text: the answer to question `id` shown in
// the text ("If the answer to ${q_1_2} was no..." reads "If the answer to
// No was no..." only if the author wants it so; the usual use is a number or
// a name: "Of the ${q_4} victims identified, how many were children?").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

class ResponseSession;

// One ${id} in a text: its id and where it is (byte offsets of "${" and
// just past "}").
struct TextReference {
  std::string id;
  std::size_t begin = 0, end = 0;
};

// Every well-formed ${id} of `text`, in order.
std::vector<TextReference> textReferences(std::string_view text);

// What an unanswered ${id} shows: "…" (U+2026), neutral in every language.
inline constexpr const char* kUnansweredInText = "\u2026";

// `text` with each ${id} replaced by `answer(id)` (an unanswered question
// gives kUnansweredInText); text without ${ is returned as it is.
std::string fillTextReferences(std::string_view text,
                               const std::function<std::string(const std::string&)>& answer);

// `text` with each ${id} filled with that question's answer in `session` as
// a person reads it: a choice's label in the session's language, Yes or No,
// a calculation's value, a number or a text as given; "…" when
// unanswered, not relevant, marked not available or not applicable, or
// inside a repeat group (which has one answer per record). For the app and the reports to call when they show
// a label or a help text.
std::string fillText(const ResponseSession& session, std::string_view text);

// Whether the label, help or a choice label of `question` shows an answer.
bool showsAnswers(const Question& question);

// For each question id, the questions whose label, help or choice labels
// show its answer: what a view updates when that answer changes.
std::unordered_map<std::string, std::vector<std::string>> answerShowers(const Questionnaire& questionnaire);

}  // namespace focal
