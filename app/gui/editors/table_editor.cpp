// table: a statistical table as a grid, one cell per <id>/<row>/<column>,
// with the totals Focal computes in an extra row and column (read-only).
// Tab moves from cell to cell and leaves the grid after the last one.
//
// The table fits the page: columns as narrow as their headers and numbers
// allow, row labels wrapped onto several lines. On a page too narrow even
// for that, the grid scrolls sideways and the Total column moves to the
// left, frozen beside the row labels, so that it stays in view. A cell that
// does not hold a valid value is coloured, named in the message under the
// table, and the totals it belongs to say that they leave it out ("45 + ?").
#include <wx/grid.h>
#include <wx/settings.h>

#include <cmath>

#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"

namespace focal::gui {

namespace {

const wxColour kBadBackground(255, 222, 222);
const wxColour kBadText(176, 0, 32);

int TextWidth(const wxWindow* window, const wxString& text, const wxFont& font) {
  int w = 0, h = 0;
  window->GetTextExtent(text, &w, &h, nullptr, nullptr, &font);
  return w;
}

// Breaks a header into lines no wider than `width` pixels.
wxString WrapHeader(const wxString& text, const wxWindow* window, const wxFont& font, int width, int* lines) {
  wxString out, line;
  *lines = 1;
  for (const auto& word : wxSplit(text, ' ', '\0')) {
    const wxString candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(window, candidate, font) > width) {
      out += line + "\n";
      ++*lines;
      line = word;
    } else {
      line = candidate;
    }
  }
  return out + line;
}

// The widest word of `text`.
int WidestWord(const wxWindow* window, const wxString& text, const wxFont& font) {
  int widest = 0;
  for (const auto& word : wxSplit(text, ' ', '\0')) widest = std::max(widest, TextWidth(window, word, font));
  return widest;
}

wxString FormatTotal(double total) {
  if (std::floor(total) == total && std::fabs(total) < 1e15)
    return wxString::Format("%lld", static_cast<long long>(total));
  return wxString::FromCDouble(total, 2);
}

class TableEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

  void Rewrap(int width) override {
    QuestionEditor::Rewrap(width);
    if (grid_ && width != fittedTo_) Fit(width);
  }

 protected:
  int Rows() const { return static_cast<int>(question_.rows.size()); }
  int Columns() const { return static_cast<int>(question_.columns.size()); }
  // The grid's column of the table's column `c` (Columns() is the Total).
  int GridColumn(int c) const { return totalFirst_ ? (c == Columns() ? 0 : c + 1) : c; }
  int DataColumn(int g) const { return totalFirst_ ? (g == 0 ? Columns() : g - 1) : g; }

  wxString RowLabel(int r) const {
    return r < Rows() ? Text(question_.rows[r].label) : ContentText(ContentWord::Total);
  }
  wxString ColumnLabel(int c) const {
    return c < Columns() ? Text(question_.columns[c].label) : ContentText(ContentWord::Total);
  }

  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    grid_ = new wxGrid(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_THEME);
    grid_->CreateGrid(Rows() + (question_.columnTotals ? 1 : 0), Columns() + (question_.rowTotals ? 1 : 0));
    grid_->SetTabBehaviour(wxGrid::Tab_Leave);
    grid_->EnableDragGridSize(false);
    grid_->EnableDragRowSize(false);
    grid_->DisableDragColMove();
    grid_->SetDefaultCellAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
    grid_->SetColLabelAlignment(wxALIGN_CENTER, wxALIGN_CENTER);
    grid_->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTER);
    MarkTotals();
    Fit(host_.WrapWidth());
    Describe(grid_, _("table; type a number in each cell, Tab moves to the next cell"));
    // The keyboard is in the grid's cell window: that is what a screen reader announces.
    Describe(grid_->GetGridWindow(), _("table; type a number in each cell, Tab moves to the next cell"));
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& event) {
      if (updating_) return;
      const int r = event.GetRow(), c = DataColumn(event.GetCol());
      if (r >= Rows() || c >= Columns()) return;
      wxString value = grid_->GetCellValue(r, c);
      value.Trim(true).Trim(false);
      host_.FlushTyping();
      Write({{PartPath(question_.rows[r].id, question_.columns[c].id), ToUtf8(value)}});
    });
    sizer->Add(grid_, 0, wxTOP | wxBOTTOM, Dip(4, parent));
  }

  // Sizes the columns and the row labels so that the table fits `width`.
  void Fit(int width) {
    fittedTo_ = width;
    const wxWindow* w = grid_;
    const wxFont labelFont = grid_->GetLabelFont();
    const int pad = Dip(16, w), widest = Dip(110, w), narrowest = Dip(56, w);
    const int line = grid_->GetCharHeight() + Dip(2, w);
    const int columns = grid_->GetNumberCols(), rows = grid_->GetNumberRows();
    // Columns: the header on one line when it fits 110 px, else its widest word;
    // room for a number of eight digits at least.
    const int number = TextWidth(w, "88888888", grid_->GetDefaultCellFont().Bold()) + pad;
    std::vector<int> columnWidth(columns);
    int allColumns = 0;
    for (int c = 0; c < columns; ++c) {
      const wxString label = ColumnLabel(c);
      int natural = TextWidth(w, label, labelFont) + pad;
      if (natural > widest) natural = std::max(WidestWord(w, label, labelFont) + pad, widest);
      columnWidth[c] = std::max({natural, number, narrowest});
      allColumns += columnWidth[c];
    }
    // Row labels: whole when they fit beside the columns, else wrapped.
    int naturalLabels = Dip(60, w), widestRowWord = 0;
    for (int r = 0; r < rows; ++r) {
      naturalLabels = std::max(naturalLabels, TextWidth(w, RowLabel(r), labelFont) + pad);
      widestRowWord = std::max(widestRowWord, WidestWord(w, RowLabel(r), labelFont) + pad);
    }
    const int border = Dip(4, w);
    const int labelRoom = width - allColumns - border;
    const int minLabels =
        std::max(std::min(Dip(140, w), naturalLabels), std::min(widestRowWord, Dip(200, w)));
    int labels = std::clamp(labelRoom, minLabels, std::max(minLabels, naturalLabels));
    // Still too wide: narrower columns, their headers on more lines.
    if (labels + allColumns + border > width) {
      const int excess = labels + allColumns + border - width;
      int shrinkable = 0;
      for (int c = 0; c < columns; ++c) shrinkable += columnWidth[c] - std::max(number, narrowest);
      if (shrinkable > 0) {
        allColumns = 0;
        for (int c = 0; c < columns; ++c) {
          const int floor = std::max(number, narrowest);
          const int cut = static_cast<int>(static_cast<long long>(columnWidth[c] - floor) *
                                           std::min(excess, shrinkable) / shrinkable);
          columnWidth[c] -= cut;
          allColumns += columnWidth[c];
        }
      }
    }
    scrolls_ = labels + allColumns + border > width;
    // Too narrow a page: the grid scrolls sideways, the Total column first
    // and frozen beside the row labels.
    if (const bool first = scrolls_ && question_.rowTotals; first != totalFirst_) SwapTotalColumn(first);
    int headerLines = 1;
    for (int c = 0; c < columns; ++c) {
      int lines = 1;
      const int g = GridColumn(c);
      grid_->SetColLabelValue(g,
                              WrapHeader(ColumnLabel(c), w, labelFont, columnWidth[c] - Dip(8, w), &lines));
      headerLines = std::max(headerLines, lines);
      grid_->SetColSize(g, columnWidth[c]);
    }
    grid_->SetColLabelSize(headerLines * line + Dip(8, w));
    grid_->SetRowLabelSize(labels);
    const int rowHeight = grid_->GetDefaultRowSize();
    for (int r = 0; r < rows; ++r) {
      int lines = 1;
      grid_->SetRowLabelValue(r, WrapHeader(RowLabel(r), w, labelFont, labels - pad, &lines));
      grid_->SetRowSize(r, std::max(rowHeight, lines * line + Dip(6, w)));
    }
    grid_->ShowScrollbars(scrolls_ ? wxSHOW_SB_ALWAYS : wxSHOW_SB_NEVER, wxSHOW_SB_NEVER);
    grid_->InvalidateBestSize();
    wxSize best = grid_->GetBestSize();
    if (scrolls_) {
      best.x = width;
      best.y += wxSystemSettings::GetMetric(wxSYS_HSCROLL_Y, grid_);  // the bottom row above the scrollbar
    }
    grid_->SetMinSize(best);
    grid_->SetMaxSize(scrolls_ ? best : wxDefaultSize);
    if (scrolls_) grid_->SetSize(best);
    // Frozen once the grid has its width (wxGrid refuses a frozen column wider than the grid).
    if (totalFirst_ && grid_->GetNumberFrozenCols() == 0) grid_->FreezeTo(0, 1);
  }

  bool SetValue(const ResponseSession& session) override {
    std::vector<double> rowTotals(Rows(), 0.0), columnTotals(Columns(), 0.0);
    std::vector<bool> rowBad(Rows(), false), columnBad(Columns(), false);
    double all = 0;
    bool anyBad = false;
    for (int r = 0; r < Rows(); ++r)
      for (int c = 0; c < Columns(); ++c) {
        const std::string path = PartPath(question_.rows[r].id, question_.columns[c].id);
        const std::string value = session.value(path);
        const wxString shown = FromUtf8(value);
        if (grid_->GetCellValue(r, GridColumn(c)) != shown &&
            !(grid_->IsCellEditControlShown() && grid_->GetGridCursorRow() == r &&
              grid_->GetGridCursorCol() == GridColumn(c)))
          grid_->SetCellValue(r, GridColumn(c), shown);
        const bool bad = !CellProblem(path, value).empty();
        MarkCell(r, c, bad);
        double number = 0;
        const auto row = static_cast<std::size_t>(r), column = static_cast<std::size_t>(c);
        // Rows and columns kept out of the totals (`in_total: false`) stay out;
        // a total that would add a bad cell says it leaves it out.
        const bool toRow = addsToTotal(question_, row, column, true);
        const bool toColumn = addsToTotal(question_, row, column, false);
        const bool toAll = addsToTableTotal(question_, row, column);
        if (bad) {
          rowBad[r] = rowBad[r] || toRow;
          columnBad[c] = columnBad[c] || toColumn;
          anyBad = anyBad || toAll;
        } else if (parseDecimal(value, number)) {
          if (toRow) rowTotals[r] += number;
          if (toColumn) columnTotals[c] += number;
          if (toAll) all += number;
        }
      }
    // A total that leaves a cell out says so.
    auto total = [](double sum, bool partial) { return FormatTotal(sum) + (partial ? " + ?" : ""); };
    if (question_.rowTotals)
      for (int r = 0; r < Rows(); ++r)
        grid_->SetCellValue(r, GridColumn(Columns()), total(rowTotals[r], rowBad[r]));
    if (question_.columnTotals)
      for (int c = 0; c < Columns(); ++c)
        grid_->SetCellValue(Rows(), GridColumn(c), total(columnTotals[c], columnBad[c]));
    if (question_.rowTotals && question_.columnTotals)
      grid_->SetCellValue(Rows(), GridColumn(Columns()), total(all, anyBad));
    return false;
  }

  // The message names the cell: "Row 'Forced labour', 2004: Enter a whole number…".
  wxString InUserWords(const wxString& error) override {
    const ResponseSession& session = Session();
    int count = 0;
    wxString first;
    for (int r = 0; r < Rows(); ++r)
      for (int c = 0; c < Columns(); ++c) {
        const std::string path = PartPath(question_.rows[r].id, question_.columns[c].id);
        const std::string problem = CellProblem(path, session.value(path));
        if (problem.empty()) continue;
        if (count++ == 0)
          first = wxString::Format(_("Row '%s', %s: %s"), Text(question_.rows[r].label),
                                   Text(question_.columns[c].label), FromUtf8(problem));
      }
    if (count == 0) return error;
    wxString message = first;
    if (count > 1)
      message += " " + wxString::Format(wxPLURAL("%d other cell needs correcting too.",
                                                 "%d other cells need correcting too.", count - 1),
                                        count - 1);
    if (question_.rowTotals || question_.columnTotals)
      message +=
          " " + wxPLURAL("The totals marked \"+ ?\" leave this cell out until it is corrected.",
                         "The totals marked \"+ ?\" leave these cells out until they are corrected.", count);
    return message;
  }

  void EnableInput(bool enable) override {
    grid_->EnableEditing(enable);
    grid_->Enable(enable);
  }
  wxWindow* FirstInput() const override { return grid_; }

 private:
  std::string CellProblem(const std::string& path, const std::string& value) const {
    if (value.empty()) return {};
    auto parsed = parseAnswerPath(path);
    return parsed ? checkAnswerValue(question_, *parsed, value) : std::string();
  }

  void MarkCell(int r, int c, bool bad) {
    const std::size_t at = static_cast<std::size_t>(r * Columns() + c);
    if (bad_[at] == bad) return;
    bad_[at] = bad;
    const int g = GridColumn(c);
    grid_->SetCellBackgroundColour(r, g, bad ? kBadBackground : grid_->GetDefaultCellBackgroundColour());
    grid_->SetCellTextColour(r, g, bad ? kBadText : grid_->GetDefaultCellTextColour());
    grid_->RefreshBlock(r, g, r, g);
  }

  // The totals: grey, bold, read-only.
  void MarkTotals() {
    const wxColour totalBackground(238, 238, 238);
    for (int r = 0; r < grid_->GetNumberRows(); ++r)
      for (int c = 0; c < grid_->GetNumberCols(); ++c) {
        const bool total = r >= Rows() || DataColumn(c) >= Columns();
        grid_->SetReadOnly(r, c, total);
        grid_->SetCellBackgroundColour(r, c,
                                       total ? totalBackground : grid_->GetDefaultCellBackgroundColour());
        grid_->SetCellTextColour(r, c, grid_->GetDefaultCellTextColour());
        grid_->SetCellFont(r, c, total ? grid_->GetDefaultCellFont().Bold() : grid_->GetDefaultCellFont());
      }
    bad_.assign(static_cast<std::size_t>(Rows() * Columns()), false);
  }

  void SwapTotalColumn(bool first) {
    if (grid_->GetNumberFrozenCols() > 0) grid_->FreezeTo(0, 0);
    totalFirst_ = first;
    MarkTotals();
    SetValue(Session());
  }

  wxGrid* grid_ = nullptr;
  std::vector<bool> bad_;  // row by row: the cells shown as not valid
  int fittedTo_ = -1;
  bool scrolls_ = false;
  bool totalFirst_ = false;  // the Total column shown first (a page too narrow)
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeTableEditor(EditorHost& host, const Question& question,
                                                const std::string& path) {
  return std::make_unique<TableEditor>(host, question, path);
}

}  // namespace focal::gui
