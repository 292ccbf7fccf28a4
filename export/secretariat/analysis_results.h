// The secretariat's analysis of one questionnaire's replies, as plain
// figures: response rates; for every closed question, the count and share
// of responding States by answer, overall and by regional group; the
// changes since the previous cycle for carried-forward questions; the
// statistical tables and numbers summed across States; the
// technical-assistance gap analysis; and the compendium of successful
// practices. Only answers of relevant questions count (the store keeps
// relevance from import). The writers (workbook, CSV, HTML, PDF) render
// these figures and compute none of their own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "export/secretariat/analysis_data.h"
#include "export/secretariat/analysis_parties.h"
#include "forms/translator.h"

namespace focal {

// A column of the breakdowns: all responding States, then each regional
// group, then the States not in any regional group (the parties that are
// not United Nations Member States, such as the European Union or the Holy
// See) when one replied or is a party.
struct AnalysisColumn {
  std::string id;           // "all", a group id, or "other"
  std::string name;         // in the analysis language
  std::size_t parties = 0;  // States parties to the questionnaire's instrument in the column
};

struct RespondingState {
  std::string state, name, group, language, status, exportedAt, fingerprint;
  Standing standing = Standing::Party;  // to the questionnaire's instrument
  std::string standingLabel;            // "State party", "signatory", "not a party"
};

// Replies to one questionnaire: the States parties to its instrument that
// replied, of how many, per column; the replies of signatories and
// non-parties are counted apart.
struct ResponseRate {
  std::string questionnaireId, title, instrument;
  int cycle = 1;
  std::vector<std::size_t> responded;           // States parties replying, per column
  std::vector<std::size_t> parties;             // States parties, per column (0: no list for the instrument)
  std::size_t signatories = 0, nonParties = 0;  // replies from States that are not parties
};

struct AnswerCategory {
  // a choice value, "other", "not_available", "not_applicable" (marked so by
  // the State), "" (left blank) or "did_not_apply" (the question's condition
  // was not met in the State's reply)
  std::string value;
  std::string label;
  std::vector<std::size_t> counts;  // States, per column
};

struct QuestionDistribution {
  std::string id, label, section;
  bool multiple = false;  // multiple choice: a State may count under several answers
  // Whether the question applies only after another answer (its or its
  // section's `relevant`): then "did not apply" is counted apart and
  // shares are of `applied`.
  bool conditional = false;
  std::vector<AnswerCategory>
      categories;                    // the answers, not available, not applicable, left blank, did not apply
  std::vector<std::size_t> applied;  // States to which the question applied, per column: the base of shares
};

struct ChangedAnswer {
  std::string state, stateName, previous, current;
};

struct CycleComparison {
  std::string id, previousId, label, section;
  std::size_t both = 0;       // States that replied in both cycles
  std::size_t unchanged = 0;  // of which gave the same answer
  std::vector<ChangedAnswer> changes;
};

struct CellTotal {
  double sum = 0;
  std::size_t states = 0;  // States that gave this cell
};

// A total of a statistical table across States: the sum of the cells it
// adds (rows and columns kept out of the totals are not added), the States
// that gave any of them, and whether those cells were given by different
// sets of States (one State gave a cell another left blank), so that the
// total mixes what different States reported.
struct TotalFigure {
  double sum = 0;
  std::size_t states = 0;
  bool mixed = false;
};

struct TableTotals {
  std::string id, label, section;
  std::vector<std::string> rows, columns;       // labels
  std::vector<char> rowInTotal, columnInTotal;  // `in_total` of each row and column
  std::vector<std::vector<CellTotal>> cells;    // [row][column]
  std::vector<TotalFigure> rowTotals, columnTotals;
  TotalFigure total;
  std::size_t states = 0;  // States that gave any cell
};

// A number question across States, as its `summary` declares: count data
// summed; thresholds, ages and penalties as a distribution (States,
// minimum, median, maximum) with no sum. Special codes (99: life
// imprisonment) are counted as categories and left out of the figures.
struct SpecialCount {
  std::string label;
  double value = 0;
  std::size_t states = 0;
};

struct NumberSummary {
  std::string id, label, section, unit;
  bool summed = false;     // `summary: sum`: the sum means something
  std::size_t states = 0;  // States giving a number (not a special code)
  double sum = 0, median = 0, min = 0, max = 0;
  std::vector<SpecialCount> special;  // per declared code
};

// Technical assistance is asked once per section: the needs are counted
// per section, with the articles the section cites as context (a need is
// never credited to each article on its own).
struct AssistanceSection {
  std::string section;              // "2 Victims"
  std::string articles;             // "Trafficking in Persons Protocol, art. 6; ..."
  std::vector<std::string> states;  // codes of the States that need assistance in the section
  std::vector<std::size_t> byKind;  // States, per kind
};

struct AssistanceRequest {
  std::string state, stateName, section, articles, kinds, other;  // articles: those the section cites
};

struct GatingFigure {
  std::string id, label;
  std::vector<std::size_t> yes;  // States answering yes, per column
};

struct AssistanceGaps {
  std::vector<GatingFigure> gating;
  std::vector<std::string> kinds, kindLabels;          // the assistance kinds, then "other" when offered
  std::vector<std::vector<std::size_t>> statesByKind;  // [kind][column]: States asking for it in any section
  std::vector<std::size_t> requestsByKind;             // [kind]: requests, one per State and section
  std::vector<std::size_t> needingAny;                 // [column]: States needing assistance in any section
  std::vector<AssistanceSection> sections;             // in questionnaire order
  std::vector<AssistanceRequest> requests;
};

struct Practice {
  std::string state, stateName, group, language, text;
};

struct PracticeQuestion {
  std::string id, label, section;
  std::vector<Practice> practices;  // by State name
};

// One provision of the instrument that questions cover: how many States
// parties that replied report measures for it (a "yes" to a covering yes/no
// question or a citation in a covering legislation question), per column,
// and the legislation they cite (analysis_provisions.cpp).
struct ProvisionCoverageRow {
  std::string instrument;  // instrumentKey; another instrument's when the questionnaire cites it
  std::string citation, title, summary, obligation, themes, questions;
  std::vector<std::size_t> reporting;    // States parties reporting measures, per column
  std::vector<std::size_t> replied;      // States parties that replied, per column: the base
  std::vector<std::string> legislation;  // "Brazil: Penal Code, art. 149-A, 2016-10-06"
};

// One act a State cited for one provision (analysis_compendium.cpp): the
// legislation compendium, per State and article. An act cited in a question
// that covers no provision has an empty provision.
struct CitedAct {
  std::string instrument, instrumentName;  // instrumentKey, and its name in the analysis language
  std::string provision, provisionTitle;   // "art. 5, para. 1", "Criminalization"
  std::size_t order = 0;                   // the provision's place: own instrument first, in file order
  std::string group, state, stateName, question;
  std::string language;                    // of the State's report, the language of the act's title
  std::string title, article, date, link;  // the citation's parts, as the State gave them
};

struct Analysis {
  std::string questionnaireId, title, version, instrument, previousId;
  std::string instrumentName;  // "Trafficking in Persons Protocol", in the analysis language
  int cycle = 1;
  std::string language, generatedAt, source;
  Translator translator;  // bound to `language`: every document of the analysis is worded with it
  const char* tr(const char* message) const { return translator.tr(message); }
  template <typename... Args>
  std::string msg(const char* text, Args&&... args) const {
    return translator.msg(text, std::forward<Args>(args)...);
  }
  std::string plural(std::size_t count, const char* one, const char* many) const {
    return translator.plural(count, one, many);
  }
  std::vector<AnalysisColumn> columns;
  std::vector<std::size_t> responding;  // States replying, per column
  std::vector<RespondingState> states;
  // The list of States parties: its date and source, and whether it covers
  // the instrument ("" as of date: no list).
  std::string partiesAsOf, partiesSource;
  bool partiesVerified = false;
  std::vector<ResponseRate> rates;  // every questionnaire held, this one first
  std::vector<QuestionDistribution> distributions;
  std::vector<CycleComparison> changes;
  std::vector<TableTotals> tables;
  std::vector<NumberSummary> numbers;
  AssistanceGaps assistance;
  std::vector<PracticeQuestion> practices;
  std::vector<ProvisionCoverageRow> provisions;  // of the instrument, then other instruments cited
  std::vector<std::string> uncoveredProvisions;  // "art. 7 (Measures to combat money-laundering)"
  // Sorted by instrument, provision, regional group, State and act.
  std::vector<CitedAct> compendium;
};

Analysis analyse(const AnalysisInput& input);

// Helpers shared by the analyses (analysis_results.cpp).
namespace analysis_detail {
struct Context;
void assistanceGaps(const Context& context, Analysis& out);
void practices(const Context& context, Analysis& out);
void provisionCoverage(const Context& context, Analysis& out);
void legislationCompendium(const Context& context, Analysis& out);
}  // namespace analysis_detail

// The share count/base as a fraction, 0 when the base is 0.
inline double share(std::size_t count, std::size_t base) {
  return base == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(base);
}

}  // namespace focal
