// What changed since the last cycle: a carried answer keeps last cycle's
// values in @previous, so each carried question is unconfirmed, confirmed
// unchanged or changed, with both values at hand.
#include <gtest/gtest.h>

#include "forms/cycle_changes.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;
using test::testOptions;

const char* kFirst = R"(  - id: s
    title: S
    questions:
      - {id: a_1, type: yes_no, label: Criminalized}
      - {id: a_2, type: legislation, label: Law}
      - {id: a_3, type: integer, label: Shelters}
      - {id: a_4, type: text, label: Contact}
)";
const char* kSecond = R"(  - id: s
    title: S
    questions:
      - {id: b_1, type: yes_no, label: Criminalized, carry_forward_from: a_1}
      - {id: b_2, type: legislation, label: Law, carry_forward_from: a_2}
      - {id: b_3, type: integer, label: Shelters, carry_forward_from: a_3}
      - {id: b_4, type: text, label: Contact, carry_forward_from: a_4}
      - {id: b_5, type: text, label: New question}
)";

TEST(CycleChanges, CarriedAnswersAreUnconfirmedUnchangedOrChanged) {
  TempDir dir;
  auto c1 = test::loadStoreQuestionnaire(test::storeYaml("cyc-1", "1", kFirst));
  auto c2 = test::loadStoreQuestionnaire(test::storeYaml("cyc-2", "1", kSecond, "previous_cycle: cyc-1\n"));
  CarryForward carried = carryForward(
      *c2, *c1,
      {{"a_1", "yes"}, {"a_2/title", "Penal Code"}, {"a_2/article", "5"}, {"a_3", "4"}, {"a_4", "x"}});
  auto ws = Workspace::create(dir.file("w.focal"), testOptions());
  ResponseId id = ws->createResponse(*c2, "NGA", "en", carried.answers);
  ResponseDocument document(*ws, id);

  auto all = cycleChanges(*c2, document.session().answers());
  ASSERT_EQ(all.size(), 4u);
  for (const auto& a : all) EXPECT_EQ(a.change, CycleChange::Unconfirmed) << a.question;
  EXPECT_EQ(all[1].previous, (AnswerValues{{"b_2/article", "5"}, {"b_2/title", "Penal Code"}}));

  document.confirmCarried("b_1");           // confirmed as it was
  document.answer("b_2/article", "5 bis");  // changed
  document.answer("b_3", "6");              // changed ...
  document.answer("b_4", "y");              // changed, then back: unchanged
  document.answer("b_4", "x");
  document.answer("b_5", "new");  // never carried: not listed
  all = cycleChanges(*c2, document.session().answers());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].question, "b_1");
  EXPECT_EQ(all[0].change, CycleChange::Unchanged);
  EXPECT_EQ(all[1].change, CycleChange::Changed);
  EXPECT_EQ(all[1].previous.at("b_2/article"), "5");
  EXPECT_EQ(all[1].current.at("b_2/article"), "5 bis");
  EXPECT_EQ(all[2].change, CycleChange::Changed);
  EXPECT_EQ(all[3].change, CycleChange::Unchanged);
  EXPECT_STREQ(cycleChangeKey(all[2].change), "changed");

  // Undo brings the carried answer back, unconfirmed again.
  ASSERT_TRUE(document.undo());  // b_5
  ASSERT_TRUE(document.undo());  // b_4 (both keystrokes of one field merge)
  ASSERT_TRUE(document.undo());  // b_3
  all = cycleChanges(*c2, document.session().answers());
  EXPECT_EQ(all[2].change, CycleChange::Unconfirmed);
}

TEST(CycleChanges, AnswerValuesKeepTheAnswerAndItsStatusOnly) {
  const AnswerValues answers = {{"q_1", "yes"},       {"q_1@comment", "c"}, {"q_1@status", "not_available"},
                                {"q_1/other", "o"},   {"q_10", "no"},       {"q_1@offered", "{}"},
                                {"r[k1]/r_a", "FRA"}, {"r", "k1"},          {"q_1_a", "z"}};
  EXPECT_EQ(answerValues(answers, "q_1"),
            (AnswerValues{{"q_1", "yes"}, {"q_1/other", "o"}, {"q_1@status", "not_available"}}));
  EXPECT_EQ(answerValues(answers, "r"), (AnswerValues{{"r", "k1"}, {"r[k1]/r_a", "FRA"}}));
  EXPECT_EQ(valuesFromJson(valuesJson(answerValues(answers, "q_1"))), answerValues(answers, "q_1"));
  EXPECT_TRUE(valuesFromJson("not json").empty());
}

}  // namespace
}  // namespace focal
