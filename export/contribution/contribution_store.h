// The focal point's bookkeeping of contributions, kept in the workspace file
// beside the answers, in tables of its own:
//
//   contribution_requests    each request: agency, sections, who asked and when,
//                            the request file, the signing key first seen
//   contribution_base        the merge base of each request, path by path: the
//                            request's snapshot, moved forward to what was taken
//   contribution_imports     each import: file, person, the contribution's
//                            sequence number, counts
//   contribution_conflicts   open and resolved conflicts, with both sides' who and when
//   contribution_provenance  every answer taken from an agency: agency, person, when
//   contribution_files       attached files of conflicting answers, until resolved
//   contribution_request     in an agency's request workspace: the request itself
//
// They are registered as the "contributions" steps of the workspace's
// migrations (forms/schema_registry.h), so every workspace opened for
// writing has them, at the version this program knows.
//
// An import writes the answers (through the response document) and this
// bookkeeping in one transaction: both are on disk, or neither is.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "export/contribution/contribution.h"
#include "export/contribution/contribution_merge.h"
#include "forms/workspace.h"

namespace focal {

struct StoredConflict {
  std::int64_t id = 0;
  std::string requestId, agency;
  MergeConflict conflict;
  std::string theirsBy, theirsAt;  // the agency's person, and when they wrote it
  std::string oursBy, oursAt;      // who last changed the focal point's answer, and when
  std::string baseBy, baseAt;      // the request: who asked, and when
  std::string file;                // the contribution it came from
  std::string openedAt;
  std::string resolvedAt, resolvedBy, resolution;  // "theirs", "ours" or "edited"; empty while open
};

struct ProvenanceRecord {
  std::string path, value;
  std::string requestId, agency, person;
  std::string answeredAt;  // when the agency wrote it
  std::string importedAt, importedBy, file;
};

// One row of the assignments dashboard.
struct AssignmentStatus {
  ContributionRequest request;  // without snapshot and context
  std::string requestFile;
  std::string returnedAt, returnedBy;  // the latest import, "" when none yet
  int imports = 0;
  std::size_t applied = 0;  // answers taken from this agency, all imports together
  std::size_t openConflicts = 0;
  std::string signer;  // the fingerprint of the key its contributions are signed with
};

// What one import did, recorded with its answers.
struct ImportRecord {
  std::string requestId, file, contentSha256, person, signerKey, exportedAt;
  std::int64_t sequence = 0;  // the contribution's number; 0 for a file without one
  std::string importedAt, importedBy;
  std::map<std::string, std::string> nextBase;
  std::vector<StoredConflict> conflicts;  // the request's open conflicts after this import
  std::vector<ProvenanceRecord> provenance;
  std::vector<ContributedFile> files;  // of conflicting attachment answers
  std::size_t applied = 0, unchanged = 0;
};

class ContributionStore {
 public:
  // The tables exist once the workspace was opened for writing (its migrations).
  explicit ContributionStore(Workspace& workspace);
  Workspace& workspace() { return workspace_; }

  // ---- requests ----
  void addRequest(const ContributionRequest& request, const std::string& file);
  void removeRequest(const std::string& id);
  std::optional<ContributionRequest> request(const std::string& id);
  std::vector<ContributionRequest> requests(ResponseId response);
  std::map<std::string, std::string> base(const std::string& requestId);
  // The public key (hex) the request's contributions were first signed with, "" before the first import.
  std::string signer(const std::string& requestId);
  // Whether a contribution with this content was already imported for the request.
  bool alreadyImported(const std::string& requestId, const std::string& contentSha256);
  // The newest contribution imported for the request: the highest sequence
  // number, then the latest export time (files without a number are 0).
  struct Newest {
    bool any = false;
    std::int64_t sequence = 0;
    std::string exportedAt;
  };
  Newest newestImport(const std::string& requestId);

  // ---- imports ----
  // Records an import: its row, the next merge base, the request's open
  // conflicts, provenance, attached files of conflicts and the signer, in one
  // transaction, or as a savepoint of the caller's (the import's own, which
  // holds the answers as well).
  void recordImport(ResponseId response, const ImportRecord& entry);

  // ---- conflicts ----
  std::vector<StoredConflict> openConflicts(ResponseId response, const std::string& requestId = {});
  std::optional<StoredConflict> openConflict(ResponseId response, const std::string& path,
                                             const std::string& requestId = {});
  // Marks the conflict resolved ("theirs", "ours", "edited"), settles the
  // request's base and records the provenance of the agency's answers taken.
  void resolveConflict(std::int64_t conflictId, const std::string& resolution,
                       const std::vector<ProvenanceRecord>& provenance = {});
  std::optional<ContributedFile> conflictFile(const std::string& requestId, const std::string& path);

  // ---- provenance and the dashboard ----
  std::vector<ProvenanceRecord> provenanceLog(ResponseId response);
  // The agency behind each current answer that was taken from one (the
  // latest record whose value is still the answer's).
  std::map<std::string, ProvenanceRecord> currentProvenance(ResponseId response);
  std::vector<AssignmentStatus> dashboard(ResponseId response);

 private:
  bool tablesExist();
  template <typename F>
  void inTransaction(const std::string& doing, F&& body);
  Workspace& workspace_;
  bool tables_ = false;
};

}  // namespace focal
