// The author's preview is a document like a workspace response, over a
// store kept in memory (issue 19, "one undo history"): typing, undo and
// redo, comments, "information not available" and the history go through
// the same code as a workspace; the file loaded again keeps the answers;
// nothing is exported, remembered or written beside the file.
#include <wx/config.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>

#include "app/gui/contribution_actions.h"
#include "app/gui/desktop.h"
#include "app/gui/document_model.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/report_actions.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/digest.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

const char* const kDraft = R"yaml(focal: 1
id: gui-preview-document
title: {en: Draft, fr: Brouillon}
instrument: tip
cycle: 1
version: "1"
languages: [en, fr]
sections:
  - id: only
    title: {en: Only section, fr: Seule section}
    questions:
      - {id: name, type: text, label: {en: Name of the unit, fr: Nom du service}}
      - {id: count, type: integer, label: {en: Victims identified, fr: Victimes identifiées}}
)yaml";

template <typename T>
void Collect(wxWindow* root, std::vector<T*>& out) {
  if (auto* control = dynamic_cast<T*>(root)) out.push_back(control);
  for (wxWindow* child : root->GetChildren()) Collect(child, out);
}

gui::QuestionEditor* Editor(MainFrame* frame, const std::string& path) {
  return frame->Page() ? frame->Page()->EditorAt(path) : nullptr;
}

// The editor's first text box (its answer; the comment box comes later).
wxTextCtrl* AnswerBox(MainFrame* frame, const std::string& path) {
  std::vector<wxTextCtrl*> all;
  if (gui::QuestionEditor* editor = Editor(frame, path)) Collect(editor->Window(), all);
  return all.empty() ? nullptr : all.front();
}

std::vector<std::string> FilesIn(const std::string& directory) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory))
    out.push_back(entry.path().filename().string());
  return out;
}

class PreviewDocumentTest : public GuiTest {
 protected:
  MainFrame* Open() {
    file_ = directory_ + "/draft.yaml";
    std::ofstream(file_) << kDraft;
    MainFrame* frame = Desktop::Get().OpenPreview(file_);
    EXPECT_NE(frame, nullptr);
    if (!frame) return nullptr;
    frame->SetSize(1200, 800);
    frame->Move(0, 0);
    EXPECT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
    Pump(100);
    return frame;
  }
  std::string Value(MainFrame* frame, const std::string& path) {
    return frame->GetModel() ? frame->GetModel()->session().value(path) : std::string();
  }
  std::string file_;
};

TEST_F(PreviewDocumentTest, TypingUndoRedoCommentsAndHistoryGoThroughTheDocument) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  auto model = frame->GetModel();
  ASSERT_TRUE(model->isPreview());
  EXPECT_TRUE(model->state().empty());
  EXPECT_EQ(model->filePath(), file_);
  // A preview is no workspace: nothing to export, no contributions.
  EXPECT_EQ(model->AsDocument(), nullptr);
  EXPECT_FALSE(gui::CanExportReport(*model));
  EXPECT_FALSE(gui::CanManageContributions(*model));
  EXPECT_EQ(model->saveStatus().state, gui::SaveStatus::State::Memory);
  EXPECT_EQ(frame->SaveStatusText(), _("Preview: answers are kept in memory only"));

  wxTextCtrl* name = AnswerBox(frame, "name");
  ASSERT_NE(name, nullptr);
  Click(name);
  Type("Anti-trafficking unit");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return Value(frame, "name") == "Anti-trafficking unit"; }));
  EXPECT_EQ(model->saveStatus().state, gui::SaveStatus::State::Memory);

  // Undo takes the whole field back, redo brings it again, in the box too.
  ASSERT_TRUE(model->canUndo());
  frame->Undo();
  EXPECT_EQ(Value(frame, "name"), "");
  ASSERT_TRUE(WaitUntil([&] { return AnswerBox(frame, "name") && AnswerBox(frame, "name")->IsEmpty(); }));
  EXPECT_FALSE(model->canUndo());
  ASSERT_TRUE(model->canRedo());
  frame->Redo();
  EXPECT_EQ(Value(frame, "name"), "Anti-trafficking unit");
  ASSERT_TRUE(WaitUntil([&] {
    return AnswerBox(frame, "name") && AnswerBox(frame, "name")->GetValue() == "Anti-trafficking unit";
  }));

  // A comment, typed in its own box, is one more step.
  gui::QuestionEditor* editor = Editor(frame, "name");
  ASSERT_NE(editor, nullptr);
  editor->AddComment();
  Pump(100);
  Type("Checked with the ministry");
  PressKey(WXK_TAB);
  ASSERT_TRUE(
      WaitUntil([&] { return Value(frame, withMark("name", "comment")) == "Checked with the ministry"; }));
  frame->Undo();
  EXPECT_EQ(Value(frame, withMark("name", "comment")), "");
  EXPECT_EQ(Value(frame, "name"), "Anti-trafficking unit");
  frame->Redo();
  EXPECT_EQ(Value(frame, withMark("name", "comment")), "Checked with the ministry");

  // "Information not available", through the editor's own command.
  Editor(frame, "count")->SetNotAvailable(true);
  ASSERT_TRUE(WaitUntil([&] { return Value(frame, withMark("count", "status")) == "not_available"; }));
  frame->Undo();
  EXPECT_EQ(Value(frame, withMark("count", "status")), "");

  // The history of a question, as a workspace keeps it.
  ASSERT_TRUE(model->keepsHistory());
  const auto history = model->history("name");
  ASSERT_GE(history.size(), 3u);  // typed, undone, redone (and the comment)
  EXPECT_FALSE(history.front().changedBy.empty());

  // Nothing was written beside the questionnaire.
  EXPECT_EQ(FilesIn(directory_), std::vector<std::string>{"draft.yaml"});
}

TEST_F(PreviewDocumentTest, TheFileLoadedAgainKeepsWhatWasTyped) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  auto first = frame->GetModel();
  wxTextCtrl* count = AnswerBox(frame, "count");
  ASSERT_NE(count, nullptr);
  Click(count);
  Type("42");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return Value(frame, "count") == "42"; }));
  Editor(frame, "name")->AddComment();
  Pump(100);
  Type("To check");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return Value(frame, withMark("name", "comment")) == "To check"; }));
  frame->SetQuestionnaireLanguage("fr");
  Pump(100);

  // The author adds a question and saves the file.
  {
    std::ofstream out(file_, std::ios::trunc);
    out << kDraft << "      - {id: added, type: text, label: {en: Added later, fr: Ajoutée ensuite}}\n";
  }
  ASSERT_TRUE(WaitUntil(
      [&] { return frame->GetModel() != first && frame->GetModel()->questionnaire().find("added"); }, 5000));
  auto reloaded = frame->GetModel();
  EXPECT_TRUE(reloaded->isPreview());
  EXPECT_EQ(Value(frame, "count"), "42");
  EXPECT_EQ(Value(frame, withMark("name", "comment")), "To check");
  EXPECT_EQ(reloaded->language(), "fr");
  EXPECT_EQ(reloaded->saveStatus().state, gui::SaveStatus::State::Memory);
  ASSERT_TRUE(WaitUntil([&] { return Editor(frame, "added") != nullptr; }));
  ASSERT_TRUE(
      WaitUntil([&] { return AnswerBox(frame, "count") && AnswerBox(frame, "count")->GetValue() == "42"; }));

  // Typing goes on in the new document, with its own undo.
  wxTextCtrl* added = AnswerBox(frame, "added");
  ASSERT_NE(added, nullptr);
  Click(added);
  Type("New");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return Value(frame, "added") == "New"; }));
  frame->Undo();
  EXPECT_EQ(Value(frame, "added"), "");
  EXPECT_EQ(Value(frame, "count"), "42");

  // The language chosen in a preview is not remembered as a workspace's
  // is, and nothing was written beside the questionnaire.
  const wxString key =
      wxString::Format("/ResponseLanguages/%s-1", gui::FromUtf8(sha256Hex(":memory:").substr(0, 16)));
  EXPECT_FALSE(wxConfigBase::Get()->Exists(key));
  EXPECT_EQ(FilesIn(directory_), std::vector<std::string>{"draft.yaml"});
}

}  // namespace
}  // namespace focal::test
