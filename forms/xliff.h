// XLIFF 1.2 (urn:oasis:names:tc:xliff:document:1.2), the exchange format
// translation tools open: writing one <file> of trans-units, and reading the
// units back from what a tool saved (a small XML reader: elements,
// attributes, character references, CDATA, comments; no DTD).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace focal::xliff {

struct Unit {
  std::string id;       // unique in the file
  std::string resname;  // the question or section id
  std::string source;
  std::optional<std::string> target;
  std::string note;      // context for the translator
  std::string location;  // a po-reference context (po2xliff keeps the original id there)
  int line = 0;          // where the unit starts, when read
};

struct File {
  std::string original;  // the questionnaire's file name
  std::string sourceLanguage, targetLanguage;
  std::vector<Unit> units;
};

// The document, UTF-8, one <file>.
std::string write(const File& file);

// `text` with &, <, >, " and ' escaped (carriage returns as &#13;).
std::string escape(std::string_view text);

// Every <file> of a document; on failure nullopt and `error` says where and why.
std::optional<std::vector<File>> read(std::string_view document, std::string& error);

}  // namespace focal::xliff
