// Importing contribution files into the focal point's response, and
// resolving the conflicts they raise.
//
// A contribution is checked before anything is changed: intact and signed
// (by the same key as the request's earlier contributions, unless the
// focal point accepts a new one), for a request made from this workspace
// and response, for the same State and questionnaire version, and touching
// only the assigned sections. Then it is merged three-way against the
// request's base (contribution_merge.h); the answers taken are written in
// one transaction and one undo step, signed in the history with the agency
// and person, and their provenance is recorded (contribution_store.h).
// Importing the same file again, or an older contribution of the same
// request (a lower sequence number), changes nothing: its answers are
// listed as stale.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "export/contribution/contribution.h"
#include "export/contribution/contribution_file.h"
#include "export/contribution/contribution_store.h"
#include "forms/response_document.h"

namespace focal {

struct ImportOptions {
  // A key to accept (its public key or fingerprint): needed when an agency's
  // contribution is signed by another key than its earlier ones.
  std::optional<ExpectedKey> acceptKey;
};

// A contribution file that passed every check, ready to import.
struct CheckedContribution {
  std::string file;
  ContributionCheck check;  // intact, with its content
  ContributionRequest request;
};

// Checks `file` against the requests recorded in `store` for `response`;
// throws ContributionError with a message naming the file and saying what
// to do. Changes nothing.
CheckedContribution checkContribution(ContributionStore& store, ResponseId response, const std::string& file,
                                      const ImportOptions& options = {});
// The response a contribution's request was made for (to open it before
// importing); nullopt when the file cannot be read or names no request of `store`.
std::optional<ResponseId> responseForContribution(ContributionStore& store, const std::string& file);

struct ImportedAnswer {
  std::string path, value;
};

struct ImportSummary {
  std::string file, requestId, agency, person, fingerprint;
  std::vector<ImportedAnswer> applied;  // the agency's answers written (an empty value: removed)
  std::vector<std::string> unchanged;
  std::vector<StoredConflict> conflicts;  // open after this import
  bool importedBefore = false;            // this very content was imported before
  std::int64_t sequence = 0;              // the contribution's number (0: a file without one)
  // An older or replayed contribution (its number no higher than the
  // newest one imported for the request, or the same content again):
  // nothing of it is written, so it never rolls back a newer value; its
  // answers are listed here.
  std::vector<std::string> stale;
  std::int64_t newerSequence = 0;  // the newest contribution already imported, when stale
  std::string newerExportedAt;
  std::string note;  // about the file itself (written before contributions were numbered), or ""
};

// Merges a checked contribution into `document` (the response its request
// was made for). The answers and the bookkeeping are written in one
// transaction: when either cannot be saved, neither is, the document is
// put back as it was, and ContributionError (Failed) says to import again.
ImportSummary importContribution(ResponseDocument& document, ContributionStore& store,
                                 const CheckedContribution& contribution);
// Both steps at once.
ImportSummary importContribution(ResponseDocument& document, ContributionStore& store,
                                 const std::string& file, const ImportOptions& options = {});

enum class Resolution { Theirs, Ours, Edited };
const char* resolutionKey(Resolution resolution);  // "theirs", "ours", "edited"

// Settles an open conflict: takes the agency's side, keeps the focal
// point's, or writes `edited` (value conflicts only). One undo step.
void resolveConflict(ResponseDocument& document, ContributionStore& store, const StoredConflict& conflict,
                     Resolution resolution, const std::string& edited = {});

}  // namespace focal
