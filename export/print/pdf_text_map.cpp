#include "export/print/pdf_text_map.h"

#include <glib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "export/common/output_file.h"
#include "export/print/pdf_rtl_ligatures.h"
#include "export/print/pdf_syntax.h"

namespace focal::pdf {

namespace {

bool presentationForm(gunichar c) { return (c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF); }

// The two- and three-em dashes, which Noto Sans CJK draws for "——" and
// "———" with one glyph its cmap gives as U+2E3A and U+2E3B.
bool longDash(gunichar c) { return c == 0x2E3A || c == 0x2E3B; }

// The letters a presentation form stands for (NFKC), else the text itself.
std::vector<gunichar> decomposed(const std::vector<gunichar>& text) {
  bool any = false, dash = false;
  for (gunichar c : text) any |= presentationForm(c), dash |= longDash(c);
  if (dash) {
    std::vector<gunichar> out;
    for (gunichar c : text) {
      if (c == 0x2E3A || c == 0x2E3B)
        out.insert(out.end(), c == 0x2E3A ? 2 : 3, 0x2014);
      else
        out.push_back(c);
    }
    return out;
  }
  if (!any) return text;
  std::string utf8;
  for (gunichar c : text) {
    char buffer[8];
    utf8.append(buffer, static_cast<std::size_t>(g_unichar_to_utf8(c, buffer)));
  }
  gchar* normal = g_utf8_normalize(utf8.c_str(), static_cast<gssize>(utf8.size()), G_NORMALIZE_NFKC);
  if (!normal) return text;
  std::vector<gunichar> out;
  for (const gchar* p = normal; *p; p = g_utf8_next_char(p)) out.push_back(g_utf8_get_char(p));
  g_free(normal);
  return out.empty() ? text : out;
}

}  // namespace

std::string decomposedToUnicode(const std::string& cmap) {
  // Each mapping's destination is the last <hex> of its line in a bfchar
  // block ("<000b> <fefb>"); cairo writes no bfrange to a text (only to
  // consecutive single characters, which are never presentation forms).
  std::string out;
  out.reserve(cmap.size());
  bool inChars = false;
  std::size_t start = 0;
  while (start < cmap.size()) {
    std::size_t end = cmap.find('\n', start);
    if (end == std::string::npos) end = cmap.size();
    std::string line = cmap.substr(start, end - start);
    if (line.find("beginbfchar") != std::string::npos) {
      inChars = true;
    } else if (line.find("endbfchar") != std::string::npos) {
      inChars = false;
    } else if (inChars) {
      const std::size_t open = line.rfind('<'), close = line.rfind('>');
      if (open != std::string::npos && close != std::string::npos && close > open && open > 0) {
        const auto text = utf16Hex(line.substr(open + 1, close - open - 1));
        if (!text.empty()) {
          const auto letters = decomposed(text);
          if (letters != text) line = line.substr(0, open + 1) + hexOf(letters) + line.substr(close);
        }
      }
    }
    out += line;
    if (end < cmap.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

void fixToUnicode(const std::string& path) {
  std::string pdf;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw ExportError("cannot read " + path + " again to map its text; check the disk and try again");
    pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The ToUnicode streams the fonts name ("/ToUnicode 12 0 R").
  std::set<long> objects;
  for (std::size_t at = pdf.find("/ToUnicode "); at != std::string::npos;
       at = pdf.find("/ToUnicode ", at + 1))
    objects.insert(std::strtol(pdf.c_str() + at + 11, nullptr, 10));
  std::map<long, std::string> original, cmaps;  // ToUnicode object number -> its map
  std::map<long, std::string> replaced;         // object number -> its new text
  for (long number : objects) {
    const std::string head = "\n" + std::to_string(number) + " 0 obj";
    const std::size_t object = pdf.find(head);
    if (object == std::string::npos) continue;
    std::size_t stream = pdf.find("stream", object);
    const std::size_t end = pdf.find("endstream", object);
    if (stream == std::string::npos || end == std::string::npos || stream > end) continue;
    stream += 6;
    if (pdf[stream] == '\r') ++stream;
    if (pdf[stream] == '\n') ++stream;
    const std::string dictionary = pdf.substr(object, stream - object);
    const bool compressed = dictionary.find("/FlateDecode") != std::string::npos;
    const std::string raw = pdf.substr(stream, end - stream);
    const std::string cmap = compressed ? inflateStream(raw) : raw;
    if (cmap.empty()) continue;
    original[number] = cmap;
    cmaps[number] = decomposedToUnicode(cmap);
  }
  // Right-to-left ligatures as one letter per glyph (pdf_rtl_ligatures.h).
  splitRtlLigatures(pdf, cmaps, replaced);
  for (const auto& [number, fixed] : cmaps) {
    if (fixed == original[number]) continue;
    const std::string data = deflateStream(fixed);
    if (data.empty()) continue;
    replaced[number] = std::to_string(number) + " 0 obj\n<< /Length " + std::to_string(data.size()) +
                       " /Filter /FlateDecode >>\nstream\n" + data + "\nendstream\nendobj\n";
  }
  if (replaced.empty()) return;
  // An incremental update: the new objects, their cross-reference section,
  // and a trailer that points back to the file's own.
  const std::size_t startxref = pdf.rfind("startxref");
  const std::size_t trailer = pdf.rfind("trailer");
  if (startxref == std::string::npos || trailer == std::string::npos) return;
  const long previous = std::strtol(pdf.c_str() + startxref + 9, nullptr, 10);
  const std::size_t open = pdf.find("<<", trailer), close = pdf.rfind(">>", startxref);
  if (open == std::string::npos || close == std::string::npos || close < open) return;
  std::string update = pdf.back() == '\n' ? "" : "\n";
  std::map<long, std::size_t> offsets;
  for (const auto& [number, text] : replaced) {
    offsets[number] = pdf.size() + update.size();
    update += text;
  }
  const std::size_t xref = pdf.size() + update.size();
  update += "xref\n";
  char entry[32];
  for (const auto& [number, offset] : offsets) {
    update += std::to_string(number) + " 1\n";
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    update += entry;
  }
  update += "trailer\n" + pdf.substr(open, close - open) + " /Prev " + std::to_string(previous) +
            " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << update;
  out.flush();
  if (!out) throw ExportError("cannot write " + path + ": check the disk and try again");
}

}  // namespace focal::pdf
