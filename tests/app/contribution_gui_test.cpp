// Contributions in the desktop program: the focal point imports an agency's
// contribution with one conflict from the assignments dashboard, settles it
// in the conflicts dialog with a click, and finds the agency's answer, with
// its provenance, in the exported national report. The agency's window
// refuses answers outside its sections.
#include <wx/button.h>
#include <fstream>

#include <filesystem>

#include "app/gui/contribution_conflicts_dialog.h"
#include "app/gui/contribution_dashboard_dialog.h"
#include "app/gui/contribution_model.h"
#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "export/contribution/contribution_annex.h"
#include "export/contribution/contribution_file.h"
#include "export/contribution/contribution_request.h"
#include "export/report/report_assembly.h"
#include "export/report/report_file.h"
#include "forms/questionnaire_loader.h"
#include "forms/response_document.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

using gui::ContributionConflictsDialog;
using gui::ContributionDashboardDialog;
using gui::Desktop;
using gui::MainFrame;

const char* kQuestionnaire = R"(focal: 1
id: contrib-gui
title: {en: Contributions}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en]
sections:
  - id: general
    title: {en: General}
    questions:
      - {id: q_1, type: yes_no, label: {en: "Is trafficking an offence?"}}
      - {id: q_2, type: attachment, label: {en: The act}}
  - id: victims
    title: {en: Victims}
    questions:
      - {id: q_3, type: long_text, label: {en: Protection measures}}
      - {id: q_4, type: integer, label: {en: Shelters}}
)";

WorkspaceOptions Options(const std::string& user) {
  WorkspaceOptions options;
  options.user = user;
  options.backupOnClose = false;
  return options;
}

wxButton* ButtonLabelled(wxWindow* root, const wxString& label) {
  if (auto* button = dynamic_cast<wxButton*>(root); button && button->GetLabelText() == label) return button;
  for (wxWindow* child : root->GetChildren())
    if (wxButton* found = ButtonLabelled(child, label)) return found;
  return nullptr;
}

class ContributionGuiTest : public GuiTest {
 protected:
  // The focal point's workspace, a request to the Ministry of Justice, its
  // contribution (q_3 and q_4 changed), and the focal point's own later
  // change of q_3: one conflict, one answer to apply.
  void Prepare() {
    workspaceFile_ = directory_ + "/national.focal";
    contributionFile_ = directory_ + "/justice.focalcontrib";
    LoadResult loaded = loadQuestionnaireText(kQuestionnaire, "contrib-gui.yaml");
    ASSERT_TRUE(loaded.ok());
    {
      auto ws = Workspace::create(workspaceFile_, Options("Jeanne Martin"));
      const ResponseId id = ws->createResponse(*loaded.questionnaire, "FRA", "en",
                                               {{"q_1", "yes"}, {"q_3", "Shelters"}, {"q_4", "4"}});
      ContributionStore store(*ws);
      makeContributionRequest(store, id, "Ministry of Justice", {{"victims"}, {}},
                              directory_ + "/justice.focal");
      {
        auto request = Workspace::open(directory_ + "/justice.focal", Options("Maria Lopez"));
        auto opened = openRequestWorkspace(*request);
        ASSERT_TRUE(opened);
        ResponseDocument agency(*request, opened->response);
        agency.answer("q_3", "Shelters and legal aid");
        agency.answer("q_4", "6");
        const SigningKey key = SigningKey::generate();
        writeContributionFile(contributionFromRequest(*request, "Maria Lopez"), contributionFile_, &key);
      }
      ResponseDocument focal(*ws, id);
      focal.answer("q_3", "Shelters, run by the State");
    }
  }

  std::string workspaceFile_, contributionFile_;
};

TEST_F(ContributionGuiTest, ImportResolveAndFindTheAnswerInTheReport) {
  Prepare();
  MainFrame* frame = Desktop::Get().OpenWorkspace(workspaceFile_);
  ASSERT_NE(frame, nullptr);
  frame->SetSize(1200, 800);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen(); }));
  gui::DocumentModel* model = gui::DocumentOf(*frame->GetModel());
  ASSERT_NE(model, nullptr);

  auto* dashboard = new ContributionDashboardDialog(frame, *model);
  dashboard->Show();
  ASSERT_TRUE(WaitUntil([&] { return dashboard->IsShownOnScreen(); }));
  ASSERT_TRUE(dashboard->ImportFiles({contributionFile_})) << dashboard->StatusText().utf8_string();
  ASSERT_EQ(dashboard->RowCount(), 1);
  EXPECT_EQ(dashboard->CellText(0, 0), "Ministry of Justice");
  EXPECT_EQ(dashboard->CellText(0, 4), "1");
  EXPECT_TRUE(dashboard->StatusText().Contains("1 answers taken")) << dashboard->StatusText().utf8_string();
  EXPECT_EQ(model->session().value("q_4"), "6");
  EXPECT_EQ(model->session().value("q_3"), "Shelters, run by the State");
  Screenshot(dashboard, "contribution-dashboard");
  dashboard->Destroy();

  auto* conflicts = new ContributionConflictsDialog(frame, *model);
  conflicts->Show();
  ASSERT_TRUE(WaitUntil([&] { return conflicts->IsShownOnScreen(); }));
  ASSERT_EQ(conflicts->ConflictCount(), 1);
  ASSERT_NE(conflicts->Selected(), nullptr);
  EXPECT_EQ(conflicts->Selected()->conflict.theirs, "Shelters and legal aid");
  EXPECT_EQ(conflicts->Selected()->theirsBy, "Maria Lopez");
  EXPECT_EQ(conflicts->Selected()->oursBy, "Jeanne Martin");
  Screenshot(conflicts, "contribution-conflicts");
  wxButton* take = ButtonLabelled(conflicts, _("Take the agency's answer"));
  ASSERT_NE(take, nullptr);
  Click(take);
  ASSERT_TRUE(WaitUntil([&] { return conflicts->ConflictCount() == 0; }))
      << conflicts->ErrorText().utf8_string();
  conflicts->Destroy();
  EXPECT_EQ(model->session().value("q_3"), "Shelters and legal aid");

  // The national report, as focal-cli export writes it.
  Workspace& ws = model->workspace();
  ReportInput input;
  input.questionnaire = ws.questionnaire(model->responseId());
  input.state = "FRA";
  input.preparer = "Jeanne Martin";
  for (auto& a : ws.storedAnswers(model->responseId()))
    input.answers.push_back({a.path, a.value, a.changedBy, a.changedAt});
  NationalReport report = assembleReport(input);
  const std::string reportFile = directory_ + "/france.focalreport";
  const SigningKey key = SigningKey::generate();
  writeReportFile(report, reportFile, &key);
  ReportCheck check = readReportFile(reportFile);
  ASSERT_TRUE(check.intact()) << check.reason;
  const ReportAnswer* q3 = nullptr;
  for (const auto& a : check.report->answers)
    if (a.path == "q_3") q3 = &a;
  ASSERT_NE(q3, nullptr);
  EXPECT_EQ(q3->value, "Shelters and legal aid");
  EXPECT_NE(q3->changedBy.find("Ministry of Justice"), std::string::npos) << q3->changedBy;

  ContributionAnnex annex = contributionAnnex(ws, model->responseId(), *check.report);
  ASSERT_EQ(annex.agencies.size(), 1u);
  EXPECT_EQ(annex.agencies[0].answers, 2u);  // q_3 (settled) and q_4 (applied)
  EXPECT_NE(contributionAnnexText(annex).find("Maria Lopez, Ministry of Justice"), std::string::npos);
}

TEST_F(ContributionGuiTest, TheAgencysWindowRefusesAnswersOutsideItsSections) {
  Prepare();
  auto model = std::make_shared<gui::DocumentModel>(
      Workspace::open(directory_ + "/justice.focal", Options("Maria Lopez")), 1);
  std::shared_ptr<gui::ResponseModel> restricted = gui::WithRequest(model);
  ASSERT_NE(gui::RequestOf(*restricted), nullptr);
  // The same refusal for a file attached outside the assignment, before any byte is stored.
  const std::string file = directory_ + "/act.txt";
  std::ofstream(file) << "outside";
  try {
    restricted->attach("q_2", file, 1 << 20);
    ADD_FAILURE() << "a file outside the assignment was attached";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("not assigned to Ministry of Justice"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(restricted->session().value("q_2"), "");
  EXPECT_EQ(model->workspace().attachmentBytes(), 0u);
  Outcome outside = restricted->apply({{"q_1", "no"}});
  EXPECT_EQ(outside.status, AnswerStatus::Refused);
  EXPECT_NE(outside.message.find("not assigned to Ministry of Justice"), std::string::npos)
      << outside.message;
  // q_1 is outside the assignment: the request never held it, and the
  // refused write left it empty.
  EXPECT_EQ(restricted->session().value("q_1"), "");
  EXPECT_EQ(restricted->apply({{"q_4", "7"}}).status, AnswerStatus::Ok);
  MainFrame* frame = Desktop::Get().ShowModel(restricted);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen(); }));
  Screenshot(frame, "contribution-agency-window");
}

}  // namespace
}  // namespace focal::test
