// The answer store: a workspace is one SQLite file (extension .focal)
// holding one or more responses, each one State's reply to one
// questionnaire, with the questionnaire's text and SHA-256 kept beside it.
//
// Every answer is one row (response, path, value, who, when): answers are
// stored long because SQLite allows 2,000 columns at most. Every change is
// committed at once in its own transaction (WAL, synchronous=FULL) and
// appended to an audit log, so every earlier value stays with who and when.
// One program writes at a time: the lock row names the user, machine,
// process and time, and a second opener may open read-only. Files are
// opened as untrusted input (defensive mode, quick_check), and backups are
// rolling copies made with SQLite's backup API.
//
// Layout (format version kSchemaVersion; older files are migrated forward,
// newer ones refused): meta, questionnaires, responses, answers, answer_log,
// lock (version 1); attachment_data, attachments, orphaned_answers (2);
// answer_log.description (3).
// Beside them, schema_modules and the tables other layers register as
// versioned steps (forms/schema_registry.h), applied in the same migration.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "forms/clock.h"   // utcTimestamp, for the store's users
#include "forms/digest.h"  // sha256Hex
#include "forms/questionnaire.h"
#include "forms/response_session.h"
#include "forms/sqlite.h"

namespace focal {

using ResponseId = std::int64_t;

// One change to a response, who made it and what it was. The author is
// part of the change, not of the workspace: a change written later (a
// pending write retried, an agency's answers imported) keeps the name of
// whoever made it. The description says, in the user's words, what the
// change was ("Filled from answers.csv"); it is kept with every value in
// the history, and is empty for ordinary typing.
struct ChangeSet {
  std::vector<AnswerWrite> writes;
  std::string author;       // "" means the workspace's user (Workspace::user())
  std::string description;  // "" for typing
};

// A failure the user must read: the message names the file and says what to do.
class WorkspaceError : public std::runtime_error {
 public:
  enum class Kind {
    NotFound,      // no such file, response or attachment
    NotWorkspace,  // not a Focal workspace
    Damaged,       // quick_check failed, or the stored questionnaire does not match its hash
    TooNew,        // written by a newer Focal
    Locked,        // another program has it open for writing
    ReadOnly,      // opened read-only, or the file or disk refuses writing
    DiskFull,
    Io,       // other input/output failures
    Busy,     // the database stayed locked by another connection
    Refused,  // the request does not fit (size caps, wrong questionnaire, ...)
  };
  WorkspaceError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }
  // Whether writing may work later (disk full, read-only, busy, I/O): the
  // failed answers are kept and written again.
  bool transient() const;

 private:
  Kind kind_;
};

// Who holds the one-writer lock.
struct LockHolder {
  std::string user;
  std::string machine;
  std::int64_t pid = 0;
  std::string since;  // UTC, ISO 8601
  // "Maria (machine LAPTOP-7, program 4242) since 2026-11-05 10:22 UTC"
  std::string describe() const;
};

class WorkspaceLocked : public WorkspaceError {
 public:
  WorkspaceLocked(const std::string& path, LockHolder holder);
  const LockHolder& holder() const { return holder_; }

 private:
  LockHolder holder_;
};

struct WorkspaceOptions {
  std::string user;               // who writes; empty: currentUserName()
  bool readOnly = false;          // open without writing (and without the lock)
  bool readOnlyIfLocked = false;  // when another program holds the lock, open read-only instead of failing
  bool checkIntegrity = true;     // PRAGMA quick_check on open
  // Rolling backups: empty directory means "<file>.backups" beside the file.
  std::string backupDirectory;
  int backupsKept = 10;
  std::chrono::seconds backupInterval{10 * 60};
  bool backupOnClose = true;
  // Attachments: every file at most the question's cap (max_size_mb, else
  // 20 MB, never above 100 MB); all files of the workspace together at most this.
  std::uint64_t attachmentTotalBytes = std::uint64_t{2} << 30;
};

struct ResponseInfo {
  ResponseId id = 0;
  std::string questionnaireId, questionnaireVersion, questionnaireSha256, questionnaireSource;
  std::string state;  // ISO 3166-1 alpha-3
  std::string language;
  std::string createdAt, createdBy, updatedAt, updatedBy;
};

struct StoredAnswer {
  std::string path, value, changedBy, changedAt;
};

// One entry of the audit log: a value written (empty when removed), by
// whom, when, and what change it was part of ("" for typing).
struct HistoryEntry {
  std::string path, value, changedBy, changedAt, description;
};

// An answer the questionnaire upgrade could not place: kept, and listed.
struct OrphanedAnswer {
  std::string path, value, changedBy, changedAt;
  std::string reason, fromVersion, toVersion, orphanedAt;
};

struct AttachmentInfo {
  std::string path, name, type, sha256;
  std::uint64_t size = 0;
  std::string addedBy, addedAt;
  bool deduplicated = false;  // the same bytes were already stored, so they were not stored again
};

struct Attachment {
  AttachmentInfo info;
  std::vector<unsigned char> data;
};

// What a questionnaire upgrade did.
struct UpgradeReport {
  std::string fromVersion, toVersion;
  std::size_t kept = 0;
  std::vector<OrphanedAnswer> orphaned;  // moved aside, listed
  std::vector<std::pair<std::string, std::string>>
      needsReview;         // kept, but the new version flags them (path, message)
  std::string safetyCopy;  // the backup taken before
  bool unchanged = false;  // the response already used this questionnaire text
};

class Workspace {
 public:
  static constexpr int kSchemaVersion = 3;
  static constexpr const char* kExtension = ".focal";

  // Creates a new workspace file (refused when it exists). ":memory:" works.
  static std::unique_ptr<Workspace> create(const std::string& path, WorkspaceOptions options = {});
  // Opens an existing workspace; migrates an older format forward, refuses a newer one.
  static std::unique_ptr<Workspace> open(const std::string& path, WorkspaceOptions options = {});
  // A workspace kept in memory only (SQLite's ":memory:"), for the author's
  // preview: no file, no -wal, no lock file, no backups, temporary tables in
  // memory too, so nothing reaches the disk and nothing is left when it closes.
  static std::unique_ptr<Workspace> createInMemory(WorkspaceOptions options = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Makes the closing backup and releases the lock. Called by the destructor.
  void close();

  const std::string& path() const { return path_; }
  bool inMemory() const { return path_ == ":memory:"; }
  bool readOnly() const { return readOnly_; }
  const std::string& user() const { return options_.user; }
  void setUser(std::string user) { options_.user = std::move(user); }
  // Warnings to show the user (network or synced file system, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Whether the program that had it open last ended without closing it (a
  // crash, a kill): then this one of warnings() says so; "" otherwise.
  const std::string& closedImproperly() const { return closedImproperly_; }
  // Who holds the lock when this workspace was opened read-only because of it.
  const std::optional<LockHolder>& lockedBy() const { return lockedBy_; }

  // ---- responses (workspace_responses.cpp) ----
  // Starts a response to `questionnaire` for `state`, with `initial` answers
  // (carried forward), in one transaction. The questionnaire's text is kept.
  // `description` says where the initial answers came from, for the history.
  ResponseId createResponse(const Questionnaire& questionnaire, const std::string& state,
                            const std::string& language,
                            const std::map<std::string, std::string>& initial = {},
                            const std::string& description = {});
  // The same with the initial answers as change sets, each with its own
  // author and description (carried answers, the questionnaire's defaults).
  // (Another name: createResponse(q, state, language, {}) stays unambiguous.)
  ResponseId createResponseFromChanges(const Questionnaire& questionnaire, const std::string& state,
                                       const std::string& language, const std::vector<ChangeSet>& initial);
  std::vector<ResponseInfo> responses();
  ResponseInfo response(ResponseId id);
  // The questionnaire a response was started with (or upgraded to), loaded
  // from its stored text; refused when the text no longer matches its hash.
  std::shared_ptr<const Questionnaire> questionnaire(ResponseId id);
  std::map<std::string, std::string> answers(ResponseId id);
  std::vector<StoredAnswer> storedAnswers(ResponseId id);
  // Writes the change sets in one transaction, each value (empty removes)
  // stamped with its set's author on the answer and in the audit log.
  // Throws WorkspaceError; nothing is written when it throws.
  void write(ResponseId id, const std::vector<ChangeSet>& changes);
  // One change by the workspace's user.
  void write(ResponseId id, const std::vector<AnswerWrite>& writes) {
    write(id, {ChangeSet{writes, {}, {}}});
  }
  // The number of the latest change to the response's answers (its audit
  // log's), growing with every change, undo included; 0 before any.
  std::int64_t lastChangeNumber(ResponseId id);
  // Every value the question ever had (its parts, marks and records
  // included), oldest first, each with the description of its change.
  std::vector<HistoryEntry> history(ResponseId id, const std::string& questionId);
  std::vector<OrphanedAnswer> orphanedAnswers(ResponseId id);

  // ---- write rules (workspace_responses.cpp) ----
  // A rule on which answers may be written here: "" when `writes` may be
  // written, else why not, in one sentence saying what to do. Layers above
  // forms/ register providers, asked once for every workspace opened for
  // writing (export/contribution/contribution_request.cpp: an agency's request workspace
  // takes answers only in its assigned sections). The rule holds for every
  // caller: ResponseDocument refuses the edit, and write() refuses it as a last line.
  using WriteRule =
      std::function<std::string(const std::vector<AnswerWrite>& writes, const std::string& language)>;
  using WriteRuleProvider = std::function<WriteRule(Workspace& workspace)>;
  static void addWriteRuleProvider(WriteRuleProvider provider);
  std::string writeRefusal(const std::vector<AnswerWrite>& writes, const std::string& language = {}) const;

  // ---- attachments (workspace_responses.cpp) ----
  // Stores a file for the attachment at `path` (bytes stored once when
  // identical). `maxBytes` is the question's cap. Does not write the answer.
  AttachmentInfo storeAttachment(ResponseId id, const std::string& path, const std::string& name,
                                 const std::string& type, std::span<const unsigned char> data,
                                 std::uint64_t maxBytes, const std::string& author = {});
  std::optional<Attachment> attachment(ResponseId id, const std::string& path);
  std::uint64_t attachmentBytes();  // all stored files together

  // ---- questionnaire upgrade (workspace_cycles.cpp) ----
  UpgradeReport upgradeResponse(ResponseId id, const Questionnaire& newer);

  // ---- backups (workspace_backup.cpp) ----
  std::string backupDirectory() const;
  // A rolling backup now; keeps the newest `backupsKept`. Returns the file written.
  std::string backup();
  // A copy to `file` (not rotated). The copy holds no lock.
  void backupTo(const std::string& file);
  // A rolling backup when the interval has passed since the last one and something changed.
  bool backupIfDue();
  // Rolling backups, newest first.
  std::vector<std::string> backups() const;
  // Unfinished copies (*.focal.partial with their -journal, -wal and -shm
  // files) a kill or a full disk left in the backup folder: removed when the
  // workspace is opened for writing and by every rolling backup. Returns how many.
  std::size_t removeUnfinishedBackups();
  // Why the last rolling backup failed ("2026-11-05T10:22:31Z: the disk is
  // full ..."), kept in the workspace until a backup succeeds; empty when none failed.
  std::string lastBackupFailure();
  // Replaces the whole content with `backupFile` (checked first). A copy of
  // the current content is kept in the backup directory; returns its name.
  std::string restoreFrom(const std::string& backupFile);
  // The same for a workspace given by name, which need not exist any more.
  static std::string restore(const std::string& workspace, const std::string& backupFile,
                             WorkspaceOptions options = {});

  // The connection, for tests and benchmarks.
  sql::Database& database() { return db_; }

 private:
  Workspace(std::string path, WorkspaceOptions options);
  void configure();
  void checkUntrusted();
  void migrate(int from);
  // The tables other modules register (forms/schema_registry.h): the
  // versions a file records, whether steps are left to apply (throws
  // WorkspaceError TooNew for a module newer than this program), applying them.
  std::map<std::string, int> moduleVersions();
  bool moduleStepsPending();
  void applyModuleSteps();
  void acquireLock();
  void writeLockRow();
  void releaseLock();
  void checkLockHeld();
  void requireWritable(const std::string& doing) const;
  void refuseUnfitText(const std::vector<AnswerWrite>& writes) const;
  void prepareStatements();
  [[noreturn]] void rethrow(const sql::SqliteError& e, const std::string& doing) const;
  std::string safetyCopy(const std::string& reason);
  void copyTo(const std::string& file);
  void noteBackupFailure(const std::string& why);
  // The file's identity, to notice when it is removed or replaced while open.
  void rememberFile();
  // Before each change: when the file was removed, writes it again from the
  // open connection (nothing is lost); when it was replaced by another file,
  // goes on in a rescue copy beside it; when its folder is gone, throws
  // WorkspaceError (Io) so the change waits in memory.
  void ensureFileInPlace();
  void reconnect(const std::string& file);

  std::string path_;
  WorkspaceOptions options_;
  sql::Database db_;
  bool fileKnown_ = false;
  unsigned long long fileDevice_ = 0, fileInode_ = 0;
  bool readOnly_ = false;
  bool lockHeld_ = false;
  std::string lockMachine_;
  std::int64_t lockPid_ = 0;
  bool changedSinceBackup_ = false;
  std::chrono::steady_clock::time_point lastBackup_;
  std::vector<std::string> warnings_;
  std::string closedImproperly_;
  std::optional<LockHolder> lockedBy_;
  std::vector<WriteRule> writeRules_;
  void installWriteRules();
  struct Statements;
  std::unique_ptr<Statements> statements_;
  std::map<std::string, std::shared_ptr<const Questionnaire>> questionnaires_;  // by SHA-256 of the text

  friend struct WorkspaceAccess;
};

// ---- carry-forward (workspace_cycles.cpp) ----
struct CarryForward {
  std::map<std::string, std::string> answers;  // paths of the new questionnaire, with their @carried marks
  std::size_t questions = 0;                   // questions carried
  std::vector<std::pair<std::string, std::string>> notCarried;   // previous path, why
  std::vector<std::pair<std::string, std::string>> attachments;  // previous path, new path (files to copy)
  std::string description;  // for the history: "Carried forward from tip-cycle1 version 1"
};
// Maps the previous cycle's answers onto `next` by its carry_forward_from ids.
// Refused (WorkspaceError::Refused) when `previous` is not next's previous cycle.
CarryForward carryForward(const Questionnaire& next, const Questionnaire& previous,
                          const std::map<std::string, std::string>& previousAnswers);
// Copies the files of the carried attachment answers from the previous
// response to the new one (stored once when identical). Returns how many;
// a file the new question refuses (type, size) is listed in `notCopied`.
std::size_t carryAttachments(Workspace& from, ResponseId previous, Workspace& to, ResponseId next,
                             const CarryForward& carried,
                             std::vector<std::pair<std::string, std::string>>* notCopied = nullptr);
// The response in `workspace` that `next` carries forward from: the same
// State's response to next's previous_cycle questionnaire, the latest updated.
std::optional<ResponseId> findPreviousResponse(Workspace& workspace, const Questionnaire& next,
                                               const std::string& state);

// ---- helpers ----
// --user, else $FOCAL_USER, else the login name.
std::string currentUserName();
// A warning when `path` sits on a network or synced file system, else "".
std::string fileSystemWarning(const std::string& path);

}  // namespace focal
