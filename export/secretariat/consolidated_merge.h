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
#include <vector>

#include "export/secretariat/consolidated_store.h"

namespace focal {

enum class MergeResult { Imported, Unchanged, Superseded, Refused };
const char* mergeResultKey(MergeResult result);  // "imported", "unchanged", "superseded", "refused"

struct MergeFileResult {
  std::string file;
  MergeResult result = MergeResult::Refused;
  std::string reason;  // why it was refused, or a note ("kept in the history", "already in the store")
  std::string state, questionnaireId, questionnaireVersion, status, exportedAt;
  std::int64_t reportId = 0;
  std::int64_t replaced = 0;  // Superseded: the report that is now history
};

struct MergeSummary {
  std::size_t imported = 0, unchanged = 0, superseded = 0, refused = 0;
  std::vector<MergeFileResult> files;  // in the order given
};

struct MergeOptions {
  bool allowUnsigned = false;      // admit unsigned reports and drafts
  bool acceptNewKeys = false;      // admit a State's report signed by a key not seen before for it
  bool requireRegistered = false;  // refuse reports whose questionnaire text was not registered beforehand
  bool parallel = true;            // verify the next files on worker threads
  // After each file, in order: its result, how many are done, of how many.
  std::function<void(const MergeFileResult&, std::size_t done, std::size_t total)> onFile;
  // Inside the transaction of the file at `index`, before COMMIT (tests).
  std::function<void(std::size_t index)> beforeCommit;
};

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
