// The codebook of a questionnaire: one entry per variable of the SPSS and
// Stata exports, named exactly as they name it (the names come from the same
// code, wide_row.h, and the same VariableNamer), with the CSV and XLSX
// exports' `question` and `part` columns that hold the same answer, its
// label, type, coded values, the condition under which it is asked in
// words, its checks and its previous-cycle source. Authors review with it;
// analysts read the data with it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "forms/questionnaire.h"

namespace focal {

struct CodebookEntry {
  std::string spss, stata;     // the variable's name in the .sav and .dta files
  std::string question, part;  // the CSV/XLSX rows holding it: `question` and `part` columns
  std::string number;          // the question's number ("1.2"), "" for the identifying variables
  std::string label, type;     // type: the question's type, with "per record" for a repeat's field
  std::string values;          // coded values: "1 = Yes; 0 = No"; a choice's stored value in brackets
  std::string asked;           // "Always" or "If 1.2 is Yes and ..."
  std::string checks;          // required, constraint, bounds, calculation
  std::string source;          // the previous cycle's question it carries forward
};

struct Codebook {
  std::string title, questionnaireId, version, language, previousCycle;
  std::vector<CodebookEntry> entries;
};

// Throws ExportError when `language` is not one of the questionnaire's.
Codebook buildCodebook(std::shared_ptr<const Questionnaire> questionnaire, const std::string& language);

// The column names shared by the CSV, XLSX and HTML codebooks.
const std::vector<std::string>& codebookHeader();
std::vector<std::string> codebookFields(const CodebookEntry& entry);

// Each writes `path` atomically and throws ExportError on failure.
enum class CodebookFormat { Html, Pdf, Xlsx, Csv };
void writeCodebook(const Codebook& codebook, CodebookFormat format, const std::string& path);
std::string codebookCsv(const Codebook& codebook);
std::string codebookHtml(const Codebook& codebook);
void writeCodebookXlsx(const Codebook& codebook, const std::string& path);
void writeCodebookPdf(const Codebook& codebook, const std::string& path);

}  // namespace focal
