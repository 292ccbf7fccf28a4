// The printable national report as PDF (cairo and pango: A4, cover,
// contents, sections, attachments, "Page N of M") and as one self-contained
// HTML file (no external resource, everything escaped, dir="rtl" for
// right-to-left languages). Both draw printable_report.h's document.
#pragma once

#include <string>

#include "export/print/printable_report.h"

namespace focal {

// Each writes `path` atomically and throws ExportError on failure.
void exportPdf(const ReportContext& context, const PrintOptions& options, const std::string& path);
void exportHtml(const ReportContext& context, const PrintOptions& options, const std::string& path);

void writePdf(const PrintableReport& report, const std::string& path);
std::string htmlText(const PrintableReport& report);

// The font families the PDF asks pango for, by language: Noto Sans, Noto
// Sans Arabic and Noto Sans CJK SC, the script of the language first.
std::string pdfFontFamilies(const std::string& language);

}  // namespace focal
