// focal-cli diff: questions added, removed and changed between two
// questionnaires, each change named by its field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "forms/questionnaire_diff.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;

const std::string kOld =
    "  - id: s1\n    title: One\n    questions:\n"
    "      - {id: q1, type: yes_no, label: {en: Gate, fr: Porte}}\n"
    "      - {id: q2, type: text, label: {en: Why, fr: Pourquoi}, relevant: \"${q1} = 'no'\"}\n"
    "      - {id: q3, type: single_choice, label: {en: Scope, fr: Portée}, choices: [{value: a, label: A}]}\n"
    "      - {id: q4, type: integer, label: {en: Count, fr: Nombre}}\n";

const std::string kNew =
    "  - id: s1\n    title: One\n    questions:\n"
    "      - {id: q1, type: yes_no, label: {en: Gate, fr: Portail}}\n"
    "      - {id: q2, type: text, label: {en: Why, fr: Pourquoi}, relevant: \"${q1} = 'yes'\", required: "
    "true}\n"
    "      - {id: q3, type: single_choice, label: {en: Scope, fr: Portée}, choices: [{value: a, label: A}, "
    "{value: b, label: B}]}\n"
    "      - {id: q5, type: decimal, label: {en: Rate, fr: Taux}}\n";

TEST(QuestionnaireDiff, ListsAddedRemovedAndChangedFields) {
  auto older = test::loadValid(questionnaireYaml(kOld));
  auto newer = test::loadValid(questionnaireYaml(kNew));
  ASSERT_TRUE(older && newer);
  const QuestionnaireDiff d = diffQuestionnaires(*older, *newer);
  EXPECT_EQ(d.added, std::vector<std::string>{"q5"});
  EXPECT_EQ(d.removed, std::vector<std::string>{"q4"});
  ASSERT_EQ(d.changed.size(), 3u);
  EXPECT_EQ(d.changed[0].id, "q1");
  EXPECT_THAT(d.changed[0].fields, ::testing::ElementsAre("label.fr"));
  EXPECT_EQ(d.changed[1].id, "q2");
  EXPECT_THAT(d.changed[1].fields, ::testing::ElementsAre("relevant", "required"));
  EXPECT_EQ(d.changed[2].id, "q3");
  EXPECT_THAT(d.changed[2].fields, ::testing::ElementsAre("choices"));
  EXPECT_TRUE(diffQuestionnaires(*older, *older).empty());
}

TEST(QuestionnaireDiff, TheCliPrintsTextAndJson) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("focal-diff-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "old.yaml") << questionnaireYaml(kOld);
  std::ofstream(dir / "new.yaml") << questionnaireYaml(kNew);
  const auto run = [&](const std::string& args) {
    const std::string out = (dir / "out.txt").string();
    const int status = std::system(
        ("cd '" + dir.string() + "' && '" FOCAL_CLI "' diff " + args + " >'" + out + "'").c_str());
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << text;
    return text;
  };
  EXPECT_EQ(run("old.yaml new.yaml"),
            "removed  q4 [integer]  Count\n"
            "added    q5 [decimal]  Rate\n"
            "changed  q1: label.fr\n"
            "changed  q2: relevant, required\n"
            "changed  q3: choices\n"
            "1 added, 1 removed, 3 changed (test 1 -> test 1)\n");
  const auto j = nlohmann::json::parse(run("old.yaml new.yaml --json"));
  EXPECT_EQ(j["added"], nlohmann::json::array({"q5"}));
  EXPECT_EQ(j["removed"], nlohmann::json::array({"q4"}));
  ASSERT_EQ(j["changed"].size(), 3u);
  EXPECT_EQ(j["changed"][1]["id"], "q2");
  EXPECT_EQ(j["changed"][1]["fields"], nlohmann::json::array({"relevant", "required"}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace focal
