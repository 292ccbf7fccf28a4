// #18 item 6 and 7: the attacks on the secretariat's trust, each named
// after what the attacker tried. Keys are accepted for a State only by the
// secretariat, never by arrival order; a re-signed copy of a stored report
// is a key conflict; one key signs for two States only when accepted for
// both; questionnaire texts come only from registered questionnaires; a
// report whose dates are impossible or in the future is refused; values
// outside the questionnaire's rules are stored but left out of the analysis.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <set>

#include "consolidated_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

const MergeFileResult& only(const MergeSummary& s) {
  EXPECT_EQ(s.files.size(), 1u);
  return s.files.front();
}

std::string write(const TempDir& dir, const std::string& name, const NationalReport& report,
                  const SigningKey* key) {
  writeReportFile(report, dir.file(name), key);
  return dir.file(name);
}

NationalReport fra(const std::string& law = "yes", const std::string& exportedAt = "2026-10-01T09:00:00Z") {
  return test::handReport(*test::analysisQuestionnaire(), "FRA", {{"q_law", law}, {"q_gate", "no"}},
                          exportedAt);
}

TEST(SecretariatTrust, AnAttackersCopyMergedFirstIsHeldAndTheGenuineReportStillImports) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  store.registerQuestionnaire(*test::analysisQuestionnaire(), "official");
  const SigningKey attacker = SigningKey::generate();
  const std::string forged = write(dir, "forged.focalreport", fra("no", "2026-10-02T09:00:00Z"), &attacker);
  const std::string genuine = write(dir, "genuine.focalreport", fra(), &test::stateKey("FRA"));

  const MergeFileResult first = only(mergeReports(store, {forged}));
  EXPECT_EQ(first.result, MergeResult::Held) << first.reason;
  EXPECT_EQ(first.fingerprint, attacker.fingerprint());
  EXPECT_NE(first.reason.find("not accepted for FRA"), std::string::npos) << first.reason;
  EXPECT_NE(first.acceptCommand.find("--accept-key FRA='" + attacker.fingerprint() + "'"), std::string::npos)
      << first.acceptCommand;
  EXPECT_TRUE(store.acceptedKeys().empty()) << "arrival never accepts a key";
  EXPECT_TRUE(store.reports().empty());

  store.acceptKey("FRA", test::stateKey("FRA").fingerprint());
  EXPECT_EQ(only(mergeReports(store, {genuine})).result, MergeResult::Imported);
  EXPECT_EQ(only(mergeReports(store, {forged})).result, MergeResult::Held);
  ASSERT_EQ(store.reports("analysis-test", true).size(), 1u);
  EXPECT_EQ(store.reports("analysis-test", true)[0].signerFingerprint, test::stateKey("FRA").fingerprint());
}

TEST(SecretariatTrust, AReSignedCopyOfAStoredReportIsAKeyConflictNotUnchanged) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const SigningKey attacker = SigningKey::generate();
  ASSERT_EQ(
      only(mergeReports(store, {write(dir, "genuine.focalreport", fra(), &test::stateKey("FRA"))})).result,
      MergeResult::Imported);
  // Even with the other key accepted, the same content under another key is shown.
  store.acceptKey("FRA", attacker.fingerprint());
  const MergeSummary s = mergeReports(store, {write(dir, "copy.focalreport", fra(), &attacker)});
  EXPECT_EQ(only(s).result, MergeResult::KeyConflict) << only(s).reason;
  EXPECT_EQ(s.keyConflicts, 1u);
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_NE(only(s).reason.find(attacker.fingerprint()), std::string::npos) << only(s).reason;
  EXPECT_NE(only(s).reason.find(test::stateKey("FRA").fingerprint()), std::string::npos) << only(s).reason;
  EXPECT_EQ(store.reports().size(), 1u);
  // The genuine file again is unchanged.
  EXPECT_EQ(only(mergeReports(store, {dir.file("genuine.focalreport")})).result, MergeResult::Unchanged);
}

TEST(SecretariatTrust, OneKeySigningForTwoStatesIsHeldUnlessAcceptedForBoth) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const SigningKey& fraKey = test::stateKey("FRA");
  const std::string deu = write(
      dir, "deu.focalreport",
      test::handReport(*test::analysisQuestionnaire(), "DEU", {{"q_law", "no"}}, "2026-10-01T09:00:00Z"),
      &fraKey);
  const MergeFileResult held = only(mergeReports(store, {deu}));
  EXPECT_EQ(held.result, MergeResult::Held);
  EXPECT_NE(held.reason.find("that key is accepted for FRA"), std::string::npos) << held.reason;
  store.acceptKey("DEU", fraKey.fingerprint());
  EXPECT_EQ(only(mergeReports(store, {deu})).result, MergeResult::Imported);
}

TEST(SecretariatTrust, TheFirstQuestionnaireTextToArriveIsNeverTheReference) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  store.acceptKey("FRA", test::stateKey("FRA").fingerprint());
  store.acceptKey("DEU", test::stateKey("DEU").fingerprint());
  // An altered text under the official id and version, merged first.
  std::string changed = test::kAnalysisQuestionnaire;
  changed.replace(changed.find("Is trafficking a criminal offence?"), 11, "Is smuggling");
  auto altered = test::loadOrFail(changed.c_str(), "altered.yaml");
  const std::string bad = write(dir, "altered.focalreport",
                                test::handReport(*altered, "DEU", {{"q_law", "yes"}}, "2026-10-01T09:00:00Z"),
                                &test::stateKey("DEU"));
  const MergeFileResult first = only(mergeReports(store, {bad}));
  EXPECT_EQ(first.result, MergeResult::Refused);
  EXPECT_NE(first.reason.find("is not registered in this store"), std::string::npos) << first.reason;
  EXPECT_TRUE(store.questionnaires().empty()) << "a report never registers its own text";

  store.registerQuestionnaire(*test::analysisQuestionnaire(), "registered from analysis-test.yaml");
  EXPECT_EQ(only(mergeReports(store, {write(dir, "fra.focalreport", fra(), &test::stateKey("FRA"))})).result,
            MergeResult::Imported);
  const MergeFileResult again = only(mergeReports(store, {bad}));
  EXPECT_EQ(again.result, MergeResult::Refused);
  EXPECT_NE(again.reason.find("is not the text registered for that version"), std::string::npos)
      << again.reason;
}

TEST(SecretariatTrust, TheBundledQuestionnairesAreRegisteredByDefault) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  EXPECT_TRUE(registerBundledQuestionnaires(store).empty());
  const auto registered = store.questionnaires();
  ASSERT_GE(registered.size(), 7u);
  bool tip2 = false;
  for (const auto& q : registered) {
    tip2 = tip2 || q.questionnaireId == "tip-cycle2";
    EXPECT_EQ(q.origin.rfind("bundled with Focal", 0), 0u) << q.origin;
  }
  EXPECT_TRUE(tip2);
  registerBundledQuestionnaires(store);
  EXPECT_EQ(store.questionnaires().size(), registered.size());
}

TEST(SecretariatTrust, AStoreOfFormatOneKeepsTheKeysItPinnedMarkedAsSuch) {
  TempDir dir;
  const std::string path = dir.file("store.focaldb");
  {
    ConsolidatedStore store(path);
    test::trustFixtures(store);
    ASSERT_EQ(only(mergeReports(store, {write(dir, "a.focalreport", fra(), &test::stateKey("FRA"))})).result,
              MergeResult::Imported);
    // Back to format 1: the keys pinned on first use are in state_keys only.
    store.database().exec("DROP TABLE accepted_keys; DROP TABLE answer_flags; PRAGMA user_version=1");
  }
  {
    ConsolidatedStore readOnly(path, {true, false, false});
    ASSERT_EQ(readOnly.acceptedKeys().size(), 1u);
    EXPECT_TRUE(readOnly.flaggedAnswers().empty());
    std::size_t rows = 0;
    readOnly.forEachCurrentAnswer("analysis-test",
                                  [&](std::int64_t, const std::string&, const std::string&) { ++rows; });
    EXPECT_EQ(rows, 2u);
  }
  ConsolidatedStore store(path);
  EXPECT_EQ(store.database().queryInteger("PRAGMA user_version"), kConsolidatedSchemaVersion);
  const auto keys = store.acceptedKeys();
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].state, "FRA");
  EXPECT_EQ(keys[0].fingerprint, test::stateKey("FRA").fingerprint());
  EXPECT_NE(keys[0].how.find("pinned on first use"), std::string::npos) << keys[0].how;
  // The State's next report goes on merging.
  EXPECT_EQ(only(mergeReports(store, {write(dir, "b.focalreport", fra("no", "2026-11-01T09:00:00Z"),
                                            &test::stateKey("FRA"))}))
                .result,
            MergeResult::Superseded);
}

TEST(SecretariatTrust, ASignedReportDatedZzzzIsRefusedNamingTheField) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const std::string file = write(dir, "zzzz.focalreport", fra("no", "zzzz"), &test::stateKey("FRA"));
  const MergeFileResult r = only(mergeReports(store, {file}));
  EXPECT_EQ(r.result, MergeResult::Refused);
  EXPECT_EQ(r.file, file);
  EXPECT_NE(r.reason.find("its exported_at 'zzzz' is not a date"), std::string::npos) << r.reason;
  EXPECT_TRUE(store.reports().empty());
}

TEST(SecretariatTrust, ASignedReportFromTheYear9999CannotOutrankTheGenuineOnes) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const std::string future =
      write(dir, "9999.focalreport", fra("no", "9999-01-01T00:00:00Z"), &test::stateKey("FRA"));
  char tomorrow[32];
  const std::time_t later = std::time(nullptr) + 2 * kClockToleranceSeconds;
  std::strftime(tomorrow, sizeof tomorrow, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&later));
  const std::string soon = write(dir, "soon.focalreport", fra("no", tomorrow), &test::stateKey("FRA"));
  const MergeSummary s = mergeReports(store, {future, soon});
  EXPECT_EQ(s.refused, 2u);
  EXPECT_NE(s.files[0].reason.find("its exported_at '9999-01-01T00:00:00Z' lies in the future"),
            std::string::npos)
      << s.files[0].reason;
  EXPECT_NE(s.files[1].reason.find("lies in the future"), std::string::npos) << s.files[1].reason;
  EXPECT_EQ(
      only(mergeReports(store, {write(dir, "genuine.focalreport", fra(), &test::stateKey("FRA"))})).result,
      MergeResult::Imported);
}

TEST(SecretariatTrust, TimestampsAreCheckedAsDatesNotAsText) {
  std::int64_t t = 0;
  EXPECT_TRUE(parseUtcTimestamp("2026-11-05T10:22:31Z", &t));
  EXPECT_EQ(t, 1793874151);
  EXPECT_TRUE(parseUtcTimestamp("2024-02-29T00:00:00.123Z", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-02-29T00:00:00Z", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-13-01T00:00:00Z", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-11-05T24:00:00Z", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-11-05 10:22:31Z", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-11-05T10:22:31", &t));
  EXPECT_FALSE(parseUtcTimestamp("2026-11-05T10:22:31Zjunk", &t));
  EXPECT_FALSE(parseUtcTimestamp("", &t));
}

TEST(SecretariatTrust, ImpossibleSignedValuesAreStoredButLeftOutOfTheAnalysis) {
  TempDir dir;
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  const std::string file = write(dir, "values.focalreport",
                                 test::handReport(*test::analysisQuestionnaire(), "FRA",
                                                  {{"q_law", "yes"},
                                                   {"q_penalty", "5000"},                // max 99
                                                   {"q_shelters", "abc"},                // an integer
                                                   {"q_forms", "sexual teleportation"},  // unknown code
                                                   {"q_victims/y2022/women", "4"}}),
                                 &test::stateKey("FRA"));
  const MergeSummary s = mergeReports(store, {file});
  const MergeFileResult& r = only(s);
  ASSERT_EQ(r.result, MergeResult::Imported) << r.reason;
  ASSERT_EQ(r.flags.size(), 3u);
  EXPECT_EQ(s.flagged, 3u);
  std::set<std::string> flaggedPaths;
  for (const auto& f : r.flags) flaggedPaths.insert(f.path);
  EXPECT_EQ(flaggedPaths, (std::set<std::string>{"q_forms", "q_penalty", "q_shelters"}));

  // Stored as received...
  std::map<std::string, std::string> stored;
  for (const auto& a : store.answers(r.reportId, false)) stored[a.path] = a.value;
  EXPECT_EQ(stored["q_penalty"], "5000");
  EXPECT_EQ(stored["q_shelters"], "abc");
  // ...left out of what the analysis reads...
  std::set<std::string> analysed;
  store.forEachCurrentAnswer("analysis-test", [&](std::int64_t, const std::string& path, const std::string&) {
    analysed.insert(path);
  });
  EXPECT_EQ(analysed, (std::set<std::string>{"q_law", "q_victims/y2022/women"}));
  // ...and listed.
  const auto listed = store.flaggedAnswers("analysis-test");
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[1].path, "q_penalty");
  EXPECT_EQ(listed[1].value, "5000");
  EXPECT_EQ(listed[1].state, "FRA");
  EXPECT_FALSE(listed[1].problem.empty());
}

}  // namespace
}  // namespace focal
