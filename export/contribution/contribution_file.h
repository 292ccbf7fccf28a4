// The contribution file (.focalcontrib) an agency sends back, signed with
// the installation's Ed25519 key as a national report is (signing_key.h).
//
//   file      := { "format": "focal-contribution", "format_version": 1,
//                  "content": STRING, "signature": signature | null }
//   signature := { "algorithm": "ed25519", "public_key": HEX64,
//                  "content_sha256": HEX64, "signature": HEX128, "signed_at": ISO8601 }
//   content   := canonical JSON (keys sorted, no spaces) of
//                { "request", "agency", "person", "state", "questionnaire_id",
//                  "questionnaire_version", "questionnaire_sha256", "requested_by",
//                  "requested_at", "exported_at", "focal_version",
//                  "sequence": INTEGER >= 1 (absent in earlier files: taken as 0),
//                  "answers": [ {"path", "value", "changed_by", "changed_at"} ... ],
//                  "files": [ {"path", "name", "type", "sha256", "data": BASE64} ... ] }
//
// The content is kept as the exact string that was signed, so any change
// of a byte in it is found. The signature is over the SHA-256 of
// "focal-contribution-v1\n" followed by the content.
//
// Reading treats the file as hostile: size capped before reading, every
// field checked for type, size and UTF-8, every file's hash recomputed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "export/contribution/contribution.h"
#include "export/report/report_file.h"
#include "export/report/signing_key.h"

namespace focal {

inline constexpr const char* kContributionExtension = ".focalcontrib";
inline constexpr int kContributionFormatVersion = 1;

struct ContributionLimits {
  std::uint64_t maxFileBytes = std::uint64_t{512} << 20;
  std::size_t maxAnswers = 200'000;
  std::size_t maxTextBytes = 4u << 20;
  std::size_t maxFiles = 1'000;
  std::uint64_t maxFileDataBytes = std::uint64_t{100} << 20;
};

// The file's bytes, signed with `key` (unsigned when null).
std::string contributionFileBytes(const Contribution& contribution, const SigningKey* key,
                                  const std::string& signedAt = {});
// Writes the file atomically; throws ExportError naming the file.
void writeContributionFile(const Contribution& contribution, const std::string& path, const SigningKey* key);

struct ContributionCheck {
  ReportVerdict verdict = ReportVerdict::Unreadable;  // as for reports (report_file.h)
  std::string reason;                                 // one sentence saying what was found
  std::optional<Contribution> contribution;           // unless unreadable or altered
  std::optional<crypto::PublicKey> signer;
  std::string fingerprint;  // of the signer's key, "" when unsigned
  std::string signedAt;
  std::string contentSha256;  // of the signed content, hex: the same file imported twice has the same one
  bool intact() const { return verdict == ReportVerdict::Intact; }
};

// Never throws: any failure is a verdict.
ContributionCheck readContributionFile(const std::string& path,
                                       const std::optional<ExpectedKey>& expected = {},
                                       const ContributionLimits& limits = {});
ContributionCheck readContributionBytes(std::string_view bytes,
                                        const std::optional<ExpectedKey>& expected = {},
                                        const ContributionLimits& limits = {});

}  // namespace focal
