// #18 items 6, 7, 8 and 9 through focal-cli: a report under a key not
// accepted is held back with its fingerprint and the exact command that
// accepts it (which works when run); --accept-new-keys is gone; flagged
// values are listed by merge and by `flagged`; accepted keys are listed;
// an empty --key is refused; a hostile file name cannot forge a line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "consolidated_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;
using testing::Not;

class SecretariatTrustCli : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
    test::writeFile(dir_.file("analysis-test.yaml"), test::kAnalysisQuestionnaire);
  }
  int cli(const std::string& arguments) {
    int status = -1;
    output_ = test::run(std::string(FOCAL_CLI) + " " + arguments + " 2>&1", &status);
    return status;
  }
  std::string report(const std::string& name, const std::map<std::string, std::string>& answers) {
    const std::string file = dir_.file(name);
    writeReportFile(test::handReport(*test::analysisQuestionnaire(), "FRA", answers), file,
                    &test::stateKey("FRA"));
    return file;
  }
  std::string store() const { return dir_.file("s.focaldb"); }
  std::string registered() const { return " --register '" + dir_.file("analysis-test.yaml") + "'"; }

  TempDir dir_;
  std::string output_;
};

TEST_F(SecretariatTrustCli, AHeldReportListsItsFingerprintAndTheCommandThatAcceptsIt) {
  const std::string file = report("fra.focalreport", {{"q_law", "yes"}});
  const std::string fingerprint = test::stateKey("FRA").fingerprint();
  EXPECT_EQ(cli("merge '" + file + "' --into '" + store() + "'" + registered()), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("held       " + file));
  EXPECT_THAT(output_, HasSubstr("signed by the key " + fingerprint + ", which is not accepted for FRA"));
  EXPECT_THAT(output_, HasSubstr("1 held back (key not accepted)"));
  const std::string command =
      "focal-cli merge '" + file + "' --into '" + store() + "' --accept-key FRA='" + fingerprint + "'";
  ASSERT_THAT(output_, HasSubstr(command));
  // The command printed is the one to run, as it is.
  EXPECT_EQ(cli(command.substr(std::string("focal-cli ").size())), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("1 imported"));
  EXPECT_EQ(cli("accepted-keys '" + store() + "' --json"), 0) << output_;
  const auto keys = nlohmann::json::parse(output_);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0]["state"], "FRA");
  EXPECT_EQ(keys[0]["fingerprint"], fingerprint);
  EXPECT_EQ(keys[0]["how"], "accepted by the secretariat");
}

TEST_F(SecretariatTrustCli, AcceptNewKeysIsGoneAndSaysWhatToUse) {
  const std::string file = report("fra.focalreport", {{"q_law", "yes"}});
  EXPECT_EQ(cli("merge '" + file + "' --into '" + store() + "' --accept-new-keys" + registered()), 1)
      << output_;
  EXPECT_THAT(output_, HasSubstr("--accept-key STATE=FINGERPRINT"));
  EXPECT_FALSE(std::filesystem::exists(store())) << "nothing was merged";
  EXPECT_EQ(cli("merge '" + file + "' --into '" + store() + "' --accept-key FRA=nonsense" + registered()), 1)
      << output_;
  EXPECT_THAT(output_, HasSubstr("a fingerprint is 32 hex digits"));
}

TEST_F(SecretariatTrustCli, FlaggedValuesAreListedByMergeAndByTheFlaggedCommand) {
  const std::string file = report("fra.focalreport", {{"q_law", "yes"}, {"q_penalty", "5000"}});
  EXPECT_EQ(cli("merge '" + file + "' --into '" + store() + "'" + registered() +
                " --accept-key 'FRA=" + test::stateKey("FRA").fingerprint() + "'"),
            0)
      << output_;
  EXPECT_THAT(output_, HasSubstr("  flagged  q_penalty = '5000': "));
  EXPECT_THAT(output_, HasSubstr("1 value is outside the questionnaire's rules"));
  EXPECT_EQ(cli("flagged '" + store() + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("FRA  analysis-test  q_penalty = '5000'"));
  EXPECT_EQ(cli("flagged '" + store() + "' --json"), 0) << output_;
  const auto j = nlohmann::json::parse(output_);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["value"], "5000");
}

TEST_F(SecretariatTrustCli, VerifyWithAnEmptyKeyIsRefusedNotIntact) {
  const std::string file = report("fra.focalreport", {{"q_law", "yes"}});
  EXPECT_EQ(cli("verify --key '' '" + file + "'"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("the key given is empty"));
  EXPECT_THAT(output_, Not(HasSubstr("intact")));
}

TEST_F(SecretariatTrustCli, AHeldFilesNameCannotForgeAnImportedLine) {
  const std::string hostile = dir_.file("x\nimported   evil.focalreport\x1b[2J\u202E.focalreport");
  std::filesystem::copy_file(report("fra.focalreport", {{"q_law", "yes"}}), hostile);
  EXPECT_EQ(cli("merge '" + hostile + "' --into '" + store() + "'" + registered()), 1) << output_;
  std::istringstream lines(output_);
  for (std::string line; std::getline(lines, line);)
    EXPECT_FALSE(line.starts_with("imported")) << "forged line: " << line;
  EXPECT_THAT(output_, HasSubstr("x\\nimported   evil.focalreport\\x1b[2J\\u202e.focalreport"));
  EXPECT_EQ(output_.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace focal
