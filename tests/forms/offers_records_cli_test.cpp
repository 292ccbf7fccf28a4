// focal-cli offers for a repeat: the agreements listed for one instrument
// are offered to the linked list of the other, record by record; a record
// typed here keeps its answers unless --replace is given.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::CliRun;
using test::TempDir;

std::string yaml(const std::string& id, const std::string& instrument, const std::string& repeat,
                 const std::string& link) {
  return "focal: 1\nid: " + id + "\ntitle: {en: Test}\ninstrument: " + instrument +
         "\ncycle: 2\nversion: '1'\nlanguages: [en]\nsections:\n  - id: s\n    title: S\n    questions:\n"
         "      - id: " +
         repeat + "\n        type: repeat\n        label: Agreements\n" + link +
         "        questions:\n"
         "          - {id: " +
         repeat +
         "_partner, type: country, label: Partner}\n"
         "          - {id: " +
         repeat + "_title, type: text, label: Title}\n";
}

TEST(OffersRecordsCli, ListsAndTakesRecordsKeepingWhatWasTypedHere) {
  TempDir dir;
  test::writeFile(dir.file("rep-a.yaml"),
                  yaml("rep-a", "tip", "agr", "        also_asked_in: [\"rep-b:deals\"]\n"));
  test::writeFile(dir.file("rep-b.yaml"), yaml("rep-b", "som", "deals", ""));
  auto cli = [&](const std::string& args) { return test::runCli(dir, args); };
  auto start = [&](const std::string& file, const std::string& q, const std::string& csv) {
    CliRun r = cli("new " + file + " --questionnaire " + q + " --state NGA");
    ASSERT_EQ(r.code, 0) << r.err;
    test::writeFile(dir.file(file + ".csv"), "question_id,value\n" + csv);
    r = cli("fill " + file + " --answers " + file + ".csv");
    ASSERT_EQ(r.code, 0) << r.err << r.out;
  };
  start("there.focal", "rep-b.yaml",
        "deals[1]/deals_partner,FRA\ndeals[1]/deals_title,Readmission\n"
        "deals[2]/deals_partner,ITA\ndeals[2]/deals_title,Police cooperation\n");
  start("here.focal", "rep-a.yaml", "agr[1]/agr_partner,ITA\nagr[1]/agr_title,Memorandum\n");

  CliRun r = cli("offers here.focal --from there.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("agr  Answered for the Smuggling of Migrants Protocol (cycle 2)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 records; to add: 1; answered otherwise here (kept unless replaced): 1"),
            std::string::npos)
      << r.out;

  r = cli("offers here.focal --from there.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["offers"].size(), 1u);
  EXPECT_EQ(j["offers"][0]["status"], "differs");
  EXPECT_EQ(j["offers"][0]["records"], 2);
  EXPECT_EQ(j["offers"][0]["new_records"], 1);
  ASSERT_EQ(j["offers"][0]["conflicts"].size(), 1u);

  r = cli("offers here.focal --from there.focal --take agr");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 answer taken: agr"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("these answers given here were kept"), std::string::npos) << r.err;
  r = cli("export here.focal --format json -o here.json");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string data = test::readFile(dir.file("here.json"));
  EXPECT_NE(data.find("Memorandum"), std::string::npos) << data;
  EXPECT_EQ(data.find("Police cooperation"), std::string::npos) << data;
  EXPECT_NE(data.find("Readmission"), std::string::npos) << data;

  r = cli("offers here.focal --from there.focal --take agr --replace");
  EXPECT_EQ(r.code, 0) << r.err;
  r = cli("export here.focal --format json -o here2.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(test::readFile(dir.file("here2.json")).find("Police cooperation"), std::string::npos);
}

}  // namespace
}  // namespace focal
