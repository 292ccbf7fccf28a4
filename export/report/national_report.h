// A national report: one State's reply to one questionnaire, as sent to the
// secretariat. This is the content only (metadata, answers, attachments) and
// its canonical digest; the `.focalreport` file that carries it, signed, is
// in report_file.h, and both are specified in docs/report-format.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/common/crypto.h"
#include "forms/clock.h"  // utcNow, for the writers of reports
#include "forms/utf8.h"   // isValidUtf8, for the readers of reports

namespace focal {

inline constexpr int kReportFormatVersion = 1;

enum class ReportStatus { Draft, Final };
const char* reportStatusKey(ReportStatus status);  // "draft", "final"
std::optional<ReportStatus> reportStatusFromKey(std::string_view key);

struct ReportMetadata {
  int formatVersion = kReportFormatVersion;
  std::string state;  // ISO 3166-1 alpha-3
  std::string questionnaireId, questionnaireVersion, questionnaireSha256, questionnaireText;
  std::string instrument;  // "convention", "tip", "som", "firearms"
  int cycle = 1;
  std::string preparer;
  std::string exportedAt;  // UTC, ISO 8601
  std::string focalVersion;
  ReportStatus status = ReportStatus::Draft;
  std::string language;  // the language the reply was written in

  // The metadata table's rows (docs/report-format.md, "metadata").
  std::map<std::string, std::string> toRows() const;
  // Reads the rows back; returns a message naming the first wrong key, or "".
  static std::string fromRows(const std::map<std::string, std::string>& rows, ReportMetadata& out);
  // The date part of exportedAt (YYYY-MM-DD).
  std::string exportDate() const { return exportedAt.substr(0, 10); }
};

struct ReportAnswer {
  std::string path;  // docs/questionnaire-format.md, "Answer values and paths"
  std::string value;
  std::string changedBy, changedAt;
  bool operator==(const ReportAnswer&) const = default;
};

struct ReportAttachment {
  std::string path;    // the attachment question's answer path
  std::string name;    // the file name as given (untrusted when read: use safeName to write it anywhere)
  std::string type;    // media type or extension, as given
  std::string sha256;  // hex SHA-256 of data
  std::vector<unsigned char> data;
  // When a reader left the bytes out (verify: memory bounded by the
  // attachment cap, not the file), their size and SHA-256 stand for them.
  bool dataOmitted = false;
  std::uint64_t dataSize = 0;
  crypto::Digest dataSha256{};
};

struct NationalReport {
  ReportMetadata metadata;
  std::vector<ReportAnswer> answers;          // unique paths
  std::vector<ReportAttachment> attachments;  // unique paths

  // Orders answers and attachments by path, byte by byte (SQLite's BINARY).
  void sort();
  std::map<std::string, std::string> answerMap() const;
  const ReportAttachment* attachment(std::string_view path) const;
};

// SHA-256 of the canonical form of the content (docs/report-format.md,
// "Canonical form"): independent of the file's layout, so any SQLite tool
// that reads the three tables can recompute it.
crypto::Digest contentDigest(const NationalReport& report);

// A file name safe to create: no directories, no control characters, no
// leading dots, at most 120 bytes, never empty ("attachment").
std::string safeFileName(std::string_view name);

}  // namespace focal
