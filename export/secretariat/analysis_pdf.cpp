// The analytical report as a PDF (A4), laid out with pango on cairo: a
// cover, then each part on a new page, with a running header, page numbers
// and bookmarks. Paragraphs break between lines and tables between rows
// (repeating their header), so long practices and long tables flow over
// pages; charts are vector drawings (charts.h).
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "export/common/output_file.h"
#include "export/common/report_labels.h"
#include "export/secretariat/analysis_document.h"
#include "forms/i18n.h"

namespace focal {

namespace {

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;
constexpr double kLeft = 56, kRight = 56, kTop = 62, kBottom = 58;
constexpr const char* kFont = "Noto Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct Style {
  explicit Style(double size_ = 9, bool bold_ = false) : size(size_), bold(bold_) {}
  Style& grey(double level) {
    r = g = b = level;
    return *this;
  }
  double size = 9;
  bool bold = false, italic = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  std::string language;
  double r = 0.13, g = 0.13, b = 0.13;
};

std::string cut(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t keep = max;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + " …";
}

class PdfWriter {
 public:
  PdfWriter(const std::string& file, const AnalysisDocument& document) : document_(document) {
    surface_ = cairo_pdf_surface_create(file.c_str(), kPageWidth, kPageHeight);
    cr_ = cairo_create(surface_);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE,
                                   (document.title + ": " + document.subtitle).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Focal " FOCAL_VERSION);
  }
  ~PdfWriter() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }

  void write() {
    cover();
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const DocBlock& block = document_.blocks[i];
      if (const auto* h = std::get_if<DocHeading>(&block))
        heading(*h, startOf(i + 1));
      else if (const auto* p = std::get_if<DocParagraph>(&block))
        paragraph(*p, startOf(i + 1));
      else if (const auto* t = std::get_if<DocTable>(&block))
        table(*t);
      else if (const auto* c = std::get_if<DocChart>(&block))
        chart(*c);
    }
    finishPage();
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS)
      throw ExportError(std::string("cannot write the PDF: ") + cairo_status_to_string(status));
  }

 private:
  double width() const { return kPageWidth - kLeft - kRight; }
  bool fits(double height) const { return y_ + height <= kPageHeight - kBottom; }
  bool pageEmpty() const { return y_ <= kTop + 0.5; }
  static double pageContent() { return kPageHeight - kTop - kBottom - 20; }  // less the running header

  // Keep-with-next: the height of the start of block `i`, which must stay
  // on one page with a heading (or a label) placed before it: a heading
  // with the start of what follows it, the first lines of a paragraph, a
  // chart whole, a table's title, header and first row.
  double startOf(std::size_t i, int depth = 0) {
    if (i >= document_.blocks.size() || depth > 4) return 0;
    const DocBlock& block = document_.blocks[i];
    if (const auto* h = std::get_if<DocHeading>(&block)) {
      if (h->level == 1) return 0;  // a part starts on a new page
      const HeadingStyle hs = headingStyle(*h);
      return hs.before + heightOf(layout(h->text, hs.style, width())) + hs.after + startOf(i + 1, depth + 1);
    }
    if (const auto* p = std::get_if<DocParagraph>(&block)) {
      const Style s = paragraphStyle(*p);
      auto l = layout(p->text, s, width() - (p->style == DocParagraph::Style::Quote ? 14 : 0));
      if (p->style == DocParagraph::Style::Label) return heightOf(l) + 2 + startOf(i + 1, depth + 1);
      return firstLines(l, 2);
    }
    if (const auto* t = std::get_if<DocTable>(&block)) return tableStart(*t);
    if (const auto* c = std::get_if<DocChart>(&block)) return charts::chartHeight(c->chart, width());
    return 0;
  }

  // The height of a layout's first `n` lines (all of them if it has no more than n + 1).
  static double firstLines(const Layout& l, int n) {
    const int count = pango_layout_get_line_count(l.get());
    if (count <= n + 1) return heightOf(l);
    PangoLayoutIter* iter = pango_layout_get_iter(l.get());
    for (int k = 0; k < n; ++k) pango_layout_iter_next_line(iter);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    pango_layout_iter_free(iter);
    return static_cast<double>(logical.y) / PANGO_SCALE;
  }

  Layout layout(const std::string& text, const Style& s, double width) {
    Layout l(pango_cairo_create_layout(cr_));
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_size(font, static_cast<int>(s.size * PANGO_SCALE));
    if (s.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    if (s.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), s.align);
    if (!s.language.empty()) {
      PangoAttrList* attrs = pango_attr_list_new();
      pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(s.language.c_str())));
      pango_layout_set_attributes(l.get(), attrs);
      pango_attr_list_unref(attrs);
    }
    pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
    return l;
  }

  static double heightOf(const Layout& l) {
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void show(const Layout& l, double x, double y, const Style& s) {
    cairo_set_source_rgb(cr_, s.r, s.g, s.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }

  void newPage() {
    finishPage();
    ++page_;
    y_ = kTop;
    if (page_ > 1) {
      Style s(7.5);
      s.grey(0.4);
      auto header = layout(document_.title + " — " + document_.subtitle, s, width());
      pango_layout_set_height(header.get(), -1);
      pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
      show(header, kLeft, 32, s);
      cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kLeft, 44);
      cairo_line_to(cr_, kPageWidth - kRight, 44);
      cairo_stroke(cr_);
    }
  }

  void finishPage() {
    if (page_ == 0) return;
    Style s(8);
    s.grey(0.4);
    s.align = PANGO_ALIGN_CENTER;
    show(layout(std::to_string(page_), s, width()), kLeft, kPageHeight - 36, s);
    cairo_show_page(cr_);
  }

  void cover() {
    newPage();
    y_ = 200;
    Style title(22, true);
    title.r = 0;
    title.g = 0.32;
    title.b = 0.55;
    auto t = layout(document_.title, title, width());
    show(t, kLeft, y_, title);
    y_ += heightOf(t) + 10;
    Style subtitle(14);
    subtitle.language = document_.language;
    auto s = layout(document_.subtitle, subtitle, width());
    show(s, kLeft, y_, subtitle);
    y_ += heightOf(s) + 28;
    for (const auto& line : document_.cover) {
      Style st(10);
      auto l = layout(line, st, width());
      show(l, kLeft, y_, st);
      y_ += heightOf(l) + 6;
    }
  }

  struct HeadingStyle {
    Style style;
    double before = 0, after = 4;
  };
  HeadingStyle headingStyle(const DocHeading& h) const {
    HeadingStyle hs;
    Style& s = hs.style;
    s.language = document_.language;
    switch (h.level) {
      case 1:
        s.size = 16, s.bold = true, s.r = 0, s.g = 0.32, s.b = 0.55, hs.after = 8;
        break;
      case 2:
        s.size = 12, s.bold = true, hs.before = 10;
        break;
      default:
        s.size = 9.5, s.bold = true, hs.before = 8, hs.after = 3;
        break;
    }
    return hs;
  }

  // `next`: the start of what follows (startOf), kept on the heading's page.
  void heading(const DocHeading& h, double next) {
    const HeadingStyle hs = headingStyle(h);
    const Style& s = hs.style;
    const double before = hs.before, after = hs.after;
    auto l = layout(h.text, s, width());
    const double height = heightOf(l);
    if (h.level == 1 && !pageEmpty())
      newPage();
    else if (!pageEmpty() && !fits(std::min(before + height + after + next, pageContent())))
      newPage();  // never a heading alone at the foot of a page
    if (!pageEmpty()) y_ += before;
    show(l, kLeft, y_, s);
    if (h.level <= 2) {
      const std::string link =
          "page=" + std::to_string(page_) + " pos=[" + std::to_string(kLeft) + " " + std::to_string(y_) + "]";
      if (h.level == 1)
        outline_ = cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, h.text.c_str(),
                                                 link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
      else
        cairo_pdf_surface_add_outline(surface_, outline_, h.text.c_str(), link.c_str(),
                                      static_cast<cairo_pdf_outline_flags_t>(0));
    }
    y_ += height + after;
    if (h.level == 1) {
      cairo_set_source_rgb(cr_, 0, 0.447, 0.698);
      cairo_set_line_width(cr_, 1.2);
      cairo_move_to(cr_, kLeft, y_ - 4);
      cairo_line_to(cr_, kPageWidth - kRight, y_ - 4);
      cairo_stroke(cr_);
      y_ += 4;
    }
  }

  // Lays the text out and places it line by line, starting a new page
  // wherever the next line does not fit.
  void flow(const std::string& text, const Style& s, double indent, double after, double indentRight = 0) {
    auto l = layout(text, s, width() - indent - indentRight);
    cairo_set_source_rgb(cr_, s.r, s.g, s.b);
    PangoLayoutIter* iter = pango_layout_get_iter(l.get());
    double shift = y_, bottom = y_;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double top = static_cast<double>(logical.y) / PANGO_SCALE;
      const double height = static_cast<double>(logical.height) / PANGO_SCALE;
      if (shift + top + height > kPageHeight - kBottom && !(pageEmpty() && shift + top <= kTop + 0.5)) {
        newPage();
        cairo_set_source_rgb(cr_, s.r, s.g, s.b);
        shift = y_ - top;
      }
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      cairo_move_to(cr_, kLeft + indent + static_cast<double>(logical.x) / PANGO_SCALE, shift + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      bottom = shift + top + height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ = bottom + after;
  }

  Style paragraphStyle(const DocParagraph& p) const {
    Style s;
    s.language = p.language.empty() ? document_.language : p.language;
    if (p.style == DocParagraph::Style::Note) {
      s.size = 8.5, s.italic = true;
      s.grey(0.33);
    }
    if (p.style == DocParagraph::Style::Label) s.bold = true;
    return s;
  }

  // `next`: the start of what follows, kept with a label.
  void paragraph(const DocParagraph& p, double next) {
    const Style s = paragraphStyle(p);
    switch (p.style) {
      case DocParagraph::Style::Body:
      case DocParagraph::Style::Note:
        flow(p.text, s, 0, 6);
        break;
      case DocParagraph::Style::Label:
        if (!pageEmpty() && !fits(std::min(heightOf(layout(p.text, s, width())) + 2 + next, pageContent())))
          newPage();
        flow(p.text, s, 0, 2);
        break;
      case DocParagraph::Style::Quote: {
        const double start = y_;
        const int startPage = page_;
        const bool rtl = isRightToLeft(p.language);
        flow(p.text, s, rtl ? 0 : 14, 8, rtl ? 14 : 0);
        if (page_ == startPage) {  // a rule on the starting side of a quote that stayed on one page
          const double x = rtl ? kPageWidth - kRight - 4 : kLeft + 4;
          cairo_set_source_rgb(cr_, 0.34, 0.71, 0.91);
          cairo_set_line_width(cr_, 2);
          cairo_move_to(cr_, x, start);
          cairo_line_to(cr_, x, y_ - 8);
          cairo_stroke(cr_);
        }
        break;
      }
    }
  }

  // Each column at least as wide as the longest word of its header and its
  // longest number, so that neither is broken; the rest of the width shared
  // in proportion to the columns' nominal widths.
  std::vector<double> columnWidths(const DocTable& t, double size, double pad) {
    const auto& columns = t.table.columns;
    std::vector<double> minimum(columns.size(), 0);
    auto widthOf = [&](const std::string& text, bool bold) {
      auto l = layout(text, Style(size, bold), -1);
      pango_layout_set_width(l.get(), -1);
      int w = 0, h = 0;
      pango_layout_get_size(l.get(), &w, &h);
      return static_cast<double>(w) / PANGO_SCALE + 2 * pad + 1;
    };
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::size_t start = 0;
      const std::string& header = columns[c].header;
      while (start < header.size()) {
        std::size_t end = header.find(' ', start);
        if (end == std::string::npos) end = header.size();
        minimum[c] = std::max(minimum[c], widthOf(header.substr(start, end - start), true));
        start = end + 1;
      }
    }
    for (const auto& row : t.table.rows)
      for (std::size_t c = 0; c < row.size() && c < columns.size(); ++c) {
        if (row[c].kind != TableCell::Kind::Text && row[c].kind != TableCell::Kind::Empty)
          minimum[c] = std::max(minimum[c], widthOf(row[c].display(), false));
        else if (columns[c].keepWords)  // each word whole: "2026-10-01T09:00:00Z", not "…09:00:0" / "0Z"
          for (std::size_t start = 0; start < row[c].text.size();) {
            std::size_t end = std::min(row[c].text.find(' ', start), row[c].text.size());
            if (end > start)
              minimum[c] = std::max(minimum[c], widthOf(row[c].text.substr(start, end - start), false));
            start = end + 1;
          }
      }
    double needed = 0, weights = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      needed += minimum[c];
      weights += columns[c].width;
    }
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
    (void)weights;
    return widths;
  }

  static constexpr double kCellPad = 3;
  static double tableFontSize(const DocTable& t) { return t.table.columns.size() > 8 ? 6.5 : 7.5; }

  std::vector<Layout> rowLayouts(const DocTable& t, const std::vector<double>& widths,
                                 const std::vector<TableCell>& cells, bool header) {
    const auto& columns = t.table.columns;
    const double size = tableFontSize(t), pad = kCellPad;
    std::vector<Layout> out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      Style s(size, header);
      std::string text;
      if (header) {
        text = columns[c].header;
      } else if (c < cells.size()) {
        text = cut(cells[c].display(), t.maxCellChars);
        s.language = cells[c].language;
        if (cells[c].kind != TableCell::Kind::Text) s.align = PANGO_ALIGN_RIGHT;
      }
      out.push_back(layout(text, s, widths[c] - 2 * pad));
    }
    return out;
  }
  static double rowHeight(const std::vector<Layout>& layouts) {
    double h = 0;
    for (const auto& l : layouts) h = std::max(h, heightOf(l));
    return h + 2 * kCellPad;
  }
  // A table's title, header and first row, which stay together.
  double tableStart(const DocTable& t) {
    if (t.table.columns.empty()) return 0;
    const auto widths = columnWidths(t, tableFontSize(t), kCellPad);
    const double firstRow =
        t.table.rows.empty() ? 0 : std::min(rowHeight(rowLayouts(t, widths, t.table.rows[0], false)), 120.0);
    const double title =
        t.table.title.empty() ? 0 : heightOf(layout(t.table.title, Style(8.5, true), width())) + 3;
    return title + rowHeight(rowLayouts(t, widths, {}, true)) + firstRow;
  }

  void table(const DocTable& t) {
    const auto& columns = t.table.columns;
    if (columns.empty()) return;
    const double size = tableFontSize(t);
    constexpr double pad = kCellPad;
    const auto widths = columnWidths(t, size, pad);
    auto rowLayouts = [&](const std::vector<TableCell>& cells, bool header) {
      return this->rowLayouts(t, widths, cells, header);
    };
    auto drawRow = [&](const std::vector<Layout>& layouts, double height, bool header) {
      if (header) {
        cairo_set_source_rgb(cr_, 0.93, 0.95, 0.97);
        cairo_rectangle(cr_, kLeft, y_, width(), height);
        cairo_fill(cr_);
      }
      double x = kLeft;
      Style ink;
      for (std::size_t c = 0; c < layouts.size(); ++c) {
        show(layouts[c], x + pad, y_ + pad, ink);
        x += widths[c];
      }
      cairo_set_source_rgb(cr_, header ? 0.55 : 0.85, header ? 0.55 : 0.85, header ? 0.55 : 0.85);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kLeft, y_ + height);
      cairo_line_to(cr_, kLeft + width(), y_ + height);
      cairo_stroke(cr_);
      y_ += height;
    };
    const auto header = rowLayouts({}, true);
    const double headerHeight = rowHeight(header);
    // The title, the header and a first row stay together.
    const double firstRow =
        t.table.rows.empty() ? 0 : std::min(rowHeight(rowLayouts(t.table.rows[0], false)), 120.0);
    if (!t.table.title.empty()) {
      Style caption(8.5, true);
      if (!fits(heightOf(layout(t.table.title, caption, width())) + 3 + headerHeight + firstRow)) newPage();
      flow(t.table.title, caption, 0, 3);
    }
    if (!fits(headerHeight + firstRow)) newPage();
    drawRow(header, headerHeight, true);
    for (const auto& row : t.table.rows) {
      const auto cells = rowLayouts(row, false);
      const double height = std::min(rowHeight(cells), kPageHeight - kTop - kBottom - headerHeight);
      if (!fits(height)) {
        newPage();
        drawRow(header, headerHeight, true);
      }
      cairo_save(cr_);
      cairo_rectangle(cr_, kLeft, y_, width(), height);
      cairo_clip(cr_);
      drawRow(cells, height, false);
      cairo_restore(cr_);
    }
    y_ += 10;
  }

  void chart(const DocChart& c) {
    const double w = width();
    const double height = charts::chartHeight(c.chart, w);
    if (!fits(height)) newPage();
    charts::drawChart(cr_, c.chart, kLeft, y_, w);
    y_ += height + 8;
  }

  const AnalysisDocument& document_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 0;
  int outline_ = CAIRO_PDF_OUTLINE_ROOT;
  double y_ = kTop;
};

}  // namespace

void writePdf(const AnalysisDocument& document, const std::string& path) {
  OutputFile out(path);
  {
    PdfWriter writer(out.tempPath(), document);
    writer.write();
  }
  out.commit();
}

}  // namespace focal
