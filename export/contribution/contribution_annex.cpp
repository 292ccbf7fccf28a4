#include "export/contribution/contribution_annex.h"

#include "export/contribution/contribution_internal.h"
#include "export/contribution/contribution_scope.h"
#include "export/report/report_assembly.h"
#include "forms/answer_path.h"

namespace focal {

ContributionAnnex buildContributionAnnex(const NationalReport& report,
                                         const std::shared_ptr<const Questionnaire>& questionnaire,
                                         const std::map<std::string, ProvenanceRecord>& provenance,
                                         const std::vector<AssignmentStatus>& assignments,
                                         const std::string& language) {
  ContributionAnnex annex;
  if (assignments.empty()) return annex;
  const Questionnaire& q = *questionnaire;
  const std::string lang = language.empty() ? q.defaultLanguage() : language;
  const auto numbers = displayedSectionNumbers(q);
  std::map<std::string, std::size_t> perAgency;
  for (const auto& answer : report.answers) {
    auto it = provenance.find(answer.path);
    if (it == provenance.end() || it->second.value != answer.value) continue;
    const ProvenanceRecord& p = it->second;
    AnnexEntry entry{{}, {}, answer.path, answer.value, p.agency, p.person, p.answeredAt};
    if (auto parsed = parseAnswerPath(answer.path)) {
      if (const Question* question = q.find(parsed->question)) {
        entry.question = question->label.get(lang, q.defaultLanguage());
        const Question& top = question->repeat >= 0 ? q.questions[question->repeat] : *question;
        if (top.section >= 0)
          entry.section =
              numbers[top.section] + " " + q.sections[top.section].title.get(lang, q.defaultLanguage());
      }
    }
    ++perAgency[p.agency];
    annex.entries.push_back(std::move(entry));
  }
  for (const auto& a : assignments) {
    std::string assignment;
    try {
      assignment = ContributionScope(questionnaire, a.request.assignment).describe(lang);
    } catch (const ContributionError&) {
      assignment = contribution_detail::joinList(a.request.assignment.sections);
    }
    annex.agencies.push_back({a.request.agency, assignment, a.request.requestedAt, a.returnedAt,
                              perAgency.contains(a.request.agency) ? perAgency.at(a.request.agency) : 0});
  }
  return annex;
}

ContributionAnnex contributionAnnex(Workspace& workspace, ResponseId response, const NationalReport& report) {
  ContributionStore store(workspace);
  auto questionnaire = workspace.questionnaire(response);
  return buildContributionAnnex(report, questionnaire, store.currentProvenance(response),
                                store.dashboard(response), report.metadata.language);
}

std::string contributionAnnexText(const ContributionAnnex& annex) {
  if (annex.empty()) return {};
  std::string out = tr("Annex: contributions of national agencies") + std::string("\n\n");
  for (const auto& a : annex.agencies) {
    out += msg("{}: {}. Requested {}; ", a.agency, a.assignment, a.requestedAt.substr(0, 10));
    out += a.returnedAt.empty()
               ? tr("not returned.")
               : msg("returned {}, {} answers in this report.", a.returnedAt.substr(0, 10), a.answers);
    out += "\n";
  }
  if (!annex.entries.empty()) out += "\n";
  for (const auto& e : annex.entries)
    out += msg("{} | {} ({}) | {}, {}, {}\n", e.section, e.question, e.path, e.person, e.agency,
               e.answeredAt.substr(0, 10));
  return out;
}

}  // namespace focal
