// The little of PDF syntax that the text post-pass (pdf_text_map.h,
// pdf_rtl_ligatures.h) reads in the files cairo writes: tokens of a content
// stream, dictionaries, UTF-16 hex text, Flate streams, objects and the
// classic cross-reference table.
#pragma once

#include <glib.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace focal::pdf {

// A hex digit's value, or -1.
int hexValue(char c);
bool isSpace(char c);
bool isDelimiter(char c);

// The end of the token that starts at `at` (a string, hex string, << or >>,
// [ or ], a name, number or operator); npos when it is malformed.
std::size_t tokenEnd(const std::string& s, std::size_t at);

// The end of the dictionary that starts at `at` ("<<"), or npos.
std::size_t dictionaryEnd(const std::string& s, std::size_t at);

// "<06440627>" (UTF-16BE in hex) as code points; empty when it is not that.
std::vector<gunichar> utf16Hex(const std::string& hex);
// Code points as UTF-16BE hex digits (no angle brackets).
std::string hexOf(const std::vector<gunichar>& text);

// A Flate stream's data inflated, or empty when it is not one.
std::string inflateStream(const std::string& data);
// Data compressed for a /FlateDecode stream, or empty on failure.
std::string deflateStream(const std::string& data);

// The text of object `number` from after "N 0 obj" to "endobj"
// (exclusive), or empty; `bodyAt` receives where it starts.
std::string objectText(const std::string& pdf, long number, std::size_t* bodyAt = nullptr);

// The offsets of the objects in use in the file's classic cross-reference
// table (only those where "N 0 obj" is); empty when there is none.
std::map<long, std::size_t> crossReferences(const std::string& pdf);

}  // namespace focal::pdf
