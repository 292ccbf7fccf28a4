// The analysis figures on the hand-written replies of consolidated_fixtures.h,
// each checked against a value worked out by hand from those replies:
//
//   current cycle: FRA, DEU (Western European and other States), NGA, KEN,
//   EGY (African States); previous cycle: FRA, NGA, KEN, BRA.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consolidated_fixtures.h"
#include "export/secretariat/analysis_results.h"
#include "export/secretariat/analysis_tables.h"

namespace focal {
namespace {

using ::testing::ElementsAre;

class AnalysisResults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    const auto files = test::writeReplies(*dir_);
    ConsolidatedStore store(dir_->file("store.focaldb"));
    test::trustFixtures(store);
    const MergeSummary summary = mergeReports(store, files);
    ASSERT_EQ(summary.imported, files.size());
    AnalysisInput input = loadAnalysisInput(store, "analysis-test", test::testGroups());
    input.parties = test::testParties();
    analysis_ = new Analysis(analyse(input));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete dir_;
  }

  static std::size_t column(const std::string& id) {
    for (std::size_t c = 0; c < analysis_->columns.size(); ++c)
      if (analysis_->columns[c].id == id) return c;
    ADD_FAILURE() << "no column " << id;
    return 0;
  }
  static const QuestionDistribution& distribution(const std::string& id) {
    for (const auto& d : analysis_->distributions)
      if (d.id == id) return d;
    throw std::runtime_error("no distribution " + id);
  }
  // States giving `value` to question `id`, in the column `group`.
  static std::size_t count(const std::string& id, const std::string& value,
                           const std::string& group = "all") {
    for (const auto& c : distribution(id).categories)
      if (c.value == value) return c.counts[column(group)];
    throw std::runtime_error("no answer " + value);
  }

  static test::TempDir* dir_;
  static Analysis* analysis_;
};
test::TempDir* AnalysisResults::dir_ = nullptr;
Analysis* AnalysisResults::analysis_ = nullptr;

TEST_F(AnalysisResults, RespondingStatesByGroup) {
  const Analysis& a = *analysis_;
  EXPECT_EQ(a.states.size(), 5u);
  EXPECT_EQ(a.responding[column("all")], 5u);
  EXPECT_EQ(a.responding[column("african")], 3u);
  EXPECT_EQ(a.responding[column("weog")], 2u);
  EXPECT_EQ(a.responding[column("asia_pacific")], 0u);
  // The denominators are the States parties to the Protocol, not the UN
  // membership: NGA KEN ZAF; FRA ITA (DEU only signed); the European Union
  // and the Holy See in no regional group.
  EXPECT_EQ(a.columns[column("african")].parties, 3u);
  EXPECT_EQ(a.columns[column("weog")].parties, 2u);
  EXPECT_EQ(a.columns[column("other")].parties, 2u);
  EXPECT_EQ(a.columns[column("all")].parties, 8u);
  EXPECT_EQ(a.partiesAsOf, "2024-05-04");
}

TEST_F(AnalysisResults, RespondingSignatoriesAndNonPartiesApart) {
  std::map<std::string, Standing> standing;
  for (const auto& s : analysis_->states) standing[s.state] = s.standing;
  EXPECT_EQ(standing["FRA"], Standing::Party);
  EXPECT_EQ(standing["DEU"], Standing::Signatory);
  EXPECT_EQ(standing["EGY"], Standing::NonParty);
  const auto& rate = analysis_->rates[0];
  EXPECT_EQ(rate.responded[column("all")], 3u);  // FRA NGA KEN of 8
  EXPECT_EQ(rate.parties[column("all")], 8u);
  EXPECT_EQ(rate.responded[column("african")], 2u);  // NGA KEN of 3 (EGY is not a party)
  EXPECT_EQ(rate.responded[column("weog")], 1u);     // FRA of 2 (DEU is a signatory)
  EXPECT_EQ(rate.signatories, 1u);
  EXPECT_EQ(rate.nonParties, 1u);
  // The shares of answers stay those of all responding States.
  EXPECT_EQ(analysis_->responding[column("all")], 5u);
}

TEST_F(AnalysisResults, ResponseRatesPerQuestionnaireAndGroup) {
  const auto& rates = analysis_->rates;
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[0].questionnaireId, "analysis-test");  // the analysed one first
  EXPECT_EQ(rates[0].responded[column("all")], 3u);      // the parties among the five
  EXPECT_EQ(rates[1].questionnaireId, "analysis-test-1");
  EXPECT_EQ(rates[1].responded[column("all")], 4u);
  EXPECT_EQ(rates[1].responded[column("african")], 2u);
  EXPECT_EQ(rates[1].responded[column("weog")], 1u);
  EXPECT_EQ(rates[1].responded[column("latin_american_caribbean")], 1u);
}

TEST_F(AnalysisResults, YesNoCountsOverallAndByGroup) {
  EXPECT_EQ(count("q_law", "yes"), 3u);  // FRA DEU KEN
  EXPECT_EQ(count("q_law", "no"), 2u);   // NGA EGY
  EXPECT_EQ(count("q_law", "yes", "african"), 1u);
  EXPECT_EQ(count("q_law", "no", "african"), 2u);
  EXPECT_EQ(count("q_law", "yes", "weog"), 2u);
  EXPECT_EQ(count("q_law", ""), 0u);
  EXPECT_EQ(distribution("q_law").categories[0].label, "Yes");
}

TEST_F(AnalysisResults, StatusMarksAreTheirOwnAnswers) {
  EXPECT_EQ(count("q_victims_law", "yes"), 3u);
  EXPECT_EQ(count("q_victims_law", "no"), 1u);
  EXPECT_EQ(count("q_victims_law", "not_applicable"), 1u);  // EGY
  EXPECT_EQ(count("q_victims_law", ""), 0u);
}

TEST_F(AnalysisResults, ConditionalQuestionsShareOfTheStatesToWhichTheyApplied) {
  // ta_victims_kinds is asked when ta_victims is yes: NGA and KEN.
  const auto& kinds = distribution("ta_victims_kinds");
  EXPECT_TRUE(kinds.conditional);
  EXPECT_EQ(kinds.applied[column("all")], 2u);
  EXPECT_EQ(kinds.applied[column("african")], 2u);
  EXPECT_EQ(kinds.applied[column("weog")], 0u);
  EXPECT_EQ(count("ta_victims_kinds", "did_not_apply"), 3u);  // FRA DEU EGY
  EXPECT_EQ(count("ta_victims_kinds", ""), 0u) << "not applying is not leaving blank";
  EXPECT_EQ(count("ta_victims_kinds", "training"), 1u);  // NGA
  // KEN answered no to ta_borders but its file holds kinds: it did not apply.
  EXPECT_EQ(distribution("ta_borders_kinds").applied[column("all")], 2u);  // FRA NGA
  EXPECT_EQ(count("ta_borders_kinds", "did_not_apply"), 3u);
  // An unconditional question has no "did not apply" and applied to all.
  EXPECT_FALSE(distribution("q_law").conditional);
  EXPECT_EQ(distribution("q_law").applied[column("all")], 5u);
  for (const auto& c : distribution("q_law").categories) EXPECT_NE(c.value, "did_not_apply");
  // Left blank, not available and not applicable stay apart.
  EXPECT_EQ(count("q_forms", ""), 1u);  // KEN left it blank
  EXPECT_EQ(distribution("q_forms").categories[distribution("q_forms").categories.size() - 1].label,
            "Left blank");
}

TEST_F(AnalysisResults, MultipleChoiceCountsEveryChoice) {
  EXPECT_TRUE(distribution("q_forms").multiple);
  EXPECT_EQ(count("q_forms", "sexual"), 3u);  // FRA DEU EGY
  EXPECT_EQ(count("q_forms", "labour"), 2u);  // FRA NGA
  EXPECT_EQ(count("q_forms", "other"), 1u);   // NGA
  EXPECT_EQ(count("q_forms", ""), 1u);        // KEN gave none
}

TEST_F(AnalysisResults, OnlyRelevantAnswersCount) {
  // KEN said it needs no assistance at the borders, but its file still holds
  // kinds for it: that question was not relevant, so they do not count.
  const auto& g = analysis_->assistance;
  const auto equipment = std::find(g.kinds.begin(), g.kinds.end(), "equipment") - g.kinds.begin();
  EXPECT_EQ(g.requestsByKind[equipment], 2u);  // KEN (victims), FRA (borders)
  ConsolidatedStore store(dir_->file("store.focaldb"));
  const auto reports = store.reports("analysis-test", true);
  auto fra = std::find_if(reports.begin(), reports.end(), [](const auto& r) { return r.state == "FRA"; });
  ASSERT_NE(fra, reports.end());
  bool stale = false;
  for (const auto& a : store.answers(fra->id, false))
    if (a.path == "q_law_why") stale = !a.relevant;
  EXPECT_TRUE(stale) << "FRA's answer to 'if no, why' is kept but marked not relevant";
}

TEST_F(AnalysisResults, NumbersLeaveOutInformationNotAvailable) {
  const auto& numbers = analysis_->numbers;
  ASSERT_EQ(numbers.size(), 2u);
  const NumberSummary& n = numbers[0];
  EXPECT_EQ(n.id, "q_shelters");
  EXPECT_TRUE(n.summed);
  EXPECT_EQ(n.states, 3u);  // FRA 10, DEU 20, KEN 4; NGA marked it not available
  EXPECT_DOUBLE_EQ(n.sum, 34);
  EXPECT_DOUBLE_EQ(n.median, 10);
  EXPECT_DOUBLE_EQ(n.min, 4);
  EXPECT_DOUBLE_EQ(n.max, 20);
  EXPECT_EQ(n.unit, "shelters");
}

TEST_F(AnalysisResults, PenaltiesAreADistributionAndLifeImprisonmentACategory) {
  const NumberSummary& n = analysis_->numbers[1];
  EXPECT_EQ(n.id, "q_penalty");
  EXPECT_FALSE(n.summed);
  EXPECT_DOUBLE_EQ(n.sum, 0) << "a penalty is never summed";
  EXPECT_EQ(n.states, 3u);  // FRA 10, NGA 20, EGY 15; DEU and KEN gave 99
  EXPECT_DOUBLE_EQ(n.median, 15);
  EXPECT_DOUBLE_EQ(n.min, 10);
  EXPECT_DOUBLE_EQ(n.max, 20) << "99 is a code, not 99 years";
  ASSERT_EQ(n.special.size(), 1u);
  EXPECT_EQ(n.special[0].label, "life imprisonment");
  EXPECT_EQ(n.special[0].states, 2u);
  EXPECT_EQ(specialText(n), "life imprisonment (99): 2");
}

TEST_F(AnalysisResults, StatisticalTablesAreSummedAcrossStates) {
  ASSERT_EQ(analysis_->tables.size(), 1u);
  const TableTotals& t = analysis_->tables[0];
  EXPECT_EQ(t.states, 3u);                  // FRA DEU NGA
  EXPECT_DOUBLE_EQ(t.cells[0][0].sum, 22);  // 2022 women: 5 + 7 + 10
  EXPECT_EQ(t.cells[0][0].states, 3u);
  EXPECT_DOUBLE_EQ(t.cells[0][1].sum, 3);  // 2022 men: FRA
  EXPECT_DOUBLE_EQ(t.cells[1][0].sum, 0);  // 2023 women: nobody
  EXPECT_EQ(t.cells[1][0].states, 0u);
  EXPECT_DOUBLE_EQ(t.cells[1][1].sum, 1);  // 2023 men: DEU
  EXPECT_THAT(t.rows, ElementsAre("2022", "2023"));
}

TEST_F(AnalysisResults, ChangesSinceThePreviousCycle) {
  EXPECT_EQ(analysis_->previousId, "analysis-test-1");
  // q_contact (free text, a contact detail) carries forward too, but only
  // closed answers and numbers are compared.
  ASSERT_EQ(analysis_->changes.size(), 3u);
  const CycleComparison& law = analysis_->changes[0];
  EXPECT_EQ(law.id, "q_law");
  EXPECT_EQ(law.previousId, "p_law");
  EXPECT_EQ(law.both, 3u);  // FRA NGA KEN (DEU and EGY did not reply to cycle 1)
  EXPECT_EQ(law.unchanged, 1u);
  ASSERT_EQ(law.changes.size(), 2u);
  EXPECT_EQ(law.changes[0].state, "KEN");
  EXPECT_EQ(law.changes[0].previous, "No");
  EXPECT_EQ(law.changes[0].current, "Yes");
  EXPECT_EQ(law.changes[1].state, "NGA");
  // NGA's "other" text changed but its choices did not: unchanged.
  const CycleComparison& forms = analysis_->changes[1];
  EXPECT_EQ(forms.id, "q_forms");
  EXPECT_EQ(forms.both, 3u);
  EXPECT_EQ(forms.unchanged, 3u);
  const CycleComparison& victims = analysis_->changes[2];
  EXPECT_EQ(victims.both, 3u);
  EXPECT_EQ(victims.unchanged, 3u);
  EXPECT_TRUE(victims.changes.empty());
}

TEST_F(AnalysisResults, TechnicalAssistanceGaps) {
  const auto& g = analysis_->assistance;
  ASSERT_EQ(g.gating.size(), 1u);
  EXPECT_EQ(g.gating[0].yes[column("all")], 2u);  // NGA KEN
  EXPECT_EQ(g.gating[0].yes[column("african")], 2u);
  EXPECT_THAT(g.kinds, ElementsAre("training", "equipment", "legislative_drafting", "other"));
  EXPECT_EQ(g.needingAny[column("all")], 3u);  // FRA NGA KEN
  EXPECT_EQ(g.needingAny[column("african")], 2u);
  EXPECT_EQ(g.needingAny[column("weog")], 1u);
  // Distinct States per kind, and requests (a State and a section).
  EXPECT_EQ(g.statesByKind[0][column("all")], 2u);  // training: FRA NGA
  EXPECT_EQ(g.requestsByKind[0], 3u);               // NGA twice, FRA once
  EXPECT_EQ(g.statesByKind[1][column("all")], 2u);  // equipment: FRA KEN
  EXPECT_EQ(g.statesByKind[2][column("all")], 1u);  // legislative drafting: NGA
  EXPECT_EQ(g.statesByKind[2][column("weog")], 0u);
  EXPECT_EQ(g.statesByKind[3][column("all")], 1u);  // other: NGA
  // Per section, where the need is asked: victims (art. 6) and borders
  // (arts. 11 and 12). The borders need is counted once, not once per article.
  ASSERT_EQ(g.sections.size(), 2u);
  EXPECT_EQ(g.sections[0].section, "2 Victims");
  EXPECT_EQ(g.sections[0].articles, "Trafficking in Persons Protocol, art. 6");
  EXPECT_THAT(g.sections[0].states, ElementsAre("KEN", "NGA"));
  EXPECT_THAT(g.sections[0].byKind, ElementsAre(1u, 1u, 1u, 1u));
  EXPECT_THAT(g.sections[1].states, ElementsAre("FRA", "NGA"));
  EXPECT_THAT(g.sections[1].byKind, ElementsAre(2u, 1u, 0u, 0u));
  EXPECT_EQ(g.sections[1].articles,
            "Trafficking in Persons Protocol, art. 11; Trafficking in Persons Protocol, art. 12");
  ASSERT_EQ(g.requests.size(), 4u);
  EXPECT_EQ(g.requests[0].state, "FRA");
  EXPECT_EQ(g.requests[0].kinds, "Training; Equipment");
  EXPECT_EQ(g.requests[2].state, "NGA");
  EXPECT_EQ(g.requests[2].section, "2 Victims");
  EXPECT_EQ(g.requests[2].articles, "Trafficking in Persons Protocol, art. 6");
  EXPECT_EQ(g.requests[2].other, test::kInjection);
}

TEST_F(AnalysisResults, CompendiumOfPracticesInTheLanguageGiven) {
  ASSERT_EQ(analysis_->practices.size(), 1u);
  const auto& p = analysis_->practices[0].practices;
  ASSERT_EQ(p.size(), 4u);  // by English name: Egypt, France, Germany, Kenya
  EXPECT_EQ(p[0].state, "EGY");
  EXPECT_EQ(p[0].language, "ar");
  EXPECT_EQ(p[0].text, test::kArabicPractice);
  EXPECT_EQ(p[0].group, "African States");
  EXPECT_EQ(p[1].state, "FRA");
  EXPECT_EQ(p[1].language, "fr");
  EXPECT_EQ(p[2].state, "DEU");
  EXPECT_EQ(p[3].state, "KEN");
}

TEST(AnalysisLanguage, LabelsInTheLanguageAsked) {
  test::TempDir dir;
  const auto files = test::writeReplies(dir);
  ConsolidatedStore store(dir.file("store.focaldb"));
  test::trustFixtures(store);
  mergeReports(store, files);
  const Analysis a = analyse(loadAnalysisInput(store, "analysis-test", test::testGroups(), "fr"));
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.title, "Questionnaire d'essai");
  for (const auto& d : a.distributions) {
    if (d.id == "q_law") {
      EXPECT_EQ(d.label, "La traite est-elle une infraction ?");
      EXPECT_EQ(d.categories[0].label, "Oui");
    }
  }
  EXPECT_THROW(loadAnalysisInput(store, "no-such-questionnaire", test::testGroups()), StoreError);
}

}  // namespace
}  // namespace focal
