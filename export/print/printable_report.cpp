#include "export/print/printable_report.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "export/print/cycle_change_text.h"
#include "export/print/questionnaire_review.h"
#include "export/report/report_assembly.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"
#include "forms/question_kinds.h"

namespace focal {

namespace {

std::string formatNumber(double value) {
  char buffer[64];
  if (std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

class Builder {
 public:
  explicit Builder(const ReportContext& context) : c_(context), l_(context.labels()) {}

  PrintQuestion question(const Question& q, const std::string& base) {
    PrintQuestion p;
    p.id = q.id;
    p.label = c_.filled(q.label);
    p.references = referencesText(q.references, c_.language());
    const PrintedForm form = kindOf(q).printed;
    if (form == PrintedForm::None) {
      p.note = true;
      return p;
    }
    const std::string status = c_.value(withMark(base, "status"));
    switch (form) {
      case PrintedForm::Choices:
        if (q.type == QuestionType::MultipleChoice) {
          p.lines = c_.choiceLabels(q, c_.value(base), c_.value(partPath(base, "other")));
          p.list = true;
        } else if (auto v = c_.value(base); !v.empty()) {
          p.lines = c_.choiceLabels(q, v, c_.value(partPath(base, "other")));
        }
        break;
      case PrintedForm::Citation:
        p.fields = citation(q, base);
        break;
      case PrintedForm::Table:
        table(q, base, p);
        break;
      case PrintedForm::Records:
        records(q, p);
        break;
      case PrintedForm::Computed:
        if (auto v = c_.session().calculated(base); !v.empty()) p.lines = {v};
        p.remark = l_.calculated;
        break;
      case PrintedForm::File:
        if (auto v = c_.value(base); !v.empty()) {
          const ReportAttachment* file = c_.report().attachment(base);
          p.lines = {safeFileName(v) + (file ? " (" + humanSize(file->data.size()) + ")" : "")};
        }
        break;
      case PrintedForm::Paragraphs:
        p.lines = paragraphs(c_.value(base));
        break;
      case PrintedForm::None:
      case PrintedForm::Value:
        if (auto v = c_.value(base); !v.empty()) p.lines = {c_.display(q, v)};
    }
    p.answered = !p.lines.empty() || !p.fields.empty() || p.table || !p.records.empty();
    if (!status.empty())
      p.missing = c_.statusText(status);
    else if (!p.answered)
      p.missing = form == PrintedForm::Records ? l_.noRecords : l_.notAnswered;
    p.comment = c_.value(withMark(base, "comment"));
    if (c_.value(withMark(base, "carried")) == "pending") {
      p.remark = l_.carriedPending;
    } else if (const std::string previous = c_.value(withMark(base, "previous"));
               !previous.empty() && q.repeat < 0) {
      const bool same = answerValues(c_.session().answers(), q.id) == valuesFromJson(previous);
      p.remark = cycleChangeRemark(same ? CycleChange::Unchanged : CycleChange::Changed, c_.language());
    }
    return p;
  }

 private:
  // The citation's fields in their order; none without a title.
  std::vector<PrintField> citation(const Question& q, const std::string& base) {
    std::vector<PrintField> fields;
    const QuestionKind& kind = kindOf(q);
    if (c_.value(partPath(base, kind.valuePart)).empty()) return fields;
    for (const std::string& field : kind.fields)
      if (auto v = c_.value(partPath(base, field)); !v.empty()) fields.push_back({c_.partName(field), v});
    return fields;
  }

  void table(const Question& q, const std::string& base, PrintQuestion& p) {
    bool any = false;
    PrintTable t;
    t.header.push_back("");
    for (const auto& col : q.columns) t.header.push_back(c_.text(col.label));
    t.totalColumn = q.rowTotals;
    if (q.rowTotals) t.header.push_back(l_.total);
    // A total of nothing is left empty rather than printed as 0.
    std::vector<std::optional<double>> columnTotals(q.columns.size() + 1);
    auto add = [](std::optional<double>& total, double d) { total = total.value_or(0) + d; };
    auto show = [](const std::optional<double>& total) {
      return total ? formatNumber(*total) : std::string();
    };
    for (std::size_t k = 0; k < q.rows.size(); ++k) {
      const auto& row = q.rows[k];
      PrintTable::Row r;
      r.header = c_.text(row.label);
      std::optional<double> rowTotal;
      for (std::size_t i = 0; i < q.columns.size(); ++i) {
        std::string v = c_.value(partPath(base, row.id, q.columns[i].id));
        double d;
        if (!v.empty() && parseDecimal(v, d)) {
          any = true;
          // Rows and columns kept out of the totals (`in_total: false`) stay out.
          if (addsToTotal(q, k, i, true)) add(rowTotal, d);
          if (addsToTotal(q, k, i, false)) add(columnTotals[i], d);
          if (addsToTableTotal(q, k, i)) add(columnTotals.back(), d);
        }
        r.cells.push_back(v);
      }
      if (q.rowTotals) r.cells.push_back(show(rowTotal));
      t.rows.push_back(std::move(r));
    }
    if (q.columnTotals) {
      PrintTable::Row r;
      r.header = l_.total;
      r.total = true;
      for (std::size_t i = 0; i < q.columns.size(); ++i) r.cells.push_back(show(columnTotals[i]));
      if (q.rowTotals) r.cells.push_back(show(columnTotals.back()));
      t.rows.push_back(std::move(r));
    }
    if (any) p.table = std::move(t);
  }

  // One line for a question inside a record.
  std::string recordValue(const Question& q, const std::string& base) {
    if (auto status = c_.value(withMark(base, "status")); !status.empty()) return c_.statusText(status);
    switch (kindOf(q).printed) {
      case PrintedForm::Citation: {
        std::string out;
        for (const auto& f : citation(q, base)) out += (out.empty() ? "" : ", ") + f.value;
        return out;
      }
      case PrintedForm::Table: {
        std::string out;
        for (const auto& r : q.rows)
          for (const auto& col : q.columns)
            if (auto v = c_.value(partPath(base, r.id, col.id)); !v.empty())
              out += (out.empty() ? "" : "; ") + c_.text(r.label) + ", " + c_.text(col.label) + ": " + v;
        return out;
      }
      case PrintedForm::Computed:
        return c_.session().calculated(base);
      case PrintedForm::Choices: {
        std::string out;
        for (const auto& label : c_.choiceLabels(q, c_.value(base), c_.value(partPath(base, "other"))))
          out += (out.empty() ? "" : "; ") + label;
        return out;
      }
      case PrintedForm::File: {
        // No file: nothing (safeFileName("") would give the word "attachment").
        const std::string v = c_.value(base);
        return v.empty() ? std::string() : safeFileName(v);
      }
      default:
        return c_.display(q, c_.value(base));
    }
  }

  void records(const Question& q, PrintQuestion& p) {
    int n = 0;
    for (const auto& key : c_.session().records(q.id)) {
      PrintRecord record;
      record.title = fillIn(l_.record, std::to_string(++n));
      for (int child : q.children) {
        const Question& cq = c_.questionnaire().questions[child];
        const std::string base = recordPath(q.id, key, cq.id).str();
        if (kindOf(cq).printed == PrintedForm::None || !c_.session().isRelevant(base)) continue;
        std::string value = recordValue(cq, base);
        PrintField field{c_.filled(cq.label), value, value.empty()};
        if (field.missing) field.value = l_.notAnswered;
        record.fields.push_back(std::move(field));
      }
      p.records.push_back(std::move(record));
    }
  }

  const ReportContext& c_;
  const ReportLabels& l_;
};

}  // namespace

std::string humanSize(std::uint64_t bytes) {
  char buffer[32];
  if (bytes < 1024)
    std::snprintf(buffer, sizeof buffer, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f KB", bytes / 1024.0);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buffer;
}

PrintableReport buildPrintableReport(const ReportContext& context, const PrintOptions& options) {
  const Questionnaire& q = context.questionnaire();
  const ResponseSession& session = context.session();
  const auto& m = context.report().metadata;
  const ReportLabels& l = context.labels();
  PrintableReport out;
  out.language = context.language();
  out.rightToLeft = context.rightToLeft();
  out.labels = &l;
  out.stateName = context.stateName();
  out.stateCode = m.state;
  out.title = context.text(q.info.title);
  out.instrument = instrumentName(q.info.instrument, out.language);
  // Lines Focal composes read in the document's direction, whatever script
  // their first word is in (a right-to-left mark leads them in Arabic).
  const std::string lead = out.rightToLeft ? "\u200F" : "";
  out.questionnaire =
      lead + m.questionnaireId + (out.rightToLeft ? "، " : ", ") + l.version + " " + m.questionnaireVersion;
  out.cycle = std::to_string(m.cycle);
  out.date = m.exportDate();
  out.preparer = m.preparer;
  out.draft = m.status == ReportStatus::Draft;
  out.status = out.draft ? l.draft : l.final;
  out.fingerprint = options.fingerprint;
  const Progress progress = session.progress();
  out.progress =
      lead + fillIn(l.answeredOf, std::to_string(progress.answered), std::to_string(progress.relevant));

  Builder builder(context);
  const auto numbers = displayedSectionNumbers(q);
  // By position in the questionnaire, not among the questions printed, so
  // that 2.3 is the same question in every State's report; `number:` as written.
  const auto questionNumber = displayedQuestionNumbers(q);
  for (std::size_t s = 0; s < q.sections.size(); ++s) {
    if (!session.isSectionRelevant(static_cast<int>(s))) continue;
    const Section& section = q.sections[s];
    PrintSection ps;
    ps.number = numbers[s];
    ps.title = context.text(section.title);
    ps.intro = context.text(section.intro);
    ps.references = referencesText(section.references, out.language);
    ps.depth = section.depth;
    for (int index : section.questions) {
      const Question& question = q.questions[index];
      if (!session.isRelevant(question.id)) continue;
      PrintQuestion pq = builder.question(question, question.id);
      if (auto it = questionNumber.find(question.id); !pq.note && it != questionNumber.end())
        pq.number = it->second;
      ps.questions.push_back(std::move(pq));
    }
    out.sections.push_back(std::move(ps));
  }
  for (const auto& file : context.report().attachments) {
    PrintAttachment a;
    a.name = safeFileName(file.name);
    auto path = parseAnswerPath(file.path);
    std::string owner = path ? (path->repeat.empty() ? path->question : path->repeat) : file.path;
    const Question* question = path ? q.find(path->question) : nullptr;
    auto number = questionNumber.find(owner);
    a.question = (number == questionNumber.end() ? std::string() : number->second + " ") +
                 (question ? context.filled(question->label) : file.path);
    a.size = humanSize(file.data.size());
    a.sha256 = file.sha256;
    out.attachments.push_back(std::move(a));
  }
  return out;
}

}  // namespace focal
