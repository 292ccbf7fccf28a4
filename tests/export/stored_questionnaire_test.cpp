// A report carries the questionnaire its State answered. Checks an author
// meets today (a quoted value must be one of the choices it is compared
// with; ${id} in a label must name a question) must not make a report
// written under an older Focal unreadable at the secretariat: verify,
// print, merge and analyze read the questionnaire a report carries as
// stored text, leniently, while `validate` still refuses it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "consolidated_fixtures.h"
#include "export/report/signing_key.h"
#include "export/secretariat/consolidated_synth.h"
#include "forms/stored_questionnaire.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

constexpr const char* kOlderQuestionnaire = R"(focal: 1
id: older-q
title: {en: A questionnaire accepted by an older Focal}
instrument: tip
cycle: 1
version: '1'
languages: [en]
sections:
  - id: s
    title: {en: The only section}
    questions:
      - {id: q_1, type: yes_no, label: {en: "Is trafficking in persons a criminal offence?"}}
      - id: q_2
        type: long_text
        label: {en: "Please explain ${q_9}"}
        relevant: "${q_1} = 'oui'"
)";

TEST(StoredQuestionnaire, AReportWhoseQuestionnairePredatesTodaysChecksIsStillRead) {
  if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
  TempDir dir;
  test::writeFile(dir.file("older.yaml"), kOlderQuestionnaire);
  int status = -1;
  const std::string validation =
      test::run(std::string(FOCAL_CLI) + " validate '" + dir.file("older.yaml") + "' 2>&1", &status);
  ASSERT_NE(status, 0) << "today's checks must refuse it as an author's file";
  EXPECT_THAT(validation, HasSubstr("'oui'"));

  const LoadResult stored = loadStoredQuestionnaireText(kOlderQuestionnaire, "older.yaml");
  ASSERT_TRUE(stored.ok());
  const auto groups = test::testGroups();
  const auto states = synthStates(groups, 3, 7);
  std::filesystem::create_directories(dir.file("r"));
  for (std::size_t i = 0; i < states.size(); ++i) {
    const SigningKey key = SigningKey::synthetic(7, states[i]);
    writeReportFile(synthReport(stored.questionnaire, groups, states[i], i, {}),
                    dir.file("r/older-q-" + states[i] + ".focalreport"), &key);
  }
  const std::string report = dir.file("r/older-q-" + states[0] + ".focalreport");

  const auto cli = [&](const std::string& arguments) {
    int rc = -1;
    const std::string out = test::run(std::string(FOCAL_CLI) + " " + arguments + " 2>&1", &rc);
    EXPECT_EQ(rc, 0) << arguments << "\n" << out;
    return out;
  };
  EXPECT_THAT(cli("verify '" + report + "'"), HasSubstr("intact"));
  cli("export '" + report + "' --format pdf -o '" + dir.file("print.pdf") + "'");
  EXPECT_GT(std::filesystem::file_size(dir.file("print.pdf")), 1000u);
  // The secretariat registers the official text (older than today's checks)
  // and accepts each State's key.
  std::string trust = " --register '" + dir.file("older.yaml") + "'";
  for (const auto& state : states)
    trust += " --accept-key '" + state + "=" + SigningKey::synthetic(7, state).fingerprint() + "'";
  EXPECT_THAT(cli("merge '" + dir.file("r") + "' --into '" + dir.file("s.focaldb") + "'" + trust),
              HasSubstr("3 imported"));
  cli("analyze '" + dir.file("s.focaldb") + "' --questionnaire older-q --format html -o '" +
      dir.file("a.html") + "'");
  EXPECT_THAT(test::readFile(dir.file("a.html")), HasSubstr("Is trafficking in persons a criminal offence?"));
}

}  // namespace
}  // namespace focal
