// The analytical report as a sequence of blocks (headings, paragraphs,
// tables, charts), built once from the analysis and rendered to HTML
// (analysis_html.cpp) and PDF (analysis_pdf.cpp), so both say the same.
// `writeAnalysis` is the single entry point for every output format.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "export/secretariat/analysis_results.h"
#include "export/secretariat/analysis_tables.h"
#include "export/secretariat/charts.h"

namespace focal {

struct DocHeading {
  int level = 1;  // 1: a part of the report, 2: a section, 3: a question
  std::string text;
};

struct DocParagraph {
  enum class Style { Body, Note, Quote, Label };
  std::string text;
  Style style = Style::Body;
  std::string language;  // of a State's own text ("" for the report's)
};

struct DocTable {
  AnalysisTable table;
  std::size_t maxCellChars = 600;  // longer texts are cut in the report (the workbook has them whole)
};

struct DocChart {
  charts::BarChart chart;
  std::string description;  // the chart's figures as a sentence, for screen readers
};

using DocBlock = std::variant<DocHeading, DocParagraph, DocTable, DocChart>;

struct AnalysisDocument {
  std::string title, subtitle;
  std::vector<std::string> cover;  // lines under the title
  std::string language;            // of labels
  Translator translator;           // the wording of `language` (the analysis's)
  std::vector<DocBlock> blocks;
};

AnalysisDocument analysisDocument(const Analysis& analysis);
// The legislation compendium's part of the report (analysis_compendium.cpp).
void appendCompendium(const Analysis& analysis, std::vector<DocBlock>& blocks);

// Throw ExportError.
void writeHtml(const AnalysisDocument& document, const std::string& path);
void writePdf(const AnalysisDocument& document, const std::string& path);

enum class AnalysisFormat { Xlsx, Csv, Html, Pdf };
// `output` is a file, or a folder for CSV (one file per table).
void writeAnalysis(const Analysis& analysis, AnalysisFormat format, const std::string& output);

}  // namespace focal
