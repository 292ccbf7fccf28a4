#include "export/print/pdf_rtl_ligatures.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>

#include "export/print/pdf_syntax.h"

namespace focal::pdf {

namespace {

// A letter of a right-to-left script (not a mark, digit or space).
bool rtlLetter(gunichar c) {
  switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
      return g_unichar_type(c) == G_UNICODE_OTHER_LETTER;
    default:
      return false;
  }
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string code4(unsigned code) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04x", code & 0xFFFF);
  return buffer;
}

bool isOperator(const std::string& token) {
  const char c = token[0];
  return !(c == '/' || c == '(' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'));
}

// The codes of a hex string "<0001000a>" (two bytes each, white space
// between the digits allowed: cairo breaks long lines inside strings);
// false when it is not one.
bool codesOf(const std::string& token, std::vector<unsigned>& codes) {
  if (token.size() < 2 || token[0] != '<') return false;
  std::string digits;
  for (std::size_t i = 1; i + 1 < token.size(); ++i)
    if (!isSpace(token[i])) digits += token[i];
  if (digits.size() % 4 != 0) return false;
  codes.clear();
  for (std::size_t i = 0; i < digits.size(); i += 4) {
    unsigned code = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int v = hexValue(digits[i + k]);
      if (v < 0) return false;
      code = code * 16 + static_cast<unsigned>(v);
    }
    codes.push_back(code);
  }
  return true;
}

// The operands of one text-showing operator rewritten: each ligature split
// into its invisible letters (shown first, right to left over its width)
// and the narrowed ligature. `elements` are the TJ array's tokens (or the
// single string of Tj). Empty when nothing changes; nothing when a string
// is not one of two-byte codes.
std::optional<std::string> splitShow(const std::vector<std::string>& elements,
                                     const std::map<unsigned, LigatureSplit>& font, bool& any) {
  std::string out, array;
  std::string pending;  // codes not yet put in `array`
  auto flushCodes = [&] {
    if (!pending.empty()) array += "<" + pending + ">";
    pending.clear();
  };
  auto flushArray = [&] {
    flushCodes();
    if (!array.empty()) out += "[" + array + "]TJ ";
    array.clear();
  };
  std::vector<unsigned> codes;
  for (const std::string& element : elements) {
    if (element[0] != '<') {
      flushCodes();
      array += (array.empty() ? "" : " ") + element + " ";
      continue;
    }
    if (!codesOf(element, codes)) return std::nullopt;
    for (unsigned code : codes) {
      const auto split = font.find(code);
      if (split == font.end()) {
        pending += code4(code);
        continue;
      }
      any = true;
      flushArray();
      const double share = split->second.width;
      const auto others = static_cast<double>(split->second.invisible.size());
      out += "3 Tr [" + number(-others * share);
      for (unsigned letter : split->second.invisible) out += " <" + code4(letter) + "> " + number(2 * share);
      out += "]TJ 0 Tr ";
      array = "<" + code4(code) + "> " + number(-others * share) + " ";
    }
  }
  flushArray();
  return out;
}

struct Span {
  std::size_t begin = 0, end = 0;  // of its BDC in the output
  bool actualText = false, ligature = false;
};

}  // namespace

std::optional<std::string> splitLigaturesInContent(
    const std::string& content, const std::map<std::string, std::map<unsigned, LigatureSplit>>& fonts) {
  // A stream that cannot be read or rewritten safely is left as it is if it
  // names none of the fonts; otherwise the split must not happen at all.
  auto refuse = [&]() -> std::optional<std::string> {
    for (const auto& entry : fonts)
      if (content.find("/" + entry.first) != std::string::npos) return std::nullopt;
    return content;
  };
  std::string out;
  out.reserve(content.size() + content.size() / 8);
  std::vector<std::string> operands;
  std::vector<Span> spans;
  const std::map<unsigned, LigatureSplit>* font = nullptr;
  bool fontSet = false, any = false;
  std::size_t copied = 0, first = std::string::npos, at = 0;
  while (true) {
    while (at < content.size() && isSpace(content[at])) ++at;
    if (at >= content.size()) break;
    if (content[at] == '%') return refuse();
    const std::size_t end = tokenEnd(content, at);
    if (end == std::string::npos) return refuse();
    std::string token = content.substr(at, end - at);
    if (first == std::string::npos) first = at;
    at = end;
    if (!isOperator(token)) {
      operands.push_back(std::move(token));
      continue;
    }
    // One operation: content[first, at).
    out.append(content, copied, first - copied);
    std::string replacement;
    bool drop = false;
    if (token == "Tr" || token == "Tc" || token == "Tw" || token == "Tz" || token == "'" || token == "\"" ||
        token == "BI") {
      return refuse();
    } else if (token == "Tf" && operands.size() == 2 && operands[0][0] == '/') {
      const auto found = fonts.find(operands[0].substr(1));
      font = found == fonts.end() ? nullptr : &found->second;
      fontSet = true;
    } else if ((token == "Tj" || token == "TJ") && !fontSet) {
      return std::nullopt;  // a font set by whoever drew this stream
    } else if ((token == "Tj" || token == "TJ") && font) {
      std::vector<std::string> elements = operands;
      if (token == "TJ" && elements.size() >= 2 && elements.front() == "[" && elements.back() == "]")
        elements = std::vector<std::string>(elements.begin() + 1, elements.end() - 1);
      else if (token == "TJ" || elements.size() != 1)
        return std::nullopt;
      bool split = false;
      const auto shown = splitShow(elements, *font, split);
      if (!shown) return std::nullopt;
      if (split && !shown->empty()) {
        any = true;
        for (Span& span : spans) span.ligature |= span.actualText;
        replacement = shown->substr(0, shown->size() - 1);  // without the last space
      }
    } else if (token == "BDC" || token == "BMC") {
      Span span;
      span.begin = out.size();
      span.end = out.size() + (at - first);
      for (const std::string& operand : operands) span.actualText |= operand == "/ActualText";
      spans.push_back(span);
    } else if (token == "EMC" && !spans.empty()) {
      const Span span = spans.back();
      spans.pop_back();
      if (span.actualText && span.ligature) {
        drop = true;
        std::size_t end = span.end;
        while (end < out.size() && isSpace(out[end])) ++end;  // and the line break after BDC
        out.erase(span.begin, end - span.begin);
      }
    }
    if (!drop) out += replacement.empty() ? content.substr(first, at - first) : replacement;
    if (drop) {
      while (at < content.size() && (content[at] == '\n' || content[at] == '\r')) ++at;  // EMC's line
    }
    copied = at;
    first = std::string::npos;
    operands.clear();
  }
  if (!any) return content;
  out.append(content, copied, std::string::npos);
  return out;
}

namespace {

long referenceAfter(const std::string& text, const std::string& key) {
  const std::size_t at = text.find(key);
  if (at == std::string::npos) return -1;
  std::size_t i = at + key.size();
  while (i < text.size() && (isSpace(text[i]) || text[i] == '[')) ++i;
  return std::strtol(text.c_str() + i, nullptr, 10);
}

// The widths of a CIDFont's /W array; `begin`/`end` bound the array's text.
bool parseWidths(const std::string& dict, std::map<unsigned, double>& widths, std::size_t& begin,
                 std::size_t& end) {
  const std::size_t key = dict.find("/W ");
  if (key == std::string::npos) return false;
  begin = dict.find('[', key);
  if (begin == std::string::npos) return false;
  std::vector<std::string> tokens;
  int depth = 0;
  std::size_t i = begin;
  for (; i < dict.size(); ++i) {
    const char c = dict[i];
    if (c == '[') {
      ++depth;
      if (depth == 2) tokens.emplace_back("[");
    } else if (c == ']') {
      if (depth == 2) tokens.emplace_back("]");
      if (--depth == 0) break;
    } else if (!isSpace(c)) {
      std::size_t j = i;
      while (j < dict.size() && !isSpace(dict[j]) && dict[j] != '[' && dict[j] != ']') ++j;
      tokens.push_back(dict.substr(i, j - i));
      i = j - 1;
    }
  }
  if (i >= dict.size()) return false;
  end = i + 1;
  for (std::size_t t = 0; t < tokens.size();) {
    const unsigned first = static_cast<unsigned>(std::strtoul(tokens[t].c_str(), nullptr, 10));
    if (t + 1 < tokens.size() && tokens[t + 1] == "[") {
      t += 2;
      for (unsigned cid = first; t < tokens.size() && tokens[t] != "]"; ++t, ++cid)
        widths[cid] = std::strtod(tokens[t].c_str(), nullptr);
      ++t;
    } else if (t + 2 < tokens.size()) {
      const unsigned last = static_cast<unsigned>(std::strtoul(tokens[t + 1].c_str(), nullptr, 10));
      const double width = std::strtod(tokens[t + 2].c_str(), nullptr);
      for (unsigned cid = first; cid <= last && cid - first < 65536; ++cid) widths[cid] = width;
      t += 3;
    } else {
      return false;
    }
  }
  return true;
}

std::string widthsText(const std::map<unsigned, double>& widths) {
  std::string out = "[";
  unsigned next = 0;
  bool open = false;
  for (const auto& [cid, width] : widths) {
    if (!open || cid != next) {
      if (open) out += " ]";
      out += " " + std::to_string(cid) + " [";
      open = true;
    }
    out += " " + number(width);
    next = cid + 1;
  }
  if (open) out += " ]";
  return out + " ]";
}

// The resource names ("/f-0-1") given to object `number`.
std::set<std::string> namesOf(const std::string& pdf, long number) {
  std::set<std::string> names;
  const std::string reference = " " + std::to_string(number) + " 0 R";
  for (std::size_t at = pdf.find(reference); at != std::string::npos; at = pdf.find(reference, at + 1)) {
    std::size_t end = at;
    std::size_t begin = end;
    while (begin > 0 && !isSpace(pdf[begin - 1]) && !isDelimiter(pdf[begin - 1])) --begin;
    if (begin == 0 || pdf[begin - 1] != '/' || begin == end) continue;
    names.insert(pdf.substr(begin, end - begin));
  }
  return names;
}

}  // namespace

void splitRtlLigatures(const std::string& pdf, std::map<long, std::string>& cmaps,
                       std::map<long, std::string>& objects) {
  std::map<std::string, std::map<unsigned, LigatureSplit>> fonts;  // resource name -> ligatures
  std::map<long, std::string> newCmaps = cmaps, newObjects;        // kept only if every stream splits
  for (auto& [unicodeObject, cmap] : newCmaps) {
    // The bfchar entries that stand for several right-to-left letters.
    std::map<unsigned, std::vector<gunichar>> ligatures;
    unsigned highest = 0;
    std::size_t start = 0;
    bool inChars = false;
    while (start < cmap.size()) {
      std::size_t end = cmap.find('\n', start);
      if (end == std::string::npos) end = cmap.size();
      const std::string line = cmap.substr(start, end - start);
      if (line.find("beginbfchar") != std::string::npos) {
        inChars = true;
      } else if (line.find("endbfchar") != std::string::npos) {
        inChars = false;
      } else if (inChars && line.size() > 6 && line[0] == '<' && line[5] == '>') {
        const unsigned code = static_cast<unsigned>(std::strtoul(line.c_str() + 1, nullptr, 16));
        highest = std::max(highest, code);
        const std::size_t open = line.rfind('<'), close = line.rfind('>');
        const auto text = utf16Hex(line.substr(open + 1, close - open - 1));
        bool rtl = text.size() >= 2;
        for (gunichar c : text) rtl = rtl && rtlLetter(c);
        if (rtl) ligatures[code] = text;
      }
      start = end + 1;
    }
    if (ligatures.empty()) continue;
    // The one Type0 font (Identity-H) that uses this map, and its CIDFont.
    const std::string reference = "/ToUnicode " + std::to_string(unicodeObject) + " 0 R";
    const std::size_t use = pdf.find(reference);
    if (use == std::string::npos || pdf.find(reference, use + 1) != std::string::npos) continue;
    const std::size_t objectAt = pdf.rfind(" 0 obj", use);
    if (objectAt == std::string::npos) continue;
    std::size_t numberAt = objectAt;
    while (numberAt > 0 && pdf[numberAt - 1] >= '0' && pdf[numberAt - 1] <= '9') --numberAt;
    const long type0 = std::strtol(pdf.c_str() + numberAt, nullptr, 10);
    const std::string font = objectText(pdf, type0);
    if (font.find("/Identity-H") == std::string::npos) continue;
    const long cidFont = referenceAfter(font, "/DescendantFonts");
    std::size_t dictAt = 0;
    std::string dict = objectText(pdf, cidFont, &dictAt);
    std::map<unsigned, double> widths;
    std::size_t wBegin = 0, wEnd = 0;
    if (dict.empty() || !parseWidths(dict, widths, wBegin, wEnd)) continue;
    double defaultWidth = 1000;
    if (const std::size_t dw = dict.find("/DW "); dw != std::string::npos)
      defaultWidth = std::strtod(dict.c_str() + dw + 4, nullptr);
    if (!widths.empty()) highest = std::max(highest, widths.rbegin()->first);
    // New codes for the invisible letters, after every code in use.
    std::map<unsigned, LigatureSplit> splits;
    std::string added;
    int addedCount = 0;
    unsigned next = highest + 1;
    std::string fixedCmap = cmap;
    for (const auto& [code, letters] : ligatures) {
      if (next + letters.size() > 0xFFFF) break;
      LigatureSplit split;
      split.letters = letters;
      const auto width = widths.find(code);
      split.width =
          (width == widths.end() ? defaultWidth : width->second) / static_cast<double>(letters.size());
      widths[code] = split.width;
      for (std::size_t k = 0; k + 1 < letters.size(); ++k) {
        split.invisible.push_back(next);
        widths[next] = split.width;
        if (addedCount % 100 == 0) added += (addedCount ? "endbfchar\n" : "") + std::string("BFCHAR\n");
        added += "<" + code4(next) + "> <" + hexOf({letters[k]}) + ">\n";
        ++addedCount, ++next;
      }
      // The drawn ligature stands for its last letter.
      const std::string entry = "\n<" + code4(code) + "> <";
      std::size_t at = fixedCmap.find(entry);
      if (at == std::string::npos) {
        std::string upper = code4(code);
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        at = fixedCmap.find("\n<" + upper + "> <");
      }
      if (at == std::string::npos) return;  // the maps must stay consistent with the widths
      const std::size_t open = at + entry.size() - 1, close = fixedCmap.find('>', open);
      fixedCmap.replace(open + 1, close - open - 1, hexOf({letters.back()}));
      splits[code] = split;
    }
    if (splits.empty()) continue;
    added += "endbfchar\n";
    // Each block of up to 100 entries says how many it has.
    std::string blocks;
    for (std::size_t at = 0; at < added.size();) {
      const std::size_t block = added.find("BFCHAR\n", at);
      if (block == std::string::npos) break;
      const std::size_t close = added.find("endbfchar\n", block);
      const std::string body = added.substr(block + 7, close - block - 7);
      blocks += std::to_string(std::count(body.begin(), body.end(), '\n')) + " beginbfchar\n" + body +
                "endbfchar\n";
      at = close + 10;
    }
    const std::size_t endcmap = fixedCmap.find("endcmap");
    if (endcmap == std::string::npos) continue;
    fixedCmap.insert(endcmap, blocks);
    cmap = fixedCmap;
    dict.replace(wBegin, wEnd - wBegin, widthsText(widths));
    newObjects[cidFont] = std::to_string(cidFont) + " 0 obj" + dict + "endobj\n";
    for (const std::string& name : namesOf(pdf, type0)) fonts[name] = splits;
  }
  if (fonts.empty()) return;
  auto namesAFont = [&](const std::string& data) {
    for (const auto& entry : fonts)
      if (data.find("/" + entry.first) != std::string::npos) return true;
    return false;
  };
  // Every content stream (pages and forms) that shows them.
  const auto offsets = crossReferences(pdf);
  if (offsets.empty()) return;
  // The pages' content streams ("/Contents 4 0 R" or an array of them).
  std::set<long> pageContents;
  for (const auto& entry : offsets) {
    const std::size_t objEnd = pdf.find("endobj", entry.second);
    const std::size_t type = pdf.find("/Type /Page", entry.second);
    if (type == std::string::npos || type > objEnd || pdf.compare(type, 12, "/Type /Pages") == 0) continue;
    const std::size_t contents = pdf.find("/Contents", entry.second);
    if (contents == std::string::npos || contents > objEnd) continue;
    std::size_t at = contents + 9;
    while (at < objEnd && (isSpace(pdf[at]) || pdf[at] == '[')) ++at;
    while (at < objEnd && pdf[at] >= '0' && pdf[at] <= '9') {
      char* next = nullptr;
      pageContents.insert(std::strtol(pdf.c_str() + at, &next, 10));
      at = pdf.find('R', at);
      if (at == std::string::npos || at > objEnd) break;
      ++at;
      while (at < objEnd && isSpace(pdf[at])) ++at;
    }
  }
  for (const auto& [number, offset] : offsets) {
    if (newCmaps.count(number) || newObjects.count(number)) continue;
    const std::size_t open = pdf.find("<<", offset);
    const std::size_t objEnd = pdf.find("endobj", offset);
    if (open == std::string::npos || objEnd == std::string::npos || open > objEnd) continue;
    const std::size_t close = dictionaryEnd(pdf, open);
    if (close == std::string::npos || close > objEnd) continue;
    std::size_t stream = close;
    while (stream < pdf.size() && isSpace(pdf[stream])) ++stream;
    if (pdf.compare(stream, 6, "stream") != 0) continue;
    const std::string dict = pdf.substr(open, close - open);
    const bool drawn = pageContents.count(number) || dict.find("/Subtype /Form") != std::string::npos;
    if (dict.find("/Subtype /Image") != std::string::npos) continue;
    stream += 6;
    if (pdf[stream] == '\r') ++stream;
    if (pdf[stream] == '\n') ++stream;
    const std::size_t end = pdf.find("endstream", stream);
    if (end == std::string::npos) continue;
    const std::string raw = pdf.substr(stream, end - stream);
    const bool flate =
        dict.find("/FlateDecode") != std::string::npos && dict.find("/DecodeParms") == std::string::npos;
    const std::string content = flate ? inflateStream(raw) : std::string();
    if (!drawn || !flate || (content.empty() && !raw.empty())) {
      // Font files, maps and metadata are not drawn; a stream this pass does
      // not read that names one of the fonts might show a ligature.
      if (drawn ? namesAFont(raw) || namesAFont(content) : namesAFont(content)) return;
      continue;
    }
    if (content.find("BT") == std::string::npos) continue;
    const auto split = splitLigaturesInContent(content, fonts);
    if (!split) return;
    if (*split == content) continue;
    const std::string data = deflateStream(*split);
    if (data.empty()) return;
    // The dictionary with the new length.
    std::string newDict = dict;
    const std::size_t length = newDict.find("/Length");
    if (length == std::string::npos) return;
    std::size_t valueEnd = length + 7;
    while (valueEnd < newDict.size() && isSpace(newDict[valueEnd])) ++valueEnd;
    char* after = nullptr;
    std::strtol(newDict.c_str() + valueEnd, &after, 10);
    valueEnd = static_cast<std::size_t>(after - newDict.c_str());
    // An indirect length ("5 0 R").
    std::size_t probe = valueEnd;
    while (probe < newDict.size() && isSpace(newDict[probe])) ++probe;
    if (probe < newDict.size() && newDict[probe] == '0') {
      std::size_t r = probe + 1;
      while (r < newDict.size() && isSpace(newDict[r])) ++r;
      if (r < newDict.size() && newDict[r] == 'R') valueEnd = r + 1;
    }
    newDict.replace(length, valueEnd - length, "/Length " + std::to_string(data.size()));
    newObjects[number] =
        std::to_string(number) + " 0 obj\n" + newDict + "\nstream\n" + data + "\nendstream\nendobj\n";
  }
  cmaps = std::move(newCmaps);
  objects.insert(newObjects.begin(), newObjects.end());
}

}  // namespace focal::pdf
