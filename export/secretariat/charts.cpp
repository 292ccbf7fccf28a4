#include "export/secretariat/charts.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <variant>

#include "export/common/report_labels.h"
#include "forms/markup_escape.h"

namespace focal::charts {

const std::vector<Colour>& palette() {
  static const std::vector<Colour> colours = {
      {0.0, 114 / 255.0, 178 / 255.0},          // blue
      {230 / 255.0, 159 / 255.0, 0.0},          // orange
      {0.0, 158 / 255.0, 115 / 255.0},          // bluish green
      {213 / 255.0, 94 / 255.0, 0.0},           // vermillion
      {86 / 255.0, 180 / 255.0, 233 / 255.0},   // sky blue
      {204 / 255.0, 121 / 255.0, 167 / 255.0},  // reddish purple
      {240 / 255.0, 228 / 255.0, 66 / 255.0},   // yellow
  };
  return colours;
}

namespace {

constexpr const char* kFont = "Noto Sans";
constexpr const char* kSvgFonts = "'Noto Sans', Arial, sans-serif";  // as the analysis HTML's text
constexpr double kTitleSize = 10, kTextSize = 8, kValueSize = 7.5;
constexpr double kGap = 6, kRowGap = 5, kAxisHeight = 14;
constexpr Colour kInk{0.13, 0.13, 0.13};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// The pango contexts a thread lays charts out in, one per base direction
// (a context's direction is never changed: a layout made in it would be
// laid out again, differently). Unhinted metrics and unrounded glyph
// positions, like the PDF and the SVG: a chart measures the same in each,
// and an Arabic label's words stay whole in the PDF's text (pdf_flow.cpp).
// Pango's default font map is per thread, so are these.
struct Contexts {
  PangoContext* ltr = nullptr;
  PangoContext* rtl = nullptr;
  double pointsToUnits = 1;  // the font map's resolution over 72
  // Laid-out texts by their text and box (Builder::layout); a layout is
  // never changed once made, so charts share them.
  std::unordered_map<std::string, Layout> layouts;
  Contexts() {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    auto make = [&](PangoDirection direction) {
      PangoContext* c = pango_font_map_create_context(map);
      cairo_font_options_t* options = cairo_font_options_create();
      cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options(c, options);
      cairo_font_options_destroy(options);
      pango_context_set_round_glyph_positions(c, FALSE);
      pango_context_set_base_dir(c, direction);
      return c;
    };
    ltr = make(PANGO_DIRECTION_LTR);
    rtl = make(PANGO_DIRECTION_RTL);
    pointsToUnits = pango_cairo_font_map_get_resolution(PANGO_CAIRO_FONT_MAP(map)) / 72.0;
  }
  ~Contexts() {
    layouts.clear();
    g_object_unref(ltr);
    g_object_unref(rtl);
  }
  Contexts(const Contexts&) = delete;
  Contexts& operator=(const Contexts&) = delete;
};

Contexts& contexts() {
  thread_local Contexts c;
  return c;
}

// Where a text is anchored: its physical side that stays put (in the SVG,
// where the reader's font may be a little wider or narrower).
enum class Anchor { Left, Right, Centre };

struct Text {
  Layout layout;
  double x = 0, y = 0;  // the layout's top-left corner
  double width = 0;     // the box the text is anchored in
  Anchor anchor = Anchor::Left;
  double size = kTextSize;
  bool bold = false;
  Colour colour = kInk;
};
struct Box {
  double x, y, width, height;
  Colour colour;
};
struct Rule {  // a vertical line
  double x, top, bottom, thickness;
  Colour colour;
};
using Item = std::variant<Text, Box, Rule>;

double heightOf(const Layout& l) {
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double widthOf(const Layout& l) {
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(w) / PANGO_SCALE;
}

std::string valueText(double v, bool percent) {
  char buffer[32];
  if (percent)
    std::snprintf(buffer, sizeof buffer, "%.0f%%", v * 100);
  else
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  return buffer;
}

// An axis maximum and step that read well: 1, 2 or 5 times a power of ten.
std::pair<double, double> scale(const BarChart& chart) {
  if (chart.percent) return {1.0, 0.25};
  double top = 0;
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    double sum = 0;
    for (const auto& s : chart.series) {
      const double v = i < s.values.size() ? s.values[i] : 0;
      top = std::max(top, v);
      sum += v;
    }
    if (chart.stacked) top = std::max(top, sum);
  }
  if (top <= 0) return {1, 1};
  const double raw = top / 4;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  step = std::max(step, 1.0);
  return {std::ceil(top / step) * step, step};
}

// Measured from the start edge (the left, or the right in a right-to-left chart).
struct Geometry {
  double labelWidth, barX, barWidth, valueRoom;
  double barHeight;  // of one bar
  double groupHeight;
};

Geometry geometry(const BarChart& chart, double width) {
  Geometry g;
  g.labelWidth = std::clamp(width * (chart.stacked ? 0.4 : 0.36), 70.0, 220.0);
  // Stacked bars end at 100%: room for the half of that label past the bar.
  g.valueRoom = chart.stacked ? 14 : 30;
  g.barX = g.labelWidth + kGap;
  g.barWidth = std::max(40.0, width - g.barX - g.valueRoom);
  const std::size_t n = chart.stacked ? 1 : std::max<std::size_t>(chart.series.size(), 1);
  g.barHeight = chart.stacked ? 14 : n == 1 ? 11 : 8;
  g.groupHeight = static_cast<double>(n) * g.barHeight + static_cast<double>(n - 1) * 1.5;
  return g;
}

Colour colourOf(const BarChart& chart, std::size_t series) {
  if (chart.series[series].colour) return *chart.series[series].colour;
  std::size_t k = 0;
  for (std::size_t i = 0; i < series; ++i)
    if (!chart.series[i].colour) ++k;
  return palette()[k % palette().size()];
}

// Lays out one chart: its texts (shaped once), boxes and rules, in drawing
// order, in the chart's own coordinates (0, 0 its top-left corner).
class Builder {
 public:
  Builder(const BarChart& chart, double width)
      : chart_(chart),
        width_(width),
        rtl_(isRightToLeft(chart.language)),
        context_(rtl_ ? contexts().rtl : contexts().ltr) {}

  // The layout of `s`, `width` wide (natural width when <= 0), aligned on
  // `side` (physical), at most `maxLines` lines (0: any), the last one cut
  // with "…" when it does not fit.
  Layout layout(const std::string& s, double size, bool bold, double width, PangoAlignment side,
                int maxLines = 0) const {
    // The same text in the same box is laid out once per thread: the charts
    // of one analysis repeat their values, axes, legends and group names.
    const int pangoSize = static_cast<int>(size * PANGO_SCALE);
    const int pangoWidth = width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1;
    std::string key = s;
    key += '\0';
    key += std::to_string(pangoSize);
    key += ' ';
    key += std::to_string(pangoWidth);
    key += ' ';
    key += std::to_string(static_cast<int>(side) * 64 + maxLines * 2 + (bold ? 1 : 0));
    key += rtl_ ? 'R' : 'L';
    auto& cache = contexts().layouts;
    if (auto it = cache.find(key); it != cache.end())
      return Layout(static_cast<PangoLayout*>(g_object_ref(it->second.get())));
    if (cache.size() >= 4096) cache.clear();
    Layout l(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, kFont);
    pango_font_description_set_size(font, pangoSize);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_auto_dir(l.get(), FALSE);  // the side given holds for every label
    pango_layout_set_alignment(l.get(), side);
    if (width > 0) {
      pango_layout_set_width(l.get(), pangoWidth);
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l.get(), s.c_str(), static_cast<int>(s.size()));
    if (maxLines > 0 && pango_layout_get_line_count(l.get()) > maxLines) cut(l.get(), s, maxLines);
    cache.emplace(std::move(key), Layout(static_cast<PangoLayout*>(g_object_ref(l.get()))));
    return l;
  }

  // Physical alignment of a text aligned on its start or its end.
  PangoAlignment start() const { return rtl_ ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT; }
  PangoAlignment end() const { return rtl_ ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT; }
  // The physical x of a box `w` wide that starts `x` from the start edge.
  double px(double x, double w) const { return rtl_ ? width_ - x - w : x; }

  void text(Layout l, double x, double y, double width, Anchor anchor, double size, bool bold,
            Colour colour = kInk) {
    items_.emplace_back(std::in_place_type<Text>,
                        Text{std::move(l), x, y, width, anchor, size, bold, colour});
  }
  // A text `width` wide (or its natural width), from `x` measured from the start edge.
  void textFromStart(Layout l, double x, double y, double width, double size, bool bold,
                     Colour colour = kInk) {
    const double w = width > 0 ? width : widthOf(l);
    text(std::move(l), px(x, w), y, w, rtl_ ? Anchor::Right : Anchor::Left, size, bold, colour);
  }
  void box(double x, double y, double w, double h, Colour c) {
    items_.emplace_back(std::in_place_type<Box>, Box{px(x, w), y, w, h, c});
  }
  void rule(double x, double top, double bottom, double thickness, Colour c) {
    items_.emplace_back(std::in_place_type<Rule>, Rule{rtl_ ? width_ - x : x, top, bottom, thickness, c});
  }

  std::vector<std::string> narrowSegmentNotes(const Geometry& g, double axisMax) const;
  double build();
  std::vector<Item> take() { return std::move(items_); }
  bool rightToLeft() const { return rtl_; }

 private:
  // Cuts the text to `maxLines` lines, its end replaced by "…".
  void cut(PangoLayout* l, const std::string& s, int maxLines) const {
    PangoLayoutLine* last = pango_layout_get_line_readonly(l, maxLines - 1);
    const std::size_t limit = static_cast<std::size_t>(last->start_index + last->length);
    std::vector<std::size_t> ends;  // character boundaries up to the limit
    for (std::size_t i = 0; i <= limit && i <= s.size(); ++i)
      if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ends.push_back(i);
    auto cutAt = [&](std::size_t end) {
      std::string t = s.substr(0, end);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      t += "…";
      pango_layout_set_text(l, t.c_str(), static_cast<int>(t.size()));
      return pango_layout_get_line_count(l) <= maxLines;
    };
    std::size_t lo = 0, hi = ends.size() - 1;  // the longest start that fits
    while (lo < hi) {
      const std::size_t mid = (lo + hi + 1) / 2;
      if (cutAt(ends[mid]))
        lo = mid;
      else
        hi = mid - 1;
    }
    cutAt(ends[lo]);
  }

  const BarChart& chart_;
  double width_;
  bool rtl_;
  PangoContext* context_;
  std::vector<Item> items_;
};

// For a stacked chart, per category: the segments too narrow to carry their
// value (under about 6% of the bar), written under the bar instead, such as
// "Not available 3.0%, Left blank 2.0%". Empty when all fit.
std::vector<std::string> Builder::narrowSegmentNotes(const Geometry& g, double axisMax) const {
  std::vector<std::string> notes(chart_.categories.size());
  if (!chart_.stacked) return notes;
  for (std::size_t i = 0; i < chart_.categories.size(); ++i)
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
      const double v = i < chart_.series[s].values.size() ? chart_.series[s].values[i] : 0;
      if (v <= 0) continue;
      const double w = g.barWidth * std::clamp(v / axisMax, 0.0, 1.0);
      auto t = layout(valueText(v, chart_.percent), kValueSize, false, -1, PANGO_ALIGN_LEFT);
      if (widthOf(t) + 4 <= w) continue;
      notes[i] += (notes[i].empty() ? "" : ", ") + chart_.series[s].name + " " + valueText(v, chart_.percent);
    }
  return notes;
}

// Lays the chart out; returns its height.
double Builder::build() {
  const BarChart& chart = chart_;
  const double width = width_;
  double y = 0;
  if (!chart.title.empty()) {
    auto t = layout(chart.title, kTitleSize, true, width, start());
    const double h = heightOf(t);
    textFromStart(std::move(t), 0, y, width, kTitleSize, true);
    y += h + 2;
  }
  if (!chart.subtitle.empty()) {
    auto t = layout(chart.subtitle, kTextSize, false, width, start());
    const double h = heightOf(t);
    textFromStart(std::move(t), 0, y, width, kTextSize, false, {0.35, 0.35, 0.35});
    y += h + 4;
  }
  if (chart.series.size() > 1) {  // the legend, flowing in rows from the start edge
    double lx = 0, rowHeight = 0;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      auto t = layout(chart.series[s].name, kTextSize, false, -1, start());
      const double tw = widthOf(t), th = heightOf(t);
      const double w = 10 + 3 + tw + 10;
      if (lx > 0 && lx + w > width) {
        lx = 0;
        y += rowHeight + 2;
      }
      rowHeight = std::max(rowHeight, th);
      box(lx, y + (th - 9) / 2, 9, 9, colourOf(chart, s));
      textFromStart(std::move(t), lx + 13, y, -1, kTextSize, false);
      lx += w;
    }
    y += rowHeight + 6;
  }
  const Geometry g = geometry(chart, width);
  const auto [axisMax, step] = scale(chart);
  const double barsTop = y;
  const auto notes = narrowSegmentNotes(g, axisMax);
  std::vector<double> rows;  // the top of each category's bars
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    // The label beside its bars: aligned on its end, towards them.
    auto label = layout(chart.categories[i], kTextSize, false, g.labelWidth, end(), 3);
    const double labelHeight = heightOf(label);
    double noteHeight = 0;
    if (!notes[i].empty()) {
      auto note = layout(notes[i], kValueSize, false, g.barWidth, start());
      noteHeight = heightOf(note) + 1;
      textFromStart(std::move(note), g.barX, y + g.groupHeight + 1, g.barWidth, kValueSize, false,
                    {0.25, 0.25, 0.25});
    }
    const double rowHeight = std::max(labelHeight, g.groupHeight + noteHeight);
    const double barsY = noteHeight > 0 ? y : y + (rowHeight - g.groupHeight) / 2;
    text(std::move(label), px(0, g.labelWidth), y + (rowHeight - labelHeight) / 2, g.labelWidth,
         rtl_ ? Anchor::Left : Anchor::Right, kTextSize, false);
    rows.push_back(barsY);
    y += rowHeight + kRowGap;
  }
  const double barsBottom = y - kRowGap;
  // Gridlines under the bars, their values centred under them.
  for (double v = 0; v <= axisMax + 1e-9; v += step) {
    const double gx = g.barX + g.barWidth * v / axisMax;
    const double grey = v == 0 ? 0.55 : 0.85;
    rule(gx, barsTop - 2, barsBottom + 2, 0.5, {grey, grey, grey});
    auto t = layout(valueText(v, chart.percent), kValueSize, false, 40, PANGO_ALIGN_CENTER);
    text(std::move(t), (rtl_ ? width - gx : gx) - 20, barsBottom + 3, 40, Anchor::Centre, kValueSize, false,
         {0.35, 0.35, 0.35});
  }
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    double bx = g.barX, by = rows[i];
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double v = i < chart.series[s].values.size() ? chart.series[s].values[i] : 0;
      const double w = g.barWidth * std::clamp(v / axisMax, 0.0, 1.0);
      const Colour c = colourOf(chart, s);
      box(bx, by, w, g.barHeight, c);
      if (chart.stacked) {
        auto t = layout(valueText(v, chart.percent), kValueSize, false, -1, PANGO_ALIGN_CENTER);
        const double tw = widthOf(t), th = heightOf(t);
        if (tw + 4 <= w) {
          const double luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
          const Colour ink = luminance < 0.5 ? Colour{1, 1, 1} : Colour{0.1, 0.1, 0.1};
          text(std::move(t), px(bx + (w - tw) / 2, tw), by + (g.barHeight - th) / 2, tw, Anchor::Centre,
               kValueSize, false, ink);
        }
        bx += w;
      } else {  // the value past the bar's end
        auto t = layout(valueText(v, chart.percent), kValueSize, false, -1, start());
        const double th = heightOf(t);
        textFromStart(std::move(t), bx + w + 3, by + (g.barHeight - th) / 2, -1, kValueSize, false);
        by += g.barHeight + 1.5;
      }
    }
  }
  return barsBottom + 3 + kAxisHeight;
}

void drawItems(cairo_t* cr, const std::vector<Item>& items, double x, double y) {
  for (const auto& item : items) {
    if (const auto* t = std::get_if<Text>(&item)) {
      cairo_set_source_rgb(cr, t->colour.r, t->colour.g, t->colour.b);
      cairo_move_to(cr, x + t->x, y + t->y);
      pango_cairo_show_layout(cr, t->layout.get());
    } else if (const auto* b = std::get_if<Box>(&item)) {
      if (b->width <= 0) continue;
      cairo_set_source_rgb(cr, b->colour.r, b->colour.g, b->colour.b);
      cairo_rectangle(cr, x + b->x, y + b->y, b->width, b->height);
      cairo_fill(cr);
    } else if (const auto* r = std::get_if<Rule>(&item)) {
      cairo_set_source_rgb(cr, r->colour.r, r->colour.g, r->colour.b);
      cairo_set_line_width(cr, r->thickness);
      cairo_move_to(cr, x + r->x, y + r->top);
      cairo_line_to(cr, x + r->x, y + r->bottom);
      cairo_stroke(cr);
    }
  }
}

// A number for SVG: at most two decimals, no trailing zeros.
void number(std::string& out, double v) {
  char buffer[32];
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, std::round(v * 100) / 100, std::chars_format::fixed, 2);
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  while (end > buffer && end[-1] == '0') --end;
  if (end > buffer && end[-1] == '.') --end;
  if (end == buffer || (end - buffer == 2 && buffer[0] == '-' && buffer[1] == '0')) {
    out += '0';
    return;
  }
  out.append(buffer, end);
}

void colour(std::string& out, Colour c) {
  static const char* digits = "0123456789abcdef";
  out += '#';
  for (double v : {c.r, c.g, c.b}) {
    const int byte = std::clamp(static_cast<int>(std::lround(v * 255)), 0, 255);
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
}

// One <text> per line of the layout, at its baseline, anchored on the text's side.
void svgText(std::string& out, const Text& t, bool rtl, double pointsToUnits) {
  PangoLayout* l = t.layout.get();
  const char* all = pango_layout_get_text(l);
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    std::string_view s(all + line->start_index, static_cast<std::size_t>(line->length));
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    if (s.empty()) continue;
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double left = t.x + static_cast<double>(logical.x) / PANGO_SCALE;
    const double right = left + static_cast<double>(logical.width) / PANGO_SCALE;
    const double baseline = t.y + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    out += "<text x=\"";
    number(out, t.anchor == Anchor::Left ? left : t.anchor == Anchor::Right ? right : (left + right) / 2);
    out += "\" y=\"";
    number(out, baseline);
    out += "\" font-size=\"";
    number(out, t.size * pointsToUnits);
    out += '"';
    if (t.bold) out += " font-weight=\"bold\"";
    out += " fill=\"";
    colour(out, t.colour);
    // text-anchor follows the direction: in a right-to-left chart "start" is the right.
    out += t.anchor == Anchor::Centre           ? "\" text-anchor=\"middle\">"
           : (t.anchor == Anchor::Left) == !rtl ? "\" text-anchor=\"start\">"
                                                : "\" text-anchor=\"end\">";
    out += htmlEscape(s);
    out += "</text>\n";
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

struct ChartDrawing::Parts {
  std::vector<Item> items;
  double width = 0, height = 0;
  bool rtl = false;
};

ChartDrawing::ChartDrawing(const BarChart& chart, double width) : parts_(std::make_unique<Parts>()) {
  Builder builder(chart, width);
  parts_->width = width;
  parts_->height = builder.build();
  parts_->rtl = builder.rightToLeft();
  parts_->items = builder.take();
}
ChartDrawing::~ChartDrawing() = default;
ChartDrawing::ChartDrawing(ChartDrawing&&) noexcept = default;
ChartDrawing& ChartDrawing::operator=(ChartDrawing&&) noexcept = default;

double ChartDrawing::width() const { return parts_->width; }
double ChartDrawing::height() const { return parts_->height; }

void ChartDrawing::draw(cairo_t* cr, double x, double y) const {
  cairo_save(cr);
  drawItems(cr, parts_->items, x, y);
  cairo_restore(cr);
}

std::string ChartDrawing::svg() const {
  const double width = parts_->width, height = std::ceil(parts_->height);
  const double pointsToUnits = contexts().pointsToUnits;
  std::string out;
  out.reserve(512 + 160 * parts_->items.size());
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"";
  number(out, width);
  out += "pt\" height=\"";
  number(out, height);
  out += "pt\" viewBox=\"0 0 ";
  number(out, width);
  out += ' ';
  number(out, height);
  out += "\" direction=\"";
  out += parts_->rtl ? "rtl" : "ltr";
  out += "\" font-family=\"";
  out += kSvgFonts;
  out += "\">\n";
  for (const auto& item : parts_->items) {
    if (const auto* t = std::get_if<Text>(&item)) {
      svgText(out, *t, parts_->rtl, pointsToUnits);
    } else if (const auto* b = std::get_if<Box>(&item)) {
      if (b->width <= 0) continue;
      out += "<rect x=\"";
      number(out, b->x);
      out += "\" y=\"";
      number(out, b->y);
      out += "\" width=\"";
      number(out, b->width);
      out += "\" height=\"";
      number(out, b->height);
      out += "\" fill=\"";
      colour(out, b->colour);
      out += "\"/>\n";
    } else if (const auto* r = std::get_if<Rule>(&item)) {
      out += "<path d=\"M";
      number(out, r->x);
      out += ' ';
      number(out, r->top);
      out += 'V';
      number(out, r->bottom);
      out += "\" stroke=\"";
      colour(out, r->colour);
      out += "\" stroke-width=\"";
      number(out, r->thickness);
      out += "\"/>\n";
    }
  }
  out += "</svg>\n";
  return out;
}

std::vector<std::string> narrowSegments(const BarChart& chart, double width) {
  Builder builder(chart, width);
  return builder.narrowSegmentNotes(geometry(chart, width), scale(chart).first);
}

double chartHeight(const BarChart& chart, double width) { return ChartDrawing(chart, width).height(); }

void drawChart(cairo_t* cr, const BarChart& chart, double x, double y, double width) {
  ChartDrawing(chart, width).draw(cr, x, y);
}

std::string chartSvg(const BarChart& chart, double width) { return ChartDrawing(chart, width).svg(); }

std::string chartPng(const BarChart& chart, double width, double scale) {
  const ChartDrawing drawing(chart, width);
  const double height = std::ceil(drawing.height());
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width * scale),
                                                        static_cast<int>(height * scale));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  drawing.draw(cr, 0, 0);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(surface, appendToString, &out);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace focal::charts
