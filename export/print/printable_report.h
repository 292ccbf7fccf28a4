// The printable national report as a document, before any output format:
// the cover, the sections with their relevant questions and answers in
// reading form (tables as tables with totals, repeat records, citations,
// "Not answered" where nothing was given), and the list of attachments.
// The PDF (pdf_report.h) and HTML (html_report.h) renderers both draw it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "export/report/report_context.h"

namespace focal {

struct PrintField {
  std::string label, value;
  bool missing = false;  // "Not answered": shown dimmed
};

struct PrintTable {
  std::vector<std::string> header;  // the corner first, then the columns (and "Total")
  struct Row {
    std::string header;
    std::vector<std::string> cells;
    bool total = false;
  };
  std::vector<Row> rows;
  bool totalColumn = false;
};

struct PrintRecord {
  std::string title;  // "Record 2"
  std::vector<PrintField> fields;
};

struct PrintQuestion {
  std::string number;  // "2.3"; empty for a note
  std::string id;      // the question's id, for the secretariat
  std::string label;
  std::string references;  // treaty references, in words
  bool note = false;       // a text to read, no answer
  bool answered = false;
  std::string missing;               // "Not answered" / "Information not available" / "Not applicable"
  std::vector<std::string> lines;    // text paragraphs, or one chosen choice per line
  bool list = false;                 // lines are chosen choices
  std::vector<PrintField> fields;    // a legislation citation
  std::optional<PrintTable> table;   // a statistical table
  std::vector<PrintRecord> records;  // a repeat group
  std::string comment;
  std::string remark;  // "Carried forward ..., not yet confirmed"; "Calculated"
};

struct PrintSection {
  std::string number, title, intro, references;
  int depth = 0;
  std::vector<PrintQuestion> questions;
};

struct PrintAttachment {
  std::string name;      // made safe to show
  std::string question;  // number and label of the question it answers
  std::string size;      // "12.4 KB"
  std::string sha256;
};

struct PrintableReport {
  std::string language;
  bool rightToLeft = false;
  const ReportLabels* labels = nullptr;
  // The cover.
  std::string stateName, stateCode;
  std::string title;          // the questionnaire's title
  std::string instrument;     // the instrument's name
  std::string questionnaire;  // "tip-cycle2, version 1.0.0"
  std::string cycle, date, preparer, status, progress;
  std::string fingerprint;  // "" when the report is not signed
  bool draft = true;
  std::vector<PrintSection> sections;
  std::vector<PrintAttachment> attachments;
};

struct PrintOptions {
  // The fingerprint of the key that signs (or signed) the report; "" when it is not signed.
  std::string fingerprint;
};

PrintableReport buildPrintableReport(const ReportContext& context, const PrintOptions& options);

// "12.4 KB", "3.1 MB"
std::string humanSize(std::uint64_t bytes);

}  // namespace focal
