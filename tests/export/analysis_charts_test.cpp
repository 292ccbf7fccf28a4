// The analysis' charts laid out once (charts::ChartDrawing) and written as
// SVG text, and mirrored in Arabic: labels and the legend on the right,
// bars growing leftwards, values at the bar's left end; the same in the
// SVG and in the cairo drawing of the PDF and PNG.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "export/secretariat/charts.h"

namespace focal {
namespace {

struct SvgText {
  double x = 0, y = 0;
  std::string anchor, text;
};
struct SvgRect {
  double x = 0, y = 0, width = 0, height = 0;
  std::string fill;
};

std::vector<SvgText> texts(const std::string& svg) {
  static const std::regex re(
      R"re(<text x="([-0-9.]+)" y="([-0-9.]+)"[^>]* text-anchor="([a-z]+)">([^<]*)</text>)re");
  std::vector<SvgText> out;
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3], (*it)[4]});
  return out;
}

std::vector<SvgRect> rects(const std::string& svg) {
  static const std::regex re(
      R"re(<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([-0-9.]+)" height="([-0-9.]+)" fill="(#[0-9a-f]{6})"/>)re");
  std::vector<SvgRect> out;
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
    out.push_back(
        {std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
  return out;
}

const SvgText& textOf(const std::vector<SvgText>& all, const std::string& text) {
  for (const auto& t : all)
    if (t.text == text) return t;
  ADD_FAILURE() << "no text " << text;
  static const SvgText none;
  return none;
}

charts::BarChart simpleChart(const std::string& language) {
  charts::BarChart chart;
  chart.title = "معدل الردود";
  chart.categories = {"جميع الدول", "مجموعة الدول الأفريقية"};
  chart.series.push_back({"الدول", {0.4, 0.2}, {}});
  chart.language = language;
  return chart;
}

constexpr double kWidth = 400;

TEST(ChartsRtl, BarsGrowLeftwardsFromLabelsOnTheRight) {
  const std::string en = charts::ChartDrawing(simpleChart("en"), kWidth).svg();
  const std::string ar = charts::ChartDrawing(simpleChart("ar"), kWidth).svg();
  EXPECT_NE(en.find("direction=\"ltr\""), std::string::npos);
  EXPECT_NE(ar.find("direction=\"rtl\""), std::string::npos);
  const auto enTexts = texts(en), arTexts = texts(ar);
  const auto enBars = rects(en), arBars = rects(ar);
  ASSERT_EQ(enBars.size(), 2u) << en;
  ASSERT_EQ(arBars.size(), 2u) << ar;
  for (const char* label : {"جميع الدول", "مجموعة الدول الأفريقية"}) {
    const SvgText& l = textOf(enTexts, label);
    const SvgText& r = textOf(arTexts, label);
    // English: the label ends at its right edge, left of the bars.
    EXPECT_EQ(l.anchor, "end");
    for (const auto& bar : enBars) EXPECT_LT(l.x, bar.x);
    // Arabic: the label ends at its left edge ("end" in a right-to-left text), right of the bars.
    EXPECT_EQ(r.anchor, "end");
    for (const auto& bar : arBars) EXPECT_GT(r.x, bar.x + bar.width);
    EXPECT_GT(r.x, kWidth / 2);
    EXPECT_NEAR(r.x, kWidth - l.x, 0.02);
  }
  // Each bar mirrored: its start at the right, the same length.
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(arBars[i].x + arBars[i].width, kWidth - enBars[i].x, 0.02);
    EXPECT_NEAR(arBars[i].width, enBars[i].width, 0.02);
    EXPECT_NEAR(arBars[i].y, enBars[i].y, 0.02);
  }
  // The value at the bar's end: right of it in English, left of it in Arabic, anchored to it.
  const SvgText& enValue = textOf(enTexts, "40%");
  const SvgText& arValue = textOf(arTexts, "40%");  // not a gridline's value
  EXPECT_EQ(enValue.anchor, "start");
  EXPECT_GT(enValue.x, enBars[0].x + enBars[0].width);
  EXPECT_EQ(arValue.anchor, "start");  // its right edge, in a right-to-left text
  EXPECT_LT(arValue.x, arBars[0].x);
  EXPECT_NEAR(arValue.x, kWidth - enValue.x, 0.02);
  // The title starts at the right, the axis' 0% under the bars' start.
  EXPECT_NEAR(textOf(arTexts, "معدل الردود").x, kWidth, 0.02);
  EXPECT_NEAR(textOf(enTexts, "معدل الردود").x, 0, 0.02);
  EXPECT_NEAR(textOf(arTexts, "0%").x, arBars[0].x + arBars[0].width, 0.02);
  EXPECT_LT(textOf(arTexts, "100%").x, textOf(arTexts, "0%").x);
}

TEST(ChartsRtl, StackedSegmentsAndLegendStartAtTheRight) {
  for (const std::string language : {"en", "ar"}) {
    charts::BarChart chart;
    chart.stacked = true;
    chart.language = language;
    chart.categories = {"جميع الدول (n = 60)"};
    chart.series.push_back({"نعم", {0.6}, {}});
    chart.series.push_back({"لا", {0.3}, {}});
    chart.series.push_back({"لم يُجب", {0.1}, charts::kNoAnswer});
    const std::string svg = charts::ChartDrawing(chart, kWidth).svg();
    std::vector<SvgRect> swatches, segments;
    for (const auto& r : rects(svg)) (r.width == 9 && r.height == 9 ? swatches : segments).push_back(r);
    ASSERT_EQ(swatches.size(), 3u) << svg;
    ASSERT_EQ(segments.size(), 3u) << svg;
    const bool rtl = language == "ar";
    for (std::size_t i = 1; i < 3; ++i) {
      // The first series is the rightmost in Arabic, the leftmost in English.
      EXPECT_EQ(swatches[i].x < swatches[i - 1].x, rtl) << language;
      EXPECT_EQ(segments[i].x < segments[i - 1].x, rtl) << language;
    }
    // Each legend name beside its swatch, on the side away from the start edge.
    const auto all = texts(svg);
    const SvgText& yes = textOf(all, "نعم");
    if (rtl)
      EXPECT_NEAR(yes.x, swatches[0].x - 4, 0.02);
    else
      EXPECT_NEAR(yes.x, swatches[0].x + 13, 0.02);
    // A segment's value centred in it.
    const SvgText& v = textOf(all, "60%");
    EXPECT_EQ(v.anchor, "middle");
    EXPECT_NEAR(v.x, segments[0].x + segments[0].width / 2, 0.05);
  }
}

// The cairo drawing (PDF, PNG) is the same layout: in Arabic the bar's
// blue is in the left part of the chart, its labels on the right.
TEST(ChartsRtl, CairoDrawingIsMirroredToo) {
  auto blueColumns = [](const std::string& language) {
    const charts::ChartDrawing drawing(simpleChart(language), kWidth);
    const int w = static_cast<int>(kWidth), h = static_cast<int>(std::ceil(drawing.height()));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    drawing.draw(cr, 0, 0);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    int first = w, last = -1;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const auto* p = reinterpret_cast<const std::uint32_t*>(data + y * stride) + x;
        if ((*p & 0xFFFFFFu) == 0x0072B2u) {  // the palette's blue, fully covered pixels (RGB24: no alpha)
          first = std::min(first, x);
          last = std::max(last, x);
        }
      }
    cairo_surface_destroy(surface);
    return std::pair{first, last};
  };
  const auto [enFirst, enLast] = blueColumns("en");
  const auto [arFirst, arLast] = blueColumns("ar");
  ASSERT_GE(enLast, 0);
  ASSERT_GE(arLast, 0);
  EXPECT_GT(enFirst, static_cast<int>(kWidth) / 3);     // after the labels
  EXPECT_LT(arLast, static_cast<int>(kWidth) * 2 / 3);  // before them
  EXPECT_NEAR(arLast, kWidth - 1 - enFirst, 1.5);
  EXPECT_NEAR(arFirst, kWidth - 1 - enLast, 1.5);
}

TEST(ChartsSvg, LongLabelsAreCutToThreeLinesInBothDrawings) {
  charts::BarChart chart;
  chart.categories = {std::string(40, 'x') + " " + std::string(400, 'y')};
  chart.series.push_back({"States", {0.5}, {}});
  const charts::ChartDrawing drawing(chart, kWidth);
  const auto all = texts(drawing.svg());
  std::size_t lines = 0;
  std::string last;
  for (const auto& t : all)
    if (t.text.find("xx") != std::string::npos || t.text.find("yy") != std::string::npos) {
      ++lines;
      last = t.text;
    }
  EXPECT_EQ(lines, 3u);
  EXPECT_EQ(last.substr(last.size() - 3), "…");
  EXPECT_LT(drawing.height(), 80);
}

}  // namespace
}  // namespace focal
