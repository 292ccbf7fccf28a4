// `focal-cli export` prints as preparer the national focal point the reply
// names, not the login name of the computer it ran on; --preparer still
// wins, and without a name in the reply the user (--user, $FOCAL_USER) is used.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;

constexpr const char* kQuestionnaire = R"(focal: 1
id: preparer-test
title: {en: Preparer test}
instrument: tip
cycle: 1
version: '1'
languages: [en]
sections:
  - id: contact
    title: Contact
    questions:
      - {id: q_name, type: text, label: Name of the national focal point}
      - {id: q_office, type: text, label: Office}
)";

class PreparerCli : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
    test::writeFile(dir_.file("q.yaml"), kQuestionnaire);
    ASSERT_EQ(cli("new '" + workspace() + "' --questionnaire '" + dir_.file("q.yaml") + "' --state AUT"), 0)
        << output_;
  }
  int cli(const std::string& arguments) {
    int status = -1;
    output_ = test::run("FOCAL_CONFIG_DIR='" + dir_.file("config") + "' FOCAL_USER=loginname " FOCAL_CLI " " +
                            arguments + " 2>&1",
                        &status);
    return status;
  }
  void fill(const std::string& json) {
    test::writeFile(dir_.file("a.json"), json);
    ASSERT_EQ(cli("fill '" + workspace() + "' --answers '" + dir_.file("a.json") + "'"), 0) << output_;
  }
  // The preparer of a JSON export made with `extra` arguments.
  std::string preparer(const std::string& extra = {}) {
    const std::string out = dir_.file("reply.json");
    EXPECT_EQ(cli("export '" + workspace() + "' --format json -o '" + out + "' " + extra), 0) << output_;
    return nlohmann::json::parse(test::readFile(out)).value("preparer", "");
  }
  std::string workspace() const { return dir_.file("aut.focal"); }

  TempDir dir_;
  std::string output_;
};

TEST_F(PreparerCli, TheFocalPointTheReplyNamesPreparedIt) {
  fill(R"({"q_name": "  Anna Berger ", "q_office": "Ministry of Justice"})");
  EXPECT_EQ(preparer(), "Anna Berger");
  EXPECT_EQ(preparer("--user someone"), "Anna Berger");
  EXPECT_EQ(preparer("--preparer 'Jean Dupont'"), "Jean Dupont");
}

TEST_F(PreparerCli, WithoutANameInTheReplyTheUserPreparedIt) {
  fill(R"({"q_office": "Ministry of Justice"})");
  EXPECT_EQ(preparer(), "loginname");
  EXPECT_EQ(preparer("--user 'Maria Lopez'"), "Maria Lopez");
}

}  // namespace
}  // namespace focal
