#include "export/report/national_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>

#include "forms/bidi_controls.h"

namespace focal {

const char* reportStatusKey(ReportStatus status) { return status == ReportStatus::Final ? "final" : "draft"; }

std::optional<ReportStatus> reportStatusFromKey(std::string_view key) {
  if (key == "draft") return ReportStatus::Draft;
  if (key == "final") return ReportStatus::Final;
  return std::nullopt;
}

namespace {

// The metadata keys, in the order the document lists them.
constexpr std::array<const char*, 13> kMetadataKeys{"format_version",
                                                    "state",
                                                    "questionnaire_id",
                                                    "questionnaire_version",
                                                    "questionnaire_sha256",
                                                    "questionnaire_text",
                                                    "instrument",
                                                    "cycle",
                                                    "preparer",
                                                    "exported_at",
                                                    "focal_version",
                                                    "status",
                                                    "language"};

bool parseInt(const std::string& text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool lessBytes(std::string_view a, std::string_view b) {
  // std::string_view compares with char_traits<char>, which is unsigned
  // byte order (memcmp), the same as SQLite's BINARY collation.
  return a < b;
}

}  // namespace

std::map<std::string, std::string> ReportMetadata::toRows() const {
  return {{"format_version", std::to_string(formatVersion)},
          {"state", state},
          {"questionnaire_id", questionnaireId},
          {"questionnaire_version", questionnaireVersion},
          {"questionnaire_sha256", questionnaireSha256},
          {"questionnaire_text", questionnaireText},
          {"instrument", instrument},
          {"cycle", std::to_string(cycle)},
          {"preparer", preparer},
          {"exported_at", exportedAt},
          {"focal_version", focalVersion},
          {"status", reportStatusKey(status)},
          {"language", language}};
}

std::string ReportMetadata::fromRows(const std::map<std::string, std::string>& rows, ReportMetadata& out) {
  for (const auto& row : rows) {
    const std::string& key = row.first;  // named, not a structured binding: lambdas capture it
    if (std::find_if(kMetadataKeys.begin(), kMetadataKeys.end(), [&](const char* k) { return key == k; }) ==
        kMetadataKeys.end())
      return "unknown metadata key '" + key.substr(0, 64) + "'";
  }
  for (const char* key : kMetadataKeys)
    if (!rows.count(key)) return std::string("missing metadata key '") + key + "'";
  ReportMetadata m;
  if (!parseInt(rows.at("format_version"), m.formatVersion)) return "format_version is not a number";
  m.state = rows.at("state");
  m.questionnaireId = rows.at("questionnaire_id");
  m.questionnaireVersion = rows.at("questionnaire_version");
  m.questionnaireSha256 = rows.at("questionnaire_sha256");
  m.questionnaireText = rows.at("questionnaire_text");
  m.instrument = rows.at("instrument");
  if (!parseInt(rows.at("cycle"), m.cycle)) return "cycle is not a number";
  m.preparer = rows.at("preparer");
  m.exportedAt = rows.at("exported_at");
  m.focalVersion = rows.at("focal_version");
  auto status = reportStatusFromKey(rows.at("status"));
  if (!status) return "status is neither 'draft' nor 'final'";
  m.status = *status;
  m.language = rows.at("language");
  out = std::move(m);
  return {};
}

void NationalReport::sort() {
  std::sort(answers.begin(), answers.end(),
            [](const ReportAnswer& a, const ReportAnswer& b) { return lessBytes(a.path, b.path); });
  std::sort(attachments.begin(), attachments.end(),
            [](const ReportAttachment& a, const ReportAttachment& b) { return lessBytes(a.path, b.path); });
}

std::map<std::string, std::string> NationalReport::answerMap() const {
  std::map<std::string, std::string> out;
  for (const auto& a : answers) out.emplace(a.path, a.value);
  return out;
}

const ReportAttachment* NationalReport::attachment(std::string_view path) const {
  for (const auto& a : attachments)
    if (a.path == path) return &a;
  return nullptr;
}

crypto::Digest contentDigest(const NationalReport& report) {
  crypto::Sha256 h;
  auto str = [&h](std::string_view s) { h.updateU64(s.size()).update(s); };
  str("focal-report-content-v1");
  const auto rows = report.metadata.toRows();  // std::map: ordered by key, bytewise
  h.updateU64(rows.size());
  for (const auto& [key, value] : rows) {
    str(key);
    str(value);
  }
  std::vector<const ReportAnswer*> answers;
  for (const auto& a : report.answers) answers.push_back(&a);
  std::sort(answers.begin(), answers.end(), [](auto* a, auto* b) { return lessBytes(a->path, b->path); });
  h.updateU64(answers.size());
  for (const auto* a : answers) {
    str(a->path);
    str(a->value);
    str(a->changedBy);
    str(a->changedAt);
  }
  std::vector<const ReportAttachment*> files;
  for (const auto& a : report.attachments) files.push_back(&a);
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return lessBytes(a->path, b->path); });
  h.updateU64(files.size());
  for (const auto* f : files) {
    str(f->path);
    str(f->name);
    str(f->type);
    h.updateU64(f->dataOmitted ? f->dataSize : f->data.size());
    h.update(f->dataOmitted ? f->dataSha256 : crypto::sha256(f->data));
  }
  return h.finish();
}

std::string safeFileName(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || std::string_view("<>:\"|?*").find(ch) != std::string_view::npos)
      out += '_';
    else
      out += ch;
  }
  if (!isValidUtf8(out)) {
    std::string ascii;
    for (char ch : out) ascii += static_cast<unsigned char>(ch) < 0x80 ? ch : '_';
    out = ascii;
  }
  // Bidirectional controls can make "gpj.exe" read as "exe.jpg": drop them.
  for (std::size_t i = 0; i + 2 < out.size();) {
    const bool mark = out.compare(i, 3, "\u200E") == 0 || out.compare(i, 3, "\u200F") == 0;  // LRM, RLM
    if (mark || bidiControlAt(out, i))
      out.erase(i, 3);
    else
      ++i;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  // Windows device names, whatever the extension.
  std::string stem = out.substr(0, out.find('.'));
  std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::toupper(c); });
  static const char* devices[] = {"CON", "PRN", "AUX", "NUL"};
  bool device =
      std::any_of(std::begin(devices), std::end(devices), [&](const char* d) { return stem == d; }) ||
      (stem.size() == 4 && (stem.compare(0, 3, "COM") == 0 || stem.compare(0, 3, "LPT") == 0) &&
       std::isdigit(static_cast<unsigned char>(stem[3])));
  if (device) out = "_" + out;
  constexpr std::size_t kMax = 120;
  if (out.size() > kMax) {
    auto dot = out.rfind('.');
    std::string ext = dot != std::string::npos && out.size() - dot <= 16 ? out.substr(dot) : std::string();
    std::size_t keep = kMax - ext.size();
    while (keep > 0 && (static_cast<unsigned char>(out[keep]) & 0xC0) == 0x80) --keep;  // a whole character
    out = out.substr(0, keep) + ext;
  }
  return out.empty() ? "attachment" : out;
}

}  // namespace focal
