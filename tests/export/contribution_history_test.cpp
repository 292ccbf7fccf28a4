// The history says what each change was: the national answers a request
// copies, an agency's imported answers (values and attached files), and
// the answer taken or edited when a conflict is settled.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contribution_fixtures.h"

namespace focal {
namespace {

using test::Agency;
using test::agencyKey;
using test::FocalPoint;
using test::TempDir;

std::string lastDescription(Workspace& ws, ResponseId id, const std::string& questionId) {
  auto history = ws.history(id, questionId);
  EXPECT_FALSE(history.empty()) << questionId;
  return history.empty() ? std::string() : history.back().description;
}

TEST(ContributionHistory, AnImportsValuesSayWhoseContributionTheyCameFrom) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    // The request starts with the national answers, said to be copied.
    EXPECT_EQ(lastDescription(agency.workspace(), agency.request().response, "q_3"),
              "Copied from the national reply when Jeanne Martin made this request");
    agency.answer("q_4", "6");
    agency.answer("q_5/y2023/women", "14");
    const std::string key = agency.document().addRecord("q_6");
    agency.answer("q_6[" + key + "]/q_6_partner", "DEU");
    const std::string law = "The law.";
    agency.document().attach("q_7", "law.txt", "text/plain",
                             std::span(reinterpret_cast<const unsigned char*>(law.data()), law.size()));
    // The agency's own typing is plain.
    EXPECT_EQ(lastDescription(agency.workspace(), agency.request().response, "q_4"), "");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.document().answer("q_8", "Typed by the focal point");
  focal.import("justice.focalcontrib");

  Workspace& ws = focal.workspace();
  const std::string imported = "Imported the answers of Ministry of Justice (justice.focalcontrib)";
  for (const char* question : {"q_4", "q_5", "q_6", "q_7"}) {
    EXPECT_EQ(lastDescription(ws, focal.response(), question), imported) << question;
    EXPECT_THAT(ws.history(focal.response(), question).back().changedBy, testing::HasSubstr("Maria Lopez"));
  }
  EXPECT_EQ(lastDescription(ws, focal.response(), "q_8"), "");
  // What was there before keeps its own (none: it was typed, or started with).
  EXPECT_EQ(ws.history(focal.response(), "q_4").front().description, "");
}

TEST(ContributionHistory, SettlingAConflictSaysHow) {
  TempDir dir;
  FocalPoint focal(dir);
  focal.request("Ministry of Justice", {"victims"}, "justice.focal");
  {
    Agency agency(dir, "justice.focal");
    agency.answer("q_3", "Agency text");
    agency.answer("q_4", "9");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  focal.document().answer("q_3", "Focal point text");
  focal.document().answer("q_4", "5");
  ASSERT_EQ(focal.import("justice.focalcontrib").conflicts.size(), 2u);
  resolveConflict(focal.document(), focal.store(), *focal.store().openConflict(focal.response(), "q_3"),
                  Resolution::Theirs);
  resolveConflict(focal.document(), focal.store(), *focal.store().openConflict(focal.response(), "q_4"),
                  Resolution::Edited, "7");
  Workspace& ws = focal.workspace();
  EXPECT_EQ(lastDescription(ws, focal.response(), "q_3"),
            "Took the answer of Ministry of Justice (justice.focalcontrib) in a conflict");
  EXPECT_EQ(lastDescription(ws, focal.response(), "q_4"),
            "Settled a conflict with the answer of Ministry of Justice (justice.focalcontrib) by editing it");
  EXPECT_EQ(ws.history(focal.response(), "q_4").back().changedBy, "Jeanne Martin");
}

}  // namespace
}  // namespace focal
