// focal-cli translations export and import, run as an author would: exit
// codes, messages, nothing written on refusal, no temporary file left.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "forms/xliff.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using ::testing::HasSubstr;

const std::string kQuestionnaire =
    "# comment kept\nfocal: 1\nid: cli\ntitle: {en: Title}\ninstrument: tip\ncycle: 1\nversion: '1'\n"
    "languages: [en, fr]\nsections:\n  - id: s1\n    title: Section one  # kept\n    questions:\n"
    "      - id: q1\n        type: text\n        label:\n          en: What & why?\n";

class TranslationsCli : public ::testing::Test {
 protected:
  int cli(const std::string& args, std::string* err = nullptr) {
    const std::string errFile = dir.file("stderr.txt");
    const std::string command =
        "cd '" + dir.path().string() + "' && '" FOCAL_CLI "' " + args + " >/dev/null 2>'" + errFile + "'";
    int status = std::system(command.c_str());
    if (err) *err = test::readFile(errFile);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // The exported file with every target set to "FR " + source.
  std::string translated() {
    std::string error;
    auto files = xliff::read(test::readFile(dir.file("fr.xlf")), error);
    EXPECT_TRUE(files) << error;
    for (auto& u : files->front().units) u.target = "FR " + u.source;
    return xliff::write(files->front());
  }
  void SetUp() override { test::writeFile(dir.file("q.yaml"), kQuestionnaire); }
  test::TempDir dir;
};

TEST_F(TranslationsCli, ExportsImportsInPlaceAndLeavesNoTemporaryFile) {
  ASSERT_EQ(cli("translations export q.yaml --language fr -o fr.xlf"), 0);
  test::writeFile(dir.file("fr.xlf"), translated());
  std::string err;
  ASSERT_EQ(cli("translations import q.yaml fr.xlf -o q.yaml", &err), 0) << err;
  EXPECT_EQ(test::readFile(dir.file("q.yaml")),
            "# comment kept\nfocal: 1\nid: cli\ntitle: {en: Title, fr: \"FR Title\"}\ninstrument: tip\n"
            "cycle: 1\nversion: '1'\nlanguages: [en, fr]\nsections:\n  - id: s1\n"
            "    title: {en: \"Section one\", fr: \"FR Section one\"}  # kept\n    questions:\n"
            "      - id: q1\n        type: text\n        label:\n          en: What & why?\n"
            "          fr: \"FR What & why?\"\n");
  ASSERT_EQ(cli("validate --strict q.yaml"), 0);
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) names.push_back(e.path().filename());
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("q.yaml", "fr.xlf", "stderr.txt"));
}

TEST_F(TranslationsCli, AStaleUnitIsListedAndNothingIsWritten) {
  ASSERT_EQ(cli("translations export q.yaml --language fr -o fr.xlf"), 0);
  test::writeFile(dir.file("fr.xlf"), translated());
  std::string changed = kQuestionnaire;
  changed.replace(changed.find("What & why?"), 11, "What and why?");
  test::writeFile(dir.file("q.yaml"), changed);
  std::string err;
  EXPECT_EQ(cli("translations import q.yaml fr.xlf -o new.yaml", &err), 1);
  EXPECT_THAT(err, HasSubstr("fr.xlf:"));
  EXPECT_THAT(err, HasSubstr("unit 'q1.label': the source text changed since the export"));
  EXPECT_THAT(err, HasSubstr("nothing was written"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("new.yaml")));
  EXPECT_EQ(test::readFile(dir.file("q.yaml")), changed);
}

TEST_F(TranslationsCli, RefusesTheDefaultOrAnUndeclaredLanguage) {
  std::string err;
  EXPECT_EQ(cli("translations export q.yaml --language de -o de.xlf", &err), 1);
  EXPECT_THAT(err, HasSubstr("'de' is not in 'languages' of q.yaml; add it there first"));
  EXPECT_EQ(cli("translations export q.yaml --language en -o en.xlf", &err), 1);
  EXPECT_THAT(err, HasSubstr("'en' is the default language of q.yaml"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("de.xlf")));
}

}  // namespace
}  // namespace focal
