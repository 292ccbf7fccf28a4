// The questionnaires Focal ships: each loads with no warning in strict mode,
// and one complete path through it (every relevant question answered, as a
// focal point would) ends with no problem and 100% completion.
#include <gtest/gtest.h>

#include <filesystem>

#include "forms/answer_value.h"
#include "forms/questionnaire_loader.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> bundledFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(FOCAL_SOURCE_DIR) / "questionnaires"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Values a person could give, tried in turn until one is accepted.
std::vector<std::string> candidates(const Question& q, int turn) {
  auto numbers = [&](std::vector<double> extra) {
    std::vector<std::string> out;
    if (q.min) extra.insert(extra.begin(), *q.min);
    if (q.max) extra.push_back(*q.max);
    for (double v : extra) out.push_back(expr::toString(expr::Value(v)));
    return out;
  };
  switch (q.type) {
    case QuestionType::YesNo:
      return turn % 2 ? std::vector<std::string>{"no", "yes"} : std::vector<std::string>{"yes", "no"};
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
      std::vector<std::string> out;
      for (const auto& c : q.choices) out.push_back(c.value);
      return out;
    }
    case QuestionType::Integer:
      return numbers({12, 1, 10, 0, 100, 2024});
    case QuestionType::Decimal:
      return numbers({12.5, 1, 10, 0, 100});
    case QuestionType::Year:
      return {"2024", "2020", "2010", "2000"};
    case QuestionType::Date:
      return {"2024-01-15", "2020-06-30", "2010-01-01"};
    case QuestionType::Country:
      return {"FRA", "NGA"};
    case QuestionType::Attachment:
      return {"law.pdf"};
    default:
      return {"An example answer, as a focal point would write it.", "Example", "+41 22 917 12 34"};
  }
}

// Answers `path` (a question of `q`) with the first accepted candidate.
void answerQuestion(ResponseSession& s, const Question& q, const std::string& path, int turn) {
  if (q.type == QuestionType::Legislation) {
    s.answer(path + "/title", "Act No. 12 on trafficking in persons");
    s.answer(path + "/article", "Article 5");
    s.answer(path + "/date", "2020-01-01");
    return;
  }
  if (q.type == QuestionType::Table) {
    for (const auto& r : q.rows)
      for (const auto& c : q.columns)
        s.answer(path + "/" + r.id + "/" + c.id, q.min && *q.min > 1 ? "12" : "3");
    return;
  }
  for (const auto& value : candidates(q, turn)) {
    Outcome outcome = s.answer(path, value);
    if (outcome.ok() || outcome.status == AnswerStatus::RequiredButEmpty) break;
  }
  if (s.error(path).empty() &&
      (q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice))
    return;
  if (!s.value(path + "/other").empty() || s.error(path).empty()) return;
  s.answer(path + "/other", "Another measure");
}

// Answers every relevant, unanswered question until nothing changes.
void answerEverything(ResponseSession& s) {
  const Questionnaire& q = s.questionnaire();
  for (int pass = 0; pass < 20; ++pass) {
    bool changed = false;
    for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
      const Question& question = q.questions[i];
      if (question.repeat >= 0 || !takesAnswer(question.type) || !s.isRelevant(question.id)) continue;
      if (question.type == QuestionType::Repeat) {
        while (s.records(question.id).size() < std::max<std::size_t>(1, question.minRecords)) {
          s.apply(s.addRecordWrites(question.id));
          changed = true;
        }
        for (const auto& key : s.records(question.id))
          for (int child : question.children) {
            const Question& c = q.questions[child];
            const std::string path = question.id + "[" + key + "]/" + c.id;
            if (!takesAnswer(c.type) || !s.isRelevant(path) || s.isAnswered(path)) continue;
            answerQuestion(s, c, path, pass + child);
            changed = true;
          }
        continue;
      }
      if (s.isAnswered(question.id)) continue;
      answerQuestion(s, question, question.id, pass + i);
      changed = true;
    }
    if (!changed) break;
  }
}

class BundledQuestionnaire : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledQuestionnaire, IsValidInStrictMode) {
  LoadResult result = loadQuestionnaireFile(GetParam(), {true});
  std::string messages;
  for (const auto& d : result.diagnostics) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  EXPECT_TRUE(result.diagnostics.empty()) << messages;
}

TEST_P(BundledQuestionnaire, FollowsTheCycleConventions) {
  LoadResult result = loadQuestionnaireFile(GetParam());
  ASSERT_TRUE(result.ok());
  const Questionnaire& q = *result.questionnaire;
  EXPECT_GE(q.questions.size(), 60u);
  const Question& first = q.questions.front();
  EXPECT_EQ(first.type, QuestionType::YesNo);
  EXPECT_EQ(first.tags, std::vector<std::string>{"gating"}) << "the gating question opens the questionnaire";
  for (const char* language : {"en", "fr", "es"})
    EXPECT_NE(std::find(q.info.languages.begin(), q.info.languages.end(), language), q.info.languages.end());
  if (q.info.cycle == 2) {
    EXPECT_GE(q.questions.size(), 100u);
    // The Protocols' second cycles are in the six languages; the Convention's
    // questionnaires are complete in en, fr and es only (issue 21).
    if (q.info.instrument != Instrument::Convention) {
      EXPECT_EQ(q.info.languages.size(), 6u);
    }
    EXPECT_FALSE(q.info.previousCycle.empty());
  }
  int assistance = 0;
  for (const auto& question : q.questions)
    if (std::find(question.tags.begin(), question.tags.end(), "technical_assistance") != question.tags.end())
      ++assistance;
  EXPECT_GE(assistance, 3) << "every section asks for the technical assistance it needs";
}

TEST_P(BundledQuestionnaire, OneCompletePathReachesFullCompletion) {
  LoadResult result = loadQuestionnaireFile(GetParam());
  ASSERT_TRUE(result.ok());
  ResponseSession session(result.questionnaire);
  session.setToday("2025-06-01");
  answerEverything(session);
  std::string problems;
  for (const auto& p : session.problems()) problems += p.path + ": " + p.message + "\n";
  EXPECT_TRUE(problems.empty()) << problems;
  Progress progress = session.progress();
  EXPECT_EQ(progress.percent(), 100);
  EXPECT_TRUE(progress.complete());
}

INSTANTIATE_TEST_SUITE_P(Questionnaires, BundledQuestionnaire, ::testing::ValuesIn(bundledFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace focal
