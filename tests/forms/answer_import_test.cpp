// Answers files for focal-cli fill: CSV (RFC 4180) and JSON, validated as
// the app validates typing, with rejected rows listed and nothing else lost.
#include "forms/answer_import.h"

#include <gtest/gtest.h>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;

TEST(AnswerCsv, ReadsQuotedValuesAsRfc4180) {
  const std::string text =
      "\xEF\xBB\xBFquestion_id,value\r\n"
      "q_1,no\r\n"
      "q_2,\"Training, and \"\"drafting\"\"\r\non two lines\"\r\n"
      "\r\n"
      " q_3 ,42\n"
      "q_5/title,\"\"\n"
      "q_4,labour sexual";
  AnswerFile file = parseAnswersCsv(text, "a.csv");
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.rows.size(), 5u);
  EXPECT_EQ(file.rows[0].where, "row 2");
  EXPECT_EQ(file.rows[1].value, "Training, and \"drafting\"\r\non two lines");
  EXPECT_EQ(file.rows[1].where, "row 3");
  EXPECT_EQ(file.rows[2].path, "q_3");
  EXPECT_EQ(file.rows[2].where, "row 6");  // lines are counted inside quoted values
  EXPECT_EQ(file.rows[3].value, "");
  EXPECT_EQ(file.rows[4].value, "labour sexual");
}

TEST(AnswerCsv, ListsTheRowsItCannotRead) {
  const std::string text =
      "question_id,value\n"
      "q_1,yes,extra\n"
      "q_2,a \"quoted\" word\n"
      "q_3,\"closed\" then more\n"
      "q_4,\xff\xfe\n"
      "q_5/title,\"never closed\n";
  AnswerFile file = parseAnswersCsv(text, "a.csv");
  EXPECT_TRUE(file.rows.empty());
  ASSERT_EQ(file.problems.size(), 5u);
  EXPECT_EQ(file.problems[0].where, "row 2");
  EXPECT_NE(file.problems[0].message.find("has 3 values"), std::string::npos);
  EXPECT_NE(file.problems[1].message.find("double quote"), std::string::npos);
  EXPECT_NE(file.problems[2].message.find("double quote"), std::string::npos);
  EXPECT_NE(file.problems[3].message.find("UTF-8"), std::string::npos);
  EXPECT_NE(file.problems[4].message.find("not closed"), std::string::npos);
}

TEST(AnswerCsv, NeedsItsHeader) {
  EXPECT_THROW(parseAnswersCsv("q_1,yes\n", "a.csv"), WorkspaceError);
  EXPECT_THROW(parseAnswersCsv("", "a.csv"), WorkspaceError);
  try {
    parseAnswersCsv("id;value\n", "a.csv");
  } catch (const WorkspaceError& e) {
    EXPECT_NE(std::string(e.what()).find("question_id,value"), std::string::npos);
  }
}

TEST(AnswerJson, FlattensEveryKindOfValue) {
  const auto& q = *test::storeQuestionnaire();
  AnswerFile file = parseAnswersJson(R"({
    "q_1": false,
    "q_3": 42,
    "q_4": ["labour", "other"],
    "q_4/other": "debt bondage",
    "q_5": {"title": "Penal Code", "date": "2003-03-18"},
    "q_6": {"y2022": {"women": 12, "men": 3.5}},
    "q_7": [{"q_7_partner": "FRA", "q_7_title": "Agreement"}, {"q_7_partner": "ITA"}],
    "q_2@status": "not_available",
    "q_2@comment": null
  })",
                                     "a.json", q);
  EXPECT_TRUE(file.problems.empty()) << file.problems.front().message;
  std::map<std::string, std::string> rows;
  for (const auto& row : file.rows) rows[row.path] = row.value;
  const std::map<std::string, std::string> expected = {
      {"q_1", "no"},
      {"q_3", "42"},
      {"q_4", "labour other"},
      {"q_4/other", "debt bondage"},
      {"q_5/title", "Penal Code"},
      {"q_5/date", "2003-03-18"},
      {"q_6/y2022/women", "12"},
      {"q_6/y2022/men", "3.5"},
      {"q_7[1]/q_7_partner", "FRA"},
      {"q_7[1]/q_7_title", "Agreement"},
      {"q_7[2]/q_7_partner", "ITA"},
      {"q_2@status", "not_available"},
      {"q_2@comment", ""},
  };
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(file.rows.front().path, "q_1");  // in the order of the file
  EXPECT_EQ(file.rows.back().path, "q_2@comment");
  EXPECT_TRUE(file.rows.back().isNull);
}

// Found by answers_fuzz (tests/fuzz/corpus/answers/regression_number_overflow).
TEST(AnswerJson, RefusesANumberTooLargeWithAReason) {
  try {
    parseAnswersJson("{\"q_3\": 1e561}", "a.json", *test::storeQuestionnaire());
    FAIL() << "accepted";
  } catch (const WorkspaceError& e) {
    EXPECT_EQ(e.kind(), WorkspaceError::Kind::Refused);
    EXPECT_NE(std::string(e.what()).find("a.json: a value cannot be read"), std::string::npos) << e.what();
  }
}

TEST(AnswerJson, RefusesWhatIsNotAnObjectOfAnswers) {
  const auto& q = *test::storeQuestionnaire();
  try {
    parseAnswersJson("{\n  \"q_1\": \"yes\",\n  \"q_2\": \n}", "a.json", q);
    ADD_FAILURE();
  } catch (const WorkspaceError& e) {
    EXPECT_NE(std::string(e.what()).find("a.json:4"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parseAnswersJson("[1, 2]", "a.json", q), WorkspaceError);
  AnswerFile file =
      parseAnswersJson(R"({"q_3": true, "q_7": "FRA", "q_4": [1], "q_1": {"x": 1}})", "a.json", q);
  EXPECT_EQ(file.problems.size(), 4u);
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws = Workspace::create(":memory:", test::testOptions());
    id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en");
    document = std::make_unique<ResponseDocument>(*ws, id);
  }
  ImportResult importCsv(const std::string& body) {
    return importAnswers(*document, parseAnswersCsv("question_id,value\n" + body, "a.csv"));
  }
  std::unique_ptr<Workspace> ws;
  ResponseId id = 0;
  std::unique_ptr<ResponseDocument> document;
};

TEST_F(ImportTest, StoresWhatFitsAndListsWhatDoesNot) {
  ImportResult r = importCsv(
      "q_1,no\n"
      "q_2,Because the law is older than the Protocol.\n"
      "q_3,abc\n"
      "q_4,labour forced\n"
      "q_33,7\n"
      "q_7,r1 r2\n"
      "q_7_partner,FRA\n"
      "q_1@carried,pending\n"
      "not a path,1\n"
      "q_6/y2022/women,12\n"
      "q_6/y2024/women,12\n");
  EXPECT_EQ(r.saved, 3u);
  ASSERT_EQ(r.rejected.size(), 8u);
  std::map<std::string, std::string> why;
  for (const auto& p : r.rejected) why[p.where] = p.message;
  EXPECT_NE(why["row 4"].find("whole number"), std::string::npos) << why["row 4"];
  EXPECT_NE(why["row 5"].find("'forced' is not one of the choices"), std::string::npos) << why["row 5"];
  EXPECT_NE(why["row 6"].find("did you mean 'q_3'"), std::string::npos) << why["row 6"];
  EXPECT_NE(why["row 7"].find("q_7[1]/QUESTION_ID"), std::string::npos) << why["row 7"];
  EXPECT_NE(why["row 8"].find("q_7[1]/q_7_partner"), std::string::npos) << why["row 8"];
  EXPECT_NE(why["row 9"].find("@carried"), std::string::npos) << why["row 9"];
  EXPECT_NE(why["row 10"].find("not an answer path"), std::string::npos) << why["row 10"];
  EXPECT_NE(why["row 12"].find("no cell"), std::string::npos) << why["row 12"];
  EXPECT_EQ(
      ws->answers(id),
      (std::map<std::string, std::string>{
          {"q_1", "no"}, {"q_2", "Because the law is older than the Protocol."}, {"q_6/y2022/women", "12"}}));
}

// Found by answers_fuzz (tests/fuzz/corpus/answers/regression_record_of_no_list):
// a question outside any list written as a record of one, of a list that
// does not exist or of one that does, reached code that expects a list.
TEST_F(ImportTest, RefusesARecordPathForAQuestionOutsideAnyList) {
  ImportResult r = importCsv("qW9[1]/q_2,Shelters\nq_7[1]/q_1,no\nq_1,yes\n");
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_NE(r.rejected[0].message.find("q_2 is not asked in a list of records"), std::string::npos)
      << r.rejected[0].message;
  EXPECT_NE(r.rejected[1].message.find("write q_1 alone"), std::string::npos) << r.rejected[1].message;
  EXPECT_EQ(ws->answers(id), (std::map<std::string, std::string>{{"q_1", "yes"}}));
}

TEST_F(ImportTest, JudgesFollowUpsOnceTheirGatingAnswerIsIn) {
  // The follow-up comes before the answer that makes it apply.
  ImportResult r = importCsv("q_2,Explained first\nq_1,no\n");
  EXPECT_EQ(r.saved, 2u);
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front().message;
  // A follow-up that does not apply is stored, with a warning.
  r = importCsv("q_1,yes\n");
  r = importCsv("q_2,Explained again\n");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("does not apply"), std::string::npos);
  EXPECT_EQ(ws->answers(id).at("q_2"), "Explained again");
}

TEST_F(ImportTest, WarnsAboutStoredAnswersTheQuestionnaireFlags) {
  ImportResult r = importCsv("q_4,labour other\n");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("other answer"), std::string::npos) << r.warnings[0].message;
  EXPECT_EQ(ws->answers(id).at("q_4"), "labour other");
}

TEST_F(ImportTest, AddsRecordsOnceEvenWhenRunTwice) {
  const std::string body =
      "q_7[1]/q_7_partner,FRA\n"
      "q_7[2]/q_7_partner,ITA\n"
      "q_7[1]/q_7_title,Agreement on cooperation\n";
  ImportResult r = importCsv(body);
  EXPECT_EQ(r.recordsAdded, 2u);
  EXPECT_EQ(r.saved, 3u);
  auto keys = document->session().records("q_7");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(document->session().value("q_7[" + keys[0] + "]/q_7_title"), "Agreement on cooperation");
  EXPECT_EQ(document->session().value("q_7[" + keys[1] + "]/q_7_partner"), "ITA");
  r = importCsv(body);
  EXPECT_EQ(r.recordsAdded, 0u);
  EXPECT_EQ(r.recordsAlreadyPresent, 2u);
  EXPECT_EQ(document->session().records("q_7").size(), 2u);
  // The list holds at most 3 records: the fourth is refused, the third kept.
  r = importCsv("q_7[1]/q_7_partner,BEN\nq_7[2]/q_7_partner,TGO\n");
  EXPECT_EQ(r.recordsAdded, 1u);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_NE(r.rejected[0].message.find("the most it may have"), std::string::npos);
  // An existing record is addressed by its key.
  r = importCsv("q_7[" + keys[1] + "]/q_7_title,Memorandum\n");
  EXPECT_EQ(r.saved, 1u);
  EXPECT_EQ(document->session().value("q_7[" + keys[1] + "]/q_7_title"), "Memorandum");
}

// #18 point 9: a file writing one answer a million times said "1000000
// answers saved"; the count is of answers stored, not of rows.
TEST_F(ImportTest, CountsAnswersSavedNotRows) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "q_3," + std::to_string(i % 100) + "\n";
  body += "q_1,no\n";
  ImportResult r = importCsv(body);
  EXPECT_EQ(r.saved, 2u);
  EXPECT_EQ(r.unchanged, 0u);
  EXPECT_EQ(ws->answers(id).at("q_3"), "99");
  r = importCsv("q_3,5\nq_3,99\nq_1,no\n");  // ends where it began: nothing saved
  EXPECT_EQ(r.saved, 0u);
  EXPECT_EQ(r.unchanged, 2u);
}

TEST_F(ImportTest, EmptyValuesNeverEraseAnswers) {
  document->answer("q_2", "Typed in the app");
  ImportResult r = importCsv("q_2,\nq_3,5\n");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(ws->answers(id).at("q_2"), "Typed in the app");
}

TEST_F(ImportTest, IsOneUndoStep) {
  importCsv("q_1,no\nq_2,Because.\nq_7[1]/q_7_partner,FRA\n");
  EXPECT_EQ(ws->answers(id).size(), 4u);
  document->undo();
  EXPECT_TRUE(ws->answers(id).empty());
}

TEST_F(ImportTest, AttachesFilesNamedInTheFile) {
  TempDir dir;
  test::writeFile(dir.file("law.txt"), "Article 1.");
  test::writeFile(dir.file("answers.json"), R"({"q_8": "law.txt", "q_1": "yes"})");
  AnswerFile file = readAnswerFile(dir.file("answers.json"), document->questionnaire());
  ImportResult r = importAnswers(*document, file);
  EXPECT_TRUE(r.rejected.empty()) << r.rejected.front().message;
  EXPECT_EQ(ws->answers(id).at("q_8"), "law.txt");
  auto attachment = ws->attachment(id, "q_8");
  ASSERT_TRUE(attachment);
  EXPECT_EQ(attachment->info.type, "text/plain");
  test::writeFile(dir.file("answers.csv"), "question_id,value\nq_8,missing.pdf\n");
  r = importAnswers(*document, readAnswerFile(dir.file("answers.csv"), document->questionnaire()));
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_NE(r.rejected[0].message.find("missing.pdf was not found"), std::string::npos);
}

}  // namespace
}  // namespace focal
