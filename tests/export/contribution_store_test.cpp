// The focal point's bookkeeping: its tables come with the workspace's
// migrations (older files open), an import is one transaction (a failure
// in the middle leaves nothing);
// the report annex lists the agencies' answers the report carries; the
// contribution file round-trips byte for byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"
#include "export/contribution/contribution_annex.h"
#include "export/report/report_assembly.h"
#include "forms/schema_registry.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// The tables as Focal created them on first use, before they were registered
// with the workspace's migrations, with an import left pending by the
// journal that is gone now.
constexpr const char* kTablesOfEarlierFocal = R"sql(
DROP TABLE schema_modules; DROP TABLE contribution_imports; DROP TABLE contribution_request;
CREATE TABLE contribution_imports(
  id INTEGER PRIMARY KEY, request TEXT NOT NULL, response INTEGER NOT NULL, file TEXT NOT NULL,
  content_sha256 TEXT NOT NULL, person TEXT NOT NULL, signer TEXT NOT NULL, exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, applied INTEGER NOT NULL, unchanged INTEGER NOT NULL,
  conflicts INTEGER NOT NULL, status TEXT NOT NULL, plan TEXT);
INSERT INTO contribution_imports VALUES (1, 'r', 1, 'f', '00', 'p', 'k', '2026-01-01', '2026-01-01', 'u', 1, 0,
  0, 'pending', '{"writes": []}');
)sql";

// #19 point 1: the contribution tables are registered steps of the
// workspace's migrations, recorded in its schema bookkeeping.
TEST(ContributionStore, TablesComeWithTheWorkspacesMigrationsAndAreRecorded) {
  TempDir dir;
  auto ws = Workspace::create(dir.file("new.focal"), test::contributionOptions("Jeanne Martin"));
  sql::Database& db = ws->database();
  EXPECT_EQ(db.queryInteger("SELECT version FROM schema_modules WHERE module = 'contributions'"),
            schema_registry::latestVersion("contributions"));
  for (const char* table :
       {"contribution_requests", "contribution_base", "contribution_imports", "contribution_conflicts",
        "contribution_provenance", "contribution_files", "contribution_request"})
    EXPECT_EQ(db.queryInteger(std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'"),
              1)
        << table;
}

TEST(ContributionStore, AWorkspaceHoldingTheTablesOfAnEarlierFocalStillOpensAndImports) {
  TempDir dir;
  const std::string path = dir.file("national.focal");
  {
    FocalPoint focal(dir);
    focal.request("Ministry of Justice", {"victims"}, "justice.focal");
    focal.workspace().database().exec(kTablesOfEarlierFocal);
  }
  auto ws = Workspace::open(path, test::contributionOptions("Jeanne Martin"));
  sql::Database& db = ws->database();
  EXPECT_EQ(db.queryInteger("SELECT version FROM schema_modules WHERE module = 'contributions'"),
            schema_registry::latestVersion("contributions"));
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM contribution_imports WHERE status = 'pending'"), 0);
  ContributionStore store(*ws);
  const ResponseId response = ws->responses().front().id;
  ASSERT_EQ(store.requests(response).size(), 1u);
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  ResponseDocument document(*ws, response);
  ImportSummary s = importContribution(document, store, dir.file("justice.focalcontrib"));
  EXPECT_EQ(document.session().value("q_4"), "6");
  EXPECT_EQ(store.dashboard(response)[0].imports, 1);
}

TEST(ContributionStore, AWorkspaceFromANewerFocalIsRefusedUnchanged) {
  TempDir dir;
  const std::string path = dir.file("newer.focal");
  Workspace::create(path, test::contributionOptions("Jeanne Martin"))
      ->database()
      .exec("UPDATE schema_modules SET version = 99 WHERE module = 'contributions'");
  try {
    Workspace::open(path, test::contributionOptions("Jeanne Martin"));
    ADD_FAILURE() << "opened";
  } catch (const WorkspaceError& e) {
    EXPECT_EQ(e.kind(), WorkspaceError::Kind::TooNew);
    EXPECT_THAT(e.what(), HasSubstr("newer version of Focal"));
  }
}

// #19 point 1: an import writes its answers and its bookkeeping in one
// transaction. A failure in the middle (here the provenance table cannot
// be written, after the answers were) leaves neither on disk, and the
// document as it was.
TEST(ContributionStore, AFailureMidImportLeavesNeitherAnswersNorBookkeeping) {
  TempDir dir;
  FocalPoint focal(dir);
  auto request = focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "9");
    agency.answer("q_3", "Agency text");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  const auto answers = focal.workspace().answers(focal.response());
  focal.workspace().database().exec("ALTER TABLE contribution_provenance RENAME TO provenance_elsewhere");
  try {
    focal.import("justice.focalcontrib");
    ADD_FAILURE() << "imported";
  } catch (const ContributionError& e) {
    EXPECT_EQ(e.kind(), ContributionError::Kind::Failed);
    EXPECT_THAT(e.what(), HasSubstr("Could not record the import"));
    EXPECT_THAT(e.what(), HasSubstr("Nothing was changed"));
  }
  EXPECT_FALSE(focal.workspace().database().inTransaction());
  EXPECT_EQ(focal.workspace().answers(focal.response()), answers);
  EXPECT_EQ(focal.value("q_4"), "4");
  EXPECT_EQ(focal.value("q_3"), "Shelters and legal aid");
  EXPECT_EQ(focal.store().base(request.id).at("q_4"), "4");
  EXPECT_EQ(focal.store().signer(request.id), "");
  EXPECT_EQ(focal.workspace().database().queryInteger("SELECT count(*) FROM contribution_imports"), 0);

  // Once the table is back, the same file imports whole.
  focal.workspace().database().exec("ALTER TABLE provenance_elsewhere RENAME TO contribution_provenance");
  ImportSummary s = focal.import("justice.focalcontrib");
  EXPECT_FALSE(s.importedBefore);
  EXPECT_EQ(focal.value("q_4"), "9");
  EXPECT_EQ(focal.workspace().answers(focal.response()).at("q_4"), "9");
  EXPECT_EQ(focal.store().currentProvenance(focal.response()).at("q_4").agency, "Ministry of Justice");
  EXPECT_EQ(focal.store().base(request.id).at("q_4"), "9");
}

// When the answers themselves cannot be written, nothing of the import is recorded.
TEST(ContributionStore, AnImportWhoseAnswersCannotBeWrittenRecordsNothing) {
  TempDir dir;
  FocalPoint focal(dir);
  auto request = focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "9");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  const auto answers = focal.workspace().answers(focal.response());
  focal.workspace().database().exec("ALTER TABLE answer_log RENAME TO log_elsewhere");
  try {
    focal.import("justice.focalcontrib");
    ADD_FAILURE() << "imported";
  } catch (const ContributionError& e) {
    EXPECT_EQ(e.kind(), ContributionError::Kind::Failed);
    EXPECT_THAT(e.what(), HasSubstr("Nothing of it was written"));
  }
  focal.workspace().database().exec("ALTER TABLE log_elsewhere RENAME TO answer_log");
  focal.document().retry();
  EXPECT_EQ(focal.workspace().answers(focal.response()), answers);
  EXPECT_EQ(focal.value("q_4"), "4");
  EXPECT_EQ(focal.workspace().database().queryInteger("SELECT count(*) FROM contribution_imports"), 0);
  EXPECT_THAT(focal.store().provenanceLog(focal.response()), IsEmpty());
  EXPECT_EQ(focal.store().base(request.id).at("q_4"), "4");
}

TEST(ContributionStore, ProvenanceFollowsTheAnswerUntilTheFocalPointChangesIt) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    agency.answer("q_5/y2023/men", "2");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.import("justice.focalcontrib");
  EXPECT_EQ(focal.store().currentProvenance(focal.response()).size(), 2u);
  focal.document().answer("q_4", "7");
  auto provenance = focal.store().currentProvenance(focal.response());
  EXPECT_FALSE(provenance.contains("q_4"));
  EXPECT_TRUE(provenance.contains("q_5/y2023/men"));
  EXPECT_EQ(focal.store().provenanceLog(focal.response()).size(), 2u);  // the log keeps everything
}

TEST(ContributionAnnex, ListsTheAgenciesAndTheirAnswersInTheReport) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  focal.request("Police", {"cooperation"}, "police.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_4", "6");
    agency.answer("q_6[ra]/q_6_title", "Agreement with Italy, 2019");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.import("justice.focalcontrib");

  ReportInput input;
  input.questionnaire = focal.document().session().sharedQuestionnaire();
  input.state = "FRA";
  input.preparer = "Jeanne Martin";
  for (auto& a : focal.workspace().storedAnswers(focal.response()))
    input.answers.push_back({a.path, a.value, a.changedBy, a.changedAt});
  NationalReport report = assembleReport(input);
  ContributionAnnex annex = contributionAnnex(focal.workspace(), focal.response(), report);
  ASSERT_EQ(annex.agencies.size(), 2u);
  EXPECT_EQ(annex.agencies[0].agency, "Ministry of Justice");
  EXPECT_EQ(annex.agencies[0].assignment, "Victims (victims)");
  EXPECT_EQ(annex.agencies[0].answers, 2u);
  EXPECT_EQ(annex.agencies[1].returnedAt, "");
  ASSERT_EQ(annex.entries.size(), 2u);
  EXPECT_EQ(annex.entries[0].path, "q_4");
  EXPECT_EQ(annex.entries[0].section, "2 Victims");
  EXPECT_EQ(annex.entries[0].question, "Shelters");
  EXPECT_EQ(annex.entries[0].person, "Maria Lopez");
  EXPECT_EQ(annex.entries[1].question, "Title");
  const std::string text = contributionAnnexText(annex);
  EXPECT_THAT(text, HasSubstr("Police: Cooperation (cooperation)."));
  EXPECT_THAT(text, HasSubstr("not returned"));
  EXPECT_THAT(text, HasSubstr("2 Victims | Shelters (q_4) | Maria Lopez, Ministry of Justice"));
  // The report's own answers carry where they came from too.
  for (const auto& a : report.answers) {
    if (a.path == "q_4") {
      EXPECT_THAT(a.changedBy, HasSubstr("Ministry of Justice"));
    }
  }
}

TEST(ContributionAnnex, IsEmptyWithoutRequests) {
  TempDir dir;
  FocalPoint focal(dir);
  NationalReport report;
  EXPECT_TRUE(contributionAnnex(focal.workspace(), focal.response(), report).empty());
  EXPECT_EQ(contributionAnnexText({}), "");
}

TEST(ContributionFile, RoundTripsAndKeepsFiles) {
  TempDir dir;
  Contribution c;
  c.requestId = std::string(32, 'a');
  c.agency = "Ministère de la Justice";
  c.person = "María López";
  c.state = "FRA";
  c.questionnaireId = "contrib-test";
  c.questionnaireVersion = "1.0.0";
  c.questionnaireSha256 = std::string(64, 'b');
  c.answers = {{"q_3", "تعتمد الخطة الوطنية", "María", "2026-11-29T10:00:00.000Z"},
               {"q_7", "law.txt", "María", "2026-11-29T10:00:00.000Z"}};
  const std::string text = "Article 1.";
  c.files = {{"q_7", "law.txt", "text/plain", sha256Hex(text), {text.begin(), text.end()}}};
  writeContributionFile(c, dir.file("c.focalcontrib"), &agencyKey());
  ContributionCheck check = readContributionFile(dir.file("c.focalcontrib"));
  ASSERT_TRUE(check.intact()) << check.reason;
  EXPECT_EQ(check.fingerprint, agencyKey().fingerprint());
  EXPECT_EQ(check.contribution->agency, c.agency);
  EXPECT_EQ(check.contribution->answers, c.answers);
  ASSERT_EQ(check.contribution->files.size(), 1u);
  EXPECT_EQ(check.contribution->files[0].data, c.files[0].data);

  std::string error;
  auto other = ExpectedKey::parse(SigningKey::generate().fingerprint(), &error);
  EXPECT_EQ(readContributionFile(dir.file("c.focalcontrib"), other).verdict, ReportVerdict::OtherKey);
  EXPECT_EQ(readContributionFile(dir.file("missing.focalcontrib")).verdict, ReportVerdict::Unreadable);
}

}  // namespace
}  // namespace focal
