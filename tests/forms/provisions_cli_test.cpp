// focal-cli provisions and the note of validate, run as an author and a
// focal point would: on a bundled questionnaire, on a workspace (with the
// state of each covering question), filtered, as JSON, and --uncovered.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using ::testing::HasSubstr;

const std::string kTip = std::string(FOCAL_SOURCE_DIR) + "/questionnaires/tip-cycle1.yaml";

class ProvisionsCli : public ::testing::Test {
 protected:
  int cli(const std::string& args, std::string* out) {
    const std::string outFile = dir.file("stdout.txt");
    const std::string command = "'" FOCAL_CLI "' " + args + " >'" + outFile + "' 2>&1";
    int status = std::system(command.c_str());
    *out = test::readFile(outFile);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  test::TempDir dir;
};

TEST_F(ProvisionsCli, ListsAQuestionnairesProvisionsByThemeWithTheirQuestions) {
  std::string out;
  ASSERT_EQ(cli("provisions '" + kTip + "'", &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("tip-cycle1 version 1.0.0: 72 provisions, 47 covered by a question"));
  EXPECT_THAT(out, HasSubstr("\nCriminalization\n  art. 5  [Mandatory]"));
  EXPECT_THAT(out, HasSubstr("art. 5, para. 2 (a)  [Mandatory]  Subject to the basic concepts"));
  EXPECT_THAT(out, HasSubstr("      q_2_2, q_2_2_a\n"));
  ASSERT_EQ(cli("provisions '" + kTip + "' --language es --obligation shall_consider", &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("art. 6, párr. 3  [Debe considerar]"));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("[Obligatorio]")));
  ASSERT_EQ(cli("provisions '" + kTip + "' --obligation must", &out), 1);
  EXPECT_THAT(out, HasSubstr("--obligation is mandatory, shall_consider or optional, not 'must'"));
}

TEST_F(ProvisionsCli, AWorkspaceGivesTheStateOfEachQuestionAsJson) {
  {
    auto q = loadQuestionnaireFile(kTip).questionnaire;
    ASSERT_TRUE(q);
    auto ws = Workspace::create(dir.file("w.focal"));
    ws->createResponse(*q, "FRA", "en", {{"q_2_2", "yes"}, {"q_2_3@status", "not_available"}});
  }
  std::string out;
  ASSERT_EQ(cli("provisions '" + dir.file("w.focal") + "' --json --theme criminalization", &out), 0) << out;
  auto j = nlohmann::json::parse(out.substr(out.find('{')));
  std::map<std::string, std::string> states;
  for (const auto& p : j["provisions"]) {
    EXPECT_NE(std::find(p["themes"].begin(), p["themes"].end(), "criminalization"), p["themes"].end());
    if (p["citation"] == "art. 5, para. 2 (a)") {
      EXPECT_EQ(p["obligation"], "mandatory");
      EXPECT_THAT(p["link"].get<std::string>(), HasSubstr("TOCebook-e.pdf"));
      for (const auto& question : p["questions"]) states[question["id"]] = question["state"];
    }
    if (p["citation"] == "art. 5, para. 2 (b)")
      for (const auto& question : p["questions"]) states[question["id"]] = question["state"];
  }
  EXPECT_EQ(states["q_2_2"], "answered");
  EXPECT_EQ(states["q_2_2_a"], "not_asked");  // it follows a no
  EXPECT_EQ(states["q_2_3"], "not_available");
}

TEST_F(ProvisionsCli, UncoveredAndTheNoteOfValidate) {
  std::string out;
  ASSERT_EQ(cli("provisions '" + kTip + "' --uncovered", &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("25 provisions covered by no question"));
  EXPECT_THAT(out, HasSubstr("art. 1, para. 2  [Mandatory]"));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("art. 5, para. 1 ")));
  ASSERT_EQ(cli("validate --strict '" + kTip + "'", &out), 0) << out;
  EXPECT_THAT(out,
              HasSubstr("note: 25 provisions of tip are covered by no question: art. 1, art. 1, para. 2"));
}

}  // namespace
}  // namespace focal
