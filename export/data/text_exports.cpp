// CSV and JSON: the long form of export_rows.h, text kept whole.
#include <nlohmann/json.hpp>

#include "export/common/formula_guard.h"
#include "export/common/output_file.h"
#include "export/data/data_exports.h"
#include "export/data/export_rows.h"
#include "forms/countries.h"

namespace focal {

namespace {

void appendCsvField(std::string& out, const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void appendCsvRow(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    appendCsvField(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string cutMarker(std::size_t totalCharacters) {
  return " [... cut here: the text has " + std::to_string(totalCharacters) +
         " characters in all; the CSV and JSON exports hold it whole]";
}

std::string csvText(const ReportContext& context) {
  std::string out = "\xEF\xBB\xBF";
  appendCsvRow(out, exportRowHeader());
  const std::size_t valueColumn = 10, labelColumn = 11;
  for (const auto& row : exportRows(context)) {
    auto fields = exportRowFields(context, row);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      // A number stays a number (a negative one is no formula); everything else is made inert.
      if (row.numeric && (i == valueColumn || i == labelColumn) && fields[i] == row.value) continue;
      fields[i] = neutralizeFormula(fields[i]);
    }
    appendCsvRow(out, fields);
  }
  return out;
}

void exportCsv(const ReportContext& context, const std::string& path) {
  writeFileAtomically(path, csvText(context));
}

std::string jsonText(const ReportContext& context) {
  using json = nlohmann::ordered_json;
  const auto& m = context.report().metadata;
  const Questionnaire& q = context.questionnaire();
  json j;
  j["format"] = "focal-response";
  j["format_version"] = 1;
  j["state"] = {{"code", m.state}, {"name", context.stateName()}};
  j["questionnaire"] = {{"id", m.questionnaireId},         {"version", m.questionnaireVersion},
                        {"sha256", m.questionnaireSha256}, {"title", context.text(q.info.title)},
                        {"instrument", m.instrument},      {"cycle", m.cycle}};
  j["language"] = context.language();
  j["status"] = reportStatusKey(m.status);
  j["preparer"] = m.preparer;
  j["exported_at"] = m.exportedAt;
  j["focal_version"] = m.focalVersion;
  j["answers"] = json::array();
  auto optional = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  for (const auto& row : exportRows(context)) {
    json a = {{"path", row.path},
              {"question", row.question},
              {"repeat", optional(row.repeat)},
              {"record", optional(row.record)},
              {"record_number", row.recordNumber ? json(row.recordNumber) : json(nullptr)},
              {"part", optional(row.part)},
              {"mark", optional(row.mark)},
              {"value", row.value},
              {"label", row.label},
              {"calculated", row.calculated},
              {"changed_by", optional(row.changedBy)},
              {"changed_at", optional(row.changedAt)}};
    j["answers"].push_back(std::move(a));
  }
  j["attachments"] = json::array();
  for (const auto& f : context.report().attachments)
    j["attachments"].push_back({{"path", f.path},
                                {"name", f.name},
                                {"type", f.type},
                                {"size", f.data.size()},
                                {"sha256", f.sha256}});
  // Invalid UTF-8 cannot reach here (reports are checked), but never throw over it.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void exportJson(const ReportContext& context, const std::string& path) {
  writeFileAtomically(path, jsonText(context));
}

}  // namespace focal
