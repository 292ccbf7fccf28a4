// Text cells of XLSX files, shared by the data export and the analysis
// workbook. A string cell is never a formula, so its value is kept exactly
// as given (no leading apostrophe); the cell's format says "text", so that
// a spreadsheet does not turn "=..." or "+33 1..." into a formula when the
// cell is edited.
#pragma once

#include <xlsxwriter.h>

namespace focal {

// Marks `format` as text only: the number format "@" and, where the
// library has it (libxlsxwriter 1.1.5 on), the quote prefix. Debian 12's
// 1.1.4 has no format_set_quote_prefix; "@" gives the same protection on
// editing in Excel and LibreOffice.
inline void setTextOnly(lxw_format* format) {
  format_set_num_format(format, "@");
#if defined(LXW_VERSION_ID) && LXW_VERSION_ID >= 115
  format_set_quote_prefix(format);
#endif
}

}  // namespace focal
