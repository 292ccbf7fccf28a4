// The analytical report as a PDF (A4), laid out by the same page flow as
// the national report (export/print/pdf_flow.h): a cover, then each part on
// a new page, with a running header, page numbers and bookmarks. Paragraphs
// break between lines and tables between rows (repeating their header);
// charts are vector drawings (charts.h) kept whole. A heading (or a label)
// always stays on its page with the start of what follows it. In Arabic the
// page is mirrored: text, tables and the quotes' bars start at the right.
#include <cairo-pdf.h>

#include <algorithm>
#include <map>
#include <optional>

#include "export/common/output_file.h"
#include "export/common/report_labels.h"
#include "export/print/pdf_flow.h"
#include "export/print/pdf_text_map.h"
#include "export/print/printed_report.h"
#include "export/secretariat/analysis_document.h"

namespace focal {

namespace {

using pdf::Align;
using pdf::Color;
using pdf::Flow;
using pdf::style;
using pdf::TextStyle;

const Color kNavy{0.0, 0.32, 0.55};
const Color kGrey{0.4, 0.4, 0.4};
const Color kQuote{0.34, 0.71, 0.91};
const Color kHeaderFill{0.93, 0.95, 0.97};

std::string cut(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t keep = max;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + " …";
}

class Renderer {
 public:
  Renderer(cairo_surface_t* surface, cairo_t* cr, const AnalysisDocument& document)
      : surface_(surface),
        document_(document),
        flow_(cr, true, isRightToLeft(document.language), pdfFontFamilies(document.language)) {
    flow_.onPageStart = [this](Flow& f, int page) { pageStart(f, page); };
    flow_.onPageEnd = [this](Flow& f, int page) { pageEnd(f, page); };
  }

  void run() {
    flow_.startFirstPage();
    cover();
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const DocBlock& block = document_.blocks[i];
      if (const auto* h = std::get_if<DocHeading>(&block))
        heading(*h, startOf(i + 1));
      else if (const auto* p = std::get_if<DocParagraph>(&block))
        paragraph(*p, startOf(i + 1));
      else if (const auto* t = std::get_if<DocTable>(&block))
        table(*t, i);
      else if (std::get_if<DocChart>(&block))
        chart(i);
    }
    flow_.finish();
  }

 private:
  double width() const { return flow_.contentWidth(); }
  double page() const { return flow_.bottom() - flow_.top(); }
  bool pageEmpty() const { return flow_.y() <= flow_.top() + 0.5; }

  void pageStart(Flow& f, int page) {
    if (page == 1) return;
    auto header = f.layout(document_.title + " — " + document_.subtitle, style(7.5, false, kGrey), width());
    pango_layout_set_height(header.get(), -1);
    pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
    f.place(header.get(), 0, 40, width());
    if (f.drawing()) {
      cairo_t* cr = f.cairo();
      cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
      cairo_rectangle(cr, f.margin(), 53, width(), 0.5);
      cairo_fill(cr);
    }
  }

  void pageEnd(Flow& f, int page) {
    TextStyle s = style(8, false, kGrey);
    s.align = Align::Center;
    auto number = f.layout(std::to_string(page), s, width());
    f.place(number.get(), 0, Flow::kPageHeight - 44, width());
  }

  void cover() {
    flow_.moveTo(200);
    flow_.text(document_.title, style(22, true, kNavy), 0, width());
    flow_.space(10);
    flow_.text(document_.subtitle, style(14), 0, width());
    flow_.space(28);
    for (const auto& line : document_.cover) {
      flow_.text(line, style(10), 0, width());
      flow_.space(6);
    }
  }

  struct HeadingStyle {
    TextStyle style;
    double before = 0, after = 4;
  };
  static HeadingStyle headingStyle(const DocHeading& h) {
    switch (h.level) {
      case 1:
        return {style(16, true, kNavy), 0, 8};
      case 2:
        return {style(12, true), 10, 4};
      default:
        return {style(9.5, true), 8, 3};
    }
  }

  TextStyle paragraphStyle(const DocParagraph& p) const {
    if (p.style == DocParagraph::Style::Note) return style(8.5, false, {0.33, 0.33, 0.33}, true);
    return style(9, p.style == DocParagraph::Style::Label);
  }

  // Keep-with-next: the height of the start of block `i`, which stays on
  // one page with a heading (or a label) placed before it: a heading with
  // the start of what follows it, the start of a paragraph (pdf_flow.h,
  // textStart) or a short note with what follows it, a chart whole, a
  // table's title, header and first row.
  double startOf(std::size_t i, int depth = 0) {
    if (i >= document_.blocks.size() || depth > 4) return 0;
    const DocBlock& block = document_.blocks[i];
    if (const auto* h = std::get_if<DocHeading>(&block)) {
      if (h->level == 1) return 0;  // a part starts on a new page
      const HeadingStyle hs = headingStyle(*h);
      return hs.before + flow_.height(flow_.layout(h->text, hs.style, width()).get()) + hs.after +
             startOf(i + 1, depth + 1);
    }
    if (const auto* p = std::get_if<DocParagraph>(&block)) {
      auto l = flow_.layout(p->text, paragraphStyle(*p),
                            width() - (p->style == DocParagraph::Style::Quote ? 14 : 0));
      if (p->style == DocParagraph::Style::Label)
        return flow_.height(l.get()) + 2 + startOf(i + 1, depth + 1);
      // A short note under a heading ("Applies to 23 of 60 responding
      // States") goes with the heading and with what it is a note to.
      if (p->style == DocParagraph::Style::Note && pango_layout_get_line_count(l.get()) <= 3)
        return flow_.height(l.get()) + 6 + startOf(i + 1, depth + 1);
      return flow_.textStart(l.get());
    }
    if (const auto* t = std::get_if<DocTable>(&block)) {
      if (t->table.columns.empty()) return 0;
      return titleHeight(*t) + std::min(flow_.tableStart(printedTable(i)), 160.0);
    }
    if (std::get_if<DocChart>(&block)) return drawing(i).height();
    return 0;
  }

  void outline(const std::string& title, int level) {
    const std::string link =
        "page=" + std::to_string(flow_.page()) + " pos=[0 " + std::to_string(flow_.y()) + "]";
    if (level == 1)
      outline_ = cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, title.c_str(), link.c_str(),
                                               CAIRO_PDF_OUTLINE_FLAG_OPEN);
    else
      cairo_pdf_surface_add_outline(surface_, outline_, title.c_str(), link.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
  }

  // `next`: the start of what follows (startOf), kept on the heading's page.
  void heading(const DocHeading& h, double next) {
    const HeadingStyle hs = headingStyle(h);
    auto l = flow_.layout(h.text, hs.style, width());
    const double height = flow_.height(l.get());
    if (h.level == 1) {
      flow_.newPage();
    } else {
      // Never a heading alone at the foot of a page.
      flow_.keep(std::min(hs.before + height + hs.after + next, page()));
      if (!pageEmpty()) flow_.space(hs.before);
    }
    if (h.level <= 2) outline(h.text, h.level);
    flow_.text(l.get(), 0, width());
    flow_.space(hs.after);
    if (h.level == 1) {
      flow_.rule(0, width(), {0, 0.447, 0.698}, 1.2);
      flow_.space(8);
    }
  }

  // `next`: the start of what follows, kept with a label.
  void paragraph(const DocParagraph& p, double next) {
    const TextStyle s = paragraphStyle(p);
    switch (p.style) {
      case DocParagraph::Style::Body:
      case DocParagraph::Style::Note:
        flow_.text(p.text, s, 0, width());
        flow_.space(6);
        break;
      case DocParagraph::Style::Label: {
        auto l = flow_.layout(p.text, s, width());
        flow_.keep(std::min(flow_.height(l.get()) + 2 + next, page()));
        flow_.text(l.get(), 0, width());
        flow_.space(2);
        break;
      }
      case DocParagraph::Style::Quote:
        // The bar on the quote's start edge (the right in Arabic), on every page it spans.
        flow_.beginBar(4, kQuote, 2);
        flow_.text(p.text, s, 14, width() - 14);
        flow_.endBar();
        flow_.space(8);
        break;
    }
  }

  static constexpr double kCellPad = 4;  // pdf_flow.cpp's cell padding
  static double tableFontSize(const DocTable& t) { return t.table.columns.size() > 8 ? 6.5 : 7.5; }

  double naturalWidth(const std::string& text, double size, bool bold) {
    auto l = flow_.layout(text, style(size, bold), -1);
    pango_layout_set_width(l.get(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return static_cast<double>(w) / PANGO_SCALE + 2 * kCellPad + 1;
  }
  double widestWord(const std::string& text, double size, bool bold) {
    double widest = 0;
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find(' ', start), text.size());
      if (end > start) widest = std::max(widest, naturalWidth(text.substr(start, end - start), size, bold));
      start = end + 1;
    }
    return widest;
  }

  // Each column at least as wide as the longest word of its header and its
  // longest number, so that neither is broken (and each word of a column
  // that keeps its words: "2026-10-01T09:00:00Z", not "…09:00:0" / "0Z");
  // the rest of the width shared in proportion to the columns' nominal widths.
  std::vector<double> columnWidths(const DocTable& t) {
    const auto& columns = t.table.columns;
    const double size = tableFontSize(t);
    std::vector<double> minimum(columns.size(), 0);
    for (std::size_t c = 0; c < columns.size(); ++c) minimum[c] = widestWord(columns[c].header, size, true);
    for (const auto& row : t.table.rows)
      for (std::size_t c = 0; c < row.size() && c < columns.size(); ++c) {
        if (row[c].kind != TableCell::Kind::Text && row[c].kind != TableCell::Kind::Empty)
          minimum[c] = std::max(minimum[c], naturalWidth(row[c].display(), size, false));
        else if (columns[c].keepWords)
          minimum[c] = std::max(minimum[c], widestWord(row[c].text, size, false));
      }
    double needed = 0;
    for (double m : minimum) needed += m;
    std::vector<double> widths(columns.size());
    if (needed >= width()) {
      for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = width() * minimum[c] / needed;
      return widths;
    }
    // Give each column its share, then take back from the generous ones what the narrow ones lack.
    double spare = width();
    std::vector<char> fixed(columns.size(), 0);
    for (bool changed = true; changed;) {
      changed = false;
      double weight = 0;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (!fixed[c]) weight += columns[c].width;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (!fixed[c] && spare * columns[c].width / weight < minimum[c]) {
          widths[c] = minimum[c];
          spare -= minimum[c];
          fixed[c] = 1;
          changed = true;
        }
      if (!changed)
        for (std::size_t c = 0; c < columns.size(); ++c)
          if (!fixed[c]) widths[c] = spare * columns[c].width / weight;
    }
    return widths;
  }

  pdf::Table printTable(const DocTable& t) {
    pdf::Table out;
    out.widths = columnWidths(t);
    out.border = {0.80, 0.82, 0.85};
    const double size = tableFontSize(t);
    std::vector<pdf::TableCell> header;
    for (const auto& c : t.table.columns) header.push_back({c.header, style(size, true), kHeaderFill});
    out.rows.push_back(std::move(header));
    for (const auto& row : t.table.rows) {
      std::vector<pdf::TableCell> cells;
      for (std::size_t c = 0; c < t.table.columns.size(); ++c) {
        TextStyle s = style(size);
        std::string text;
        if (c < row.size()) {
          text = cut(row[c].display(), t.maxCellChars);
          if (row[c].kind != TableCell::Kind::Text) s.align = Align::End;
        }
        cells.push_back({std::move(text), s, std::nullopt});
      }
      out.rows.push_back(std::move(cells));
    }
    return out;
  }

  double titleHeight(const DocTable& t) {
    if (t.table.title.empty()) return 0;
    return flow_.height(flow_.layout(t.table.title, style(8.5, true), width()).get()) + 3;
  }

  // Block `i`'s table and chart, laid out once: measured for the heading
  // before them (startOf), then placed.
  const pdf::Table& printedTable(std::size_t i) {
    auto& slot = tables_[i];
    if (!slot) slot = printTable(std::get<DocTable>(document_.blocks[i]));
    return *slot;
  }
  const charts::ChartDrawing& drawing(std::size_t i) {
    auto& slot = charts_[i];
    if (!slot) slot.emplace(std::get<DocChart>(document_.blocks[i]).chart, width());
    return *slot;
  }

  void table(const DocTable& t, std::size_t i) {
    if (t.table.columns.empty()) return;
    const pdf::Table& printed = printedTable(i);
    if (!t.table.title.empty()) {
      // The title stays with the header and the first row.
      flow_.text(t.table.title, style(8.5, true), 0, width(),
                 std::min(flow_.tableStart(printed), page() - titleHeight(t)));
      flow_.space(3);
    }
    flow_.table(printed, 0);
    flow_.space(10);
    tables_.erase(i);
  }

  void chart(std::size_t i) {
    const charts::ChartDrawing& d = drawing(i);
    flow_.block(
        d.height(), [&](cairo_t* cr, double left, double top, double) { d.draw(cr, left, top); }, 0, width());
    flow_.space(8);
    charts_.erase(i);
  }

  cairo_surface_t* surface_;
  const AnalysisDocument& document_;
  Flow flow_;
  int outline_ = CAIRO_PDF_OUTLINE_ROOT;
  std::map<std::size_t, std::optional<pdf::Table>> tables_;
  std::map<std::size_t, std::optional<charts::ChartDrawing>> charts_;
};

}  // namespace

void writePdf(const AnalysisDocument& document, const std::string& path) {
  OutputFile out(path);
  cairo_surface_t* surface =
      cairo_pdf_surface_create(out.tempPath().c_str(), Flow::kPageWidth, Flow::kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    throw ExportError("cannot write " + path + ": " + why);
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (document.title + ": " + document.subtitle).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Focal " FOCAL_VERSION);
  cairo_t* cr = cairo_create(surface);
  Renderer(surface, cr, document).run();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw ExportError("cannot write " + path + ": " + cairo_status_to_string(status) +
                      "; check the disk and try again");
  pdf::fixToUnicode(out.tempPath());  // lam-alef read back as lam and alef (pdf_text_map.h)
  out.commit();
}

}  // namespace focal
