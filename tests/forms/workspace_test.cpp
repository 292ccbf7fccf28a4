// The workspace file: creation, reopening, the untrusted-file checks, format
// migrations, the one-writer lock, the audit trail, attachments, backups
// and restore, on :memory: and on real files.
#include "forms/workspace.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "forms/workspace_internal.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::failureKind;
using test::RawDb;
using test::TempDir;
using test::testOptions;
namespace fs = std::filesystem;
using Kind = WorkspaceError::Kind;

ResponseId newResponse(Workspace& ws, const std::map<std::string, std::string>& initial = {}) {
  return ws.createResponse(*test::storeQuestionnaire(), "NGA", "en", initial);
}

TEST(Workspace, CreatesAFileAndReopensIt) {
  TempDir dir;
  const std::string path = dir.file("nigeria.focal");
  ResponseId id;
  {
    auto ws = Workspace::create(path, testOptions("maria"));
    id = newResponse(*ws);
    ws->write(id, {{"q_1", "no"}, {"q_2", "Because."}, {"q_6/y2022/women", "12"}});
    EXPECT_EQ(ws->database().queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(ws->database().queryInteger("PRAGMA synchronous"), 2);  // FULL
  }
  auto ws = Workspace::open(path, testOptions());
  EXPECT_EQ(ws->database().queryInteger("PRAGMA user_version"), Workspace::kSchemaVersion);
  auto answers = ws->answers(id);
  EXPECT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers["q_2"], "Because.");
  auto info = ws->response(id);
  EXPECT_EQ(info.questionnaireId, "store-test");
  EXPECT_EQ(info.state, "NGA");
  EXPECT_EQ(info.createdBy, "maria");
  EXPECT_EQ(info.questionnaireSha256, sha256Hex(test::storeQuestionnaire()->sourceText));
  auto stored = ws->storedAnswers(id);
  ASSERT_FALSE(stored.empty());
  EXPECT_EQ(stored.front().changedBy, "maria");
  EXPECT_EQ(stored.front().changedAt.size(), 24u);  // 2026-11-05T10:22:31.123Z
  // The questionnaire comes back from the text kept in the file.
  EXPECT_EQ(ws->questionnaire(id)->questions.size(), test::storeQuestionnaire()->questions.size());
}

TEST(Workspace, WorksInMemory) {
  auto ws = Workspace::create(":memory:", testOptions());
  ResponseId id = newResponse(*ws, {{"q_1", "yes"}});
  ws->write(id, {{"q_3", "7"}, {"q_1", ""}});
  auto answers = ws->answers(id);
  EXPECT_EQ(answers, (std::map<std::string, std::string>{{"q_3", "7"}}));
  EXPECT_EQ(ws->history(id, "q_1").size(), 2u);
}

TEST(Workspace, OpensUntrustedFilesDefensively) {
  TempDir dir;
  Workspace::create(dir.file("a.focal"), testOptions()).reset();
  auto ws = Workspace::open(dir.file("a.focal"), testOptions());
  auto& db = ws->database();
  EXPECT_EQ(db.queryInteger("PRAGMA trusted_schema"), 0);
  EXPECT_EQ(db.queryInteger("PRAGMA cell_size_check"), 1);
  EXPECT_EQ(db.queryInteger("PRAGMA mmap_size"), 0);
  int defensive = -1;
  sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  EXPECT_EQ(defensive, 1);
}

TEST(Workspace, RefusesWhatIsNotAWorkspace) {
  TempDir dir;
  std::string message;
  EXPECT_EQ(failureKind([&] { Workspace::open(dir.file("missing.focal"), testOptions()); }, &message),
            Kind::NotFound);
  EXPECT_NE(message.find("focal-cli new"), std::string::npos) << message;

  test::writeFile(dir.file("notes.focal"), "Dear colleague, ...");
  EXPECT_EQ(failureKind([&] { Workspace::open(dir.file("notes.focal"), testOptions()); }, &message),
            Kind::NotWorkspace);
  EXPECT_NE(message.find("notes.focal"), std::string::npos);

  { RawDb(dir.file("other.db")).exec("CREATE TABLE t(x)"); }
  EXPECT_EQ(failureKind([&] { Workspace::open(dir.file("other.db"), testOptions()); }, &message),
            Kind::NotWorkspace);

  Workspace::create(dir.file("a.focal"), testOptions()).reset();
  EXPECT_EQ(failureKind([&] { Workspace::create(dir.file("a.focal"), testOptions()); }, &message),
            Kind::Refused);
  EXPECT_EQ(failureKind([&] { Workspace::create(dir.file("no/such/folder/a.focal"), testOptions()); }),
            Kind::NotFound);
}

TEST(Workspace, RefusesAFileFromANewerFocal) {
  TempDir dir;
  Workspace::create(dir.file("a.focal"), testOptions()).reset();
  RawDb(dir.file("a.focal")).exec("PRAGMA user_version = 99");
  std::string message;
  EXPECT_EQ(failureKind([&] { Workspace::open(dir.file("a.focal"), testOptions()); }, &message),
            Kind::TooNew);
  EXPECT_NE(message.find("newer version of Focal"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing was changed"), std::string::npos) << message;
  EXPECT_EQ(RawDb(dir.file("a.focal")).text("PRAGMA user_version"), "99");
}

TEST(Workspace, MigratesAHandMadeVersion1File) {
  TempDir dir;
  const std::string path = dir.file("old.focal");
  const auto& q = *test::storeQuestionnaire();
  const std::string sha = sha256Hex(q.sourceText);
  {
    // Format 1 exactly as the first Focal wrote it.
    RawDb db(path);
    db.exec(R"sql(
PRAGMA journal_mode = WAL;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE questionnaires(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, questionnaire_id TEXT NOT NULL,
  version TEXT NOT NULL, source_name TEXT NOT NULL, text TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE responses(id INTEGER PRIMARY KEY, questionnaire_id TEXT NOT NULL, questionnaire_version TEXT NOT NULL,
  questionnaire_sha256 TEXT NOT NULL, state TEXT NOT NULL, language TEXT NOT NULL, created_at TEXT NOT NULL,
  created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
CREATE TABLE answers(response INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL, changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL, UNIQUE(response, path));
CREATE TABLE answer_log(id INTEGER PRIMARY KEY, response INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL,
  changed_by TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE INDEX answer_log_by_path ON answer_log(response, path);
CREATE TABLE lock(id INTEGER PRIMARY KEY CHECK (id = 1), user TEXT NOT NULL, machine TEXT NOT NULL,
  pid INTEGER NOT NULL, boot_id TEXT NOT NULL, process_start TEXT NOT NULL, since TEXT NOT NULL);
PRAGMA application_id = 1179599692;
PRAGMA user_version = 1;
)sql");
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO questionnaires VALUES (1, ?1, 'store-test', '1', 'test.yaml', ?2, 'x')",
                       -1, &s, nullptr);
    sqlite3_bind_text(s, 1, sha.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, q.sourceText.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(raw);
    db.exec(
        "INSERT INTO responses VALUES (1, 'store-test', '1', '" + sha +
        "', 'NGA', 'en', '2024-01-01T00:00:00.000Z', 'ana', '2024-01-01T00:00:00.000Z', 'ana');"
        "INSERT INTO answers VALUES (1, 'q_1', 'no', 'ana', '2024-01-01T00:00:00.000Z');"
        "INSERT INTO answers VALUES (1, 'q_2', 'Words typed in 2024', 'ana', '2024-01-01T00:00:00.000Z');");
  }
  auto ws = Workspace::open(path, testOptions());
  EXPECT_EQ(ws->database().queryInteger("PRAGMA user_version"), Workspace::kSchemaVersion);
  EXPECT_EQ(ws->answers(1).at("q_2"), "Words typed in 2024");
  // The new tables work.
  const std::string text = "legislation";
  auto info =
      ws->storeAttachment(1, "q_8", "law.txt", "text/plain",
                          std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()), 0);
  EXPECT_FALSE(info.deduplicated);
  EXPECT_TRUE(ws->orphanedAnswers(1).empty());
  // A copy of the file as it was is kept before migrating.
  bool safetyCopy = false;
  for (const auto& entry : fs::directory_iterator(ws->backupDirectory()))
    safetyCopy |= entry.path().filename().string().starts_with(
        "old-before-format-" + std::to_string(Workspace::kSchemaVersion) + "-");
  EXPECT_TRUE(safetyCopy);
}

TEST(Workspace, RefusesADamagedFileAndPointsToTheBackup) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  {
    auto ws = Workspace::create(path, testOptions());
    ResponseId id = newResponse(*ws);
    for (int i = 0; i < 200; ++i) ws->write(id, {{"q_2", std::string(500, static_cast<char>('a' + i % 26))}});
    ws->backup();
  }
  {
    // Overwrite the middle of the file (the answers' pages, not the header).
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    const std::string garbage(4096 * 3, '\x5A');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::string message;
  auto kind = failureKind([&] { Workspace::open(path, testOptions()); }, &message);
  EXPECT_TRUE(kind == Kind::Damaged || kind == Kind::NotWorkspace) << message;
  EXPECT_NE(message.find("focal-cli restore"), std::string::npos) << message;
}

TEST(Workspace, RefusesAFileWithTriggers) {
  TempDir dir;
  Workspace::create(dir.file("a.focal"), testOptions()).reset();
  RawDb(dir.file("a.focal")).exec("CREATE TRIGGER t AFTER INSERT ON answers BEGIN DELETE FROM answers; END;");
  std::string message;
  EXPECT_EQ(failureKind([&] { Workspace::open(dir.file("a.focal"), testOptions()); }, &message),
            Kind::Damaged);
  EXPECT_NE(message.find("triggers"), std::string::npos) << message;
}

TEST(Workspace, ASecondOpenerIsToldWhoHasItAndMayReadOnly) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  auto first = Workspace::create(path, testOptions("maria"));
  ResponseId id = newResponse(*first, {{"q_1", "yes"}});
  try {
    Workspace::open(path, testOptions("omar"));
    FAIL() << "the second open should be refused";
  } catch (const WorkspaceLocked& e) {
    EXPECT_EQ(e.holder().user, "maria");
    EXPECT_EQ(e.holder().pid, getpid());
    EXPECT_EQ(e.holder().machine, detail::thisProcess().machine);
    EXPECT_FALSE(e.holder().since.empty());
    const std::string message = e.what();
    EXPECT_NE(message.find("maria"), std::string::npos) << message;
    EXPECT_NE(message.find("read-only"), std::string::npos) << message;
  }
  WorkspaceOptions readOnly = testOptions("omar");
  readOnly.readOnlyIfLocked = true;
  auto second = Workspace::open(path, readOnly);
  EXPECT_TRUE(second->readOnly());
  ASSERT_TRUE(second->lockedBy());
  EXPECT_EQ(second->lockedBy()->user, "maria");
  EXPECT_EQ(second->answers(id).at("q_1"), "yes");
  EXPECT_EQ(failureKind([&] { second->write(id, {{"q_1", "no"}}); }), Kind::ReadOnly);
  // The writer goes on writing, and the reader sees it.
  first->write(id, {{"q_1", "no"}});
  EXPECT_EQ(second->answers(id).at("q_1"), "no");
  first.reset();
  second.reset();
  auto third = Workspace::open(path, testOptions("omar"));
  EXPECT_FALSE(third->readOnly());
}

TEST(Workspace, TakesOverTheLockOfAProgramThatDied) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  Workspace::create(path, testOptions()).reset();
  pid_t child = fork();
  if (child == 0) {
    auto ws = Workspace::open(path, testOptions("crashed"));
    _exit(ws->readOnly() ? 1 : 0);  // no destructor runs: the lock row stays
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(RawDb(path).text("SELECT user FROM lock"), "crashed");
  auto ws = Workspace::open(path, testOptions());
  EXPECT_FALSE(ws->readOnly());
  ASSERT_EQ(ws->warnings().size(), 1u);
  EXPECT_NE(ws->warnings()[0].find("not closed properly"), std::string::npos) << ws->warnings()[0];
}

TEST(Workspace, DoesNotTakeOverALockHeldOnAnotherMachine) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  Workspace::create(path, testOptions()).reset();
  RawDb(path).exec(
      "INSERT INTO lock VALUES (1, 'ana', 'LAPTOP-7', 4242, 'boot', '1', '2026-11-05T10:22:31.000Z')");
  std::string message;
  EXPECT_EQ(failureKind([&] { Workspace::open(path, testOptions()); }, &message), Kind::Locked);
  EXPECT_NE(message.find("ana (machine LAPTOP-7, program 4242) since 2026-11-05 10:22 UTC"),
            std::string::npos)
      << message;
}

TEST(Workspace, StopsWritingWhenAnotherProgramTookTheLock) {
  TempDir dir;
  auto ws = Workspace::create(dir.file("a.focal"), testOptions());
  ResponseId id = newResponse(*ws);
  ws->database().exec("UPDATE lock SET machine = 'elsewhere'");
  EXPECT_EQ(failureKind([&] { ws->write(id, {{"q_1", "yes"}}); }), Kind::Locked);
  EXPECT_TRUE(ws->answers(id).empty());
}

TEST(Workspace, KeepsEveryEarlierValueWithWhoAndWhen) {
  auto ws = Workspace::create(":memory:", testOptions("maria"));
  ResponseId id = newResponse(*ws);
  ws->write(id, {{"q_3", "1"}});
  ws->setUser("omar");
  ws->write(id, {{"q_3", "2"}, {"q_3@comment", "checked with the police"}});
  ws->write(id, {{"q_3", ""}});
  ws->write(id, {{"q_1", "yes"}});
  auto history = ws->history(id, "q_3");
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[0].value, "1");
  EXPECT_EQ(history[0].changedBy, "maria");
  EXPECT_EQ(history[1].value, "2");
  EXPECT_EQ(history[1].changedBy, "omar");
  EXPECT_EQ(history[2].path, "q_3@comment");
  EXPECT_EQ(history[3].value, "");  // removed
  EXPECT_LE(history[0].changedAt, history[3].changedAt);
  // A repeat's history holds its records, and a child's its values in every record.
  ws->write(id, {{"q_7", "r1 r2"}, {"q_7[r1]/q_7_partner", "FRA"}, {"q_7[r2]/q_7_partner", "ITA"}});
  EXPECT_EQ(ws->history(id, "q_7").size(), 3u);
  EXPECT_EQ(ws->history(id, "q_7_partner").size(), 2u);
}

TEST(Workspace, RefusesWritesToAMissingResponse) {
  auto ws = Workspace::create(":memory:", testOptions());
  EXPECT_EQ(failureKind([&] { ws->write(42, {{"q_1", "yes"}}); }), Kind::NotFound);
}

TEST(Workspace, ReportsAFullDiskAsSuch) {
  TempDir dir;
  auto ws = Workspace::create(dir.file("a.focal"), testOptions());
  ResponseId id = newResponse(*ws);
  ws->database().exec("PRAGMA max_page_count = " +
                      std::to_string(ws->database().queryInteger("PRAGMA page_count")));
  std::string message;
  try {
    ws->write(id, {{"q_2", std::string(20000, 'x')}});
    FAIL() << "the write should fail";
  } catch (const WorkspaceError& e) {
    EXPECT_EQ(e.kind(), Kind::DiskFull);
    EXPECT_TRUE(e.transient());
    message = e.what();
  }
  EXPECT_NE(message.find("disk is full"), std::string::npos) << message;
  EXPECT_NE(message.find("a.focal"), std::string::npos) << message;
  ws->database().exec("PRAGMA max_page_count = 1000000");
  ws->write(id, {{"q_2", std::string(20000, 'x')}});
  EXPECT_EQ(ws->answers(id).at("q_2").size(), 20000u);
}

TEST(Workspace, DetectsAnAlteredQuestionnaire) {
  TempDir dir;
  ResponseId id;
  {
    auto ws = Workspace::create(dir.file("a.focal"), testOptions());
    id = newResponse(*ws);
  }
  RawDb(dir.file("a.focal")).exec("UPDATE questionnaires SET text = text || '# changed'");
  auto ws = Workspace::open(dir.file("a.focal"), testOptions());
  std::string message;
  EXPECT_EQ(failureKind([&] { ws->questionnaire(id); }, &message), Kind::Damaged);
  EXPECT_NE(message.find("SHA-256"), std::string::npos);
}

// ---- attachments ---------------------------------------------------------------

std::span<const unsigned char> bytes(const std::string& s) {
  return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

TEST(Workspace, StoresIdenticalAttachmentsOnce) {
  auto ws = Workspace::create(":memory:", testOptions());
  ResponseId a = newResponse(*ws);
  ResponseId b = ws->createResponse(*test::storeQuestionnaire(), "FRA", "en");
  const std::string law = "Article 1. Trafficking in persons is a crime.";
  auto first = ws->storeAttachment(a, "q_8", "/home/me/penal code.txt", "text/plain", bytes(law), 0);
  auto second = ws->storeAttachment(b, "q_8", "copy.txt", "text/plain", bytes(law), 0);
  EXPECT_EQ(first.name, "penal code.txt");
  EXPECT_FALSE(first.deduplicated);
  EXPECT_TRUE(second.deduplicated);
  EXPECT_EQ(first.sha256, second.sha256);
  EXPECT_EQ(first.sha256.size(), 64u);
  EXPECT_EQ(ws->database().queryInteger("SELECT count(*) FROM attachment_data"), 1);
  EXPECT_EQ(ws->attachmentBytes(), law.size());
  auto back = ws->attachment(b, "q_8");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->info.name, "copy.txt");
  EXPECT_EQ(back->info.size, law.size());
  EXPECT_EQ(std::string(back->data.begin(), back->data.end()), law);
  EXPECT_FALSE(ws->attachment(a, "q_9"));
}

TEST(Workspace, EnforcesAttachmentCapsWithClearMessages) {
  WorkspaceOptions options = testOptions();
  options.attachmentTotalBytes = 100;
  auto ws = Workspace::create(":memory:", options);
  ResponseId id = newResponse(*ws);
  std::string message;
  EXPECT_EQ(failureKind(
                [&] {
                  ws->storeAttachment(id, "q_8", "big.pdf", "application/pdf", bytes(std::string(11, 'x')),
                                      10);
                },
                &message),
            Kind::Refused);
  EXPECT_NE(message.find("big.pdf"), std::string::npos) << message;
  EXPECT_NE(message.find("at most"), std::string::npos) << message;
  EXPECT_EQ(
      failureKind([&] { ws->storeAttachment(id, "q_8", "empty.pdf", "application/pdf", bytes(""), 10); }),
      Kind::Refused);
  ws->storeAttachment(id, "q_8", "a.pdf", "application/pdf", bytes(std::string(80, 'a')), 0);
  EXPECT_EQ(
      failureKind(
          [&] { ws->storeAttachment(id, "q_8", "b.pdf", "application/pdf", bytes(std::string(30, 'b')), 0); },
          &message),
      Kind::Refused);
  EXPECT_NE(message.find("limit"), std::string::npos) << message;
  // The same bytes again take no room.
  ws->storeAttachment(id, "q_8", "a-again.pdf", "application/pdf", bytes(std::string(80, 'a')), 0);
}

// ---- backups and restore ---------------------------------------------------------

TEST(Workspace, KeepsTheNewestBackups) {
  TempDir dir;
  WorkspaceOptions options = testOptions();
  options.backupsKept = 3;
  auto ws = Workspace::create(dir.file("nigeria.focal"), options);
  ResponseId id = newResponse(*ws);
  std::vector<std::string> written;
  for (int i = 0; i < 5; ++i) {
    ws->write(id, {{"q_3", std::to_string(i)}});
    written.push_back(ws->backup());
  }
  auto kept = ws->backups();
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0], written[4]);
  EXPECT_EQ(kept[2], written[2]);
  EXPECT_EQ(fs::path(kept[0]).parent_path().filename(), "nigeria.focal.backups");
  // Each backup is a whole workspace, holding no lock.
  auto copy = Workspace::open(kept[0], testOptions());
  EXPECT_EQ(copy->answers(id).at("q_3"), "4");
  EXPECT_EQ(RawDb(kept[1]).text("SELECT count(*) FROM lock"), "0");
}

TEST(Workspace, BacksUpAtTheIntervalAndOnClose) {
  TempDir dir;
  WorkspaceOptions options = testOptions();
  options.backupInterval = std::chrono::seconds(0);
  options.backupOnClose = true;
  const std::string path = dir.file("a.focal");
  {
    auto ws = Workspace::create(path, options);
    EXPECT_TRUE(ws->backupIfDue());   // created: something changed
    EXPECT_FALSE(ws->backupIfDue());  // nothing changed since
    ResponseId id = newResponse(*ws);
    ws->write(id, {{"q_1", "yes"}});
    EXPECT_TRUE(ws->backupIfDue());
    ws->write(id, {{"q_1", "no"}});
  }  // closing backs up the last change
  options.backupOnClose = false;
  auto ws = Workspace::open(path, options);
  auto all = ws->backups();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(Workspace::open(all[0], testOptions())->answers(1).at("q_1"), "no");
}

TEST(Workspace, RestoresABackupAndKeepsWhatItReplaced) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  auto ws = Workspace::create(path, testOptions());
  ResponseId id = newResponse(*ws, {{"q_1", "yes"}});
  const std::string backup = ws->backup();
  ws->write(id, {{"q_1", "no"}, {"q_2", "typed after the backup"}});
  const std::string before = ws->restoreFrom(backup);
  EXPECT_EQ(ws->answers(id), (std::map<std::string, std::string>{{"q_1", "yes"}}));
  ws->write(id, {{"q_3", "5"}});  // still the writer
  EXPECT_EQ(Workspace::open(before, testOptions())->answers(id).at("q_2"), "typed after the backup");
  ws.reset();
  // A workspace that no longer exists is restored too.
  fs::remove(path);
  EXPECT_EQ(Workspace::restore(path, backup, testOptions()), "");
  EXPECT_EQ(Workspace::open(path, testOptions())->answers(id).at("q_1"), "yes");
}

TEST(Workspace, RefusesToRestoreWhileAnotherProgramHasItOpen) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  auto ws = Workspace::create(path, testOptions());
  const std::string backup = ws->backup();
  EXPECT_EQ(failureKind([&] { Workspace::restore(path, backup, testOptions()); }), Kind::Locked);
  test::writeFile(dir.file("junk.focal"), "not a database");
  EXPECT_EQ(failureKind([&] { ws->restoreFrom(dir.file("junk.focal")); }), Kind::NotWorkspace);
}

// ---- file systems ------------------------------------------------------------------

TEST(Workspace, WarnsAboutNetworkAndSyncedFolders) {
  EXPECT_NE(detail::networkFileSystemName(0x6969), "");      // NFS
  EXPECT_NE(detail::networkFileSystemName(0xFF534D42), "");  // CIFS
  EXPECT_NE(detail::networkFileSystemName(0x65735546), "");  // FUSE (sshfs)
  EXPECT_EQ(detail::networkFileSystemName(0xEF53), "");      // ext4
  EXPECT_EQ(detail::syncedFolderName("/home/ana/Dropbox/reports/nga.focal"), "Dropbox");
  EXPECT_EQ(detail::syncedFolderName("/home/ana/OneDrive - UNODC/nga.focal"), "OneDrive");
  EXPECT_EQ(detail::syncedFolderName("/home/ana/Documents/nga.focal"), "");
  TempDir dir;
  EXPECT_EQ(fileSystemWarning(dir.file("a.focal")), "");
  fs::create_directories(dir.path() / "Dropbox");
  auto ws = Workspace::create(dir.file("Dropbox/a.focal"), testOptions());
  ASSERT_EQ(ws->warnings().size(), 1u);
  EXPECT_NE(ws->warnings()[0].find("synchronised by Dropbox"), std::string::npos) << ws->warnings()[0];
}

}  // namespace
}  // namespace focal
