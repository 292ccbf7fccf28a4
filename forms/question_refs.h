// Citations of other questions inside texts. `{number:q_1_2_a}` in any text
// (title, introduction, label, help, messages, unit, choice and table
// labels, treaty texts), in every language, stands for the number Focal
// shows for question q_1_2_a: its `number:` as written, else its position
// ("2.1.8"). So "If the answer to question {number:q_1_2_a} is yes" names
// the question meant even after questions are added before it, in the app,
// the printed report, the codebook and `show` alike (the texts are expanded
// when the questionnaire is loaded, like {year_first}). A number written by
// hand ("question 1.2", "pregunta 1.2", "вопрос 1.2", "السؤال 1-2",
// "问题1.2") that is the number of no question is a warning of `validate`.
// (docs/questionnaire-format.md, "Numbers of questions in texts").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

// A {name:id} in a text that is, or looks meant to be, a question's number:
// {number:id}, or a near miss such as {numbre:id} or {Number:id}.
struct NumberPlaceholder {
  std::string name;                // before the colon
  std::string id;                  // after it, spaces trimmed; may be empty or not an id
  std::size_t begin = 0, end = 0;  // byte offsets of '{' and just past '}'
  bool known() const { return name == "number"; }
};
std::vector<NumberPlaceholder> numberPlaceholders(std::string_view text);

// The number each question is shown with in the reports, the codebook and
// `show`: `number:` as written, else the section's number and the question's
// place among the section's questions that are not notes ("2.3"); a repeat's
// fields add theirs ("2.3.1"). A note has none, so it is not in the map.
std::map<std::string, std::string> displayedQuestionNumbers(const Questionnaire& questionnaire);

// Each section's number, in the order of `questionnaire.sections`: `number:`
// as written, else its place ("2", "2.1").
std::vector<std::string> displayedSectionNumbers(const Questionnaire& questionnaire);

// `text` with each {number:id} of a numbered question replaced by its number;
// anything else is left as written.
std::string expandQuestionNumbers(std::string_view text, const std::map<std::string, std::string>& numbers);

// A question's number written by hand after a word for "question" in one of
// the six languages: "question 1.2", "questions 2.1 to 2.3" (each number),
// "Pregunta 1.2", "вопрос 1.2", "السؤال 1-2" (read as 1.2), "问题1.2".
struct QuestionCitation {
  std::string number;  // with '.' between its parts: "1.2"
  std::string letter;  // a following "(a)", "a)" or Arabic "(أ)", as a Latin letter; may be empty
  std::size_t begin = 0, end = 0;  // byte offsets of the number as written
};
std::vector<QuestionCitation> questionCitations(std::string_view text);

// Whether a citation names a number that is shown: the same number, with
// the same letter if it has one ("1.2 (a)" is shown only by a question whose
// `number:` is "1.2 (a)" or "1.2 a)").
bool citesShownNumber(const QuestionCitation& citation, const std::map<std::string, std::string>& numbers);

}  // namespace focal

namespace focal {
struct YamlNode;
class Diagnostics;
namespace detail {
// Called by the loader once the questionnaire is read: checks every
// {number:id} in the texts of `root` (an unknown id, a note, a misspelt name:
// an error at its line and column, a warning for a kept questionnaire, which
// is `lenient`), warns about each citation by hand of a number no question
// has (not for a kept questionnaire), then replaces the placeholders in
// every text of `questionnaire`.
void resolveQuestionNumbers(const YamlNode& root, Questionnaire& questionnaire, Diagnostics& diagnostics,
                            bool lenient);
}  // namespace detail
}  // namespace focal
