// Agency contributions: the focal point assigns sections (or single
// questions) of a response to named agencies; each agency receives a
// contribution request (a workspace restricted to its sections), answers
// them and sends back a signed contribution file, which the focal point
// merges field by field, three-way, with provenance. The pieces:
//
//   contribution_scope.h    which answer paths an assignment covers
//   contribution_merge.h    the pure three-way merge (plain answers, tables, repeats)
//   contribution_file.h     the signed contribution file (write, read, verify)
//   contribution_request.h  request workspaces: make one, fill it, export from it
//   contribution_store.h    the focal point's bookkeeping (requests, merge bases,
//                           conflicts, provenance, the dashboard, the report annex)
//   contribution_import.h   importing a contribution and resolving its conflicts
//
// This header holds the types they share.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace focal {

// A contribution or request that cannot be used; the message names the file
// and says what to do. Nothing was changed when it is thrown.
class ContributionError : public std::runtime_error {
 public:
  enum class Kind {
    Refused,   // the input does not fit (another State, response, questionnaire, unassigned sections...)
    Altered,   // the file was changed after it was signed, or is not a contribution at all
    NotFound,  // no such request, conflict or file
    Failed,    // writing failed (disk, permissions); try again
  };
  ContributionError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// What one agency is asked to answer: section ids (each with its
// subsections) and ids of single top-level questions.
struct Assignment {
  std::vector<std::string> sections;
  std::vector<std::string> questions;
  bool empty() const { return sections.empty() && questions.empty(); }
  bool operator==(const Assignment&) const = default;
};

// A contribution request as the focal point made it. Kept in the focal
// point's workspace (with the merge base) and in the request workspace
// given to the agency.
struct ContributionRequest {
  std::string id;  // 32 hex digits, random
  std::string agency;
  Assignment assignment;
  std::string requestedBy, requestedAt;  // UTC, ISO 8601
  std::string note;                      // a message to the agency, may be empty
  std::string state;                     // ISO 3166-1 alpha-3
  std::string questionnaireId, questionnaireVersion, questionnaireSha256;
  std::string language;
  long long response = 0;     // the response in the focal point's workspace
  std::string workspaceName;  // the focal point's workspace file name, for messages
  // The answers of the assigned sections when the request was made (the
  // merge base), and the answers outside them that their conditions read
  // (given so relevance works; never exported back).
  std::map<std::string, std::string> snapshot, context;
};

// One answer as the agency sends it: who wrote it in the agency, and when.
struct ContributedAnswer {
  std::string path, value, changedBy, changedAt;
  bool operator==(const ContributedAnswer&) const = default;
};

struct ContributedFile {
  std::string path, name, type, sha256;
  std::vector<unsigned char> data;
};

// The content of a contribution file: every answer of the assigned
// sections as the agency left them (absent paths were removed or never
// answered), with who sent it.
struct Contribution {
  std::string requestId;
  std::string agency;
  std::string person;  // who exported it
  std::string state;
  std::string questionnaireId, questionnaireVersion, questionnaireSha256;
  std::string requestedBy, requestedAt;
  std::string exportedAt;
  // Orders the contributions of one request: the number of the agency's
  // latest change in its request workspace (plus one), so a later
  // contribution with other answers always has a larger one. 0 in files
  // written before Focal numbered them.
  std::int64_t sequence = 0;
  std::string focalVersion;
  std::vector<ContributedAnswer> answers;  // unique paths, sorted
  std::vector<ContributedFile> files;      // attachment files of the answers above

  std::map<std::string, std::string> answerMap() const;
  const ContributedAnswer* answer(const std::string& path) const;
  const ContributedFile* file(const std::string& path) const;
};

// "Maria Lopez, Ministry of Justice": how an agency's answer is signed in
// the history and in the report.
std::string contributorLabel(const std::string& person, const std::string& agency);

}  // namespace focal
