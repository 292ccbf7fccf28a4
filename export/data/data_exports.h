// Data exports of one response (docs/report-format.md, "Data exports"):
// CSV (long, RFC 4180), JSON (long, with its schema in the document), XLSX
// (a sheet of answers, one per repeat group and one per statistical table,
// keyed to join back), and SPSS .sav and Stata .dta (one row, one variable
// per question or cell). Only relevant questions are exported. Text is kept
// whole except where a format caps it (XLSX cells, Stata and SPSS strings),
// and each cut is marked. CSV and XLSX text goes through formula_guard.h.
#pragma once

#include <string>

#include "export/report/report_context.h"

namespace focal {

// Each writes `path` atomically and throws ExportError on failure.
void exportCsv(const ReportContext& context, const std::string& path);
void exportJson(const ReportContext& context, const std::string& path);
void exportXlsx(const ReportContext& context, const std::string& path);
enum class StatisticsFormat { Spss, Stata };
void exportStatistics(const ReportContext& context, const std::string& path, StatisticsFormat format);

// The CSV file's text: UTF-8 with a byte order mark (so that spreadsheet
// programs read it as UTF-8), CRLF line ends, fields quoted when needed.
std::string csvText(const ReportContext& context);
std::string jsonText(const ReportContext& context);

// The marker appended to text cut to fit a cell, and the room it takes.
std::string cutMarker(std::size_t totalCharacters);

}  // namespace focal
