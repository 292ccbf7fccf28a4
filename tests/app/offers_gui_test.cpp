// An answer offered across instruments in the desktop program: the
// trafficking reply's border-control question shows the answer the same
// State gave for the Smuggling of Migrants Protocol, with a button that
// takes it as one undo step; a carried answer shows the previous cycle's.
#include <wx/button.h>
#include <wx/stattext.h>

#include <filesystem>

#include "app/gui/desktop.h"
#include "app/gui/document_model.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/offer_actions.h"
#include "app/gui/question_list_page.h"
#include "app/gui/question_page.h"
#include "export/report/offer_sources.h"
#include "forms/date_words.h"
#include "forms/offers.h"
#include "forms/questionnaire_loader.h"
#include "forms/response_document.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

std::shared_ptr<const Questionnaire> Bundled(const std::string& id) {
  return LoadQuestionnaire(
      (std::filesystem::path(FOCAL_SOURCE_DIR) / "questionnaires" / (id + ".yaml")).string());
}

// The texts and buttons of the question's editor.
std::vector<wxString> Texts(MainFrame* frame, const std::string& path) {
  std::vector<wxString> out;
  for (auto* t : AllInEditor<wxStaticText>(frame, path))
    if (t->IsShownOnScreen()) {
      wxString label = t->GetLabel();
      label.Replace("\n", " ");  // wrapped lines
      out.push_back(label);
    }
  return out;
}

wxButton* Button(MainFrame* frame, const std::string& path, const wxString& label) {
  for (auto* b : AllInEditor<wxButton>(frame, path))
    if (b->GetLabel() == label && b->IsShownOnScreen()) return b;
  return nullptr;
}

bool Shows(const std::vector<wxString>& texts, const wxString& part) {
  for (const auto& t : texts)
    if (t.Contains(part)) return true;
  return false;
}

class OffersGuiTest : public GuiTest {};

TEST_F(OffersGuiTest, TheOtherProtocolsAnswerIsOfferedAndTakenAsOneUndoStep) {
  const std::string file = directory_ + "/nga.focal";
  ResponseId tipId = 0;
  {
    auto ws = Workspace::create(file);
    ws->setUser("Ministry of the Interior");
    const ResponseId somId = ws->createResponse(*Bundled("som-cycle2"), "NGA", "en");
    ws->write(somId,
              {{"bm_11_1", "yes"}, {"bm_11_1_a", "Joint patrols with neighbouring States since 2025."}});
    tipId = ws->createResponse(*Bundled("tip-cycle2"), "NGA", "en");
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(file), tipId);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  frame->Move(0, 0);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("bm_11_1"));
  Pump(200);

  const wxString offered = "Answered for the Smuggling of Migrants Protocol (cycle 2) on ";
  // The date in words ("on 6 December"), not ISO.
  EXPECT_TRUE(
      Shows(Texts(frame, "bm_11_1"), offered + wxString::FromUTF8(dateInWords(utcTimestamp())) + " by"));
  EXPECT_FALSE(Shows(Texts(frame, "bm_11_1"), offered + "20"));
  EXPECT_TRUE(Shows(Texts(frame, "bm_11_1"), "by Ministry of the Interior: Yes"));
  wxButton* use = Button(frame, "bm_11_1", _("Use this answer"));
  ASSERT_NE(use, nullptr);
  const std::string shot = Screenshot(frame, "offered-answer");
  EXPECT_FALSE(shot.empty());

  Click(use);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_11_1") == "yes"; }));
  Pump(100);
  EXPECT_EQ(Button(frame, "bm_11_1", _("Use this answer")), nullptr);
  EXPECT_TRUE(Shows(Texts(frame, "bm_11_1"), "Taken from the other reply."));
  EXPECT_NE(model->session().value("bm_11_1@offered").find("som-cycle2"), std::string::npos);

  // Ctrl+Z takes it back, in one step.
  frame->SetFocus();
  PressKey('Z', wxMOD_CONTROL);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_11_1").empty(); }));
  EXPECT_EQ(model->session().value("bm_11_1@offered"), "");
  Pump(100);
  EXPECT_NE(Button(frame, "bm_11_1", _("Use this answer")), nullptr);

  // An answer typed here is replaced only by the button that says so.
  model->apply({{"bm_11_1", "no"}});
  Pump(100);
  EXPECT_EQ(Button(frame, "bm_11_1", _("Use this answer")), nullptr);
  wxButton* instead = Button(frame, "bm_11_1", _("Use this answer instead"));
  ASSERT_NE(instead, nullptr);
  EXPECT_TRUE(Shows(Texts(frame, "bm_11_1"), "(answered otherwise here)"));
  Click(instead);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_11_1") == "yes"; }));
  frame->Close();
  Pump(100);
}

// The other way: the trafficking reply took the smuggling reply's answer and changed it
// since; the smuggling reply's question says so, with the new value, and replaces its own
// answer only by the button that says so.
TEST_F(OffersGuiTest, AChangeInTheReplyThatTookAnAnswerIsShownWhereItWasTakenFrom) {
  const std::string file = directory_ + "/nga.focal";
  ResponseId somId = 0;
  {
    auto ws = Workspace::create(file);
    ws->setUser("Ministry of the Interior");
    somId = ws->createResponse(*Bundled("som-cycle2"), "NGA", "en");
    ws->write(somId, {{"bm_11_1", "yes"}});
    const ResponseId tipId = ws->createResponse(*Bundled("tip-cycle2"), "NGA", "en");
    ResponseDocument tip(*ws, tipId);
    auto sources = workspaceSources(*ws, "NGA", tipId);
    TakeResult taken = takeOffers(
        tip, findOffers(tip.questionnaire(), tip.session().answers(), sources, "bm_11_1"), sources, false);
    ASSERT_EQ(taken.taken, (std::vector<std::string>{"bm_11_1"}));
    ws->setUser("Ministry of Justice");
    tip.answer("bm_11_1", "no");
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(file), somId);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  frame->Move(0, 0);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("bm_11_1"));
  Pump(200);

  const auto texts = Texts(frame, "bm_11_1");
  EXPECT_TRUE(Shows(texts, "Answered for the Trafficking in Persons Protocol (cycle 2) on "));
  EXPECT_TRUE(Shows(texts,
                    "by Ministry of Justice: No (changed in the reply for the Trafficking in Persons "
                    "Protocol since it was taken from here)"));
  EXPECT_EQ(Button(frame, "bm_11_1", _("Use this answer")), nullptr);
  wxButton* instead = Button(frame, "bm_11_1", _("Use this answer instead"));
  ASSERT_NE(instead, nullptr);
  EXPECT_EQ(model->session().value("bm_11_1"), "yes");
  Click(instead);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_11_1") == "no"; }));
  frame->Close();
  Pump(100);
}

TEST_F(OffersGuiTest, AnotherWorkspaceOffersItsAnswersUnlessItIsAnotherStates) {
  const std::string som = directory_ + "/som.focal", fra = directory_ + "/fra.focal",
                    tip = directory_ + "/tip.focal";
  {
    auto ws = Workspace::create(som);
    ws->write(ws->createResponse(*Bundled("som-cycle2"), "NGA", "en"), {{"bm_12_1", "yes"}});
    auto other = Workspace::create(fra);
    other->write(other->createResponse(*Bundled("som-cycle2"), "FRA", "en"), {{"bm_12_1", "no"}});
    Workspace::create(tip)->createResponse(*Bundled("tip-cycle2"), "NGA", "en");
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(tip), 1);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("bm_12_1"));
  Pump(100);
  EXPECT_EQ(Button(frame, "bm_12_1", _("Use this answer")), nullptr);
  const std::string refused = gui::AddOfferSource(*frame, *model, fra);
  EXPECT_NE(refused.find("fra.focal holds the replies of FRA, not of NGA"), std::string::npos) << refused;
  EXPECT_EQ(gui::AddOfferSource(*frame, *model, som), "");
  ASSERT_EQ(model->offers("bm_12_1").size(), 1u);
  ASSERT_TRUE(frame->GoToQuestion("bm_12_1"));
  Pump(100);
  wxButton* use = Button(frame, "bm_12_1", _("Use this answer"));
  ASSERT_NE(use, nullptr);
  Click(use);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_12_1") == "yes"; }));
  frame->Close();
  Pump(100);
}

// The window reads the other replies again when it is activated, if they changed since: an
// answer given meanwhile in the other reply is offered, and a later change of a taken answer is
// flagged, without reopening the window. A file added as a source is watched the same way.
TEST_F(OffersGuiTest, ChangesInTheOtherRepliesShowOnActivationWithoutReopening) {
  const std::string file = directory_ + "/nga.focal", som = directory_ + "/som.focal";
  ResponseId tipId = 0, somId = 0;
  {
    auto ws = Workspace::create(file);
    somId = ws->createResponse(*Bundled("som-cycle2"), "NGA", "en");
    tipId = ws->createResponse(*Bundled("tip-cycle2"), "NGA", "en");
    Workspace::create(som)->createResponse(*Bundled("som-cycle2"), "NGA", "en");
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(file), tipId);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("bm_11_1"));
  Pump(100);
  EXPECT_EQ(Button(frame, "bm_11_1", _("Use this answer")), nullptr);
  EXPECT_FALSE(frame->RefreshOffers());  // nothing changed: nothing read again

  // The smuggling reply is answered meanwhile (another window, the command line).
  model->workspace().write(somId, {{"bm_11_1", "yes"}});
  wxActivateEvent activate(wxEVT_ACTIVATE, true, frame->GetId());
  activate.SetEventObject(frame);
  frame->GetEventHandler()->ProcessEvent(activate);
  ASSERT_TRUE(WaitUntil([&] { return Button(frame, "bm_11_1", _("Use this answer")) != nullptr; }));
  Click(Button(frame, "bm_11_1", _("Use this answer")));
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("bm_11_1") == "yes"; }));

  // ... and changed there later: flagged, with the new value, on the next activation.
  model->workspace().write(somId, {{"bm_11_1", "no"}});
  EXPECT_TRUE(frame->RefreshOffers());
  ASSERT_TRUE(WaitUntil(
      [&] { return Shows(Texts(frame, "bm_11_1"), "No (changed in the other reply since you took it)"); }));
  EXPECT_FALSE(frame->RefreshOffers());

  // A workspace added as a source: its later changes on disk are read again too.
  ASSERT_TRUE(frame->GoToQuestion("bm_12_1"));
  EXPECT_EQ(gui::AddOfferSource(*frame, *model, som), "");
  ASSERT_TRUE(frame->GoToQuestion("bm_12_1"));
  Pump(100);
  EXPECT_EQ(Button(frame, "bm_12_1", _("Use this answer")), nullptr);
  {
    auto other = Workspace::open(som);
    other->write(other->responses().front().id, {{"bm_12_1", "yes"}});
  }
  EXPECT_TRUE(frame->RefreshOffers());
  ASSERT_TRUE(WaitUntil([&] { return Button(frame, "bm_12_1", _("Use this answer")) != nullptr; }));
  frame->Close();
  Pump(100);
}

// A list of records linked to a list of the other reply: its missing records are added without
// replacing what was typed here ("Use this answer"), or the differing answers replaced ("instead").
TEST_F(OffersGuiTest, AListOfRecordsIsOfferedRecordByRecord) {
  auto questionnaire = [](const std::string& id, const std::string& instrument, const std::string& repeat,
                          const std::string& link) {
    LoadResult r = loadQuestionnaireText(
        "focal: 1\nid: " + id + "\ntitle: {en: Test}\ninstrument: " + instrument +
            "\ncycle: 2\nversion: '1'\nlanguages: [en]\nsections:\n  - id: s\n    title: S\n    questions:\n"
            "      - id: " +
            repeat + "\n        type: repeat\n        label: Agreements\n" + link +
            "        questions:\n          - {id: " + repeat +
            "_partner, type: country, label: Partner}\n"
            "          - {id: " +
            repeat + "_title, type: text, label: Title}\n",
        id + ".yaml");
    EXPECT_TRUE(r.ok());
    return r.questionnaire;
  };
  auto here = questionnaire("rep-a", "tip", "agr", "        also_asked_in: [\"rep-b:deals\"]\n");
  auto there = questionnaire("rep-b", "som", "deals", "");
  ASSERT_TRUE(here && there);
  const std::string file = directory_ + "/lists.focal";
  ResponseId hereId = 0;
  {
    auto ws = Workspace::create(file);
    const ResponseId thereId = ws->createResponse(*there, "NGA", "en");
    ws->write(thereId, {{"deals", "d1 d2"},
                        {"deals[d1]/deals_partner", "FRA"},
                        {"deals[d1]/deals_title", "Readmission"},
                        {"deals[d2]/deals_partner", "ITA"},
                        {"deals[d2]/deals_title", "Police cooperation"}});
    hereId = ws->createResponse(*here, "NGA", "en");
    ws->write(hereId, {{"agr", "h1"}, {"agr[h1]/agr_partner", "ITA"}, {"agr[h1]/agr_title", "Memorandum"}});
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(file), hereId);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("agr"));
  Pump(100);
  EXPECT_TRUE(
      Shows(Texts(frame, "agr"), "2 records; to add: 1; answered otherwise here (kept unless replaced): 1"));
  wxButton* add = Button(frame, "agr", _("Use this answer"));
  ASSERT_NE(add, nullptr);
  ASSERT_NE(Button(frame, "agr", _("Use this answer instead")), nullptr);
  Click(add);
  ASSERT_TRUE(WaitUntil([&] { return model->session().records("agr").size() == 2; }));
  EXPECT_EQ(model->session().value("agr[h1]/agr_title"), "Memorandum");
  Pump(100);
  // Nothing more to add: only the answer kept here differs, so only replacing is offered.
  EXPECT_EQ(Button(frame, "agr", _("Use this answer")), nullptr);
  wxButton* instead = Button(frame, "agr", _("Use this answer instead"));
  ASSERT_NE(instead, nullptr);
  Click(instead);
  ASSERT_TRUE(WaitUntil([&] { return model->session().value("agr[h1]/agr_title") == "Police cooperation"; }));
  frame->Close();
  Pump(100);
}

TEST_F(OffersGuiTest, ACarriedAnswerShowsThePreviousCycleAndOnceChangedBoth) {
  const std::string file = directory_ + "/cycles.focal";
  auto q1 = Bundled("tip-cycle1");
  auto q2 = Bundled("tip-cycle2");
  ResponseId id = 0;
  {
    auto ws = Workspace::create(file);
    const ResponseId old = ws->createResponse(*q1, "NGA", "en");
    ws->write(old, {{"q_0_4", "Ministry of Justice"}});
    CarryForward carried = carryForward(*q2, *q1, ws->answers(old));
    ASSERT_EQ(carried.answers.count("q_0_4@previous"), 1u);
    id = ws->createResponse(*q2, "NGA", "en", carried.answers);
  }
  auto model = std::make_shared<gui::DocumentModel>(Workspace::open(file), id);
  MainFrame* frame = Desktop::Get().ShowModel(model);
  frame->SetSize(1100, 720);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  ASSERT_TRUE(frame->GoToQuestion("q_0_4"));
  Pump(100);
  EXPECT_TRUE(Shows(Texts(frame, "q_0_4"), "Previous cycle: Ministry of Justice."));
  model->apply({{"q_0_4", "Ministry of the Interior"}});
  Pump(100);
  EXPECT_TRUE(
      Shows(Texts(frame, "q_0_4"), "Previous cycle: Ministry of Justice. Now: Ministry of the Interior."));
  frame->Close();
  Pump(100);
}

}  // namespace
}  // namespace focal::test
