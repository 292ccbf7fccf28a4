// The list of States parties and signatories (questionnaires/reference/
// parties.yaml): what it must say, what it refuses, and the wording of the
// response rates it gives ("N of M States parties").
#include <gtest/gtest.h>

#include <fstream>

#include "consolidated_fixtures.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/analysis_parties.h"
#include "export/secretariat/analysis_results.h"
#include "export/secretariat/analysis_tables.h"

namespace focal {
namespace {

const std::string kShipped = std::string(FOCAL_SOURCE_DIR) + "/questionnaires/reference/parties.yaml";

TEST(InstrumentParties, ShippedListCoversEveryInstrumentWithItsNonMemberParties) {
  const InstrumentParties parties = InstrumentParties::load(kShipped);
  EXPECT_FALSE(parties.asOf().empty());
  EXPECT_FALSE(parties.source().empty());
  EXPECT_FALSE(parties.verified()) << "the shipped copy was not checked entry by entry; it must say so";
  const RegionalGroups groups = test::testGroups();
  for (const char* id : {"convention", "tip", "som", "firearms"}) {
    const InstrumentStatus* status = parties.find(id);
    ASSERT_NE(status, nullptr) << id;
    EXPECT_GT(status->parties.size(), 100u) << id;
    EXPECT_TRUE(status->parties.count("EUU")) << id << ": the European Union is a party to all four";
    for (const auto& s : status->parties)
      EXPECT_TRUE(groups.groupOf(s) || s == "EUU" || s == "VAT" || s == "PSE" || s == "COK" || s == "NIU")
          << id << ": " << s << " is neither a Member State nor a known non-member party";
  }
  for (const char* s : {"VAT", "PSE", "COK", "NIU"})
    EXPECT_EQ(parties.standing("convention", s), Standing::Party) << s;
  EXPECT_EQ(parties.standing("firearms", "USA"), Standing::NonParty);
  EXPECT_EQ(parties.standing("firearms", "CAN"), Standing::Signatory);
  EXPECT_EQ(parties.name("EUU"), "European Union");
  EXPECT_EQ(InstrumentParties::defaultPath().empty(), false);
}

TEST(InstrumentParties, RefusesAListWithoutDateOrWithAStateTwice) {
  auto problem = [](const std::string& text) {
    try {
      InstrumentParties::parse(text, "p.yaml");
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(problem("instruments: [{id: tip, parties: [FRA]}]\n").find("as_of"), std::string::npos);
  EXPECT_NE(problem("as_of: x\ninstruments: [{id: tip, parties: [FRA, FRA]}]\n").find("FRA is listed twice"),
            std::string::npos);
  EXPECT_NE(problem("as_of: x\ninstruments: [{id: tip, parties: [FRA], signatories: [FRA]}]\n")
                .find("both a party and a signatory"),
            std::string::npos);
  EXPECT_NE(problem("as_of: x\ninstruments: [{id: tip, parties: [France]}]\n").find("p.yaml:"),
            std::string::npos);
  EXPECT_EQ(problem("as_of: x\ninstruments: [{id: tip, parties: [FRA]}]\n"), "accepted");
}

class PartiesWording : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    const auto files = test::writeReplies(*dir_);
    ConsolidatedStore store(dir_->file("store.focaldb"));
    test::trustFixtures(store);
    mergeReports(store, files);
    AnalysisInput input = loadAnalysisInput(store, "analysis-test", test::testGroups());
    input.parties = test::testParties();
    analysis_ = new Analysis(analyse(input));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }
  static std::string documentText() {
    const AnalysisDocument doc = analysisDocument(*analysis_);
    std::string out;
    for (const auto& line : doc.cover) out += line + "\n";
    for (const auto& block : doc.blocks) {
      if (const auto* p = std::get_if<DocParagraph>(&block)) out += p->text + "\n";
      if (const auto* h = std::get_if<DocHeading>(&block)) out += h->text + "\n";
      if (const auto* c = std::get_if<DocChart>(&block))
        out += c->chart.subtitle + "\n" + c->description + "\n";
      if (const auto* t = std::get_if<DocTable>(&block))
        for (const auto& row : t->table.rows)
          for (const auto& cell : row) out += cell.display() + "\n";
    }
    return out;
  }
  static test::TempDir* dir_;
  static Analysis* analysis_;
};
test::TempDir* PartiesWording::dir_ = nullptr;
Analysis* PartiesWording::analysis_ = nullptr;

TEST_F(PartiesWording, RateIsOfStatesPartiesWithTheListsDate) {
  const std::string text = documentText();
  EXPECT_NE(text.find("3 of 8 States parties to the"), std::string::npos) << text;
  EXPECT_NE(text.find("as of 2024-05-04"), std::string::npos);
  EXPECT_NE(text.find("also 1 signatories and 1 States not party"), std::string::npos);
  EXPECT_NE(text.find("Responding signatories (not parties): Germany"), std::string::npos);
  EXPECT_NE(text.find("Responding States not party to the instrument: Egypt"), std::string::npos);
  EXPECT_NE(text.find("not been checked against the depositary"), std::string::npos);
  EXPECT_NE(text.find("(2/3)"), std::string::npos) << "African States: NGA and KEN of 3 parties";
  EXPECT_EQ(text.find("Member States"), std::string::npos);
  EXPECT_EQ(text.find("Other States"), std::string::npos);
}

TEST_F(PartiesWording, ConditionalQuestionSaysToHowManyStatesItApplied) {
  const std::string text = documentText();
  EXPECT_NE(text.find("Applied to 2 of 5 responding States; did not apply to 3."), std::string::npos) << text;
  EXPECT_NE(text.find("several answers (n = 2)"), std::string::npos);
  EXPECT_EQ(text.find("No answer"), std::string::npos);
  // In the workbook, the shares of a conditional question's answers are of the 2 States.
  for (const auto& t : analysisTables(*analysis_)) {
    if (t.name != "Answers") continue;
    bool seen = false;
    for (const auto& row : t.rows)
      if (row[1].text == "ta_victims_kinds" && row[3].text == "Training") {
        seen = true;
        EXPECT_EQ(row[4].display(), "2");      // applied to
        EXPECT_EQ(row[6].display(), "50.0%");  // NGA of NGA and KEN
      }
    EXPECT_TRUE(seen);
  }
}

TEST_F(PartiesWording, AssistanceNeedsAreReportedPerSectionNotPerArticle) {
  const std::string text = documentText();
  EXPECT_NE(text.find("Needs by section"), std::string::npos);
  EXPECT_EQ(text.find("Needs by article"), std::string::npos);
  for (const auto& t : analysisTables(*analysis_)) EXPECT_NE(t.name, "TA by article");
}

TEST_F(PartiesWording, WorkbookRatesNameStatesParties) {
  const auto tables = analysisTables(*analysis_);
  const AnalysisTable* rates = nullptr;
  for (const auto& t : tables)
    if (t.name == "Response rates") rates = &t;
  ASSERT_NE(rates, nullptr);
  bool header = false;
  for (const auto& c : rates->columns) header |= c.header == "States parties";
  EXPECT_TRUE(header);
  for (const auto& t : tables)
    for (const auto& c : t.columns) EXPECT_EQ(c.header.find("Member States"), std::string::npos) << c.header;
}

}  // namespace
}  // namespace focal
