// Attack: a NUL or an escape sequence put in an answer with focal-cli fill
// (JSON "\u0000"), so that export signs a report that verify and merge then
// call unreadable. fill refuses it with the row and question; a workspace
// that already holds such text (written before the rule) is named by status
// and export refuses to sign it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

class TextRuleCli : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
    env_ = "FOCAL_CONFIG_DIR='" + dir_.file("config") + "' FOCAL_USER=maria ";
    test::writeFile(dir_.file("q.yaml"), test::kExportQuestionnaire);
    ASSERT_EQ(cli("new '" + workspace() + "' --questionnaire '" + dir_.file("q.yaml") + "' --state FRA"), 0)
        << output_;
  }
  int cli(const std::string& arguments) {
    int status = -1;
    output_ = test::run(env_ + FOCAL_CLI + " " + arguments + " 2>&1", &status);
    return status;
  }
  std::string workspace() const { return dir_.file("fra.focal"); }

  TempDir dir_;
  std::string env_, output_;
};

TEST_F(TextRuleCli, FillRefusesAJsonNulAndExportSignsNothingUnfit) {
  test::writeFile(dir_.file("a.json"), R"({"q_1": "yes", "q_3": "ab\u0000cd"})");
  EXPECT_EQ(cli("fill '" + workspace() + "' --answers '" + dir_.file("a.json") + "'"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("a.json: \"q_3\": q_3: The answer holds a NUL character (character 3)"));
  EXPECT_THAT(output_, HasSubstr("1 answer saved"));
  const std::string report = dir_.file("fra.focalreport");
  ASSERT_EQ(cli("export '" + workspace() + "' --format report -o '" + report + "'"), 0) << output_;
  ASSERT_EQ(cli("verify '" + report + "'"), 0) << output_;
}

TEST_F(TextRuleCli, AnOldWorkspaceWithANulIsNamedByStatusAndNotExported) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(workspace().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO answers(response, path, value, changed_by, changed_at) "
                               "VALUES (1, 'q_3', ?1, 'old', '2026-01-01T00:00:00Z')",
                               -1, &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(st, 1, "ab\0cd", 5, SQLITE_STATIC);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);

  ASSERT_EQ(cli("status '" + workspace() + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("Text a report cannot carry"));
  EXPECT_THAT(output_, HasSubstr("q_3  The answer holds a NUL character"));
  ASSERT_EQ(cli("status --json '" + workspace() + "'"), 0) << output_;
  EXPECT_EQ(nlohmann::json::parse(output_)["responses"][0]["text_a_report_cannot_carry"][0]["path"], "q_3");

  const std::string report = dir_.file("fra.focalreport");
  EXPECT_EQ(cli("export '" + workspace() + "' --format report -o '" + report + "'"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("q_3: The answer holds a NUL character"));
  EXPECT_THAT(output_, HasSubstr("nothing was exported or signed"));
  EXPECT_FALSE(std::filesystem::exists(report));
  EXPECT_EQ(cli("export '" + workspace() + "' --format pdf -o '" + dir_.file("fra.pdf") + "'"), 1) << output_;
}

}  // namespace
}  // namespace focal
