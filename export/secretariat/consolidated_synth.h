// Synthetic national reports for tests, benchmarks, demonstrations and
// training: deterministic for a seed, realistic in shape. States are drawn
// from the regional groups, each answers in a language it would use, the
// answers follow the questionnaire's relevance, constraints and required
// questions (so the reports can be final), the regional groups lean
// differently on Yes/No and on technical-assistance needs, and free-text
// answers are written in English, French, Spanish, Arabic, Chinese or
// Russian.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "export/report/national_report.h"
#include "export/secretariat/analysis_groups.h"
#include "forms/questionnaire.h"

namespace focal {

struct SynthOptions {
  std::uint64_t seed = 1;
  std::string exportedAt = "2026-10-01T09:00:00Z";  // the first State's; each next one a few minutes later
  int revision =
      0;  // a later revision of each State's reply: exported `revision` days later, some answers changed
  ReportStatus status = ReportStatus::Final;
};

// `count` distinct Member States chosen by the seed, in code order
// (at most every member of every group).
std::vector<std::string> synthStates(const RegionalGroups& groups, std::size_t count, std::uint64_t seed);

// The language a State would answer in, among the questionnaire's.
std::string synthLanguage(const std::string& state, const RegionalGroups& groups, const Questionnaire& q);

// One State's reply. `index` spaces the export times of several States.
NationalReport synthReport(const std::shared_ptr<const Questionnaire>& questionnaire,
                           const RegionalGroups& groups, const std::string& state, std::size_t index,
                           const SynthOptions& options);

}  // namespace focal
