// #18 point 9: focal-cli fill of 1,000,000 repeat rows grew superlinearly
// (100k rows 19.5 s, 1M not done in 300 s): each row searched the groups
// read so far, every record of its list, and every answer still to save.
// The work per row must not grow with the rows; counted, never timed.
#include <gtest/gtest.h>

#include "forms/answer_import.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

const std::string kSections = R"(  - id: s
    title: S
    questions:
      - {id: n, type: integer, label: N}
      - id: r
        type: repeat
        label: R
        max_records: 50
        questions:
          - {id: t, type: text, label: T}
)";

class FillScaling : public ::testing::Test {
 protected:
  void SetUp() override {
    ws = Workspace::create(":memory:", test::testOptions());
    id = ws->createResponse(*test::loadStoreQuestionnaire(test::storeYaml("scale", "1", kSections)), "NGA",
                            "en");
    document = std::make_unique<ResponseDocument>(*ws, id);
  }
  ImportResult importRows(std::size_t rows, std::size_t distinct) {
    std::string body = "question_id,value\n";
    for (std::size_t i = 1; i <= rows; ++i)
      body += "r[" + std::to_string(i) + "]/t,Agreement " + std::to_string(i % distinct) + "\n";
    return importAnswers(*document, parseAnswersCsv(body, "a.csv"));
  }
  std::unique_ptr<Workspace> ws;
  ResponseId id = 0;
  std::unique_ptr<ResponseDocument> document;
};

TEST_F(FillScaling, RowsPastTheListsCapCompareNoRecord) {
  // 50 records fill the list; the 9,950 rows after it each hold a value no
  // record has, so none of the 50 records is read for them (it was 50 a row).
  ImportResult r = importRows(10000, 10000);
  EXPECT_EQ(r.recordsAdded, 50u);
  EXPECT_EQ(r.rejected.size(), 9950u);
  EXPECT_EQ(r.rejected.back().message,
            "The list r already has 50 records, the most it may have; this record was not added.");
  EXPECT_EQ(r.recordsCompared, 0u);
}

TEST_F(FillScaling, ARepeatedRecordIsFoundWithoutReadingTheOthers) {
  // 10,000 rows naming 40 distinct records: each row past the first 40
  // reads exactly one record, the one holding its value.
  ImportResult r = importRows(10000, 40);
  EXPECT_EQ(r.recordsAdded, 40u);
  EXPECT_EQ(r.recordsAlreadyPresent, 9960u);
  EXPECT_EQ(r.recordsCompared, 9960u);
  EXPECT_EQ(document->session().records("r").size(), 40u);
}

}  // namespace
}  // namespace focal
