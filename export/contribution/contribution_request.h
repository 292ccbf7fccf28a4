// Contribution requests. The focal point makes one per agency: a new
// workspace file (.focal) holding the questionnaire, the current answers of
// the assigned sections (the merge base), the answers their conditions read,
// and the request itself (who asked, when, which sections) in a table of its
// own. The agency opens it in Focal or fills it with focal-cli, answering
// only its sections, and exports a signed contribution from it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "export/contribution/contribution.h"
#include "export/contribution/contribution_scope.h"
#include "export/report/signing_key.h"
#include "forms/workspace.h"

namespace focal {

class ContributionStore;

// The request as JSON text (the format is the same in the request file and
// in the focal point's workspace), and back; reading refuses anything
// malformed with ContributionError (Altered).
std::string requestToJson(const ContributionRequest& request);
ContributionRequest requestFromJson(const std::string& text, const std::string& where);

// Makes the request file `file` for `agency` from response `id` of the
// focal point's workspace, and records the request in `store`. Refused when
// `file` exists or the ids are not the questionnaire's. The file is written
// completely or not at all.
ContributionRequest makeContributionRequest(ContributionStore& store, ResponseId id,
                                            const std::string& agency, const Assignment& assignment,
                                            const std::string& file, const std::string& note = {});

// The request a workspace was made for, or nullopt for an ordinary workspace.
std::optional<ContributionRequest> requestOf(Workspace& workspace);

// The request of an opened request workspace and what it lets the agency answer.
struct RequestWorkspace {
  ContributionRequest request;
  std::shared_ptr<ContributionScope> scope;
  ResponseId response = 0;
  // The first write outside the assignment, explained; "" when all are inside.
  std::string refusal(const std::vector<AnswerWrite>& writes, const std::string& language = {}) const;
};
std::optional<RequestWorkspace> openRequestWorkspace(Workspace& workspace);

// The contribution of a request workspace: every answer of the assigned
// sections, with who and when, and their attached files. Answers outside the
// assignment that differ from what the request gave are refused
// (ContributionError, naming them) unless `leaveOutUnassigned`, when they
// are left out and listed in `leftOut`.
Contribution contributionFromRequest(Workspace& workspace, const std::string& person,
                                     bool leaveOutUnassigned = false,
                                     std::vector<std::string>* leftOut = nullptr);

}  // namespace focal
