// A small pair of questionnaires (cycle 1 and cycle 2) and a handful of
// national replies written by hand, for the consolidated store, merge and
// analysis tests: few enough that every figure of the analysis can be
// computed by hand (see analysis_results_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "export/report/report_file.h"
#include "export/secretariat/analysis_groups.h"
#include "export/secretariat/analysis_parties.h"
#include "export/secretariat/consolidated_merge.h"
#include "export_fixtures.h"
#include "forms/questionnaire_loader.h"

namespace focal::test {

inline const char* kAnalysisQuestionnaire = R"(focal: 1
id: analysis-test
title: {en: Analysis test questionnaire, fr: Questionnaire d'essai}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en, fr, ar]
previous_cycle: analysis-test-1
choice_lists:
  assistance_kinds:
    - {value: training, label: {en: Training, fr: Formation}}
    - {value: equipment, label: {en: Equipment, fr: Matériel}}
    - {value: legislative_drafting, label: {en: Legislative drafting, fr: Rédaction législative}}
sections:
  - id: general
    title: {en: General, fr: Généralités}
    questions:
      - {id: q_gate, type: yes_no, tags: [gating], label: {en: "Does your country need assistance to reply?"}}
      - {id: q_law, type: yes_no, carry_forward_from: p_law, label: {en: "Is trafficking a criminal offence?", fr: "La traite est-elle une infraction ?"}}
      - {id: q_law_why, type: long_text, relevant: "${q_law} = 'no'", label: {en: "If no, why not?"}}
      - {id: q_contact, type: text, carry_forward_from: p_contact, label: {en: "Name of the focal point"}}
      - id: q_forms
        type: multiple_choice
        carry_forward_from: p_forms
        label: {en: "Which forms of exploitation are covered?"}
        choices:
          - {value: sexual, label: {en: Sexual exploitation, fr: Exploitation sexuelle}}
          - {value: labour, label: {en: Forced labour, fr: Travail forcé}}
        other: true
      - {id: q_shelters, type: integer, min: 0, summary: sum, label: {en: "How many shelters?"}, unit: {en: shelters}}
      - {id: q_penalty, type: integer, min: 0, max: 99, summary: distribution, special_values: {99: {en: life imprisonment, fr: réclusion à perpétuité}}, label: {en: "Maximum prison term?"}, unit: {en: years}}
      - id: q_victims
        type: table
        label: {en: Victims identified}
        rows: [{id: y2022, label: "2022"}, {id: y2023, label: "2023"}]
        columns: [{id: women, label: {en: Women}}, {id: men, label: {en: Men}}]
      - {id: q_practice, type: long_text, tags: [successful_practice], label: {en: Successful practices}}
  - id: victims
    title: {en: Victims}
    references: [{instrument: tip, article: "6"}]
    questions:
      - {id: q_victims_law, type: yes_no, carry_forward_from: p_victims, label: {en: "Are victims protected?"}}
      - {id: ta_victims, type: yes_no, tags: [technical_assistance], label: {en: "Do you need technical assistance here?"}}
      - {id: ta_victims_kinds, type: multiple_choice, tags: [technical_assistance], relevant: "${ta_victims} = 'yes'", choices: assistance_kinds, other: true, label: {en: "What kind?"}}
  - id: borders
    title: {en: Borders}
    references: [{instrument: tip, article: "11"}, {instrument: tip, article: "12"}]
    questions:
      - {id: ta_borders, type: yes_no, tags: [technical_assistance], label: {en: "Do you need technical assistance here?"}}
      - {id: ta_borders_kinds, type: multiple_choice, tags: [technical_assistance], relevant: "${ta_borders} = 'yes'", choices: assistance_kinds, label: {en: "What kind?"}}
)";

inline const char* kPreviousQuestionnaire = R"(focal: 1
id: analysis-test-1
title: {en: "Analysis test questionnaire, first cycle"}
instrument: tip
cycle: 1
version: 1.0.0
languages: [en]
sections:
  - id: general
    title: {en: General}
    questions:
      - {id: p_law, type: yes_no, label: {en: "Is trafficking a criminal offence?"}}
      - {id: p_victims, type: yes_no, label: {en: "Are victims protected?"}}
      - {id: p_contact, type: text, label: {en: "Name of the focal point"}}
      - id: p_forms
        type: multiple_choice
        label: {en: "Which forms of exploitation are covered?"}
        choices:
          - {value: sexual, label: {en: Sexual exploitation}}
          - {value: labour, label: {en: Forced labour}}
        other: true
)";

inline std::shared_ptr<const Questionnaire> loadOrFail(const char* text, const char* name) {
  LoadResult result = loadQuestionnaireText(text, name);
  std::string messages;
  for (const auto& d : result.diagnostics) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  return result.questionnaire;
}

inline std::shared_ptr<const Questionnaire> analysisQuestionnaire() {
  static auto q = loadOrFail(kAnalysisQuestionnaire, "analysis-test.yaml");
  return q;
}
inline std::shared_ptr<const Questionnaire> previousQuestionnaire() {
  static auto q = loadOrFail(kPreviousQuestionnaire, "analysis-test-1.yaml");
  return q;
}

inline const char* kArabicPractice = "تنسق آلية إحالة وطنية بين الشرطة ودور الإيواء";
inline const char* kInjection = "=cmd|' /C calc'!A0";
// A right-to-left override: shown, the text would read "...victims exe.fdp".
inline const char* kOverride = "Hotline operators refer victims \u202Epdf.exe\u202C.";
inline const char* kMarkup = "Joint <b>investigation</b> teams & <script>alert(1)</script>";

// A report written directly (not through assembleReport), so that a test
// can put in it whatever a State's file might hold.
inline NationalReport handReport(const Questionnaire& q, const std::string& state,
                                 const std::map<std::string, std::string>& answers,
                                 const std::string& exportedAt = "2026-10-01T09:00:00Z",
                                 const std::string& language = "en",
                                 ReportStatus status = ReportStatus::Final) {
  NationalReport r;
  auto& m = r.metadata;
  m.state = state;
  m.questionnaireId = q.info.id;
  m.questionnaireVersion = q.info.version;
  m.questionnaireText = q.sourceText;
  m.questionnaireSha256 = crypto::hex(crypto::sha256(q.sourceText));
  m.instrument = instrumentKey(q.info.instrument);
  m.cycle = q.info.cycle;
  m.preparer = "Focal point of " + state;
  m.exportedAt = exportedAt;
  m.focalVersion = FOCAL_VERSION;
  m.status = status;
  m.language = language;
  for (const auto& [path, value] : answers) r.answers.push_back({path, value, "focal.point", exportedAt});
  r.sort();
  return r;
}

// The current cycle's replies (see analysis_results_test.cpp for the figures).
inline std::map<std::string, std::map<std::string, std::string>> currentReplies() {
  return {
      {"FRA",
       {{"q_gate", "no"},
        {"q_contact", "Marie Curie"},
        {"q_penalty", "10"},
        {"q_law", "yes"},
        {"q_law_why", "stale text of a question no longer relevant"},
        {"q_forms", "sexual labour"},
        {"q_shelters", "10"},
        {"q_victims/y2022/women", "5"},
        {"q_victims/y2022/men", "3"},
        {"q_practice", "Un mécanisme national d'orientation coordonne la police."},
        {"q_victims_law", "yes"},
        {"ta_victims", "no"},
        {"ta_borders", "yes"},
        {"ta_borders_kinds", "training equipment"}}},
      {"DEU",
       {{"q_gate", "no"},
        {"q_penalty", "99"},
        {"q_law", "yes"},
        {"q_forms", "sexual"},
        {"q_shelters", "20"},
        {"q_victims/y2022/women", "7"},
        {"q_victims/y2023/men", "1"},
        {"q_practice", kMarkup},
        {"q_victims_law", "yes"},
        {"ta_victims", "no"},
        {"ta_borders", "no"}}},
      {"NGA",
       {{"q_gate", "yes"},
        {"q_penalty", "20"},
        {"q_law", "no"},
        {"q_law_why", "A draft bill is before parliament."},
        {"q_forms", "labour other"},
        {"q_forms/other", kInjection},
        {"q_shelters@status", "not_available"},
        {"q_victims/y2022/women", "10"},
        {"q_victims_law", "no"},
        {"ta_victims", "yes"},
        {"ta_victims_kinds", "training legislative_drafting other"},
        {"ta_victims_kinds/other", kInjection},
        {"ta_borders", "yes"},
        {"ta_borders_kinds", "training"}}},
      {"KEN",
       {{"q_gate", "yes"},
        {"q_penalty", "99"},
        {"q_law", "yes"},
        {"q_shelters", "4"},
        {"q_practice", kOverride},
        {"q_victims_law", "yes"},
        {"ta_victims", "yes"},
        {"ta_victims_kinds", "equipment"},
        {"ta_borders", "no"},
        {"ta_borders_kinds", "equipment"}}},
      {"EGY",
       {{"q_gate", "no"},
        {"q_penalty", "15"},
        {"q_law", "no"},
        {"q_law_why", "<script>alert(1)</script>"},
        {"q_forms", "sexual"},
        {"q_practice", kArabicPractice},
        {"q_victims_law@status", "not_applicable"},
        {"ta_victims", "no"},
        {"ta_borders", "no"}}},
  };
}

inline std::map<std::string, std::map<std::string, std::string>> previousReplies() {
  return {
      {"FRA",
       {{"p_law", "yes"}, {"p_victims", "yes"}, {"p_contact", "Jean Dupont"}, {"p_forms", "sexual labour"}}},
      {"NGA",
       {{"p_law", "yes"},
        {"p_victims", "no"},
        {"p_forms", "labour other"},
        {"p_forms/other", "debt bondage (earlier wording)"}}},
      {"KEN", {{"p_law", "no"}, {"p_victims", "yes"}}},
      {"BRA", {{"p_law", "yes"}}}};
}

inline std::string replyLanguage(const std::string& state) {
  return state == "FRA" ? "fr" : state == "EGY" ? "ar" : "en";
}

// One key per State, as each State's installation has its own.
inline const SigningKey& stateKey(const std::string& state) {
  static std::map<std::string, SigningKey> keys;
  auto it = keys.find(state);
  if (it == keys.end()) it = keys.emplace(state, SigningKey::generate()).first;
  return it->second;
}

// Writes every reply of both cycles into `dir`; returns the files.
inline std::vector<std::string> writeReplies(const TempDir& dir) {
  std::vector<std::string> files;
  for (const auto& [state, answers] : previousReplies()) {
    files.push_back(dir.file("analysis-test-1-" + state + ".focalreport"));
    writeReportFile(handReport(*previousQuestionnaire(), state, answers, "2024-05-01T10:00:00Z"),
                    files.back(), &stateKey(state));
  }
  for (const auto& [state, answers] : currentReplies()) {
    files.push_back(dir.file("analysis-test-" + state + ".focalreport"));
    writeReportFile(
        handReport(*analysisQuestionnaire(), state, answers, "2026-10-01T09:00:00Z", replyLanguage(state)),
        files.back(), &stateKey(state));
  }
  return files;
}

// What the secretariat trusts for the fixtures (the store trusts nothing by
// itself): both questionnaires registered, and each State's key accepted
// for it, as after `focal-cli merge --register ... --accept-key STATE=...`.
inline void trustFixtures(ConsolidatedStore& store) {
  store.registerQuestionnaire(*analysisQuestionnaire(), "registered from analysis-test.yaml");
  store.registerQuestionnaire(*previousQuestionnaire(), "registered from analysis-test-1.yaml");
  for (const char* state : {"FRA", "DEU", "NGA", "KEN", "EGY", "BRA", "ARG", "CHL"})
    store.acceptKey(state, stateKey(state).fingerprint());
}

// The same for focal-cli merge: the questionnaires written to `dir` and
// given with --register, and an --accept-key for each State.
inline std::string trustArguments(const TempDir& dir) {
  writeFile(dir.file("analysis-test.yaml"), kAnalysisQuestionnaire);
  writeFile(dir.file("analysis-test-1.yaml"), kPreviousQuestionnaire);
  std::string out = " --register '" + dir.file("analysis-test.yaml") + "' --register '" +
                    dir.file("analysis-test-1.yaml") + "'";
  for (const char* state : {"FRA", "DEU", "NGA", "KEN", "EGY", "BRA", "ARG", "CHL"})
    out += std::string(" --accept-key '") + state + "=" + stateKey(state).fingerprint() + "'";
  return out;
}

inline RegionalGroups testGroups() {
  static RegionalGroups groups = RegionalGroups::load(std::string(FOCAL_SOURCE_DIR) +
                                                      "/questionnaires/reference/un-regional-groups.yaml");
  return groups;
}

// Parties to the Trafficking in Persons Protocol (the fixtures' instrument):
// of the current repliers FRA, NGA and KEN are parties, DEU only a
// signatory and EGY not a party; ITA, ZAF, BRA, the European Union and the
// Holy See are parties that did not reply to the current cycle.
inline InstrumentParties testParties() {
  return InstrumentParties::parse(R"(
as_of: "2024-05-04"
source: test list
instruments:
  - id: tip
    parties: [FRA, NGA, KEN, BRA, ITA, ZAF, EUU, VAT]
    signatories: [DEU]
names: {EUU: European Union}
)",
                                  "test-parties.yaml");
}

}  // namespace focal::test
