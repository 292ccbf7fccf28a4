// One entry per question type: everything that differs from one kind of
// question to another and is not the editor or the printed form's drawing.
// The reader takes its YAML name and allowed keys from here, the expression
// compiler its value type, the answer checks their entry point, and the
// exports and the printed report the parts a question stores (answerParts)
// and the shape of its columns. Adding a kind: a QuestionType, one entry in
// question_kinds.cpp, its editor (app/gui/editors) and its printed form
// (export/print/printable_report.cpp). See docs/architecture.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "forms/answer_path.h"
#include "forms/expression.h"
#include "forms/questionnaire.h"

namespace focal {

// Which places a question stores its answer in, besides its marks.
enum class AnswerShape {
  None,    // note: nothing stored
  Value,   // one value at the question's path
  Choice,  // the value, and <id>/other when the question has an "other" option
  Fields,  // named parts only (legislation: <id>/title, <id>/article, ...)
  Cells,   // one value per table cell: <id>/<row>/<column>
};

// How the wide data exports (SPSS, Stata, CSV) lay a question out.
enum class ExportColumns {
  None,      // note
  YesNo,     // one coded variable, 1 yes / 0 no
  Choice,    // one coded variable, and a text for "other"
  Choices,   // one 0/1 variable per choice, and "other" with its text
  Number,    // whole numbers
  Decimal,   // numbers with decimals
  Text,      // one text
  Fields,    // one text per named part
  Cells,     // one number per table cell
  Computed,  // a calculation's value, computed rather than stored
  Records,   // the number of records, then each record's questions
};

// How the printed report shows an answer.
enum class PrintedForm {
  None,        // note: its label only
  Value,       // the value as displayed (yes/no, numbers, dates, countries)
  Paragraphs,  // text, one paragraph per line
  Choices,     // the chosen labels
  Citation,    // the citation's fields
  Table,       // a table with its totals
  Records,     // one block per record
  Computed,    // the calculation's value, marked as calculated
  File,        // the attached file's name and size
};

// Checks one stored value (not a part, not a mark) of a question of the kind;
// "" when it fits. Defined in answer_value.cpp.
using ValueCheck = std::string (*)(const Question& question, std::string_view value);

struct QuestionKind {
  QuestionType type;
  const char* key;                        // the YAML name: "yes_no", "single_choice", ...
  std::vector<std::string> keys;          // the keys it allows besides kCommonQuestionKeys
  expr::Type expressionType;              // what ${id} gives in an expression
  bool takesAnswer = true;                // false: note, calculate
  bool takesDefault = true;               // whether `default:` applies
  bool hasChoices = false;                // `${id} = 'value'` is checked against its values
  bool numeric = false;                   // stored values are numbers (exports write them as numbers)
  bool showsInText = true;                // whether ${id} in a label has one answer to show
  std::vector<std::string> fixedChoices;  // yes_no: yes, no
  AnswerShape shape = AnswerShape::Value;
  std::vector<std::string> fields;  // AnswerShape::Fields: the named parts, in display order
  // The part whose value stands for the question in expressions and ${id}
  // ("title" for a citation); "" for the value itself.
  std::string valuePart;
  // The parts whose text may hold line breaks ("" for the value itself).
  std::vector<std::string> multiline;
  ValueCheck check = nullptr;  // nullptr: any text
  ExportColumns columns = ExportColumns::Text;
  PrintedForm printed = PrintedForm::Value;
};

// The keys every question allows, whatever its kind.
const std::vector<std::string>& commonQuestionKeys();

// Every kind, in the order of QuestionType.
const std::vector<QuestionKind>& questionKinds();
const QuestionKind& kindOf(QuestionType type);
inline const QuestionKind& kindOf(const Question& question) { return kindOf(question.type); }

// The places `question` stores its answer, in the order the question defines
// them (value, parts, cells), under `at` (the question's path, which may be
// inside a record). Marks are not listed.
std::vector<AnswerPath> answerParts(const Question& question, const AnswerPath& at);
std::vector<AnswerPath> answerParts(const Question& question);

// Whether `part`/`subpart` is one of the places answerParts lists ("" for the
// value itself), without building the list.
bool storesPart(const Question& question, std::string_view part, std::string_view subpart);

// The position of `part`/`subpart` in answerParts, or -1.
int partIndex(const Question& question, std::string_view part, std::string_view subpart);

}  // namespace focal
