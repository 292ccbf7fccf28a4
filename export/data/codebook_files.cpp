// The codebook as a workbook (libxlsxwriter) and as a PDF (the printed
// reports' page flow, pdf_flow.h): one block per variable.
#include <cairo-pdf.h>
#include <xlsxwriter.h>

#include "export/common/formula_guard.h"
#include "export/common/output_file.h"
#include "export/common/report_labels.h"
#include "export/data/codebook.h"
#include "export/print/pdf_flow.h"
#include "export/print/printed_report.h"

namespace focal {

namespace {

void check(lxw_error rc, const std::string& path) {
  if (rc != LXW_NO_ERROR)
    throw ExportError("cannot write " + path + ": " + lxw_strerror(rc) + "; check the disk and try again");
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// Lays the codebook out on `cr`; returns the number of pages.
int render(cairo_t* cr, const Codebook& book, bool draw, int pages) {
  using pdf::Flow;
  using pdf::TextStyle;
  Flow flow(cr, draw, isRightToLeft(book.language), pdfFontFamilies(book.language));
  const std::string footer = "Codebook - " + book.questionnaireId + " " + book.version;
  flow.onPageEnd = [&](Flow& f, int page) {
    if (!f.drawing()) return;
    TextStyle small{.size = 8, .color = {0.4, 0.4, 0.4}};
    auto left = f.layout(footer, small, f.contentWidth() / 2);
    f.place(left.get(), 0, Flow::kPageHeight - 48, f.contentWidth() / 2);
    TextStyle right = small;
    right.align = pdf::Align::End;
    auto number = f.layout("Page " + std::to_string(page) + (pages ? " of " + std::to_string(pages) : ""),
                           right, f.contentWidth() / 2);
    f.place(number.get(), f.contentWidth() / 2, Flow::kPageHeight - 48, f.contentWidth() / 2);
  };
  flow.startFirstPage();
  const double width = flow.contentWidth();
  flow.text("Codebook", TextStyle{.size = 20, .bold = true}, 0, width);
  flow.space(4);
  flow.text(book.title, TextStyle{.size = 13}, 0, width);
  flow.space(4);
  flow.text(book.questionnaireId + ", version " + book.version + ", language " + book.language +
                (book.previousCycle.empty() ? "" : ", previous cycle " + book.previousCycle),
            TextStyle{.size = 9, .color = {0.35, 0.35, 0.35}}, 0, width);
  flow.space(8);
  flow.text(
      "One entry per variable of the SPSS (.sav) and Stata (.dta) exports, named as they name it. "
      "\"CSV\" gives the question and part columns of the CSV and XLSX exports that hold the same answer. "
      "A question given a status (information not available, not applicable) has one more variable, "
      "its name followed by _status.",
      TextStyle{.size = 9, .lineSpacing = 1.1}, 0, width);
  flow.space(12);
  const TextStyle name{.size = 10.5, .bold = true, .mono = true, .color = {0.05, 0.25, 0.5}};
  const TextStyle labelStyle{.size = 8.5, .bold = true, .color = {0.35, 0.35, 0.35}};
  const TextStyle value{.size = 9};
  const double labelWidth = 78;
  for (const auto& e : book.entries) {
    flow.keep(60);
    flow.rule(0, width, {0.72, 0.76, 0.82}, 0.6);
    flow.space(5);
    std::string heading = e.spss + (e.stata != e.spss ? "   (Stata: " + e.stata + ")" : "");
    if (!e.number.empty()) heading += "   " + e.number;
    flow.text(heading, name, 0, width, 30);
    flow.space(2);
    flow.text(e.label, TextStyle{.size = 10}, 0, width, 20);
    flow.space(3);
    auto field = [&](const std::string& label, const std::string& text) {
      if (text.empty()) return;
      flow.field(label, labelStyle, labelWidth, text, value, 0, width);
      flow.space(1.5);
    };
    field("Type", e.type);
    field("Values", e.values);
    field("Asked", e.asked);
    field("Checks", e.checks);
    field("Carried from", e.source);
    field("CSV", e.question.empty() ? "" : e.question + (e.part.empty() ? "" : ", part " + e.part));
    flow.space(6);
  }
  flow.finish();
  return flow.page();
}

}  // namespace

void writeCodebookXlsx(const Codebook& book, const std::string& path) {
  OutputFile out(path);
  lxw_workbook* wb = workbook_new(out.tempPath().c_str());
  if (!wb) throw ExportError("cannot write " + path + ": libxlsxwriter cannot create the file");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDCE6F1);
  format_set_border(bold, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "codebook");
  const auto& header = codebookHeader();
  const double widths[] = {18, 18, 14, 12, 8, 40, 24, 36, 30, 30, 20};
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t row = 1;
  for (const auto& e : book.entries) {
    const auto fields = codebookFields(e);
    for (std::size_t c = 0; c < fields.size(); ++c)
      if (!fields[c].empty())
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), neutralizeFormula(fields[c]).c_str(),
                               wrap);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(header.size() - 1));
  check(workbook_close(wb), path);
  out.commit();
}

void writeCodebookPdf(const Codebook& book, const std::string& path) {
  int pages = 0;
  {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(discard, nullptr, pdf::Flow::kPageWidth, pdf::Flow::kPageHeight);
    cairo_t* cr = cairo_create(surface);
    pages = render(cr, book, false, 0);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  OutputFile out(path);
  cairo_surface_t* surface =
      cairo_pdf_surface_create(out.tempPath().c_str(), pdf::Flow::kPageWidth, pdf::Flow::kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    throw ExportError("cannot write " + path + ": " + why);
  }
  const std::string title = "Codebook - " + book.title;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Focal " FOCAL_VERSION);
  cairo_t* cr = cairo_create(surface);
  render(cr, book, true, pages);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw ExportError("cannot write " + path + ": " + cairo_status_to_string(status) +
                      "; check the disk and try again");
  out.commit();
}

}  // namespace focal
