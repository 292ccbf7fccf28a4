// Writing a `.focalreport`: the four tables in one transaction, into a
// temporary file, then the seal over the file's bytes, then the rename.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include "export/common/output_file.h"
#include "export/report/report_file.h"
#include "export/report/report_schema.h"
#include "forms/sqlite.h"

namespace focal {

namespace {

void writeTables(const NationalReport& report, const std::string& file, const SigningKey* key) {
  sql::Database db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("PRAGMA page_size=" + std::to_string(report_schema::kPageSize) +
          "; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA application_id=" +
          std::to_string(kReportApplicationId) +
          "; PRAGMA user_version=" + std::to_string(report_schema::kUserVersion) + ";");
  db.exec("BEGIN");
  for (const auto& object : report_schema::kObjects)
    if (!object.sql.empty()) db.exec(object.sql);

  NationalReport sorted;  // the rows go in in key order: compact pages, the same file for the same content
  sorted.answers = report.answers;
  sorted.sort();
  {
    sql::Statement insert(db, "INSERT INTO metadata(key, value) VALUES (?, ?)");
    for (const auto& [key, value] : report.metadata.toRows()) {
      insert.bind(1, key).bind(2, value);
      insert.run();
    }
  }
  {
    sql::Statement insert(db, "INSERT INTO answers(path, value, changed_by, changed_at) VALUES (?, ?, ?, ?)");
    for (const auto& a : sorted.answers) {
      insert.bind(1, a.path).bind(2, a.value).bind(3, a.changedBy).bind(4, a.changedAt);
      insert.run();
    }
  }
  {
    std::vector<const ReportAttachment*> files;
    for (const auto& a : report.attachments) files.push_back(&a);
    std::sort(files.begin(), files.end(),
              [](auto* a, auto* b) { return std::string_view(a->path) < b->path; });
    sql::Statement insert(
        db, "INSERT INTO attachments(path, name, type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto* f : files) {
      const std::string sha = sha256Hex(f->data);
      insert.bind(1, f->path).bind(2, f->name).bind(3, f->type);
      insert.bind(4, static_cast<std::int64_t>(f->data.size()))
          .bind(5, sha)
          .bindBlob(6, f->data.data(), f->data.size());
      insert.run();
    }
  }
  {
    const auto digest = contentDigest(report);
    const std::string digestHex = crypto::hex(digest);
    std::string algorithm = "none", publicKey, signature;
    if (key) {
      algorithm = "ed25519";
      publicKey = key->publicKeyHex();
      signature = crypto::hex(key->sign(digest));
    }
    const std::string signedAt = utcNow();
    sql::Statement insert(
        db,
        "INSERT INTO signature(algorithm, public_key, content_sha256, signature, signed_at) "
        "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, algorithm).bind(2, publicKey).bind(3, digestHex).bind(4, signature).bind(5, signedAt);
    insert.run();
  }
  db.exec("COMMIT");
  db.close();
}

}  // namespace

void writeReportFile(const NationalReport& report, const std::string& path, const SigningKey* key) {
  OutputFile out(path);
  try {
    writeTables(report, out.tempPath(), key);
  } catch (const sql::SqliteError& e) {
    throw ExportError("cannot write the report " + path + ": " + e.what() +
                      (e.primaryCode() == SQLITE_FULL ? "; free some disk space and export again" : ""));
  }
  if (key) {
    // The seal: every byte of the database, then the seal's own first 56
    // bytes (magic, length, public key), signed.
    std::uint64_t length = 0;
    crypto::Sha256 h;
    {
      int fd = ::open(out.tempPath().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) throw ExportError("cannot read back " + out.tempPath() + ": " + std::strerror(errno));
      std::vector<unsigned char> buffer(1 << 20);
      for (;;) {
        ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          ::close(fd);
          throw ExportError("cannot read back " + out.tempPath() + ": " + std::strerror(errno));
        }
        if (n == 0) break;
        h.update(std::span(buffer.data(), static_cast<std::size_t>(n)));
        length += static_cast<std::uint64_t>(n);
      }
      ::close(fd);
    }
    std::array<unsigned char, report_schema::kSealBytes> seal{};
    std::memcpy(seal.data(), report_schema::kSealMagic.data(), report_schema::kSealMagic.size());
    report_schema::putU64(seal.data() + report_schema::kSealLengthOffset, length);
    std::memcpy(seal.data() + report_schema::kSealKeyOffset, key->publicKey().data(),
                key->publicKey().size());
    h.update(std::span<const unsigned char>(seal.data(), report_schema::kSealSignatureOffset));
    const auto signature = key->sign(h.finish());
    std::memcpy(seal.data() + report_schema::kSealSignatureOffset, signature.data(), signature.size());
    out.append(std::string_view(reinterpret_cast<const char*>(seal.data()), seal.size()));
  }
  out.commit();
}

}  // namespace focal
