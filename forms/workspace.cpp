// Opening and creating workspaces: the untrusted-file checks and the format
// migrations (the lock is in workspace_lock.cpp).
#include "forms/workspace.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "forms/schema_registry.h"
#include "forms/workspace_internal.h"

namespace focal {

namespace fs = std::filesystem;
using Kind = WorkspaceError::Kind;

namespace {

// Each step brings a file from version i to i + 1; a new file runs them all,
// so the path every old file takes is the one every new file took.
const char* const kMigrations[] = {
    // 0 -> 1: responses, answers stored long, the audit log, the lock.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE questionnaires(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  questionnaire_id TEXT NOT NULL,
  version TEXT NOT NULL,
  source_name TEXT NOT NULL,
  text TEXT NOT NULL,
  added_at TEXT NOT NULL);
CREATE TABLE responses(
  id INTEGER PRIMARY KEY,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL,
  questionnaire_sha256 TEXT NOT NULL,
  state TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL);
CREATE TABLE answers(
  response INTEGER NOT NULL,
  path TEXT NOT NULL,
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  UNIQUE(response, path));
CREATE TABLE answer_log(
  id INTEGER PRIMARY KEY,
  response INTEGER NOT NULL,
  path TEXT NOT NULL,
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL);
CREATE INDEX answer_log_by_path ON answer_log(response, path);
CREATE TABLE lock(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  user TEXT NOT NULL,
  machine TEXT NOT NULL,
  pid INTEGER NOT NULL,
  boot_id TEXT NOT NULL,
  process_start TEXT NOT NULL,
  since TEXT NOT NULL);
)sql",
    // 1 -> 2: attachments (bytes stored once by SHA-256) and the answers a
    // questionnaire upgrade could not place.
    R"sql(
CREATE TABLE attachment_data(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL);
CREATE TABLE attachments(
  id INTEGER PRIMARY KEY,
  response INTEGER NOT NULL,
  path TEXT NOT NULL,
  data INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL);
CREATE INDEX attachments_by_path ON attachments(response, path);
CREATE TABLE orphaned_answers(
  id INTEGER PRIMARY KEY,
  response INTEGER NOT NULL,
  path TEXT NOT NULL,
  value TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  from_version TEXT NOT NULL,
  to_version TEXT NOT NULL,
  orphaned_at TEXT NOT NULL);
)sql",
    // 2 -> 3: what each change was ("Filled from answers.csv"), kept with
    // every value of the audit log; earlier values have none.
    R"sql(
ALTER TABLE answer_log ADD COLUMN description TEXT NOT NULL DEFAULT '';
)sql",
};
static_assert(std::size(kMigrations) == Workspace::kSchemaVersion);

}  // namespace

// ---- errors -----------------------------------------------------------------

bool WorkspaceError::transient() const {
  return kind_ == Kind::DiskFull || kind_ == Kind::ReadOnly || kind_ == Kind::Busy || kind_ == Kind::Io;
}

std::string LockHolder::describe() const {
  std::string when = since;
  if (when.size() >= 16) when = when.substr(0, 10) + " " + when.substr(11, 5) + " UTC";
  return msg("{} (machine {}, program {}) since {}", user, machine, pid, when);
}

WorkspaceLocked::WorkspaceLocked(const std::string& path, LockHolder holder)
    : WorkspaceError(
          Kind::Locked,
          msg("{} is open in Focal by {}. Only one program can change a workspace at a time: close it "
              "there first, or open it read-only.",
              path, holder.describe())),
      holder_(std::move(holder)) {}

void Workspace::rethrow(const sql::SqliteError& e, const std::string& doing) const {
  const std::string detail = e.what();
  switch (e.primaryCode()) {
    case SQLITE_FULL:
      throw WorkspaceError(Kind::DiskFull,
                           msg("Could not {} in {}: the disk is full. Free some space on that disk, "
                               "then try again.",
                               doing, path_));
    case SQLITE_READONLY:
    case SQLITE_PERM:
      throw WorkspaceError(Kind::ReadOnly,
                           msg("Could not {} in {}: the file cannot be written (it, its folder or "
                               "the disk is read-only). Make it writable, then try again.",
                               doing, path_));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw WorkspaceError(Kind::Busy,
                           msg("Could not {} in {}: another program is using the file. Try again in a "
                               "moment.",
                               doing, path_));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw WorkspaceError(Kind::Damaged,
                           msg("Could not {} in {}: the file is damaged ({}). Restore it from a "
                               "backup with: focal-cli restore {} --from BACKUP",
                               doing, path_, detail, path_));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      throw WorkspaceError(Kind::Io,
                           msg("Could not {} in {}: the disk reported an error ({}). Check that the disk "
                               "is still connected, then try again.",
                               doing, path_, detail));
    default:
      throw WorkspaceError(Kind::Io, msg("Could not {} in {}: {}.", doing, path_, detail));
  }
}

// ---- opening ----------------------------------------------------------------

namespace {

// Whether the folder holding `path` cannot be written: a read-only disk or
// share (a CD, a write-protected USB stick), or a folder without write access.
bool onReadOnlyMedium(const std::string& path) {
  std::string folder = fs::path(path).parent_path().string();
  if (folder.empty()) folder = ".";
  struct statvfs info {};
  if (::statvfs(folder.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY)) return true;
  return ::access(folder.c_str(), W_OK) != 0;
}

// A file: URI for SQLite (%, ? and # escaped).
std::string fileUri(const std::string& path) {
  std::string out = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#')
      out += fmt::format("%{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    else
      out += c;
  }
  return out;
}

}  // namespace

Workspace::Statements::Statements(sql::Database& db)
    : upsertAnswer(
          db,
          "INSERT INTO answers(response, path, value, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5) "
          "ON CONFLICT(response, path) DO UPDATE SET value = excluded.value, "
          "changed_by = excluded.changed_by, changed_at = excluded.changed_at"),
      deleteAnswer(db, "DELETE FROM answers WHERE response = ?1 AND path = ?2"),
      logAnswer(db,
                "INSERT INTO answer_log(response, path, value, changed_by, changed_at, description) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6)"),
      touchResponse(db, "UPDATE responses SET updated_at = ?2, updated_by = ?3 WHERE id = ?1"),
      lockHolder(db, "SELECT machine, pid FROM lock WHERE id = 1"),
      selectAnswers(db, "SELECT path, value FROM answers WHERE response = ?1") {}

Workspace::Workspace(std::string path, WorkspaceOptions options)
    : path_(std::move(path)), options_(std::move(options)), lastBackup_(std::chrono::steady_clock::now()) {
  if (options_.user.empty()) options_.user = currentUserName();
}

Workspace::~Workspace() {
  try {
    close();
  } catch (...) {
    // Closing must not throw; every answer was committed when it was written.
  }
}

void Workspace::close() {
  if (!db_.isOpen()) return;
  if (!readOnly_ && lockHeld_ && options_.backupOnClose && changedSinceBackup_ && path_ != ":memory:") {
    try {
      backup();
    } catch (const std::exception& e) {
      warnings_.push_back(e.what());
    }
  }
  statements_.reset();
  releaseLock();
  db_.close();
}

void Workspace::configure() {
  // A workspace may come from elsewhere: refuse what could run code or hide damage.
  db_.hardenForUntrustedFile();
  sqlite3_busy_timeout(db_.handle(), 5000);
}

void Workspace::checkUntrusted() {
  if (options_.checkIntegrity) {
    sql::Statement check(db_, "PRAGMA quick_check(5)");
    std::string problems;
    while (check.step()) {
      std::string line = check.text(0);
      if (line == "ok") break;
      problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) {
      auto all = backups();
      std::string what = all.empty()
                             ? msg("Restore it from a backup with: focal-cli restore {} --from BACKUP", path_)
                             : msg("The latest backup is {}; restore it with: focal-cli restore {} --from {}",
                                   all.front(), path_, all.front());
      throw WorkspaceError(Kind::Damaged, msg("{} is damaged ({}). {}", path_, problems, what));
    }
  }
  const auto appId = db_.queryInteger("PRAGMA application_id");
  const auto tables = db_.queryInteger("SELECT count(*) FROM sqlite_master");
  if (appId != detail::kApplicationId)
    throw WorkspaceError(
        Kind::NotWorkspace,
        tables == 0 ? msg("{} is empty: it is not a Focal workspace. Choose a .focal file.", path_)
                    : msg("{} is a database, but not a Focal workspace. Choose a .focal file.", path_));
  if (db_.queryInteger("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')") > 0)
    throw WorkspaceError(Kind::Damaged,
                         msg("{} contains database triggers or views, which Focal never writes: it "
                             "may have been altered. It was not opened; ask the sender for a new copy.",
                             path_));
}

std::map<std::string, int> Workspace::moduleVersions() {
  std::map<std::string, int> out;
  if (db_.queryInteger(
          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_modules'") == 0)
    return out;
  sql::Statement s(db_, "SELECT module, version FROM schema_modules");
  while (s.step()) out[s.text(0)] = static_cast<int>(s.integer(1));
  return out;
}

bool Workspace::moduleStepsPending() {
  const auto applied = moduleVersions();
  bool pending = false;
  for (const auto& step : schema_registry::steps()) {
    auto it = applied.find(step.module);
    const int version = it == applied.end() ? 0 : it->second;
    if (version > schema_registry::latestVersion(step.module))
      throw WorkspaceError(Kind::TooNew,
                           msg("{} was written by a newer version of Focal (its {} tables are at version "
                               "{}; this Focal knows up to version {}). Install the newer Focal to open "
                               "it; nothing was changed.",
                               path_, step.module, version, schema_registry::latestVersion(step.module)));
    if (version < step.version) pending = true;
  }
  return pending;
}

// The registered steps not applied yet (forms/schema_registry.h), inside
// the migration's transaction, each recorded in schema_modules.
void Workspace::applyModuleSteps() {
  db_.exec(
      "CREATE TABLE IF NOT EXISTS schema_modules(module TEXT PRIMARY KEY, version INTEGER NOT NULL, "
      "applied_at TEXT NOT NULL)");
  const auto applied = moduleVersions();
  sql::Statement record(
      db_, "INSERT OR REPLACE INTO schema_modules(module, version, applied_at) VALUES (?1, ?2, ?3)");
  for (const auto& step : schema_registry::steps()) {
    auto it = applied.find(step.module);
    if (it != applied.end() && it->second >= step.version) continue;
    db_.exec(step.sql);
    record.bind(1, step.module).bind(2, step.version).bind(3, utcTimestamp()).run();
    record.reset();
  }
}

void Workspace::migrate(int from) {
  if (from > 0 && from < kSchemaVersion) safetyCopy(fmt::format("before-format-{}", kSchemaVersion));
  try {
    sql::Transaction t(db_);
    for (int v = from; v < kSchemaVersion; ++v) db_.exec(kMigrations[v]);
    applyModuleSteps();
    db_.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", detail::kApplicationId,
                         kSchemaVersion));
    sql::Statement meta(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    if (from == 0) {
      meta.bind(1, "created_at").bind(2, utcTimestamp()).run();
      meta.bind(1, "created_by_version").bind(2, FOCAL_VERSION).run();
    }
    meta.bind(1, "written_by_version").bind(2, FOCAL_VERSION).run();
    t.commit();
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("update the workspace to the current format"));
  }
}

void Workspace::prepareStatements() {
  try {
    statements_ = std::make_unique<Statements>(db_);
  } catch (const sql::SqliteError& e) {
    throw WorkspaceError(
        Kind::NotWorkspace,
        msg("{} is not a Focal workspace, or it is damaged ({}). Choose another file or restore a "
            "backup.",
            path_, e.what()));
  }
}

std::unique_ptr<Workspace> Workspace::create(const std::string& path, WorkspaceOptions options) {
  std::error_code ec;
  if (path != ":memory:") {
    if (fs::exists(path, ec))
      throw WorkspaceError(Kind::Refused,
                           msg("{} already exists. Open it, or choose another file name.", path));
    auto parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
      throw WorkspaceError(Kind::NotFound,
                           msg("The folder {} does not exist. Create it first, or choose another "
                               "place for the workspace.",
                               parent.string()));
  }
  std::unique_ptr<Workspace> ws(new Workspace(path, std::move(options)));
  ws->readOnly_ = false;
  try {
    try {
      ws->db_ = sql::Database(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      ws->configure();
      ws->db_.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    } catch (const sql::SqliteError& e) {
      ws->rethrow(e, tr("create the workspace"));
    }
    ws->migrate(0);
    ws->changedSinceBackup_ = true;
    ws->acquireLock();
    ws->prepareStatements();
    ws->rememberFile();
  } catch (...) {
    // A half-made file would later read as "not a workspace": leave none.
    ws->db_.close();
    if (path != ":memory:")
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
    throw;
  }
  ws->warnings_.push_back(fileSystemWarning(path));
  std::erase(ws->warnings_, std::string());
  return ws;
}

// In memory rather than in a private temporary file: the store already
// leaves ":memory:" out of everything that guards a file (the lock between
// programs, backups, the file moved or removed while open), which a preview
// does not need: one connection in one program. A temporary file would be
// synced to disk on every change (WAL, synchronous=FULL) and left behind by
// a crash. In memory, SQLite keeps its journal in memory as well (no WAL).
std::unique_ptr<Workspace> Workspace::createInMemory(WorkspaceOptions options) {
  options.backupOnClose = false;
  options.backupDirectory.clear();  // no copy anywhere either
  auto ws = create(":memory:", std::move(options));
  try {
    ws->db_.exec("PRAGMA temp_store = MEMORY");  // large sorts would otherwise use a temporary file
  } catch (const sql::SqliteError& e) {
    ws->rethrow(e, tr("create the workspace"));
  }
  return ws;
}

std::unique_ptr<Workspace> Workspace::open(const std::string& path, WorkspaceOptions options) {
  if (path == ":memory:") return create(path, std::move(options));
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw WorkspaceError(Kind::NotFound,
                         msg("The workspace {} does not exist. Check the name, or start one with: "
                             "focal-cli new {} --questionnaire FILE --state ISO3",
                             path, path));
  if (fs::is_directory(path, ec) || !detail::looksLikeSqlite(path))
    throw WorkspaceError(
        Kind::NotWorkspace,
        msg("{} is not a Focal workspace (it is not a database file). Choose a .focal file.", path));
  std::unique_ptr<Workspace> ws(new Workspace(path, std::move(options)));
  ws->readOnly_ = ws->options_.readOnly;
  auto connect = [&](bool readOnly) {
    try {
      ws->db_ = sql::Database(path, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
      ws->configure();
    } catch (const sql::SqliteError& e) {
      ws->rethrow(e, tr("open the workspace"));
    }
  };
  connect(ws->readOnly_);
  if (!ws->readOnly_ && sqlite3_db_readonly(ws->db_.handle(), "main") == 1) {
    if (!ws->options_.readOnlyIfLocked)
      throw WorkspaceError(Kind::ReadOnly,
                           msg("{} cannot be written (the file, its folder or the disk is "
                               "read-only). Make it writable, or copy it to a folder you can write to.",
                               path));
    ws->readOnly_ = true;
    ws->warnings_.push_back(msg("{} is read-only here: you can read it, but changes cannot be saved.", path));
  }
  int version = 0;
  try {
    ws->checkUntrusted();
    version = static_cast<int>(ws->db_.queryInteger("PRAGMA user_version"));
  } catch (const sql::SqliteError& e) {
    // On a read-only disk, SQLite cannot make the shared-memory file a WAL
    // workspace is read with, and says "unable to open": not a disk failure.
    const int code = e.primaryCode();
    if ((code != SQLITE_CANTOPEN && code != SQLITE_IOERR && code != SQLITE_READONLY) || !ws->readOnly_ ||
        !onReadOnlyMedium(path))
      ws->rethrow(e, tr("read the workspace"));
    std::error_code sizeError;
    if (fs::file_size(path + "-wal", sizeError) > 0 && !sizeError)
      throw WorkspaceError(Kind::ReadOnly,
                           msg("{} is on a read-only disk, and its latest changes are still in {}-wal, "
                               "which Focal cannot merge there. Copy both files to a folder you can write "
                               "to and open the copy.",
                               path, path));
    // Nothing is waiting in a -wal file and nobody can write here: read the file as it is.
    try {
      ws->db_ = sql::Database(fileUri(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
      ws->configure();
      ws->checkUntrusted();
      version = static_cast<int>(ws->db_.queryInteger("PRAGMA user_version"));
    } catch (const sql::SqliteError& again) {
      ws->rethrow(again, tr("read the workspace"));
    }
    if (std::find_if(ws->warnings_.begin(), ws->warnings_.end(), [](const std::string& w) {
          return w.find("read-only") != std::string::npos;
        }) == ws->warnings_.end())
      ws->warnings_.push_back(
          msg("{} is on a read-only disk: it is shown as it is, and changes cannot be saved.", path));
  }
  if (version > kSchemaVersion)
    throw WorkspaceError(Kind::TooNew,
                         msg("{} was written by a newer version of Focal (workspace format {}; this "
                             "Focal reads up to format {}). Install the newer Focal to open it; nothing "
                             "was changed.",
                             path, version, kSchemaVersion));
  if (!ws->readOnly_) {
    try {
      ws->db_.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
      ws->acquireLock();
    } catch (const WorkspaceLocked& locked) {
      if (!ws->options_.readOnlyIfLocked) throw;
      ws->lockedBy_ = locked.holder();
      ws->readOnly_ = true;
      connect(true);
    } catch (const sql::SqliteError& e) {
      ws->rethrow(e, tr("open the workspace"));
    }
  }
  bool modulesBehind = false;
  try {
    modulesBehind = ws->moduleStepsPending();
  } catch (const sql::SqliteError& e) {
    ws->rethrow(e, tr("read the workspace"));
  }
  if (version == kSchemaVersion && modulesBehind && !ws->readOnly_) ws->migrate(version);
  if (version < kSchemaVersion) {
    if (ws->readOnly_)
      throw WorkspaceError(Kind::Refused,
                           msg("{} was written by an older version of Focal and must be updated "
                               "before it can be read, which needs writing to it. Open it when no one "
                               "else has it open, in a folder you can write to.",
                               path));
    ws->migrate(version);
  }
  ws->prepareStatements();
  if (!ws->readOnly_) ws->installWriteRules();
  if (!ws->readOnly_ && ws->lockHeld_) ws->removeUnfinishedBackups();
  ws->rememberFile();
  ws->warnings_.push_back(fileSystemWarning(path));
  std::erase(ws->warnings_, std::string());
  return ws;
}

}  // namespace focal
