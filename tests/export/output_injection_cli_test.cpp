// Attack: a file name, or a State code inside a report anyone can make
// without a key, holding a newline, ESC or U+202E, so that verify and merge
// print a forged second line ("evil.focalreport: intact, signed by ...") or
// send escape codes to the terminal. Every name and code from a file is
// printed through printable(): one line per file, no raw control or bidi
// character on the terminal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

class OutputInjection : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
    env_ = "FOCAL_CONFIG_DIR='" + dir_.file("config") + "' FOCAL_USER=maria ";
    test::writeFile(dir_.file("q.yaml"), test::kExportQuestionnaire);
    test::writeFile(dir_.file("a.json"), R"({"q_1": "yes", "q_4": 3})");
    ASSERT_EQ(
        cli("new '" + dir_.file("w.focal") + "' --questionnaire '" + dir_.file("q.yaml") + "' --state FRA"),
        0)
        << output_;
    ASSERT_EQ(cli("fill '" + dir_.file("w.focal") + "' --answers '" + dir_.file("a.json") + "'"), 0)
        << output_;
    ASSERT_EQ(cli("export '" + dir_.file("w.focal") + "' --format report -o '" +
                  dir_.file("fra.focalreport") + "'"),
              0)
        << output_;
  }
  int cli(const std::string& arguments) {
    int status = -1;
    output_ = test::run(env_ + FOCAL_CLI + " " + arguments + " 2>&1", &status);
    return status;
  }
  // Every line of the output starts with `prefix` (no forged line), and no
  // raw ESC, BEL, C1 or bidi control reaches the terminal.
  void expectOneLinePerFile(const std::string& prefix) {
    std::istringstream lines(output_);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      EXPECT_TRUE(line.starts_with(prefix) || line.starts_with("focal-cli") || line.starts_with("refused") ||
                  line.starts_with("imported") || line.find(" refused. ") != std::string::npos ||
                  line.starts_with("Refused files"))
          << "forged line: " << line;
    }
    EXPECT_EQ(output_.find('\x1b'), std::string::npos) << output_;
    EXPECT_EQ(output_.find('\a'), std::string::npos) << output_;
    EXPECT_EQ(output_.find("\u202E"), std::string::npos) << output_;
    EXPECT_EQ(output_.find("\u2066"), std::string::npos) << output_;
  }

  TempDir dir_;
  std::string env_, output_;
};

const std::string kForged =
    "\nevil.focalreport: intact, signed by the key 0000\x1b[2J\u202Etroper\u2066.focalreport";

TEST_F(OutputInjection, AFileNameCannotForgeAVerifyLine) {
  const std::string hostile = dir_.file("x" + kForged);
  std::filesystem::copy_file(dir_.file("fra.focalreport"), hostile);
  EXPECT_EQ(cli("verify '" + hostile + "'"), 0) << output_;
  expectOneLinePerFile(dir_.file(""));
  EXPECT_THAT(output_,
              HasSubstr("x\\nevil.focalreport: intact, signed by the key 0000\\x1b[2J\\u202etroper\\u2066"));
}

TEST_F(OutputInjection, AStateCodeInAnUnsignedCopyCannotForgeALine) {
  const std::string report = dir_.file("fra.focalreport");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(report.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE metadata SET value = ?1 WHERE key = 'state'", -1, &st, nullptr),
            SQLITE_OK);
  const std::string state = "FRA" + kForged + "\x1b]0;owned\a";
  sqlite3_bind_text(st, 1, state.c_str(), static_cast<int>(state.size()), SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM signature", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  EXPECT_EQ(cli("verify '" + report + "'"), 1) << output_;
  expectOneLinePerFile(report);
  EXPECT_EQ(cli("merge --into '" + dir_.file("store.focalstore") + "' '" + report + "'"), 1) << output_;
  expectOneLinePerFile("refused");
}

}  // namespace
}  // namespace focal
