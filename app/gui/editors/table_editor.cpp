// table: a statistical table as a grid, one cell per <id>/<row>/<column>,
// with the totals Focal computes in an extra row and column (read-only).
// Tab moves from cell to cell and leaves the grid after the last one.
#include <wx/grid.h>

#include <cmath>

#include "app/gui/editors/editors.h"
#include "app/gui/wx_text.h"
#include "forms/answer_value.h"

namespace focal::gui {

namespace {

// Breaks a header into lines no wider than `width` pixels.
wxString WrapHeader(const wxString& text, const wxWindow* window, const wxFont& font, int width, int* lines) {
  wxString out, line;
  *lines = 1;
  for (const auto& word : wxSplit(text, ' ', '\0')) {
    const wxString candidate = line.empty() ? word : line + " " + word;
    int w = 0, h = 0;
    window->GetTextExtent(candidate, &w, &h, nullptr, nullptr, &font);
    if (!line.empty() && w > width) {
      out += line + "\n";
      ++*lines;
      line = word;
    } else {
      line = candidate;
    }
  }
  return out + line;
}

wxString FormatTotal(double total) {
  if (std::floor(total) == total && std::fabs(total) < 1e15)
    return wxString::Format("%lld", static_cast<long long>(total));
  return wxString::FromCDouble(total, 2);
}

class TableEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  int Rows() const { return static_cast<int>(question_.rows.size()); }
  int Columns() const { return static_cast<int>(question_.columns.size()); }

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
    const wxColour totalBackground(238, 238, 238);
    const int columnWidth = Dip(110, parent);
    int headerLines = 1;
    const wxFont labelFont = grid_->GetLabelFont();
    for (int c = 0; c < grid_->GetNumberCols(); ++c) {
      const wxString label =
          c < Columns() ? Text(question_.columns[c].label) : ContentText(ContentWord::Total);
      int lines = 1;
      grid_->SetColLabelValue(c, WrapHeader(label, grid_, labelFont, columnWidth - Dip(8, parent), &lines));
      headerLines = std::max(headerLines, lines);
      grid_->SetColSize(c, columnWidth);
    }
    int rowLabelWidth = Dip(60, parent);
    for (int r = 0; r < grid_->GetNumberRows(); ++r) {
      const wxString label = r < Rows() ? Text(question_.rows[r].label) : ContentText(ContentWord::Total);
      grid_->SetRowLabelValue(r, label);
      rowLabelWidth = std::max(rowLabelWidth, grid_->GetTextExtent(label).x + Dip(16, parent));
    }
    grid_->SetRowLabelSize(std::min(rowLabelWidth, Dip(260, parent)));
    grid_->SetColLabelSize(headerLines * (grid_->GetCharHeight() + Dip(2, parent)) + Dip(8, parent));
    for (int r = 0; r < grid_->GetNumberRows(); ++r)
      for (int c = 0; c < grid_->GetNumberCols(); ++c)
        if (r >= Rows() || c >= Columns()) {
          grid_->SetReadOnly(r, c);
          grid_->SetCellBackgroundColour(r, c, totalBackground);
          grid_->SetCellFont(r, c, grid_->GetDefaultCellFont().Bold());
        }
    // The whole table shows, so the page scrolls and the grid does not.
    grid_->ShowScrollbars(wxSHOW_SB_NEVER, wxSHOW_SB_NEVER);
    grid_->SetMinSize(grid_->GetBestSize());
    Describe(grid_, _("table; type a number in each cell, Tab moves to the next cell"));
    // The keyboard is in the grid's cell window: that is what a screen reader announces.
    Describe(grid_->GetGridWindow(), _("table; type a number in each cell, Tab moves to the next cell"));
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& event) {
      if (updating_) return;
      const int r = event.GetRow(), c = event.GetCol();
      if (r >= Rows() || c >= Columns()) return;
      wxString value = grid_->GetCellValue(r, c);
      value.Trim(true).Trim(false);
      host_.FlushTyping();
      Write({{PartPath(question_.rows[r].id, question_.columns[c].id), ToUtf8(value)}});
    });
    sizer->Add(grid_, 0, wxTOP | wxBOTTOM, Dip(4, parent));
  }

  bool SetValue(const ResponseSession& session) override {
    std::vector<double> rowTotals(Rows(), 0.0), columnTotals(Columns(), 0.0);
    double all = 0;
    for (int r = 0; r < Rows(); ++r)
      for (int c = 0; c < Columns(); ++c) {
        const std::string value = session.value(PartPath(question_.rows[r].id, question_.columns[c].id));
        const wxString shown = FromUtf8(value);
        if (grid_->GetCellValue(r, c) != shown &&
            !(grid_->IsCellEditControlShown() && grid_->GetGridCursorRow() == r &&
              grid_->GetGridCursorCol() == c))
          grid_->SetCellValue(r, c, shown);
        double number = 0;
        if (parseDecimal(value, number)) {
          const auto row = static_cast<std::size_t>(r), column = static_cast<std::size_t>(c);
          // Rows and columns kept out of the totals (`in_total: false`) stay out.
          if (addsToTotal(question_, row, column, true)) rowTotals[r] += number;
          if (addsToTotal(question_, row, column, false)) columnTotals[c] += number;
          if (addsToTableTotal(question_, row, column)) all += number;
        }
      }
    if (question_.rowTotals)
      for (int r = 0; r < Rows(); ++r) grid_->SetCellValue(r, Columns(), FormatTotal(rowTotals[r]));
    if (question_.columnTotals)
      for (int c = 0; c < Columns(); ++c) grid_->SetCellValue(Rows(), c, FormatTotal(columnTotals[c]));
    if (question_.rowTotals && question_.columnTotals)
      grid_->SetCellValue(Rows(), Columns(), FormatTotal(all));
    return false;
  }

  void EnableInput(bool enable) override {
    grid_->EnableEditing(enable);
    grid_->Enable(enable);
  }
  wxWindow* FirstInput() const override { return grid_; }

 private:
  wxGrid* grid_ = nullptr;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeTableEditor(EditorHost& host, const Question& question,
                                                const std::string& path) {
  return std::make_unique<TableEditor>(host, question, path);
}

}  // namespace focal::gui
