// Attack: text a report cannot carry (NUL, control characters, overlong or
// surrogate UTF-8, code points above U+10FFFF) given through fill, the app,
// carry-forward or an upgrade. One rule (forms/answer_text.h) refuses it
// where answers are written, with the row, the question and what to do.
#include "forms/answer_text.h"

#include <gtest/gtest.h>

#include "forms/answer_import.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;

TEST(TextRule, RefusesEveryKindOfTextAReportCannotCarry) {
  EXPECT_EQ(textRuleProblem("plain, tab\there, é, 中文, 😀", false), "");
  EXPECT_EQ(textRuleProblem("two\nlines and\r\nWindows ones", true), "");
  const std::pair<std::string, const char*> bad[] = {
      {std::string("ab\0cd", 5), "NUL character (character 3)"},
      {"colour \x1b[31mred", "control character U+001B (character 8)"},
      {"bell\a", "control character U+0007"},
      {"lone\rreturn", "control character U+000D"},
      {"\xC0\xAF", "not valid UTF-8"},              // overlong '/'
      {"\xED\xA0\x80", "not valid UTF-8"},          // surrogate U+D800
      {"\xF4\x90\x80\x80", "not valid UTF-8"},      // U+110000
      {"\xF8\x88\x80\x80\x80", "not valid UTF-8"},  // five bytes
      {"cut \xE2\x82", "not valid UTF-8"},
  };
  for (const auto& [text, expected] : bad) {
    const std::string problem = textRuleProblem(text, true);
    EXPECT_NE(problem.find(expected), std::string::npos) << problem;
  }
  EXPECT_NE(textRuleProblem("one\nline", false).find("line break"), std::string::npos);
}

TEST(TextRule, AllowsLineBreaksOnlyInLongTexts) {
  auto q = test::storeQuestionnaire();
  EXPECT_EQ(checkAnswerText(*q, "q_2", "first\nsecond"), "");          // long_text
  EXPECT_EQ(checkAnswerText(*q, "q_3@comment", "first\nsecond"), "");  // comments
  EXPECT_EQ(checkAnswerText(*q, "q_5/excerpt", "first\nsecond"), "");  // citation excerpts
  EXPECT_NE(checkAnswerText(*q, "q_5/title", "first\nsecond"), "");
  EXPECT_NE(checkAnswerText(*q, "q_7[a1]/q_7_title", "first\nsecond"), "");
  EXPECT_NE(checkAnswerText(*q, "q_4/other", "first\nsecond"), "");
}

class TextRuleStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ws = Workspace::create(":memory:", test::testOptions());
    id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en");
    document = std::make_unique<ResponseDocument>(*ws, id);
  }
  std::unique_ptr<Workspace> ws;
  ResponseId id = 0;
  std::unique_ptr<ResponseDocument> document;
};

TEST_F(TextRuleStore, FillRefusesJsonNulWithItsQuestion) {
  ImportResult r = importAnswers(
      *document, parseAnswersJson(R"({"q_1": "no", "q_2": "ab\u0000cd", "q_5": {"title": "Code\u001b[2J"}})",
                                  "a.json", document->questionnaire()));
  EXPECT_EQ(r.saved, 1u);
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_EQ(r.rejected[0].where, "\"q_2\"");
  EXPECT_EQ(r.rejected[0].path, "q_2");
  EXPECT_NE(r.rejected[0].message.find("NUL character"), std::string::npos) << r.rejected[0].message;
  EXPECT_NE(r.rejected[0].message.find("Remove it"), std::string::npos) << r.rejected[0].message;
  EXPECT_EQ(r.rejected[1].path, "q_5/title");
  EXPECT_NE(r.rejected[1].message.find("U+001B"), std::string::npos) << r.rejected[1].message;
  EXPECT_EQ(ws->answers(id), (std::map<std::string, std::string>{{"q_1", "no"}}));
}

TEST_F(TextRuleStore, FillRefusesCsvControlAndBadUtf8RowByRow) {
  static const char kHead[] = "question_id,value\nq_1,no\nq_2,\"a\0b\"\nq_5/title,\"x\x1fy\"\n";
  const std::string csv = std::string(kHead, sizeof kHead - 1) +
                          "q_5/article,\"\xED\xA0\x80\"\nq_7[1]/q_7_title,\"two\nlines\"\n";
  ImportResult r = importAnswers(*document, parseAnswersCsv(csv, "a.csv"));
  std::map<std::string, std::string> why;
  for (const auto& p : r.rejected) why[p.where + " " + p.path] = p.message;
  EXPECT_NE(why["row 3 q_2"].find("NUL"), std::string::npos) << testing::PrintToString(why);
  EXPECT_NE(why["row 4 q_5/title"].find("U+001F"), std::string::npos) << testing::PrintToString(why);
  EXPECT_NE(why["row 5 q_5/article"].find("UTF-8"), std::string::npos) << testing::PrintToString(why);
  EXPECT_NE(why["row 6 q_7[1]/q_7_title"].find("line break"), std::string::npos)
      << testing::PrintToString(why);
  for (const auto& [path, value] : ws->answers(id)) EXPECT_EQ(textRuleProblem(value, true), "") << path;
  EXPECT_EQ(ws->answers(id).count("q_2"), 0u);
}

TEST_F(TextRuleStore, TheAppCannotStoreANulEither) {
  Outcome o = document->answer("q_2", std::string("a\0b", 3));
  EXPECT_EQ(o.status, AnswerStatus::Refused);
  EXPECT_NE(o.message.find("NUL character"), std::string::npos) << o.message;
  EXPECT_EQ(document->session().value("q_2"), "");
  EXPECT_TRUE(document->isSaved());
  EXPECT_TRUE(ws->answers(id).empty());
  // A multi-write step (as a contribution import makes) does not let it through either.
  o = document->apply({{"q_1", "no"}, {"q_3@comment", "esc \x1b]0;owned\a"}});
  EXPECT_EQ(o.status, AnswerStatus::Refused);
  EXPECT_EQ(ws->answers(id), (std::map<std::string, std::string>{{"q_1", "no"}}));
}

TEST_F(TextRuleStore, TheStoreRefusesItAsTheLastLine) {
  std::string message;
  EXPECT_EQ(test::failureKind(
                [&] {
                  ws->write(id, {{"q_1", "no"}, {"q_2", std::string("a\0b", 3)}});
                },
                &message),
            WorkspaceError::Kind::Refused);
  EXPECT_NE(message.find("q_2"), std::string::npos) << message;
  EXPECT_TRUE(ws->answers(id).empty());  // nothing of the write was stored
  EXPECT_EQ(test::failureKind([&] {
              ws->createResponse(*test::storeQuestionnaire(), "FRA", "en", {{"q_2", "\xC0\x80"}});
            }),
            WorkspaceError::Kind::Refused);
  EXPECT_EQ(ws->responses().size(), 1u);
}

TEST_F(TextRuleStore, AnOldWorkspaceHoldingSuchTextNamesTheAnswer) {
  // Written before the rule: straight into the table.
  sql::Statement insert(ws->database(),
                        "INSERT INTO answers(response, path, value, changed_by, changed_at) VALUES (?1, "
                        "'q_2', ?2, 'old', '2026-01-01T00:00:00Z')");
  insert.bind(1, id).bind(2, std::string("ab\0cd", 5)).run();
  auto problems = answerTextProblems(*ws->questionnaire(id), ws->answers(id));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].first, "q_2");
  EXPECT_NE(problems[0].second.find("NUL"), std::string::npos);
}

TEST(TextRuleCycles, CarryForwardLeavesSuchTextBehindWithItsReason) {
  auto previous = test::storeQuestionnaire();
  auto next = test::loadStoreQuestionnaire(test::storeYaml("store-test-2", "1", R"(  - id: general
    title: General
    questions:
      - {id: q_2, type: long_text, label: Explain, carry_forward_from: q_2}
      - {id: q_5t, type: text, label: Title, carry_forward_from: q_3}
)",
                                                           "previous_cycle: store-test\n"));
  CarryForward carried =
      carryForward(*next, *previous, {{"q_2", std::string("a\0b", 3)}, {"q_3", "12"}, {"q_2@comment", "ok"}});
  EXPECT_EQ(carried.answers.count("q_2"), 0u);
  ASSERT_FALSE(carried.notCarried.empty());
  EXPECT_EQ(carried.notCarried[0].first, "q_2");
  EXPECT_NE(carried.notCarried[0].second.find("NUL"), std::string::npos);
}

TEST(TextRuleCycles, UpgradeFlagsALineBreakThatNoLongerFits) {
  TempDir dir;
  auto ws = Workspace::create(dir.file("w.focal"), test::testOptions());
  const ResponseId id = ws->createResponse(*test::storeQuestionnaire(), "NGA", "en");
  ws->write(id, {{"q_1", "no"}, {"q_2", "first\nsecond"}});
  std::string sections = test::kStoreSections;
  sections.replace(sections.find("{id: q_2, type: long_text"), 25, "{id: q_2, type: text     ");
  auto newer = test::loadStoreQuestionnaire(test::storeYaml("store-test", "2", sections));
  UpgradeReport report = ws->upgradeResponse(id, *newer);
  ASSERT_EQ(report.needsReview.size(), 1u);
  EXPECT_EQ(report.needsReview[0].first, "q_2");
  EXPECT_NE(report.needsReview[0].second.find("line break"), std::string::npos);
}

// Attack: a State code or file name holding a newline, ESC or U+202E forges
// a line of output or drives the terminal. printable() shows them as escapes.
TEST(OutputInjection, PrintableEscapesControlAndBidiCharacters) {
  EXPECT_EQ(printable("FRA"), "FRA");
  EXPECT_EQ(printable("تعتمد — 国家 é"), "تعتمد — 国家 é");
  EXPECT_EQ(printable("a\nevil.focalreport: intact"), "a\\nevil.focalreport: intact");
  EXPECT_EQ(printable("\x1b[2J\t\r\x7f"), "\\x1b[2J\\t\\r\\x7f");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("\xC2\x9B"), "\\u009b");  // C1 CSI
  EXPECT_EQ(printable("x\u202Ey\u2066z\u2069\u200E\u200F\u061C"),
            "x\\u202ey\\u2066z\\u2069\\u200e\\u200f\\u061c");
  EXPECT_EQ(printable("\u202A\u202B\u202C\u202D\u2067\u2068"), "\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068");
  EXPECT_EQ(printable("bad \xFF\xC0\xAF end"), "bad \\xff\\xc0\\xaf end");
  EXPECT_EQ(printable("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // an emoji stays
}

}  // namespace
}  // namespace focal
