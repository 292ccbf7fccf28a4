#include "export/secretariat/analysis_document.h"

#include <algorithm>
#include <cstdio>

#include "export/common/output_file.h"

namespace focal {

namespace {

using Cell = TableCell;

std::string percentText(double fraction) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", fraction * 100);
  return buffer;
}

std::string count(std::size_t n) { return std::to_string(n); }

class Builder {
 public:
  explicit Builder(const Analysis& a) : a_(a) {}

  AnalysisDocument build() {
    doc_.title = a_.tr("Analysis of the national replies");
    doc_.subtitle = a_.title;
    doc_.language = a_.language;
    doc_.translator = a_.translator;
    doc_.cover = {
        a_.instrumentName + ", " + a_.tr("reporting cycle") + " " + std::to_string(a_.cycle) + ": " +
            a_.tr("questionnaire") + " " + a_.questionnaireId + ", " + a_.tr("version") + " " + a_.version,
        rateSentence(),
        a_.tr("Generated") + std::string(" ") + a_.generatedAt + " " + a_.tr("from") + " " + a_.source,
        a_.tr("Each State counts once, with its newest report; only answers to questions that "
              "applied to it count. Response rates are of the States parties to the instrument; "
              "shares of answers are of the responding States to which the question applied.")};
    responses();
    assistance();
    answers();
    statistics();
    changes();
    practices();
    provisions();
    appendCompendium(a_, doc_.blocks);
    annex();
    return std::move(doc_);
  }

 private:
  void heading(int level, std::string text) {
    doc_.blocks.emplace_back(std::in_place_type<DocHeading>, DocHeading{level, std::move(text)});
  }
  void paragraph(std::string text, DocParagraph::Style style = DocParagraph::Style::Body,
                 std::string language = {}) {
    doc_.blocks.emplace_back(std::in_place_type<DocParagraph>,
                             DocParagraph{std::move(text), style, std::move(language)});
  }
  void table(AnalysisTable t) {
    doc_.blocks.emplace_back(std::in_place_type<DocTable>, DocTable{std::move(t), 600});
  }
  void chart(charts::BarChart c) {
    std::string description = c.title + ": ";
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      // Appended piece by piece: `"; " + name` makes g++ 12 at -O3 warn
      // falsely that the copy may overlap (-Wrestrict, GCC bug 105329).
      if (i) description += "; ";
      description += c.categories[i];
      for (const auto& s : c.series) {
        const double v = i < s.values.size() ? s.values[i] : 0;
        description += ' ';
        if (c.series.size() > 1) {
          description += s.name;
          description += ' ';
        }
        description += c.percent ? percentText(v) : count(static_cast<std::size_t>(v));
      }
    }
    doc_.blocks.emplace_back(std::in_place_type<DocChart>, DocChart{std::move(c), std::move(description)});
  }

  // The group columns that have replies, with "(n = ...)" in their names.
  std::vector<std::size_t> columnsWithReplies() const {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < a_.columns.size(); ++c)
      if (a_.responding[c] > 0) out.push_back(c);
    return out;
  }
  std::string columnLabel(std::size_t c) const {
    return a_.columns[c].name + " (n = " + count(a_.responding[c]) + ")";
  }

  // "120 of 180 States parties to the Protocol (67%) replied (list of
  // States parties as of 2024-05-04), and 2 signatories or non-parties".
  std::string rateSentence() const {
    const ResponseRate* rate = a_.rates.empty() ? nullptr : &a_.rates.front();
    if (!rate || rate->parties.empty() || rate->parties[0] == 0)
      return count(a_.responding[0]) + " " + a_.tr("responding States") + " (" +
             a_.tr("no list of States parties to this instrument is known") + ")";
    std::string out = count(rate->responded[0]) + " " + a_.tr("of") + " " + count(rate->parties[0]) + " " +
                      a_.tr("States parties to the") + " " + a_.instrumentName + " (" +
                      percentText(share(rate->responded[0], rate->parties[0])) + ") " + a_.tr("replied") +
                      " (" + a_.tr("list of States parties as of") + " " + a_.partiesAsOf + ")";
    if (rate->signatories + rate->nonParties > 0)
      out += std::string("; ") + a_.tr("also") + " " + count(rate->signatories) + " " + a_.tr("signatories") +
             " " + a_.tr("and") + " " + count(rate->nonParties) + " " + a_.tr("States not party");
    return out;
  }

  void responses() {
    heading(1, a_.tr("Responses"));
    paragraph(rateSentence() + ".");
    if (!a_.partiesAsOf.empty())
      paragraph(
          a_.tr("States parties and signatories as listed by the depositary") + std::string(" (") +
              a_.partiesSource + "), " + a_.tr("as of") + " " + a_.partiesAsOf + "." +
              (a_.partiesVerified
                   ? std::string()
                   : std::string(" ") + a_.tr("This list has not been checked against the depositary's; "
                                              "replace it before publishing (focal-cli analyze --parties "
                                              "FILE).")),
          DocParagraph::Style::Note);
    std::string signatories, nonParties;
    for (const auto& s : a_.states) {
      if (s.standing == Standing::Signatory) signatories += (signatories.empty() ? "" : ", ") + s.name;
      if (s.standing == Standing::NonParty) nonParties += (nonParties.empty() ? "" : ", ") + s.name;
    }
    if (!signatories.empty())
      paragraph(a_.tr("Responding signatories (not parties):") + std::string(" ") + signatories + ".");
    if (!nonParties.empty())
      paragraph(a_.tr("Responding States not party to the instrument:") + std::string(" ") + nonParties +
                ".");
    const ResponseRate* rate = a_.rates.empty() ? nullptr : &a_.rates.front();
    if (rate && !rate->parties.empty() && rate->parties[0] > 0) {
      charts::BarChart c;
      c.title = a_.tr("Response rate by regional group");
      c.subtitle = a_.tr("Share of the group's States parties that replied");
      c.language = a_.language;
      charts::Series s{a_.tr("Response rate"), {}, {}};
      for (std::size_t k = 0; k < a_.columns.size(); ++k) {
        if (rate->parties[k] == 0) continue;
        c.categories.push_back(a_.columns[k].name + " (" + count(rate->responded[k]) + "/" +
                               count(rate->parties[k]) + ")");
        s.values.push_back(share(rate->responded[k], rate->parties[k]));
      }
      c.series.push_back(std::move(s));
      chart(std::move(c));
    }
    if (a_.rates.size() > 1) {
      AnalysisTable t{"",
                      a_.tr("Replies of States parties to every questionnaire held"),
                      {{a_.tr("Questionnaire"), 14}, {a_.tr("Cycle"), 5}},
                      {}};
      for (const auto& column : a_.columns) t.columns.push_back({column.name, 10});
      t.columns.push_back({a_.tr("Signatories and States not party"), 10});
      for (const auto& r : a_.rates) {
        std::vector<Cell> row{Cell::str(r.questionnaireId), Cell::integer(r.cycle)};
        for (std::size_t k = 0; k < a_.columns.size(); ++k)
          row.push_back(r.parties[k]
                            ? Cell::str(count(r.responded[k]) + " " + a_.tr("of") + " " + count(r.parties[k]))
                            : Cell::integer(static_cast<double>(r.responded[k])));
        row.push_back(Cell::integer(static_cast<double>(r.signatories + r.nonParties)));
        t.rows.push_back(std::move(row));
      }
      table(std::move(t));
    }
  }

  void assistance() {
    const auto& g = a_.assistance;
    heading(1, a_.tr("Technical assistance"));
    for (const auto& f : g.gating)
      paragraph(count(f.yes[0]) + " " + a_.tr("of") + " " + count(a_.responding[0]) + " " +
                a_.tr("responding States") + " (" + percentText(share(f.yes[0], a_.responding[0])) + ") " +
                a_.tr("answered yes to the opening question:") + " " + f.label);
    if (g.kinds.empty() && g.sections.empty()) {
      paragraph(a_.tr("The questionnaire asks no technical-assistance questions."),
                DocParagraph::Style::Note);
      return;
    }
    paragraph(count(g.needingAny[0]) + " " + a_.tr("responding States") + " (" +
              percentText(share(g.needingAny[0], a_.responding[0])) + ") " +
              a_.tr("need technical assistance in at least one area."));
    {
      charts::BarChart c;
      c.title = a_.tr("Needs by kind of assistance");
      c.subtitle = a_.tr("Number of States asking for each kind, in any section");
      c.percent = false;
      c.language = a_.language;
      charts::Series s{a_.tr("States"), {}, {}};
      for (std::size_t k = 0; k < g.kinds.size(); ++k) {
        c.categories.push_back(g.kindLabels[k]);
        s.values.push_back(static_cast<double>(g.statesByKind[k][0]));
      }
      c.series.push_back(std::move(s));
      chart(std::move(c));
    }
    {
      charts::BarChart c;
      c.title = a_.tr("Needs by regional group");
      c.subtitle = a_.tr("Share of the group's responding States needing assistance in at least one area");
      c.language = a_.language;
      charts::Series s{a_.tr("Needing assistance"), {}, {}};
      for (std::size_t k : columnsWithReplies()) {
        c.categories.push_back(columnLabel(k));
        s.values.push_back(share(g.needingAny[k], a_.responding[k]));
      }
      c.series.push_back(std::move(s));
      chart(std::move(c));
    }
    if (!g.sections.empty()) {
      charts::BarChart c;
      c.title = a_.tr("Needs by section");
      c.subtitle = a_.tr("Number of States needing assistance in each section; asked once per section");
      c.percent = false;
      c.language = a_.language;
      charts::Series s{a_.tr("States"), {}, {}};
      for (const auto& section : g.sections) {
        c.categories.push_back(section.section);
        s.values.push_back(static_cast<double>(section.states.size()));
      }
      c.series.push_back(std::move(s));
      chart(std::move(c));
    }
    // Compact tables: the workbook has every kind in its own column.
    auto topKinds = [&](const std::vector<std::size_t>& byKind) {
      std::vector<std::size_t> order;
      for (std::size_t k = 0; k < byKind.size(); ++k)
        if (byKind[k] > 0) order.push_back(k);
      std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return byKind[x] > byKind[y]; });
      std::string out;
      for (std::size_t i = 0; i < order.size() && i < 3; ++i)
        out += (i ? ", " : "") + g.kindLabels[order[i]] + " (" + count(byKind[order[i]]) + ")";
      return out;
    };
    AnalysisTable byGroup{"",
                          a_.tr("Needs by regional group"),
                          {{a_.tr("Group"), 26},
                           {a_.tr("Responding"), 9},
                           {a_.tr("Needing assistance"), 9},
                           {a_.tr("Share"), 7},
                           {a_.tr("Most requested kinds (States)"), 40}},
                          {}};
    for (std::size_t k : columnsWithReplies()) {
      std::vector<std::size_t> byKind;
      for (const auto& states : g.statesByKind) byKind.push_back(states[k]);
      byGroup.rows.push_back(
          {Cell::str(a_.columns[k].name), Cell::integer(static_cast<double>(a_.responding[k])),
           Cell::integer(static_cast<double>(g.needingAny[k])),
           Cell::percent(share(g.needingAny[k], a_.responding[k])), Cell::str(topKinds(byKind))});
    }
    table(std::move(byGroup));
    if (!g.sections.empty()) {
      AnalysisTable bySection{"",
                              a_.tr("Needs by section"),
                              {{a_.tr("Section"), 22},
                               {a_.tr("Articles the section cites"), 24},
                               {a_.tr("States needing assistance"), 9},
                               {a_.tr("Share"), 7},
                               {a_.tr("Most requested kinds (States)"), 30}},
                              {}};
      for (const auto& section : g.sections)
        bySection.rows.push_back({Cell::str(section.section), Cell::str(section.articles),
                                  Cell::integer(static_cast<double>(section.states.size())),
                                  Cell::percent(share(section.states.size(), a_.responding[0])),
                                  Cell::str(topKinds(section.byKind))});
      table(std::move(bySection));
      paragraph(
          a_.tr("Technical assistance is asked once per section. The articles are those the section cites; "
                "a need is not reported per article."),
          DocParagraph::Style::Note);
    }
  }

  void answers() {
    heading(1, a_.tr("Answers by question"));
    paragraph(
        a_.tr("For each closed question, the share of the responding States to which it applied giving each "
              "answer, for all States and by regional group. A question asked only after another answer "
              "applied to the States whose answer called for it: their number is given (n = ...), and the "
              "States to which it did not apply are counted apart. \"Information not available\", \"Not "
              "applicable\" and \"Left blank\" are each counted apart."),
        DocParagraph::Style::Note);
    std::string section;
    for (const auto& d : a_.distributions) {
      if (d.section != section) {
        section = d.section;
        heading(2, section);
      }
      heading(3, d.id + "  " + d.label);
      if (d.conditional)
        paragraph(a_.tr("Applied to") + std::string(" ") + count(d.applied[0]) + " " + a_.tr("of") + " " +
                      count(a_.responding[0]) + " " + a_.tr("responding States") + "; " +
                      a_.tr("did not apply to") + " " + count(d.categories.back().counts[0]) + ".",
                  DocParagraph::Style::Note);
      std::vector<std::size_t> columns;
      for (std::size_t k = 0; k < a_.columns.size(); ++k)
        if (d.applied[k] > 0) columns.push_back(k);
      if (columns.empty()) continue;
      charts::BarChart c;
      c.language = a_.language;
      if (d.multiple) {
        c.subtitle =
            a_.tr(
                "Share of the responding States to which the question applied; a State may give several "
                "answers") +
            std::string(" (n = ") + count(d.applied[0]) + ")";
        charts::Series s{a_.tr("All responding States"), {}, {}};
        for (const auto& cat : d.categories) {
          if (cat.value == "did_not_apply") continue;
          if (cat.value.empty() || cat.value == "not_applicable" || cat.value == "not_available") {
            if (cat.counts[0] == 0) continue;
          }
          c.categories.push_back(cat.label + " (" + count(cat.counts[0]) + ")");
          s.values.push_back(share(cat.counts[0], d.applied[0]));
        }
        c.series.push_back(std::move(s));
      } else {
        c.stacked = true;
        c.subtitle = a_.tr("Share of the responding States to which the question applied, by regional group");
        for (std::size_t k : columns)
          c.categories.push_back(a_.columns[k].name + " (n = " + count(d.applied[k]) + ")");
        for (const auto& cat : d.categories) {
          if (cat.value == "did_not_apply") continue;
          bool any = false;
          for (std::size_t n : cat.counts) any |= n > 0;
          if (!any && (cat.value.empty() || cat.value == "not_available" || cat.value == "not_applicable"))
            continue;
          charts::Series s{cat.label, {}, {}};
          if (cat.value.empty())
            s.colour = charts::kNoAnswer;
          else if (cat.value == "not_available" || cat.value == "not_applicable")
            s.colour = charts::kNotAvailable;
          for (std::size_t k : columns) s.values.push_back(share(cat.counts[k], d.applied[k]));
          c.series.push_back(std::move(s));
        }
      }
      chart(std::move(c));
    }
  }

  void statistics() {
    if (a_.tables.empty() && a_.numbers.empty()) return;
    heading(1, a_.tr("Statistics"));
    for (const auto& t : a_.tables) {
      heading(3, t.id + "  " + t.label);
      paragraph(consolidatedTableNote(a_, t), DocParagraph::Style::Note);
      table(consolidatedTable(a_, t));
    }
    if (!a_.numbers.empty()) {
      heading(2, a_.tr("Numeric answers"));
      paragraph(
          a_.tr("Count data are summed; thresholds, ages and penalties are given as a distribution (States, "
                "median, minimum, maximum), never summed or averaged. Special codes (such as 99 for life "
                "imprisonment) are counted apart and left out of the figures."),
          DocParagraph::Style::Note);
      AnalysisTable out{"",
                        "",
                        {{a_.tr("Question"), 34},
                         {a_.tr("States"), 6},
                         {a_.tr("Sum"), 8},
                         {a_.tr("Median"), 8},
                         {a_.tr("Minimum"), 8},
                         {a_.tr("Maximum"), 8},
                         {a_.tr("Special codes (States)"), 20}},
                        {}};
      for (const auto& n : a_.numbers) {
        std::vector<Cell> row{Cell::str(n.id + "  " + n.label + (n.unit.empty() ? "" : " (" + n.unit + ")")),
                              Cell::integer(static_cast<double>(n.states))};
        row.push_back(n.summed && n.states ? Cell::real(n.sum) : Cell{});
        for (double v : {n.median, n.min, n.max}) row.push_back(n.states ? Cell::real(v) : Cell{});
        row.push_back(Cell::str(specialText(n)));
        out.rows.push_back(std::move(row));
      }
      table(std::move(out));
    }
  }

  void changes() {
    heading(1, a_.tr("Changes since the previous cycle"));
    if (a_.previousId.empty() || a_.changes.empty()) {
      paragraph(a_.previousId.empty() ? a_.tr("No replies to the previous cycle's questionnaire are held.")
                                      : a_.tr("No question is carried forward from the previous cycle."),
                DocParagraph::Style::Note);
      return;
    }
    paragraph(a_.tr("Questions carried forward from") + std::string(" ") + a_.previousId + ": " +
              a_.tr("how many States replied in both cycles, and which of them changed their answer."));
    AnalysisTable out{"",
                      "",
                      {{a_.tr("Question"), 34},
                       {a_.tr("Both cycles"), 7},
                       {a_.tr("Unchanged"), 7},
                       {a_.tr("Changed"), 7},
                       {a_.tr("States that changed"), 30}},
                      {}};
    for (const auto& c : a_.changes) {
      std::string states;
      for (const auto& ch : c.changes) states += (states.empty() ? "" : ", ") + ch.state;
      out.rows.push_back({Cell::str(c.id + "  " + c.label), Cell::integer(static_cast<double>(c.both)),
                          Cell::integer(static_cast<double>(c.unchanged)),
                          Cell::integer(static_cast<double>(c.changes.size())), Cell::str(states)});
    }
    table(std::move(out));
  }

  void practices() {
    heading(1, a_.tr("Compendium of successful practices"));
    std::size_t total = 0;
    for (const auto& q : a_.practices) total += q.practices.size();
    if (total == 0) {
      paragraph(a_.tr("No State described a successful practice."), DocParagraph::Style::Note);
      return;
    }
    paragraph(a_.tr("In the words and the language of each State."), DocParagraph::Style::Note);
    for (const auto& q : a_.practices) {
      if (q.practices.empty()) continue;
      heading(2, q.label);
      for (const auto& p : q.practices) {
        paragraph(p.stateName + (p.group.empty() ? "" : " (" + p.group + ")"), DocParagraph::Style::Label);
        paragraph(p.text, DocParagraph::Style::Quote, p.language);
      }
    }
  }

  // Per provision: States parties reporting measures, overall and by group
  // (the workbook has one column per group), and the legislation cited.
  void provisions() {
    if (a_.provisions.empty() && a_.uncoveredProvisions.empty()) return;
    heading(1, a_.tr("Coverage of the provisions"));
    paragraph(
        a_.tr("A State party reports measures for a provision when it answers yes, or cites legislation, "
              "in a question that covers the provision; the base is the States parties that replied."),
        DocParagraph::Style::Note);
    if (!a_.provisions.empty()) {
      AnalysisTable out{"",
                        "",
                        {{a_.tr("Provision"), 30},
                         {a_.tr("Obligation"), 12},
                         {a_.tr("States parties reporting measures"), 14},
                         {a_.tr("By regional group"), 30},
                         {a_.tr("Legislation cited"), 50}},
                        {}};
      for (const auto& p : a_.provisions) {
        std::string groups;
        for (std::size_t c = 1; c < a_.columns.size(); ++c) {
          if (p.replied[c] == 0) continue;
          groups += (groups.empty() ? "" : "; ") + a_.columns[c].name + ": " + count(p.reporting[c]) + " " +
                    a_.tr("of") + " " + count(p.replied[c]);
        }
        std::string legislation;
        for (const auto& l : p.legislation) legislation += (legislation.empty() ? "" : "; ") + l;
        const std::string prefix = p.instrument == a_.instrument ? "" : p.instrument + " ";
        out.rows.push_back({Cell::str(prefix + p.citation + " " + p.title), Cell::str(p.obligation),
                            Cell::str(count(p.reporting[0]) + " " + a_.tr("of") + " " + count(p.replied[0]) +
                                      " (" + percentText(share(p.reporting[0], p.replied[0])) + ")"),
                            Cell::str(groups), Cell::str(legislation)});
      }
      table(std::move(out));
    }
    if (!a_.uncoveredProvisions.empty()) {
      std::string list;
      for (const auto& p : a_.uncoveredProvisions) list += (list.empty() ? "" : "; ") + p;
      paragraph(a_.tr("Provisions no question covers (for the author of the next cycle):") +
                    std::string(" ") + list + ".",
                DocParagraph::Style::Note);
    }
  }

  void annex() {
    heading(1, a_.tr("Annex: responding States"));
    AnalysisTable out{"",
                      "",
                      {{a_.tr("State"), 28},
                       {a_.tr("Regional group"), 22},
                       {a_.tr("Standing"), 10},
                       {a_.tr("Language"), 7},
                       {a_.tr("Report exported"), 18, true}},
                      {}};
    for (const auto& s : a_.states)
      out.rows.push_back({Cell::str(s.name + " (" + s.state + ")"), Cell::str(s.group),
                          Cell::str(s.standingLabel), Cell::str(s.language),
                          Cell::str(s.exportedAt + (s.status == "final" ? "" : " (" + s.status + ")"))});
    table(std::move(out));
  }

  const Analysis& a_;
  AnalysisDocument doc_;
};

}  // namespace

AnalysisDocument analysisDocument(const Analysis& analysis) { return Builder(analysis).build(); }

void writeAnalysis(const Analysis& analysis, AnalysisFormat format, const std::string& output) {
  switch (format) {
    case AnalysisFormat::Xlsx:
      writeWorkbook(analysisTables(analysis), output, analysis.translator);
      break;
    case AnalysisFormat::Csv:
      writeCsvFiles(analysisTables(analysis), output);
      break;
    case AnalysisFormat::Html:
      writeHtml(analysisDocument(analysis), output);
      break;
    case AnalysisFormat::Pdf:
      writePdf(analysisDocument(analysis), output);
      break;
  }
}

}  // namespace focal
