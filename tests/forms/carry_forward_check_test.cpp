// Carry-forward between cycles, checked when the new questionnaire is
// validated: every value of the old choice list must exist in the new one
// or be mapped (carry_forward_map); the previous cycle's file is the one
// named (validate --previous) or the one beside; when neither is found a
// warning says the ids were not checked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace focal {
namespace {

namespace fs = std::filesystem;

const char* kPrevious =
    "focal: 1\nid: prev\ntitle: P\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: [en]\n"
    "sections:\n  - id: s\n    title: S\n    questions:\n"
    "      - id: p1\n"
    "        type: single_choice\n"
    "        label: Scope\n"
    "        choices:\n"
    "          - {value: national, label: National}\n"
    "          - {value: mixed, label: Mixed}\n"
    "      - {id: p2, type: yes_no, label: Gate}\n";

// Lines 1-12 are the header; the questions start on line 13.
std::string next(const std::string& questions) {
  return "focal: 1\nid: next\ntitle: N\ninstrument: tip\ncycle: 2\nversion: '1'\nlanguages: [en]\n"
         "previous_cycle: prev\nsections:\n  - id: s\n    title: S\n    questions:\n" +
         questions;
}

const std::string kScope =
    "      - id: n1\n"                  // 13
    "        type: single_choice\n"     // 14
    "        label: Scope\n"            // 15
    "        carry_forward_from: p1\n"  // 16
    "        choices:\n"                // 17
    "          - {value: national, label: National}\n"
    "          - {value: both, label: Both}\n";  // 19

class CarryForwardCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("focal-cf-check-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "elsewhere");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::vector<std::string> messages(const std::string& file, const std::string& previous = {}) {
    LoadOptions options;
    options.previousPath = previous;
    LoadResult result = loadQuestionnaireFile(file, options);
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
      std::string line = d.format();
      out.push_back(line.substr(line.rfind('/') + 1));  // without the temporary directory
    }
    return out;
  }
  fs::path dir_;
};

TEST_F(CarryForwardCheck, AnUnmappedOldValueIsAnError) {
  write("prev.yaml", kPrevious);
  const std::string file = write("next.yaml", next(kScope));
  EXPECT_THAT(messages(file),
              ::testing::ElementsAre("next.yaml:16:29: error: 'n1' carries forward 'p1' of prev, whose value "
                                     "'mixed' is not a value of 'n1' (national, both); map it, as in "
                                     "carry_forward_map: {mixed: both}"));
}

TEST_F(CarryForwardCheck, AMappedValuePassesAndIsCarriedUnderItsNewName) {
  write("prev.yaml", kPrevious);
  const std::string file = write("next.yaml", next(kScope + "        carry_forward_map: {mixed: both}\n"));
  EXPECT_THAT(messages(file), ::testing::IsEmpty());
  auto previous = loadQuestionnaireFile((dir_ / "prev.yaml").string()).questionnaire;
  auto nextQ = loadQuestionnaireFile(file).questionnaire;
  ASSERT_TRUE(previous && nextQ);
  CarryForward carried = carryForward(*nextQ, *previous, {{"p1", "mixed"}});
  EXPECT_EQ(carried.answers.at("n1"), "both");
}

TEST_F(CarryForwardCheck, MapKeysAndValuesAreChecked) {
  write("prev.yaml", kPrevious);
  const std::string file =
      write("next.yaml", next(kScope + "        carry_forward_map: {mixd: both, mixed: bth}\n"));
  // Line 20: "        carry_forward_map: {mixd: both, mixed: bth}"
  EXPECT_THAT(
      messages(file),
      ::testing::ElementsAre(
          "next.yaml:16:29: error: 'n1' carries forward 'p1' of prev, whose value 'mixed' is not a value "
          "of 'n1' (national, both); map it, as in carry_forward_map: {mixed: both}",
          "next.yaml:20:29: error: 'carry_forward_map' maps 'mixd', which is not a value of 'p1' in prev; "
          "did you mean 'mixed'?",
          "next.yaml:20:48: error: 'carry_forward_map' maps 'mixed' to 'bth', which is not a value of "
          "'n1'; did you mean 'both'?"));
}

TEST_F(CarryForwardCheck, PreviousNamesAFileElsewhere) {
  write("elsewhere/cycle-one.yaml", kPrevious);
  const std::string file =
      write("next.yaml", next("      - {id: n2, type: yes_no, label: G, carry_forward_from: pp2}\n"));
  EXPECT_THAT(
      messages(file, (dir_ / "elsewhere" / "cycle-one.yaml").string()),
      ::testing::ElementsAre(
          "next.yaml:13:62: error: 'carry_forward_from: pp2' names no question of prev; did you mean 'p2'?"));
}

TEST_F(CarryForwardCheck, PreviousMustBeThePreviousCycle) {
  const std::string other = write("elsewhere/other.yaml", next("      - {id: x, type: text, label: X}\n"));
  const std::string file =
      write("next.yaml", next("      - {id: n2, type: yes_no, label: G, carry_forward_from: p2}\n"));
  LoadOptions options;
  options.previousPath = other;
  LoadResult result = loadQuestionnaireFile(file, options);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_THAT(result.diagnostics[0].format(),
              ::testing::StrEq(file + ":8:17: error: " + other +
                               " is the questionnaire 'next', but 'previous_cycle' is 'prev'; name the right "
                               "file or correct 'previous_cycle'"));
}

TEST_F(CarryForwardCheck, NoPreviousFileIsAWarning) {
  const std::string file =
      write("next.yaml", next("      - {id: n2, type: yes_no, label: G, carry_forward_from: p2}\n"));
  LoadResult result = loadQuestionnaireFile(file);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].severity, Diagnostic::Severity::Warning);
  EXPECT_EQ(result.diagnostics[0].format(),
            file +
                ":8:17: warning: carry-forward ids were not checked: the previous cycle's questionnaire "
                "'prev' was not found as " +
                (dir_ / "prev.yaml").string() + "; name it with focal-cli validate --previous FILE");
  EXPECT_TRUE(result.ok());
}

// The same through focal-cli validate: --previous names the file, and the
// warning without it becomes an error under --strict.
TEST_F(CarryForwardCheck, ValidateTakesPrevious) {
  write("elsewhere/cycle-one.yaml", kPrevious);
  write("next.yaml", next(kScope));
  const auto run = [&](const std::string& args, std::string& err) {
    const std::string errFile = (dir_ / "err.txt").string();
    const std::string command =
        "cd '" + dir_.string() + "' && '" FOCAL_CLI "' validate " + args + " >/dev/null 2>'" + errFile + "'";
    const int status = std::system(command.c_str());
    std::ifstream in(errFile);
    err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  std::string err;
  EXPECT_EQ(run("next.yaml --previous elsewhere/cycle-one.yaml", err), 1);
  EXPECT_THAT(err,
              ::testing::HasSubstr("next.yaml:16:29: error: 'n1' carries forward 'p1' of prev, whose value "
                                   "'mixed' is not a value of 'n1' (national, both); map it, as in "
                                   "carry_forward_map: {mixed: both}\n"));
  EXPECT_EQ(run("next.yaml", err), 0);
  EXPECT_THAT(
      err, ::testing::HasSubstr("next.yaml:8:17: warning: carry-forward ids were not checked: the previous "
                                "cycle's questionnaire 'prev' was not found as prev.yaml; name it with "
                                "focal-cli validate --previous FILE\n"));
  EXPECT_EQ(run("--strict next.yaml", err), 1);
  EXPECT_THAT(err, ::testing::HasSubstr("next.yaml:8:17: error: carry-forward ids were not checked"));
}

TEST(CarryForwardMap, NeedsCarryForwardFromAndAChoiceQuestion) {
  LoadResult result = loadQuestionnaireText(
      next("      - {id: a, type: yes_no, label: A, carry_forward_map: {oui: yes}}\n"
           "      - {id: b, type: text, label: B, carry_forward_from: p1, carry_forward_map: {x: y}}\n"),
      "q.yaml");
  std::vector<std::string> errors;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) errors.push_back(d.format());
  EXPECT_THAT(errors,
              ::testing::ElementsAre("q.yaml:13:60: error: 'carry_forward_map' needs 'carry_forward_from' on "
                                     "the same question; add it or remove the map",
                                     "q.yaml:14:82: error: 'carry_forward_map' maps choice values, but 'b' "
                                     "is a text question; remove the map"));
}

}  // namespace
}  // namespace focal
