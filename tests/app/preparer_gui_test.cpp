// Who prepared the reply and how much of it is answered, as the report and
// the history say it: the focal point's name (from the reply, or asked once),
// never the login name; an empty attachment in a record prints no file name;
// a refused value is not counted as answered, and the export message and the
// PDF give the same count.
#include <wx/app.h>
#include <wx/config.h>
#include <wx/textdlg.h>
#include <wx/timer.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "app/gui/contribution_model.h"
#include "app/gui/desktop.h"
#include "app/gui/document_model.h"
#include "app/gui/main_frame.h"
#include "app/gui/report_actions.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"
#include "tests/export/export_fixtures.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const char* const kReply = R"(focal: 1
id: gui-reply
title: {en: A reply}
instrument: tip
cycle: 1
version: "1"
languages: [en]
sections:
  - id: contact
    title: {en: Contact}
    questions:
      - {id: fp_name, type: text, label: {en: Name of the national focal point}}
      - {id: since, type: year, label: {en: Year of the first plan}, min: 1945, max: 2030}
      - id: files
        type: repeat
        label: {en: Documents}
        questions:
          - {id: doc_title, type: text, label: {en: Title}}
          - {id: doc_file, type: attachment, label: {en: File}, types: [pdf]}
)";

class PreparerTest : public GuiTest {
 protected:
  void SetUp() override {
    GuiTest::SetUp();
    if (IsSkipped()) return;
    setenv("FOCAL_CONFIG_DIR", (directory_ + "/config").c_str(), 1);
  }
  void TearDown() override {
    unsetenv("FOCAL_CONFIG_DIR");
    wxConfigBase::Get()->Write("/Preparer/Name", "Test Preparer");
    GuiTest::TearDown();
  }
  MainFrame* Open(const std::map<std::string, std::string>& answers, const std::string& yaml = kReply) {
    const std::string questionnaire = directory_ + "/reply.yaml";
    std::ofstream(questionnaire) << yaml;
    file_ = CreateWorkspace(directory_ + "/reply.focal", *LoadQuestionnaire(questionnaire), answers);
    return WaitShown(Desktop::Get().OpenWorkspace(file_));
  }
  std::string Pdf(MainFrame* frame, wxString* message = nullptr) {
    const std::string pdf = directory_ + "/reply.pdf";
    wxString said;
    EXPECT_TRUE(gui::WriteReport(*frame->GetModel(), "pdf", pdf, false, said)) << said.utf8_string();
    if (message) *message = said;
    int status = -1;
    return test::run("/usr/bin/pdftotext -enc UTF-8 '" + pdf + "' - 2>&1", &status);
  }
  std::string file_;
};

TEST_F(PreparerTest, TheFocalPointsNameIsTheReportsPreparerAndTheHistorysWho) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  MainFrame* frame = Open({{"fp_name", "Jeanne Martin"}});
  frame->GetModel()->apply({{"since", "2001"}});
  const auto history = frame->GetModel()->history("since");
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().changedBy, "Jeanne Martin");
  // Typing one's own name: that write is already in one's name.
  frame->GetModel()->apply({{"fp_name", "Jeanne M. Martin"}});
  EXPECT_EQ(frame->GetModel()->history("fp_name").back().changedBy, "Jeanne M. Martin");
  // A record with a title and no file: the file prints as not answered, not as "attachment".
  const std::string key = gui::DocumentOf(*frame->GetModel())->document().addRecord("files");
  frame->GetModel()->apply({{"files[" + key + "]/doc_title", "Penal Code"}});
  const std::string text = Pdf(frame);
  EXPECT_NE(text.find("Jeanne M. Martin"), std::string::npos) << text;
  const char* login = std::getenv("USER");
  if (login && *login && std::string(login) != "Jeanne M. Martin") {
    EXPECT_EQ(text.find(std::string("Prepared by\n\n") + login), std::string::npos) << text;
  }
  EXPECT_EQ(text.find("attachment"), std::string::npos) << text;
  EXPECT_NE(text.find("Penal Code"), std::string::npos) << text;
}

TEST_F(PreparerTest, WithoutAFocalPointQuestionTheNameIsAskedOnce) {
  wxConfigBase::Get()->DeleteEntry("/Preparer/Name");
  const std::string yaml =
      std::regex_replace(kReply, std::regex("Name of the national focal point"), "Notes");
  int asked = 0;
  // The question is a modal dialog: answer it from a timer, inside its loop.
  wxTimer timer;
  timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* dialog = dynamic_cast<wxTextEntryDialog*>(window); dialog && dialog->IsModal()) {
        ++asked;
        dialog->SetValue("Amina Haddad");
        dialog->EndModal(wxID_OK);
      }
  });
  timer.Start(50);
  MainFrame* frame = Open({}, yaml);
  ASSERT_TRUE(WaitUntil([&] { return asked > 0; }));
  // Asked once: the timer finds no second question.
  Pump(300);
  timer.Stop();
  EXPECT_EQ(asked, 1);
  Pump(100);
  frame->GetModel()->apply({{"since", "2001"}});
  const auto history = frame->GetModel()->history("since");
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().changedBy, "Amina Haddad");
  wxString kept;
  EXPECT_TRUE(wxConfigBase::Get()->Read("/Preparer/Name", &kept));
  EXPECT_EQ(kept, "Amina Haddad");
}

TEST_F(PreparerTest, ARefusedValueIsNotAnsweredAndTheCountsAgree) {
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  MainFrame* frame = Open({{"fp_name", "Jeanne Martin"}});
  const Progress before = frame->GetModel()->session().progress();
  frame->GetModel()->apply({{"since", "12"}});  // not a year
  ASSERT_FALSE(frame->GetModel()->session().error("since").empty());
  EXPECT_EQ(frame->GetModel()->session().progress().answered, before.answered);
  frame->GetModel()->apply({{"since", "2001"}});
  const Progress after = frame->GetModel()->session().progress();
  EXPECT_EQ(after.answered, before.answered + 1);
  frame->GetModel()->apply({{"since", "12"}});
  const Progress counted = frame->GetModel()->session().progress();
  wxString message;
  const std::string text = Pdf(frame, &message);
  const std::string expected = std::to_string(counted.answered) + " of " + std::to_string(counted.relevant);
  EXPECT_TRUE(message.Contains(expected + " questions answered")) << message.utf8_string();
  EXPECT_NE(text.find(expected + " questions answered"), std::string::npos) << text;
}

}  // namespace
}  // namespace focal::test
