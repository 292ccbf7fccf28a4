#include "export/secretariat/analysis_tables.h"

#include <cmath>
#include <cstdio>

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
void addColumnHeaders(AnalysisTable& t, const Analysis& a, std::string what = {}) {
  if (what.empty()) what = a.tr("States");
  for (const auto& c : a.columns) {
    t.columns.push_back({c.name + ": " + what, 12});
    t.columns.push_back({c.name + ": " + a.tr("share"), 10});
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
  AnalysisTable t{"About", a.tr("What this analysis covers"), {{a.tr("Item"), 28}, {a.tr("Value"), 80}}, {}};
  auto add = [&](const std::string& k, const std::string& v) {
    t.rows.push_back({Cell::str(k), Cell::str(v)});
  };
  add(a.tr("Questionnaire"), a.questionnaireId + " (" + a.tr("version") + " " + a.version + ")");
  add(a.tr("Title"), a.title);
  add(a.tr("Instrument and cycle"), a.instrument + ", " + a.tr("cycle") + " " + std::to_string(a.cycle));
  add(a.tr("Responding States"), std::to_string(a.states.size()));
  add(a.tr("List of States parties"),
      a.partiesAsOf.empty()
          ? a.tr("none known")
          : a.tr("as of") + std::string(" ") + a.partiesAsOf + ", " + a.partiesSource +
                (a.partiesVerified ? std::string()
                                   : std::string(" (") + a.tr("not checked against the depositary's") + ")"));
  add(a.tr("Compared with"), a.previousId.empty() ? a.tr("no previous cycle held") : a.previousId);
  add(a.tr("Language of labels"), a.language);
  add(a.tr("Consolidated store"), a.source);
  add(a.tr("Generated"), a.generatedAt);
  add(a.tr("How to read"),
      a.tr("Each State counts once, with its newest report; only answers to questions that "
           "applied to it count. "
           "Response rates are of the States parties to the instrument; shares of answers "
           "are of the responding "
           "States to which the question applied."));
  return t;
}

AnalysisTable rates(const Analysis& a) {
  AnalysisTable t{"Response rates",
                  a.tr("Replies of States parties, by questionnaire and regional group") +
                      (a.partiesAsOf.empty() ? std::string()
                                             : std::string(" (") + a.tr("list of States parties as of") +
                                                   " " + a.partiesAsOf + ")"),
                  {{a.tr("Questionnaire"), 16},
                   {a.tr("Title"), 50},
                   {a.tr("Instrument"), 10},
                   {a.tr("Cycle"), 7},
                   {a.tr("Group"), 36},
                   {a.tr("States parties"), 10},
                   {a.tr("Replies from States parties"), 10},
                   {a.tr("Response rate"), 10},
                   {a.tr("Replies from signatories"), 10},
                   {a.tr("Replies from States not party"), 10}},
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
                  a.tr("The States whose reports are analysed"),
                  {{a.tr("Code"), 7},
                   {a.tr("State"), 36},
                   {a.tr("Regional group"), 32},
                   {a.tr("Standing"), 12},
                   {a.tr("Language"), 9},
                   {a.tr("Status"), 8},
                   {a.tr("Exported"), 21},
                   {a.tr("Signing key"), 42}},
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
      a.tr("For every closed question, the States giving each answer, overall and by group; shares are "
           "of the States to which the question applied"),
      {{a.tr("Section"), 28},
       {a.tr("Question"), 10},
       {a.tr("Label"), 60},
       {a.tr("Answer"), 28},
       {a.tr("States to which it applied"), 10}},
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
                  a.tr("Carried-forward questions: States whose answer changed since the previous cycle"),
                  {{a.tr("Section"), 28},
                   {a.tr("Question"), 10},
                   {a.tr("Previous cycle's question"), 12},
                   {a.tr("Label"), 60},
                   {a.tr("States in both cycles"), 10},
                   {a.tr("Unchanged"), 10},
                   {a.tr("Changed"), 10},
                   {a.tr("States that changed"), 50}},
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
                  a.tr("Each changed answer, with the previous and the current answer"),
                  {{a.tr("Question"), 10},
                   {a.tr("Label"), 50},
                   {a.tr("Code"), 7},
                   {a.tr("State"), 30},
                   {a.tr("Previous answer"), 40},
                   {a.tr("Current answer"), 40}},
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
      a.tr("Numeric answers across States: count data summed, other numbers as a distribution; special "
           "codes counted apart, never averaged"),
      {{a.tr("Section"), 28},
       {a.tr("Question"), 10},
       {a.tr("Label"), 50},
       {a.tr("Unit"), 12},
       {a.tr("States reporting a number"), 10},
       {a.tr("Sum"), 12},
       {a.tr("Median"), 10},
       {a.tr("Minimum"), 10},
       {a.tr("Maximum"), 10},
       {a.tr("Special codes (States)"), 30}},
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
                       a.tr("States that need assistance to provide the information requested"),
                       {{a.tr("Question"), 10}, {a.tr("Label"), 60}},
                       {}};
  addColumnHeaders(gating, a, a.tr("States needing assistance"));
  for (const auto& f : g.gating) {
    std::vector<Cell> row{Cell::str(f.id), Cell::str(f.label)};
    addCounts(row, f.yes, a.responding);
    gating.rows.push_back(std::move(row));
  }
  out.push_back(std::move(gating));

  AnalysisTable kinds{"TA by kind",
                      a.tr("Technical assistance needed, by kind: States asking for it in any section"),
                      {{a.tr("Kind of assistance"), 36}, {a.tr("Requests (State and section)"), 12}},
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
                         a.tr("Technical assistance needed, by section (asked once per section; the articles "
                              "are those the section "
                              "cites)"),
                         {{a.tr("Section"), 36},
                          {a.tr("Articles the section cites"), 40},
                          {a.tr("States needing assistance"), 12},
                          {a.tr("Share of responding States"), 12}},
                         {}};
  for (const auto& label : g.kindLabels) sections.columns.push_back({label, 12});
  sections.columns.push_back({a.tr("States"), 50});
  for (const auto& section : g.sections) {
    std::vector<Cell> row{Cell::str(section.section), Cell::str(section.articles),
                          Cell::integer(static_cast<double>(section.states.size())),
                          Cell::percent(share(section.states.size(), a.responding[0]))};
    for (std::size_t n : section.byKind) row.push_back(Cell::integer(static_cast<double>(n)));
    row.push_back(Cell::str(join(section.states)));
    sections.rows.push_back(std::move(row));
  }
  out.push_back(std::move(sections));

  AnalysisTable groups{"TA by group",
                       a.tr("Technical assistance needed, by regional group"),
                       {{a.tr("Group"), 36},
                        {a.tr("Responding States"), 12},
                        {a.tr("Needing assistance"), 12},
                        {a.tr("Share"), 10}},
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
                         a.tr("Every request for technical assistance, by State and section"),
                         {{a.tr("Code"), 7},
                          {a.tr("State"), 30},
                          {a.tr("Section"), 36},
                          {a.tr("Articles the section cites"), 40},
                          {a.tr("Kinds of assistance"), 50},
                          {a.tr("Other assistance"), 40}},
                         {}};
  for (const auto& r : g.requests)
    requests.rows.push_back({Cell::str(r.state), Cell::str(r.stateName), Cell::str(r.section),
                             Cell::str(r.articles), Cell::str(r.kinds), Cell::str(r.other)});
  out.push_back(std::move(requests));
  return out;
}

AnalysisTable practices(const Analysis& a) {
  AnalysisTable t{"Practices",
                  a.tr("Compendium of successful practices, in the language each State used"),
                  {{a.tr("Question"), 10},
                   {a.tr("Label"), 40},
                   {a.tr("Code"), 7},
                   {a.tr("State"), 28},
                   {a.tr("Regional group"), 28},
                   {a.tr("Language"), 9},
                   {a.tr("Practice"), 100}},
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

std::string fitCell(const std::string& text, const Translator& t, std::size_t max) {
  if (text.size() <= max) return text;
  const std::string note = " [" + std::string(t.tr("cut; full text")) + ": " + std::to_string(text.size()) +
                           " " + t.tr("bytes") + "]";
  std::size_t keep = max - note.size();
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + note;
}

}  // namespace focal
