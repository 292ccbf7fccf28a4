// The annex of the national report on agencies' contributions: which agency
// was asked for which sections, when it answered, and, for every answer of
// the report that came from an agency, who gave it and when. Built from
// plain inputs so the PDF, HTML and data exporters can all call it:
//
//   ContributionAnnex annex = contributionAnnex(workspace, responseId, report);
//   if (!annex.empty()) ... print annex.agencies and annex.entries ...
//
// Only answers the report carries are listed, and only while their value
// is still the agency's (an answer the focal point changed after taking it
// is the focal point's).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "export/contribution/contribution_store.h"
#include "export/report/national_report.h"
#include "forms/questionnaire.h"

namespace focal {

struct AnnexAgency {
  std::string agency;
  std::string assignment;               // "Victims (victims), q_12"
  std::string requestedAt, returnedAt;  // UTC, ISO 8601; returnedAt "" when not returned
  std::size_t answers = 0;              // answers of the report that came from it
};

struct AnnexEntry {
  std::string section;   // "2 Victims"
  std::string question;  // the question's label
  std::string path, value;
  std::string agency, person, answeredAt;
};

struct ContributionAnnex {
  std::vector<AnnexAgency> agencies;
  std::vector<AnnexEntry> entries;  // in the report's order of paths
  bool empty() const { return agencies.empty(); }
};

ContributionAnnex buildContributionAnnex(const NationalReport& report,
                                         const std::shared_ptr<const Questionnaire>& questionnaire,
                                         const std::map<std::string, ProvenanceRecord>& provenance,
                                         const std::vector<AssignmentStatus>& assignments,
                                         const std::string& language = {});

// The same, reading the provenance and assignments of `response` from its workspace.
ContributionAnnex contributionAnnex(Workspace& workspace, ResponseId response, const NationalReport& report);

// The annex as plain text, in the report's language where translated.
std::string contributionAnnexText(const ContributionAnnex& annex);

}  // namespace focal
