// Soft checks and computed defaults through focal-cli, as a focal point
// meets them: `new` gives the defaults, `fill` refuses a read-only answer,
// `status` lists a failing `warning:` apart from the errors, and a final
// report is not blocked by it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::CliRun;
using test::TempDir;

const std::string kSections = R"(  - id: s
    title: S
    questions:
      - {id: total, type: integer, label: Victims identified}
      - id: children
        type: integer
        label: Of whom children
        warning: ". * 2 <= ${total}"
        warning_message: More than half of the victims are children; please check.
      - {id: copied, type: integer, label: Total again, read_only: true, default: "=${total}"}
)";

class AuthorCliTest : public ::testing::Test {
 protected:
  CliRun cli(const std::string& args) { return test::runCli(dir, args); }
  TempDir dir;
};

// validate and show count in the number the count needs: "1 section".
TEST_F(AuthorCliTest, TheSummaryLineSaysOneSection) {
  test::writeFile(dir.file("q.yaml"), test::storeYaml("soft", "1", kSections));
  CliRun r = cli("validate q.yaml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("q.yaml: ok (1 section, 3 questions, languages:"), std::string::npos) << r.out;
  r = cli("show q.yaml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\n1 section, 3 questions, languages:"), std::string::npos) << r.out;
}

TEST_F(AuthorCliTest, StatusListsWarningsApartAndAFinalReportIsNotBlocked) {
  test::writeFile(dir.file("q.yaml"), test::storeYaml("soft", "1", kSections));
  ASSERT_EQ(cli("new w.focal --questionnaire q.yaml --state NGA").code, 0);
  test::writeFile(dir.file("a.csv"), "question_id,value\ntotal,10\nchildren,8\n");
  CliRun r = cli("fill w.focal --answers a.csv");
  ASSERT_EQ(r.code, 0) << r.err;

  r = cli("status w.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto status = nlohmann::json::parse(r.out);
  const auto& response = status["responses"][0];
  EXPECT_TRUE(response["failing"].empty()) << response.dump();
  ASSERT_EQ(response["warnings"].size(), 1u) << response.dump();
  EXPECT_EQ(response["warnings"][0]["path"], "children");
  EXPECT_EQ(response["warnings"][0]["kind"], "warning");
  EXPECT_EQ(response["warnings"][0]["message"], "More than half of the victims are children; please check.");
  r = cli("status w.focal");
  EXPECT_NE(
      r.out.find("Warnings, to check (they do not block a final report) (1):\n    children  More than half"),
      std::string::npos)
      << r.out;

  // The computed default followed `total` as the answers were filled.
  r = cli("status w.focal --json");
  EXPECT_EQ(nlohmann::json::parse(r.out)["responses"][0]["progress"]["answered"], 3) << r.out;
  // A read-only answer cannot be typed in.
  test::writeFile(dir.file("b.csv"), "question_id,value\ncopied,99\n");
  r = cli("fill w.focal --answers b.csv");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("'copied' is read-only: the questionnaire gives its value."), std::string::npos)
      << r.err;

  r = cli("export w.focal --format report --final -o final.focalreport");
  EXPECT_EQ(r.code, 0) << r.err;
}

}  // namespace
}  // namespace focal
