// Spreadsheet formula injection (OWASP "CSV injection"): a cell that starts
// with = + - @, a tab or a carriage return may be run as a formula by
// spreadsheet programs. Every CSV and XLSX export passes text through here.
#pragma once

#include <string>
#include <string_view>

namespace focal {

// Whether `text` would be read as a formula.
bool looksLikeFormula(std::string_view text);
// The text made inert: a leading apostrophe, which spreadsheet programs
// show as text.
std::string neutralizeFormula(std::string_view text);

}  // namespace focal
