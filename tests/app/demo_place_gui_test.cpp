// The demo reply has answers in every kind of question and says it is a
// demo; the status bar names questions by their words, never by an id or a
// record path; a workspace opens again at the section and question where it
// was left, in a window of the size it had (issue "The focal point's first
// week", item 16). And every control of a question is announced with the
// question's label (item 15).
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <functional>
#include <regex>
#include <set>

#include "app/gui/banner.h"
#include "app/gui/demo_reply.h"
#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/questionnaire_files.h"
#include "app/gui/wx_text.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const std::string kEveryType = std::string(FOCAL_TEST_DATA) + "/every-type.yaml";

template <typename T>
void Collect(wxWindow* root, std::vector<T*>& out) {
  if (auto* control = dynamic_cast<T*>(root)) out.push_back(control);
  for (wxWindow* child : root->GetChildren()) Collect(child, out);
}

MainFrame* Shown(MainFrame* frame) {
  EXPECT_NE(frame, nullptr);
  if (!frame) return nullptr;
  EXPECT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  Pump(100);
  return frame;
}

TEST(DemoAnswers, EveryBundledQuestionnaireGetsValidAnswersInEveryType) {
  const auto available = gui::AvailableQuestionnaires();
  ASSERT_GE(available.size(), 5u);
  for (const auto& [file, questionnaire] : available) {
    SCOPED_TRACE(file);
    ResponseSession session(questionnaire, "en");
    session.load(gui::DemoAnswers(questionnaire));
    for (const auto& problem : session.problems()) {
      const Question& q = questionnaire->questions[problem.question];
      // Only an attachment may stay empty: the demo has no file to attach.
      EXPECT_TRUE(problem.kind == ProblemKind::RequiredButEmpty && q.type == QuestionType::Attachment)
          << problem.path << ": " << problem.message;
    }
    std::set<QuestionType> answered;
    for (const auto& question : questionnaire->questions)
      if (session.isRelevant(question.id) && session.isAnswered(question.id)) answered.insert(question.type);
    for (const auto& question : questionnaire->questions) {
      if (!takesAnswer(question.type) || question.type == QuestionType::Attachment || question.repeat >= 0)
        continue;
      EXPECT_TRUE(answered.count(question.type)) << "no " << questionTypeKey(question.type) << " answered";
    }
  }
}

class DemoTest : public GuiTest {};

TEST_F(DemoTest, TheDemoIsAFilledReplyTitledAsADemo) {
  const std::string file = directory_ + "/demo.focal";
  MainFrame* frame = Shown(Desktop::Get().OpenDemo(file));
  ASSERT_NE(frame, nullptr);
  EXPECT_TRUE(frame->IsDemo());
  EXPECT_TRUE(frame->GetTitle().StartsWith(_("Demo reply")));
  const ResponseSession& session = frame->GetModel()->session();
  EXPECT_GT(session.progress().percent(), 80);
  EXPECT_TRUE(frame->GetBanner()->IsShown());
  Screenshot(frame, "demo");
  frame->Close();
  Pump(100);

  // Opened again, the same demo: no second set of answers, still a demo.
  frame = Shown(Desktop::Get().OpenDemo(file));
  EXPECT_TRUE(frame->IsDemo());
  frame->Close();
}

TEST_F(DemoTest, TheStatusBarNamesQuestionsByTheirWords) {
  const std::string file = directory_ + "/every-type.focal";
  {
    LoadResult result = loadQuestionnaireFile(kEveryType);
    auto workspace = Workspace::create(file);
    workspace->createResponse(*result.questionnaire, "FRA", "en", gui::DemoAnswers(result.questionnaire));
  }
  MainFrame* frame = Shown(Desktop::Get().OpenWorkspace(file));
  ASSERT_NE(frame, nullptr);
  const std::regex id("[a-z]+_[a-z0-9_]+|\\[|\\]|/");
  for (int section : {0, 1}) {
    frame->OpenSection(section);
    Pump(100);
    std::vector<wxTextCtrl*> boxes;
    Collect(frame->Page(), boxes);
    ASSERT_FALSE(boxes.empty());
    for (wxTextCtrl* box : boxes) {
      if (!box->IsShownOnScreen() || !box->IsEnabled()) continue;
      box->SetFocus();
      Pump(50);
      const std::string status = gui::ToUtf8(frame->GetStatusBar()->GetStatusText(0));
      SCOPED_TRACE(status);
      EXPECT_FALSE(status.empty());
      EXPECT_FALSE(std::regex_search(status, id));
    }
  }
  // A record's question: "Agreements > Record 2: Title of the agreement".
  frame->GoToQuestion("agreements[demo2]/agreement_title");
  Pump(100);
  EXPECT_EQ(frame->GetStatusBar()->GetStatusText(0), "Agreements > Record 2: Title of the agreement");
  frame->Close();
}

TEST_F(DemoTest, AWorkspaceOpensAgainWhereItWasLeftAtItsSize) {
  const std::string file = directory_ + "/every-type.focal";
  {
    LoadResult result = loadQuestionnaireFile(kEveryType);
    auto workspace = Workspace::create(file);
    workspace->createResponse(*result.questionnaire, "FRA", "en");
  }
  MainFrame* frame = Shown(Desktop::Get().OpenWorkspace(file));
  ASSERT_NE(frame, nullptr);
  EXPECT_EQ(frame->CurrentSection(), 0);
  frame->SetSize(900, 640);
  Pump(100);
  ASSERT_TRUE(frame->GoToQuestion("victims"));
  Pump(100);
  ASSERT_EQ(frame->CurrentSection(), 1);
  frame->Close();
  Pump(100);

  frame = Shown(Desktop::Get().OpenWorkspace(file));
  EXPECT_EQ(frame->CurrentSection(), 1);
  ASSERT_NE(frame->CurrentEditor(), nullptr);
  EXPECT_EQ(frame->CurrentEditor()->Path(), "victims");
  EXPECT_EQ(frame->GetSize(), wxSize(900, 640));
  frame->Close();
}

// Every control a user can reach in a question is announced with the
// question's label first (then what it is: "Yes", "Comment", "Add a record").
TEST_F(DemoTest, EveryControlIsNamedAfterItsQuestion) {
  const std::string file = directory_ + "/every-type.focal";
  std::shared_ptr<const Questionnaire> questionnaire;
  {
    LoadResult result = loadQuestionnaireFile(kEveryType);
    questionnaire = result.questionnaire;
    auto workspace = Workspace::create(file);
    workspace->createResponse(*result.questionnaire, "FRA", "en", gui::DemoAnswers(result.questionnaire));
  }
  MainFrame* frame = Shown(Desktop::Get().OpenWorkspace(file));
  ASSERT_NE(frame, nullptr);
  int checked = 0;
  for (int section : {0, 1}) {
    frame->OpenSection(section);
    frame->Page()->BuildAll();
    Pump(100);
    // Each control belongs to its innermost editor (a record's question is one).
    std::function<void(wxWindow*, const gui::QuestionEditor*)> visit =
        [&](wxWindow* window, const gui::QuestionEditor* editor) {
          if (auto* panel = dynamic_cast<wxPanel*>(window); panel && panel->GetClientData())
            editor = static_cast<const gui::QuestionEditor*>(panel->GetClientData());
          auto* control = dynamic_cast<wxControl*>(window);
          if (editor && control && !dynamic_cast<wxStaticText*>(control) && control->IsShownOnScreen() &&
              control->AcceptsFocus()) {
            const wxString label = gui::Localized(editor->GetQuestion().label, "en", *questionnaire);
            SCOPED_TRACE(wxString(control->GetClassInfo()->GetClassName()).utf8_string() + " in " +
                         editor->Path());
            EXPECT_TRUE(control->GetName().StartsWith(label)) << control->GetName();
            ++checked;
          }
          for (wxWindow* child : window->GetChildren()) visit(child, editor);
        };
    visit(frame->Page(), nullptr);
  }
  EXPECT_GT(checked, 30);
  frame->Close();
}

}  // namespace
}  // namespace focal::test
