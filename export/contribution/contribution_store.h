// The focal point's bookkeeping of contributions, kept in the workspace file
// beside the answers, in tables of its own (created when first needed):
//
//   contribution_requests    each request: agency, sections, who asked and when,
//                            the request file, the signing key first seen
//   contribution_base        the merge base of each request, path by path: the
//                            request's snapshot, moved forward to what was taken
//   contribution_imports     each import: file, person, counts; with its plan
//                            while it is being applied (see below)
//   contribution_conflicts   open and resolved conflicts, with both sides' who and when
//   contribution_provenance  every answer taken from an agency: agency, person, when
//   contribution_files       attached files of conflicting answers, until resolved
//
// The answers themselves are written through the response document (one
// transaction, one undo step); the bookkeeping follows in a second one. An
// import is first recorded as pending with its plan; if the program stops
// between the two, the next store opened on the workspace finishes the
// bookkeeping when the answers were written, and drops it when they were not.
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

// What one import will do, recorded before the answers are written.
struct ImportPlan {
  std::string requestId, file, contentSha256, person, signerKey, exportedAt;
  std::string importedAt, importedBy;
  std::vector<AnswerChange> writes;  // path, the focal point's value before, the value written
  std::map<std::string, std::string> nextBase;
  std::vector<StoredConflict> conflicts;  // the request's open conflicts after this import
  std::vector<ProvenanceRecord> provenance;
  std::vector<ContributedFile> files;  // of conflicting attachment answers
  std::size_t applied = 0, unchanged = 0;
};

class ContributionStore {
 public:
  // Creates the tables when the workspace is writable and finishes or drops
  // imports left pending. Throws WorkspaceError.
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
  // The export time of the newest contribution imported for the request; "" when none.
  std::string latestExportedAt(const std::string& requestId);

  // ---- imports ----
  std::int64_t beginImport(ResponseId response, const ImportPlan& plan);
  void finishImport(std::int64_t importId);
  void abandonImport(std::int64_t importId);

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
  void createTables();
  void recover();
  bool tablesExist();
  template <typename F>
  void inTransaction(const std::string& doing, F&& body);
  Workspace& workspace_;
  bool tables_ = false;
};

}  // namespace focal
