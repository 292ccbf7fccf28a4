// The coverage of the provisions as tables (workbook sheets, CSV files and
// the report's tables): per provision, the States parties reporting
// measures for it by regional group and the legislation they cite; and the
// provisions no question covers.
#include "export/secretariat/analysis_tables.h"

namespace focal {

AnalysisTable provisionCoverageTable(const Analysis& a) {
  AnalysisTable t{
      "Provisions",
      a.tr("Coverage of the provisions: States parties that replied and report measures for each "
           "provision (a yes or a legislation citation in the questions that cover it), by regional "
           "group, with the legislation cited"),
      {{a.tr("Instrument"), 11},
       {a.tr("Provision"), 16},
       {a.tr("Title"), 36},
       {a.tr("Obligation"), 14},
       {a.tr("Themes"), 24},
       {a.tr("Questions"), 20}},
      {}};
  for (const auto& c : a.columns) {
    t.columns.push_back({c.name + ": " + a.tr("States parties reporting measures"), 12});
    t.columns.push_back({c.name + ": " + a.tr("of States parties replying"), 12});
    t.columns.push_back({c.name + ": " + a.tr("share"), 10});
  }
  t.columns.push_back({a.tr("Legislation cited"), 80});
  for (const auto& p : a.provisions) {
    std::vector<TableCell> row{TableCell::str(p.instrument), TableCell::str(p.citation),
                               TableCell::str(p.title),      TableCell::str(p.obligation),
                               TableCell::str(p.themes),     TableCell::str(p.questions)};
    for (std::size_t c = 0; c < p.reporting.size(); ++c) {
      row.push_back(TableCell::integer(static_cast<double>(p.reporting[c])));
      row.push_back(TableCell::integer(static_cast<double>(p.replied[c])));
      row.push_back(TableCell::percent(share(p.reporting[c], p.replied[c])));
    }
    std::string legislation;
    for (const auto& l : p.legislation) legislation += (legislation.empty() ? "" : "; ") + l;
    row.push_back(TableCell::str(legislation));
    t.rows.push_back(std::move(row));
  }
  return t;
}

AnalysisTable uncoveredProvisionsTable(const Analysis& a) {
  AnalysisTable t{"Provisions not covered",
                  a.tr("Provisions of the instrument that no question of this questionnaire covers"),
                  {{a.tr("Provision"), 80}},
                  {}};
  for (const auto& p : a.uncoveredProvisions) t.rows.push_back({TableCell::str(p)});
  return t;
}

}  // namespace focal
