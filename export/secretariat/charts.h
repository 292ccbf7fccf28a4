// Bar charts for the analytical report, drawn with cairo and pango, so the
// same drawing goes into the PDF (vector), the HTML (SVG) and a PNG.
// Horizontal bars, because category labels (answers, groups, articles) are
// long and in any script. Colours are the Okabe-Ito palette, which readers
// with the common colour-vision deficiencies can tell apart; every bar also
// carries its value as text, so nothing depends on colour alone, even in
// black-and-white print: a segment of a stacked bar too narrow for its
// value (under about 6%) has it written under the bar, with its name.
// A chart in a right-to-left language (Arabic) is mirrored: titles, labels
// and the legend start at the right, bars grow leftwards from the labels,
// the first segment of a stacked bar and the first series of the legend
// are the rightmost, values stand at the left end of their bar.
#pragma once

#include <cairo.h>

#include <memory>
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

// A chart laid out once at a width: its height is known before it is drawn
// (the PDF keeps a chart whole on one page, and a heading with it), and the
// same layout is drawn into cairo or written as SVG.
class ChartDrawing {
 public:
  ChartDrawing(const BarChart& chart, double width);
  ~ChartDrawing();
  ChartDrawing(ChartDrawing&&) noexcept;
  ChartDrawing& operator=(ChartDrawing&&) noexcept;

  double width() const;
  double height() const;
  // Draws the chart with its top-left corner at (x, y).
  void draw(cairo_t* cr, double x, double y) const;
  // An SVG document: text as <text> (selectable, searchable, shaped by the
  // reader's fonts) in lines broken as here, each anchored on the side
  // its alignment keeps (labels towards the bars, values at the bar's end),
  // so a reader's slightly different font keeps each text beside its bar.
  std::string svg() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
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
