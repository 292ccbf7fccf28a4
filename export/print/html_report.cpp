// The HTML of a national report: one file, no script, no external
// resource (a Content-Security-Policy says so to the browser as well), every
// text escaped, dir="rtl" for right-to-left languages and dir="auto" on each
// answer so that a paragraph in another script keeps its own direction.
#include <cctype>

#include "export/common/output_file.h"
#include "export/print/printed_report.h"
#include "forms/markup_escape.h"

namespace focal {

namespace {

// A section's id from its number ("2.1" -> "s2-1"). A `number:` is the
// author's text ("Part II", "9 (a)"): any byte but a letter or digit is
// written as _XX, so the id stays valid, unique and needs no escaping.
std::string anchor(const std::string& number) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "s";
  for (char c : number) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '.')
      out += '-';
    else if (std::isalnum(b) && b < 0x80)
      out += c;
    else
      out += {'_', kHex[b >> 4], kHex[b & 15]};
  }
  return out;
}

const char* kStyle = R"(
@page { size: A4; margin: 22mm 20mm; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; color: #222;
  max-width: 50em; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; font-size: 10.5pt; }
h1, h2, h3 { color: #17344f; }
.cover { border-top: 8px solid #009edb; padding-top: 5em; min-height: 80vh; }
.cover .kind { color: #009edb; font-weight: bold; font-size: 1.2em; }
.cover h1 { font-size: 2.6em; margin: .2em 0 .4em; }
.cover .title { font-size: 1.3em; color: #17344f; border-top: 3px solid #009edb; padding-top: .8em; }
.cover .instrument { color: #666c75; }
.cover dl { display: grid; grid-template-columns: 12em 1fr; gap: .5em 1em; margin-top: 3em; }
.cover dt { color: #666c75; }
.cover dd { margin: 0; }
.key { margin-top: 4em; background: #f2f6fa; border-inline-start: 4px solid #009edb; padding: 1em 1.5em; }
.key .fingerprint { font-family: "Noto Sans Mono", monospace; font-size: 1.6em; font-weight: bold; color: #17344f; }
.key .note { color: #666c75; font-size: .9em; }
nav ol { list-style: none; padding-inline-start: 0; }
nav ol ol { padding-inline-start: 1.5em; }
nav a { color: #17344f; text-decoration: none; }
section.top { break-before: page; }
h2 { border-bottom: 2px solid #009edb; padding-bottom: .2em; margin-top: 2em; }
.refs, .meta { color: #666c75; font-size: .85em; }
.refs { font-style: italic; }
.q { margin: 1.2em 0; break-inside: avoid-page; }
.q .label { font-weight: bold; }
.q .num { color: #009edb; font-weight: bold; margin-inline-end: .6em; }
.answer { border-inline-start: 3px solid #b3d1eb; padding-inline-start: .9em; margin: .4em 0 0 0; }
.answer p { margin: .2em 0; white-space: pre-wrap; }
.missing { color: #777; font-style: italic; }
.remark { color: #009edb; font-style: italic; font-size: .85em; }
.comment { font-style: italic; color: #444; }
table { border-collapse: collapse; margin: .4em 0; }
th, td { border: 1px solid #b8c2d1; padding: .25em .6em; }
thead th { background: #dbe6f2; color: #17344f; }
td.n { text-align: center; }
tr.total th, tr.total td, td.total { background: #eef2f7; font-weight: bold; }
dl.fields { display: grid; grid-template-columns: 11em 1fr; gap: .2em 1em; margin: .3em 0; }
dl.fields dt { color: #666c75; font-size: .9em; }
dl.fields dd { margin: 0; white-space: pre-wrap; }
.record h4 { margin: .6em 0 .2em; color: #17344f; font-size: .95em; }
.sha { font-family: "Noto Sans Mono", monospace; font-size: .75em; word-break: break-all; }
.draft-banner { background: #fbeae8; color: #a8321f; font-weight: bold; text-align: center; padding: .3em; }
)";

void question(std::string& out, const PrintQuestion& q, const ReportLabels& labels) {
  if (q.note) {
    out += "<p class=\"refs\" dir=\"auto\">" + htmlEscape(q.label) + "</p>\n";
    return;
  }
  out += "<div class=\"q\" id=\"q-" + htmlEscape(q.id) + "\">\n<div class=\"label\"><span class=\"num\">" +
         htmlEscape(q.number) + "</span><span dir=\"auto\">" + htmlEscape(q.label) + "</span></div>\n";
  out += "<div class=\"meta\">" + htmlEscape(q.id) +
         (q.references.empty() ? "" : " &middot; " + htmlEscape(q.references)) +
         "</div>\n<div class=\"answer\">\n";
  if (!q.missing.empty()) out += "<p class=\"missing\">" + htmlEscape(q.missing) + "</p>\n";
  if (q.list && !q.lines.empty()) {
    out += "<ul>\n";
    for (const auto& line : q.lines) out += "<li dir=\"auto\">" + htmlEscape(line) + "</li>\n";
    out += "</ul>\n";
  } else {
    for (const auto& line : q.lines) out += "<p dir=\"auto\">" + htmlEscape(line) + "</p>\n";
  }
  auto fields = [&](const std::vector<PrintField>& list) {
    out += "<dl class=\"fields\">\n";
    for (const auto& f : list)
      out += "<dt>" + htmlEscape(f.label) + "</dt><dd dir=\"auto\"" +
             (f.missing ? " class=\"missing\"" : "") + ">" + htmlEscape(f.value) + "</dd>\n";
    out += "</dl>\n";
  };
  if (!q.fields.empty()) fields(q.fields);
  if (q.table) {
    const auto& t = *q.table;
    out += "<table>\n<thead><tr>";
    for (const auto& h : t.header) out += "<th>" + htmlEscape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out += row.total ? "<tr class=\"total\">" : "<tr>";
      out += "<th scope=\"row\">" + htmlEscape(row.header) + "</th>";
      for (std::size_t c = 0; c < row.cells.size(); ++c)
        out += std::string("<td class=\"n") + (t.totalColumn && c + 1 == row.cells.size() ? " total" : "") +
               "\">" + htmlEscape(row.cells[c]) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  for (const auto& r : q.records) {
    out += "<div class=\"record\"><h4>" + htmlEscape(r.title) + "</h4>\n";
    fields(r.fields);
    out += "</div>\n";
  }
  if (!q.comment.empty())
    out += "<p class=\"comment\" dir=\"auto\">" + htmlEscape(labels.comment) + ": " + htmlEscape(q.comment) +
           "</p>\n";
  if (!q.remark.empty()) out += "<p class=\"remark\">" + htmlEscape(q.remark) + "</p>\n";
  out += "</div>\n</div>\n";
}

}  // namespace

std::string htmlText(const PrintableReport& r) {
  const ReportLabels& l = *r.labels;
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"" + htmlEscape(r.language) + "\" dir=\"" +
         (r.rightToLeft ? "rtl" : "ltr") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         htmlEscape(std::string(l.nationalReport) + " - " + r.stateName + " - " + r.title) +
         "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  if (r.draft) out += "<div class=\"draft-banner\">" + htmlEscape(l.draft) + "</div>\n";
  out += "<header class=\"cover\">\n<div class=\"kind\">" + htmlEscape(l.nationalReport) + "</div>\n<h1>" +
         htmlEscape(r.stateName) + "</h1>\n<div class=\"title\">" + htmlEscape(r.title) +
         "</div>\n<p class=\"instrument\">" + htmlEscape(r.instrument) + "</p>\n<dl>\n";
  const std::pair<const char*, std::string> rows[] = {{l.questionnaire, r.questionnaire},
                                                      {l.reportingCycle, r.cycle},
                                                      {l.date, r.date},
                                                      {l.preparedBy, r.preparer},
                                                      {l.status, r.status + " \u00B7 " + r.progress}};
  for (const auto& [name, value] : rows)
    out += "<dt>" + htmlEscape(name) + "</dt><dd dir=\"auto\">" + htmlEscape(value) + "</dd>\n";
  out += "</dl>\n<div class=\"key\"><div>" + htmlEscape(l.fingerprint) +
         "</div>\n<div class=\"fingerprint\" dir=\"ltr\">" +
         htmlEscape(r.fingerprint.empty() ? l.notSigned : r.fingerprint) + "</div>\n<div class=\"note\">" +
         htmlEscape(l.fingerprintNote) + "</div></div>\n</header>\n";

  out += "<nav>\n<h2>" + htmlEscape(l.contents) + "</h2>\n<ol>\n";
  int depth = 0;
  for (const auto& s : r.sections) {
    while (depth < s.depth) {
      out += "<ol>\n";
      ++depth;
    }
    while (depth > s.depth) {
      out += "</ol>\n";
      --depth;
    }
    out += "<li><a href=\"#" + anchor(s.number) + "\">" + htmlEscape(s.number) + " " + htmlEscape(s.title) +
           "</a></li>\n";
  }
  while (depth-- > 0) out += "</ol>\n";
  out += "<li><a href=\"#attachments\">" + htmlEscape(l.attachments) + "</a></li>\n</ol>\n</nav>\n";

  for (const auto& s : r.sections) {
    const std::string tag = s.depth == 0 ? "h2" : "h3";
    out += "<section id=\"" + anchor(s.number) + "\"" + (s.depth == 0 ? " class=\"top\"" : "") + ">\n<" +
           tag + ">" + htmlEscape(s.number) + " " + htmlEscape(s.title) + "</" + tag + ">\n";
    if (!s.references.empty()) out += "<p class=\"refs\">" + htmlEscape(s.references) + "</p>\n";
    if (!s.intro.empty()) out += "<p dir=\"auto\">" + htmlEscape(s.intro) + "</p>\n";
    for (const auto& q : s.questions) question(out, q, l);
    out += "</section>\n";
  }

  out += "<section id=\"attachments\" class=\"top\">\n<h2>" + htmlEscape(l.attachments) + "</h2>\n";
  if (r.attachments.empty()) {
    out += "<p class=\"missing\">" + htmlEscape(l.noAttachments) + "</p>\n";
  } else {
    out += "<table>\n<thead><tr><th>" + htmlEscape(l.file) + "</th><th>" + htmlEscape(l.question) +
           "</th><th>" + htmlEscape(l.size) + "</th><th>SHA-256</th></tr></thead>\n<tbody>\n";
    for (const auto& a : r.attachments)
      out += "<tr><td dir=\"auto\">" + htmlEscape(a.name) + "</td><td dir=\"auto\">" +
             htmlEscape(a.question) + "</td><td>" + htmlEscape(a.size) + "</td><td class=\"sha\">" +
             htmlEscape(a.sha256) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n</body>\n</html>\n";
  return out;
}

void exportHtml(const ReportContext& context, const PrintOptions& options, const std::string& path) {
  writeFileAtomically(path, htmlText(buildPrintableReport(context, options)));
}

}  // namespace focal
