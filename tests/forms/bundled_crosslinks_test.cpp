// The cross-links between the bundled questionnaires: every also_asked_in
// names a question of the same type in a bundled questionnaire, and every link
// between the Convention's questionnaires and the Protocols' is made in both
// directions, so an answer given in either is offered in the other.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "forms/questionnaire_loader.h"

namespace focal {
namespace {

namespace fs = std::filesystem;
using Bundle = std::map<std::string, std::shared_ptr<const Questionnaire>>;

Bundle loadBundle() {
  Bundle bundle;
  for (const auto& entry : fs::directory_iterator(fs::path(FOCAL_SOURCE_DIR) / "questionnaires")) {
    if (entry.path().extension() != ".yaml") continue;
    LoadResult result = loadQuestionnaireFile(entry.path().string());
    if (result.ok()) bundle[result.questionnaire->info.id] = result.questionnaire;
  }
  return bundle;
}

struct Link {
  std::string from;  // questionnaire_id:question_id
  std::string to;
};

std::vector<Link> allLinks(const Bundle& bundle) {
  std::vector<Link> links;
  for (const auto& [id, q] : bundle)
    for (const auto& question : q->questions)
      for (const auto& target : question.alsoAskedIn) links.push_back({id + ":" + question.id, target});
  return links;
}

const Question* resolve(const Bundle& bundle, const std::string& ref) {
  const auto colon = ref.find(':');
  auto it = bundle.find(ref.substr(0, colon));
  return it == bundle.end() ? nullptr : it->second->find(ref.substr(colon + 1));
}

bool isConvention(const std::string& ref) { return ref.rfind("convention-", 0) == 0; }

// Every problem with the links of `bundle`, one sentence each.
std::vector<std::string> linkProblems(const Bundle& bundle) {
  std::vector<std::string> problems;
  const auto links = allLinks(bundle);
  std::set<std::pair<std::string, std::string>> made;
  for (const auto& link : links) made.insert({link.from, link.to});
  for (const auto& link : links) {
    const Question* from = resolve(bundle, link.from);
    const Question* to = resolve(bundle, link.to);
    if (!to)
      problems.push_back(link.from + " links to " + link.to + ", which is not a bundled question");
    else if (to->type != from->type)
      problems.push_back(link.from + " links to " + link.to + ", a question of another type");
    if (isConvention(link.from) != isConvention(link.to) && !made.count({link.to, link.from}))
      problems.push_back(link.from + " links to " + link.to + " but not back");
  }
  return problems;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

TEST(BundledCrossLinks, EveryLinkResolvesAndConventionLinksGoBothWays) {
  const Bundle bundle = loadBundle();
  ASSERT_TRUE(bundle.count("convention-cycle1"));
  ASSERT_TRUE(bundle.count("convention-cycle2"));
  const auto problems = linkProblems(bundle);
  EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(BundledCrossLinks, EachConventionQuestionnaireIsLinkedToTheProtocols) {
  const Bundle bundle = loadBundle();
  std::map<std::string, int> outward, inward;
  for (const auto& link : allLinks(bundle)) {
    if (isConvention(link.from) && !isConvention(link.to))
      ++outward[link.from.substr(0, link.from.find(':'))];
    if (!isConvention(link.from) && isConvention(link.to)) ++inward[link.to.substr(0, link.to.find(':'))];
  }
  EXPECT_GE(outward["convention-cycle1"], 1);
  EXPECT_GE(inward["convention-cycle1"], 1);
  EXPECT_GE(outward["convention-cycle2"], 8)
      << "extradition, mutual legal assistance, confiscation and victims";
  EXPECT_GE(inward["convention-cycle2"], 8);
}

// The two cycle-2 Protocol questionnaires link every question they share
// (border measures, arts. 11-13, the document-verification text, and the
// focal point's contact details), in both directions.
TEST(BundledCrossLinks, TheCycleTwoProtocolsLinkEveryQuestionTheyShare) {
  const Bundle bundle = loadBundle();
  std::set<std::pair<std::string, std::string>> made;
  for (const auto& link : allLinks(bundle))
    if (link.from.rfind("tip-cycle2:", 0) == 0 && link.to.rfind("som-cycle2:", 0) == 0)
      made.insert({link.from.substr(11), link.to.substr(11)});
  const std::set<std::pair<std::string, std::string>> shared = {
      {"q_0_3", "q_0_3"},     {"q_0_4", "q_0_4"},         {"q_0_5", "q_0_5"},
      {"q_0_6", "q_0_6"},     {"bm_11_1", "bm_11_1"},     {"bm_11_1_a", "bm_11_1_a"},
      {"bm_11_2", "bm_11_2"}, {"bm_11_2_a", "bm_11_2_a"}, {"bm_11_3", "bm_11_3"},
      {"bm_11_4", "bm_11_4"}, {"bm_11_5", "bm_11_5"},     {"bm_11_5_a", "bm_11_5_a"},
      {"bm_12_1", "bm_12_1"}, {"bm_12_2", "bm_12_2"},     {"bm_12_2_a", "bm_12_2_a"},
      {"bm_13_1", "bm_13_1"}, {"bm_13_1_a", "bm_13_1_a"}, {"bm_13_2", "bm_13_2"},
      {"q_5_3", "q_4_1"},
  };
  EXPECT_EQ(made, shared);
  for (const auto& [tip, som] : shared) {
    const Question* back = resolve(bundle, "som-cycle2:" + som);
    ASSERT_TRUE(back) << som;
    EXPECT_EQ(back->alsoAskedIn, std::vector<std::string>{"tip-cycle2:" + tip}) << som;
  }
}

// The check above can fail: a link to a missing question, a link to a question
// of another type and a one-way link are each reported.
TEST(BundledCrossLinks, BrokenLinksAreReported) {
  auto load = [](const std::string& text) {
    LoadResult result = loadQuestionnaireText(text, "q.yaml");
    EXPECT_TRUE(result.ok());
    return result.questionnaire;
  };
  const std::string head =
      "focal: 1\ntitle: T\ncycle: 1\nversion: '1'\nlanguages: [en]\nsections:\n  - id: s\n";
  Bundle bundle;
  bundle["convention-cycle1"] =
      load("id: convention-cycle1\ninstrument: convention\n" + head +
           "    title: S\n    questions:\n"
           "      - {id: a, type: yes_no, label: A, also_asked_in: ['tip-cycle1:x']}\n"
           "      - {id: b, type: yes_no, label: B, also_asked_in: ['tip-cycle1:nope']}\n"
           "      - {id: c, type: text, label: C, also_asked_in: ['tip-cycle1:y']}\n");
  bundle["tip-cycle1"] =
      load("id: tip-cycle1\ninstrument: tip\n" + head +
           "    title: S\n    questions:\n"
           "      - {id: x, type: yes_no, label: X}\n"
           "      - {id: y, type: yes_no, label: Y, also_asked_in: ['convention-cycle1:c']}\n");
  const auto problems = linkProblems(bundle);
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "convention-cycle1:a links to tip-cycle1:x but not back",
                          "convention-cycle1:b links to tip-cycle1:nope, which is not a bundled question",
                          "convention-cycle1:b links to tip-cycle1:nope but not back",
                          "convention-cycle1:c links to tip-cycle1:y, a question of another type",
                          "tip-cycle1:y links to convention-cycle1:c, a question of another type",
                      }))
      << joined(problems);
}

}  // namespace
}  // namespace focal
