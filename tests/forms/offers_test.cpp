// Answers offered across instruments: the bundled cycle-2 Protocol
// questionnaires (trafficking and smuggling) share their border-measures
// and contact questions; an answer given for one is offered in the other,
// taken as one undo step with its provenance, and flagged when the other
// reply changes it later. An answer given here is never replaced unasked.
#include <gtest/gtest.h>

#include <filesystem>

#include "forms/offers.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;
using test::testOptions;

std::shared_ptr<const Questionnaire> bundled(const std::string& id) {
  LoadResult result = loadQuestionnaireFile(
      (std::filesystem::path(FOCAL_SOURCE_DIR) / "questionnaires" / (id + ".yaml")).string());
  EXPECT_TRUE(result.ok()) << id;
  return result.questionnaire;
}

// The other responses of the workspace, as export/report/offer_sources.cpp reads them.
std::vector<OfferSource> sourcesIn(Workspace& ws, ResponseId exclude) {
  std::vector<OfferSource> out;
  for (const auto& info : ws.responses()) {
    if (info.id == exclude) continue;
    OfferSource s;
    s.file = ws.path();
    s.questionnaire = ws.questionnaire(info.id);
    s.state = info.state;
    s.answers = ws.storedAnswers(info.id);
    const ResponseId id = info.id;
    s.attachment = [&ws, id](const std::string& path) { return ws.attachment(id, path); };
    out.push_back(std::move(s));
  }
  return out;
}

const Offer* find(const std::vector<Offer>& offers, const std::string& id) {
  for (const auto& o : offers)
    if (o.id == id) return &o;
  return nullptr;
}

class OffersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tip = bundled("tip-cycle2");
    som = bundled("som-cycle2");
    ASSERT_TRUE(tip && som);
    ws = Workspace::create(dir.file("nga.focal"), testOptions("maria"));
    somId = ws->createResponse(*som, "NGA", "en");
    tipId = ws->createResponse(*tip, "NGA", "en");
    ws->write(somId, {{"bm_11_1", "yes"},
                      {"bm_11_1_a", "Joint patrols since 2025."},
                      {"bm_13_1", "yes"},
                      {"bm_13_2/title", "Immigration Act"},
                      {"bm_13_2/article", "12"},
                      {"q_0_3", "Maria Okafor"},
                      {"q_4_1", "act.txt"},
                      {"q_2_1", "yes"}});  // not linked: never offered
    const std::string act = "Immigration Act, art. 12.";
    ws->storeAttachment(somId, "q_4_1", "act.txt", "text/plain",
                        std::span(reinterpret_cast<const unsigned char*>(act.data()), act.size()), 0);
    ws->setUser("ahmed");
    ws->write(tipId, {{"q_0_3", "Ahmed Bello"}});  // typed here
  }
  TempDir dir;
  std::shared_ptr<const Questionnaire> tip, som;
  std::unique_ptr<Workspace> ws;
  ResponseId somId = 0, tipId = 0;
};

TEST_F(OffersTest, LinkedAnswersOfTheOtherProtocolAreOffered) {
  ResponseDocument document(*ws, tipId);
  auto offers = findOffers(*tip, document.session().answers(), sourcesIn(*ws, tipId));
  std::vector<std::string> ids;
  for (const auto& o : offers) ids.push_back(o.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"q_0_3", "bm_11_1", "bm_11_1_a", "bm_13_1", "bm_13_2", "q_5_3"}));
  const Offer* gate = find(offers, "bm_11_1");
  ASSERT_TRUE(gate);
  EXPECT_EQ(gate->status, OfferStatus::Available);
  EXPECT_EQ(gate->sourceQuestionnaire, "som-cycle2");
  EXPECT_EQ(gate->instrument, Instrument::Som);
  EXPECT_EQ(gate->cycle, 2);
  EXPECT_EQ(gate->answeredBy, "maria");
  EXPECT_FALSE(gate->answeredAt.empty());
  EXPECT_EQ(gate->values, (AnswerValues{{"bm_11_1", "yes"}}));
  EXPECT_EQ(find(offers, "bm_13_2")->values,
            (AnswerValues{{"bm_13_2/article", "12"}, {"bm_13_2/title", "Immigration Act"}}));
  EXPECT_EQ(find(offers, "q_5_3")->attachments,
            (std::vector<std::pair<std::string, std::string>>{{"q_4_1", "q_5_3"}}));
  EXPECT_EQ(find(offers, "q_0_3")->status, OfferStatus::Differs);
  EXPECT_FALSE(find(offers, "q_2_1"));
}

TEST_F(OffersTest, TakingIsOneUndoStepWithFilesAndNeverReplacesATypedAnswer) {
  ResponseDocument document(*ws, tipId);
  auto sources = sourcesIn(*ws, tipId);
  auto offers = findOffers(*tip, document.session().answers(), sources);
  TakeResult result = takeOffers(document, offers, sources, false);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"bm_11_1", "bm_11_1_a", "bm_13_1", "bm_13_2", "q_5_3"}));
  ASSERT_EQ(result.refused.size(), 1u);
  EXPECT_EQ(result.refused[0].first, "q_0_3");
  EXPECT_NE(result.refused[0].second.find("already has an answer given here, which was kept"),
            std::string::npos)
      << result.refused[0].second;
  EXPECT_NE(result.refused[0].second.find("--replace"), std::string::npos);
  EXPECT_EQ(result.files, 1u);
  EXPECT_TRUE(document.isSaved());

  EXPECT_EQ(document.session().value("bm_11_1"), "yes");
  EXPECT_EQ(document.session().value("bm_13_2/title"), "Immigration Act");
  EXPECT_EQ(document.session().value("q_0_3"), "Ahmed Bello");
  EXPECT_EQ(ws->answers(tipId).at("bm_11_1_a"), "Joint patrols since 2025.");
  auto file = ws->attachment(tipId, "q_5_3");
  ASSERT_TRUE(file);
  EXPECT_EQ(std::string(file->data.begin(), file->data.end()), "Immigration Act, art. 12.");
  auto from = takenFrom(document.session().answers(), "bm_13_2");
  ASSERT_TRUE(from);
  EXPECT_EQ(from->questionnaire, "som-cycle2");
  EXPECT_EQ(from->question, "bm_13_2");
  EXPECT_EQ(from->instrument, Instrument::Som);
  EXPECT_EQ(from->cycle, 2);
  EXPECT_EQ(from->by, "maria");
  EXPECT_EQ(from->file, ws->path());

  // Now taken: nothing more to take for them.
  offers = findOffers(*tip, document.session().answers(), sources);
  EXPECT_EQ(find(offers, "bm_11_1")->status, OfferStatus::Taken);

  // One step undoes all of it, and redoes it.
  ASSERT_TRUE(document.undo());
  EXPECT_EQ(document.session().value("bm_11_1"), "");
  EXPECT_EQ(document.session().value("q_5_3"), "");
  EXPECT_EQ(document.session().value("bm_13_2@offered"), "");
  EXPECT_EQ(document.session().value("q_0_3"), "Ahmed Bello");
  EXPECT_EQ(ws->answers(tipId).count("bm_11_1"), 0u);
  ASSERT_TRUE(document.redo());
  EXPECT_EQ(document.session().value("bm_11_1_a"), "Joint patrols since 2025.");

  // Replacing the typed answer must be asked for.
  offers = findOffers(*tip, document.session().answers(), sources);
  result = takeOffers(document, {*find(offers, "q_0_3")}, sources, true);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"q_0_3"}));
  EXPECT_EQ(document.session().value("q_0_3"), "Maria Okafor");
}

TEST_F(OffersTest, TheHistorySaysWhichReplyEachTakenAnswerCameFrom) {
  ResponseDocument document(*ws, tipId);
  auto sources = sourcesIn(*ws, tipId);
  auto offers = findOffers(*tip, document.session().answers(), sources);
  TakeResult result = takeOffers(document, offers, sources, false);
  ASSERT_EQ(result.taken.size(), 5u);
  auto described = [&](const std::string& questionId) {
    auto history = ws->history(tipId, questionId);
    EXPECT_FALSE(history.empty()) << questionId;
    return history.empty() ? std::string() : history.back().description;
  };
  EXPECT_EQ(described("bm_11_1"), "Took the answer of som-cycle2 to bm_11_1 (nga.focal)");
  EXPECT_EQ(described("bm_13_2"), "Took the answer of som-cycle2 to bm_13_2 (nga.focal)");
  EXPECT_EQ(described("q_5_3"), "Took the answer of som-cycle2 to q_4_1 (nga.focal)");
  EXPECT_EQ(described("q_0_3"), "");  // typed here, and kept
  // Still one undo step for all of them.
  ASSERT_TRUE(document.undo());
  EXPECT_EQ(document.session().value("bm_11_1"), "");
  EXPECT_EQ(document.session().value("bm_13_2/title"), "");
}

TEST_F(OffersTest, ALaterChangeInTheOtherReplyIsFlagged) {
  ResponseDocument document(*ws, tipId);
  auto sources = sourcesIn(*ws, tipId);
  takeOffers(document, findOffers(*tip, document.session().answers(), sources, "bm_11_1"), sources, false);
  ASSERT_EQ(document.session().value("bm_11_1"), "yes");

  ws->setUser("maria");
  ws->write(somId, {{"bm_11_1", "no"}});
  sources = sourcesIn(*ws, tipId);
  auto offers = findOffers(*tip, document.session().answers(), sources, "bm_11_1");
  ASSERT_EQ(offers.size(), 1u);
  EXPECT_EQ(offers[0].status, OfferStatus::ChangedSinceTaken);
  EXPECT_EQ(offers[0].takenValues, (AnswerValues{{"bm_11_1", "yes"}}));
  EXPECT_EQ(offers[0].values, (AnswerValues{{"bm_11_1", "no"}}));
  // The answer here came from the other reply, so taking the new one replaces nothing typed.
  TakeResult result = takeOffers(document, offers, sources, false);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"bm_11_1"}));
  EXPECT_EQ(document.session().value("bm_11_1"), "no");

  // A change made here is no longer "taken": the other reply's answer is offered as differing.
  document.answer("bm_11_1", "yes");
  offers = findOffers(*tip, document.session().answers(), sources, "bm_11_1");
  EXPECT_EQ(offers[0].status, OfferStatus::Differs);
  // ... and the smuggling reply, looking the other way, sees that the answer taken from it was
  // changed in the trafficking reply since, with the new value.
  ResponseDocument other(*ws, somId);
  auto back = findOffers(*som, other.session().answers(), sourcesIn(*ws, somId), "bm_11_1");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].sourceQuestionnaire, "tip-cycle2");
  EXPECT_EQ(back[0].status, OfferStatus::ChangedSinceTakenFromHere);
  EXPECT_STREQ(offerStatusKey(back[0].status), "changed_since_taken_from_here");
  EXPECT_TRUE(back[0].takeable());
  EXPECT_EQ(back[0].takenValues, (AnswerValues{{"bm_11_1", "no"}}));
  EXPECT_EQ(back[0].values, (AnswerValues{{"bm_11_1", "yes"}}));
  // The answer there was typed there: taking the new one replaces it only when asked.
  auto somSources = sourcesIn(*ws, somId);
  TakeResult refused = takeOffers(other, back, somSources, false);
  EXPECT_TRUE(refused.taken.empty());
  ASSERT_EQ(refused.refused.size(), 1u);
  EXPECT_NE(refused.refused[0].second.find("--replace"), std::string::npos);
  EXPECT_EQ(other.session().value("bm_11_1"), "no");
  // Asked, it is taken, and the two replies agree again.
  TakeResult replaced = takeOffers(other, back, somSources, true);
  EXPECT_EQ(replaced.taken, (std::vector<std::string>{"bm_11_1"}));
  EXPECT_EQ(other.session().value("bm_11_1"), "yes");
  back = findOffers(*som, other.session().answers(), sourcesIn(*ws, somId), "bm_11_1");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].status, OfferStatus::Taken);
}

TEST_F(OffersTest, UnconfirmedCarriedAnswersAndUnfitValuesAreNotOffered) {
  ws->write(somId, {{"bm_11_3", "yes"}, {"bm_11_3@carried", "pending"}});
  ResponseDocument document(*ws, tipId);
  auto offers = findOffers(*tip, document.session().answers(), sourcesIn(*ws, tipId));
  EXPECT_FALSE(find(offers, "bm_11_3"));
}

TEST_F(OffersTest, AReadOnlyWorkspaceRefusesToTake) {
  auto sources = sourcesIn(*ws, tipId);
  ws.reset();
  WorkspaceOptions options = testOptions();
  options.readOnly = true;
  auto reader = Workspace::open(dir.file("nga.focal"), options);
  ResponseDocument document(*reader, tipId);
  for (auto& s : sources) {
    s.answers = reader->storedAnswers(s.questionnaire->info.id == "som-cycle2" ? somId : tipId);
    s.attachment = nullptr;
  }
  auto offers = findOffers(*tip, document.session().answers(), sources, "bm_11_1");
  TakeResult result = takeOffers(document, offers, sources, false);
  EXPECT_TRUE(result.taken.empty());
  ASSERT_EQ(result.refused.size(), 1u);
  EXPECT_NE(result.refused[0].second.find("read-only"), std::string::npos) << result.refused[0].second;
}

}  // namespace
}  // namespace focal
