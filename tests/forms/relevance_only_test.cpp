// ResponseSession::loadRelevance, the evaluation of relevance alone that the
// secretariat's merge and analysis use for each reply: the same relevant
// questions, records and sections as a full load(), on a questionnaire whose
// relevance reads calculations (chained, inside records, summed across them)
// and section relevance; the calculations no relevance reads are skipped,
// and a write afterwards evaluates everything again.
#include <gtest/gtest.h>

#include <random>

#include "tests/forms/scenario.h"

namespace focal {
namespace {

using test::questionnaireYaml;

const std::string kYaml = questionnaireYaml(
    "  - id: s1\n    title: One\n    questions:\n"
    "      - {id: gate, type: yes_no, label: Gate}\n"
    "      - {id: a, type: integer, label: A}\n"
    "      - {id: b, type: integer, label: B}\n"
    "      - {id: c1, type: calculate, label: C1, calculation: '${a} + ${b}'}\n"
    "      - {id: c2, type: calculate, label: C2, calculation: '${c1} * 2', relevant: \"${gate} = 'yes'\"}\n"
    "      - {id: big, type: text, label: Big, relevant: '${c2} > 10'}\n"
    "      - {id: unread, type: calculate, label: U, calculation: '${a} * 3'}\n"
    "      - id: agreements\n        type: repeat\n        label: Agreements\n        questions:\n"
    "          - {id: signed, type: yes_no, label: Signed}\n"
    "          - {id: staff, type: integer, label: Staff}\n"
    "          - {id: staff2, type: calculate, label: S2, calculation: '${staff} * 2'}\n"
    "          - {id: detail, type: text, label: Detail, relevant: '${staff2} > 4'}\n"
    "          - {id: year, type: year, label: Year, relevant: \"${signed} = 'yes'\"}\n"
    "      - {id: total_staff, type: calculate, label: T, calculation: 'sum(${staff2})'}\n"
    "      - {id: many, type: text, label: Many, relevant: '${total_staff} > 10'}\n"
    "      - {id: n, type: calculate, label: N, calculation: 'count(${agreements})'}\n"
    "  - id: s2\n    title: Two\n    relevant: '${n} >= 2'\n    questions:\n"
    "      - {id: x, type: text, label: X}\n"
    "      - {id: y, type: text, label: Y, relevant: \"${big} != ''\"}\n");

std::map<std::string, std::string> randomAnswers(std::mt19937& random) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::map<std::string, std::string> answers;
  if (const int g = pick(3); g > 0) answers["gate"] = g == 1 ? "yes" : "no";
  if (pick(4) > 0) answers["a"] = std::to_string(pick(8));
  if (pick(4) > 0) answers["b"] = std::to_string(pick(8));
  if (pick(2) > 0) answers["big"] = "answered";
  if (pick(2) > 0) answers["x"] = "x";
  if (pick(2) > 0) answers["y"] = "y";
  if (pick(2) > 0) answers["many"] = "m";
  std::string keys;
  for (int r = pick(4); r > 0; --r) {
    const std::string key = "r" + std::to_string(r);
    keys += (keys.empty() ? "" : " ") + key;
    if (pick(3) > 0) answers["agreements[" + key + "]/signed"] = pick(2) ? "yes" : "no";
    if (pick(4) > 0) answers["agreements[" + key + "]/staff"] = std::to_string(pick(6));
    if (pick(2) > 0) answers["agreements[" + key + "]/detail"] = "d";
  }
  if (!keys.empty()) answers["agreements"] = keys;
  return answers;
}

// Every top-level question, every record's question and every section, relevant or not.
std::vector<std::string> relevantSet(const ResponseSession& s) {
  const Questionnaire& q = s.questionnaire();
  std::vector<std::string> out;
  for (const auto& question : q.questions) {
    if (question.repeat >= 0) continue;
    if (s.isRelevant(question.id)) out.push_back(question.id);
    if (question.type != QuestionType::Repeat) continue;
    for (const auto& key : s.records(question.id))
      for (int child : question.children) {
        const std::string path = question.id + "[" + key + "]/" + q.questions[child].id;
        if (s.isRelevant(path)) out.push_back(path);
      }
  }
  for (int section = 0; section < static_cast<int>(q.sections.size()); ++section)
    if (s.isSectionRelevant(section)) out.push_back("section " + q.sections[section].id);
  return out;
}

TEST(RelevanceOnly, GivesTheRelevantSetOfAFullLoad) {
  const auto questionnaire = test::loadValid(kYaml);
  ASSERT_TRUE(questionnaire);
  ResponseSession full(questionnaire), relevanceOnly(questionnaire);
  std::mt19937 random(17);
  std::map<std::string, int> seen;  // how often each path was relevant, to show both outcomes occur
  for (int sample = 0; sample < 400; ++sample) {
    const auto answers = randomAnswers(random);
    full.load(answers);
    relevanceOnly.loadRelevance(answers);  // one session reused, as the merge and the analysis do
    const auto expected = relevantSet(full);
    ASSERT_EQ(relevantSet(relevanceOnly), expected) << "sample " << sample;
    for (const auto& path : expected) ++seen[path];
  }
  // Each relevance that reads a calculation was both true and false across the samples.
  for (const char* path : {"big", "many", "y", "section s2", "c2"}) {
    EXPECT_GT(seen[path], 0) << path;
    EXPECT_LT(seen[path], 400) << path;
  }
  EXPECT_GT(seen["agreements[r1]/detail"], 0);
  EXPECT_GT(seen["agreements[r2]/year"], 0);
}

TEST(RelevanceOnly, SkipsWhatRelevanceDoesNotReadUntilAWrite) {
  test::Scenario s(kYaml);
  s.session().loadRelevance({{"gate", "yes"},
                             {"a", "4"},
                             {"b", "3"},
                             {"agreements", "k1 k2"},
                             {"agreements[k1]/staff", "4"},
                             {"big", "text"}});
  EXPECT_EQ(s.calculated("c2"), "14");  // read by big's relevance, through c1
  EXPECT_EQ(s.calculated("agreements[k1]/staff2"), "8");
  EXPECT_TRUE(s.isRelevant("big"));
  EXPECT_TRUE(s.isRelevant("y"));
  EXPECT_TRUE(s.session().isSectionRelevant(1));
  EXPECT_EQ(s.calculated("unread"), "") << "no relevance reads it";
  EXPECT_FALSE(s.isAnswered("big")) << "answered states are not evaluated";
  // A write evaluates everything, as load() would have.
  EXPECT_TRUE(s.answer("x", "now").ok());
  EXPECT_EQ(s.calculated("unread"), "12");
  EXPECT_TRUE(s.isAnswered("big"));
  EXPECT_TRUE(s.isAnswered("x"));
  EXPECT_EQ(s.session().progress().answered, 6);  // gate, a, b, agreements, big, x
}

}  // namespace
}  // namespace focal
