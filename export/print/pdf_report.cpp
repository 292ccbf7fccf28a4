// The PDF of a national report, drawn with pdf_flow.h in two passes: the
// first learns the page of every section and the number of pages, the
// second draws with them (contents, "Page N of M", PDF outline).
#include <cairo-pdf.h>

#include <cmath>

#include "export/common/output_file.h"
#include "export/print/pdf_flow.h"
#include "export/print/pdf_text_map.h"
#include "export/print/printed_report.h"

namespace focal {

namespace {

using pdf::Align;
using pdf::Color;
using pdf::Flow;
using pdf::style;
using pdf::TextStyle;

const Color kBlue{0.0, 0.62, 0.86};  // UN blue
const Color kNavy{0.09, 0.20, 0.33};
const Color kGrey{0.40, 0.43, 0.48};
const Color kLight{0.86, 0.90, 0.95};
const Color kBar{0.70, 0.82, 0.92};
const Color kTotal{0.93, 0.95, 0.97};

struct Pages {
  std::vector<int> sections;
  int attachments = 0;
  int total = 0;
};

class Renderer {
 public:
  Renderer(cairo_surface_t* surface, cairo_t* cr, const PrintableReport& report, bool draw,
           const Pages* known)
      : surface_(surface),
        report_(report),
        known_(known),
        labels_(*report.labels),
        flow_(cr, draw, report.rightToLeft, pdfFontFamilies(report.language)) {
    flow_.onPageStart = [this](Flow& f, int page) { pageStart(f, page); };
    flow_.onPageEnd = [this](Flow& f, int page) { pageEnd(f, page); };
  }

  Pages run() {
    flow_.startFirstPage();
    cover();
    flow_.newPage();
    contents();
    for (std::size_t i = 0; i < report_.sections.size(); ++i) section(i);
    attachments();
    flow_.finish();
    pages_.total = flow_.page();
    return pages_;
  }

 private:
  double width() const { return flow_.contentWidth(); }

  void pageStart(Flow& f, int page) {
    if (!f.drawing()) return;
    cairo_t* cr = f.cairo();
    if (report_.draft) {  // a watermark under everything
      cairo_save(cr);
      cairo_translate(cr, Flow::kPageWidth / 2, Flow::kPageHeight / 2);
      cairo_rotate(cr, -M_PI / 5);
      // Its own layout: the flow's shared context must keep the page's matrix.
      pdf::Layout mark(pango_cairo_create_layout(cr));
      PangoFontDescription* font =
          pango_font_description_from_string(pdfFontFamilies(report_.language).c_str());
      pango_font_description_set_absolute_size(font, 110 * PANGO_SCALE);
      pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description(mark.get(), font);
      pango_font_description_free(font);
      pango_layout_set_text(mark.get(), labels_.draft, -1);
      int w, h;
      pango_layout_get_size(mark.get(), &w, &h);
      cairo_move_to(cr, -w / 2.0 / PANGO_SCALE, -h / 2.0 / PANGO_SCALE);
      cairo_set_source_rgba(cr, 0.80, 0.84, 0.90, 0.35);
      // As outlines, not text: the watermark stays out of copied or extracted text.
      pango_cairo_layout_path(cr, mark.get());
      cairo_fill(cr);
      cairo_restore(cr);
    }
    if (page == 1) {
      cairo_rectangle(cr, 0, 0, Flow::kPageWidth, 10);
      cairo_set_source_rgb(cr, kBlue.r, kBlue.g, kBlue.b);
      cairo_fill(cr);
      return;
    }
    auto left =
        f.layout(report_.stateName + "  \u00B7  " + report_.title, style(7.5, false, kGrey), width() * 0.78);
    pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_single_paragraph_mode(left.get(), TRUE);
    f.place(left.get(), 0, 40, width() * 0.78);
    TextStyle statusStyle = style(7.5, true, report_.draft ? Color{0.75, 0.20, 0.15} : kBlue);
    statusStyle.align = Align::End;
    auto status = f.layout(report_.status, statusStyle, width() * 0.2);
    f.place(status.get(), width() * 0.8, 40, width() * 0.2);
    f.fillRect(0, 54, width(), 0.6, kLight);
  }

  void pageEnd(Flow& f, int page) {
    if (!f.drawing() || page == 1) return;
    const double y = Flow::kPageHeight - 48;
    f.fillRect(0, y - 8, width(), 0.6, kLight);
    TextStyle center = style(8, false, kGrey);
    center.align = Align::Center;
    auto number =
        f.layout(fillIn(labels_.pageOf, std::to_string(page), std::to_string(known_ ? known_->total : 0)),
                 center, width() / 3);
    f.place(number.get(), width() / 3, y, width() / 3);
    auto left = f.layout(report_.questionnaire, style(7, false, kGrey), width() / 3);
    f.place(left.get(), 0, y + 0.5, width() / 3);
    if (!report_.fingerprint.empty()) {
      TextStyle end = style(7, false, kGrey);
      end.mono = true;
      end.align = Align::End;
      auto key = f.layout(report_.fingerprint, end, width() / 3);
      f.place(key.get(), 2 * width() / 3, y + 0.5, width() / 3);
    }
  }

  void cover() {
    flow_.moveTo(150);
    flow_.text(labels_.nationalReport, style(13, true, kBlue), 0, width());
    flow_.space(8);
    flow_.text(report_.stateName, style(30, true, kNavy), 0, width());
    flow_.space(14);
    flow_.rule(0, 70, kBlue, 2.5);
    flow_.space(22);
    flow_.text(report_.title, style(14.5, false, kNavy), 0, width());
    flow_.space(10);
    flow_.text(report_.instrument, style(10.5, false, kGrey), 0, width());
    flow_.space(36);
    const TextStyle label = style(9, false, kGrey), value = style(10.5, false);
    const std::pair<const char*, std::string> rows[] = {
        {labels_.questionnaire, report_.questionnaire},
        {labels_.reportingCycle, report_.cycle},
        {labels_.date, report_.date},
        {labels_.preparedBy, report_.preparer},
        {labels_.status, report_.status + "  \u00B7  " + report_.progress}};
    for (const auto& [name, text] : rows) {
      flow_.field(name, label, 150, text, value, 0, width());
      flow_.space(7);
    }
    // The fingerprint, boxed, near the foot of the cover.
    const double boxTop = Flow::kPageHeight - 210;
    flow_.fillRect(0, boxTop, width(), 120, {0.95, 0.97, 0.99});
    flow_.fillRect(0, boxTop, 3, 120, kBlue);
    flow_.moveTo(boxTop + 18);
    flow_.text(labels_.fingerprint, style(9, true, kNavy), 20, width() - 40);
    flow_.space(8);
    TextStyle key = style(17, true, kNavy);
    key.mono = true;
    flow_.text(report_.fingerprint.empty() ? labels_.notSigned : report_.fingerprint, key, 20, width() - 40);
    flow_.space(10);
    flow_.text(labels_.fingerprintNote, style(8.5, false, kGrey), 20, width() - 40);
  }

  void contents() {
    flow_.text(labels_.contents, style(18, true, kNavy), 0, width());
    flow_.space(6);
    flow_.rule(0, width(), kBlue, 1);
    flow_.space(14);
    TextStyle number = style(10, false, kGrey);
    number.align = Align::End;
    auto entry = [&](const std::string& title, int depth, int page, bool bold) {
      const double indent = 16.0 * depth;
      const double titleWidth = width() - indent - 50;
      auto layout =
          flow_.layout(title, style(depth == 0 ? 10.5 : 9.5, bold, depth == 0 ? kNavy : Color{}), titleWidth);
      flow_.keep(flow_.height(layout.get()));
      const double y = flow_.y();
      const std::string target = "page=" + std::to_string(std::max(page, 1));
      if (flow_.drawing()) cairo_tag_begin(flow_.cairo(), CAIRO_TAG_LINK, target.c_str());
      flow_.text(layout.get(), indent, titleWidth);
      auto pageNumber = flow_.layout(page > 0 ? std::to_string(page) : "", number, 40);
      flow_.place(pageNumber.get(), width() - 40, y, 40);
      if (flow_.drawing()) cairo_tag_end(flow_.cairo(), CAIRO_TAG_LINK);
      flow_.space(depth == 0 ? 7 : 4);
    };
    for (std::size_t i = 0; i < report_.sections.size(); ++i) {
      const auto& s = report_.sections[i];
      entry(s.number + "   " + s.title, s.depth, known_ ? known_->sections[i] : 0, s.depth == 0);
    }
    entry(labels_.attachments, 0, known_ ? known_->attachments : 0, true);
  }

  void outline(const std::string& title, int depth) {
    if (!flow_.drawing()) return;
    const std::string link =
        "page=" + std::to_string(flow_.page()) + " pos=[0 " + std::to_string(flow_.y()) + "]";
    int parent = depth == 0 || outlineParent_ == 0 ? CAIRO_PDF_OUTLINE_ROOT : outlineParent_;
    int id = cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), link.c_str(),
                                           static_cast<cairo_pdf_outline_flags_t>(0));
    if (depth == 0) outlineParent_ = id;
  }

  void section(std::size_t index) {
    const PrintSection& s = report_.sections[index];
    if (s.depth == 0)
      flow_.newPage();
    else
      flow_.space(10);
    auto heading =
        flow_.layout(s.number + "   " + s.title, style(s.depth == 0 ? 16 : 12.5, true, kNavy), width());
    flow_.keep(flow_.height(heading.get()) + 60);
    pages_.sections.push_back(flow_.page());
    outline(s.number + " " + s.title, s.depth);
    flow_.text(heading.get(), 0, width());
    flow_.space(5);
    if (s.depth == 0) {
      flow_.rule(0, width(), kBlue, 1.2);
      flow_.space(10);
    }
    if (!s.references.empty()) {
      flow_.text(s.references, style(8.5, false, kGrey, true), 0, width());
      flow_.space(6);
    }
    if (!s.intro.empty()) {
      flow_.text(s.intro, style(9.5, false, {0.25, 0.27, 0.30}), 0, width());
      flow_.space(10);
    }
    for (const auto& q : s.questions) question(q);
  }

  void question(const PrintQuestion& q) {
    constexpr double gutter = 40, barGap = 10;
    const double labelWidth = width() - gutter;
    if (q.note) {
      flow_.text(q.label, style(9.5, false, kGrey, true), gutter, labelWidth);
      flow_.space(10);
      return;
    }
    const double x = gutter + barGap, w = width() - x;
    auto label = flow_.layout(q.label, style(10.5, true), labelWidth);
    std::string meta = q.id + (q.references.empty() ? "" : "  \u00B7  " + q.references);
    auto metaLayout = flow_.layout(meta, style(7.5, false, kGrey), labelWidth);
    // Keep-with-next: the label never stands alone at the foot of a page;
    // it moves with the start of its answer.
    flow_.keep(
        std::min(flow_.height(label.get()) + 1 + flow_.height(metaLayout.get()) + 5 + 1 + answerStart(q, w),
                 flow_.bottom() - flow_.top()));
    auto number = flow_.layout(q.number, style(10.5, true, kBlue), gutter - 6);
    flow_.place(number.get(), 0, flow_.y(), gutter - 6);
    flow_.text(label.get(), gutter, labelWidth);
    flow_.space(1);
    flow_.text(metaLayout.get(), gutter, labelWidth);
    flow_.space(5);
    flow_.beginBar(gutter, q.answered ? kBar : kLight, 2.2);
    flow_.space(1);
    if (!q.missing.empty()) flow_.text(q.missing, style(10, false, kGrey, true), x, w);
    for (const auto& line : q.lines) {
      flow_.text(q.list ? "\u2022  " + line : line, style(10), x, w);
      flow_.space(q.list ? 1.5 : 3);
    }
    for (const auto& f : q.fields) {
      flow_.field(f.label, style(8.5, false, kGrey), 110, f.value, style(10), x, w);
      flow_.space(3);
    }
    if (q.table) table(*q.table, x, w);
    for (const auto& r : q.records) {
      flow_.space(2);
      flow_.text(r.title, style(9.5, true, kNavy), x, w, 14);
      flow_.space(2);
      for (const auto& f : r.fields) {
        flow_.field(f.label, style(8.5, false, kGrey), 150, f.value,
                    f.missing ? style(9.5, false, kGrey, true) : style(10), x + 8, w - 8);
        flow_.space(2.5);
      }
    }
    if (!q.comment.empty()) {
      flow_.space(2);
      flow_.text(std::string(labels_.comment) + ": " + q.comment, style(9, false, {0.25, 0.27, 0.30}, true),
                 x, w);
    }
    if (!q.remark.empty()) flow_.text(q.remark, style(8, false, kBlue, true), x, w);
    flow_.space(1);
    flow_.endBar();
    flow_.space(13);
  }

  // The height of the start of a question's answer (pdf_flow.h, textStart).
  double answerStart(const PrintQuestion& q, double w) {
    if (!q.missing.empty())
      return flow_.textStart(flow_.layout(q.missing, style(10, false, kGrey, true), w).get());
    if (!q.lines.empty())
      return flow_.textStart(flow_.layout(q.list ? "\u2022  " + q.lines[0] : q.lines[0], style(10), w).get());
    if (!q.fields.empty())
      return flow_.fieldStart(q.fields[0].label, style(8.5, false, kGrey), 110, q.fields[0].value, style(10),
                              w);
    if (q.table) return 2 + flow_.tableStart(printTable(*q.table, w));
    if (!q.records.empty()) {
      const auto& r = q.records[0];
      double h = 2 + flow_.height(flow_.layout(r.title, style(9.5, true, kNavy), w).get()) + 2;
      if (!r.fields.empty())
        h += flow_.fieldStart(r.fields[0].label, style(8.5, false, kGrey), 150, r.fields[0].value,
                              r.fields[0].missing ? style(9.5, false, kGrey, true) : style(10), w - 8);
      return h;
    }
    return 0;
  }

  void table(const PrintTable& t, double x, double w) {
    flow_.space(2);
    flow_.table(printTable(t, w), x);
    flow_.space(4);
  }

  pdf::Table printTable(const PrintTable& t, double w) {
    pdf::Table table;
    const std::size_t columns = t.header.size();
    const double first = std::min(w * 0.34, 150.0);
    const double rest = columns > 1 ? (w - first) / static_cast<double>(columns - 1) : 0;
    table.widths.push_back(first);
    for (std::size_t c = 1; c < columns; ++c) table.widths.push_back(rest);
    const double size = columns > 7 ? 8 : 9;
    std::vector<pdf::TableCell> header;
    for (std::size_t c = 0; c < columns; ++c) {
      TextStyle s = style(size, true, kNavy);
      s.align = c == 0 ? Align::Start : Align::Center;
      header.push_back({t.header[c], s, kLight});
    }
    table.rows.push_back(std::move(header));
    for (const auto& row : t.rows) {
      std::vector<pdf::TableCell> cells;
      TextStyle head = style(size, row.total, row.total ? kNavy : Color{});
      cells.push_back({row.header, head, row.total ? std::optional<Color>(kTotal) : std::nullopt});
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const bool total = row.total || (t.totalColumn && c + 1 == row.cells.size());
        TextStyle s = style(size, total, total ? kNavy : Color{});
        s.align = Align::Center;
        cells.push_back({row.cells[c], s, total ? std::optional<Color>(kTotal) : std::nullopt});
      }
      table.rows.push_back(std::move(cells));
    }
    return table;
  }

  void attachments() {
    flow_.newPage();
    pages_.attachments = flow_.page();
    outline(labels_.attachments, 0);
    flow_.text(labels_.attachments, style(16, true, kNavy), 0, width());
    flow_.space(5);
    flow_.rule(0, width(), kBlue, 1.2);
    flow_.space(12);
    if (report_.attachments.empty()) {
      flow_.text(labels_.noAttachments, style(10, false, kGrey, true), 0, width());
      return;
    }
    pdf::Table table;
    table.widths = {125, 165, 50, width() - 340};
    TextStyle head = style(9, true, kNavy);
    table.rows.push_back({{labels_.file, head, kLight},
                          {labels_.question, head, kLight},
                          {labels_.size, head, kLight},
                          {"SHA-256", head, kLight}});
    TextStyle mono = style(7, false, kGrey);
    mono.mono = true;
    for (const auto& a : report_.attachments)
      table.rows.push_back({{a.name, style(9), std::nullopt},
                            {a.question, style(8.5), std::nullopt},
                            {a.size, style(8.5), std::nullopt},
                            {a.sha256, mono, std::nullopt}});
    flow_.table(table, 0);
  }

  cairo_surface_t* surface_;
  const PrintableReport& report_;
  const Pages* known_;
  const ReportLabels& labels_;
  Flow flow_;
  Pages pages_;
  int outlineParent_ = 0;
};

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

}  // namespace

std::string pdfFontFamilies(const std::string& language) {
  const std::string base = language.substr(0, 2);
  if (base == "ar" || base == "fa" || base == "ur") return "Noto Sans Arabic, Noto Sans, Noto Sans CJK SC";
  if (base == "zh" || base == "ja" || base == "ko") return "Noto Sans CJK SC, Noto Sans, Noto Sans Arabic";
  return "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC";
}

void writePdf(const PrintableReport& report, const std::string& path) {
  // Pass one, on a surface that writes nowhere: pages and section numbers.
  Pages pages;
  {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(discard, nullptr, Flow::kPageWidth, Flow::kPageHeight);
    cairo_t* cr = cairo_create(surface);
    pages = Renderer(surface, cr, report, false, nullptr).run();
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  OutputFile out(path);
  cairo_surface_t* surface =
      cairo_pdf_surface_create(out.tempPath().c_str(), Flow::kPageWidth, Flow::kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    throw ExportError("cannot write " + path + ": " + why);
  }
  const std::string title =
      report.labels->nationalReport + std::string(" - ") + report.stateName + " - " + report.title;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, report.preparer.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, report.questionnaire.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Focal " FOCAL_VERSION);
  cairo_t* cr = cairo_create(surface);
  Renderer(surface, cr, report, true, &pages).run();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw ExportError("cannot write " + path + ": " + cairo_status_to_string(status) +
                      "; check the disk and try again");
  pdf::fixToUnicode(out.tempPath());  // lam-alef read back as lam and alef (pdf_text_map.h)
  out.commit();
}

void exportPdf(const ReportContext& context, const PrintOptions& options, const std::string& path) {
  writePdf(buildPrintableReport(context, options), path);
}

}  // namespace focal
