#include "export/contribution/contribution_store.h"

#include <nlohmann/json.hpp>

#include <set>

#include "export/contribution/contribution_internal.h"
#include "export/contribution/contribution_request.h"
#include "export/report/signing_key.h"
#include "forms/schema_registry.h"

namespace focal {

using json = nlohmann::json;
using Answers = std::map<std::string, std::string>;

namespace {

// The contribution tables, registered as versioned steps of the workspace's
// migrations (forms/schema_registry.h). Step 1 is what Focal used to create
// on first use, so files that already hold the tables open as they are.
const bool kSchemaRegistered = [] {
  schema_registry::add({"contributions", 1, R"sql(
CREATE TABLE IF NOT EXISTS contribution_requests(
  id TEXT PRIMARY KEY, response INTEGER NOT NULL, agency TEXT NOT NULL, request TEXT NOT NULL,
  file TEXT NOT NULL, requested_at TEXT NOT NULL, signer TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS contribution_base(
  request TEXT NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(request, path));
CREATE TABLE IF NOT EXISTS contribution_imports(
  id INTEGER PRIMARY KEY, request TEXT NOT NULL, response INTEGER NOT NULL, file TEXT NOT NULL,
  content_sha256 TEXT NOT NULL, person TEXT NOT NULL, signer TEXT NOT NULL, exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, applied INTEGER NOT NULL, unchanged INTEGER NOT NULL,
  conflicts INTEGER NOT NULL, status TEXT NOT NULL, plan TEXT);
CREATE TABLE IF NOT EXISTS contribution_conflicts(
  id INTEGER PRIMARY KEY, request TEXT NOT NULL, response INTEGER NOT NULL, path TEXT NOT NULL,
  detail TEXT NOT NULL, opened_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT, resolution TEXT);
CREATE TABLE IF NOT EXISTS contribution_provenance(
  id INTEGER PRIMARY KEY, response INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL,
  request TEXT NOT NULL, agency TEXT NOT NULL, person TEXT NOT NULL, answered_at TEXT NOT NULL,
  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, file TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS contribution_provenance_by_path ON contribution_provenance(response, path);
CREATE TABLE IF NOT EXISTS contribution_files(
  request TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, sha256 TEXT NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY(request, path));
CREATE TABLE IF NOT EXISTS contribution_request(
  id INTEGER PRIMARY KEY CHECK (id = 1), request TEXT NOT NULL);
)sql",
                        "the focal point's bookkeeping of contributions, and an agency's request"});
  schema_registry::add({"contributions", 2, R"sql(
DELETE FROM contribution_imports WHERE status = 'pending';
ALTER TABLE contribution_imports ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
)sql",
                        "imports are one transaction (no pending rows); contributions carry a sequence"});
  return true;
}();

json conflictJson(const StoredConflict& s) {
  const MergeConflict& c = s.conflict;
  return {{"kind", conflictKindKey(c.kind)},
          {"path", c.path},
          {"repeat", c.repeat},
          {"key", c.recordKey},
          {"base", c.base},
          {"ours", c.ours},
          {"theirs", c.theirs},
          {"base_record", c.baseRecord},
          {"ours_record", c.oursRecord},
          {"theirs_record", c.theirsRecord},
          {"agency", s.agency},
          {"theirs_by", s.theirsBy},
          {"theirs_at", s.theirsAt},
          {"ours_by", s.oursBy},
          {"ours_at", s.oursAt},
          {"base_by", s.baseBy},
          {"base_at", s.baseAt},
          {"file", s.file}};
}

StoredConflict conflictFromJson(const std::string& text) {
  json j = json::parse(text);
  StoredConflict s;
  MergeConflict& c = s.conflict;
  const std::string kind = j.at("kind").get<std::string>();
  c.kind = kind == "record_removed_by_them" ? ConflictKind::RecordRemovedByThem
           : kind == "record_removed_by_us" ? ConflictKind::RecordRemovedByUs
                                            : ConflictKind::Value;
  c.path = j.at("path").get<std::string>();
  c.repeat = j.at("repeat").get<std::string>();
  c.recordKey = j.at("key").get<std::string>();
  c.base = j.at("base").get<std::string>();
  c.ours = j.at("ours").get<std::string>();
  c.theirs = j.at("theirs").get<std::string>();
  c.baseRecord = j.at("base_record").get<Answers>();
  c.oursRecord = j.at("ours_record").get<Answers>();
  c.theirsRecord = j.at("theirs_record").get<Answers>();
  s.agency = j.at("agency").get<std::string>();
  s.theirsBy = j.at("theirs_by").get<std::string>();
  s.theirsAt = j.at("theirs_at").get<std::string>();
  s.oursBy = j.at("ours_by").get<std::string>();
  s.oursAt = j.at("ours_at").get<std::string>();
  s.baseBy = j.at("base_by").get<std::string>();
  s.baseAt = j.at("base_at").get<std::string>();
  s.file = j.at("file").get<std::string>();
  return s;
}

void insertProvenance(sql::Database& db, std::int64_t response, const ProvenanceRecord& r) {
  sql::Statement insert(
      db,
      "INSERT INTO contribution_provenance(response, path, value, request, agency, person, "
      "answered_at, imported_at, imported_by, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert.bind(1, response).bind(2, r.path).bind(3, r.value).bind(4, r.requestId).bind(5, r.agency);
  insert.bind(6, r.person)
      .bind(7, r.answeredAt)
      .bind(8, r.importedAt)
      .bind(9, r.importedBy)
      .bind(10, r.file)
      .run();
}

}  // namespace

// ---- set-up ---------------------------------------------------------------------

ContributionStore::ContributionStore(Workspace& workspace) : workspace_(workspace) {
  // The tables come with the workspace's migrations; only a file opened
  // read-only that no Focal with contributions has written may lack them.
  tables_ = tablesExist();
}

template <typename F>
void ContributionStore::inTransaction(const std::string& doing, F&& body) {
  if (workspace_.readOnly())
    throw ContributionError(
        ContributionError::Kind::Refused,
        msg("Could not {}: {} is open read-only here. Close it in the other program, then open it "
            "again.",
            doing, workspace_.path()));
  try {
    sql::Transaction t(workspace_.database());
    body(workspace_.database());
    t.commit();
  } catch (const sql::SqliteError& e) {
    throw ContributionError(
        ContributionError::Kind::Failed,
        msg("Could not {} in {} ({}). Nothing was changed; check that the disk has space and the "
            "file can be written, then try again.",
            doing, workspace_.path(), e.what()));
  }
}

bool ContributionStore::tablesExist() {
  return workspace_.database().queryInteger(
             "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'contribution_requests'") >
         0;
}

// ---- requests ----------------------------------------------------------------------

void ContributionStore::addRequest(const ContributionRequest& request, const std::string& file) {
  inTransaction(tr("record the contribution request"), [&](sql::Database& db) {
    sql::Statement insert(
        db,
        "INSERT INTO contribution_requests(id, response, agency, request, file, requested_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const std::string text = requestToJson(request);
    insert.bind(1, request.id).bind(2, static_cast<std::int64_t>(request.response)).bind(3, request.agency);
    insert.bind(4, text).bind(5, file).bind(6, request.requestedAt).run();
    sql::Statement base(db, "INSERT INTO contribution_base(request, path, value) VALUES (?1, ?2, ?3)");
    for (const auto& [path, value] : request.snapshot) {
      base.bind(1, request.id).bind(2, path).bind(3, value).run();
      base.reset();
    }
  });
}

void ContributionStore::removeRequest(const std::string& id) {
  inTransaction(tr("remove the contribution request"), [&](sql::Database& db) {
    for (const char* table :
         {"contribution_base", "contribution_conflicts", "contribution_imports", "contribution_files"}) {
      sql::Statement s(db, std::string("DELETE FROM ") + table + " WHERE request = ?1");
      s.bind(1, id).run();
    }
    sql::Statement s(db, "DELETE FROM contribution_requests WHERE id = ?1");
    s.bind(1, id).run();
  });
}

std::optional<ContributionRequest> ContributionStore::request(const std::string& id) {
  if (!tables_) return std::nullopt;
  sql::Statement s(workspace_.database(), "SELECT request FROM contribution_requests WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return requestFromJson(s.text(0), workspace_.path());
}

std::vector<ContributionRequest> ContributionStore::requests(ResponseId response) {
  std::vector<ContributionRequest> out;
  if (!tables_) return out;
  sql::Statement s(workspace_.database(),
                   "SELECT request FROM contribution_requests WHERE response = ?1 ORDER BY requested_at, id");
  s.bind(1, response);
  while (s.step()) out.push_back(requestFromJson(s.text(0), workspace_.path()));
  return out;
}

Answers ContributionStore::base(const std::string& requestId) {
  Answers out;
  if (!tables_) return out;
  sql::Statement s(workspace_.database(), "SELECT path, value FROM contribution_base WHERE request = ?1");
  s.bind(1, requestId);
  while (s.step()) out.emplace(s.text(0), s.text(1));
  return out;
}

std::string ContributionStore::signer(const std::string& requestId) {
  if (!tables_) return {};
  sql::Statement s(workspace_.database(), "SELECT signer FROM contribution_requests WHERE id = ?1");
  s.bind(1, requestId);
  return s.step() ? s.text(0) : std::string();
}

bool ContributionStore::alreadyImported(const std::string& requestId, const std::string& contentSha256) {
  if (!tables_) return false;
  sql::Statement s(workspace_.database(),
                   "SELECT count(*) FROM contribution_imports WHERE request = ?1 AND content_sha256 = ?2 AND "
                   "status = 'done'");
  s.bind(1, requestId).bind(2, contentSha256);
  return s.step() && s.integer(0) > 0;
}

ContributionStore::Newest ContributionStore::newestImport(const std::string& requestId) {
  Newest out;
  if (!tables_) return out;
  sql::Statement s(workspace_.database(),
                   "SELECT sequence, exported_at FROM contribution_imports WHERE request = ?1 AND "
                   "status = 'done' ORDER BY sequence DESC, exported_at DESC LIMIT 1");
  s.bind(1, requestId);
  if (s.step()) out = {true, s.integer(0), s.text(1)};
  return out;
}

// ---- imports --------------------------------------------------------------------------

void ContributionStore::recordImport(ResponseId response, const ImportRecord& entry) {
  inTransaction(tr("record the import"), [&](sql::Database& db) {
    sql::Statement insert(
        db,
        "INSERT INTO contribution_imports(request, response, file, content_sha256, person, signer, "
        "exported_at, imported_at, imported_by, applied, unchanged, conflicts, status, sequence) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'done', ?13)");
    insert.bind(1, entry.requestId).bind(2, response).bind(3, entry.file).bind(4, entry.contentSha256);
    insert.bind(5, entry.person).bind(6, entry.signerKey).bind(7, entry.exportedAt).bind(8, entry.importedAt);
    insert.bind(9, entry.importedBy).bind(10, static_cast<std::int64_t>(entry.applied));
    insert.bind(11, static_cast<std::int64_t>(entry.unchanged))
        .bind(12, static_cast<std::int64_t>(entry.conflicts.size()));
    insert.bind(13, entry.sequence).run();
    sql::Statement file(db,
                        "INSERT OR REPLACE INTO contribution_files(request, path, name, type, sha256, data) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& f : entry.files) {
      file.bind(1, entry.requestId).bind(2, f.path).bind(3, f.name).bind(4, f.type).bind(5, f.sha256);
      file.bindBlob(6, f.data.data(), f.data.size()).run();
      file.reset();
    }
    sql::Statement clearBase(db, "DELETE FROM contribution_base WHERE request = ?1");
    clearBase.bind(1, entry.requestId).run();
    sql::Statement base(db, "INSERT INTO contribution_base(request, path, value) VALUES (?1, ?2, ?3)");
    for (const auto& [path, value] : entry.nextBase) {
      base.bind(1, entry.requestId).bind(2, path).bind(3, value).run();
      base.reset();
    }
    sql::Statement clearConflicts(
        db, "DELETE FROM contribution_conflicts WHERE request = ?1 AND resolved_at IS NULL");
    clearConflicts.bind(1, entry.requestId).run();
    sql::Statement conflict(db,
                            "INSERT INTO contribution_conflicts(request, response, path, detail, opened_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& c : entry.conflicts) {
      const std::string detail = conflictJson(c).dump();
      conflict.bind(1, entry.requestId).bind(2, response).bind(3, c.conflict.path).bind(4, detail);
      conflict.bind(5, entry.importedAt).run();
      conflict.reset();
    }
    for (const auto& p : entry.provenance) insertProvenance(db, response, p);
    sql::Statement pin(db, "UPDATE contribution_requests SET signer = ?2 WHERE id = ?1 AND signer = ''");
    pin.bind(1, entry.requestId).bind(2, entry.signerKey).run();
  });
}

// ---- conflicts ----------------------------------------------------------------------------

std::vector<StoredConflict> ContributionStore::openConflicts(ResponseId response,
                                                             const std::string& requestId) {
  std::vector<StoredConflict> out;
  if (!tables_) return out;
  sql::Statement s(
      workspace_.database(),
      "SELECT id, request, detail, opened_at FROM contribution_conflicts WHERE response = ?1 AND "
      "resolved_at IS NULL AND (?2 = '' OR request = ?2) ORDER BY id");
  s.bind(1, response).bind(2, requestId);
  while (s.step()) {
    StoredConflict c = conflictFromJson(s.text(2));
    c.id = s.integer(0);
    c.requestId = s.text(1);
    c.openedAt = s.text(3);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<StoredConflict> ContributionStore::openConflict(ResponseId response, const std::string& path,
                                                              const std::string& requestId) {
  for (auto& c : openConflicts(response, requestId))
    if (c.conflict.path == path) return c;
  return std::nullopt;
}

void ContributionStore::resolveConflict(std::int64_t conflictId, const std::string& resolution,
                                        const std::vector<ProvenanceRecord>& provenance) {
  inTransaction(tr("record the resolution"), [&](sql::Database& db) {
    sql::Statement read(db,
                        "SELECT request, detail, response FROM contribution_conflicts WHERE id = ?1 AND "
                        "resolved_at IS NULL");
    read.bind(1, conflictId);
    if (!read.step()) return;
    const std::string request = read.text(0);
    const std::int64_t response = read.integer(2);
    const StoredConflict conflict = conflictFromJson(read.text(1));
    Answers base;
    {
      sql::Statement s(db, "SELECT path, value FROM contribution_base WHERE request = ?1");
      s.bind(1, request);
      while (s.step()) base.emplace(s.text(0), s.text(1));
    }
    settleConflict(base, conflict.conflict);
    sql::Statement clear(db, "DELETE FROM contribution_base WHERE request = ?1");
    clear.bind(1, request).run();
    sql::Statement insert(db, "INSERT INTO contribution_base(request, path, value) VALUES (?1, ?2, ?3)");
    for (const auto& [path, value] : base) {
      insert.bind(1, request).bind(2, path).bind(3, value).run();
      insert.reset();
    }
    sql::Statement mark(
        db,
        "UPDATE contribution_conflicts SET resolved_at = ?2, resolved_by = ?3, resolution = ?4 "
        "WHERE id = ?1");
    const std::string now = utcTimestamp();
    mark.bind(1, conflictId).bind(2, now).bind(3, workspace_.user()).bind(4, resolution).run();
    sql::Statement files(db, "DELETE FROM contribution_files WHERE request = ?1 AND path = ?2");
    files.bind(1, request).bind(2, conflict.conflict.path).run();
    for (const auto& r : provenance) insertProvenance(db, response, r);
  });
}

std::optional<ContributedFile> ContributionStore::conflictFile(const std::string& requestId,
                                                               const std::string& path) {
  if (!tables_) return std::nullopt;
  sql::Statement s(
      workspace_.database(),
      "SELECT name, type, sha256, data FROM contribution_files WHERE request = ?1 AND path = ?2");
  s.bind(1, requestId).bind(2, path);
  if (!s.step()) return std::nullopt;
  return ContributedFile{path, s.text(0), s.text(1), s.text(2), s.blob(3)};
}

// ---- provenance and the dashboard ---------------------------------------------------------------

std::vector<ProvenanceRecord> ContributionStore::provenanceLog(ResponseId response) {
  std::vector<ProvenanceRecord> out;
  if (!tables_) return out;
  sql::Statement s(workspace_.database(),
                   "SELECT path, value, request, agency, person, answered_at, imported_at, imported_by, file "
                   "FROM contribution_provenance WHERE response = ?1 ORDER BY id");
  s.bind(1, response);
  while (s.step())
    out.push_back(
        {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)});
  return out;
}

std::map<std::string, ProvenanceRecord> ContributionStore::currentProvenance(ResponseId response) {
  std::map<std::string, ProvenanceRecord> latest;
  for (auto& record : provenanceLog(response)) latest[record.path] = std::move(record);
  const Answers answers = workspace_.answers(response);
  std::erase_if(latest, [&](const auto& entry) {
    auto it = answers.find(entry.first);
    return it == answers.end() || it->second != entry.second.value;
  });
  return latest;
}

std::vector<AssignmentStatus> ContributionStore::dashboard(ResponseId response) {
  std::vector<AssignmentStatus> out;
  if (!tables_) return out;
  for (auto& request : requests(response)) {
    AssignmentStatus row;
    sql::Database& db = workspace_.database();
    {
      sql::Statement s(db, "SELECT file, signer FROM contribution_requests WHERE id = ?1");
      s.bind(1, request.id);
      if (s.step()) {
        row.requestFile = s.text(0);
        auto key = crypto::fromHex(s.text(1));
        if (key && key->size() == crypto_sign_PUBLICKEYBYTES) {
          crypto::PublicKey pk;
          std::copy(key->begin(), key->end(), pk.begin());
          row.signer = keyFingerprint(pk);
        }
      }
    }
    {
      sql::Statement s(
          db,
          "SELECT count(*), coalesce(sum(applied), 0) FROM contribution_imports WHERE request = ?1 AND "
          "status = 'done'");
      s.bind(1, request.id);
      if (s.step()) {
        row.imports = static_cast<int>(s.integer(0));
        row.applied = static_cast<std::size_t>(s.integer(1));
      }
    }
    {
      sql::Statement s(
          db,
          "SELECT imported_at, person FROM contribution_imports WHERE request = ?1 AND status = 'done' "
          "ORDER BY id DESC LIMIT 1");
      s.bind(1, request.id);
      if (s.step()) {
        row.returnedAt = s.text(0);
        row.returnedBy = s.text(1);
      }
    }
    {
      sql::Statement s(
          db, "SELECT count(*) FROM contribution_conflicts WHERE request = ?1 AND resolved_at IS NULL");
      s.bind(1, request.id);
      if (s.step()) row.openConflicts = static_cast<std::size_t>(s.integer(0));
    }
    request.snapshot.clear();
    request.context.clear();
    row.request = std::move(request);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace focal
