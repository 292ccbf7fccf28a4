// Tests never write into the real home directory: every test program runs
// with HOME and the XDG folders in a scratch directory of its own
// (tests/support/isolated_home.cpp), and `focal-cli synth` keeps the
// synthetic States' keys out of the user's settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "export_fixtures.h"

namespace focal {
namespace {

using testing::HasSubstr;
using testing::StartsWith;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

TEST(TestHome, HomeAndTheXdgFoldersAreAScratchDirectory) {
  const std::string home = env("HOME");
  EXPECT_THAT(std::filesystem::path(home).filename().string(), StartsWith("focal-test-home-"));
  EXPECT_TRUE(std::filesystem::is_directory(home));
  for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
    EXPECT_THAT(env(name), StartsWith(home + "/")) << name;
    EXPECT_TRUE(std::filesystem::is_directory(env(name))) << name;
  }
  EXPECT_EQ(std::getenv("FOCAL_CONFIG_DIR"), nullptr);
}

class SynthKeys : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
  }
  // The fingerprint of each report in `folder`, by State.
  std::map<std::string, std::string> fingerprints(const std::string& folder) {
    int status = -1;
    const std::string out =
        test::run(std::string(FOCAL_CLI) + " verify --json '" + folder + "'/*.focalreport", &status);
    EXPECT_EQ(status, 0) << out;
    std::map<std::string, std::string> byState;
    if (status != 0) {
      ADD_FAILURE() << "verify exited with " << status << ": " << out;
      return byState;
    }
    const auto verdicts = nlohmann::json::parse(out);
    for (const auto& file : verdicts["files"])
      byState[file["state"].get<std::string>()] = file["fingerprint"].get<std::string>();
    return byState;
  }
  int synth(const std::string& arguments) {
    int status = -1;
    output_ = test::run(std::string(FOCAL_CLI) +
                            " synth --questionnaire '" FOCAL_SOURCE_DIR
                            "/questionnaires/tip-cycle2.yaml' --states 3 " +
                            arguments + " 2>&1",
                        &status);
    return status;
  }
  test::TempDir dir_;
  std::string output_;
};

TEST_F(SynthKeys, KeepNoKeyInTheSettingsAndSignEveryRevisionWithTheSameKey) {
  ASSERT_EQ(synth("--seed 5 -o '" + dir_.file("r0") + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("signed with keys derived from the seed"));
  ASSERT_EQ(synth("--seed 5 --revision 1 -o '" + dir_.file("r1") + "'"), 0) << output_;
  ASSERT_EQ(synth("--seed 6 -o '" + dir_.file("other") + "'"), 0) << output_;
  EXPECT_FALSE(std::filesystem::exists(env("XDG_CONFIG_HOME") + "/focal/synthetic-keys"));

  const auto first = fingerprints(dir_.file("r0"));
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(fingerprints(dir_.file("r1")), first);
  std::set<std::string> distinct;
  for (const auto& [state, fingerprint] : first) distinct.insert(fingerprint);
  EXPECT_EQ(distinct.size(), 3u) << "one key per State";
  for (const auto& [state, fingerprint] : fingerprints(dir_.file("other")))
    for (const auto& [s, f] : first) EXPECT_NE(fingerprint, f) << "seed 6 signs with other keys";
}

TEST_F(SynthKeys, KeepGeneratedKeysInTheFolderNamed) {
  ASSERT_EQ(synth("--seed 5 --keys '" + dir_.file("keys") + "' -o '" + dir_.file("r0") + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("signed with the keys in " + dir_.file("keys")));
  std::size_t keys = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.file("keys")))
    keys += std::filesystem::exists(entry.path() / "signing-key");
  EXPECT_EQ(keys, 3u);
  EXPECT_FALSE(std::filesystem::exists(env("XDG_CONFIG_HOME") + "/focal"));
}

}  // namespace
}  // namespace focal
