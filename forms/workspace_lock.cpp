// The one-writer lock (a row naming user, machine, process and time, taken
// over only when that process is known to have ended) and the helpers about
// this process, this machine and its file systems.
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sodium.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include "forms/workspace.h"
#include "forms/workspace_internal.h"

namespace focal {

namespace fs = std::filesystem;
using Kind = WorkspaceError::Kind;

namespace {

// The canonical paths this process holds the lock of, to tell a second open
// in the same program from a stale lock left by an earlier program that had
// the same process number.
std::mutex gLockedMutex;
std::set<std::string> gLocked;

std::string canonical(const std::string& path) {
  std::error_code ec;
  auto p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

std::string readSmallFile(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  return text;
}

}  // namespace

// ---- the one-writer lock ------------------------------------------------------

void Workspace::acquireLock() {
  const detail::ProcessIdentity me = detail::thisProcess();
  const std::string key = canonical(path_);
  sql::Transaction t(db_);
  sql::Statement select(db_,
                        "SELECT user, machine, pid, boot_id, process_start, since FROM lock WHERE id = 1");
  if (select.step()) {
    LockHolder holder{select.text(0), select.text(1), select.integer(2), select.text(5)};
    const std::string bootId = select.text(3), start = select.text(4);
    bool stale = false;
    if (holder.machine == me.machine) {
      if (!bootId.empty() && !me.bootId.empty() && bootId != me.bootId) {
        stale = true;  // the machine was restarted since
      } else if (holder.pid == me.pid) {
        std::lock_guard guard(gLockedMutex);
        stale = path_ == ":memory:" || !gLocked.contains(key);
      } else if (!detail::processAlive(holder.pid)) {
        stale = true;
      } else if (!start.empty()) {
        stale = detail::processStart(holder.pid) != start;  // the number now belongs to another program
      }
    }
    if (!stale) throw WorkspaceLocked(path_, holder);
    closedImproperly_ =
        msg("{} was not closed properly the last time it was open (by {}). Every answer saved up to "
            "then is still in it.",
            path_, holder.describe());
    warnings_.push_back(closedImproperly_);
  }
  writeLockRow();
  t.commit();
}

// Within the caller's transaction.
void Workspace::writeLockRow() {
  const detail::ProcessIdentity me = detail::thisProcess();
  sql::Statement insert(db_,
                        "INSERT OR REPLACE INTO lock(id, user, machine, pid, boot_id, process_start, since) "
                        "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)");
  const std::string since = utcTimestamp();
  insert.bind(1, options_.user)
      .bind(2, me.machine)
      .bind(3, me.pid)
      .bind(4, me.bootId)
      .bind(5, me.processStart);
  insert.bind(6, since).run();
  lockHeld_ = true;
  lockMachine_ = me.machine;
  lockPid_ = me.pid;
  if (path_ != ":memory:") {
    std::lock_guard guard(gLockedMutex);
    gLocked.insert(canonical(path_));
  }
}

void Workspace::releaseLock() {
  if (!lockHeld_) return;
  lockHeld_ = false;
  if (path_ != ":memory:") {
    std::lock_guard guard(gLockedMutex);
    gLocked.erase(canonical(path_));
  }
  try {
    sql::Statement s(db_, "DELETE FROM lock WHERE id = 1 AND machine = ?1 AND pid = ?2");
    s.bind(1, lockMachine_).bind(2, lockPid_).run();
  } catch (const sql::SqliteError&) {
    // A full or read-only disk: the next opener sees this program has ended and takes over.
  }
}

void Workspace::checkLockHeld() {
  auto& s = statements_->lockHolder;
  bool ours = s.step() && s.text(0) == lockMachine_ && s.integer(1) == lockPid_;
  s.reset();
  if (!ours)
    throw WorkspaceError(Kind::Locked,
                         msg("Another program has taken over {} since it was opened here, so nothing "
                             "more can be saved from here. Close it here and open it again.",
                             path_));
}

// ---- helpers ----------------------------------------------------------------

std::string currentUserName() {
  if (const char* env = std::getenv("FOCAL_USER"); env && *env) return env;
  if (struct passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
  if (const char* env = std::getenv("USER"); env && *env) return env;
  return "unknown";
}

std::string fileSystemWarning(const std::string& path) {
  if (path.empty() || path == ":memory:") return {};
  fs::path p = fs::absolute(path);
  fs::path dir = fs::is_directory(p) ? p : p.parent_path();
  struct statfs info {};
  if (statfs(dir.c_str(), &info) == 0) {
    std::string name = detail::networkFileSystemName(static_cast<unsigned long>(info.f_type));
    if (!name.empty())
      return msg(
          "{} is on {}. Workspaces can be damaged there, because SQLite's write-ahead log needs a local "
          "disk. "
          "Keep the workspace on this computer's own disk and send copies instead.",
          path, name);
  }
  std::string synced = detail::syncedFolderName(p.string());
  if (!synced.empty())
    return msg(
        "{} is in a folder synchronised by {}. Synchronising a workspace while it is open can damage it. "
        "Keep "
        "it in a folder that is not synchronised, and send copies instead.",
        path, synced);
  return {};
}

namespace detail {

std::string networkFileSystemName(unsigned long type) {
  switch (type) {
    case 0x6969:
      return tr("a network file system (NFS)");
    case 0x517B:
    case 0xFF534D42:
    case 0xFE534D42:
      return tr("a network share (SMB/CIFS)");
    case 0x65735546:
      return tr("a FUSE file system (such as sshfs or a cloud-drive client)");
    case 0x01021997:
      return tr("a network file system (9P)");
    case 0x00C36400:
      return tr("a network file system (Ceph)");
    case 0x5346414F:
    case 0x6B414653:
      return tr("a network file system (AFS)");
    case 0x73757245:
      return tr("a network file system (Coda)");
    case 0x0BD00BD0:
      return tr("a network file system (Lustre)");
    case 0x01161970:
      return tr("a cluster file system (GFS2)");
    default:
      return {};
  }
}

std::string syncedFolderName(const std::string& path) {
  static const char* const kNames[] = {"Dropbox",      "OneDrive",    "Google Drive", "GoogleDrive",
                                       "iCloud Drive", "iCloudDrive", "Nextcloud",    "ownCloud",
                                       "Seafile",      "pCloudDrive", "Box Sync"};
  for (const auto& part : fs::path(path)) {
    const std::string name = part.string();
    for (const char* candidate : kNames) {
      const std::size_t n = std::strlen(candidate);
      // "OneDrive - Organisation" and "Dropbox (Team)" count too.
      if (name.compare(0, n, candidate) == 0 && (name.size() == n || name[n] == ' ')) return candidate;
    }
  }
  return {};
}

ProcessIdentity thisProcess() {
  ProcessIdentity me;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) me.machine = host;
  me.pid = getpid();
  me.bootId = readSmallFile("/proc/sys/kernel/random/boot_id");
  me.processStart = processStart(me.pid);
  return me;
}

bool processAlive(std::int64_t pid) {
  if (pid <= 0) return false;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::string processStart(std::int64_t pid) {
  // Field 22 of /proc/PID/stat, after the command name in parentheses.
  std::string stat = readSmallFile("/proc/" + std::to_string(pid) + "/stat");
  auto close = stat.rfind(')');
  if (close == std::string::npos) return {};
  std::size_t pos = close + 2;
  for (int field = 3; field < 22 && pos != std::string::npos; ++field) {
    pos = stat.find(' ', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos) return {};
  return stat.substr(pos, stat.find(' ', pos) - pos);
}

bool looksLikeSqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::memcmp(header, "SQLite format 3\0", 16) == 0;
}

void syncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void syncDirectory(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace detail
}  // namespace focal
