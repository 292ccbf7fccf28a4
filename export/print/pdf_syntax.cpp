#include "export/print/pdf_syntax.h"

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace focal::pdf {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

bool isDelimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr; }

// One token of a content stream from `at`: its end, or npos at the end or
// on a malformed token.
std::size_t tokenEnd(const std::string& s, std::size_t at) {
  const char c = s[at];
  if (c == '(') {
    int depth = 0;
    for (std::size_t i = at; i < s.size(); ++i) {
      if (s[i] == '\\')
        ++i;
      else if (s[i] == '(')
        ++depth;
      else if (s[i] == ')' && --depth == 0)
        return i + 1;
    }
    return std::string::npos;
  }
  if (c == '<' || c == '>') {
    if (at + 1 < s.size() && s[at + 1] == c) return at + 2;  // << or >>
    if (c == '>') return std::string::npos;
    const std::size_t close = s.find('>', at);
    return close == std::string::npos ? close : close + 1;
  }
  if (c == '[' || c == ']' || c == '{' || c == '}') return at + 1;
  std::size_t i = at + 1;
  while (i < s.size() && !isSpace(s[i]) && !isDelimiter(s[i])) ++i;
  return i;
}

// The text between "<<" and its ">>" from `at` (at "<<"), or npos.
std::size_t dictionaryEnd(const std::string& s, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i + 1 < s.size(); ++i) {
    if (s[i] == '(') {
      const std::size_t end = tokenEnd(s, i);
      if (end == std::string::npos) return end;
      i = end - 1;
    } else if (s[i] == '<' && s[i + 1] == '<') {
      ++depth, ++i;
    } else if (s[i] == '>' && s[i + 1] == '>') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return std::string::npos;
}

std::vector<gunichar> utf16Hex(const std::string& hex) {
  std::vector<gunichar> units;
  if (hex.size() % 4 != 0) return {};
  for (std::size_t i = 0; i < hex.size(); i += 4) {
    gunichar u = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int v = hexValue(hex[i + k]);
      if (v < 0) return {};
      u = u * 16 + static_cast<gunichar>(v);
    }
    units.push_back(u);
  }
  std::vector<gunichar> out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i] >= 0xD800 && units[i] <= 0xDBFF && i + 1 < units.size())
      out.push_back(0x10000 + ((units[i] - 0xD800) << 10) + (units[i + 1] - 0xDC00)), ++i;
    else
      out.push_back(units[i]);
  }
  return out;
}

std::string hexOf(const std::vector<gunichar>& text) {
  std::string out;
  char buffer[16];
  for (gunichar c : text) {
    if (c >= 0x10000) {
      c -= 0x10000;
      std::snprintf(buffer, sizeof buffer, "%04x%04x", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
    } else {
      std::snprintf(buffer, sizeof buffer, "%04x", c);
    }
    out += buffer;
  }
  return out;
}

std::string inflateStream(const std::string& data) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return {};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = ::inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  return status == Z_STREAM_END ? out : std::string();
}

std::string deflateStream(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), Z_BEST_COMPRESSION) != Z_OK)
    return {};
  out.resize(size);
  return out;
}

// The text of object `number` from "N 0 obj" to "endobj" (exclusive), or
// empty.
std::string objectText(const std::string& pdf, long number, std::size_t* bodyAt) {
  const std::string head = "\n" + std::to_string(number) + " 0 obj";
  const std::size_t at = pdf.find(head);
  if (at == std::string::npos) return {};
  const std::size_t body = at + head.size();
  const std::size_t end = pdf.find("endobj", body);
  if (end == std::string::npos) return {};
  if (bodyAt) *bodyAt = body;
  return pdf.substr(body, end - body);
}

// The offsets of the objects in the cross-reference table.
std::map<long, std::size_t> crossReferences(const std::string& pdf) {
  std::map<long, std::size_t> offsets;
  const std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos) return offsets;
  std::size_t at = static_cast<std::size_t>(std::strtoul(pdf.c_str() + startxref + 9, nullptr, 10));
  if (at >= pdf.size() || pdf.compare(at, 4, "xref") != 0) return offsets;
  at += 4;
  while (true) {
    char* next = nullptr;
    const long start = std::strtol(pdf.c_str() + at, &next, 10);
    if (next == pdf.c_str() + at) break;
    const long count = std::strtol(next, &next, 10);
    at = static_cast<std::size_t>(next - pdf.c_str());
    while (at < pdf.size() && isSpace(pdf[at])) ++at;
    for (long k = 0; k < count && at + 18 <= pdf.size(); ++k, at += 20) {
      if (pdf[at + 17] != 'n') continue;
      // Only where the object is (cairo lists objects it never wrote at 0).
      const auto offset = static_cast<std::size_t>(std::strtoul(pdf.c_str() + at, nullptr, 10));
      const std::string head = std::to_string(start + k) + " 0 obj";
      if (offset < pdf.size() && pdf.compare(offset, head.size(), head) == 0) offsets[start + k] = offset;
    }
    while (at < pdf.size() && isSpace(pdf[at])) ++at;
  }
  return offsets;
}

}  // namespace focal::pdf
