#include "tests/app/gui_frames.h"

#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace focal::test {

using gui::MainFrame;

const std::string kEveryType = std::string(FOCAL_TEST_DATA) + "/every-type.yaml";

std::shared_ptr<const Questionnaire> LoadQuestionnaire(const std::string& file) {
  LoadResult result = loadQuestionnaireFile(file);
  EXPECT_TRUE(result.ok()) << file;
  return result.questionnaire;
}

std::string EnglishQuestionnaire(const std::string& id, const std::string& title,
                                 const std::string& sections) {
  return "focal: 1\nid: " + id + "\ntitle: {en: " + title +
         "}\ninstrument: tip\ncycle: 1\nversion: \"1\"\nlanguages: [en]\nsections:\n" + sections;
}

std::string OneSectionQuestionnaire(const std::string& id, const std::string& title,
                                    const std::string& questions) {
  return EnglishQuestionnaire(id, title,
                              "  - id: only\n    title: {en: Only section}\n    questions:\n" + questions);
}

std::string CreateWorkspace(const std::string& file, const Questionnaire& questionnaire,
                            const std::map<std::string, std::string>& answers, const std::string& state) {
  Workspace::create(file)->createResponse(questionnaire, state, "en", answers);
  return file;
}

std::string EveryTypeWorkspace(const std::string& directory,
                               const std::map<std::string, std::string>& answers, const std::string& state) {
  return CreateWorkspace(directory + "/every-type.focal", *LoadQuestionnaire(kEveryType), answers, state);
}

MainFrame* WaitShown(MainFrame* frame) {
  EXPECT_NE(frame, nullptr);
  if (!frame) return nullptr;
  EXPECT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  Pump(100);
  return frame;
}

MainFrame* ShowFrame(MainFrame* frame, const wxSize& size) {
  if (frame) {
    frame->SetSize(size);
    frame->Move(0, 0);
  }
  return WaitShown(frame);
}

wxWindow* EditorWindow(MainFrame* frame, const std::string& path) {
  gui::QuestionEditor* editor = frame->Page() ? frame->Page()->EditorAt(path) : nullptr;
  return editor ? editor->Window() : nullptr;
}

wxStaticText* ShownContaining(MainFrame* frame, const std::string& path, const wxString& part) {
  for (auto* text : AllInEditor<wxStaticText>(frame, path))
    if (text->IsShownOnScreen() && text->GetLabelText().Contains(part)) return text;
  return nullptr;
}

std::string Stored(const std::string& file, const std::string& path) {
  WorkspaceOptions options;
  options.readOnly = true;
  auto workspace = Workspace::open(file, options);
  const auto answers = workspace->answers(workspace->responses().front().id);
  auto it = answers.find(path);
  return it == answers.end() ? std::string() : it->second;
}

}  // namespace focal::test
