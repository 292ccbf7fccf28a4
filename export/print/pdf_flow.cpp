#include "export/print/pdf_flow.h"

#include <algorithm>

namespace focal::pdf {

namespace {

constexpr double kScale = PANGO_SCALE;

void setColor(cairo_t* cr, Color c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

struct LineBox {
  PangoLayoutLine* line;
  double x, top, height, baseline;  // in points, relative to the layout
};

std::vector<LineBox> linesOf(PangoLayout* layout) {
  std::vector<LineBox> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    out.push_back({pango_layout_iter_get_line_readonly(it), logical.x / kScale, logical.y / kScale,
                   logical.height / kScale, pango_layout_iter_get_baseline(it) / kScale});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

// The direction of a text's first strong character, as the Unicode
// bidirectional algorithm finds a paragraph's: -1 right to left, 1 left to
// right, 0 when it has none (digits and punctuation only).
int firstStrongDirection(const std::string& text) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return 0;
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF))
      return -1;
    if (g_unichar_isalpha(c)) return 1;
  }
  return 0;
}

}  // namespace

Flow::Flow(cairo_t* cr, bool draw, bool rightToLeft, std::string family)
    : cr_(cr), draw_(draw), rtl_(rightToLeft), family_(std::move(family)) {
  context_ = pango_cairo_create_context(cr_);
  pango_cairo_context_set_resolution(context_, 72);  // one point is one unit of the PDF
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_base_dir(context_, rtl_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  // Glyphs where the font puts them, not rounded to whole points: rounded,
  // the joined letters of an Arabic word drift apart by up to half a point,
  // and pdftotext reads "قا نون" for "قانون".
  pango_context_set_round_glyph_positions(context_, FALSE);
}

Flow::~Flow() { g_object_unref(context_); }

double Flow::physicalX(double x, double width) const {
  return rtl_ ? kPageWidth - margin() - x - width : margin() + x;
}

Layout Flow::layout(const std::string& text, const TextStyle& style, double width) {
  Layout layout(pango_layout_new(context_));
  PangoFontDescription* font =
      pango_font_description_from_string(style.mono ? "Noto Sans Mono, DejaVu Sans Mono" : family_.c_str());
  pango_font_description_set_size(font, static_cast<gint>(style.size * kScale));
  if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), static_cast<int>(width * kScale));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  // Each paragraph keeps its own direction (an English answer in an Arabic
  // report reads left to right, its full stop at its end), but every block
  // lines up on the document's start edge. Pango swaps left and right for a
  // paragraph whose direction differs from the document's, so the swap is
  // undone here for such a paragraph.
  const int own = firstStrongDirection(text);
  const bool opposite = (own > 0 && rtl_) || (own < 0 && !rtl_);
  const bool startIsRight = rtl_ != opposite;
  const PangoAlignment start = startIsRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  const PangoAlignment end = startIsRight ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  pango_layout_set_alignment(layout.get(), style.align == Align::Start ? start
                                           : style.align == Align::End ? end
                                                                       : PANGO_ALIGN_CENTER);
  if (style.lineSpacing != 1.0)
    pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.lineSpacing));
  // The colour travels with the layout, so that whatever was drawn before does not tint it.
  PangoAttrList* attributes = pango_attr_list_new();
  auto channel = [](double c) { return static_cast<guint16>(std::clamp(c, 0.0, 1.0) * 65535); };
  pango_attr_list_insert(attributes, pango_attr_foreground_new(channel(style.color.r), channel(style.color.g),
                                                               channel(style.color.b)));
  pango_layout_set_attributes(layout.get(), attributes);
  pango_attr_list_unref(attributes);
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  } else {
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    pango_layout_set_text(layout.get(), valid, -1);
    g_free(valid);
  }
  return layout;
}

double Flow::height(PangoLayout* layout) const {
  int w, h;
  pango_layout_get_size(layout, &w, &h);
  return h / kScale;
}

double Flow::firstLineHeight(PangoLayout* layout) const {
  PangoRectangle logical;
  pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, 0), nullptr, &logical);
  return logical.height / kScale;
}

double Flow::textStart(PangoLayout* layout) const {
  const auto lines = linesOf(layout);
  if (lines.size() <= 3) return height(layout);
  return lines.front().height;
}

double Flow::fieldStart(const std::string& label, const TextStyle& labelStyle, double labelWidth,
                        const std::string& value, const TextStyle& valueStyle, double width) {
  constexpr double gap = 10;
  Layout labelLayout = layout(label, labelStyle, labelWidth);
  Layout valueLayout = layout(value, valueStyle, width - labelWidth - gap);
  return std::max(std::min(height(labelLayout.get()), 3 * firstLineHeight(labelLayout.get())),
                  textStart(valueLayout.get()));
}

double Flow::tableStart(const Table& table) {
  double h = 0;
  const int rows = std::min<int>(table.headerRows + 1, static_cast<int>(table.rows.size()));
  for (int r = 0; r < rows; ++r) h += rowHeight(table, table.rows[r]);
  return h;
}

double Flow::rowHeight(const Table& table, const std::vector<TableCell>& row) {
  double h = 0;
  for (std::size_t c = 0; c < row.size() && c < table.widths.size(); ++c)
    h = std::max(h, height(layout(row[c].text, row[c].style, table.widths[c] - 8).get()) + 8);
  return h;
}

void Flow::startFirstPage() {
  page_ = 0;
  newPage();
}

void Flow::newPage() {
  if (page_ > 0) {
    closeBarSegment();
    if (onPageEnd) onPageEnd(*this, page_);
    if (draw_) cairo_show_page(cr_);
  }
  ++page_;
  y_ = top();
  if (bar_) bar_->startY = y_;
  if (onPageStart) onPageStart(*this, page_);
}

void Flow::finish() {
  closeBarSegment();
  bar_.reset();
  if (onPageEnd) onPageEnd(*this, page_);
  if (draw_) cairo_show_page(cr_);
}

void Flow::space(double points) { y_ = std::min(y_ + points, bottom()); }

void Flow::keep(double height) {
  if (y_ + height > bottom() && y_ > top()) newPage();
}

void Flow::text(const std::string& text, const TextStyle& style, double x, double width, double keepAfter) {
  Layout l = layout(text, style, width);
  this->text(l.get(), x, width, keepAfter);
}

void Flow::text(PangoLayout* layout, double x, double width, double keepAfter) {
  const auto lines = linesOf(layout);
  double total = 0;
  for (const auto& line : lines) total += line.height;
  const double page = bottom() - top();
  // Short texts (and headings with what follows them) are not split.
  if ((lines.size() <= 3 || keepAfter > 0) && total + keepAfter > remaining() && total + keepAfter <= page)
    keep(total + keepAfter);
  const double left = physicalX(x, width);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (y_ + line.height > bottom() + 0.01 && y_ > top()) newPage();
    if (draw_) {
      cairo_move_to(cr_, left + line.x, y_ + line.baseline - line.top);
      pango_cairo_show_layout_line(cr_, line.line);
    }
    y_ += line.height;
  }
}

void Flow::field(const std::string& label, const TextStyle& labelStyle, double labelWidth,
                 const std::string& value, const TextStyle& valueStyle, double x, double width) {
  constexpr double gap = 10;
  Layout labelLayout = layout(label, labelStyle, labelWidth);
  Layout valueLayout = layout(value, valueStyle, width - labelWidth - gap);
  const double labelHeight = height(labelLayout.get());
  keep(std::max(std::min(labelHeight, 3 * firstLineHeight(labelLayout.get())),
                firstLineHeight(valueLayout.get())));
  const double y0 = y_;
  const int page0 = page_;
  place(labelLayout.get(), x, y_, labelWidth);
  text(valueLayout.get(), x + labelWidth + gap, width - labelWidth - gap);
  if (page_ == page0) y_ = std::max(y_, y0 + labelHeight);
}

void Flow::table(const Table& table, double x) {
  constexpr double pad = 4;
  // Each row laid out once: measured to see whether it fits, then drawn
  // (the header once, drawn again on every page it repeats on).
  struct LaidRow {
    std::vector<Layout> layouts;
    double height = 0;
  };
  auto layRow = [&](const std::vector<TableCell>& row) {
    LaidRow laid;
    for (std::size_t c = 0; c < row.size() && c < table.widths.size(); ++c) {
      laid.layouts.push_back(layout(row[c].text, row[c].style, table.widths[c] - 2 * pad));
      laid.height = std::max(laid.height, height(laid.layouts.back().get()) + 2 * pad);
    }
    return laid;
  };
  auto drawRow = [&](const std::vector<TableCell>& row, const LaidRow& laid) {
    const double rowHeight = std::min(laid.height, bottom() - y_);  // a row taller than the page is cut
    if (draw_) {
      double cx = x;
      for (std::size_t c = 0; c < laid.layouts.size(); ++c) {
        const double w = table.widths[c];
        if (row[c].fill) fillRect(cx, y_, w, rowHeight, *row[c].fill);
        cairo_rectangle(cr_, physicalX(cx, w), y_, w, rowHeight);
        setColor(cr_, table.border);
        cairo_set_line_width(cr_, 0.5);
        cairo_stroke(cr_);
        cairo_save(cr_);
        cairo_rectangle(cr_, physicalX(cx, w), y_, w, rowHeight);
        cairo_clip(cr_);
        place(laid.layouts[c].get(), cx + pad, y_ + pad, w - 2 * pad);
        cairo_restore(cr_);
        cx += w;
      }
    }
    y_ += rowHeight;
  };
  const std::size_t headerRows = std::min<std::size_t>(std::max(table.headerRows, 0), table.rows.size());
  std::vector<LaidRow> header;
  for (std::size_t r = 0; r < headerRows; ++r) header.push_back(layRow(table.rows[r]));
  // The header and the first row stay together; a row that does not fit
  // goes to the next page, under a repeated header.
  LaidRow first;
  if (table.rows.size() > headerRows) {
    first = layRow(table.rows[headerRows]);
    double start = first.height;
    for (const auto& h : header) start += h.height;
    keep(start);
  }
  for (std::size_t r = 0; r < headerRows; ++r) drawRow(table.rows[r], header[r]);
  for (std::size_t r = headerRows; r < table.rows.size(); ++r) {
    const LaidRow laid = r == headerRows ? std::move(first) : layRow(table.rows[r]);
    if (y_ + laid.height > bottom()) {
      newPage();
      for (std::size_t h = 0; h < headerRows; ++h) drawRow(table.rows[h], header[h]);
    }
    drawRow(table.rows[r], laid);
  }
}

void Flow::block(double height, const Drawing& draw, double x, double width) {
  if (height <= bottom() - top()) keep(height);
  if (draw_ && draw) {
    cairo_save(cr_);
    draw(cr_, physicalX(x, width), y_, width);
    cairo_restore(cr_);
  }
  y_ = std::min(y_ + height, bottom());
}

void Flow::rule(double x, double width, Color color, double thickness) {
  fillRect(x, y_, width, thickness, color);
}

void Flow::fillRect(double x, double y, double width, double height, Color color) {
  if (!draw_) return;
  cairo_rectangle(cr_, physicalX(x, width), y, width, height);
  setColor(cr_, color);
  cairo_fill(cr_);
}

void Flow::beginBar(double x, Color color, double thickness) { bar_ = Bar{x, thickness, y_, color}; }

void Flow::endBar() {
  closeBarSegment();
  bar_.reset();
}

void Flow::closeBarSegment() {
  if (!bar_ || y_ <= bar_->startY) return;
  fillRect(bar_->x, bar_->startY, bar_->thickness, y_ - bar_->startY, bar_->color);
  bar_->startY = y_;
}

void Flow::place(PangoLayout* layout, double x, double y, double width) {
  if (!draw_) return;
  cairo_move_to(cr_, physicalX(x, width), y);
  pango_cairo_show_layout(cr_, layout);
}

}  // namespace focal::pdf
