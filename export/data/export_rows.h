// The long form of a response shared by the CSV, XLSX and JSON exports: one
// row per stored answer (values, parts, marks) plus the computed values, in
// the questionnaire's order, each with its path taken apart so that repeat
// records and table cells join back (docs/report-format.md, "Data exports").
#pragma once

#include <string>
#include <vector>

#include "export/report/report_context.h"

namespace focal {

struct ExportRow {
  std::string path;
  std::string question;  // the question's id
  std::string repeat;    // the enclosing repeat's id, "" at top level
  std::string record;    // the record's key, "" at top level
  int recordNumber = 0;  // 1-based position of the record, 0 at top level
  std::string part;      // "other", a legislation field, or "row/column" of a table
  std::string mark;      // "status", "comment", "carried", or ""
  std::string value;     // as stored
  std::string label;     // as a reader reads it, in the export's language
  std::string changedBy, changedAt;
  bool calculated = false;  // computed by Focal, not stored
  bool numeric = false;     // a number (integer, decimal, year, table cell)
  const Question* definition = nullptr;
};

std::vector<ExportRow> exportRows(const ReportContext& context);

// The CSV header and one row's fields, shared by CSV and the XLSX "answers" sheet.
const std::vector<std::string>& exportRowHeader();
std::vector<std::string> exportRowFields(const ReportContext& context, const ExportRow& row);

// Text cut to at most `maxUnits` UTF-16 code units (Excel's measure), on a
// character boundary; `cut` tells whether anything was removed.
std::string cutToUtf16Units(const std::string& text, std::size_t maxUnits, bool* cut);
std::size_t utf16Units(const std::string& text);

}  // namespace focal
