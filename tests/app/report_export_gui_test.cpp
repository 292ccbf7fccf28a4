// File > Export the national report: the window's response written as the
// signed report and as a PDF, and a final export refused with the list of
// what is missing. Driven through gui::WriteReport, which the menu's
// dialogs call once the user has chosen the format and the file.
#include <wx/app.h>

#include <cstdlib>
#include <filesystem>

#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "app/gui/report_actions.h"
#include "export/report/report_file.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"
#include "tests/export/export_fixtures.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

class ReportExportTest : public GuiTest {
 protected:
  MainFrame* Open(const std::map<std::string, std::string>& answers) {
    setenv("FOCAL_CONFIG_DIR", (directory_ + "/config").c_str(), 1);
    MainFrame* frame = Desktop::Get().OpenWorkspace(EveryTypeWorkspace(directory_, answers));
    EXPECT_NE(frame, nullptr);
    EXPECT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
    return frame;
  }
  void TearDown() override {
    unsetenv("FOCAL_CONFIG_DIR");
    GuiTest::TearDown();
  }
};

TEST_F(ReportExportTest, WritesASignedReportAndAPdfOfTheWindowsResponse) {
  MainFrame* frame = Open({{"gate", "no"}, {"name", "National plan 2025"}});
  ASSERT_TRUE(gui::CanExportReport(*frame->GetModel()));
  const std::string report = directory_ + "/FRA.focalreport";
  wxString message;
  ASSERT_TRUE(gui::WriteReport(*frame->GetModel(), "report", report, false, message, frame))
      << message.utf8_string();
  EXPECT_TRUE(message.Contains("Signed with this installation's key")) << message.utf8_string();
  ReportCheck check = readReportFile(report);
  EXPECT_EQ(check.verdict, ReportVerdict::Intact) << check.reason;
  ASSERT_TRUE(check.report);
  EXPECT_EQ(check.report->metadata.state, "FRA");
  EXPECT_EQ(check.report->answerMap().at("name"), "National plan 2025");

  const std::string pdf = directory_ + "/FRA.pdf";
  ASSERT_TRUE(gui::WriteReport(*frame->GetModel(), "pdf", pdf, false, message)) << message.utf8_string();
  // The printed pages hold the State, the questions and the answer typed.
  if (!test::haveProgram("/usr/bin/pdftotext")) GTEST_SKIP() << "no pdftotext";
  int status = -1;
  const std::string text = test::run("/usr/bin/pdftotext -enc UTF-8 '" + pdf + "' - 2>&1", &status);
  ASSERT_EQ(status, 0) << text;
  EXPECT_NE(text.find("France"), std::string::npos) << text;
  EXPECT_NE(text.find("Does your country have a national action plan?"), std::string::npos) << text;
  EXPECT_NE(text.find("National plan 2025"), std::string::npos) << text;
}

TEST_F(ReportExportTest, AFinalExportListsWhatIsMissingAndWritesNothing) {
  MainFrame* frame = Open({});
  const std::string report = directory_ + "/final.focalreport";
  wxString message;
  EXPECT_FALSE(gui::WriteReport(*frame->GetModel(), "report", report, true, message));
  EXPECT_TRUE(message.Contains("cannot be exported as final yet")) << message.utf8_string();
  EXPECT_TRUE(message.Contains("(gate)")) << message.utf8_string();
  EXPECT_TRUE(message.Contains("export a draft")) << message.utf8_string();
  EXPECT_FALSE(std::filesystem::exists(report));
}

}  // namespace
}  // namespace focal::test
