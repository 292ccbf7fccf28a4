// focal-cli offers (answers given for the other Protocol, listed and taken)
// and what `status` and the printed report say about answers carried from
// the previous cycle, run as a focal point would run them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "forms/date_words.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;

using test::CliRun;

class OffersCli : public ::testing::Test {
 protected:
  CliRun cli(const std::string& args) { return test::runCli(dir, args); }
  static std::string bundled(const std::string& id) {
    return (std::filesystem::path(FOCAL_SOURCE_DIR) / "questionnaires" / (id + ".yaml")).string();
  }
  void start(const std::string& file, const std::string& questionnaire, const std::string& state,
             const std::string& csv) {
    CliRun r = cli("new " + file + " --questionnaire '" + bundled(questionnaire) + "' --state " + state);
    ASSERT_EQ(r.code, 0) << r.err;
    test::writeFile(dir.file(file + ".csv"), "question_id,value\n" + csv);
    r = cli("fill " + file + " --answers " + file + ".csv");
    ASSERT_EQ(r.code, 0) << r.err;
  }
  TempDir dir;
};

TEST_F(OffersCli, ListsTakesAndKeepsWhatWasTypedHere) {
  start("som.focal", "som-cycle2", "NGA", "bm_11_1,yes\nbm_11_3,no\nq_0_3,Maria Okafor\nq_2_1,yes\n");
  start("tip.focal", "tip-cycle2", "NGA", "q_0_3,Ahmed Bello\n");

  CliRun r = cli("offers tip.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("0 answers offered from 0 other replies"), std::string::npos) << r.out;

  r = cli("offers tip.focal --from som.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("3 answers offered from 1 other reply"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bm_11_1  Answered for the Smuggling of Migrants Protocol (cycle 2) on "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("by ana: yes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("q_0_3  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[answered otherwise here]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("q_2_1"), std::string::npos) << r.out;

  r = cli("offers tip.focal --from som.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["offers"].size(), 3u);
  EXPECT_EQ(j["offers"][0]["id"], "q_0_3");
  EXPECT_EQ(j["offers"][0]["status"], "differs");
  EXPECT_EQ(j["offers"][1]["id"], "bm_11_1");
  EXPECT_EQ(j["offers"][1]["source"]["questionnaire"], "som-cycle2");
  EXPECT_EQ(j["offers"][1]["source"]["cycle"], 2);
  EXPECT_EQ(j["offers"][1]["values"]["bm_11_1"], "yes");

  r = cli("offers tip.focal --from som.focal --take all");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 answers taken: bm_11_1 bm_11_3"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("q_0_3: q_0_3 already has an answer given here, which was kept"), std::string::npos)
      << r.err;

  r = cli("offers tip.focal --from som.focal --take q_0_3");
  EXPECT_EQ(r.code, 1) << r.err;
  r = cli("history tip.focal q_0_3");
  EXPECT_NE(r.out.find("Ahmed Bello"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Maria"), std::string::npos) << r.out;
  r = cli("offers tip.focal --from som.focal --take q_0_3 --replace");
  EXPECT_EQ(r.code, 0) << r.err;
  r = cli("offers tip.focal --from som.focal --take nope");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("No answer is offered for 'nope' in tip.focal"), std::string::npos) << r.err;

  // Changed in the smuggling reply afterwards: flagged, and offered again.
  test::writeFile(dir.file("change.csv"), "question_id,value\nbm_11_1,no\n");
  ASSERT_EQ(cli("fill som.focal --answers change.csv").code, 0);
  r = cli("offers tip.focal --from som.focal");
  EXPECT_NE(r.out.find("[changed in the other reply since you took it]"), std::string::npos) << r.out;

  // Changed in the trafficking reply after it took bm_11_3 from the smuggling one: the smuggling
  // reply is told, with the new value, in the text and in the JSON.
  test::writeFile(dir.file("change.csv"), "question_id,value\nbm_11_3,yes\n");
  ASSERT_EQ(cli("fill tip.focal --answers change.csv").code, 0);
  r = cli("offers som.focal --from tip.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(": yes  [changed in the reply for the Trafficking in Persons Protocol since it was "
                       "taken from here]"),
            std::string::npos)
      << r.out;
  r = cli("offers som.focal --from tip.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  const nlohmann::json* changed = nullptr;
  for (const auto& o : j["offers"])
    if (o["id"] == "bm_11_3") changed = &o;
  ASSERT_TRUE(changed) << r.out;
  EXPECT_EQ((*changed)["status"], "changed_since_taken_from_here");
  EXPECT_EQ((*changed)["values"]["bm_11_3"], "yes");
  EXPECT_EQ((*changed)["taken_values"]["bm_11_3"], "no");
  // The date: ISO in the JSON, in words in the sentence ("on 6 December by ana").
  const std::string at = (*changed)["answered_at"];
  ASSERT_GE(at.size(), 10u);
  EXPECT_EQ(at[4], '-');
  const std::string sentence = (*changed)["sentence"];
  EXPECT_NE(sentence.find(" on " + dateInWords(at) + " by ana"), std::string::npos) << sentence;
  EXPECT_EQ(sentence.find(at.substr(0, 10)), std::string::npos) << sentence;
  // Taking it back replaces the answer typed here, so only with --replace.
  r = cli("offers som.focal --from tip.focal --take bm_11_3");
  EXPECT_EQ(r.code, 1) << r.out;
  r = cli("offers som.focal --from tip.focal --take bm_11_3 --replace");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 answer taken: bm_11_3"), std::string::npos) << r.out;
}

TEST_F(OffersCli, RefusesAnotherStatesReplyAndAReportThatDoesNotVerify) {
  start("som.focal", "som-cycle2", "NGA", "bm_11_1,yes\n");
  start("fra.focal", "som-cycle2", "FRA", "bm_11_1,no\n");
  start("tip.focal", "tip-cycle2", "NGA", "q_0_3,Ahmed Bello\n");

  CliRun r = cli("offers tip.focal --from fra.focal");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("fra.focal holds the replies of FRA, not of NGA"), std::string::npos) << r.err;
  r = cli("offers tip.focal --from missing.focal");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("missing.focal does not exist"), std::string::npos) << r.err;

  r = cli("export som.focal --format report -o som.focalreport");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("offers tip.focal --from som.focalreport --take bm_11_1");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 answer taken: bm_11_1"), std::string::npos) << r.out;

  std::string bytes = test::readFile(dir.file("som.focalreport"));
  bytes[bytes.size() / 2] ^= 0x01;
  test::writeFile(dir.file("bad.focalreport"), bytes);
  r = cli("offers tip.focal --from bad.focalreport");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.focalreport does not verify"), std::string::npos) << r.err;

  r = cli("export fra.focal --format report -o fra.focalreport");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("offers tip.focal --from fra.focalreport");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("fra.focalreport is the report of FRA, not of NGA"), std::string::npos) << r.err;
}

TEST_F(OffersCli, StatusAndTheReportTellWhatChangedSinceThePreviousCycle) {
  const std::string head = "focal: 1\ntitle: {en: T}\ninstrument: tip\nversion: '1'\nlanguages: [en]\n";
  test::writeFile(dir.file("cyc-1.yaml"), "id: cyc-1\ncycle: 1\n" + head +
                                              "sections:\n  - id: s\n    title: S\n    questions:\n"
                                              "      - {id: a_1, type: yes_no, label: Is it criminalized}\n"
                                              "      - {id: a_2, type: integer, label: Shelters open}\n"
                                              "      - {id: a_3, type: text, label: Contact desk name}\n");
  test::writeFile(dir.file("cyc-2.yaml"),
                  "id: cyc-2\ncycle: 2\nprevious_cycle: cyc-1\n" + head +
                      "sections:\n  - id: s\n    title: S\n    questions:\n"
                      "      - {id: b_1, type: yes_no, label: Is it criminalized, carry_forward_from: a_1}\n"
                      "      - {id: b_2, type: integer, label: Shelters open, carry_forward_from: a_2}\n"
                      "      - {id: b_3, type: text, label: Contact desk name, carry_forward_from: a_3}\n");
  ASSERT_EQ(cli("new c1.focal --questionnaire cyc-1.yaml --state NGA").code, 0);
  test::writeFile(dir.file("c1.csv"), "question_id,value\na_1,yes\na_2,4\na_3,Desk A\n");
  ASSERT_EQ(cli("fill c1.focal --answers c1.csv").code, 0);
  CliRun r = cli("new c2.focal --questionnaire cyc-2.yaml --state NGA --from c1.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  test::writeFile(dir.file("c2.csv"), "question_id,value\nb_1,yes\nb_2,6\n");  // b_1 confirmed, b_2 changed
  ASSERT_EQ(cli("fill c2.focal --answers c2.csv").code, 0);

  r = cli("status c2.focal --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto since = nlohmann::json::parse(r.out)["responses"][0]["since_previous_cycle"];
  ASSERT_EQ(since["unchanged"].size(), 1u);
  EXPECT_EQ(since["unchanged"][0]["question"], "b_1");
  ASSERT_EQ(since["changed"].size(), 1u);
  EXPECT_EQ(since["changed"][0]["question"], "b_2");
  EXPECT_EQ(since["changed"][0]["previous"]["b_2"], "4");
  EXPECT_EQ(since["changed"][0]["current"]["b_2"], "6");
  ASSERT_EQ(since["unconfirmed"].size(), 1u);
  EXPECT_EQ(since["unconfirmed"][0]["question"], "b_3");

  r = cli("status c2.focal");
  EXPECT_NE(r.out.find("Since the previous cycle: confirmed unchanged (1):\n    b_1  Is it criminalized"),
            std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find("Since the previous cycle: changed (1):\n    b_2  Shelters open\n      was: b_2 = 4\n      "
                 "now: b_2 = 6"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Since the previous cycle: not yet confirmed (1):\n    b_3  Contact desk name"),
            std::string::npos)
      << r.out;

  r = cli("export c2.focal --format html -o c2.html");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = test::readFile(dir.file("c2.html"));
  const auto b1 = html.find("Is it criminalized"), b2 = html.find("Shelters open"),
             b3 = html.find("Contact desk name");
  ASSERT_TRUE(b1 != std::string::npos && b2 != std::string::npos && b3 != std::string::npos);
  const auto unchanged = html.find("Unchanged since the previous reply");
  const auto changed = html.find("Changed since the previous reply");
  EXPECT_TRUE(unchanged > b1 && unchanged < b2) << html;
  EXPECT_TRUE(changed > b2 && changed < b3) << html;
  EXPECT_EQ(html.find("since the previous reply", b3), std::string::npos);
}

}  // namespace
}  // namespace focal
