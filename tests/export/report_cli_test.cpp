// focal-cli export, verify and key, run as a user would: a workspace made
// with `new` and `fill`, exported in every format, verified, tampered with.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "export/report/report_file.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

class ReportCli : public testing::Test {
 protected:
  void SetUp() override {
    if (!test::haveProgram(FOCAL_CLI)) GTEST_SKIP() << "no focal-cli at " << FOCAL_CLI;
    env_ = "FOCAL_CONFIG_DIR='" + dir_.file("config") + "' FOCAL_USER=maria ";
    test::writeFile(dir_.file("q.yaml"), test::kExportQuestionnaire);
    test::writeFile(dir_.file("law.txt"), "Article 1. Trafficking in persons is punished.\n");
    test::writeFile(dir_.file("answers.json"), R"({
      "q_1": "yes", "q_2": ["sexual", "other"], "q_2/other": "=cmd|' /C calc'!A0",
      "q_3": "تعتمد الخطة الوطنية على حماية الضحايا — 国家行动计划以保护被害人为中心",
      "q_4": 12, "q_5": {"title": "Penal Code", "article": "Art. 225-4-1"}, "q_6": "law.txt",
      "q_9": {"y2022": {"women": 10, "men": 5}},
      "q_10": [{"q_10_partner": "NGA", "q_10_title": "Agreement on cooperation"}], "q_12": "justice"
    })");
    ASSERT_EQ(cli("new '" + workspace() + "' --questionnaire '" + dir_.file("q.yaml") + "' --state FRA"), 0)
        << output_;
    ASSERT_EQ(cli("fill '" + workspace() + "' --answers '" + dir_.file("answers.json") + "'"), 0) << output_;
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

TEST_F(ReportCli, ExportsASignedReportThatVerifies) {
  const std::string report = dir_.file("fra.focalreport");
  ASSERT_EQ(cli("export '" + workspace() + "' --format report -o '" + report + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("draft national report of FRA"));
  ASSERT_EQ(cli("key show --json"), 0) << output_;
  const std::string fingerprint = nlohmann::json::parse(output_)["fingerprint"];
  ASSERT_EQ(cli("verify '" + report + "'"), 0) << output_;
  EXPECT_THAT(output_, HasSubstr("intact, signed by the key " + fingerprint));
  ASSERT_EQ(cli("verify --key '" + fingerprint + "' '" + report + "'"), 0) << output_;
  ASSERT_EQ(cli("verify --key '" + dir_.file("config/signing-key.pub") + "' '" + report + "'"), 0) << output_;

  // Another key expected; a flipped byte; a copy cut short: one line each, exit 1.
  const std::string bytes = test::readFile(report);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x20);
  test::writeFile(dir_.file("flipped.focalreport"), flipped);
  test::writeFile(dir_.file("cut.focalreport"), bytes.substr(0, bytes.size() - 10));
  EXPECT_EQ(cli("verify --json --key '0000 0000 0000 0000 0000 0000 0000 0000' '" + report + "' '" +
                dir_.file("flipped.focalreport") + "' '" + dir_.file("cut.focalreport") + "'"),
            1)
      << output_;
  auto j = nlohmann::json::parse(output_);
  EXPECT_EQ(j["files"][0]["verdict"], "other_key");
  EXPECT_EQ(j["files"][1]["verdict"], "altered");
  EXPECT_EQ(j["files"][2]["verdict"], "altered");
  EXPECT_EQ(j["intact"], 0);
  EXPECT_EQ(cli("verify '" + dir_.file("flipped.focalreport") + "'"), 1);
  EXPECT_THAT(output_, HasSubstr("ask the State to send the report again"));
  EXPECT_EQ(cli("verify --key nonsense '" + report + "'"), 1);
  EXPECT_THAT(output_, HasSubstr("--key"));
  // #18 point 9: an empty --key (an unset variable in a script) skipped the check and said intact.
  EXPECT_EQ(cli("verify --key '' '" + report + "'"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("the key given is empty"));
  EXPECT_THAT(output_, testing::Not(HasSubstr("intact")));

  // The report holds the attachment and the answers, as the workspace has them.
  ReportCheck check = readReportFile(report);
  ASSERT_TRUE(check.report);
  ASSERT_EQ(check.report->attachments.size(), 1u);
  EXPECT_EQ(check.report->attachments[0].name, "law.txt");
  EXPECT_EQ(check.report->answerMap().at("q_4"), "12");
}

TEST_F(ReportCli, FinalExportListsWhatIsMissing) {
  const std::string report = dir_.file("final.focalreport");
  // q_10's second record has no partner, which is required.
  test::writeFile(dir_.file("more.json"), R"({"q_10": [{"q_10_title": "A second agreement"}]})");
  ASSERT_EQ(cli("fill '" + workspace() + "' --answers '" + dir_.file("more.json") + "'"), 0) << output_;
  EXPECT_EQ(cli("export '" + workspace() + "' --format report --final -o '" + report + "'"), 1) << output_;
  EXPECT_THAT(output_, HasSubstr("cannot be exported as final yet"));
  EXPECT_THAT(output_, HasSubstr("Partner State"));
  EXPECT_THAT(output_, HasSubstr("export a draft without --final"));
  EXPECT_NE(::access(report.c_str(), F_OK), 0) << "nothing is written";
  EXPECT_EQ(cli("export '" + workspace() + "' --format report -o '" + report + "'"), 0) << output_;
}

TEST_F(ReportCli, ExportsEveryFormatAndPrintsAReceivedReport) {
  for (const std::string format : {"pdf", "html", "csv", "xlsx", "json", "sav", "dta"}) {
    const std::string out = dir_.file("out." + format);
    ASSERT_EQ(cli("export '" + workspace() + "' --format " + format + " -o '" + out + "' --language ar"), 0)
        << format << ": " << output_;
    EXPECT_GT(test::readFile(out).size(), 200u) << format;
  }
  EXPECT_THAT(test::readFile(dir_.file("out.html")), HasSubstr("dir=\"rtl\""));
  EXPECT_THAT(test::readFile(dir_.file("out.csv")), HasSubstr("'=cmd|' /C calc'!A0"));
  const std::string report = dir_.file("fra.focalreport");
  ASSERT_EQ(cli("export '" + workspace() + "' --format report -o '" + report + "'"), 0) << output_;
  ASSERT_EQ(cli("export '" + report + "' --format pdf -o '" + dir_.file("received.pdf") + "'"), 0) << output_;
  EXPECT_EQ(cli("export '" + report + "' --format report -o '" + dir_.file("again.focalreport") + "'"), 1);
  // Wrong inputs say what to do.
  EXPECT_EQ(cli("export '" + dir_.file("missing.focal") + "' --format csv -o '" + dir_.file("x.csv") + "'"),
            1);
  EXPECT_THAT(output_, HasSubstr("missing.focal"));
  EXPECT_NE(cli("export '" + workspace() + "' --format doc -o x"), 0);
  EXPECT_EQ(cli("export '" + workspace() + "' --format csv -o '" + dir_.path() + "'"), 2);
  EXPECT_THAT(output_, HasSubstr("is a folder"));
}

}  // namespace
}  // namespace focal
