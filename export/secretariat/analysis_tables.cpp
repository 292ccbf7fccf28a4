#include "export/secretariat/analysis_tables.h"

#include <cmath>
#include <cstdio>

#include "forms/i18n.h"

namespace focal {

std::string TableCell::display() const {
  if (!suffix.empty() && kind != Kind::Text && kind != Kind::Empty) {
    TableCell bare = *this;
    bare.suffix.clear();
    return bare.display() + suffix;
  }
  char buffer[64];
  switch (kind) {
    case Kind::Empty:
      return {};
    case Kind::Text:
      return text;
    case Kind::Integer:
      std::snprintf(buffer, sizeof buffer, "%.0f", number);
      return buffer;
    case Kind::Number: {
      if (number == static_cast<double>(static_cast<long long>(number)) && std::abs(number) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(number));
        return buffer;
      }
      std::snprintf(buffer, sizeof buffer, "%.4f", number);
      std::string out = buffer;
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
      return out;
    }
    case Kind::Percent:
      std::snprintf(buffer, sizeof buffer, "%.1f%%", number * 100);
      return buffer;
  }
  return {};
}

namespace {

using Cell = TableCell;

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
  return out;
}

// "<column> States" and "<column> share" for every column of the breakdown.
void addColumnHeaders(AnalysisTable& t, const Analysis& a, const std::string& what = tr("States")) {
  for (const auto& c : a.columns) {
    t.columns.push_back({c.name + ": " + what, 12});
    t.columns.push_back({c.name + ": " + tr("share"), 10});
  }
}

void addCounts(std::vector<Cell>& row, const std::vector<std::size_t>& counts,
               const std::vector<std::size_t>& base) {
  for (std::size_t i = 0; i < counts.size(); ++i) {
    row.push_back(Cell::integer(static_cast<double>(counts[i])));
    row.push_back(Cell::percent(share(counts[i], base[i])));
  }
}

}  // namespace

// "life imprisonment (99): 12; ..."
std::string specialText(const NumberSummary& n) {
  std::string out;
  for (const auto& s : n.special) {
    const std::string code = TableCell::real(s.value).display();
    out += (out.empty() ? "" : "; ") + s.label + " (" + code + "): " + std::to_string(s.states);
  }
  return out;
}

namespace {

AnalysisTable about(const Analysis& a) {
  AnalysisTable t{"About", tr("What this analysis covers"), {{tr("Item"), 28}, {tr("Value"), 80}}, {}};
  auto add = [&](const std::string& k, const std::string& v) {
    t.rows.push_back({Cell::str(k), Cell::str(v)});
  };
  add(tr("Questionnaire"), a.questionnaireId + " (" + tr("version") + " " + a.version + ")");
  add(tr("Title"), a.title);
  add(tr("Instrument and cycle"), a.instrument + ", " + tr("cycle") + " " + std::to_string(a.cycle));
  add(tr("Responding States"), std::to_string(a.states.size()));
  add(tr("List of States parties"),
      a.partiesAsOf.empty()
          ? tr("none known")
          : tr("as of") + std::string(" ") + a.partiesAsOf + ", " + a.partiesSource +
                (a.partiesVerified ? std::string()
                                   : std::string(" (") + tr("not checked against the depositary's") + ")"));
  add(tr("Compared with"), a.previousId.empty() ? tr("no previous cycle held") : a.previousId);
  add(tr("Language of labels"), a.language);
  add(tr("Consolidated store"), a.source);
  add(tr("Generated"), a.generatedAt);
  add(tr("How to read"), tr("Each State counts once, with its newest report; only answers to questions that "
                            "applied to it count. "
                            "Response rates are of the States parties to the instrument; shares of answers "
                            "are of the responding "
                            "States to which the question applied."));
  return t;
}

AnalysisTable rates(const Analysis& a) {
  AnalysisTable t{"Response rates",
                  tr("Replies of States parties, by questionnaire and regional group") +
                      (a.partiesAsOf.empty() ? std::string()
                                             : std::string(" (") + tr("list of States parties as of") + " " +
                                                   a.partiesAsOf + ")"),
                  {{tr("Questionnaire"), 16},
                   {tr("Title"), 50},
                   {tr("Instrument"), 10},
                   {tr("Cycle"), 7},
                   {tr("Group"), 36},
                   {tr("States parties"), 10},
                   {tr("Replies from States parties"), 10},
                   {tr("Response rate"), 10},
                   {tr("Replies from signatories"), 10},
                   {tr("Replies from States not party"), 10}},
                  {}};
  for (const auto& r : a.rates)
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
      const std::size_t parties = r.parties[c];
      std::vector<Cell> row{Cell::str(r.questionnaireId), Cell::str(r.title), Cell::str(r.instrument),
                            Cell::integer(r.cycle), Cell::str(a.columns[c].name)};
      row.push_back(parties ? Cell::integer(static_cast<double>(parties)) : Cell{});
      row.push_back(Cell::integer(static_cast<double>(r.responded[c])));
      row.push_back(parties ? Cell::percent(share(r.responded[c], parties)) : Cell{});
      row.push_back(c == 0 ? Cell::integer(static_cast<double>(r.signatories)) : Cell{});
      row.push_back(c == 0 ? Cell::integer(static_cast<double>(r.nonParties)) : Cell{});
      t.rows.push_back(std::move(row));
    }
  return t;
}

AnalysisTable states(const Analysis& a) {
  AnalysisTable t{"Responding States",
                  tr("The States whose reports are analysed"),
                  {{tr("Code"), 7},
                   {tr("State"), 36},
                   {tr("Regional group"), 32},
                   {tr("Standing"), 12},
                   {tr("Language"), 9},
                   {tr("Status"), 8},
                   {tr("Exported"), 21},
                   {tr("Signing key"), 42}},
                  {}};
  for (const auto& s : a.states)
    t.rows.push_back({Cell::str(s.state), Cell::str(s.name), Cell::str(s.group), Cell::str(s.standingLabel),
                      Cell::str(s.language), Cell::str(s.status), Cell::str(s.exportedAt),
                      Cell::str(s.fingerprint)});
  return t;
}

AnalysisTable answers(const Analysis& a) {
  AnalysisTable t{
      "Answers",
      tr("For every closed question, the States giving each answer, overall and by group; shares are "
         "of the States to which the question applied"),
      {{tr("Section"), 28},
       {tr("Question"), 10},
       {tr("Label"), 60},
       {tr("Answer"), 28},
       {tr("States to which it applied"), 10}},
      {}};
  addColumnHeaders(t, a);
  for (const auto& d : a.distributions)
    for (const auto& c : d.categories) {
      std::vector<Cell> row{Cell::str(d.section), Cell::str(d.id), Cell::str(d.label), Cell::str(c.label),
                            Cell::integer(static_cast<double>(d.applied[0]))};
      // "Did not apply" is a share of all responding States; the answers of those to which it applied.
      addCounts(row, c.counts, c.value == "did_not_apply" ? a.responding : d.applied);
      t.rows.push_back(std::move(row));
    }
  return t;
}

AnalysisTable changes(const Analysis& a) {
  AnalysisTable t{"Changes",
                  tr("Carried-forward questions: States whose answer changed since the previous cycle"),
                  {{tr("Section"), 28},
                   {tr("Question"), 10},
                   {tr("Previous cycle's question"), 12},
                   {tr("Label"), 60},
                   {tr("States in both cycles"), 10},
                   {tr("Unchanged"), 10},
                   {tr("Changed"), 10},
                   {tr("States that changed"), 50}},
                  {}};
  for (const auto& c : a.changes) {
    std::vector<std::string> codes;
    for (const auto& ch : c.changes) codes.push_back(ch.state);
    t.rows.push_back({Cell::str(c.section), Cell::str(c.id), Cell::str(c.previousId), Cell::str(c.label),
                      Cell::integer(static_cast<double>(c.both)),
                      Cell::integer(static_cast<double>(c.unchanged)),
                      Cell::integer(static_cast<double>(c.changes.size())), Cell::str(join(codes))});
  }
  return t;
}

AnalysisTable changesByState(const Analysis& a) {
  AnalysisTable t{"Changes by State",
                  tr("Each changed answer, with the previous and the current answer"),
                  {{tr("Question"), 10},
                   {tr("Label"), 50},
                   {tr("Code"), 7},
                   {tr("State"), 30},
                   {tr("Previous answer"), 40},
                   {tr("Current answer"), 40}},
                  {}};
  for (const auto& c : a.changes)
    for (const auto& ch : c.changes)
      t.rows.push_back({Cell::str(c.id), Cell::str(c.label), Cell::str(ch.state), Cell::str(ch.stateName),
                        Cell::str(ch.previous), Cell::str(ch.current)});
  return t;
}

AnalysisTable numbers(const Analysis& a) {
  AnalysisTable t{
      "Numbers",
      tr("Numeric answers across States: count data summed, other numbers as a distribution; special "
         "codes counted apart, never averaged"),
      {{tr("Section"), 28},
       {tr("Question"), 10},
       {tr("Label"), 50},
       {tr("Unit"), 12},
       {tr("States reporting a number"), 10},
       {tr("Sum"), 12},
       {tr("Median"), 10},
       {tr("Minimum"), 10},
       {tr("Maximum"), 10},
       {tr("Special codes (States)"), 30}},
      {}};
  for (const auto& n : a.numbers) {
    std::vector<Cell> row{Cell::str(n.section), Cell::str(n.id), Cell::str(n.label), Cell::str(n.unit),
                          Cell::integer(static_cast<double>(n.states))};
    row.push_back(n.summed && n.states ? Cell::real(n.sum) : Cell{});
    for (double v : {n.median, n.min, n.max}) row.push_back(n.states ? Cell::real(v) : Cell{});
    row.push_back(Cell::str(specialText(n)));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<AnalysisTable> assistance(const Analysis& a) {
  const auto& g = a.assistance;
  std::vector<AnalysisTable> out;
  AnalysisTable gating{"TA gating",
                       tr("States that need assistance to provide the information requested"),
                       {{tr("Question"), 10}, {tr("Label"), 60}},
                       {}};
  addColumnHeaders(gating, a, tr("States needing assistance"));
  for (const auto& f : g.gating) {
    std::vector<Cell> row{Cell::str(f.id), Cell::str(f.label)};
    addCounts(row, f.yes, a.responding);
    gating.rows.push_back(std::move(row));
  }
  out.push_back(std::move(gating));

  AnalysisTable kinds{"TA by kind",
                      tr("Technical assistance needed, by kind: States asking for it in any section"),
                      {{tr("Kind of assistance"), 36}, {tr("Requests (State and section)"), 12}},
                      {}};
  addColumnHeaders(kinds, a);
  for (std::size_t k = 0; k < g.kinds.size(); ++k) {
    std::vector<Cell> row{Cell::str(g.kindLabels[k]),
                          Cell::integer(static_cast<double>(g.requestsByKind[k]))};
    addCounts(row, g.statesByKind[k], a.responding);
    kinds.rows.push_back(std::move(row));
  }
  out.push_back(std::move(kinds));

  AnalysisTable sections{"TA by section",
                         tr("Technical assistance needed, by section (asked once per section; the articles "
                            "are those the section "
                            "cites)"),
                         {{tr("Section"), 36},
                          {tr("Articles the section cites"), 40},
                          {tr("States needing assistance"), 12},
                          {tr("Share of responding States"), 12}},
                         {}};
  for (const auto& label : g.kindLabels) sections.columns.push_back({label, 12});
  sections.columns.push_back({tr("States"), 50});
  for (const auto& section : g.sections) {
    std::vector<Cell> row{Cell::str(section.section), Cell::str(section.articles),
                          Cell::integer(static_cast<double>(section.states.size())),
                          Cell::percent(share(section.states.size(), a.responding[0]))};
    for (std::size_t n : section.byKind) row.push_back(Cell::integer(static_cast<double>(n)));
    row.push_back(Cell::str(join(section.states)));
    sections.rows.push_back(std::move(row));
  }
  out.push_back(std::move(sections));

  AnalysisTable groups{
      "TA by group",
      tr("Technical assistance needed, by regional group"),
      {{tr("Group"), 36}, {tr("Responding States"), 12}, {tr("Needing assistance"), 12}, {tr("Share"), 10}},
      {}};
  for (const auto& label : g.kindLabels) groups.columns.push_back({label, 12});
  for (std::size_t c = 0; c < a.columns.size(); ++c) {
    std::vector<Cell> row{Cell::str(a.columns[c].name), Cell::integer(static_cast<double>(a.responding[c])),
                          Cell::integer(static_cast<double>(g.needingAny[c])),
                          Cell::percent(share(g.needingAny[c], a.responding[c]))};
    for (std::size_t k = 0; k < g.kinds.size(); ++k)
      row.push_back(Cell::integer(static_cast<double>(g.statesByKind[k][c])));
    groups.rows.push_back(std::move(row));
  }
  out.push_back(std::move(groups));

  AnalysisTable requests{"TA requests",
                         tr("Every request for technical assistance, by State and section"),
                         {{tr("Code"), 7},
                          {tr("State"), 30},
                          {tr("Section"), 36},
                          {tr("Articles the section cites"), 40},
                          {tr("Kinds of assistance"), 50},
                          {tr("Other assistance"), 40}},
                         {}};
  for (const auto& r : g.requests)
    requests.rows.push_back({Cell::str(r.state), Cell::str(r.stateName), Cell::str(r.section),
                             Cell::str(r.articles), Cell::str(r.kinds), Cell::str(r.other)});
  out.push_back(std::move(requests));
  return out;
}

AnalysisTable practices(const Analysis& a) {
  AnalysisTable t{"Practices",
                  tr("Compendium of successful practices, in the language each State used"),
                  {{tr("Question"), 10},
                   {tr("Label"), 40},
                   {tr("Code"), 7},
                   {tr("State"), 28},
                   {tr("Regional group"), 28},
                   {tr("Language"), 9},
                   {tr("Practice"), 100}},
                  {}};
  for (const auto& q : a.practices)
    for (const auto& p : q.practices)
      t.rows.push_back({Cell::str(q.id), Cell::str(q.label), Cell::str(p.state), Cell::str(p.stateName),
                        Cell::str(p.group), Cell::str(p.language), Cell::str(p.text, p.language)});
  return t;
}

}  // namespace

std::vector<AnalysisTable> analysisTables(const Analysis& a) {
  std::vector<AnalysisTable> out{
      about(a),  rates(a), states(a), answers(a), changes(a), changesByState(a), statisticalTables(a),
      numbers(a)};
  for (auto& t : assistance(a)) out.push_back(std::move(t));
  out.push_back(practices(a));
  out.push_back(provisionCoverageTable(a));
  out.push_back(uncoveredProvisionsTable(a));
  out.push_back(compendiumTable(a));
  return out;
}

std::string fitCell(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  const std::string note =
      " [" + std::string(tr("cut; full text")) + ": " + std::to_string(text.size()) + " " + tr("bytes") + "]";
  std::size_t keep = max - note.size();
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + note;
}

}  // namespace focal
