// Reading and verifying a `.focalreport` as hostile input. The order of the
// checks decides the verdict: what stops the content being read makes it
// unreadable; readable content whose digest, signature or seal fails was
// altered; then unsigned, another key, or intact.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include "export/common/output_file.h"
#include "export/report/report_file.h"
#include "export/report/report_schema.h"
#include "forms/sqlite.h"

namespace focal {

const char* verdictKey(ReportVerdict verdict) {
  switch (verdict) {
    case ReportVerdict::Intact:
      return "intact";
    case ReportVerdict::Altered:
      return "altered";
    case ReportVerdict::OtherKey:
      return "other_key";
    case ReportVerdict::Unsigned:
      return "unsigned";
    case ReportVerdict::Unreadable:
      return "unreadable";
  }
  return "unreadable";
}

namespace {

namespace rs = report_schema;

// A refusal while reading: the file cannot be taken as a report.
struct Refused {
  std::string reason;
};

ReportCheck verdict(ReportVerdict v, std::string reason) {
  ReportCheck check;
  check.verdict = v;
  check.reason = std::move(reason);
  return check;
}

class HostileReader {
 public:
  // `load` puts the database in place once the defensive settings are on:
  // it deserializes bytes in memory, or does nothing for a file opened read-only.
  HostileReader(sql::Database db, const std::function<void(sqlite3*)>& load, const ReportLimits& limits,
                bool attachmentData)
      : limits_(limits), attachmentData_(attachmentData), db_(std::move(db)) {
    sqlite3* h = db_.handle();
    // Defensive settings first (BRIEF.md), then the bytes, read-only.
    db_.hardenForUntrustedFile();
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
    const auto longest = std::max<std::uint64_t>(limits.maxAttachmentBytes, 8u << 20) + 4096;
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, static_cast<int>(std::min<std::uint64_t>(longest, 1'000'000'000)));
    load(h);
    db_.exec("PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; PRAGMA query_only=ON;");
  }

  void quickCheck() {
    sql::Statement check(db_, "PRAGMA quick_check(3)");
    std::string first;
    if (check.step()) first = check.text(0);
    if (first != "ok") throw Refused{"the database is damaged (quick_check: " + first.substr(0, 200) + ")"};
  }

  void checkSchema() {
    sql::Statement rows(db_, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
    std::size_t count = 0;
    while (rows.step()) {
      ++count;
      const std::string type = rows.text(0), name = rows.text(1), table = rows.text(2);
      const std::string sqlText = rows.isNull(3) ? std::string() : rows.text(3);
      bool known = false;
      for (const auto& o : rs::kObjects)
        if (o.type == type && o.name == name && o.table == table && o.sql == sqlText) known = true;
      if (!known)
        throw Refused{"it holds a " + type.substr(0, 16) + " '" + name.substr(0, 64) +
                      "' that a Focal report does not have"};
    }
    if (count != rs::kObjects.size()) throw Refused{"it lacks tables that a Focal report has"};
  }

  std::string text(const sql::Statement& s, int column, const char* what, std::size_t max) {
    if (sqlite3_column_type(s.handle(), column) != SQLITE_TEXT)
      throw Refused{std::string(what) + " is not text"};
    std::string value = s.text(column);
    if (value.size() > max) throw Refused{std::string(what) + " is longer than Focal accepts"};
    if (!isValidUtf8(value)) throw Refused{std::string(what) + " is not valid UTF-8"};
    return value;
  }

  std::int64_t count(const char* table) {
    return db_.queryInteger(std::string("SELECT count(*) FROM ") + table, 0);
  }

  void readMetadata(NationalReport& report) {
    if (count("metadata") > 64) throw Refused{"its metadata has too many rows"};
    std::map<std::string, std::string> rows;
    sql::Statement s(db_, "SELECT key, value FROM metadata ORDER BY key");
    while (s.step()) {
      std::string key = text(s, 0, "a metadata key", 64);
      std::size_t max = key == "questionnaire_text" ? std::size_t{8} << 20 : 4096;
      rows[key] = text(s, 1, ("metadata '" + key + "'").c_str(), max);
    }
    std::string problem = ReportMetadata::fromRows(rows, report.metadata);
    if (!problem.empty()) throw Refused{"its metadata is not a Focal report's: " + problem};
  }

  void readAnswers(NationalReport& report) {
    if (static_cast<std::uint64_t>(count("answers")) > limits_.maxAnswers)
      throw Refused{"it has too many answers"};
    sql::Statement s(db_, "SELECT path, value, changed_by, changed_at FROM answers ORDER BY path");
    while (s.step()) {
      ReportAnswer a;
      a.path = text(s, 0, "an answer path", 512);
      a.value = text(s, 1, "an answer", limits_.maxTextBytes);
      a.changedBy = text(s, 2, "an answer's author", 512);
      a.changedAt = text(s, 3, "an answer's time", 64);
      report.answers.push_back(std::move(a));
    }
  }

  // Returns the attachments whose bytes do not match their recorded SHA-256.
  std::vector<std::string> readAttachments(NationalReport& report) {
    if (static_cast<std::uint64_t>(count("attachments")) > limits_.maxAttachments)
      throw Refused{"it has too many attachments"};
    std::vector<std::string> mismatched;
    sql::Statement s(db_, "SELECT path, name, type, size, sha256, data FROM attachments ORDER BY path");
    while (s.step()) {
      ReportAttachment a;
      a.path = text(s, 0, "an attachment path", 512);
      a.name = text(s, 1, "an attachment name", 1024);
      a.type = text(s, 2, "an attachment type", 256);
      if (sqlite3_column_type(s.handle(), 3) != SQLITE_INTEGER)
        throw Refused{"an attachment size is not a number"};
      const std::int64_t size = s.integer(3);
      a.sha256 = text(s, 4, "an attachment hash", 64);
      if (sqlite3_column_type(s.handle(), 5) != SQLITE_BLOB)
        throw Refused{"an attachment's data is not a blob"};
      // Hashed where SQLite holds it; copied only when the caller keeps the bytes.
      const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(s.handle(), 5));
      const std::span<const unsigned char> bytes(
          blob, static_cast<std::size_t>(sqlite3_column_bytes(s.handle(), 5)));
      if (bytes.size() > limits_.maxAttachmentBytes)
        throw Refused{"an attachment is larger than Focal accepts"};
      a.dataSha256 = crypto::sha256(bytes);
      a.dataSize = bytes.size();
      if (attachmentData_)
        a.data.assign(bytes.begin(), bytes.end());
      else
        a.dataOmitted = true;
      if (size != static_cast<std::int64_t>(bytes.size()) || crypto::hex(a.dataSha256) != a.sha256)
        mismatched.push_back(a.path);
      report.attachments.push_back(std::move(a));
    }
    return mismatched;
  }

  struct SignatureRow {
    std::string algorithm, publicKey, contentSha256, signature, signedAt;
  };
  std::optional<SignatureRow> readSignature() {
    auto rows = count("signature");
    if (rows == 0) return std::nullopt;
    if (rows > 1) throw Refused{"it has more than one signature row"};
    sql::Statement s(db_,
                     "SELECT algorithm, public_key, content_sha256, signature, signed_at FROM signature");
    s.step();
    SignatureRow r{text(s, 0, "the signature algorithm", 16), text(s, 1, "the public key", 64),
                   text(s, 2, "the content digest", 64), text(s, 3, "the signature", 128),
                   text(s, 4, "the signing time", 64)};
    return r;
  }

 private:
  ReportLimits limits_;
  bool attachmentData_ = true;
  sql::Database db_;
};

template <std::size_t N>
bool fixedHex(const std::string& text, std::array<unsigned char, N>& out) {
  auto bytes = crypto::fromHex(text);
  if (!bytes || bytes->size() != N) return false;
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return true;
}

// Where the checks take the file's bytes from: memory, or the file read a
// piece at a time, so that verifying a large report never holds all of it.
class Source {
 public:
  virtual ~Source() = default;
  virtual std::uint64_t size() const = 0;
  virtual void read(std::uint64_t offset, unsigned char* out, std::size_t n) = 0;
  virtual crypto::Digest hashPrefix(std::uint64_t n) = 0;
  virtual HostileReader open(std::uint64_t databaseLength, const VerifyOptions& options) = 0;
};

class MemorySource : public Source {
 public:
  explicit MemorySource(std::span<const unsigned char> bytes) : bytes_(bytes) {}
  std::uint64_t size() const override { return bytes_.size(); }
  void read(std::uint64_t offset, unsigned char* out, std::size_t n) override {
    std::memcpy(out, bytes_.data() + offset, n);
  }
  crypto::Digest hashPrefix(std::uint64_t n) override {
    return crypto::sha256(bytes_.subspan(0, static_cast<std::size_t>(n)));
  }
  HostileReader open(std::uint64_t databaseLength, const VerifyOptions& options) override {
    auto database = bytes_.subspan(0, static_cast<std::size_t>(databaseLength));
    return HostileReader(
        sql::Database(":memory:", SQLITE_OPEN_READWRITE),
        [&](sqlite3* h) {
          auto* data =
              const_cast<unsigned char*>(database.data());  // never written: SQLITE_DESERIALIZE_READONLY
          int rc =
              sqlite3_deserialize(h, "main", data, static_cast<sqlite3_int64>(database.size()),
                                  static_cast<sqlite3_int64>(database.size()), SQLITE_DESERIALIZE_READONLY);
          if (rc != SQLITE_OK)
            throw Refused{"SQLite cannot open it (" + std::string(sqlite3_errstr(rc)) + ")"};
        },
        options.limits, options.attachmentData);
  }

 private:
  std::span<const unsigned char> bytes_;
};

// The file on disk: SQLite reads it read-only and immutable through its
// page cache, and the seal's digest is taken in 1 MiB pieces.
class FileSource : public Source {
 public:
  FileSource(std::string path, std::uint64_t size) : path_(std::move(path)), size_(size) {
    in_.open(path_, std::ios::binary);
    if (!in_) throw Refused{"it cannot be opened"};
  }
  std::uint64_t size() const override { return size_; }
  void read(std::uint64_t offset, unsigned char* out, std::size_t n) override {
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n));
    if (static_cast<std::size_t>(in_.gcount()) != n) throw Refused{"it changed while it was read"};
  }
  crypto::Digest hashPrefix(std::uint64_t n) override {
    crypto::Sha256 h;
    std::vector<unsigned char> piece(1 << 20);
    for (std::uint64_t at = 0; at < n; at += piece.size()) {
      const std::size_t length = static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), n - at));
      read(at, piece.data(), length);
      h.update(std::span<const unsigned char>(piece.data(), length));
    }
    return h.finish();
  }
  HostileReader open(std::uint64_t, const VerifyOptions& options) override {
    return HostileReader(
        sql::Database(uri(), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI), [](sqlite3*) {}, options.limits,
        options.attachmentData);
  }

 private:
  // file:PATH?mode=ro&immutable=1, with the characters a URI gives a meaning escaped.
  std::string uri() const {
    // An absolute path gets an empty authority ("file:///..."), so that "//x" is never read as a host.
    std::string out = path_.starts_with('/') ? "file://" : "file:";
    for (unsigned char c : path_) {
      if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7F) {
        static const char* kHex = "0123456789ABCDEF";
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
    return out + "?mode=ro&immutable=1";
  }
  std::string path_;
  std::uint64_t size_;
  std::ifstream in_;
};

ReportCheck checkReport(Source& source, const VerifyOptions& options);

}  // namespace

ReportCheck readReportFile(const std::string& path, const VerifyOptions& options) {
  // The same refusals as readWholeFile, without reading the file into memory.
  std::uint64_t size = 0;
  {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return verdict(ReportVerdict::Unreadable, "cannot open " + path + ": " + std::strerror(errno));
    struct stat info {};
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    ::close(fd);
    if (!regular) return verdict(ReportVerdict::Unreadable, path + " is not a regular file");
    size = static_cast<std::uint64_t>(info.st_size);
  }
  if (size > options.limits.maxFileBytes)
    return verdict(ReportVerdict::Unreadable, path + " is larger than " +
                                                  std::to_string(options.limits.maxFileBytes >> 20) +
                                                  " MiB, the most Focal reads");
  try {
    FileSource source(path, size);
    return checkReport(source, options);
  } catch (const Refused& r) {
    return verdict(ReportVerdict::Unreadable, "it is not a readable Focal report: " + r.reason);
  }
}

ReportCheck readReportBytes(std::span<const unsigned char> bytes, const VerifyOptions& options) {
  MemorySource source(bytes);
  try {
    return checkReport(source, options);
  } catch (const Refused& r) {
    return verdict(ReportVerdict::Unreadable, "it is not a readable Focal report: " + r.reason);
  }
}

std::uint64_t signedPrefixLength(std::uint64_t fileSize) {
  return fileSize - rs::kSealBytes + rs::kSealSignatureOffset;
}

namespace {

ReportCheck checkReport(Source& source, const VerifyOptions& options) {
  const std::uint64_t size = source.size();
  if (size > options.limits.maxFileBytes)
    return verdict(ReportVerdict::Unreadable, "it is larger than Focal reads");
  // The seal, when the file ends with one, is checked first: in a signed
  // file any changed byte, the header's included, is an alteration, not a
  // file of another kind or format.
  std::vector<unsigned char> sealBytes(rs::kSealBytes);
  if (size >= rs::kSealBytes + 100) source.read(size - rs::kSealBytes, sealBytes.data(), rs::kSealBytes);
  const bool sealed = size >= rs::kSealBytes + 100 &&
                      std::memcmp(sealBytes.data(), rs::kSealMagic.data(), rs::kSealMagic.size()) == 0;
  if (sealed) {
    const unsigned char* seal = sealBytes.data();
    crypto::PublicKey sealKey;
    crypto::Signature sealSignature;
    std::memcpy(sealKey.data(), seal + rs::kSealKeyOffset, sealKey.size());
    std::memcpy(sealSignature.data(), seal + rs::kSealSignatureOffset, sealSignature.size());
    const std::uint64_t signedLength = signedPrefixLength(size);
    const auto& known = options.signedPrefixDigest;
    if (!crypto::verify(
            sealKey, known && known->first == signedLength ? known->second : source.hashPrefix(signedLength),
            sealSignature))
      return verdict(ReportVerdict::Altered,
                     "bytes of the file were changed after signing (it is damaged or was altered)");
  }
  std::array<unsigned char, 100> headerBytes{};
  if (size >= 100) source.read(0, headerBytes.data(), headerBytes.size());
  if (size < 100 || std::memcmp(headerBytes.data(), "SQLite format 3", 16) != 0)
    return verdict(ReportVerdict::Unreadable, "it is not a Focal report (not a SQLite file)");
  const unsigned char* header = headerBytes.data();
  if (rs::getU32(header + 68) != kReportApplicationId)
    return verdict(
        ReportVerdict::Unreadable,
        "it is a SQLite file but not a Focal report (a workspace is exported with 'focal-cli export')");
  const std::uint32_t formatVersion = rs::getU32(header + 60);
  if (formatVersion != static_cast<std::uint32_t>(rs::kUserVersion))
    return verdict(ReportVerdict::Unreadable,
                   "it says it is in report format " + std::to_string(formatVersion) +
                       ", which this Focal does not read. If the State's Focal is newer than yours, update "
                       "Focal; if not, the file is damaged");
  std::uint32_t pageSize = (std::uint32_t{header[16]} << 8) | header[17];
  if (pageSize == 1) pageSize = 65536;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
    return verdict(ReportVerdict::Unreadable, "its SQLite header is damaged (page size)");
  if (rs::getU32(header + 24) != rs::getU32(header + 92) || rs::getU32(header + 28) == 0)
    return verdict(ReportVerdict::Unreadable, "its SQLite header is damaged (page count)");
  const std::uint64_t databaseLength = std::uint64_t{rs::getU32(header + 28)} * pageSize;

  const std::uint64_t contentEnd = sealed ? size - rs::kSealBytes : size;
  if (databaseLength > contentEnd)
    return verdict(ReportVerdict::Unreadable,
                   "it is truncated: " + std::to_string(contentEnd) + " bytes of " +
                       std::to_string(databaseLength + (sealed ? rs::kSealBytes : 0)));
  // Fewer bytes after the database than a seal, starting like one: the end
  // of the file was cut off (a copy or download that stopped), nothing added.
  if (!sealed && databaseLength < contentEnd && contentEnd - databaseLength < rs::kSealBytes) {
    const std::size_t tail = static_cast<std::size_t>(contentEnd - databaseLength);
    std::vector<unsigned char> after(std::min(tail, rs::kSealMagic.size()));
    source.read(databaseLength, after.data(), after.size());
    if (std::memcmp(after.data(), rs::kSealMagic.data(), after.size()) == 0)
      return verdict(ReportVerdict::Altered,
                     "it is truncated: its last " + std::to_string(rs::kSealBytes - tail) +
                         " bytes are missing (the file was cut short in copying or sending)");
  }
  std::string layoutProblem;
  if (databaseLength < contentEnd)
    layoutProblem = std::to_string(contentEnd - databaseLength) + " bytes were added after the database";
  else if (sealed && rs::getU64(sealBytes.data() + rs::kSealLengthOffset) != databaseLength)
    layoutProblem = "the seal does not match the database's length";

  ReportCheck check;
  std::vector<std::string> mismatched;
  std::optional<HostileReader::SignatureRow> signature;
  try {
    HostileReader reader = source.open(databaseLength, options);
    reader.quickCheck();
    reader.checkSchema();
    NationalReport report;
    reader.readMetadata(report);
    reader.readAnswers(report);
    mismatched = reader.readAttachments(report);
    signature = reader.readSignature();
    check.report = std::move(report);
  } catch (const Refused& r) {
    return verdict(ReportVerdict::Unreadable, "it is not a readable Focal report: " + r.reason);
  } catch (const std::exception& e) {
    return verdict(ReportVerdict::Unreadable, std::string("it is not a readable Focal report: ") + e.what());
  }
  const auto digest = contentDigest(*check.report);
  check.contentSha256 = crypto::hex(digest);

  auto altered = [&](std::string reason) {
    check.verdict = ReportVerdict::Altered;
    check.reason = std::move(reason);
    return check;
  };
  if (!mismatched.empty()) return altered("the attachment at " + mismatched.front() + " was changed");
  if (!layoutProblem.empty()) return altered(layoutProblem);
  const bool isSigned = signature && signature->algorithm == "ed25519";
  if (signature && !isSigned && signature->algorithm != "none")
    return altered("its signature uses an unknown algorithm '" + signature->algorithm + "'");
  if (signature && signature->contentSha256 != check.contentSha256)
    return altered("its content (metadata, answers or attachments) was changed after it was written");
  if (!isSigned) {
    if (sealed) return altered("its signature was removed");
    check.verdict = ReportVerdict::Unsigned;
    check.reason = "it is not signed, so nothing shows who wrote it or that it is unchanged";
    return check;
  }
  crypto::PublicKey key;
  crypto::Signature contentSignature;
  if (!fixedHex(signature->publicKey, key) || !fixedHex(signature->signature, contentSignature))
    return altered("its signature row is damaged");
  check.signer = key;
  check.fingerprint = keyFingerprint(key);
  check.signedAt = signature->signedAt;
  if (!crypto::verify(key, digest, contentSignature))
    return altered("its signature does not match its content");
  if (!sealed) return altered("its seal is missing: the file was rewritten after it was signed");
  // The seal verified above with its own key; it must be the signer's.
  if (std::memcmp(sealBytes.data() + rs::kSealKeyOffset, key.data(), key.size()) != 0)
    return altered("its seal was made with another key than its signature");

  // Content that is signed but does not hold together.
  const auto& m = check.report->metadata;
  if (sha256Hex(m.questionnaireText) != m.questionnaireSha256) {
    check.verdict = ReportVerdict::Unreadable;
    check.reason = "its questionnaire text does not match its SHA-256";
    return check;
  }
  if (options.expectedKey && !options.expectedKey->matches(key)) {
    check.verdict = ReportVerdict::OtherKey;
    check.reason = "it is intact but signed by the key " + check.fingerprint + ", not the expected " +
                   options.expectedKey->fingerprint();
    return check;
  }
  check.verdict = ReportVerdict::Intact;
  check.reason = "intact, signed by the key " + check.fingerprint;
  return check;
}

}  // namespace

}  // namespace focal
