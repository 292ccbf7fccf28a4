#include "export/data/codebook.h"

#include <algorithm>

#include "export/common/formula_guard.h"
#include "export/common/output_file.h"
#include "export/data/wide_row.h"
#include "export/print/questionnaire_review.h"
#include "export/report/report_context.h"
#include "forms/markup_escape.h"
#include "forms/question_kinds.h"

namespace focal {

namespace {

std::string number(double n) {
  std::string s = std::to_string(n);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void add(std::string& out, const std::string& item) {
  if (!item.empty()) out += (out.empty() ? "" : "; ") + item;
}

// The conditions of the sections around a question, its repeat's and its own, in words.
std::string askedIf(const Questionnaire& q, const Question& question, const std::string& language) {
  std::vector<std::string> conditions;
  auto condition = [&](const std::optional<CompiledExpression>& e) {
    if (e) conditions.push_back(conditionInWords(q, e->text, language));
  };
  std::vector<int> chain;
  for (int s = question.section; s >= 0; s = q.sections[s].parent) chain.push_back(s);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) condition(q.sections[*it].relevant);
  if (question.repeat >= 0) condition(q.questions[question.repeat].relevant);
  condition(question.relevant);
  if (conditions.empty()) return "Always";
  std::string out = "If ";
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    const bool compound = conditions.size() > 1 && (conditions[i].find(" or ") != std::string::npos);
    out += (i ? " and " : "") + (compound ? "(" + conditions[i] + ")" : conditions[i]);
  }
  return out;
}

std::string checksOf(const Questionnaire& q, const Question& question, const std::string& language) {
  std::string out;
  if (question.requiredIf)
    add(out, "required if " + conditionInWords(q, question.requiredIf->text, language));
  else if (question.required)
    add(out, "required");
  if (question.constraint) {
    std::string c = "constraint: " + question.constraint->text;
    if (!question.constraintMessage.empty())
      c += " (\"" + question.constraintMessage.get(language, q.defaultLanguage()) + "\")";
    add(out, c);
  }
  if (question.warning) {
    std::string c = "warning: " + question.warning->text;
    if (!question.warningMessage.empty())
      c += " (\"" + question.warningMessage.get(language, q.defaultLanguage()) + "\")";
    add(out, c);
  }
  if (question.min) add(out, "min " + number(*question.min));
  if (question.max) add(out, "max " + number(*question.max));
  if (!question.minDate.empty()) add(out, "from " + question.minDate);
  if (!question.maxDate.empty()) add(out, "until " + question.maxDate);
  if (question.maxLength) add(out, "at most " + std::to_string(*question.maxLength) + " characters");
  if (question.calculation) add(out, "computed as " + question.calculation->text);
  return out;
}

std::string valuesOf(const WideVariable& v) {
  std::string out;
  const Question* q = v.question;
  for (std::size_t i = 0; i < v.valueLabels.size(); ++i) {
    const auto& [code, label] = v.valueLabels[i];
    std::string stored;
    // What the CSV and XLSX exports hold for this code.
    const ExportColumns columns = q ? kindOf(*q).columns : ExportColumns::None;
    if (columns == ExportColumns::Choice)
      stored = i < q->choices.size() ? q->choices[i].value : "other";
    else if (columns == ExportColumns::YesNo)
      stored = code == 1 ? "yes" : "no";
    add(out, std::to_string(code) + " = " + label + (stored.empty() ? "" : " [" + stored + "]"));
  }
  return out;
}

std::string typeOf(const Questionnaire& q, const WideVariable& v,
                   const std::map<std::string, std::string>& numbers) {
  if (!v.question) return "text";
  std::string type = questionTypeKey(v.question->type);
  const char* storage = v.kind == WideVariable::Kind::Coded    ? "coded"
                        : v.kind == WideVariable::Kind::Number ? "number"
                                                               : "text";
  type += std::string(" (") + storage + ")";
  if (!v.choice.empty()) type += ", 1 if '" + v.choice + "' is chosen";
  if (kindOf(*v.question).columns == ExportColumns::Records) type += ", the number of records";
  if (v.record > 0) {
    const Question& repeat = q.questions[v.question->repeat];
    auto it = numbers.find(repeat.id);
    type += ", one per record of " + (it == numbers.end() ? repeat.id : it->second) +
            " (_1 is the first record, _2 the second...)";
  }
  return type;
}

}  // namespace

Codebook buildCodebook(std::shared_ptr<const Questionnaire> questionnaire, const std::string& language) {
  const Questionnaire& q = *questionnaire;
  if (std::find(q.info.languages.begin(), q.info.languages.end(), language) == q.info.languages.end()) {
    std::string languages;
    for (const auto& l : q.info.languages) languages += (languages.empty() ? "" : " ") + l;
    throw ExportError("the questionnaire has no language '" + language + "'; it has " + languages);
  }
  // An empty response: the layout of the variables does not depend on answers.
  NationalReport report;
  report.metadata.questionnaireId = q.info.id;
  report.metadata.questionnaireVersion = q.info.version;
  report.metadata.instrument = instrumentKey(q.info.instrument);
  report.metadata.cycle = q.info.cycle;
  report.metadata.language = language;
  ReportContext context(report, language, questionnaire);

  Codebook book;
  book.title = q.info.title.get(language, q.defaultLanguage());
  book.questionnaireId = q.info.id;
  book.version = q.info.version;
  book.language = language;
  book.previousCycle = q.info.previousCycle;
  const auto numbers = displayedQuestionNumbers(q);
  VariableNamer spss(VariableNamer::Rules::Spss), stata(VariableNamer::Rules::Stata);
  auto variables = identifyingVariables(context);
  const std::vector<std::string> identifyingColumns{"state", "questionnaire", "version", ""};
  for (std::size_t i = 0; i < variables.size(); ++i) {
    CodebookEntry e;
    e.spss = spss.name(variables[i].wantedName);
    e.stata = stata.name(variables[i].wantedName);
    e.question = identifyingColumns[i].empty() ? "" : "(column " + identifyingColumns[i] + ")";
    e.label = variables[i].label;
    e.type = "text";
    e.values = variables[i].wantedName == "status" ? "draft; final" : "";
    e.asked = "Always";
    book.entries.push_back(std::move(e));
  }
  for (const auto& v : wideLayout(context)) {
    CodebookEntry e;
    e.spss = spss.name(v.wantedName);
    e.stata = stata.name(v.wantedName);
    e.question = v.question->id;
    e.part = v.part;
    auto it = numbers.find(v.question->id);
    e.number = it == numbers.end() ? "" : it->second;
    e.label = v.label;
    e.type = typeOf(q, v, numbers);
    e.values = valuesOf(v);
    e.asked = askedIf(q, *v.question, language);
    e.checks = checksOf(q, *v.question, language);
    if (!v.question->carryForwardFrom.empty())
      e.source = (q.info.previousCycle.empty() ? std::string("previous cycle") : q.info.previousCycle) +
                 ": " + v.question->carryForwardFrom;
    book.entries.push_back(std::move(e));
  }
  return book;
}

const std::vector<std::string>& codebookHeader() {
  static const std::vector<std::string> header{
      "variable", "stata_name",           "question", "part", "number", "label", "type", "values", "asked",
      "checks",   "previous_cycle_source"};
  return header;
}

std::vector<std::string> codebookFields(const CodebookEntry& e) {
  return {e.spss, e.stata,  e.question, e.part,   e.number, e.label,
          e.type, e.values, e.asked,    e.checks, e.source};
}

std::string codebookCsv(const Codebook& book) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      const std::string field = neutralizeFormula(fields[i]);
      if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        continue;
      }
      out += '"';
      for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  };
  row(codebookHeader());
  for (const auto& e : book.entries) row(codebookFields(e));
  return out;
}

std::string codebookHtml(const Codebook& book) {
  const bool rtl = isRightToLeft(book.language);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + htmlEscape(book.language) + "\"" + (rtl ? " dir=\"rtl\"" : "") +
      ">\n<head>\n<meta charset=\"utf-8\">\n<title>Codebook - " + htmlEscape(book.title) +
      "</title>\n<style>\nbody{font-family:'Noto Sans',sans-serif;font-size:13px;margin:2em;}\n"
      "table{border-collapse:collapse;width:100%;}\nth,td{border:1px solid #b8c2d1;padding:4px "
      "6px;vertical-align:top;text-align:start;}\nth{background:#dce6f1;position:sticky;top:0;}\n"
      "td.name{font-family:monospace;white-space:nowrap;}\n</style>\n</head>\n<body>\n";
  out +=
      "<h1>Codebook: " + htmlEscape(book.title) + "</h1>\n<p>" + htmlEscape(book.questionnaireId) +
      ", version " + htmlEscape(book.version) + ", language " + htmlEscape(book.language) +
      ". One row per variable of the SPSS (.sav) and Stata (.dta) exports; <code>question</code> and "
      "<code>part</code> are the columns of the CSV and XLSX exports that hold the same answer. A question "
      "with a status (information not available, not applicable) has one more variable, its name followed "
      "by <code>_status</code>.</p>\n<table>\n<thead><tr>";
  for (const auto& h : codebookHeader()) out += "<th>" + htmlEscape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& e : book.entries) {
    out += "<tr>";
    const auto fields = codebookFields(e);
    for (std::size_t i = 0; i < fields.size(); ++i)
      out += std::string(i < 2 ? "<td class=\"name\">" : "<td>") + htmlEscape(fields[i]) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

void writeCodebook(const Codebook& book, CodebookFormat format, const std::string& path) {
  switch (format) {
    case CodebookFormat::Html:
      return writeFileAtomically(path, codebookHtml(book));
    case CodebookFormat::Csv:
      return writeFileAtomically(path, codebookCsv(book));
    case CodebookFormat::Xlsx:
      return writeCodebookXlsx(book, path);
    case CodebookFormat::Pdf:
      return writeCodebookPdf(book, path);
  }
}

}  // namespace focal
