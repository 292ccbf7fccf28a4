// The coverage of the instrument's provisions across States parties: for
// each provision a question covers (forms/provision_coverage.h), how many
// States parties that replied report measures for it, per column, and the
// legislation they cite; and the provisions no question covers, for the
// author of the next cycle.
#include <algorithm>

#include "export/secretariat/analysis_context.h"
#include "forms/answer_path.h"
#include "forms/provision_coverage.h"

namespace focal::analysis_detail {

namespace {

// "Penal Code, art. 149-A, 2016-10-06", from the citation's parts.
std::string citationText(const StateReply& reply, const std::string& id) {
  std::string out;
  for (const char* part : {"title", "article", "date"}) {
    const std::string* value = reply.find(partPath(id, part));
    if (!value || value->empty()) continue;
    if (!out.empty()) out += ", ";
    out += std::string(part) == "article" ? "art. " + *value : *value;
  }
  return out;
}

}  // namespace

void provisionCoverage(const Context& c, Analysis& out) {
  const auto entries = focal::provisionCoverage(c.q);
  const std::string own = instrumentKey(c.q.info.instrument);
  const bool listed = c.input.parties.find(own) != nullptr;
  std::vector<char> party;
  for (const auto& reply : c.replies())
    party.push_back(!listed || c.input.parties.standing(own, reply.state) == Standing::Party);
  for (const auto& e : entries) {
    const Provision& p = *e.provision;
    const std::string citation = p.citation(c.language);
    if (e.questions.empty()) {
      if (e.ownInstrument)
        out.uncoveredProvisions.push_back(citation + " (" + p.title.get(c.language, "en") + ")");
      continue;
    }
    ProvisionCoverageRow row;
    row.instrument = instrumentKey(e.catalog->instrument);
    row.citation = citation;
    row.title = p.title.get(c.language, "en");
    row.summary = p.summary.get(c.language, "en");
    row.obligation = obligationLabel(p.obligation, c.language);
    for (const auto& theme : p.themes)
      row.themes += (row.themes.empty() ? "" : ", ") + e.catalog->themeLabel(theme, c.language);
    for (int index : e.questions)
      row.questions += (row.questions.empty() ? "" : ", ") + c.q.questions[index].id;
    row.reporting = c.zeros();
    row.replied = c.zeros();
    for (std::size_t r = 0; r < c.replies().size(); ++r) {
      if (!party[r]) continue;
      const StateReply& reply = c.replies()[r];
      c.add(row.replied, r);
      bool reports = false;
      std::vector<std::string> cited;
      for (int index : e.questions) {
        const Question& question = c.q.questions[index];
        if (question.repeat >= 0 || hasTag(question, "technical_assistance") || hasTag(question, "gating"))
          continue;
        if (question.type == QuestionType::YesNo) {
          const std::string* value = reply.find(question.id);
          reports |= value && *value == "yes";
        } else if (question.type == QuestionType::Legislation) {
          std::string text = citationText(reply, question.id);
          if (text.empty()) continue;
          reports = true;
          if (std::find(cited.begin(), cited.end(), text) == cited.end()) cited.push_back(std::move(text));
        }
      }
      if (reports) c.add(row.reporting, r);
      for (const auto& text : cited) row.legislation.push_back(c.stateName(reply.state) + ": " + text);
    }
    std::sort(row.legislation.begin(), row.legislation.end());
    out.provisions.push_back(std::move(row));
  }
}

}  // namespace focal::analysis_detail
