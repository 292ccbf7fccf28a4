// The statistical tables of the analysis: each cell summed across the
// States that gave it, with their number; totals that leave out the rows
// and columns a questionnaire keeps out of them (`in_total: false`, a
// different kind of unit), and that say when they add cells given by
// different sets of States.
#include <algorithm>
#include <limits>

#include "export/secretariat/analysis_tables.h"

namespace focal {

namespace {

using Cell = TableCell;

Cell figure(double sum, std::size_t states) { return states ? Cell::real(sum) : Cell{}; }

// "1234 (n = 86)", and "5000 (n = 90*)" for a total of different sets of States.
Cell counted(double sum, std::size_t states, bool mixed = false) {
  Cell c = figure(sum, states);
  if (states) c.suffix = " (n = " + std::to_string(states) + (mixed ? "*" : "") + ")";
  return c;
}

std::string keptOut(const Analysis& a) { return a.tr("kept out of the totals"); }

}  // namespace

AnalysisTable statisticalTables(const Analysis& a) {
  AnalysisTable t{"Statistical tables",
                  a.tr("Statistical tables summed across the States that gave each cell"),
                  {{a.tr("Question"), 10},
                   {a.tr("Label"), 50},
                   {a.tr("Row"), 24},
                   {a.tr("Column"), 24},
                   {a.tr("Sum"), 12},
                   {a.tr("States reporting"), 10},
                   {a.tr("Note"), 40}},
                  {}};
  const std::string mixed = a.tr("adds cells given by different sets of States");
  for (const auto& table : a.tables) {
    auto line = [&](const std::string& row, const std::string& column, double sum, std::size_t states,
                    const std::string& note) {
      t.rows.push_back({Cell::str(table.id), Cell::str(table.label), Cell::str(row), Cell::str(column),
                        figure(sum, states), Cell::integer(static_cast<double>(states)), Cell::str(note)});
    };
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& cell = table.cells[r][c];
        line(table.rows[r], table.columns[c], cell.sum, cell.states,
             table.rowInTotal[r] && table.columnInTotal[c] ? std::string() : keptOut(a));
      }
      const TotalFigure& f = table.rowTotals[r];
      line(table.rows[r], a.tr("Total"), f.sum, f.states, f.mixed ? mixed : std::string());
    }
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const TotalFigure& f = table.columnTotals[c];
      line(a.tr("Total"), table.columns[c], f.sum, f.states, f.mixed ? mixed : std::string());
    }
    line(a.tr("Total"), a.tr("Total"), table.total.sum, table.total.states,
         table.total.mixed ? mixed : std::string());
  }
  return t;
}

AnalysisTable consolidatedTable(const Analysis& a, const TableTotals& t) {
  AnalysisTable out{"", "", {{"", 16}}, {}};
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out.columns.push_back({t.columns[c] + (t.columnInTotal[c] ? "" : " (" + keptOut(a) + ")"), 10});
  out.columns.push_back({a.tr("Total"), 10});
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<Cell> row{Cell::str(t.rows[r] + (t.rowInTotal[r] ? "" : " (" + keptOut(a) + ")"))};
    for (const auto& cell : t.cells[r]) row.push_back(counted(cell.sum, cell.states));
    const TotalFigure& f = t.rowTotals[r];
    row.push_back(counted(f.sum, f.states, f.mixed));
    out.rows.push_back(std::move(row));
  }
  std::vector<Cell> totals{Cell::str(a.tr("Total"))};
  for (const auto& f : t.columnTotals) totals.push_back(counted(f.sum, f.states, f.mixed));
  totals.push_back(counted(t.total.sum, t.total.states, t.total.mixed));
  out.rows.push_back(std::move(totals));
  return out;
}

std::string consolidatedTableNote(const Analysis& a, const TableTotals& t) {
  std::string out = a.msg("Sums across the {} States that gave figures.", t.states) + " " +
                    a.tr("n: the number of States that gave the figure.");
  bool mixed = t.total.mixed;
  for (const auto& f : t.rowTotals) mixed |= f.mixed;
  for (const auto& f : t.columnTotals) mixed |= f.mixed;
  if (mixed) {
    std::size_t least = std::numeric_limits<std::size_t>::max(), most = 0;
    for (const auto& row : t.cells)
      for (const auto& cell : row)
        if (cell.states) {
          least = std::min(least, cell.states);
          most = std::max(most, cell.states);
        }
    // Appended piece by piece: GCC bug 105329 (a false -Wrestrict at -O3).
    out += ' ';
    out += a.msg(
        "A total marked * adds cells that different sets of States gave (each cell from {} to {} "
        "States), so it mixes what different States reported.",
        least, most);
  }
  std::string apart;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (!t.rowInTotal[r]) apart += (apart.empty() ? "" : ", ") + t.rows[r];
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (!t.columnInTotal[c]) apart += (apart.empty() ? "" : ", ") + t.columns[c];
  if (!apart.empty())
    out +=
        std::string(" ") + a.tr("Kept out of the totals, as a different kind of unit:") + " " + apart + ".";
  return out;
}

}  // namespace focal
