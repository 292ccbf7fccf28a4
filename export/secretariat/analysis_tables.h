// The analysis as tables: one per sheet of the workbook, one per CSV file,
// and the same tables (or parts of them) in the HTML and PDF reports.
// Texts are kept as given; each writer escapes or neutralises them.
#pragma once

#include <string>
#include <vector>

#include "export/secretariat/analysis_results.h"

namespace focal {

struct TableCell {
  enum class Kind { Empty, Text, Integer, Number, Percent };
  Kind kind = Kind::Empty;
  std::string text;
  double number = 0;     // Integer, Number, and Percent as a fraction (0.25 for 25%)
  std::string language;  // of a free text, for the writers that can say it (HTML, PDF)
  std::string suffix;    // after a number in display(), such as " (n = 86)"; left out of the workbook

  static TableCell str(std::string text, std::string language = {}) {
    return {Kind::Text, std::move(text), 0, std::move(language), {}};
  }
  static TableCell integer(double n) { return {Kind::Integer, {}, n, {}, {}}; }
  static TableCell real(double n) { return {Kind::Number, {}, n, {}, {}}; }
  static TableCell percent(double fraction) { return {Kind::Percent, {}, fraction, {}, {}}; }
  // The cell as plain text: "12", "3.5", "25.0%".
  std::string display() const;
};

struct TableColumn {
  std::string header;
  double width = 12;       // in characters, for the workbook
  bool keepWords = false;  // no word of its texts is broken (timestamps): the PDF's column is wide enough
};

struct AnalysisTable {
  std::string name;   // sheet name (at most 31 characters) and CSV file stem
  std::string title;  // a sentence saying what the table shows
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;
};

std::vector<AnalysisTable> analysisTables(const Analysis& analysis);
// The coverage of the provisions (analysis_provision_tables.cpp).
AnalysisTable provisionCoverageTable(const Analysis& analysis);
AnalysisTable uncoveredProvisionsTable(const Analysis& analysis);
// The legislation compendium, one act a line (analysis_compendium.cpp).
AnalysisTable compendiumTable(const Analysis& analysis);
// The statistical tables (analysis_statistics.cpp): every cell and total
// with the States it covers, one line each (workbook, CSV); and one table
// as the report shows it, each cell with its number of States, and the note
// under it (rows and columns kept out of the totals, totals that add what
// different sets of States gave).
AnalysisTable statisticalTables(const Analysis& analysis);
AnalysisTable consolidatedTable(const Analysis& analysis, const TableTotals& table);
std::string consolidatedTableNote(const Analysis& analysis, const TableTotals& table);
// A number question's special codes and the States giving each: "life imprisonment (99): 12".
std::string specialText(const NumberSummary& n);

// Output, each file written whole or not at all (output_file.h). Throw ExportError.
// The workbook's notes are worded by `translator` (the analysis's).
void writeWorkbook(const std::vector<AnalysisTable>& tables, const std::string& path,
                   const Translator& translator);
// One CSV file per table in `directory` (created when missing): UTF-8 with
// a byte-order mark (so spreadsheet programs read it as UTF-8), RFC 4180
// quoting. Returns the files written.
std::vector<std::string> writeCsvFiles(const std::vector<AnalysisTable>& tables,
                                       const std::string& directory);
std::string csvText(const AnalysisTable& table);

// Text longer than a spreadsheet cell holds (32,767 characters), cut on a
// character boundary with a note of the length.
std::string fitCell(const std::string& text, const Translator& translator, std::size_t max = 32767);

}  // namespace focal
