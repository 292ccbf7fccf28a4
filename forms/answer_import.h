// Reading an answers file (focal-cli fill) and applying it to a response.
//
// CSV (RFC 4180), UTF-8, with the header question_id,value:
//   file   := header CRLF row { CRLF row } [ CRLF ]
//   row    := field ',' field
//   field  := '"' { any char but '"' | '""' } '"' | { any char but ',' '"' CR LF }
// The first field is an answer path (docs/questionnaire-format.md, "Answer
// values and paths"); records of a repeat are numbered from 1 in the order
// given: q_15[1]/q_15_partner. LF alone ends a line too; a BOM is skipped.
//
// JSON: one object from question id (or path) to value: a string or
// number; true/false for yes_no; a list of choices for multiple_choice; a
// list of record objects for a repeat; an object of parts for legislation;
// an object of rows of cells for a table; "id@status" and "id@comment" marks.
//
// Applying: rows are validated as the app validates typing, in the order
// given, in two passes so a follow-up placed before its gating answer is
// judged once everything is in. A row that cannot be stored (unknown
// question, a value not in the question's format, a record list that is
// full) is rejected with its row and reason; everything else is stored, in
// one transaction and one undo step. Empty values are skipped, so a blank
// template never erases answers. A record identical to one already there is
// not added twice, so running the same file again changes nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "forms/questionnaire.h"
#include "forms/response_document.h"

namespace focal {

struct AnswerRow {
  std::string where;  // "row 4" or "\"q_15\", record 2"
  std::string path;   // as given; [n] with digits only numbers a new record
  std::string value;
  bool isNull = false;  // JSON null: nothing to store
};

struct ImportProblem {
  std::string where, path, message;
};

struct AnswerFile {
  std::string name;       // for messages
  std::string directory;  // where attached files are looked for
  std::vector<AnswerRow> rows;
  std::vector<ImportProblem> problems;  // rows that could not be read
};

// Reads FILE as CSV or JSON (by its first non-blank character). Throws
// WorkspaceError (NotFound, Refused) when the file as a whole cannot be read.
AnswerFile readAnswerFile(const std::string& path, const Questionnaire& questionnaire);
AnswerFile parseAnswersCsv(std::string_view text, const std::string& name);
AnswerFile parseAnswersJson(std::string_view text, const std::string& name,
                            const Questionnaire& questionnaire);

struct ImportResult {
  std::size_t saved = 0;      // answers whose value changed (each counted once, however many rows)
  std::size_t unchanged = 0;  // answers that already had that value
  std::size_t skipped = 0;    // empty values and nulls
  std::size_t recordsAdded = 0;
  std::size_t recordsAlreadyPresent = 0;
  // Records read to find one already holding a group's values: the work
  // that once grew with rows x records (#18 point 9); tests bound it.
  std::size_t recordsCompared = 0;
  std::vector<ImportProblem> rejected;  // not stored; includes the file's own problems
  std::vector<ImportProblem> warnings;  // stored, but flagged (constraint, not relevant)
};

ImportResult importAnswers(ResponseDocument& document, const AnswerFile& file);

}  // namespace focal
