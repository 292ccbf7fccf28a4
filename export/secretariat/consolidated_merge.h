// Merging national reports into the consolidated store: each file is read
// once, verified as hostile input (report_file.h: integrity, signature,
// seal), its questionnaire checked against the texts already held, the
// relevance of its answers computed with a ResponseSession, and then
// imported in its own transaction. A file that fails is refused with its
// reason and the others go on. The next files are verified on worker
// threads (one per core) while the current one is written, so that
// checking costs little more than the disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "export/secretariat/consolidated_store.h"

namespace focal {

// Held: signed by a key the secretariat has not accepted for its State;
// KeyConflict: the content of a stored report, signed by another key.
enum class MergeResult { Imported, Unchanged, Superseded, Refused, Held, KeyConflict };
// "imported", "unchanged", "superseded", "refused", "held", "key_conflict"
const char* mergeResultKey(MergeResult result);

// A value outside the questionnaire's rules: stored, left out of the analysis.
struct MergeFlag {
  std::string path, value, problem;
};

struct MergeFileResult {
  std::string file;
  MergeResult result = MergeResult::Refused;
  std::string reason;  // why it was refused, or a note ("kept in the history", "already in the store")
  std::string state, questionnaireId, questionnaireVersion, status, exportedAt;
  std::int64_t reportId = 0;
  std::int64_t replaced = 0;  // Superseded: the report that is now history
  std::string fingerprint;    // of the signer's key, "" when unsigned or unread
  std::string acceptCommand;  // Held: the command that accepts the key, once confirmed
  std::vector<MergeFlag> flags;
};

struct MergeSummary {
  std::size_t imported = 0, unchanged = 0, superseded = 0, refused = 0, held = 0, keyConflicts = 0;
  std::size_t flagged = 0;             // values left out of the analysis, in the files imported
  std::vector<MergeFileResult> files;  // in the order given
};

struct MergeOptions {
  bool allowUnsigned = false;  // admit unsigned reports and drafts
  bool parallel = true;        // verify the next files on worker threads
  // After each file, in order: its result, how many are done, of how many.
  std::function<void(const MergeFileResult&, std::size_t done, std::size_t total)> onFile;
  // Inside the transaction of the file at `index`, before COMMIT (tests).
  std::function<void(std::size_t index)> beforeCommit;
};

// How far a report's dates may lie ahead of this computer's clock.
inline constexpr long kClockToleranceSeconds = 3600;

// Whether `text` is a UTC timestamp as Focal writes them
// (2026-11-05T10:22:31Z, or with .123 before the Z) and a real moment;
// sets `*moment`.
bool parseUtcTimestamp(std::string_view text, std::int64_t* moment);

// Registers the questionnaires bundled with Focal (share/focal/questionnaires)
// that the store does not hold yet. Returns warnings (a bundled text whose
// id and version the store holds with another text).
std::vector<std::string> registerBundledQuestionnaires(ConsolidatedStore& store);

// The report files named by the arguments: files as given, directories
// searched (recursively, in name order) for *.focalreport. Arguments that
// do not exist come back as refusals in `missing`.
std::vector<std::string> reportFiles(const std::vector<std::string>& arguments,
                                     std::vector<MergeFileResult>* missing);

// Throws StoreError when the store itself fails (the files already
// imported stay imported).
MergeSummary mergeReports(ConsolidatedStore& store, const std::vector<std::string>& files,
                          const MergeOptions& options = {});

}  // namespace focal
