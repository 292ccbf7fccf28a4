// The questionnaire definition: immutable once loaded. Sections and
// questions are held in flat vectors and refer to each other by index, so a
// 2,000-question questionnaire is a few allocations and every lookup by id is
// one hash probe. Loading is in questionnaire_loader.h; the compiled
// expressions and their dependency graph are in dependency_graph.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "forms/dependency_graph.h"
#include "forms/expression.h"
#include "forms/localized_text.h"

namespace focal {

enum class Instrument { Convention, Tip, Som, Firearms };
const char* instrumentKey(Instrument instrument);  // "convention", "tip", ...

enum class QuestionType {
  YesNo,
  SingleChoice,
  MultipleChoice,
  Text,
  LongText,
  Integer,
  Decimal,
  Date,
  Year,
  Country,
  Legislation,
  Attachment,
  Table,
  Repeat,
  Note,
  Calculate,
};
const char* questionTypeKey(QuestionType type);  // "yes_no", "single_choice", ...
std::optional<QuestionType> questionTypeFromKey(const std::string& key);
// Whether a question of this type holds an answer the user gives.
bool takesAnswer(QuestionType type);

// Where something stands in the questionnaire file (1-based; 0 when unknown).
struct SourcePosition {
  int line = 0;
  int column = 0;
};

struct TreatyReference {
  Instrument instrument = Instrument::Convention;
  std::string article;    // "5", "11"
  std::string paragraph;  // "1", "2 (b)"; may be empty
  LocalizedText text;     // the article's text, when the questionnaire gives it
  SourcePosition articlePosition, paragraphPosition;
};

class ProvisionCatalog;  // forms/provisions.h

struct Choice {
  std::string value;
  LocalizedText label;
};

// carry_forward_map: a value of the previous cycle's list and the value of
// this question's list it becomes.
struct ValueMapping {
  std::string from, to;
  SourcePosition fromPosition, toPosition;
};

// A row or column of a statistical table.
struct TableAxisItem {
  std::string id;
  LocalizedText label;
  // `in_total: false`: the row (column) is a different kind of unit (legal
  // persons beside women and men) and is kept out of the totals that cross
  // it: a column's total leaves out the cells of such a row, and the
  // table's total too; the row's own total still adds it up.
  bool inTotal = true;
};

struct CompiledExpression {
  std::string text;
  SourcePosition position;
  SourcePosition start;  // the scalar as written: its opening quote or block indicator, if any
  std::optional<expr::Expression> compiled;  // empty only while loading
  std::string prefix;  // what the scalar holds before the expression: the '=' of a computed default
};

struct SpecialValue {
  double value = 0;
  LocalizedText label;
};

struct Question {
  std::string id;
  QuestionType type = QuestionType::Text;
  SourcePosition position;
  int section = -1;           // index into Questionnaire::sections
  int repeat = -1;            // index of the enclosing repeat question, -1 at top level
  std::vector<int> children;  // for a repeat: indices of its questions

  LocalizedText label, help;
  bool required = false;
  std::optional<CompiledExpression> requiredIf;  // `required: <expression>`
  std::optional<CompiledExpression> relevant;
  std::optional<CompiledExpression> constraint;
  LocalizedText constraintMessage;
  std::optional<CompiledExpression> calculation;  // type `calculate`
  std::string defaultValue;
  SourcePosition defaultPosition;
  // `default: "=expression"`: computed when the question first becomes
  // relevant, never over a value already given.
  std::optional<CompiledExpression> defaultExpression;
  // `warning:` a soft check beside `constraint`: when false, `warning_message`
  // is shown, but the answer stands and a final report is not blocked.
  std::optional<CompiledExpression> warning;
  LocalizedText warningMessage;
  // `read_only: true`: shown, never typed; its value comes from `default` or
  // carry-forward.
  bool readOnly = false;
  std::vector<TreatyReference> references;
  bool allowNotAvailable = true;        // the standard answer "information not available"
  std::string carryForwardFrom;         // id of the matching question of the previous cycle
  SourcePosition carryForwardPosition;  // of the carry_forward_from value
  std::vector<ValueMapping> carryForwardMap;
  // `confirm_carried: required` (or `optional`) on the question; when not
  // given, the questionnaire's `confirm_carried` holds. Required: the carried
  // answer, until confirmed or changed, blocks a final report.
  std::optional<bool> confirmCarried;
  // repeat: `carry_forward_filter`, a condition over a record's fields (the
  // carried values, by this questionnaire's ids): only the previous cycle's
  // records for which it holds are carried forward.
  std::optional<CompiledExpression> carryForwardFilter;
  std::vector<std::string> alsoAskedIn;  // "questionnaire_id:question_id" of the same question elsewhere
  std::vector<std::string> tags;         // gating, technical_assistance, successful_practice

  // single_choice and multiple_choice
  std::vector<Choice> choices;
  bool otherOption = false;  // "Other, please specify" with its text at <id>/other
  // multiple_choice: how many choices an answer must have (0: no bound)
  std::size_t minSelected = 0, maxSelected = 0;
  // `choice_filter`: a condition on each choice (`.` is the choice's value);
  // only the choices for which it holds are offered ("other" always is).
  std::optional<CompiledExpression> choiceFilter;
  // integer, decimal, year, date (bounds as text for dates), table cells
  std::optional<double> min, max;
  // integer and decimal: how the secretariat's analysis summarises the
  // answers across States ("sum": count data; "distribution": N, minimum,
  // median, maximum; "": not declared, a distribution without a sum), and
  // codes that are categories, never numbers (99: life imprisonment).
  std::string summary;
  std::vector<SpecialValue> specialValues;
  std::string minDate, maxDate;
  LocalizedText unit;
  // text, long_text
  std::optional<std::size_t> maxLength;
  // attachment
  std::vector<std::string> allowedTypes;  // lower-case extensions, e.g. "pdf"
  std::uint64_t maxBytes = 0;             // 0: the workspace default
  // table
  std::vector<TableAxisItem> rows, columns;
  bool rowTotals = false, columnTotals = false;
  bool decimalCells = false;
  // repeat
  std::size_t minRecords = 0, maxRecords = 0;  // 0: no maximum
  // `repeat_count`: the number of records follows this number (records are
  // added to reach it; more than it is a problem to resolve).
  std::optional<CompiledExpression> repeatCount;
  // `number`: the number shown and printed instead of the position ("1.2 (a)").
  std::string number;
  SourcePosition numberPosition;
};

// Whether the cell at row `r`, column `c` of table `q` is added into the
// total of its row (`intoRowTotal`) or of its column: a row's total leaves
// out the columns kept out of the totals (`in_total: false`), a column's
// total the rows kept out. The table's total adds the cells added into both.
inline bool addsToTotal(const Question& q, std::size_t r, std::size_t c, bool intoRowTotal) {
  return intoRowTotal ? q.columns[c].inTotal : q.rows[r].inTotal;
}
inline bool addsToTableTotal(const Question& q, std::size_t r, std::size_t c) {
  return q.rows[r].inTotal && q.columns[c].inTotal;
}

struct Section {
  std::string id;
  SourcePosition position;
  int parent = -1;  // index into Questionnaire::sections, -1 for a top-level section
  int depth = 0;
  std::vector<int> subsections;  // indices into Questionnaire::sections
  std::vector<int> questions;    // indices of its top-level questions (not repeat children)
  LocalizedText title, intro;
  std::vector<TreatyReference> references;
  std::optional<CompiledExpression> relevant;
  std::string number;  // `number`: shown instead of the position; "" for the position
};

struct QuestionnaireInfo {
  std::string id;
  LocalizedText title;
  Instrument instrument = Instrument::Convention;
  int cycle = 1;
  std::string version;
  std::vector<std::string> languages;  // the first is the default
  // Languages declared partial ({ar: partial}): still in translation; their
  // missing texts fall back to the default language without a warning.
  std::vector<std::string> partialLanguages;
  bool isPartial(const std::string& language) const {
    for (const auto& l : partialLanguages)
      if (l == language) return true;
    return false;
  }
  std::string previousCycle;        // id of the previous cycle's questionnaire, may be empty
  std::vector<int> referenceYears;  // `reference_years`, in order; empty when not given
  // `confirm_carried: required`: every carried answer must be confirmed (or
  // changed) before a final report.
  bool confirmCarried = false;
};

class Questionnaire {
 public:
  QuestionnaireInfo info;
  std::vector<Section> sections;    // depth-first order; top-level ones have parent -1
  std::vector<Question> questions;  // depth-first order, repeat children right after their repeat
  DependencyGraph graph;
  std::string sourceText;  // the YAML it was loaded from
  std::string sourceName;  // file name, for messages
  // The provisions files of the instruments it cites, by instrumentKey
  // (forms/provisions.h); an instrument whose file is not installed is absent.
  std::map<std::string, std::shared_ptr<const ProvisionCatalog>> provisions;

  const std::string& defaultLanguage() const { return info.languages.front(); }
  const Question* find(const std::string& id) const;
  // Whether the question's carried answer must be confirmed before a final report.
  bool mustConfirmCarried(const Question& question) const {
    return question.confirmCarried.value_or(info.confirmCarried);
  }
  int indexOf(const std::string& id) const;  // -1 when absent
  std::vector<int> topLevelSections() const;

  // Called by the loader once sections and questions are in place.
  void buildIndex();

 private:
  std::unordered_map<std::string, int> byId_;
};

}  // namespace focal
