// What a change was, kept with every value of the history: written by the
// store from the change set, given by the document's batches (a fill, an
// import), kept when the write waits for a full disk, and added to files
// of the previous format with empty descriptions for what was there.
#include <gtest/gtest.h>

#include "forms/answer_import.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::RawDb;
using test::TempDir;
using test::testOptions;

std::vector<std::string> descriptions(Workspace& ws, ResponseId id, const std::string& questionId) {
  std::vector<std::string> out;
  for (const auto& entry : ws.history(id, questionId)) out.push_back(entry.description);
  return out;
}

TEST(ChangeDescription, TheStoreKeepsItWithEachValueOfTheHistory) {
  auto ws = Workspace::create(":memory:", testOptions("ana"));
  const ResponseId id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en", {{"q_1", "no"}},
                                           "Carried forward from 2024");
  ws->write(id, {{"q_2", "Typed."}});
  ws->write(id, {ChangeSet{{{"q_2", "From the file."}, {"q_3", "4"}}, "omar", "Filled from answers.csv"},
                 ChangeSet{{{"q_2", "Agency's."}}, "", "Imported the answers of Police"}});

  const auto q2 = ws->history(id, "q_2");
  ASSERT_EQ(q2.size(), 3u);
  EXPECT_EQ(q2[0].description, "");  // typing
  EXPECT_EQ(q2[0].changedBy, "ana");
  EXPECT_EQ(q2[1].description, "Filled from answers.csv");
  EXPECT_EQ(q2[1].changedBy, "omar");
  EXPECT_EQ(q2[2].description, "Imported the answers of Police");
  EXPECT_EQ(q2[2].changedBy, "ana");
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{"Carried forward from 2024"});
  EXPECT_EQ(descriptions(*ws, id, "q_3"), std::vector<std::string>{"Filled from answers.csv"});
}

TEST(ChangeDescription, AResponseStartsWithEachInitialChangeDescribed) {
  auto ws = Workspace::create(":memory:", testOptions("ana"));
  const ResponseId id = ws->createResponseFromChanges(
      *test::storeQuestionnaire(), "NGA", "en",
      std::vector<ChangeSet>{ChangeSet{{{"q_1", "no"}, {"q_2", "Old words."}}, "", "Carried forward"},
                             ChangeSet{{{"q_3", "7"}, {"q_4", ""}}, "someone", "Default value"}});
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{"Carried forward"});
  EXPECT_EQ(descriptions(*ws, id, "q_2"), std::vector<std::string>{"Carried forward"});
  EXPECT_EQ(descriptions(*ws, id, "q_3"), std::vector<std::string>{"Default value"});
  EXPECT_EQ(ws->history(id, "q_3").front().changedBy, "someone");
  EXPECT_TRUE(ws->history(id, "q_4").empty());  // empty values are not stored
  EXPECT_EQ(ws->answers(id).size(), 3u);
}

TEST(ChangeDescription, ItSurvivesReopeningTheFile) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  ResponseId id = 0;
  {
    auto ws = Workspace::create(path, testOptions());
    id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en");
    ws->write(id, {ChangeSet{{{"q_5/title", "Penal Code"}}, "", "Took the answer of the TIP reply"}});
  }
  auto ws = Workspace::open(path, testOptions());
  EXPECT_EQ(descriptions(*ws, id, "q_5"), std::vector<std::string>{"Took the answer of the TIP reply"});
}

// A file as Focal wrote it before descriptions (format 2): made now, then
// put back to format 2 (the column gone, the version lowered).
TEST(ChangeDescription, AFileOfThePreviousFormatGetsTheColumnAndKeepsItsHistory) {
  static_assert(Workspace::kSchemaVersion == 3, "make the file of the format before this one");
  TempDir dir;
  const std::string path = dir.file("old.focal");
  ResponseId id = 0;
  {
    auto ws = Workspace::create(path, testOptions("ana"));
    id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en", {{"q_1", "no"}});
    ws->write(id, {{"q_2", "Written in format 2."}});
  }
  {
    RawDb db(path);
    db.exec("ALTER TABLE answer_log DROP COLUMN description; PRAGMA user_version = 2;");
    EXPECT_EQ(db.text("SELECT count(*) FROM pragma_table_info('answer_log') WHERE name = 'description'"),
              "0");
  }
  auto ws = Workspace::open(path, testOptions("omar"));
  EXPECT_EQ(ws->database().queryInteger("PRAGMA user_version"), 3);
  EXPECT_EQ(ws->database().queryInteger(
                "SELECT count(*) FROM pragma_table_info('answer_log') WHERE name = 'description'"),
            1);
  // The old rows are there, with no description.
  const auto old = ws->history(id, "q_2");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0].value, "Written in format 2.");
  EXPECT_EQ(old[0].changedBy, "ana");
  EXPECT_EQ(old[0].description, "");
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{""});
  // New ones carry theirs.
  ws->write(id, {ChangeSet{{{"q_2", "Now in format 3."}}, "", "Filled from answers.csv"}});
  EXPECT_EQ(descriptions(*ws, id, "q_2"), (std::vector<std::string>{"", "Filled from answers.csv"}));
  // A copy of the file as it was is kept before migrating.
  bool safetyCopy = false;
  for (const auto& entry : std::filesystem::directory_iterator(ws->backupDirectory()))
    safetyCopy |= entry.path().filename().string().starts_with("old-before-format-3-");
  EXPECT_TRUE(safetyCopy);
}

class DocumentDescriptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws = Workspace::create(":memory:", testOptions("ana"));
    id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en");
    document = std::make_unique<ResponseDocument>(*ws, id);
  }
  std::unique_ptr<Workspace> ws;
  ResponseId id = 0;
  std::unique_ptr<ResponseDocument> document;
};

TEST_F(DocumentDescriptionTest, ABatchDescribesEveryValueItWrites) {
  document->answer("q_1", "no");
  {
    auto batch = document->batch("Imported the answers of Ministry of Justice (justice.focalc)");
    document->apply({{"q_2", "Their words."}}, nullptr, "Maria (Ministry of Justice)");
    {
      auto inner = document->batch();  // takes the outer description
      document->apply({{"q_3", "5"}});
    }
    document->addRecord("q_7");
  }
  document->answer("q_2", "Mine now.");
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{""});
  EXPECT_EQ(descriptions(*ws, id, "q_2"),
            (std::vector<std::string>{"Imported the answers of Ministry of Justice (justice.focalc)", ""}));
  EXPECT_EQ(ws->history(id, "q_2").front().changedBy, "Maria (Ministry of Justice)");
  EXPECT_EQ(descriptions(*ws, id, "q_3"),
            std::vector<std::string>{"Imported the answers of Ministry of Justice (justice.focalc)"});
  EXPECT_EQ(descriptions(*ws, id, "q_7"),
            std::vector<std::string>{"Imported the answers of Ministry of Justice (justice.focalc)"});
}

TEST_F(DocumentDescriptionTest, AnInnerBatchMayDescribeItsOwnPart) {
  {
    auto batch = document->batch();
    {
      auto one = document->batch("Took the answer of the TIP reply");
      document->apply({{"q_1", "no"}});
    }
    {
      auto other = document->batch("Took the answer of the SOM reply");
      document->apply({{"q_3", "9"}});
    }
    document->apply({{"q_2", "Typed in between."}});
  }
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{"Took the answer of the TIP reply"});
  EXPECT_EQ(descriptions(*ws, id, "q_3"), std::vector<std::string>{"Took the answer of the SOM reply"});
  EXPECT_EQ(descriptions(*ws, id, "q_2"), std::vector<std::string>{""});
  // One undo step for the three.
  document->undo();
  EXPECT_TRUE(ws->answers(id).empty());
}

TEST_F(DocumentDescriptionTest, AWriteThatWaitsKeepsItsDescription) {
  auto& db = ws->database();
  db.exec("PRAGMA max_page_count = " + std::to_string(db.queryInteger("PRAGMA page_count")));
  {
    auto batch = document->batch("Filled from big.csv");
    document->apply({{"q_2", std::string(20000, 'x')}});
  }
  ASSERT_FALSE(document->isSaved());
  const auto pending = document->pendingChanges();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].description, "Filled from big.csv");
  document->answer("q_1", "no");  // typing meanwhile: a change set of its own
  EXPECT_EQ(document->pendingChanges().size(), 2u);
  db.exec("PRAGMA max_page_count = 1073741823");
  ASSERT_TRUE(document->retry());
  EXPECT_EQ(descriptions(*ws, id, "q_2"), std::vector<std::string>{"Filled from big.csv"});
  EXPECT_EQ(descriptions(*ws, id, "q_1"), std::vector<std::string>{""});
}

TEST_F(DocumentDescriptionTest, FillSaysWhichFileTheValuesCameFrom) {
  TempDir dir;
  test::writeFile(dir.file("answers.csv"),
                  "question_id,value\nq_1,no\nq_2,From the file.\nq_7[1]/q_7_partner,FRA\n");
  const AnswerFile file = readAnswerFile(dir.file("answers.csv"), document->questionnaire());
  const ImportResult result = importAnswers(*document, file);
  EXPECT_EQ(result.saved, 3u);  // q_1, q_2 and the partner
  EXPECT_EQ(result.recordsAdded, 1u);
  for (const char* question : {"q_1", "q_2", "q_7"})
    for (const auto& entry : ws->history(id, question))
      EXPECT_EQ(entry.description, "Filled from answers.csv") << entry.path;
  EXPECT_EQ(ws->history(id, "q_7").size(), 2u);  // the record and its partner
}

#ifdef FOCAL_CLI
// focal-cli fill, new --from and history, as a focal point runs them.
TEST(ChangeDescriptionCli, HistoryPrintsWhatEachChangeWas) {
  TempDir dir;
  auto cli = [&](const std::string& args) { return test::runCli(dir, args); };
  test::writeFile(dir.file("v1.yaml"), test::storeYaml("up", "1", R"(  - id: s
    title: S
    questions:
      - {id: q_1, type: yes_no, label: Gate}
      - {id: q_2, type: text, label: Words}
)"));
  test::writeFile(dir.file("next.yaml"), test::storeYaml("next", "1", R"(  - id: s
    title: S
    questions:
      - {id: n_1, type: yes_no, label: Gate again, carry_forward_from: q_1}
      - {id: n_2, type: integer, label: Count, default: 3}
)",
                                                         "previous_cycle: up\n"));
  ASSERT_EQ(cli("new old.focal --questionnaire v1.yaml --state NGA").code, 0);
  test::writeFile(dir.file("answers.csv"), "question_id,value\nq_1,yes\nq_2,From the file\n");
  ASSERT_EQ(cli("fill old.focal --answers answers.csv").code, 0);
  test::CliRun r = cli("history old.focal q_2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ana  q_2  = From the file  (Filled from answers.csv)"), std::string::npos) << r.out;

  r = cli("new new.focal --questionnaire next.yaml --state NGA --from old.focal");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("history new.focal n_1");
  EXPECT_NE(r.out.find("n_1  = yes  (Carried forward from up version 1)"), std::string::npos) << r.out;
  r = cli("history new.focal n_2");
  EXPECT_NE(r.out.find("n_2  = 3  (Default value given by the questionnaire)"), std::string::npos) << r.out;
  // Typing has no description, and history prints none.
  auto ws = Workspace::open(dir.file("new.focal"), testOptions("ana"));
  ws->write(1, {{"n_2", "4"}});
  ws.reset();
  r = cli("history new.focal n_2");
  EXPECT_NE(r.out.find("n_2  = 4\n"), std::string::npos) << r.out;
}
#endif

}  // namespace
}  // namespace focal
