// Shared by the contribution tests: a questionnaire with plain answers, a
// table, a repeat group and an attachment in a section gated by a question
// of another section; and a focal point with agencies, run as people would.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "export/contribution/contribution_file.h"
#include "export/contribution/contribution_import.h"
#include "export/contribution/contribution_request.h"
#include "export/contribution/contribution_store.h"
#include "export_fixtures.h"
#include "forms/questionnaire_loader.h"
#include "forms/response_document.h"
#include "forms/workspace.h"

namespace focal::test {

inline const char* kContributionQuestionnaire = R"(focal: 1
id: contrib-test
title: {en: Contribution test}
instrument: tip
cycle: 2
previous_cycle: contrib-test-cycle1
version: 1.0.0
languages: [en, fr]
sections:
  - id: general
    title: {en: General information, fr: Informations générales}
    questions:
      - {id: q_1, type: yes_no, label: {en: "Is trafficking a criminal offence?"}}
      - {id: q_2, type: long_text, label: {en: Describe the law.}}
  - id: victims
    title: {en: Victims, fr: Victimes}
    relevant: ${q_1} = 'yes'
    questions:
      - {id: q_3, type: long_text, label: {en: Protection measures}}
      - {id: q_4, type: integer, label: {en: Shelters}, min: 0, max: 1000}
      - id: q_5
        type: table
        label: {en: Victims identified}
        rows: [{id: y2022, label: "2022"}, {id: y2023, label: "2023"}]
        columns: [{id: women, label: {en: Women}}, {id: men, label: {en: Men}}]
      - id: q_6
        type: repeat
        label: {en: Agreements}
        questions:
          - {id: q_6_partner, type: country, label: {en: Partner State}}
          - {id: q_6_title, type: text, label: {en: Title}}
      - {id: q_7, type: attachment, label: {en: Attach the law.}, types: [pdf, txt]}
      - {id: q_10, type: integer, label: {en: Shelters last cycle}, read_only: true, carry_forward_from: q_4}
  - id: cooperation
    title: {en: Cooperation}
    questions:
      - {id: q_8, type: text, label: {en: Central authority}}
      - {id: q_9, type: text, label: {en: Contact}}
)";

inline std::shared_ptr<const Questionnaire> contributionQuestionnaire(const std::string& version = "1.0.0") {
  std::string text = kContributionQuestionnaire;
  if (version != "1.0.0") text.replace(text.find("version: 1.0.0"), 14, "version: " + version);
  LoadResult result = loadQuestionnaireText(text, "contrib-test.yaml");
  std::string messages;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  return result.questionnaire;
}

inline WorkspaceOptions contributionOptions(const std::string& user) {
  WorkspaceOptions options;
  options.user = user;
  options.backupOnClose = false;
  return options;
}

inline std::map<std::string, std::string> nationalAnswers() {
  return {{"q_1", "yes"},
          {"q_2", "Penal code, article 225"},
          {"q_3", "Shelters and legal aid"},
          {"q_4", "4"},
          {"q_5/y2022/women", "10"},
          {"q_5/y2022/men", "3"},
          {"q_6", "ra rb"},
          {"q_6[ra]/q_6_partner", "ITA"},
          {"q_6[ra]/q_6_title", "Agreement with Italy"},
          {"q_6[rb]/q_6_partner", "ESP"},
          {"q_6[rb]/q_6_title", "Agreement with Spain"},
          {"q_8", "Ministry of the Interior"}};
}

// The focal point's workspace with one response (France), and its store.
class FocalPoint {
 public:
  explicit FocalPoint(const TempDir& dir, const std::string& name = "national.focal")
      : dir_(dir), workspace_(Workspace::create(dir.file(name), contributionOptions("Jeanne Martin"))) {
    response_ = workspace_->createResponse(*contributionQuestionnaire(), "FRA", "en", nationalAnswers());
    store_ = std::make_unique<ContributionStore>(*workspace_);
    document_ = std::make_unique<ResponseDocument>(*workspace_, response_);
  }

  Workspace& workspace() { return *workspace_; }
  ContributionStore& store() { return *store_; }
  ResponseDocument& document() { return *document_; }
  ResponseId response() const { return response_; }
  std::string value(const std::string& path) const { return document_->session().value(path); }

  ContributionRequest request(const std::string& agency, const std::vector<std::string>& ids,
                              const std::string& file) {
    return makeContributionRequest(*store_, response_, agency,
                                   ContributionScope::parseIds(document_->questionnaire(), ids),
                                   dir_.file(file));
  }
  ImportSummary import(const std::string& file, const ImportOptions& options = {}) {
    return importContribution(*document_, *store_, dir_.file(file), options);
  }

 private:
  const TempDir& dir_;
  std::unique_ptr<Workspace> workspace_;
  ResponseId response_ = 0;
  std::unique_ptr<ContributionStore> store_;
  std::unique_ptr<ResponseDocument> document_;
};

// An agency answering its request file, then exporting its contribution.
class Agency {
 public:
  Agency(const TempDir& dir, const std::string& requestFile, const std::string& person = "Maria Lopez")
      : dir_(dir), person_(person) {
    workspace_ = Workspace::open(dir.file(requestFile), contributionOptions(person));
    request_ = openRequestWorkspace(*workspace_);
    EXPECT_TRUE(request_.has_value());
    document_ = std::make_unique<ResponseDocument>(*workspace_, request_->response);
  }

  Workspace& workspace() { return *workspace_; }
  ResponseDocument& document() { return *document_; }
  const RequestWorkspace& request() const { return *request_; }
  void answer(const std::string& path, const std::string& value) {
    auto outcome = document_->answer(path, value);
    EXPECT_NE(outcome.status, AnswerStatus::Refused) << path << ": " << outcome.message;
  }
  std::string exportTo(const std::string& file, const SigningKey& key) {
    Contribution c = contributionFromRequest(*workspace_, person_);
    writeContributionFile(c, dir_.file(file), &key);
    return dir_.file(file);
  }

 private:
  const TempDir& dir_;
  std::string person_;
  std::unique_ptr<Workspace> workspace_;
  std::optional<RequestWorkspace> request_;
  std::unique_ptr<ResponseDocument> document_;
};

inline const SigningKey& agencyKey() {
  static SigningKey key = SigningKey::generate();
  return key;
}

}  // namespace focal::test
