#include "export/response_export.h"

#include <fmt/format.h>

#include <map>

#include "export/common/output_file.h"
#include "export/data/data_exports.h"
#include "export/print/printed_report.h"
#include "export/report/report_assembly.h"
#include "export/report/report_context.h"
#include "export/report/report_file.h"
#include "forms/answer_text.h"
#include "forms/focal_point.h"

namespace focal {

namespace {

class WorkspaceAttachments : public AttachmentSource {
 public:
  WorkspaceAttachments(Workspace& ws, ResponseId id) : ws_(ws), id_(id) {}
  std::optional<ReportAttachment> attachment(const std::string& path) override {
    auto stored = ws_.attachment(id_, path);
    if (!stored) return std::nullopt;
    ReportAttachment a;
    a.name = stored->info.name;
    a.type = stored->info.type;
    a.data = std::move(stored->data);
    return a;
  }

 private:
  Workspace& ws_;
  ResponseId id_;
};

}  // namespace

void writePrintedOrData(const ReportContext& context, const std::string& format,
                        const std::string& fingerprint, const std::string& output) {
  if (format == "pdf")
    exportPdf(context, {fingerprint}, output);
  else if (format == "html")
    exportHtml(context, {fingerprint}, output);
  else if (format == "csv")
    exportCsv(context, output);
  else if (format == "xlsx")
    exportXlsx(context, output);
  else if (format == "json")
    exportJson(context, output);
  else if (format == "sav")
    exportStatistics(context, output, StatisticsFormat::Spss);
  else if (format == "dta")
    exportStatistics(context, output, StatisticsFormat::Stata);
  else
    throw ExportError(
        fmt::format("There is no export format \"{}\"; choose one of report, pdf, html, csv, "
                    "xlsx, json, sav, dta.",
                    format));
}

const std::vector<std::string>& responseExportFormats() {
  static const std::vector<std::string> formats{"report", "pdf", "html", "csv", "xlsx", "json", "sav", "dta"};
  return formats;
}

std::string exportExtension(const std::string& format) {
  return format == "report" ? ".focalreport" : "." + format;
}

namespace {

// A workspace written before the text rule may hold text no report can
// carry (forms/answer_text.h): name the answers instead of signing them.
void refuseUnfitText(Workspace& ws, ResponseId id, const Questionnaire& questionnaire,
                     const std::vector<ReportAnswer>& answers) {
  std::string list;
  std::size_t count = 0;
  for (const auto& a : answers) {
    std::string problem = checkAnswerText(questionnaire, a.path, a.value);
    if (problem.empty()) continue;
    if (++count <= 5) list += fmt::format("{}{}: {}", list.empty() ? "" : "; ", a.path, problem);
  }
  if (count == 0) return;
  if (count > 5)
    list += fmt::format("; and {} more (focal-cli status {} lists them all)", count - 5, ws.path());
  throw WorkspaceError(
      WorkspaceError::Kind::Refused,
      fmt::format("{}, response {}: {} answers hold text a report cannot carry, so nothing was "
                  "exported or signed. Correct them in Focal or with focal-cli fill, then export "
                  "again. {}",
                  ws.path(), id, count, list));
}

}  // namespace

ResponseExportResult exportResponse(Workspace& ws, ResponseId id, const ResponseExportOptions& options,
                                    const SigningKey& key,
                                    const std::function<void(int done, int total)>& progress) {
  const auto step = [&](int done) {
    if (progress) progress(done, 3);
  };
  const ResponseInfo info = ws.response(id);
  auto questionnaire = ws.questionnaire(id);
  WorkspaceAttachments attachments(ws, id);
  ReportInput input;
  input.questionnaire = questionnaire;
  input.state = info.state;
  input.language = options.language.empty() ? info.language : options.language;
  std::map<std::string, std::string> values;
  for (auto& a : ws.storedAnswers(id)) {
    input.answers.push_back({a.path, a.value, a.changedBy, a.changedAt});
    values.emplace(a.path, a.value);
  }
  // Named on the command line, else the focal point the reply names, else whoever writes.
  input.preparer = options.preparer;
  if (input.preparer.empty()) input.preparer = focalPointName(*questionnaire, values);
  if (input.preparer.empty()) input.preparer = ws.user();
  refuseUnfitText(ws, id, *questionnaire, input.answers);
  input.attachments = &attachments;
  input.status = options.final ? ReportStatus::Final : ReportStatus::Draft;
  step(1);
  ResponseExportResult result;
  NationalReport report = assembleReport(input, &result.warnings);
  result.answers = report.answers.size();
  step(2);
  const std::string status = reportStatusKey(report.metadata.status);
  if (options.format == "report") {
    writeReportFile(report, options.output, &key);
    result.summary = fmt::format(
        "{}: {} national report of {} to {} {}, {} answers, {} attachments; signed with "
        "the key {}",
        options.output, status, info.state, info.questionnaireId, info.questionnaireVersion,
        report.answers.size(), report.attachments.size(), key.fingerprint());
  } else {
    ReportContext context(report, input.language, questionnaire);
    writePrintedOrData(context, options.format, key.fingerprint(), options.output);
    result.summary =
        fmt::format("{}: {} of the {} reply of {} to {} {} ({} answers)", options.output, options.format,
                    status, report.metadata.state, report.metadata.questionnaireId,
                    report.metadata.questionnaireVersion, report.answers.size());
  }
  step(3);
  return result;
}

}  // namespace focal
