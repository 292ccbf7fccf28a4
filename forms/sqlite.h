// A small RAII layer over the SQLite C API for the answer store: a
// connection, prepared statements, and transactions that roll back unless
// committed (after SQLiteCpp's Database, Statement and Transaction). Errors
// are thrown as SqliteError carrying SQLite's extended result code, so the
// store can tell a full disk or a read-only file from other failures.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace focal::sql {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }                // extended result code
  int primaryCode() const { return code_ & 0xFF; }  // SQLITE_FULL, SQLITE_READONLY...

 private:
  int code_;
};

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text and blobs are not copied:
  // they must stay alive until the statement is stepped. A temporary
  // string (an rvalue) is copied, since it dies before the statement runs.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::string&& text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bindBlob(int index, const void* data, std::size_t size);
  Statement& bindNull(int index);

  // Runs one step: true when a row is available.
  bool step();
  // Runs to completion (for statements that return no rows).
  void run();
  // Makes the statement ready to run again, keeping nothing bound.
  void reset();

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  std::vector<unsigned char> blob(int column) const;
  bool isNull(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  void check(int rc) const;
  sqlite3_stmt* stmt_ = nullptr;
  Database* db_;
};

class Database {
 public:
  Database() = default;
  // flags: SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE [| SQLITE_OPEN_CREATE].
  Database(const std::string& path, int flags);
  Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  bool isOpen() const { return db_ != nullptr; }
  void close();
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  void exec(std::string_view sql);
  // For a file that may come from elsewhere (a workspace, a report, the
  // consolidated store): defensive mode, an untrusted schema, no triggers,
  // views or extensions, cell sizes checked and no memory mapping, so that
  // a crafted file can neither run code nor hide damage. Called once, just
  // after opening and before the first read.
  void hardenForUntrustedFile();
  // The first column of the first row as text, or nullopt when there is none.
  std::optional<std::string> queryText(std::string_view sql);
  std::int64_t queryInteger(std::string_view sql, std::int64_t fallback = 0);
  std::int64_t lastInsertRowid() const;
  int changes() const;
  bool inTransaction() const;

  // Throws SqliteError for a failed result code, with SQLite's own message.
  void check(int rc) const;
  [[noreturn]] void fail(int rc) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN IMMEDIATE on construction (the write lock is taken at once, so a
// busy database fails here rather than at COMMIT); ROLLBACK on destruction
// unless commit() succeeded. Inside another transaction it is a savepoint:
// commit() releases it into the outer one, and without commit() only its
// own changes are rolled back, so a store operation can run alone or as
// part of a larger one (an import writing answers and its bookkeeping).
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();
  bool nested() const { return !savepoint_.empty(); }

 private:
  Database& db_;
  std::string savepoint_;  // the savepoint's name when nested, else ""
  bool done_ = false;
};

// Copies the whole database `from` into `to` with SQLite's online backup API.
void copyDatabase(Database& from, Database& to);

}  // namespace focal::sql
