// The `.focalreport` file (docs/report-format.md): a SQLite database with
// four tables (metadata, answers, attachments, signature) followed by a
// 120-byte seal. The signature row signs the canonical content digest
// (national_report.h), which any SQLite tool can recompute; the seal signs
// every byte before it, so that no byte of the file can change unnoticed.
//
// Reading treats the file as hostile: the whole file is read once (size
// capped), the seal checked on those bytes, and the database opened from
// memory, read-only, in SQLite's defensive mode with no triggers or views,
// checked with quick_check, its schema compared with the expected one, and
// every value checked for type, size and UTF-8 before it is used.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "export/report/national_report.h"
#include "export/report/signing_key.h"

namespace focal {

inline constexpr const char* kReportExtension = ".focalreport";
inline constexpr std::uint32_t kReportApplicationId = 0x46434C52;  // "FCLR" at offset 68 of the SQLite header

// Writes `report` to `path` (atomically), signed with `key`, or unsigned
// when `key` is null. Throws ExportError.
void writeReportFile(const NationalReport& report, const std::string& path, const SigningKey* key);

enum class ReportVerdict {
  Intact,      // the file is exactly as signed, and by the expected key when one was given
  Altered,     // readable, but changed after signing (content, attachment, or any byte of the file)
  OtherKey,    // intact, but signed by another key than the one expected
  Unsigned,    // readable, with no signature
  Unreadable,  // not a report: not SQLite, another schema, damaged, truncated, too large...
};
const char* verdictKey(ReportVerdict verdict);  // "intact", "altered", "other_key", "unsigned", "unreadable"

struct ReportLimits {
  std::uint64_t maxFileBytes = std::uint64_t{1} << 30;
  std::size_t maxAnswers = 1'000'000;
  std::size_t maxTextBytes = 4u << 20;  // any one answer, name or metadata value (the questionnaire: 8 MiB)
  std::size_t maxAttachments = 10'000;
  std::uint64_t maxAttachmentBytes = std::uint64_t{100} << 20;
};

struct VerifyOptions {
  std::optional<ExpectedKey> expectedKey;
  ReportLimits limits;
  // false (verify): attachments keep only their size and SHA-256, so the
  // memory used is bounded by the attachment cap, not by the file.
  bool attachmentData = true;
  // The SHA-256 of the file's first `first` bytes (signedPrefixLength), when
  // the caller took it in its own pass over the same bytes (the merge hashes
  // whole files): the seal is then checked against it, not hashed again.
  std::optional<std::pair<std::uint64_t, crypto::Digest>> signedPrefixDigest;
};

// How many leading bytes of a file of `fileSize` bytes the seal's signature
// covers, if the file ends with a seal.
std::uint64_t signedPrefixLength(std::uint64_t fileSize);

struct ReportCheck {
  ReportVerdict verdict = ReportVerdict::Unreadable;
  std::string reason;  // one sentence saying what was found
  // The content, when it was read: not when unreadable, nor when the seal
  // shows that bytes changed (they are then not parsed at all).
  std::optional<NationalReport> report;
  std::optional<crypto::PublicKey> signer;
  std::string fingerprint;  // of the signer's key, "" when unsigned
  std::string signedAt;
  std::string contentSha256;  // as computed, hex

  bool intact() const { return verdict == ReportVerdict::Intact; }
};

// Never throws: any failure is a verdict.
ReportCheck readReportFile(const std::string& path, const VerifyOptions& options = {});
ReportCheck readReportBytes(std::span<const unsigned char> bytes, const VerifyOptions& options = {});

}  // namespace focal
