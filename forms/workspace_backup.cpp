// Rolling backups and restore. A backup is a whole copy made with SQLite's
// online backup API from the open connection (a consistent snapshot even
// while answers are being written), written under a temporary name, synced
// and then renamed, so a backup file is either complete or absent. Copies
// hold no lock row, so a restored workspace opens at once.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "forms/workspace.h"
#include "forms/workspace_internal.h"

namespace focal {

namespace fs = std::filesystem;
using Kind = WorkspaceError::Kind;

namespace {

// 20261105-102231-123 (UTC), so that names sort by time.
std::string stamp() {
  std::string now = utcTimestamp();  // 2026-11-05T10:22:31.123Z
  std::string out;
  for (char c : now.substr(0, 23))
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out.substr(0, 8) + "-" + out.substr(8, 6) + "-" + out.substr(14, 3);
}

std::string stemOf(const std::string& path) { return fs::path(path).stem().string(); }

bool isRollingBackup(const std::string& name, const std::string& stem) {
  // STEM-YYYYMMDD-HHMMSS-mmm[-N].focal
  const std::string prefix = stem + "-";
  return name.size() > prefix.size() + 19 && name.compare(0, prefix.size(), prefix) == 0 &&
         std::isdigit(static_cast<unsigned char>(name[prefix.size()])) &&
         name.ends_with(Workspace::kExtension);
}

std::string uniqueName(const fs::path& dir, const std::string& base) {
  fs::path candidate = dir / (base + Workspace::kExtension);
  for (int n = 2; fs::exists(candidate); ++n)
    candidate = dir / (base + "-" + std::to_string(n) + Workspace::kExtension);
  return candidate.string();
}

}  // namespace

std::string Workspace::backupDirectory() const {
  if (!options_.backupDirectory.empty()) return options_.backupDirectory;
  if (path_ == ":memory:") return {};
  return path_ + ".backups";
}

void Workspace::copyTo(const std::string& file) {
  const std::string partial = file + ".partial";
  std::error_code ec;
  fs::remove(partial, ec);
  try {
    sql::Database copy(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sql::copyDatabase(db_, copy);
    copy.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; DELETE FROM lock;");
  } catch (const sql::SqliteError& e) {
    fs::remove(partial, ec);
    const std::string detail = e.what();
    if (e.primaryCode() == SQLITE_FULL)
      throw WorkspaceError(Kind::DiskFull,
                           msg("Could not write the backup {}: the disk is full. Free some space, "
                               "then try again.",
                               file));
    throw WorkspaceError(
        Kind::Io,
        msg("Could not write the backup {} ({}). Check that the folder can be written to.", file, detail));
  }
  detail::syncFile(partial);
  fs::rename(partial, file, ec);
  if (ec) throw WorkspaceError(Kind::Io, msg("Could not write the backup {} ({}).", file, ec.message()));
  detail::syncDirectory(fs::path(file).parent_path().empty() ? "." : fs::path(file).parent_path().string());
}

void Workspace::backupTo(const std::string& file) {
  std::error_code ec;
  if (fs::exists(file, ec))
    throw WorkspaceError(Kind::Refused, msg("{} already exists; choose another name for the backup.", file));
  copyTo(file);
}

std::string Workspace::backup() {
  const std::string dir = backupDirectory();
  if (dir.empty())
    throw WorkspaceError(Kind::Refused,
                         tr("A workspace kept only in memory has no backup folder; give a file name."));
  std::error_code ec;
  std::string file;
  try {
    fs::create_directories(dir, ec);
    if (ec)
      throw WorkspaceError(
          Kind::Io, msg("Could not create the backup folder {} ({}). Check that it can be written to.", dir,
                        ec.message()));
    removeUnfinishedBackups();
    file = uniqueName(dir, stemOf(path_) + "-" + stamp());
    copyTo(file);
  } catch (const WorkspaceError& e) {
    noteBackupFailure(e.what());
    throw;
  }
  lastBackup_ = std::chrono::steady_clock::now();
  changedSinceBackup_ = false;
  auto all = backups();
  for (std::size_t i = static_cast<std::size_t>(std::max(options_.backupsKept, 1)); i < all.size(); ++i)
    fs::remove(all[i], ec);
  noteBackupFailure({});
  return file;
}

std::size_t Workspace::removeUnfinishedBackups() {
  const std::string dir = backupDirectory();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return 0;
  const std::string stem = stemOf(path_);
  const std::string partialSuffix = std::string(kExtension) + ".partial";
  std::vector<fs::path> doomed;
  std::size_t copies = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(stem + "-")) continue;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
      if (name.ends_with(partialSuffix + suffix)) {
        doomed.push_back(entry.path());
        if (*suffix == '\0') ++copies;
      }
  }
  for (const auto& p : doomed) fs::remove(p, ec);
  if (copies > 0)
    noteBackupFailure(
        msg("{} unfinished backup copies were left in {} (Focal was stopped, or the disk was "
            "full, while a backup was written); they were removed",
            copies, dir));
  return copies;
}

void Workspace::noteBackupFailure(const std::string& why) {
  if (readOnly_ || !db_.isOpen()) return;
  try {
    if (why.empty()) {
      if (db_.queryInteger("SELECT count(*) FROM meta WHERE key = 'backup_failed'") > 0)
        db_.exec("DELETE FROM meta WHERE key = 'backup_failed'");
      return;
    }
    sql::Statement note(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('backup_failed', ?1)");
    note.bind(1, utcTimestamp().substr(0, 19) + "Z: " + why).run();
  } catch (const sql::SqliteError&) {
    // The disk that refused the backup may refuse this too; the caller reports the failure.
  }
}

std::string Workspace::lastBackupFailure() {
  try {
    return db_.queryText("SELECT value FROM meta WHERE key = 'backup_failed'").value_or("");
  } catch (const sql::SqliteError&) {
    return {};
  }
}

bool Workspace::backupIfDue() {
  if (readOnly_ || !changedSinceBackup_ || path_ == ":memory:") return false;
  // Never inside a caller's transaction (an import writing answers and its
  // bookkeeping): the copy would hold what may yet be rolled back.
  if (db_.inTransaction()) return false;
  if (std::chrono::steady_clock::now() - lastBackup_ < options_.backupInterval) return false;
  backup();
  return true;
}

std::vector<std::string> Workspace::backups() const {
  std::vector<std::string> out;
  const std::string dir = backupDirectory();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  const std::string stem = stemOf(path_);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && isRollingBackup(name, stem)) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end(), std::greater<>());
  return out;
}

std::string Workspace::safetyCopy(const std::string& reason) {
  const std::string dir = backupDirectory();
  if (dir.empty()) return {};
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string file = uniqueName(dir, stemOf(path_) + "-" + reason + "-" + stamp());
  copyTo(file);
  return file;
}

std::string Workspace::restoreFrom(const std::string& backupFile) {
  requireWritable(tr("restore a backup"));
  std::error_code ec;
  if (!fs::exists(backupFile, ec))
    throw WorkspaceError(Kind::NotFound, msg("The backup {} does not exist. List the backups with: ls {}",
                                             backupFile, backupDirectory()));
  // Check (and bring to the current format) a private copy of the backup as
  // untrusted input, so neither the backup nor the workspace is touched
  // until the content is known to be good.
  const std::string dir = backupDirectory().empty() ? fs::temp_directory_path().string() : backupDirectory();
  fs::create_directories(dir, ec);
  const std::string checking = uniqueName(dir, stemOf(path_) + "-checking-" + stamp());
  fs::copy_file(backupFile, checking, ec);
  if (ec) throw WorkspaceError(Kind::Io, msg("Could not read the backup {} ({}).", backupFile, ec.message()));
  std::string safety;
  try {
    WorkspaceOptions checkOptions;
    checkOptions.user = options_.user;
    checkOptions.backupOnClose = false;
    checkOptions.backupDirectory = dir;
    auto source = Workspace::open(checking, checkOptions);
    source->releaseLock();
    safety = safetyCopy("before-restore");
    statements_.reset();
    try {
      sql::copyDatabase(source->db_, db_);
      sql::Transaction t(db_);
      writeLockRow();
      t.commit();
    } catch (const sql::SqliteError& e) {
      rethrow(e, tr("restore the backup"));
    }
    source.reset();
  } catch (...) {
    fs::remove(checking, ec);
    if (!statements_) prepareStatements();
    throw;
  }
  fs::remove(checking, ec);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(checking + suffix, ec);
  questionnaires_.clear();
  prepareStatements();
  changedSinceBackup_ = true;
  return safety;
}

std::string Workspace::restore(const std::string& workspace, const std::string& backupFile,
                               WorkspaceOptions options) {
  std::error_code ec;
  if (fs::exists(workspace, ec)) {
    options.backupOnClose = false;
    auto ws = Workspace::open(workspace, options);
    return ws->restoreFrom(backupFile);
  }
  if (!fs::exists(backupFile, ec))
    throw WorkspaceError(Kind::NotFound, msg("The backup {} does not exist.", backupFile));
  const std::string partial = workspace + ".restoring";
  fs::remove(partial, ec);
  fs::copy_file(backupFile, partial, ec);
  if (ec)
    throw WorkspaceError(Kind::Io, msg("Could not copy {} to {} ({}).", backupFile, workspace, ec.message()));
  try {
    options.backupOnClose = false;
    options.backupDirectory = workspace + ".backups";
    Workspace::open(partial, options).reset();  // checks and migrates it
  } catch (...) {
    fs::remove(partial, ec);
    throw;
  }
  detail::syncFile(partial);
  fs::rename(partial, workspace, ec);
  if (ec) throw WorkspaceError(Kind::Io, msg("Could not write {} ({}).", workspace, ec.message()));
  return {};
}

// ---- the file removed or replaced while open -------------------------------

void Workspace::rememberFile() {
  struct stat st {};
  fileKnown_ = path_ != ":memory:" && ::stat(path_.c_str(), &st) == 0;
  fileDevice_ = st.st_dev;
  fileInode_ = st.st_ino;
}

void Workspace::reconnect(const std::string& file) {
  statements_.reset();
  // SQLite leaves the journal of a moved or deleted database file behind
  // (SQLITE_FCNTL_HAS_MOVED), under the old name, where it would be applied
  // to whatever file takes that name. Empty it into the old file first,
  // then remove it once it is empty.
  try {
    db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const sql::SqliteError&) {
    // Removed below only when empty.
  }
  db_.close();
  std::error_code ec;
  const std::string previous = path_;
  if (!fs::exists(previous + "-wal", ec) || fs::file_size(previous + "-wal", ec) == 0)
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(previous + suffix, ec);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(file + suffix, ec);
  path_ = file;
  try {
    db_ = sql::Database(path_, SQLITE_OPEN_READWRITE);
    configure();
    db_.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  } catch (const sql::SqliteError& e) {
    rethrow(e, tr("open the workspace again"));
  }
  lockHeld_ = false;
  acquireLock();
  prepareStatements();
  rememberFile();
}

void Workspace::ensureFileInPlace() {
  if (!fileKnown_ || readOnly_ || !db_.isOpen()) return;
  struct stat st {};
  const bool present = ::stat(path_.c_str(), &st) == 0;
  if (present && static_cast<unsigned long long>(st.st_dev) == fileDevice_ &&
      static_cast<unsigned long long>(st.st_ino) == fileInode_)
    return;
  std::error_code ec;
  const fs::path parent =
      fs::path(path_).parent_path().empty() ? fs::path(".") : fs::path(path_).parent_path();
  if (!fs::is_directory(parent, ec))
    throw WorkspaceError(Kind::Io,
                         msg("The folder of {} is gone (a disk or network drive that was removed?). "
                             "Reconnect the drive or put the folder back where it was.",
                             path_));
  const std::string previous = path_;
  if (!present) {
    // Removed (deleted, or moved away): write it again where it was, from
    // the open connection, which still holds every answer.
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(path_ + suffix, ec);
    copyTo(path_);
    reconnect(path_);
    warnings_.push_back(
        msg("{} was removed while Focal had it open; Focal wrote it again with every answer.", previous));
    return;
  }
  // Replaced by another file: leave that file alone and go on in a copy.
  const std::string rescue = uniqueName(parent, stemOf(path_) + "-rescued-" + stamp());
  copyTo(rescue);
  reconnect(rescue);
  warnings_.push_back(
      msg("{} was replaced by another file while Focal had it open. Focal left that file "
          "alone and saved every answer in {}, where it goes on saving; compare the two "
          "when you can.",
          previous, rescue));
}

}  // namespace focal
