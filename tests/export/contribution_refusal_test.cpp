// What is refused, with a message that names the file and says what to do,
// and with nothing applied: a contribution for another State, workspace,
// response or questionnaire version; an altered, unsigned or re-signed
// file; one touching sections that were not assigned.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;
using ::testing::HasSubstr;

class Refusals : public ::testing::Test {
 protected:
  void SetUp() override {
    focal_ = std::make_unique<FocalPoint>(dir_);
    focal_->request("Ministry of Justice", {"victims"}, "justice.focal");
    Agency agency(dir_, "justice.focal");
    agency.answer("q_4", "6");
    contribution_ = contributionFromRequest(agency.workspace(), "Maria Lopez");
    file_ = dir_.file("justice.focalcontrib");
    writeContributionFile(contribution_, file_, &agencyKey());
    before_ = focal_->workspace().answers(focal_->response());
  }

  // Imports `file` expecting a refusal; returns its message. Nothing may change.
  std::string refused(const std::string& file, const ImportOptions& options = {}) {
    std::string message;
    try {
      importContribution(focal_->document(), focal_->store(), file, options);
      ADD_FAILURE() << file << " was imported";
    } catch (const ContributionError& e) {
      message = e.what();
    }
    EXPECT_EQ(focal_->workspace().answers(focal_->response()), before_);
    EXPECT_THAT(focal_->store().provenanceLog(focal_->response()), ::testing::IsEmpty());
    EXPECT_THAT(message, HasSubstr(file));
    return message;
  }

  std::string rewritten(const std::string& name, const std::function<void(Contribution&)>& change,
                        const SigningKey* key = &agencyKey()) {
    Contribution c = contribution_;
    change(c);
    writeContributionFile(c, dir_.file(name), key);
    return dir_.file(name);
  }

  TempDir dir_;
  std::unique_ptr<FocalPoint> focal_;
  Contribution contribution_;
  std::string file_;
  std::map<std::string, std::string> before_;
};

TEST_F(Refusals, AnAlteredFile) {
  std::string bytes = test::readFile(file_);
  const std::string six = R"(\"value\":\"6\")";
  const auto at = bytes.find(six);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, six.size(), R"(\"value\":\"9\")");
  test::writeFile(dir_.file("altered.focalcontrib"), bytes);
  EXPECT_THAT(refused(dir_.file("altered.focalcontrib")), HasSubstr("changed after it was signed"));
}

TEST_F(Refusals, AFileThatIsNotAContribution) {
  test::writeFile(dir_.file("notes.focalcontrib"), "These are my notes.");
  EXPECT_THAT(refused(dir_.file("notes.focalcontrib")), HasSubstr("not a contribution Focal can read"));
}

TEST_F(Refusals, AnUnsignedFile) {
  EXPECT_THAT(refused(rewritten(
                  "unsigned.focalcontrib", [](Contribution&) {}, nullptr)),
              HasSubstr("not signed"));
}

TEST_F(Refusals, AnotherKeyThanTheRequestsEarlierContributions) {
  importContribution(focal_->document(), focal_->store(), file_);
  before_ = focal_->workspace().answers(focal_->response());
  const SigningKey other = SigningKey::generate();
  auto file = rewritten(
      "other.focalcontrib",
      [](Contribution& c) {
        for (auto& a : c.answers)
          if (a.path == "q_4") a.value = "8";
        c.exportedAt = "2030-01-01T00:00:00.000Z";  // a later export (an older one would be stale)
      },
      &other);
  std::string message;
  try {
    importContribution(focal_->document(), focal_->store(), file);
  } catch (const ContributionError& e) {
    message = e.what();
  }
  EXPECT_THAT(message, HasSubstr("--key " + other.fingerprint()));
  EXPECT_EQ(focal_->workspace().answers(focal_->response()), before_);
  // Accepted once the focal point confirmed the new key.
  std::string error;
  ImportOptions options;
  options.acceptKey = ExpectedKey::parse(other.fingerprint(), &error);
  ASSERT_TRUE(options.acceptKey) << error;
  importContribution(focal_->document(), focal_->store(), file, options);
  EXPECT_EQ(focal_->value("q_4"), "8");
}

TEST_F(Refusals, SectionsThatWereNotAssigned) {
  auto file = rewritten("wider.focalcontrib", [](Contribution& c) {
    c.answers.push_back({"q_8", "Police", "Maria Lopez", "2026-11-29T10:00:00.000Z"});
  });
  std::string message = refused(file);
  EXPECT_THAT(message,
              HasSubstr("q_8 is in the section \"Cooperation\" (cooperation), which is not assigned to "
                        "Ministry of Justice"));
}

TEST_F(Refusals, AnswersThatDoNotFitTheQuestionnaire) {
  auto file = rewritten("odd.focalcontrib", [](Contribution& c) {
    c.answers.push_back({"q_5/y1999/women", "3", "Maria Lopez", "2026-11-29T10:00:00.000Z"});
  });
  EXPECT_THAT(refused(file), HasSubstr("q_5/y1999/women"));
}

// Attack (#18 point 3): an agency's signed values outside the questionnaire's
// rules were applied. They get the checks a focal point's answers get, and
// every one is listed.
TEST_F(Refusals, ValuesOutsideTheQuestionnairesRules) {
  auto file = rewritten("values.focalcontrib", [](Contribution& c) {
    const std::map<std::string, std::string> hostile = {{"q_4", "-5"},  // min: 0
                                                        {"q_5/y2022/women", "abc"},
                                                        {"q_4@status", "unknown_mark"},
                                                        {"q_6[ra]/q_6_partner", "XXX"},
                                                        {"q_3", "colour \x1b[31mred"}};
    for (const auto& [path, value] : hostile) {
      auto it = std::find_if(c.answers.begin(), c.answers.end(),
                             [&](const ContributedAnswer& a) { return a.path == path; });
      if (it != c.answers.end())
        it->value = value;
      else
        c.answers.push_back({path, value, "Maria Lopez", "2026-11-29T10:00:00.000Z"});
    }
    std::sort(c.answers.begin(), c.answers.end(),
              [](const ContributedAnswer& x, const ContributedAnswer& y) { return x.path < y.path; });
  });
  const std::string message = refused(file);
  EXPECT_THAT(message, HasSubstr("5 of its values do not fit the rules"));
  EXPECT_THAT(message, HasSubstr("q_4 \"Shelters\" = \"-5\": Enter a number from 0 to 1000"));
  EXPECT_THAT(message, HasSubstr("q_5/y2022/women \"Victims identified\" = \"abc\": Enter a whole number"));
  EXPECT_THAT(message, HasSubstr("q_4@status \"Shelters\" = \"unknown_mark\""));
  EXPECT_THAT(message,
              HasSubstr("q_6[ra]/q_6_partner \"Partner State\" = \"XXX\": 'XXX' is not an ISO 3166"));
  EXPECT_THAT(message, HasSubstr("q_3 \"Protection measures\" = "));
  EXPECT_THAT(message, HasSubstr("U+001B"));
  EXPECT_THAT(message, HasSubstr("Nothing was applied"));
}

// Attack (#18 point 3): 5000 where the maximum is 1000.
TEST_F(Refusals, AValueAboveTheMaximumIsRefused) {
  auto file = rewritten("above.focalcontrib", [](Contribution& c) {
    for (auto& a : c.answers)
      if (a.path == "q_4") a.value = "5000";
  });
  const std::string message = refused(file);
  EXPECT_THAT(message, HasSubstr("q_4 \"Shelters\" = \"5000\": Enter a number from 0 to 1000"));
  EXPECT_THAT(message, HasSubstr("Ask Ministry of Justice to correct them"));
}

// A read_only answer takes its value from the questionnaire: an agency may
// not send another one.
TEST_F(Refusals, AChangedReadOnlyValueIsRefused) {
  auto file = rewritten("readonly.focalcontrib", [](Contribution& c) {
    c.answers.push_back({"q_10", "12", "Maria Lopez", "2026-11-29T10:00:00.000Z"});
    std::sort(c.answers.begin(), c.answers.end(),
              [](const ContributedAnswer& x, const ContributedAnswer& y) { return x.path < y.path; });
  });
  EXPECT_THAT(refused(file), HasSubstr("q_10 \"Shelters last cycle\" = \"12\": 'q_10' is read-only"));
}

TEST_F(Refusals, AnotherState) {
  auto ws = Workspace::create(dir_.file("nigeria.focal"), test::contributionOptions("Ada"));
  auto id = ws->createResponse(*test::contributionQuestionnaire(), "NGA", "en");
  ContributionStore store(*ws);
  ResponseDocument document(*ws, id);
  try {
    importContribution(document, store, file_);
    FAIL();
  } catch (const ContributionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("contribution for FRA, but response 1"));
    EXPECT_THAT(e.what(), HasSubstr("is NGA's reply"));
  }
  EXPECT_TRUE(ws->answers(id).empty());
}

TEST_F(Refusals, AnotherWorkspaceOfTheSameState) {
  TempDir other;
  FocalPoint copy(other, "copy.focal");
  try {
    importContribution(copy.document(), copy.store(), file_);
    FAIL();
  } catch (const ContributionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("which was not made from"));
  }
}

TEST_F(Refusals, AnotherResponseOfTheWorkspace) {
  auto id = focal_->workspace().createResponse(*test::contributionQuestionnaire(), "FRA", "fr");
  ResponseDocument document(focal_->workspace(), id);
  try {
    importContribution(document, focal_->store(), file_);
    FAIL();
  } catch (const ContributionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("import it into response 1"));
  }
}

TEST_F(Refusals, AQuestionnaireVersionChangedSinceTheRequest) {
  focal_->workspace().upgradeResponse(focal_->response(), *test::contributionQuestionnaire("1.1.0"));
  before_ = focal_->workspace().answers(focal_->response());
  EXPECT_THAT(refused(file_), HasSubstr("was moved to version 1.1.0"));
}

TEST_F(Refusals, AContributionClaimingAnotherAgency) {
  auto file = rewritten("claim.focalcontrib", [](Contribution& c) { c.agency = "Ministry of Labour"; });
  EXPECT_THAT(refused(file), HasSubstr("does not match the request"));
}

TEST(ContributionExport, RefusesAnswersOutsideTheAssignmentUnlessLeftOut) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  Agency agency(dir, "justice.focal");
  agency.answer("q_4", "6");
  // Every writer refuses it now (#18 point 4); an older Focal could have stored it, as here by hand.
  EXPECT_EQ(agency.document().answer("q_9", "Someone").status, AnswerStatus::Refused);
  EXPECT_THROW(agency.workspace().write(agency.document().id(), {{"q_9", "Someone"}}), WorkspaceError);
  EXPECT_TRUE(agency.document().isSaved());
  sql::Statement insert(agency.workspace().database(),
                        "INSERT INTO answers(response, path, value, changed_by, changed_at) "
                        "SELECT id, 'q_9', 'Someone', 'old', '2026-01-01T00:00:00Z' FROM responses");
  insert.run();
  try {
    contributionFromRequest(agency.workspace(), "Maria Lopez");
    FAIL();
  } catch (const ContributionError& e) {
    EXPECT_THAT(e.what(), HasSubstr("outside the sections assigned to Ministry of Justice"));
    EXPECT_THAT(e.what(), HasSubstr("q_9"));
    EXPECT_THAT(e.what(), HasSubstr("--leave-out-unassigned"));
  }
  std::vector<std::string> leftOut;
  Contribution c = contributionFromRequest(agency.workspace(), "Maria Lopez", true, &leftOut);
  EXPECT_EQ(leftOut, std::vector<std::string>{"q_9"});
  EXPECT_EQ(c.answer("q_9"), nullptr);
  EXPECT_EQ(c.answer("q_1"), nullptr);  // context, not sent back
  ASSERT_NE(c.answer("q_4"), nullptr);
  EXPECT_EQ(c.answer("q_4")->changedBy, "Maria Lopez");
}

TEST(ContributionExport, RefusesAnOrdinaryWorkspace) {
  TempDir dir;
  FocalPoint focal(dir);
  EXPECT_THROW(contributionFromRequest(focal.workspace(), "Jeanne"), ContributionError);
}

}  // namespace
}  // namespace focal
