// The secretariat's consolidated store: one SQLite file holding every
// verified national report, for all questionnaires, cycles and States
// (docs/consolidated-format.md). Each questionnaire's text is kept once,
// by SHA-256. A report is imported whole in one transaction, so a merge
// that is interrupted leaves each report either fully there or absent.
// The newest report of a State for a questionnaire is its current reply;
// the ones it superseded stay, marked, as the history.
//
// Trust is explicit (docs/reliability.md, "Trust model"): a signed report
// is imported only when the secretariat has accepted its key for its State
// (acceptKey), and only when its questionnaire text is one the secretariat
// registered (registerQuestionnaire); a report never makes its own key or
// its own questionnaire text the reference.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/report/report_file.h"
#include "forms/questionnaire.h"
#include "forms/sqlite.h"

namespace focal {

inline constexpr std::uint32_t kConsolidatedApplicationId = 0x46434C43;  // "FCLC"
// 2: accepted_keys and answer_flags (a store of format 1 is migrated when
// opened for writing; its keys pinned on first use are kept as accepted, and
// marked so).
inline constexpr int kConsolidatedSchemaVersion = 2;

// A store that cannot be opened or written; the message names the file and
// says what to do.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StoredQuestionnaire {
  std::int64_t id = 0;
  std::string questionnaireId, version, sha256, instrument;
  int cycle = 1;
  std::string previousCycle, title, text;
  std::string origin;  // "registered" (given by the secretariat) or the report file it came with
  std::string registeredAt;
};

struct StoredReport {
  std::int64_t id = 0;
  std::string fileSha256, contentSha256;
  std::int64_t questionnaire = 0;  // StoredQuestionnaire::id
  std::string questionnaireId, state, status, language, preparer, exportedAt, focalVersion;
  std::string verdict;  // "intact" or "unsigned"
  std::string signerKey, signerFingerprint, signedAt;
  std::string fileName, importedAt;
  std::int64_t answerCount = 0;
  std::optional<std::int64_t> supersededBy;  // empty: the State's current reply
  bool current() const { return !supersededBy; }
};

// A key the secretariat accepted for a State.
struct AcceptedKey {
  std::string state, fingerprint, acceptedAt;
  std::string how;  // "accepted by the secretariat", or how a format-1 store pinned it
};

// A value of a report outside its questionnaire's rules (a number out of
// range, text in a number, an unknown choice code or country): stored as
// received, left out of the analysis, and listed.
struct FlaggedAnswer {
  std::int64_t report = 0;
  std::string questionnaireId, state, fileName, path, value, problem;
  bool current = true;  // of the State's current reply
};

// `text` as Focal prints a fingerprint ("0A1B 2C3D ..." in 8 groups), from
// 32 hex digits with or without spaces, dashes or colons; "" when it is not one.
std::string normalFingerprint(std::string_view text);

struct ConsolidatedAnswer {
  std::string path, value;
  bool relevant = true;
};

// A report that passed verification, ready to import: what the merge has
// read and computed outside the store's transaction.
struct VerifiedReport {
  std::string fileName;  // as given, for messages and provenance
  std::string fileSha256;
  ReportCheck check;                                   // verdict Intact or Unsigned, with the content
  std::shared_ptr<const Questionnaire> questionnaire;  // parsed from the report's own text
  std::vector<char> relevant;  // per check.report->answers: whether its question is relevant
  // Per answer outside the questionnaire's rules: its index in
  // check.report->answers and what is wrong.
  std::vector<std::pair<std::size_t, std::string>> flags;
};

struct ImportPolicy {
  // Called inside the transaction, after every row is written and before
  // COMMIT (tests use it to stop a merge half-way).
  std::function<void()> beforeCommit;
};

struct ImportOutcome {
  // Held: signed by a key not accepted for its State (nothing stored).
  // KeyConflict: the content of a stored report, signed by another key.
  enum class Kind { Imported, Unchanged, Superseded, Refused, Held, KeyConflict };
  Kind kind = Kind::Refused;
  std::string reason;         // for Refused, Held, KeyConflict and Unchanged; a note for history imports
  std::string acceptCommand;  // Held: the command that accepts the key (after confirming it)
  std::int64_t reportId = 0;  // the report now holding this file (or the one it duplicates)
  std::int64_t replaced = 0;  // Superseded: the report that is now history
  bool history = false;       // Imported, but older than the State's current reply
};

class ConsolidatedStore {
 public:
  struct Options {
    bool readOnly = false;
    bool create = true;       // create the file when missing (never when read-only)
    bool quickCheck = false;  // PRAGMA quick_check on open
  };
  // Throws StoreError.
  explicit ConsolidatedStore(const std::string& path, const Options& options);
  explicit ConsolidatedStore(const std::string& path) : ConsolidatedStore(path, Options{}) {}

  const std::string& path() const { return path_; }
  sql::Database& database() { return db_; }

  // Questionnaires
  std::vector<StoredQuestionnaire> questionnaires();
  std::optional<StoredQuestionnaire> questionnaireBySha(const std::string& sha256);
  std::optional<StoredQuestionnaire> questionnaireByVersion(const std::string& id,
                                                            const std::string& version);
  // Stores a questionnaire given by the secretariat (its official text).
  // Returns its row; throws StoreError when another text already holds
  // the same id and version.
  std::int64_t registerQuestionnaire(const Questionnaire& questionnaire, const std::string& origin);

  // Keys. Accepts the key of `fingerprint` (as typed; normalFingerprint)
  // for `state`; throws StoreError when either is not valid. Idempotent.
  void acceptKey(const std::string& state, const std::string& fingerprint,
                 const std::string& how = "accepted by the secretariat");
  std::vector<AcceptedKey> acceptedKeys();
  // The values left out of the analysis, of one questionnaire or all.
  std::vector<FlaggedAnswer> flaggedAnswers(const std::string& questionnaireId = {});

  // Reports
  std::vector<std::string> fileHashes();
  std::vector<StoredReport> reports(const std::string& questionnaireId = {}, bool currentOnly = false);
  std::optional<StoredReport> report(std::int64_t id);
  std::vector<ConsolidatedAnswer> answers(std::int64_t report, bool relevantOnly = true);
  // Calls `row(report, path, value)` for every relevant answer of the
  // current replies to `questionnaireId`, ordered by report then path;
  // flagged values are left out.
  void forEachCurrentAnswer(
      const std::string& questionnaireId,
      const std::function<void(std::int64_t, const std::string&, const std::string&)>& row);

  // Imports one verified report in one transaction: its questionnaire (when
  // new), the report, its answers and attachments, the State's key, and the
  // supersession. Never throws for a report that does not fit: that is a
  // refusal. Throws StoreError for I/O failures (disk full...).
  ImportOutcome importReport(const VerifiedReport& verified, const ImportPolicy& policy = {});

 private:
  void createSchema();
  void migrate(int fromVersion);
  std::string path_;
  bool hasFlags_ = true;  // false for a format-1 store opened read-only
  sql::Database db_;
};

}  // namespace focal
