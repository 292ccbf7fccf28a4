// Offers for repeats (forms/offers.h): a list of agreements given for one
// instrument is offered to the linked list of another. Fields pair by
// also_asked_in or by the same name after the repeat's id; records match by
// the key field (the first paired field), are added when missing, have their
// empty fields filled, and a field typed here is never replaced unasked.
#include <gtest/gtest.h>

#include "forms/offers.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;
using test::testOptions;

std::string yaml(const std::string& id, const std::string& instrument, const std::string& sections) {
  return "focal: 1\nid: " + id + "\ntitle: {en: Test}\ninstrument: " + instrument +
         "\ncycle: 2\nversion: '1'\nlanguages: [en]\nsections:\n" + sections;
}

// Here (trafficking): agreements keyed by partner; the year pairs by an explicit link.
const char* kHere = R"(  - id: s
    title: S
    questions:
      - id: agr
        type: repeat
        label: Agreements
        also_asked_in: ["rep-b:deals"]
        questions:
          - {id: agr_partner, type: country, label: Partner}
          - {id: agr_title, type: text, label: Title}
          - {id: agr_year, type: year, label: Year}
          - {id: agr_text, type: attachment, label: Text}
          - {id: agr_note, type: text, label: Only here}
)";
// There (smuggling): a kind first (not paired), then partner, title, a linked year and the text.
const char* kThere = R"(  - id: s
    title: S
    questions:
      - id: deals
        type: repeat
        label: Deals
        questions:
          - id: deals_kind
            type: single_choice
            label: Kind
            choices: [{value: bilateral, label: Bilateral}, {value: regional, label: Regional}]
          - {id: deals_partner, type: country, label: Partner}
          - {id: deals_title, type: text, label: Title}
          - {id: deals_when, type: year, label: Year, also_asked_in: ["rep-a:agr_year"]}
          - {id: deals_text, type: attachment, label: Text}
)";

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

// The records of `repeat` in `document`: partner -> title.
std::map<std::string, std::string> titles(const ResponseDocument& document, const std::string& repeat,
                                          const std::string& field) {
  std::map<std::string, std::string> out;
  for (const auto& key : document.session().records(repeat))
    out[document.session().value(repeat + "[" + key + "]/" + field + "_partner")] =
        document.session().value(repeat + "[" + key + "]/" + field + "_title");
  return out;
}

class RecordOffersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    here = test::loadStoreQuestionnaire(yaml("rep-a", "tip", kHere), "rep-a.yaml");
    there = test::loadStoreQuestionnaire(yaml("rep-b", "som", kThere), "rep-b.yaml");
    ASSERT_TRUE(here && there);
    ws = Workspace::create(dir.file("nga.focal"), testOptions("maria"));
    thereId = ws->createResponse(*there, "NGA", "en");
    hereId = ws->createResponse(*here, "NGA", "en");
    ws->write(thereId, {{"deals", "d1 d2 d3"},
                        {"deals[d1]/deals_kind", "bilateral"},
                        {"deals[d1]/deals_partner", "FRA"},
                        {"deals[d1]/deals_title", "Readmission agreement"},
                        {"deals[d1]/deals_when", "2019"},
                        {"deals[d1]/deals_text", "fra.txt"},
                        {"deals[d2]/deals_partner", "ITA"},
                        {"deals[d2]/deals_title", "Police cooperation"},
                        {"deals[d3]/deals_partner", "ESP"},
                        {"deals[d3]/deals_title", "Joint patrols"}});
    const std::string text = "Readmission, art. 3.";
    ws->storeAttachment(thereId, "deals[d1]/deals_text", "fra.txt", "text/plain",
                        std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()), 0);
    ws->setUser("ahmed");
  }
  Offer offerFor(const ResponseDocument& document) {
    auto offers = findOffers(*here, document.session().answers(), sourcesIn(*ws, hereId));
    EXPECT_EQ(offers.size(), 1u);
    return offers.empty() ? Offer{} : offers.front();
  }
  TempDir dir;
  std::shared_ptr<const Questionnaire> here, there;
  std::unique_ptr<Workspace> ws;
  ResponseId hereId = 0, thereId = 0;
};

TEST_F(RecordOffersTest, AnEmptyListTakesEveryRecordWithItsFilesAsOneStep) {
  ResponseDocument document(*ws, hereId);
  Offer offer = offerFor(document);
  EXPECT_EQ(offer.id, "agr");
  EXPECT_EQ(offer.sourceQuestion, "deals");
  EXPECT_EQ(offer.status, OfferStatus::Available);
  EXPECT_EQ(offer.records, 3u);
  EXPECT_EQ(offer.newRecords, 3u);
  EXPECT_TRUE(offer.conflicts.empty());
  ASSERT_EQ(offer.attachments.size(), 1u);
  EXPECT_EQ(offer.attachments[0].first, "deals[d1]/deals_text");

  auto sources = sourcesIn(*ws, hereId);
  TakeResult result = takeOffers(document, {offer}, sources, false);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"agr"}));
  EXPECT_TRUE(result.refused.empty());
  EXPECT_EQ(result.files, 1u);
  const auto keys = document.session().records("agr");
  ASSERT_EQ(keys.size(), 3u);
  // In the other reply's order; the kind (not paired) is left out; the year came by its link.
  EXPECT_EQ(document.session().value("agr[" + keys[0] + "]/agr_partner"), "FRA");
  EXPECT_EQ(document.session().value("agr[" + keys[0] + "]/agr_year"), "2019");
  EXPECT_EQ(document.session().value("agr[" + keys[2] + "]/agr_title"), "Joint patrols");
  auto file = ws->attachment(hereId, "agr[" + keys[0] + "]/agr_text");
  ASSERT_TRUE(file);
  EXPECT_EQ(std::string(file->data.begin(), file->data.end()), "Readmission, art. 3.");
  auto from = takenFrom(document.session().answers(), "agr");
  ASSERT_TRUE(from);
  EXPECT_EQ(from->question, "deals");
  EXPECT_EQ(offerFor(document).status, OfferStatus::Taken);

  ASSERT_TRUE(document.undo());  // one step
  EXPECT_TRUE(document.session().records("agr").empty());
  EXPECT_EQ(document.session().value("agr@offered"), "");
}

TEST_F(RecordOffersTest, RecordsMatchByTheKeyFieldAndTypedAnswersAreKept) {
  ResponseDocument document(*ws, hereId);
  // Typed here: Italy with another title, and France with no title but a note of its own.
  ws->write(hereId, {{"agr", "h1 h2"},
                     {"agr[h1]/agr_partner", "ITA"},
                     {"agr[h1]/agr_title", "Memorandum on police cooperation"},
                     {"agr[h2]/agr_partner", "FRA"},
                     {"agr[h2]/agr_note", "Signed in Paris."}});
  ResponseDocument reopened(*ws, hereId);
  Offer offer = offerFor(reopened);
  EXPECT_EQ(offer.status, OfferStatus::Differs);
  EXPECT_EQ(offer.records, 3u);
  EXPECT_EQ(offer.newRecords, 1u);  // Spain
  EXPECT_EQ(offer.conflicts, (std::vector<std::string>{"agr[h1]/agr_title"}));
  EXPECT_TRUE(offer.replaces());

  auto sources = sourcesIn(*ws, hereId);
  TakeResult result = takeOffers(reopened, {offer}, sources, false);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"agr"}));
  ASSERT_EQ(result.kept.size(), 1u);
  EXPECT_NE(result.kept[0].second.find("agr[h1]/agr_title"), std::string::npos) << result.kept[0].second;
  EXPECT_NE(result.kept[0].second.find("--replace"), std::string::npos);
  // Nothing typed was replaced or removed; France was filled, Spain added.
  EXPECT_EQ(titles(reopened, "agr", "agr"),
            (std::map<std::string, std::string>{{"ITA", "Memorandum on police cooperation"},
                                                {"FRA", "Readmission agreement"},
                                                {"ESP", "Joint patrols"}}));
  EXPECT_EQ(reopened.session().value("agr[h2]/agr_note"), "Signed in Paris.");
  EXPECT_EQ(reopened.session().value("agr[h2]/agr_year"), "2019");
  EXPECT_EQ(reopened.session().records("agr").front(), "h1");  // the order here stays

  // Still differing on Italy's title: the offer stays, and taking it again without asking changes nothing.
  offer = offerFor(reopened);
  EXPECT_EQ(offer.status, OfferStatus::Differs);
  EXPECT_EQ(offer.newRecords, 0u);
  result = takeOffers(reopened, {offer}, sources, false);
  EXPECT_TRUE(result.taken.empty());
  ASSERT_EQ(result.refused.size(), 1u);
  EXPECT_NE(result.refused[0].second.find("were kept"), std::string::npos) << result.refused[0].second;
  // Asked, it replaces the title.
  result = takeOffers(reopened, {offer}, sources, true);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"agr"}));
  EXPECT_EQ(reopened.session().value("agr[h1]/agr_title"), "Police cooperation");
  EXPECT_EQ(offerFor(reopened).status, OfferStatus::Taken);
}

TEST_F(RecordOffersTest, ALaterChangeInTheOtherListIsFlaggedAndTakenWhenUntouchedHere) {
  ResponseDocument document(*ws, hereId);
  auto sources = sourcesIn(*ws, hereId);
  ASSERT_EQ(takeOffers(document, {offerFor(document)}, sources, false).taken.size(), 1u);

  ws->setUser("maria");
  ws->write(thereId, {{"deals[d2]/deals_title", "Police cooperation (revised 2026)"},
                      {"deals", "d1 d2 d3 d4"},
                      {"deals[d4]/deals_partner", "DEU"}});
  Offer offer = offerFor(document);
  EXPECT_EQ(offer.status, OfferStatus::ChangedSinceTaken);
  EXPECT_EQ(offer.newRecords, 1u);
  EXPECT_EQ(offer.conflicts.size(), 1u);
  EXPECT_FALSE(offer.replaces());
  TakeResult result = takeOffers(document, {offer}, sourcesIn(*ws, hereId), false);
  EXPECT_EQ(result.taken, (std::vector<std::string>{"agr"}));
  EXPECT_EQ(titles(document, "agr", "agr").at("ITA"), "Police cooperation (revised 2026)");
  EXPECT_EQ(document.session().records("agr").size(), 4u);

  // Changed here since: the next change there is a conflict, kept unless asked.
  document.answer("agr[" + document.session().records("agr")[0] + "]/agr_title", "Readmission (as amended)");
  ws->write(thereId, {{"deals[d1]/deals_title", "Readmission agreement of 2019"}});
  offer = offerFor(document);
  EXPECT_EQ(offer.status, OfferStatus::Differs);
}

TEST_F(RecordOffersTest, AListIsNotOfferedToAQuestionThatIsNotAList) {
  const char* kFlat = R"(  - id: s
    title: S
    questions:
      - {id: agr, type: text, label: Agreements, also_asked_in: ["rep-b:deals"]}
)";
  auto flat = test::loadStoreQuestionnaire(yaml("rep-a", "tip", kFlat), "rep-a.yaml");
  ASSERT_TRUE(flat);
  EXPECT_TRUE(findOffers(*flat, {}, sourcesIn(*ws, hereId)).empty());
}

}  // namespace
}  // namespace focal
