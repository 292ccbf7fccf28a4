// The focal point's bookkeeping: an import interrupted between the answers
// and the bookkeeping is completed (or dropped) by the next store opened;
// the report annex lists the agencies' answers the report carries; the
// contribution file round-trips byte for byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"
#include "export/contribution/contribution_annex.h"
#include "export/report/report_assembly.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

ImportPlan planFor(const ContributionRequest& request) {
  ImportPlan plan;
  plan.requestId = request.id;
  plan.file = "justice.focalcontrib";
  plan.contentSha256 = "00";
  plan.person = "Maria Lopez";
  plan.signerKey = agencyKey().publicKeyHex();
  plan.importedAt = utcTimestamp();
  plan.importedBy = "Jeanne Martin";
  plan.writes = {{"q_4", "4", "9"}};
  plan.nextBase = request.snapshot;
  plan.nextBase["q_4"] = "9";
  plan.provenance = {{"q_4", "9", request.id, "Ministry of Justice", "Maria Lopez",
                      "2026-11-28T10:00:00.000Z", plan.importedAt, "Jeanne Martin", plan.file}};
  plan.applied = 1;
  return plan;
}

TEST(ContributionStore, AnImportStoppedBeforeTheAnswersIsDropped) {
  TempDir dir;
  FocalPoint focal(dir);
  auto request = focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  focal.store().beginImport(focal.response(), planFor(request));  // the program stops here
  ContributionStore reopened(focal.workspace());
  EXPECT_THAT(reopened.provenanceLog(focal.response()), IsEmpty());
  EXPECT_EQ(reopened.base(request.id).at("q_4"), "4");
  EXPECT_EQ(reopened.dashboard(focal.response())[0].imports, 0);
}

TEST(ContributionStore, AnImportStoppedAfterTheAnswersIsCompleted) {
  TempDir dir;
  FocalPoint focal(dir);
  auto request = focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  focal.store().beginImport(focal.response(), planFor(request));
  focal.workspace().write(focal.response(), {{"q_4", "9"}});  // the program stops here
  ContributionStore reopened(focal.workspace());
  EXPECT_EQ(reopened.base(request.id).at("q_4"), "9");
  EXPECT_EQ(reopened.currentProvenance(focal.response()).at("q_4").agency, "Ministry of Justice");
  EXPECT_EQ(reopened.dashboard(focal.response())[0].imports, 1);
  EXPECT_EQ(reopened.signer(request.id), agencyKey().publicKeyHex());
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
