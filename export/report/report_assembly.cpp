#include "export/report/report_assembly.h"

#include <algorithm>
#include <ctime>

#include "forms/answer_path.h"
#include "forms/answer_value.h"

namespace focal {

namespace {

std::string joinProblems(const std::vector<ReadinessProblem>& problems) {
  std::string text = std::to_string(problems.size()) +
                     (problems.size() == 1 ? " question keeps" : " questions keep") +
                     " the report from being final:";
  for (const auto& p : problems) text += "\n  " + p.describe();
  return text;
}

}  // namespace

std::string ReadinessProblem::describe() const {
  std::string where = section.empty() ? std::string() : section + " > ";
  return where + label + " (" + path + "): " + message;
}

ReportNotReady::ReportNotReady(std::vector<ReadinessProblem> problems)
    : std::runtime_error(joinProblems(problems)), problems_(std::move(problems)) {}

std::vector<ReadinessProblem> finalReportProblems(const ResponseSession& session) {
  const Questionnaire& q = session.questionnaire();
  const auto numbers = displayedSectionNumbers(q);
  const std::string& language = session.language();
  std::vector<ReadinessProblem> out;
  for (const auto& problem : session.problems()) {
    if (!problem.blocking()) continue;
    ReadinessProblem p;
    p.path = problem.path;
    p.message = problem.message;
    if (problem.question >= 0) {
      const Question& question = q.questions[problem.question];
      p.label = question.label.get(language, q.defaultLanguage());
      int section = question.repeat >= 0 ? q.questions[question.repeat].section : question.section;
      if (section >= 0)
        p.section = numbers[section] + " " + q.sections[section].title.get(language, q.defaultLanguage());
    }
    out.push_back(std::move(p));
  }
  return out;
}

bool isExportedPath(const ResponseSession& session, const std::string& path) {
  auto parsed = parseAnswerPath(path);
  if (!parsed) return false;
  const Questionnaire& q = session.questionnaire();
  const Question* question = q.find(parsed->question);
  if (!question || !takesAnswer(question->type)) return false;
  if (!checkPathFits(*question, *parsed).empty()) return false;
  if (question->repeat >= 0) {
    if (parsed->repeat != q.questions[question->repeat].id) return false;
    return session.isRelevant(recordPath(parsed->repeat, parsed->recordKey, question->id).str());
  }
  if (!parsed->repeat.empty()) return false;
  return session.isRelevant(question->id);
}

NationalReport assembleReport(const ReportInput& input, std::vector<std::string>* warnings) {
  if (!input.questionnaire) throw std::invalid_argument("assembleReport: no questionnaire");
  const Questionnaire& q = *input.questionnaire;
  std::string language = input.language.empty() ? q.defaultLanguage() : input.language;
  if (std::find(q.info.languages.begin(), q.info.languages.end(), language) == q.info.languages.end()) {
    if (warnings)
      warnings->push_back("the questionnaire has no language '" + language + "'; " + q.defaultLanguage() +
                          " is used");
    language = q.defaultLanguage();
  }
  ResponseSession session(input.questionnaire, language);
  if (!input.today.empty()) session.setToday(input.today);
  std::map<std::string, std::string> values;
  for (const auto& a : input.answers) values[a.path] = a.value;
  session.load(std::move(values));
  if (input.status == ReportStatus::Final) {
    auto problems = finalReportProblems(session);
    if (!problems.empty()) throw ReportNotReady(std::move(problems));
  }

  NationalReport report;
  auto& m = report.metadata;
  m.state = input.state;
  m.questionnaireId = q.info.id;
  m.questionnaireVersion = q.info.version;
  m.questionnaireText = q.sourceText;
  m.questionnaireSha256 = sha256Hex(q.sourceText);
  m.instrument = instrumentKey(q.info.instrument);
  m.cycle = q.info.cycle;
  m.preparer = input.preparer;
  m.exportedAt = input.exportedAt.empty() ? utcNow() : input.exportedAt;
  m.focalVersion = FOCAL_VERSION;
  m.status = input.status;
  m.language = language;

  for (const auto& a : input.answers) {
    if (a.value.empty()) continue;
    if (!isExportedPath(session, a.path)) continue;
    report.answers.push_back(a);
    auto parsed = parseAnswerPath(a.path);
    const Question* question = q.find(parsed->question);
    if (question->type != QuestionType::Attachment || !parsed->mark.empty()) continue;
    std::optional<ReportAttachment> file =
        input.attachments ? input.attachments->attachment(a.path) : std::nullopt;
    if (!file) {
      if (warnings)
        warnings->push_back("the file for " + a.path + " (" + a.value + ") is missing; it is left out");
      continue;
    }
    file->path = a.path;
    file->sha256 = sha256Hex(file->data);
    report.attachments.push_back(std::move(*file));
  }
  report.sort();
  auto duplicate = std::adjacent_find(report.answers.begin(), report.answers.end(),
                                      [](const auto& x, const auto& y) { return x.path == y.path; });
  if (duplicate != report.answers.end())
    throw std::invalid_argument("assembleReport: the answer " + duplicate->path + " is given twice");
  return report;
}

}  // namespace focal
