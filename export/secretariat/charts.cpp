#include "export/secretariat/charts.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

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
constexpr double kTitleSize = 10, kTextSize = 8, kValueSize = 7.5;
constexpr double kGap = 6, kRowGap = 5, kAxisHeight = 14;

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout text(cairo_t* cr, const std::string& s, double size, bool bold, double width, PangoAlignment align,
            int maxLines = 0) {
  Layout layout(pango_cairo_create_layout(cr));
  // Unrounded glyph positions: an Arabic label's words stay whole in the PDF's text (pdf_flow.cpp).
  pango_context_set_round_glyph_positions(pango_layout_get_context(layout.get()), FALSE);
  pango_layout_context_changed(layout.get());
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
  if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_auto_dir(layout.get(), FALSE);  // the alignment given holds for right-to-left labels too
  pango_layout_set_text(layout.get(), s.c_str(), static_cast<int>(s.size()));
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  if (maxLines > 0) {
    pango_layout_set_height(layout.get(), -maxLines);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_alignment(layout.get(), align);
  return layout;
}

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

void show(cairo_t* cr, const Layout& l, double x, double y, Colour c = {0.13, 0.13, 0.13}) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l.get());
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

// For a stacked chart, per category: the segments too narrow to carry their
// value (under about 6% of the bar), written under the bar instead, such as
// "Not available 3.0%, Left blank 2.0%". Empty when all fit.
std::vector<std::string> narrowSegmentNotes(cairo_t* cr, const BarChart& chart, const Geometry& g,
                                            double axisMax) {
  std::vector<std::string> notes(chart.categories.size());
  if (!chart.stacked) return notes;
  for (std::size_t i = 0; i < chart.categories.size(); ++i)
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double v = i < chart.series[s].values.size() ? chart.series[s].values[i] : 0;
      if (v <= 0) continue;
      const double w = g.barWidth * std::clamp(v / axisMax, 0.0, 1.0);
      auto t = text(cr, valueText(v, chart.percent), kValueSize, false, -1, PANGO_ALIGN_LEFT);
      if (widthOf(t) + 4 <= w) continue;
      notes[i] += (notes[i].empty() ? "" : ", ") + chart.series[s].name + " " + valueText(v, chart.percent);
    }
  return notes;
}

// Draws (when `draw`) and measures the chart; returns its height.
double render(cairo_t* cr, const BarChart& chart, double x, double y, double width, bool draw) {
  const double top = y;
  if (!chart.title.empty()) {
    auto t = text(cr, chart.title, kTitleSize, true, width, PANGO_ALIGN_LEFT);
    if (draw) show(cr, t, x, y);
    y += heightOf(t) + 2;
  }
  if (!chart.subtitle.empty()) {
    auto t = text(cr, chart.subtitle, kTextSize, false, width, PANGO_ALIGN_LEFT);
    if (draw) show(cr, t, x, y, {0.35, 0.35, 0.35});
    y += heightOf(t) + 4;
  }
  if (chart.series.size() > 1) {  // the legend, flowing in rows
    double lx = 0, rowHeight = 0;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      auto t = text(cr, chart.series[s].name, kTextSize, false, -1, PANGO_ALIGN_LEFT);
      const double w = 10 + 3 + widthOf(t) + 10;
      if (lx > 0 && lx + w > width) {
        lx = 0;
        y += rowHeight + 2;
      }
      rowHeight = std::max(rowHeight, heightOf(t));
      if (draw) {
        const Colour c = colourOf(chart, s);
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_rectangle(cr, x + lx, y + (heightOf(t) - 9) / 2, 9, 9);
        cairo_fill(cr);
        show(cr, t, x + lx + 13, y);
      }
      lx += w;
    }
    y += rowHeight + 6;
  }
  const Geometry g = geometry(chart, width);
  const auto [axisMax, step] = scale(chart);
  const double barsTop = y;
  const auto notes = narrowSegmentNotes(cr, chart, g, axisMax);
  std::vector<std::pair<double, double>> rows;  // y and height of each category's bars
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    auto label = text(cr, chart.categories[i], kTextSize, false, g.labelWidth, PANGO_ALIGN_RIGHT, 3);
    double noteHeight = 0;
    if (!notes[i].empty()) {
      auto note = text(cr, notes[i], kValueSize, false, g.barWidth, PANGO_ALIGN_LEFT);
      noteHeight = heightOf(note) + 1;
      if (draw) show(cr, note, x + g.barX, y + g.groupHeight + 1, {0.25, 0.25, 0.25});
    }
    const double rowHeight = std::max(heightOf(label), g.groupHeight + noteHeight);
    const double barsY = noteHeight > 0 ? y : y + (rowHeight - g.groupHeight) / 2;
    if (draw) show(cr, label, x, y + (rowHeight - heightOf(label)) / 2);
    rows.emplace_back(barsY, rowHeight);
    y += rowHeight + kRowGap;
  }
  const double barsBottom = y - kRowGap;
  if (draw) {  // gridlines under the bars
    cairo_set_line_width(cr, 0.5);
    for (double v = 0; v <= axisMax + 1e-9; v += step) {
      const double gx = x + g.barX + g.barWidth * v / axisMax;
      cairo_set_source_rgb(cr, v == 0 ? 0.55 : 0.85, v == 0 ? 0.55 : 0.85, v == 0 ? 0.55 : 0.85);
      cairo_move_to(cr, gx, barsTop - 2);
      cairo_line_to(cr, gx, barsBottom + 2);
      cairo_stroke(cr);
      auto t = text(cr, valueText(v, chart.percent), kValueSize, false, -1, PANGO_ALIGN_LEFT);
      show(cr, t, gx - widthOf(t) / 2, barsBottom + 3, {0.35, 0.35, 0.35});
    }
  }
  if (draw)
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
      double bx = x + g.barX, by = rows[i].first;
      for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const double v = i < chart.series[s].values.size() ? chart.series[s].values[i] : 0;
        const double w = g.barWidth * std::clamp(v / axisMax, 0.0, 1.0);
        const Colour c = colourOf(chart, s);
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_rectangle(cr, bx, by, w, g.barHeight);
        cairo_fill(cr);
        auto t = text(cr, valueText(v, chart.percent), kValueSize, false, -1, PANGO_ALIGN_LEFT);
        const double th = heightOf(t);
        if (chart.stacked) {
          if (widthOf(t) + 4 <= w) {
            const double luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
            const Colour ink = luminance < 0.5 ? Colour{1, 1, 1} : Colour{0.1, 0.1, 0.1};
            show(cr, t, bx + (w - widthOf(t)) / 2, by + (g.barHeight - th) / 2, ink);
          }
          bx += w;
        } else {
          show(cr, t, bx + w + 3, by + (g.barHeight - th) / 2);
          by += g.barHeight + 1.5;
        }
      }
    }
  y = barsBottom + 3 + kAxisHeight;
  return y - top;
}

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::vector<std::string> narrowSegments(const BarChart& chart, double width) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t* cr = cairo_create(surface);
  auto notes = narrowSegmentNotes(cr, chart, geometry(chart, width), scale(chart).first);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return notes;
}

double chartHeight(const BarChart& chart, double width) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t* cr = cairo_create(surface);
  const double h = render(cr, chart, 0, 0, width, false);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return h;
}

void drawChart(cairo_t* cr, const BarChart& chart, double x, double y, double width) {
  cairo_save(cr);
  render(cr, chart, x, y, width, true);
  cairo_restore(cr);
}

std::string chartSvg(const BarChart& chart, double width) {
  // Laid out and drawn once, into a recording that is then replayed into the
  // SVG: measuring first (chartHeight) and drawing after shaped every text
  // twice, the largest cost of the HTML report (docs/performance.md).
  cairo_surface_t* recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* rc = cairo_create(recording);
  const double height = std::ceil(render(rc, chart, 0, 0, width, true));
  cairo_destroy(rc);
  std::string out;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(appendToString, &out, width, height);
  cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_surface(cr, recording, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(recording);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

std::string chartPng(const BarChart& chart, double width, double scale) {
  const double height = std::ceil(chartHeight(chart, width));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width * scale),
                                                        static_cast<int>(height * scale));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  drawChart(cr, chart, 0, 0, width);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(surface, appendToString, &out);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace focal::charts
