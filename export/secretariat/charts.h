// Bar charts for the analytical report, drawn with cairo and pango, so the
// same drawing goes into the PDF (vector), the HTML (SVG) and a PNG.
// Horizontal bars, because category labels (answers, groups, articles) are
// long and in any script. Colours are the Okabe-Ito palette, which readers
// with the common colour-vision deficiencies can tell apart; every bar also
// carries its value as text, so nothing depends on colour alone, even in
// black-and-white print: a segment of a stacked bar too narrow for its
// value (under about 6%) has it written under the bar, with its name.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

namespace focal::charts {

struct Colour {
  double r = 0, g = 0, b = 0;
};
// The Okabe-Ito colours without black, darkest-contrast first.
const std::vector<Colour>& palette();
inline constexpr Colour kNotAvailable{0.62, 0.62, 0.62};
inline constexpr Colour kNoAnswer{0.85, 0.85, 0.85};

struct Series {
  std::string name;
  std::vector<double> values;    // one per category
  std::optional<Colour> colour;  // empty: the next colour of the palette
};

struct BarChart {
  std::string title;
  std::string subtitle;                 // e.g. "Share of responding States"
  std::vector<std::string> categories;  // one bar (or group of bars) per category
  std::vector<Series> series;           // one: simple bars; several: grouped, or stacked
  bool stacked = false;                 // one bar per category, the series as its segments
  bool percent = true;                  // values are fractions, shown as percentages; else counts
  std::string language;                 // of the labels, for shaping ("ar", "zh", ...)
};

// Per category of a stacked chart, the segments too narrow to carry their
// value, as written under the bar ("Left blank 3.0%, ..."); "" when all fit.
std::vector<std::string> narrowSegments(const BarChart& chart, double width);
// The height the chart needs at `width` (points).
double chartHeight(const BarChart& chart, double width);
// Draws the chart with its top-left corner at (x, y).
void drawChart(cairo_t* cr, const BarChart& chart, double x, double y, double width);

// The chart as an SVG document, and as a PNG at `scale` pixels per point.
std::string chartSvg(const BarChart& chart, double width);
std::string chartPng(const BarChart& chart, double width, double scale = 2.0);

}  // namespace focal::charts
