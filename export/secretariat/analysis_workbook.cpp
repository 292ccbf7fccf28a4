// The workbook (libxlsxwriter) and the CSV files. Text cells of the
// workbook keep their value exactly, in a text-only format (xlsx_text.h),
// but for bidi controls, shown as "[U+202E]" (bidi_controls.h);
// CSV fields pass through the formula guard (formula_guard.h); numbers are
// written as numbers.
#include <xlsxwriter.h>

#include <filesystem>

#include "export/common/formula_guard.h"
#include "export/common/output_file.h"
#include "export/common/xlsx_text.h"
#include "export/secretariat/analysis_tables.h"
#include "forms/bidi_controls.h"

namespace focal {

namespace {

std::string sheetName(const std::string& name, std::vector<std::string>& used) {
  std::string out;
  for (char c : name) out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (out.size() > 31) out.resize(31);
  std::string candidate = out;
  for (int n = 2; std::find(used.begin(), used.end(), candidate) != used.end(); ++n)
    candidate = out.substr(0, 28) + " " + std::to_string(n);
  used.push_back(candidate);
  return candidate;
}

std::string fileStem(const std::string& name) {
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "table" : out;
}

void check(lxw_error error, const std::string& path) {
  if (error != LXW_NO_ERROR)
    throw ExportError("cannot write " + path + ": " + lxw_strerror(error) +
                      "; choose another folder with -o");
}

}  // namespace

void writeWorkbook(const std::vector<AnalysisTable>& tables, const std::string& path,
                   const Translator& translator) {
  OutputFile out(path);
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(out.tempPath().c_str(), &options);
  if (!workbook) throw ExportError("cannot write " + path + "; choose another folder with -o");
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header, LXW_BORDER_THIN);
  setTextOnly(header);
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_font_size(title, 12);
  setTextOnly(title);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  setTextOnly(wrap);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0%");
  format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* integer = workbook_add_format(workbook);
  format_set_num_format(integer, "0");
  format_set_align(integer, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* number = workbook_add_format(workbook);
  format_set_num_format(number, "#,##0.##");
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);

  std::vector<std::string> used;
  for (const auto& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheetName(table.name, used).c_str());
    worksheet_write_string(sheet, 0, 0, fitCell(showBidiControls(table.title), translator).c_str(), title);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_set_column(sheet, col, col, table.columns[c].width, nullptr);
      worksheet_write_string(sheet, 1, col,
                             fitCell(showBidiControls(table.columns[c].header), translator).c_str(), header);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 2);
      for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
        const TableCell& cell = table.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case TableCell::Kind::Empty:
            break;
          case TableCell::Kind::Text:
            worksheet_write_string(sheet, row, col, fitCell(showBidiControls(cell.text), translator).c_str(),
                                   wrap);
            break;
          case TableCell::Kind::Integer:
            worksheet_write_number(sheet, row, col, cell.number, integer);
            break;
          case TableCell::Kind::Number:
            worksheet_write_number(sheet, row, col, cell.number, number);
            break;
          case TableCell::Kind::Percent:
            worksheet_write_number(sheet, row, col, cell.number, percent);
            break;
        }
      }
    }
    worksheet_freeze_panes(sheet, 2, 0);
    if (!table.columns.empty())
      worksheet_autofilter(sheet, 1, 0, static_cast<lxw_row_t>(table.rows.size() + 1),
                           static_cast<lxw_col_t>(table.columns.size() - 1));
  }
  check(workbook_close(workbook), path);
  out.commit();
}

std::string csvText(const AnalysisTable& table) {
  std::string out = "\xEF\xBB\xBF";
  auto field = [&out](const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      out += text;
      return;
    }
    out += '"';
    for (char c : text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  };
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    field(neutralizeFormula(table.columns[c].header));
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      const TableCell& cell = row[c];
      field(cell.kind == TableCell::Kind::Text ? neutralizeFormula(cell.text) : cell.display());
    }
    out += "\r\n";
  }
  return out;
}

std::vector<std::string> writeCsvFiles(const std::vector<AnalysisTable>& tables,
                                       const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec)
    throw ExportError("cannot create the folder " + directory + ": " + ec.message() +
                      "; choose another with -o");
  std::vector<std::string> files;
  for (const auto& table : tables) {
    const std::string file = (std::filesystem::path(directory) / (fileStem(table.name) + ".csv")).string();
    writeFileAtomically(file, csvText(table));
    files.push_back(file);
  }
  return files;
}

}  // namespace focal
