// XLSX through libxlsxwriter: "Response" (the metadata), "Answers" (the long
// form, as in the CSV), "Questions" (id to label), then one sheet per repeat
// group (a row per record, keyed by State and record) and one per
// statistical table (its grid, with totals). Text is written with
// worksheet_write_string only, exactly as given, in a text-only cell format
// (xlsx_text.h), bidi controls shown as "[U+202E]" (bidi_controls.h), and
// cut with a marker where it passes the 32,767
// characters a cell holds. A total of cells none of which was answered is
// left blank, as in the PDF and HTML: "not reported" is not zero.
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "export/common/output_file.h"
#include "export/common/xlsx_text.h"
#include "export/data/data_exports.h"
#include "export/data/export_rows.h"
#include "export/print/questionnaire_review.h"
#include "export/report/report_assembly.h"
#include "forms/answer_value.h"
#include "forms/bidi_controls.h"
#include "forms/question_kinds.h"

namespace focal {

namespace {

constexpr std::size_t kCellUnits = 32767;

class Workbook {
 public:
  explicit Workbook(const std::string& file) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    workbook_ = workbook_new_opt(file.c_str(), &options);
    if (!workbook_) throw ExportError("libxlsxwriter cannot create " + file);
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    format_set_bg_color(bold_, 0xDCE6F1);
    format_set_border(bold_, LXW_BORDER_THIN);
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDCE6F1);
    format_set_border(header_, LXW_BORDER_THIN);
    setTextOnly(header_);
    text_ = workbook_add_format(workbook_);
    setTextOnly(text_);
    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    setTextOnly(wrap_);
  }
  ~Workbook() {
    if (workbook_) workbook_close(workbook_);
  }

  lxw_worksheet* sheet(const std::string& wanted) {
    // Sheet names: at most 31 characters, unique whatever the case.
    std::string name = wanted.substr(0, 31), folded;
    for (int n = 2;; ++n) {
      folded = name;
      std::transform(folded.begin(), folded.end(), folded.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      if (!names_.count(folded) && folded != "history") break;
      // Not `"_" + std::to_string(n)`: GCC bug 105329 (a false -Wrestrict at -O3).
      std::string suffix = std::string(1, '_').append(std::to_string(n));
      name = wanted.substr(0, 31 - suffix.size()) + suffix;
    }
    names_.insert(folded);
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (!ws) throw ExportError("libxlsxwriter refused the sheet name '" + name + "'");
    return ws;
  }

  void text(lxw_worksheet* ws, int row, int column, const std::string& value, bool wrap = false) {
    std::string safe = showBidiControls(value);
    if (utf16Units(safe) > kCellUnits) {
      std::string marker = cutMarker(utf16Units(value));
      safe = cutToUtf16Units(safe, kCellUnits - utf16Units(marker), nullptr) + marker;
      ++cuts_;
    }
    check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 safe.c_str(), wrap ? wrap_ : text_));
  }

  void number(lxw_worksheet* ws, int row, int column, double value, bool bold = false) {
    check(worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value,
                                 bold ? bold_ : nullptr));
  }

  // A number when `value` is one, else text.
  void cell(lxw_worksheet* ws, int row, int column, const std::string& value, bool numeric) {
    double d;
    if (numeric && parseDecimal(value, d))
      number(ws, row, column, d);
    else
      text(ws, row, column, value);
  }

  void header(lxw_worksheet* ws, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i)
      check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), names[i].c_str(), header_));
    worksheet_freeze_panes(ws, 1, 0);
  }

  void close(const std::string& destination) {
    lxw_error rc = workbook_close(workbook_);
    workbook_ = nullptr;
    if (rc != LXW_NO_ERROR)
      throw ExportError("cannot write " + destination + ": " + lxw_strerror(rc) +
                        "; check the disk and try again");
  }

 private:
  void check(lxw_error rc) {
    if (rc != LXW_NO_ERROR) throw ExportError(std::string("libxlsxwriter: ") + lxw_strerror(rc));
  }
  lxw_workbook* workbook_ = nullptr;
  lxw_format* bold_ = nullptr;    // totals
  lxw_format* header_ = nullptr;  // bold text
  lxw_format* text_ = nullptr;
  lxw_format* wrap_ = nullptr;
  std::set<std::string> names_;
  int cuts_ = 0;
};

bool numericType(const Question& q) { return kindOf(q).numeric; }

}  // namespace

void exportXlsx(const ReportContext& context, const std::string& path) {
  const Questionnaire& q = context.questionnaire();
  const ResponseSession& session = context.session();
  const auto& m = context.report().metadata;
  OutputFile out(path);
  Workbook book(out.tempPath());

  lxw_worksheet* response = book.sheet("Response");
  book.header(response, {"field", "value"});
  const std::vector<std::pair<std::string, std::string>> facts{
      {"state", m.state},
      {"state_name", context.stateName()},
      {"questionnaire", m.questionnaireId},
      {"questionnaire_version", m.questionnaireVersion},
      {"questionnaire_title", context.text(q.info.title)},
      {"questionnaire_sha256", m.questionnaireSha256},
      {"instrument", m.instrument},
      {"cycle", std::to_string(m.cycle)},
      {"language", context.language()},
      {"status", reportStatusKey(m.status)},
      {"preparer", m.preparer},
      {"exported_at", m.exportedAt},
      {"focal_version", m.focalVersion}};
  for (std::size_t i = 0; i < facts.size(); ++i) {
    book.text(response, static_cast<int>(i) + 1, 0, facts[i].first);
    book.text(response, static_cast<int>(i) + 1, 1, facts[i].second);
  }
  worksheet_set_column(response, 0, 0, 24, nullptr);
  worksheet_set_column(response, 1, 1, 80, nullptr);

  lxw_worksheet* answers = book.sheet("Answers");
  book.header(answers, exportRowHeader());
  int r = 1;
  for (const auto& row : exportRows(context)) {
    auto fields = exportRowFields(context, row);
    for (std::size_t c = 0; c < fields.size(); ++c) {
      if (c == 7 && row.recordNumber)
        book.number(answers, r, static_cast<int>(c), row.recordNumber);
      else if (c == 10)
        book.cell(answers, r, static_cast<int>(c), fields[c], row.numeric);
      else
        book.text(answers, r, static_cast<int>(c), fields[c], c == 11);
    }
    ++r;
  }
  worksheet_set_column(answers, 3, 3, 28, nullptr);
  worksheet_set_column(answers, 10, 11, 50, nullptr);
  worksheet_autofilter(answers, 0, 0, static_cast<lxw_row_t>(std::max(r - 1, 1)), 14);

  lxw_worksheet* questions = book.sheet("Questions");
  book.header(questions, {"question", "section", "type", "repeat", "relevant", "label", "number"});
  const auto numbers = displayedSectionNumbers(q);
  const auto questionNumber = displayedQuestionNumbers(q);  // as printed: `number:`, else the position
  r = 1;
  for (const auto& question : q.questions) {
    int section = question.repeat >= 0 ? q.questions[question.repeat].section : question.section;
    book.text(questions, r, 0, question.id);
    book.text(questions, r, 1, section >= 0 ? numbers[section] : std::string());
    book.text(questions, r, 2, questionTypeKey(question.type));
    book.text(questions, r, 3, question.repeat >= 0 ? q.questions[question.repeat].id : std::string());
    book.text(questions, r, 4, question.repeat >= 0 ? "" : session.isRelevant(question.id) ? "yes" : "no");
    book.text(questions, r, 5, context.text(question.label), true);
    if (auto it = questionNumber.find(question.id); it != questionNumber.end())
      book.text(questions, r, 6, it->second);
    ++r;
  }
  worksheet_set_column(questions, 5, 5, 90, nullptr);

  for (const auto& question : q.questions) {
    if (question.repeat >= 0 || !session.isRelevant(question.id)) continue;
    if (question.type == QuestionType::Repeat) {
      lxw_worksheet* ws = book.sheet(question.id);
      std::vector<std::string> header{"state", "repeat", "record", "record_number"};
      // The columns of a question inside a record: value, parts, cells.
      std::vector<std::tuple<const Question*, AnswerPath>> columns;
      for (int child : question.children)
        for (const AnswerPath& part : answerParts(q.questions[child])) {
          header.push_back(part.str());
          columns.emplace_back(&q.questions[child], part);
        }
      book.header(ws, header);
      int row = 1;
      for (const auto& key : session.records(question.id)) {
        book.text(ws, row, 0, m.state);
        book.text(ws, row, 1, question.id);
        book.text(ws, row, 2, key);
        book.number(ws, row, 3, row);
        for (std::size_t c = 0; c < columns.size(); ++c) {
          const auto& [child, part] = columns[c];
          const AnswerPath at = recordPath(question.id, key, child->id, part.part, part.subpart);
          if (kindOf(*child).columns == ExportColumns::Computed) {
            book.cell(ws, row, static_cast<int>(c) + 4, session.calculated(at.str()), true);
            continue;
          }
          std::string value = context.value(at.str());
          if (!value.empty()) book.cell(ws, row, static_cast<int>(c) + 4, value, numericType(*child));
        }
        ++row;
      }
    } else if (question.type == QuestionType::Table) {
      lxw_worksheet* ws = book.sheet(question.id);
      std::vector<std::string> header{"state", "row", "row_label"};
      for (const auto& c : question.columns) header.push_back(c.id);
      if (question.rowTotals) header.push_back("total");
      book.header(ws, header);
      std::vector<double> columnTotals(question.columns.size() + 1, 0.0);
      std::vector<bool> columnAny(question.columns.size() + 1, false);
      int row = 1;
      for (std::size_t r = 0; r < question.rows.size(); ++r) {
        const auto& tableRow = question.rows[r];
        book.text(ws, row, 0, m.state);
        book.text(ws, row, 1, tableRow.id);
        book.text(ws, row, 2, context.text(tableRow.label));
        double rowTotal = 0;
        bool any = false;  // a row with no value has no total (not 0)
        for (std::size_t c = 0; c < question.columns.size(); ++c) {
          std::string value = context.value(pathOf(question.id, tableRow.id, question.columns[c].id).str());
          double d;
          if (!value.empty() && parseDecimal(value, d)) {
            book.number(ws, row, static_cast<int>(c) + 3, d);
            // Rows and columns kept out of the totals (`in_total: false`) stay out.
            if (addsToTotal(question, r, c, true)) {
              rowTotal += d;
              any = true;
            }
            if (addsToTotal(question, r, c, false)) {
              columnTotals[c] += d;
              columnAny[c] = true;
            }
            if (addsToTableTotal(question, r, c)) {
              columnTotals.back() += d;
              columnAny.back() = true;
            }
          }
        }
        if (question.rowTotals && any)
          book.number(ws, row, static_cast<int>(question.columns.size()) + 3, rowTotal, true);
        ++row;
      }
      if (question.columnTotals) {
        book.text(ws, row, 0, m.state);
        book.text(ws, row, 1, "total");
        book.text(ws, row, 2, context.labels().total);
        for (std::size_t c = 0; c < question.columns.size(); ++c)
          if (columnAny[c]) book.number(ws, row, static_cast<int>(c) + 3, columnTotals[c], true);
        if (question.rowTotals && columnAny.back())
          book.number(ws, row, static_cast<int>(question.columns.size()) + 3, columnTotals.back(), true);
      }
    }
  }
  book.close(path);
  out.commit();
}

}  // namespace focal
