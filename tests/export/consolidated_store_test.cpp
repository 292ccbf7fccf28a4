// The consolidated store: created on first use, refused when it is another
// file, questionnaires kept once, idempotent imports, supersession with the
// history kept; a key conflict, and trust given only by the secretariat
// (secretariat_trust_test.cpp holds the attacks).
#include <gtest/gtest.h>

#include "consolidated_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

// A report verified as the merge would, ready for importReport.
VerifiedReport verified(const std::string& file, bool allowUnsigned = false) {
  const std::string bytes = test::readFile(file);
  VerifiedReport v;
  v.fileName = file;
  v.fileSha256 = crypto::hex(crypto::sha256(bytes));
  v.check = readReportFile(file);
  EXPECT_TRUE(v.check.intact() || (allowUnsigned && v.check.verdict == ReportVerdict::Unsigned))
      << v.check.reason;
  const auto& id = v.check.report->metadata.questionnaireId;
  v.questionnaire = id == "analysis-test" ? test::analysisQuestionnaire() : test::previousQuestionnaire();
  v.relevant.assign(v.check.report->answers.size(), 1);
  return v;
}

std::string writeReport(const TempDir& dir, const std::string& name, const NationalReport& report,
                        const SigningKey* key) {
  const std::string file = dir.file(name);
  writeReportFile(report, file, key);
  return file;
}

NationalReport fraReport(const std::string& exportedAt, const std::string& law = "yes") {
  return test::handReport(*test::analysisQuestionnaire(), "FRA", {{"q_law", law}, {"q_gate", "no"}},
                          exportedAt);
}

// The merge hashes each file once and hands the reader the digest its seal
// signs: the seal is checked against that digest (a wrong one is an
// alteration), and with the right one the verdict is the reader's own.
TEST(ConsolidatedStore, TheSealIsCheckedAgainstTheDigestTheMergeTook) {
  TempDir dir;
  const auto& key = test::stateKey("FRA");
  const std::string bytes =
      test::readFile(writeReport(dir, "fra.focalreport", fraReport("2026-10-01T09:00:00Z"), &key));
  const std::span data(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  const std::uint64_t signedLength = signedPrefixLength(bytes.size());
  ASSERT_LT(signedLength, bytes.size());

  VerifyOptions right;
  right.signedPrefixDigest.emplace(signedLength, crypto::sha256(data.subspan(0, signedLength)));
  EXPECT_EQ(readReportBytes(data, right).verdict, ReportVerdict::Intact);

  VerifyOptions wrong;
  wrong.signedPrefixDigest.emplace(signedLength, crypto::sha256(std::string_view("other bytes")));
  EXPECT_EQ(readReportBytes(data, wrong).verdict, ReportVerdict::Altered);

  // A digest of another length is not used: the reader hashes for itself.
  VerifyOptions otherLength;
  otherLength.signedPrefixDigest.emplace(signedLength - 1, crypto::sha256(std::string_view("other bytes")));
  EXPECT_EQ(readReportBytes(data, otherLength).verdict, ReportVerdict::Intact);
}

TEST(ConsolidatedStore, CreatesItsSchemaAndOpensAgain) {
  TempDir dir;
  const std::string path = dir.file("store.focaldb");
  { ConsolidatedStore store(path); }
  ConsolidatedStore again(path, {true, false, true});
  EXPECT_TRUE(again.reports().empty());
  EXPECT_TRUE(again.questionnaires().empty());
  EXPECT_EQ(again.database().queryInteger("PRAGMA application_id"), kConsolidatedApplicationId);
}

TEST(ConsolidatedStore, RefusesOtherFilesAndMissingOnes) {
  TempDir dir;
  EXPECT_THROW(ConsolidatedStore(dir.file("missing.focaldb"), {true, false, false}), StoreError);
  const std::string report = writeReport(dir, "fra.focalreport", fraReport("2026-10-01T09:00:00Z"), nullptr);
  try {
    ConsolidatedStore store(report);
    FAIL() << "a national report is not a consolidated store";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a Focal consolidated store"), std::string::npos) << e.what();
  }
}

TEST(ConsolidatedStore, KeepsEachQuestionnaireTextOnce) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  const auto id = store.registerQuestionnaire(*test::analysisQuestionnaire(), "registered from test");
  EXPECT_EQ(store.registerQuestionnaire(*test::analysisQuestionnaire(), "again"), id);
  // Another text under the same id and version is refused.
  std::string changed = test::kAnalysisQuestionnaire;
  changed.replace(changed.find("Analysis test questionnaire"), 8, "Analyses");
  auto other = test::loadOrFail(changed.c_str(), "changed.yaml");
  EXPECT_THROW(store.registerQuestionnaire(*other, "changed"), StoreError);
  ASSERT_EQ(store.questionnaires().size(), 1u);
  EXPECT_EQ(store.questionnaires()[0].origin, "registered from test");
}

TEST(ConsolidatedStore, TheSameFileTwiceChangesNothing) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const auto& key = test::stateKey("FRA");
  const std::string file = writeReport(dir, "fra.focalreport", fraReport("2026-10-01T09:00:00Z"), &key);
  const auto v = verified(file);
  const ImportOutcome first = store.importReport(v);
  EXPECT_EQ(first.kind, ImportOutcome::Kind::Imported);
  const auto answers = store.database().queryInteger("SELECT count(*) FROM answers");
  const ImportOutcome second = store.importReport(v);
  EXPECT_EQ(second.kind, ImportOutcome::Kind::Unchanged);
  EXPECT_EQ(second.reportId, first.reportId);
  EXPECT_EQ(store.reports().size(), 1u);
  EXPECT_EQ(store.database().queryInteger("SELECT count(*) FROM answers"), answers);
  // The same content signed again (another file) is the same report too.
  const std::string resigned =
      writeReport(dir, "fra-again.focalreport", fraReport("2026-10-01T09:00:00Z"), &key);
  EXPECT_EQ(store.importReport(verified(resigned)).kind, ImportOutcome::Kind::Unchanged);
}

TEST(ConsolidatedStore, ANewerReportSupersedesAndTheOlderStaysInTheHistory) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const auto& key = test::stateKey("FRA");
  const auto october = verified(writeReport(dir, "oct.focalreport", fraReport("2026-10-01T09:00:00Z"), &key));
  const auto november =
      verified(writeReport(dir, "nov.focalreport", fraReport("2026-11-01T09:00:00Z", "no"), &key));
  const auto september =
      verified(writeReport(dir, "sep.focalreport", fraReport("2026-09-01T09:00:00Z", "no"), &key));

  const ImportOutcome first = store.importReport(october);
  const ImportOutcome second = store.importReport(november);
  EXPECT_EQ(second.kind, ImportOutcome::Kind::Superseded);
  EXPECT_EQ(second.replaced, first.reportId);
  // A report older than the current one arrives late: it joins the history only.
  const ImportOutcome late = store.importReport(september);
  EXPECT_EQ(late.kind, ImportOutcome::Kind::Imported);
  EXPECT_TRUE(late.history);

  const auto all = store.reports("analysis-test");
  ASSERT_EQ(all.size(), 3u);
  const auto current = store.reports("analysis-test", true);
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].id, second.reportId);
  EXPECT_EQ(current[0].exportedAt, "2026-11-01T09:00:00Z");
  EXPECT_EQ(store.report(first.reportId)->supersededBy, second.reportId);
  EXPECT_EQ(store.report(late.reportId)->supersededBy, second.reportId);
  // The history keeps every answer of the older reports.
  EXPECT_EQ(store.answers(first.reportId).size(), 2u);
}

TEST(ConsolidatedStore, AFinalReportIsNotReplacedByALaterDraft) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const auto& key = test::stateKey("FRA");
  const auto final = verified(writeReport(dir, "final.focalreport", fraReport("2026-10-01T09:00:00Z"), &key));
  auto draftReport = test::handReport(*test::analysisQuestionnaire(), "FRA", {{"q_law", "no"}},
                                      "2026-12-01T09:00:00Z", "en", ReportStatus::Draft);
  const auto draft = verified(writeReport(dir, "draft.focalreport", draftReport, &key));
  store.importReport(final);
  const ImportOutcome outcome = store.importReport(draft);
  EXPECT_EQ(outcome.kind, ImportOutcome::Kind::Imported);
  EXPECT_TRUE(outcome.history);
  EXPECT_EQ(store.reports("analysis-test", true)[0].status, "final");
}

TEST(ConsolidatedStore, AReportUnderAnUnacceptedKeyIsHeldWithTheCommandToAcceptIt) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const SigningKey other = SigningKey::generate();
  store.importReport(
      verified(writeReport(dir, "a.focalreport", fraReport("2026-10-01T09:00:00Z"), &test::stateKey("FRA"))));
  const auto foreign =
      verified(writeReport(dir, "b.focalreport", fraReport("2026-11-01T09:00:00Z", "no"), &other));
  const ImportOutcome held = store.importReport(foreign);
  EXPECT_EQ(held.kind, ImportOutcome::Kind::Held);
  EXPECT_NE(held.reason.find(other.fingerprint()), std::string::npos) << held.reason;
  EXPECT_NE(held.reason.find(test::stateKey("FRA").fingerprint()), std::string::npos) << held.reason;
  EXPECT_EQ(held.acceptCommand, "focal-cli merge '" + dir.file("b.focalreport") + "' --into '" +
                                    dir.file("store.focaldb") + "' --accept-key FRA='" + other.fingerprint() +
                                    "'");
  EXPECT_EQ(store.reports().size(), 1u) << "a report held back leaves nothing behind";
  store.acceptKey("FRA", other.fingerprint());
  EXPECT_EQ(store.importReport(foreign).kind, ImportOutcome::Kind::Superseded);
}

TEST(ConsolidatedStore, AcceptKeyTakesAFingerprintAsTypedAndRefusesNonsense) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  const SigningKey key = SigningKey::generate();
  std::string typed = key.fingerprint();
  std::erase(typed, ' ');
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  store.acceptKey("FRA", typed);
  store.acceptKey("DEU", key.publicKeyHex());
  const auto keys = store.acceptedKeys();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].fingerprint, key.fingerprint());
  EXPECT_EQ(keys[1].fingerprint, key.fingerprint());
  EXPECT_THROW(store.acceptKey("FRA", ""), StoreError);
  EXPECT_THROW(store.acceptKey("FRA", "0000"), StoreError);
  EXPECT_THROW(store.acceptKey("XX", key.fingerprint()), StoreError);
}

}  // namespace
}  // namespace focal
