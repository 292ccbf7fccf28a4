// Shared by the workspace_*.cpp files only: the prepared statements of the
// hot paths, message formatting, and the pieces of the lock and file-system
// checks that the tests reach directly.
#pragma once

#include <fmt/format.h>

#include <string>

#include "forms/i18n.h"
#include "forms/sqlite.h"
#include "forms/workspace.h"

namespace focal {

struct Workspace::Statements {
  explicit Statements(sql::Database& db);
  sql::Statement upsertAnswer, deleteAnswer, logAnswer, touchResponse, lockHolder, selectAnswers;
};

namespace detail {

// The name of a network or FUSE file system from statfs' f_type, or "".
std::string networkFileSystemName(unsigned long type);
// The synced folder (Dropbox, OneDrive, ...) that `path` lies in, or "".
std::string syncedFolderName(const std::string& path);

struct ProcessIdentity {
  std::string machine;  // gethostname
  std::int64_t pid = 0;
  std::string bootId;        // /proc/sys/kernel/random/boot_id, "" where unknown
  std::string processStart;  // /proc/PID/stat start time, "" where unknown
};
ProcessIdentity thisProcess();
bool processAlive(std::int64_t pid);
std::string processStart(std::int64_t pid);

// Reads a file's first bytes to tell a SQLite database from anything else.
bool looksLikeSqlite(const std::string& path);
// Writes the data to disk (fsync) so a rename after it is durable.
void syncFile(const std::string& path);
void syncDirectory(const std::string& path);

inline constexpr int kApplicationId = 0x464F434C;  // "FOCL"

}  // namespace detail
}  // namespace focal
