// The analytical report as one self-contained HTML file: every text
// escaped, bidi controls shown rather than obeyed, each State's own text
// marked with its language and direction, charts as inline SVG drawn by
// cairo (charts.h), a Content-Security-Policy that allows no script and no
// external resource; readable on screen and in print.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "export/common/output_file.h"
#include "export/common/report_labels.h"
#include "export/secretariat/analysis_document.h"
#include "forms/markup_escape.h"

namespace focal {

namespace {

// A chart's SVG (from cairo) made fit to sit inside the page: without its
// XML declaration, its ids (glyphs, clips) prefixed with the chart's number
// so that the charts of one page do not share them, and labelled for
// screen readers.
std::string inlineSvg(const std::string& svg, std::size_t number, const std::string& description) {
  std::size_t begin = svg.find("<svg");
  if (begin == std::string::npos) return {};
  // Not `"c" + std::to_string(n)`: GCC bug 105329 (a false -Wrestrict at -O3).
  const std::string prefix = std::string(1, 'c').append(std::to_string(number)).append(1, '-');
  std::string out;
  out.reserve(svg.size() - begin + 256);
  out += "<svg role=\"img\" aria-label=\"" + htmlEscape(description) + "\"";
  begin += 4;
  // Every id="x" becomes id="cN-x"; every reference (href="#x", url(#x)) follows.
  std::size_t nextId = svg.find("id=\"", begin), nextHash = svg.find('#', begin);
  for (std::size_t i = begin;;) {
    const std::size_t at = std::min(nextId, nextHash);
    if (at == std::string::npos) {
      out.append(svg, i, std::string::npos);
      break;
    }
    if (at == nextId) {
      out.append(svg, i, at + 4 - i);
      out += prefix;
      i = at + 4;
      nextId = svg.find("id=\"", i);
    } else {
      out.append(svg, i, at + 1 - i);
      if ((at >= 6 && svg.compare(at - 6, 6, "href=\"") == 0) ||
          (at >= 4 && svg.compare(at - 4, 4, "url(") == 0))
        out += prefix;
      i = at + 1;
      nextHash = svg.find('#', i);
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string languageAttributes(const std::string& language) {
  if (language.empty()) return " dir=\"auto\"";
  return " lang=\"" + htmlEscape(language) + "\" dir=\"" + (isRightToLeft(language) ? "rtl" : "ltr") + "\"";
}

std::string cut(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t keep = max;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + " …";
}

constexpr const char* kStyle = R"(
body{font-family:"Noto Sans",Arial,sans-serif;font-size:15px;line-height:1.45;color:#222;max-width:980px;margin:2em auto;padding:0 1.2em}
h1{font-size:1.6em;margin:1.6em 0 .4em;border-bottom:2px solid #0072b2;padding-bottom:.15em}
h1.title{border:0;font-size:2em;margin-top:0}
h2{font-size:1.25em;margin:1.4em 0 .3em}h3{font-size:1em;margin:1.2em 0 .3em}
p.subtitle{font-size:1.2em;margin-top:0}p.cover{color:#444;margin:.2em 0}p.note{color:#555;font-size:.92em}
p.label{font-weight:bold;margin:.9em 0 .1em}
blockquote{margin:.2em 0 .8em 1.2em;padding:.3em .8em;border-inline-start:3px solid #56b4e9;background:#f6f9fc}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.88em;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:start}
th{background:#eef3f8}td.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
figure{margin:.6em 0 1.2em}figure svg{max-width:100%;height:auto}
nav ol{columns:2}
@media print{body{max-width:none;margin:0;font-size:11pt}h1{break-before:page}h1.title{break-before:auto}
figure,table,blockquote{break-inside:avoid}nav{display:none}}
)";

// The charts as inline SVG, drawn on every core: cairo and pango are safe to use
// from several threads, each with its own surfaces and layouts.
std::vector<std::string> renderCharts(const AnalysisDocument& document, double width) {
  std::vector<const charts::BarChart*> all;
  for (const auto& block : document.blocks)
    if (const auto* c = std::get_if<DocChart>(&block)) all.push_back(&c->chart);
  std::vector<std::string> svg(all.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < all.size(); i = next++) svg[i] = charts::chartSvg(*all[i], width);
  };
  const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 8);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads && t < all.size(); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return svg;
}

}  // namespace

void writeHtml(const AnalysisDocument& document, const std::string& path) {
  constexpr double kChartWidth = 640;
  const std::vector<std::string> svg = renderCharts(document, kChartWidth);
  std::size_t chart = 0;
  std::string html;
  html.reserve(1 << 20);
  html += "<!DOCTYPE html>\n<html lang=\"" + htmlEscape(document.language) + "\"" +
          (isRightToLeft(document.language) ? " dir=\"rtl\"" : "") + ">\n<head>\n<meta charset=\"utf-8\">\n";
  // Like the national HTML: no script, no external resource.
  html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"Focal " FOCAL_VERSION "\">\n";
  html += "<title>" + htmlEscape(document.title + ": " + document.subtitle) + "</title>\n<style>" + kStyle +
          "</style>\n</head>\n<body>\n";
  html += "<header>\n<h1 class=\"title\">" + htmlEscape(document.title) + "</h1>\n<p class=\"subtitle\">" +
          htmlEscape(document.subtitle) + "</p>\n";
  for (const auto& line : document.cover) html += "<p class=\"cover\">" + htmlEscape(line) + "</p>\n";
  html += "</header>\n<nav aria-label=\"" + htmlEscape(document.translator.tr("Contents")) + "\"><ol>\n";
  int part = 0;
  for (const auto& block : document.blocks)
    if (const auto* h = std::get_if<DocHeading>(&block); h && h->level == 1)
      html += "<li><a href=\"#part-" + std::to_string(++part) + "\">" + htmlEscape(h->text) + "</a></li>\n";
  html += "</ol></nav>\n<main>\n";
  part = 0;
  for (const auto& block : document.blocks) {
    if (const auto* h = std::get_if<DocHeading>(&block)) {
      // Not `"h" + std::to_string(n)`: g++ 12 at -O3 warns falsely that the
      // copy may overlap (-Wrestrict, GCC bug 105329).
      const std::string tag = std::string(1, 'h').append(std::to_string(h->level));
      const std::string id = h->level == 1 ? " id=\"part-" + std::to_string(++part) + "\"" : "";
      html += "<" + tag + id + " dir=\"auto\">" + htmlEscape(h->text) + "</" + tag + ">\n";
    } else if (const auto* p = std::get_if<DocParagraph>(&block)) {
      switch (p->style) {
        case DocParagraph::Style::Body:
          html += "<p dir=\"auto\">" + htmlEscape(p->text) + "</p>\n";
          break;
        case DocParagraph::Style::Note:
          html += "<p class=\"note\" dir=\"auto\">" + htmlEscape(p->text) + "</p>\n";
          break;
        case DocParagraph::Style::Label:
          html += "<p class=\"label\" dir=\"auto\">" + htmlEscape(p->text) + "</p>\n";
          break;
        case DocParagraph::Style::Quote:
          html +=
              "<blockquote" + languageAttributes(p->language) + ">" + htmlEscape(p->text) + "</blockquote>\n";
          break;
      }
    } else if (const auto* t = std::get_if<DocTable>(&block)) {
      html += "<table>\n";
      if (!t->table.title.empty())
        html += "<caption dir=\"auto\">" + htmlEscape(t->table.title) + "</caption>\n";
      html += "<thead><tr>";
      for (const auto& c : t->table.columns)
        html += "<th scope=\"col\" dir=\"auto\">" + htmlEscape(c.header) + "</th>";
      html += "</tr></thead>\n<tbody>\n";
      for (const auto& row : t->table.rows) {
        html += "<tr>";
        for (const auto& cell : row) {
          if (cell.kind == TableCell::Kind::Text)
            html += "<td" + languageAttributes(cell.language) + ">" +
                    htmlEscape(cut(cell.text, t->maxCellChars)) + "</td>";
          else
            html += "<td class=\"n\">" + htmlEscape(cell.display()) + "</td>";
        }
        html += "</tr>\n";
      }
      html += "</tbody></table>\n";
    } else if (const auto* c = std::get_if<DocChart>(&block)) {
      html += "<figure>" + inlineSvg(svg[chart], chart, c->description) + "</figure>\n";
      ++chart;
    }
  }
  html += "</main>\n</body>\n</html>\n";
  writeFileAtomically(path, html);
}

}  // namespace focal
