// The demo reply has answers in every kind of question and says it is a
// demo; the status bar names questions by their words, never by an id or a
// record path; a workspace opens again at the section and question where it
// was left, in a window of the size it had (issue "The focal point's first
// week", item 16). And every control of a question is announced with the
// question's label (item 15).
#include <dlfcn.h>
#include <wx/radiobut.h>
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
#include "forms/answer_path.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

// The accessible name GTK gives assistive technologies, read as they read it.
std::string AtkName(wxWindow* window) {
  using GetAccessible = void* (*)(void*);
  using GetName = const char* (*)(void*);
  static auto getAccessible =
      reinterpret_cast<GetAccessible>(dlsym(RTLD_DEFAULT, "gtk_widget_get_accessible"));
  static auto getName = reinterpret_cast<GetName>(dlsym(RTLD_DEFAULT, "atk_object_get_name"));
  if (!getAccessible || !getName) return "(no ATK)";
  void* accessible = getAccessible(window->GetHandle());
  const char* name = accessible ? getName(accessible) : nullptr;
  return name ? name : "";
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

TEST(DemoAnswers, ATextAnswerFitsWhatItsLabelAsks) {
  std::size_t emails = 0, phones = 0, focalPoints = 0;
  for (const auto& [file, questionnaire] : gui::AvailableQuestionnaires()) {
    SCOPED_TRACE(file);
    for (const auto& [path, value] : gui::DemoAnswers(questionnaire)) {
      const auto parsed = parseAnswerPath(path);
      if (!parsed || !parsed->part.empty() || !parsed->mark.empty()) continue;
      const int index = questionnaire->indexOf(parsed->question);
      if (index < 0 || questionnaire->questions[index].type != QuestionType::Text) continue;
      const std::string& label = questionnaire->questions[index].label.get("en");
      if (label.find("mail address") != std::string::npos) {
        ++emails;
        EXPECT_NE(value.find('@'), std::string::npos) << path << " = " << value;
      } else if (label.find("Telephone") != std::string::npos) {
        ++phones;
        EXPECT_EQ(value.front(), '+') << path << " = " << value;
      } else if (label.find("Name of the national focal point") != std::string::npos) {
        ++focalPoints;
        EXPECT_EQ(value, "Anna Berger") << path;  // a person: the report prints it as its preparer
      }
    }
  }
  EXPECT_GE(emails, 5u);
  EXPECT_GE(phones, 5u);
  EXPECT_GE(focalPoints, 5u);
}

class DemoTest : public GuiTest {
 protected:
  // A workspace of `questionnaire` with the demo's answers, in a window.
  MainFrame* OpenDemoAnswers(const std::shared_ptr<const Questionnaire>& questionnaire) {
    const std::string file =
        CreateWorkspace(directory_ + "/every-type.focal", *questionnaire, gui::DemoAnswers(questionnaire));
    return WaitShown(Desktop::Get().OpenWorkspace(file));
  }
};

TEST_F(DemoTest, TheDemoIsAFilledReplyTitledAsADemo) {
  const std::string file = directory_ + "/demo.focal";
  MainFrame* frame = WaitShown(Desktop::Get().OpenDemo(file));
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
  frame = WaitShown(Desktop::Get().OpenDemo(file));
  EXPECT_TRUE(frame->IsDemo());
  frame->Close();
}

TEST_F(DemoTest, TheStatusBarNamesQuestionsByTheirWords) {
  MainFrame* frame = OpenDemoAnswers(LoadQuestionnaire(kEveryType));
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
  const std::string file = EveryTypeWorkspace(directory_);
  MainFrame* frame = WaitShown(Desktop::Get().OpenWorkspace(file));
  ASSERT_NE(frame, nullptr);
  EXPECT_EQ(frame->CurrentSection(), 0);
  frame->SetSize(900, 640);
  Pump(100);
  ASSERT_TRUE(frame->GoToQuestion("victims"));
  Pump(100);
  ASSERT_EQ(frame->CurrentSection(), 1);
  frame->Close();
  Pump(100);

  frame = WaitShown(Desktop::Get().OpenWorkspace(file));
  EXPECT_EQ(frame->CurrentSection(), 1);
  ASSERT_NE(frame->CurrentEditor(), nullptr);
  EXPECT_EQ(frame->CurrentEditor()->Path(), "victims");
  EXPECT_EQ(frame->GetSize(), wxSize(900, 640));
  frame->Close();
}

// Every control a user can reach in a question is announced with the
// question's label first (then what it is: "Yes", "Comment", "Add a record").
TEST_F(DemoTest, EveryControlIsNamedAfterItsQuestion) {
  const std::shared_ptr<const Questionnaire> questionnaire = LoadQuestionnaire(kEveryType);
  MainFrame* frame = OpenDemoAnswers(questionnaire);
  ASSERT_NE(frame, nullptr);
  int checked = 0;
  for (int section : {0, 1}) {
    frame->OpenSection(section);
    frame->Page()->BuildAll();
    Pump(100);
    // Each control belongs to its innermost editor (a record's question is one).
    std::function<void(wxWindow*, const gui::QuestionEditor*)> visit =
        [&](wxWindow* window, const gui::QuestionEditor* editor) {
          // Panels (an editor's, a record's) pass the focus on to their first control.
          const bool editorPanel = dynamic_cast<wxPanel*>(window) && window->GetClientData();
          if (editorPanel) editor = static_cast<const gui::QuestionEditor*>(window->GetClientData());
          const bool container = dynamic_cast<wxPanel*>(window) != nullptr;
          // What the keyboard reaches, and the hidden "not answered" radio a screen reader may list.
          const bool reached = window->IsShownOnScreen() && window->AcceptsFocusFromKeyboard();
          if (editor && !container && !dynamic_cast<wxStaticText*>(window) &&
              (reached || dynamic_cast<wxRadioButton*>(window))) {
            const wxString label = gui::Localized(editor->GetQuestion().label, "en", *questionnaire);
            SCOPED_TRACE(wxString(window->GetClassInfo()->GetClassName()).utf8_string() + " in " +
                         editor->Path());
            EXPECT_TRUE(window->GetName().StartsWith(label)) << window->GetName();
            // What AT-SPI announces: the GTK widget's ATK name.
            EXPECT_EQ(AtkName(window), window->GetName().utf8_string());
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
