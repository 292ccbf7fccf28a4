// The `.focalreport` schema and seal layout, shared by the writer and the
// reader (docs/report-format.md is the reference for both).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace focal::report_schema {

inline constexpr int kPageSize = 4096;
inline constexpr int kUserVersion = 1;  // the format version, also at offset 60 of the SQLite header

struct SchemaObject {
  std::string_view type, name, table, sql;  // as in sqlite_schema; sql "" for NULL
};

inline constexpr std::array<SchemaObject, 5> kObjects{{
    {"table", "metadata", "metadata",
     "CREATE TABLE metadata(key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"},
    {"table", "answers", "answers",
     "CREATE TABLE answers(path TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, changed_by TEXT NOT NULL, "
     "changed_at TEXT NOT NULL) WITHOUT ROWID"},
    {"table", "attachments", "attachments",
     "CREATE TABLE attachments(path TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, "
     "size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL)"},
    {"index", "sqlite_autoindex_attachments_1", "attachments", ""},
    {"table", "signature", "signature",
     "CREATE TABLE signature(algorithm TEXT NOT NULL, public_key TEXT NOT NULL, content_sha256 TEXT NOT "
     "NULL, "
     "signature TEXT NOT NULL, signed_at TEXT NOT NULL)"},
}};

// The seal: magic, the database's length, the public key, and the
// signature of the SHA-256 of every byte before the signature.
inline constexpr std::string_view kSealMagic = "FocalReportSeal1";  // 16 bytes
inline constexpr std::size_t kSealLengthOffset = 16;
inline constexpr std::size_t kSealKeyOffset = 24;
inline constexpr std::size_t kSealSignatureOffset = 56;
inline constexpr std::size_t kSealBytes = 120;

inline void putU64(unsigned char* out, std::uint64_t value) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(value & 0xFF);
    value >>= 8;
  }
}

inline std::uint64_t getU64(const unsigned char* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
  return value;
}

inline std::uint32_t getU32(const unsigned char* in) {
  return (std::uint32_t{in[0]} << 24) | (std::uint32_t{in[1]} << 16) | (std::uint32_t{in[2]} << 8) | in[3];
}

}  // namespace focal::report_schema
