// A page flow over cairo and pango for printed documents: text laid out by
// pango (so Arabic is shaped and runs right to left, Chinese finds its
// font), broken across A4 pages line by line, with bars, rules, label and
// value rows and tables whose header repeats on each page. Positions are
// measured from the start edge (the left in English, the right in Arabic);
// the flow mirrors them for right-to-left documents.
//
// A document is laid out twice with the same code: once without drawing,
// to learn how many pages there are and where each section starts, then
// drawing, so that "Page N of M" and the contents can be exact.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace focal::pdf {

struct Color {
  double r = 0, g = 0, b = 0;
};

enum class Align { Start, Center, End };

struct TextStyle {
  double size = 10;
  bool bold = false;
  bool italic = false;
  bool mono = false;
  Color color{0.13, 0.13, 0.13};
  Align align = Align::Start;
  double lineSpacing = 1.0;  // a factor of the font's line height
};

// A style by its size, weight, colour and slant: style(9, true, kNavy).
inline TextStyle style(double size, bool bold = false, Color color = {0.13, 0.13, 0.13},
                       bool italic = false) {
  TextStyle s;
  s.size = size;
  s.bold = bold;
  s.color = color;
  s.italic = italic;
  return s;
}

struct TableCell {
  std::string text;
  TextStyle style;
  std::optional<Color> fill;
};

struct Table {
  std::vector<double> widths;  // from the start edge
  std::vector<std::vector<TableCell>> rows;
  int headerRows = 1;
  Color border{0.72, 0.76, 0.82};
};

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

class Flow {
 public:
  static constexpr double kPageWidth = 595.276;  // A4, in points
  static constexpr double kPageHeight = 841.89;

  Flow(cairo_t* cr, bool draw, bool rightToLeft, std::string family);
  ~Flow();
  Flow(const Flow&) = delete;
  Flow& operator=(const Flow&) = delete;

  double margin() const { return 62; }
  double top() const { return 74; }
  double bottom() const { return kPageHeight - 70; }
  double contentWidth() const { return kPageWidth - 2 * margin(); }
  int page() const { return page_; }  // 1-based
  double y() const { return y_; }
  bool drawing() const { return draw_; }
  cairo_t* cairo() const { return cr_; }

  // Called on each new page before anything is placed on it (watermark,
  // header), and when the page is finished (footer).
  std::function<void(Flow&, int page)> onPageStart, onPageEnd;

  void startFirstPage();
  void newPage();
  void finish();  // ends the last page
  void space(double points);
  void moveTo(double y) { y_ = y; }
  // Starts a new page unless `height` points remain.
  void keep(double height);
  double remaining() const { return bottom() - y_; }

  Layout layout(const std::string& text, const TextStyle& style, double width);
  // Places a text from `x` (from the start edge) with `width`, line by line
  // across pages; `keepAfter` points more are kept on the page with its
  // last line (a heading stays with what follows).
  void text(const std::string& text, const TextStyle& style, double x, double width, double keepAfter = 0);
  void text(PangoLayout* layout, double x, double width, double keepAfter = 0);
  // The height of a text's first line (to keep a label with its answer).
  double firstLineHeight(PangoLayout* layout) const;
  double height(PangoLayout* layout) const;
  // Keep-with-next: the height of the start of a text, a field or a table,
  // which text(), field() and table() never break from: a short text (three
  // lines or fewer) whole, else its first line; a field's first line; a
  // table's header with its first row. A heading keeps this much of what
  // follows on its page.
  double textStart(PangoLayout* layout) const;
  double fieldStart(const std::string& label, const TextStyle& labelStyle, double labelWidth,
                    const std::string& value, const TextStyle& valueStyle, double width);
  double tableStart(const Table& table);

  // A label beside a value (the value's lines break across pages).
  void field(const std::string& label, const TextStyle& labelStyle, double labelWidth,
             const std::string& value, const TextStyle& valueStyle, double x, double width);
  // A row taller than a page is cut at the foot of the page it starts on.
  void table(const Table& table, double x);
  // A drawn block (a chart): `height` points kept whole on one page (a new
  // page when it does not fit, unless it is taller than a page), drawn by
  // `draw` with the block's physical top-left corner and its width.
  using Drawing = std::function<void(cairo_t*, double left, double top, double width)>;
  void block(double height, const Drawing& draw, double x, double width);
  // A horizontal rule across `width` at the current position.
  void rule(double x, double width, Color color, double thickness);
  void fillRect(double x, double y, double width, double height, Color color);
  // A vertical bar at `x`, drawn beside everything placed between begin and
  // end, page by page.
  void beginBar(double x, Color color, double thickness);
  void endBar();
  // Draws a layout at a fixed place (headers, footers, the cover).
  void place(PangoLayout* layout, double x, double y, double width);

  // Physical x of a box that starts `x` from the start edge and is `width` wide.
  double physicalX(double x, double width) const;

 private:
  void closeBarSegment();
  double rowHeight(const Table& table, const std::vector<TableCell>& row);
  cairo_t* cr_;
  PangoContext* context_;
  bool draw_, rtl_;
  std::string family_;
  int page_ = 0;
  double y_ = 0;
  struct Bar {
    double x, thickness, startY;
    Color color;
  };
  std::optional<Bar> bar_;
};

}  // namespace focal::pdf
