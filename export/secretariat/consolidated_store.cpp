#include "export/secretariat/consolidated_store.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <tuple>

#include "export/report/signing_key.h"
#include "forms/clock.h"
#include "forms/countries.h"
#include "forms/digest.h"

namespace focal {

namespace {

constexpr const char* kSchema = R"(
CREATE TABLE meta(key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE questionnaires(
  id INTEGER PRIMARY KEY,
  questionnaire_id TEXT NOT NULL, version TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  instrument TEXT NOT NULL, cycle INTEGER NOT NULL, previous_cycle TEXT NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, origin TEXT NOT NULL, registered_at TEXT NOT NULL,
  UNIQUE(questionnaire_id, version));
CREATE TABLE reports(
  id INTEGER PRIMARY KEY,
  file_sha256 TEXT NOT NULL UNIQUE, content_sha256 TEXT NOT NULL,
  questionnaire INTEGER NOT NULL REFERENCES questionnaires(id),
  questionnaire_id TEXT NOT NULL, state TEXT NOT NULL, status TEXT NOT NULL, language TEXT NOT NULL,
  preparer TEXT NOT NULL, exported_at TEXT NOT NULL, focal_version TEXT NOT NULL,
  verdict TEXT NOT NULL, signer_key TEXT NOT NULL, signer_fingerprint TEXT NOT NULL, signed_at TEXT NOT NULL,
  file_name TEXT NOT NULL, imported_at TEXT NOT NULL, answer_count INTEGER NOT NULL,
  superseded_by INTEGER REFERENCES reports(id), superseded_at TEXT);
CREATE UNIQUE INDEX reports_current ON reports(questionnaire_id, state) WHERE superseded_by IS NULL;
CREATE INDEX reports_content ON reports(content_sha256);
CREATE TABLE answers(
  report INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL,
  changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, relevant INTEGER NOT NULL,
  PRIMARY KEY(report, path)) WITHOUT ROWID;
CREATE TABLE attachments(
  report INTEGER NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY(report, path));
CREATE TABLE state_keys(
  state TEXT NOT NULL, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  first_report INTEGER NOT NULL REFERENCES reports(id), added_at TEXT NOT NULL,
  PRIMARY KEY(state, public_key)) WITHOUT ROWID;
)";

// Format 2: what the secretariat trusts, and the values left out of the analysis.
constexpr const char* kSchema2 = R"(
CREATE TABLE accepted_keys(
  state TEXT NOT NULL, fingerprint TEXT NOT NULL, accepted_at TEXT NOT NULL, how TEXT NOT NULL,
  PRIMARY KEY(state, fingerprint)) WITHOUT ROWID;
CREATE INDEX accepted_keys_fingerprint ON accepted_keys(fingerprint);
CREATE TABLE answer_flags(
  report INTEGER NOT NULL, path TEXT NOT NULL, problem TEXT NOT NULL,
  PRIMARY KEY(report, path)) WITHOUT ROWID;
)";

// Shell quoting for a command printed for the user to copy.
std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

constexpr const char* kReportColumns =
    "id, file_sha256, content_sha256, questionnaire, questionnaire_id, state, status, language, preparer, "
    "exported_at, focal_version, verdict, signer_key, signer_fingerprint, signed_at, file_name, imported_at, "
    "answer_count, superseded_by";

StoredReport readReport(const sql::Statement& s) {
  StoredReport r;
  r.id = s.integer(0);
  r.fileSha256 = s.text(1);
  r.contentSha256 = s.text(2);
  r.questionnaire = s.integer(3);
  r.questionnaireId = s.text(4);
  r.state = s.text(5);
  r.status = s.text(6);
  r.language = s.text(7);
  r.preparer = s.text(8);
  r.exportedAt = s.text(9);
  r.focalVersion = s.text(10);
  r.verdict = s.text(11);
  r.signerKey = s.text(12);
  r.signerFingerprint = s.text(13);
  r.signedAt = s.text(14);
  r.fileName = s.text(15);
  r.importedAt = s.text(16);
  r.answerCount = s.integer(17);
  if (!s.isNull(18)) r.supersededBy = s.integer(18);
  return r;
}

constexpr const char* kQuestionnaireColumns =
    "id, questionnaire_id, version, sha256, instrument, cycle, previous_cycle, title, text, origin, "
    "registered_at";

StoredQuestionnaire readQuestionnaire(const sql::Statement& s) {
  StoredQuestionnaire q;
  q.id = s.integer(0);
  q.questionnaireId = s.text(1);
  q.version = s.text(2);
  q.sha256 = s.text(3);
  q.instrument = s.text(4);
  q.cycle = static_cast<int>(s.integer(5));
  q.previousCycle = s.text(6);
  q.title = s.text(7);
  q.text = s.text(8);
  q.origin = s.text(9);
  q.registeredAt = s.text(10);
  return q;
}

// Which of two replies of a State is the newer: a final report before a
// draft, then the later export, then the later signature.
auto rank(const std::string& status, const std::string& exportedAt, const std::string& signedAt) {
  return std::make_tuple(status == "final" ? 1 : 0, exportedAt, signedAt);
}

}  // namespace

std::string normalFingerprint(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == ':') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
    digits += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (digits.size() == 64) {  // a public key: its fingerprint
    auto bytes = crypto::fromHex(digits);
    if (!bytes) return {};
    crypto::PublicKey key;
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return keyFingerprint(key);
  }
  if (digits.size() != 32) return {};
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

ConsolidatedStore::ConsolidatedStore(const std::string& path, const Options& options) : path_(path) {
  const bool exists = std::filesystem::exists(path);
  if (!exists && (options.readOnly || !options.create))
    throw StoreError(path + ": no such consolidated store; create it with 'focal-cli merge REPORTS --into " +
                     path + "'");
  try {
    db_ = sql::Database(path,
                        options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db_.hardenForUntrustedFile();
    sqlite3_busy_timeout(db_.handle(), 10000);
    const auto applicationId = static_cast<std::uint32_t>(db_.queryInteger("PRAGMA application_id"));
    const auto objects = db_.queryInteger("SELECT count(*) FROM sqlite_schema");
    if (objects == 0 && applicationId == 0) {
      if (options.readOnly) throw StoreError(path + ": the file is empty, not a consolidated store");
      db_.exec("PRAGMA journal_mode=WAL");
      createSchema();
    } else if (applicationId != kConsolidatedApplicationId) {
      throw StoreError(path + ": this is not a Focal consolidated store; give another file name with --into");
    } else {
      const auto version = db_.queryInteger("PRAGMA user_version");
      if (version > kConsolidatedSchemaVersion)
        throw StoreError(path + ": the store was written by a newer Focal (format " +
                         std::to_string(version) + "); update Focal");
      if (version < kConsolidatedSchemaVersion) {
        if (options.readOnly)
          hasFlags_ = false;
        else
          migrate(static_cast<int>(version));
      }
    }
    if (!options.readOnly) db_.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (options.quickCheck) {
      auto result = db_.queryText("PRAGMA quick_check(1)");
      if (result.value_or("") != "ok")
        throw StoreError(path + ": the store is damaged (" + result.value_or("") +
                         "); restore it from a backup, or merge the reports into a new store");
    }
  } catch (const sql::SqliteError& e) {
    throw StoreError(path + ": cannot open the consolidated store: " + e.what());
  }
}

void ConsolidatedStore::createSchema() {
  sql::Transaction t(db_);
  db_.exec(kSchema);
  db_.exec(kSchema2);
  db_.exec("PRAGMA application_id=" + std::to_string(kConsolidatedApplicationId) +
           "; PRAGMA user_version=" + std::to_string(kConsolidatedSchemaVersion));
  sql::Statement meta(db_, "INSERT INTO meta(key, value) VALUES (?, ?)");
  const std::string now = utcNow();
  meta.bind(1, "created_at").bind(2, now);
  meta.run();
  meta.bind(1, "created_by").bind(2, std::string("Focal ") + FOCAL_VERSION);
  meta.run();
  t.commit();
}

// Format 1 pinned each State's first key without asking. Those keys stay
// accepted, so that the store goes on working, but say how they came in
// (focal-cli accepted-keys lists them) so the secretariat can confirm them.
void ConsolidatedStore::migrate(int fromVersion) {
  sql::Transaction t(db_);
  if (fromVersion < 2) {
    db_.exec(kSchema2);
    sql::Statement pinned(db_,
                          "INSERT OR IGNORE INTO accepted_keys(state, fingerprint, accepted_at, how) "
                          "SELECT state, fingerprint, added_at, 'pinned on first use by an earlier Focal "
                          "(report ' || first_report || '); confirm it with the State' FROM state_keys");
    pinned.run();
  }
  db_.exec("PRAGMA user_version=" + std::to_string(kConsolidatedSchemaVersion));
  t.commit();
}

void ConsolidatedStore::acceptKey(const std::string& state, const std::string& fingerprint,
                                  const std::string& how) {
  if (state.size() != 3 || !isCountryCode(state))
    throw StoreError("--accept-key: '" + state +
                     "' is not an ISO 3166-1 alpha-3 code such as FRA; write STATE=FINGERPRINT");
  const std::string normal = normalFingerprint(fingerprint);
  if (normal.empty())
    throw StoreError(
        "--accept-key " + state + "=" + fingerprint +
        ": a fingerprint is 32 hex digits (as printed on the report's cover and by focal-cli verify), "
        "or give the public key (64 hex digits)");
  try {
    sql::Statement insert(
        db_,
        "INSERT INTO accepted_keys(state, fingerprint, accepted_at, how) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(state, fingerprint) DO UPDATE SET how = excluded.how, "
        "accepted_at = excluded.accepted_at WHERE accepted_keys.how <> excluded.how");
    insert.bind(1, state).bind(2, normal).bind(3, utcNow()).bind(4, how);
    insert.run();
  } catch (const sql::SqliteError& e) {
    throw StoreError(path_ + ": cannot record the accepted key: " + e.what());
  }
}

std::vector<AcceptedKey> ConsolidatedStore::acceptedKeys() {
  std::vector<AcceptedKey> out;
  if (!hasFlags_) {  // format 1, read-only: the keys it pinned
    sql::Statement s(db_, "SELECT state, fingerprint, added_at FROM state_keys ORDER BY state, fingerprint");
    while (s.step())
      out.push_back({s.text(0), s.text(1), s.text(2), "pinned on first use by an earlier Focal"});
    return out;
  }
  sql::Statement s(
      db_, "SELECT state, fingerprint, accepted_at, how FROM accepted_keys ORDER BY state, fingerprint");
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::vector<FlaggedAnswer> ConsolidatedStore::flaggedAnswers(const std::string& questionnaireId) {
  std::vector<FlaggedAnswer> out;
  if (!hasFlags_) return out;
  sql::Statement s(
      db_,
      "SELECT r.id, r.questionnaire_id, r.state, r.file_name, f.path, a.value, f.problem, "
      "r.superseded_by IS NULL FROM answer_flags f JOIN reports r ON r.id = f.report "
      "JOIN answers a ON a.report = f.report AND a.path = f.path "
      "WHERE (?1 = '' OR r.questionnaire_id = ?1) ORDER BY r.questionnaire_id, r.state, r.id, f.path");
  s.bind(1, questionnaireId);
  while (s.step())
    out.push_back(
        {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.integer(7) != 0});
  return out;
}

std::vector<StoredQuestionnaire> ConsolidatedStore::questionnaires() {
  sql::Statement s(db_, std::string("SELECT ") + kQuestionnaireColumns + " FROM questionnaires ORDER BY id");
  std::vector<StoredQuestionnaire> out;
  while (s.step()) out.push_back(readQuestionnaire(s));
  return out;
}

std::optional<StoredQuestionnaire> ConsolidatedStore::questionnaireBySha(const std::string& sha256) {
  sql::Statement s(db_,
                   std::string("SELECT ") + kQuestionnaireColumns + " FROM questionnaires WHERE sha256 = ?");
  s.bind(1, sha256);
  if (!s.step()) return std::nullopt;
  return readQuestionnaire(s);
}

std::optional<StoredQuestionnaire> ConsolidatedStore::questionnaireByVersion(const std::string& id,
                                                                             const std::string& version) {
  sql::Statement s(db_, std::string("SELECT ") + kQuestionnaireColumns +
                            " FROM questionnaires WHERE questionnaire_id = ? AND version = ?");
  s.bind(1, id).bind(2, version);
  if (!s.step()) return std::nullopt;
  return readQuestionnaire(s);
}

namespace {

// Inserts the questionnaire, or returns the row already holding its text;
// returns 0 and sets `conflict` when another text has its id and version.
std::int64_t insertQuestionnaire(sql::Database& db, const Questionnaire& q, const std::string& origin,
                                 std::string* conflict) {
  const std::string sha = sha256Hex(q.sourceText);
  {
    sql::Statement find(db, "SELECT id FROM questionnaires WHERE sha256 = ?");
    find.bind(1, sha);
    if (find.step()) return find.integer(0);
  }
  {
    sql::Statement other(db, "SELECT origin FROM questionnaires WHERE questionnaire_id = ? AND version = ?");
    other.bind(1, q.info.id).bind(2, q.info.version);
    if (other.step()) {
      *conflict = "its questionnaire " + q.info.id + " version " + q.info.version +
                  " differs from the text of that version already held (from " + other.text(0) + ")";
      return 0;
    }
  }
  sql::Statement insert(
      db,
      "INSERT INTO questionnaires(questionnaire_id, version, sha256, instrument, cycle, "
      "previous_cycle, title, text, origin, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const std::string title = q.info.title.get(q.defaultLanguage());
  const std::string now = utcNow();
  insert.bind(1, q.info.id).bind(2, q.info.version).bind(3, sha).bind(4, instrumentKey(q.info.instrument));
  insert.bind(5, q.info.cycle).bind(6, q.info.previousCycle).bind(7, title).bind(8, q.sourceText);
  insert.bind(9, origin).bind(10, now);
  insert.run();
  return db.lastInsertRowid();
}

}  // namespace

std::int64_t ConsolidatedStore::registerQuestionnaire(const Questionnaire& questionnaire,
                                                      const std::string& origin) {
  try {
    sql::Transaction t(db_);
    std::string conflict;
    std::int64_t id = insertQuestionnaire(db_, questionnaire, origin, &conflict);
    if (id == 0)
      throw StoreError(path_ + ": cannot register " + origin + ": " + conflict +
                       "; give the new text a new version number");
    t.commit();
    return id;
  } catch (const sql::SqliteError& e) {
    throw StoreError(path_ + ": cannot register the questionnaire: " + e.what());
  }
}

std::vector<std::string> ConsolidatedStore::fileHashes() {
  sql::Statement s(db_, "SELECT file_sha256 FROM reports");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<StoredReport> ConsolidatedStore::reports(const std::string& questionnaireId, bool currentOnly) {
  std::string sql =
      std::string("SELECT ") + kReportColumns + " FROM reports WHERE (?1 = '' OR questionnaire_id = ?1)";
  if (currentOnly) sql += " AND superseded_by IS NULL";
  sql += " ORDER BY questionnaire_id, state, id";
  sql::Statement s(db_, sql);
  s.bind(1, questionnaireId);
  std::vector<StoredReport> out;
  while (s.step()) out.push_back(readReport(s));
  return out;
}

std::optional<StoredReport> ConsolidatedStore::report(std::int64_t id) {
  sql::Statement s(db_, std::string("SELECT ") + kReportColumns + " FROM reports WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return readReport(s);
}

std::vector<ConsolidatedAnswer> ConsolidatedStore::answers(std::int64_t report, bool relevantOnly) {
  sql::Statement s(db_,
                   "SELECT path, value, relevant FROM answers WHERE report = ? AND (relevant OR NOT ?) "
                   "ORDER BY path");
  s.bind(1, report).bind(2, relevantOnly ? 1 : 0);
  std::vector<ConsolidatedAnswer> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.integer(2) != 0});
  return out;
}

void ConsolidatedStore::forEachCurrentAnswer(
    const std::string& questionnaireId,
    const std::function<void(std::int64_t, const std::string&, const std::string&)>& row) {
  // The flag filter costs a lookup per answer; most stores have no flag.
  const bool anyFlag = hasFlags_ && db_.queryInteger("SELECT EXISTS(SELECT 1 FROM answer_flags)") != 0;
  sql::Statement s(
      db_,
      anyFlag ? "SELECT a.report, a.path, a.value FROM reports r JOIN answers a ON a.report = r.id "
                "WHERE r.questionnaire_id = ? AND r.superseded_by IS NULL AND a.relevant "
                "AND NOT EXISTS (SELECT 1 FROM answer_flags f WHERE f.report = a.report AND f.path = a.path) "
                "ORDER BY a.report, a.path"
              : "SELECT a.report, a.path, a.value FROM reports r JOIN answers a ON a.report = r.id "
                "WHERE r.questionnaire_id = ? AND r.superseded_by IS NULL AND a.relevant "
                "ORDER BY a.report, a.path");
  s.bind(1, questionnaireId);
  while (s.step()) row(s.integer(0), s.text(1), s.text(2));
}

ImportOutcome ConsolidatedStore::importReport(const VerifiedReport& v, const ImportPolicy& policy) {
  using Kind = ImportOutcome::Kind;
  ImportOutcome out;
  const NationalReport& report = *v.check.report;
  const ReportMetadata& m = report.metadata;
  try {
    sql::Transaction t(db_);
    const std::string signerKey = v.check.signer ? crypto::hex(*v.check.signer) : std::string();
    const std::string& fingerprint = v.check.fingerprint;
    const auto keyName = [](const std::string& f) {
      return f.empty() ? std::string("no key (unsigned)") : "the key " + f;
    };
    {  // The same file, or the same content signed by the same key, changes nothing.
      sql::Statement same(db_,
                          "SELECT id, signer_fingerprint, file_name, file_sha256 = ?1 FROM reports "
                          "WHERE file_sha256 = ?1 OR content_sha256 = ?2 ORDER BY file_sha256 = ?1 DESC, "
                          "signer_fingerprint = ?3 DESC LIMIT 1");
      same.bind(1, v.fileSha256).bind(2, v.check.contentSha256).bind(3, fingerprint);
      if (same.step()) {
        out.reportId = same.integer(0);
        if (same.integer(3) != 0 || same.text(1) == fingerprint) {
          out.kind = Kind::Unchanged;
          out.reason = "already in the store";
          return out;
        }
        // The same answers under another key: one of the two copies was
        // re-signed by someone else. Nothing new to import, but never "unchanged".
        out.kind = Kind::KeyConflict;
        out.reason = "key conflict: the same content as " + same.text(2) + " (report " +
                     std::to_string(out.reportId) + "), which is signed by " + keyName(same.text(1)) +
                     ", but this copy is signed by " + keyName(fingerprint) +
                     "; one of them was signed by someone else. Confirm with " + m.state +
                     " which fingerprint is its own; this copy was not imported";
        return out;
      }
    }
    const auto known = questionnaireBySha(m.questionnaireSha256);
    if (!known) {
      const auto sameVersion = questionnaireByVersion(m.questionnaireId, m.questionnaireVersion);
      out.reason =
          sameVersion
              ? "its questionnaire " + m.questionnaireId + " version " + m.questionnaireVersion +
                    " is not the text registered for that version (" + sameVersion->origin +
                    "); the report was made from an altered copy: ask the State to export it again from the "
                    "official questionnaire"
              : "its questionnaire " + m.questionnaireId + " version " + m.questionnaireVersion +
                    " is not registered in this store; register the official text first (focal-cli merge "
                    "--register QUESTIONNAIRE.yaml ...; the questionnaires bundled with Focal are registered "
                    "by themselves)";
      return out;
    }
    const std::int64_t questionnaire = known->id;

    if (!signerKey.empty()) {  // Only a key the secretariat accepted for this State.
      sql::Statement keys(db_, "SELECT state FROM accepted_keys WHERE fingerprint = ? ORDER BY state");
      keys.bind(1, fingerprint);
      bool accepted = false;
      std::string others;
      while (keys.step()) {
        if (keys.text(0) == m.state)
          accepted = true;
        else
          others += (others.empty() ? "" : ", ") + keys.text(0);
      }
      if (!accepted) {
        std::string stateKeys;
        sql::Statement own(db_, "SELECT fingerprint FROM accepted_keys WHERE state = ? ORDER BY fingerprint");
        own.bind(1, m.state);
        while (own.step()) stateKeys += (stateKeys.empty() ? "" : ", ") + own.text(0);
        out.kind = Kind::Held;
        out.acceptCommand = "focal-cli merge " + shellQuoted(v.fileName) + " --into " + shellQuoted(path_) +
                            " --accept-key " + m.state + "=" + shellQuoted(fingerprint);
        out.reason = "held back: it is signed by the key " + fingerprint + ", which is not accepted for " +
                     m.state +
                     (stateKeys.empty() ? std::string(" (no key is accepted for it yet)")
                                        : " (the key accepted for it is " + stateKeys + ")") +
                     (others.empty() ? std::string()
                                     : "; that key is accepted for " + others +
                                           ", and one key signs for several States only when it is accepted "
                                           "for each") +
                     ". Confirm the fingerprint with " + m.state +
                     " through official channels, then accept it: " + out.acceptCommand;
        return out;
      }
    }

    std::optional<StoredReport> current;
    {
      sql::Statement s(
          db_, std::string("SELECT ") + kReportColumns +
                   " FROM reports WHERE questionnaire_id = ? AND state = ? AND superseded_by IS NULL");
      s.bind(1, m.questionnaireId).bind(2, m.state);
      if (s.step()) current = readReport(s);
    }
    const bool newer = !current || rank(reportStatusKey(m.status), m.exportedAt, v.check.signedAt) >
                                       rank(current->status, current->exportedAt, current->signedAt);
    const std::string now = utcNow();
    std::int64_t id = 0;
    {
      sql::Statement insert(db_,
                            "INSERT INTO reports(file_sha256, content_sha256, questionnaire, "
                            "questionnaire_id, state, status, language, "
                            "preparer, exported_at, focal_version, verdict, signer_key, signer_fingerprint, "
                            "signed_at, file_name, "
                            "imported_at, answer_count, superseded_by, superseded_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert.bind(1, v.fileSha256).bind(2, v.check.contentSha256).bind(3, questionnaire);
      insert.bind(4, m.questionnaireId)
          .bind(5, m.state)
          .bind(6, reportStatusKey(m.status))
          .bind(7, m.language);
      insert.bind(8, m.preparer).bind(9, m.exportedAt).bind(10, m.focalVersion);
      insert.bind(11, verdictKey(v.check.verdict)).bind(12, signerKey).bind(13, v.check.fingerprint);
      insert.bind(14, v.check.signedAt).bind(15, v.fileName).bind(16, now);
      insert.bind(17, static_cast<std::int64_t>(report.answers.size()));
      if (current && !newer)
        insert.bind(18, current->id).bind(19, now);
      else
        insert.bindNull(18).bindNull(19);
      // The current reply must give way before the new one takes its place in
      // the unique index of current replies.
      if (current && newer) {
        sql::Statement mark(db_, "UPDATE reports SET superseded_by = id WHERE id = ?");
        mark.bind(1, current->id);
        mark.run();
      }
      insert.run();
      id = db_.lastInsertRowid();
    }
    if (current && newer) {
      sql::Statement mark(db_, "UPDATE reports SET superseded_by = ?, superseded_at = ? WHERE id = ?");
      mark.bind(1, id).bind(2, now).bind(3, current->id);
      mark.run();
    }
    {
      sql::Statement insert(db_,
                            "INSERT INTO answers(report, path, value, changed_by, changed_at, relevant) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
      for (std::size_t i = 0; i < report.answers.size(); ++i) {
        const ReportAnswer& a = report.answers[i];
        insert.bind(1, id).bind(2, a.path).bind(3, a.value).bind(4, a.changedBy).bind(5, a.changedAt);
        insert.bind(6, i < v.relevant.size() && v.relevant[i] ? 1 : 0);
        insert.run();
      }
    }
    if (!report.attachments.empty()) {
      sql::Statement insert(db_,
                            "INSERT INTO attachments(report, path, name, type, size, sha256, data) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)");
      for (const auto& f : report.attachments) {
        insert.bind(1, id).bind(2, f.path).bind(3, f.name).bind(4, f.type);
        insert.bind(5, static_cast<std::int64_t>(f.data.size())).bind(6, f.sha256);
        insert.bindBlob(7, f.data.data(), f.data.size());
        insert.run();
      }
    }
    if (!signerKey.empty()) {
      sql::Statement key(
          db_,
          "INSERT OR IGNORE INTO state_keys(state, public_key, fingerprint, first_report, added_at) "
          "VALUES (?, ?, ?, ?, ?)");
      key.bind(1, m.state).bind(2, signerKey).bind(3, v.check.fingerprint).bind(4, id).bind(5, now);
      key.run();
    }
    if (!v.flags.empty()) {
      sql::Statement insert(db_,
                            "INSERT OR IGNORE INTO answer_flags(report, path, problem) VALUES (?, ?, ?)");
      for (const auto& [index, problem] : v.flags) {
        if (index >= report.answers.size()) continue;
        insert.bind(1, id).bind(2, report.answers[index].path).bind(3, problem);
        insert.run();
      }
    }
    if (policy.beforeCommit) policy.beforeCommit();
    t.commit();
    out.reportId = id;
    if (current && newer) {
      out.kind = Kind::Superseded;
      out.replaced = current->id;
      out.reason = "replaces the report of " + current->exportedAt + ", which stays in the history";
    } else {
      out.kind = Kind::Imported;
      if (current) {
        out.history = true;
        // A draft exported after the final report is later, not older: the final report ranks first.
        const bool draftAfterFinal = current->status == "final" && m.status != ReportStatus::Final &&
                                     m.exportedAt > current->exportedAt;
        out.reason =
            draftAfterFinal
                ? "a draft exported after the final report of " + current->exportedAt +
                      " already held, which stays the current reply; the draft is kept in the history"
                : "older than the report of " + current->exportedAt + " already held; kept in the history";
      }
    }
    return out;
  } catch (const sql::SqliteError& e) {
    std::string hint = e.primaryCode() == SQLITE_FULL ? "; free some disk space and merge again"
                       : e.primaryCode() == SQLITE_BUSY
                           ? "; another program is writing to it, wait for it to finish and merge again"
                           : "";
    throw StoreError(path_ + ": cannot import " + v.fileName + ": " + e.what() + hint);
  }
}

}  // namespace focal
