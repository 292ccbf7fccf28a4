// Helpers of the GUI tests that know the desktop program's windows: the
// every-type questionnaire and a workspace answering it, a main window
// sized, placed and waited for, the controls of a question's editor, and
// the value the workspace file holds.
#pragma once

#include <wx/gdicmn.h>
#include <wx/stattext.h>
#include <wx/window.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "forms/questionnaire.h"
#include "tests/app/gui_fixture.h"

namespace focal::gui {
class MainFrame;
}

namespace focal::test {

// tests/app/data/every-type.yaml: a questionnaire with every question type.
extern const std::string kEveryType;

// A test questionnaire in English: the header every one needs (id, title,
// instrument, cycle, version, languages), then `sections`, the YAML list
// under `sections:`.
std::string EnglishQuestionnaire(const std::string& id, const std::string& title,
                                 const std::string& sections);
// The same with one section, "only", holding `questions`, the YAML list
// under its `questions:` (items indented by six spaces).
std::string OneSectionQuestionnaire(const std::string& id, const std::string& title,
                                    const std::string& questions);

// The questionnaire of `file`; a failure if it does not load.
std::shared_ptr<const Questionnaire> LoadQuestionnaire(const std::string& file);

// Writes `file`, a workspace holding one English reply of `state` to
// `questionnaire` with the `answers` given; returns `file`.
std::string CreateWorkspace(const std::string& file, const Questionnaire& questionnaire,
                            const std::map<std::string, std::string>& answers = {},
                            const std::string& state = "FRA");
// The same for kEveryType in `directory`/every-type.focal.
std::string EveryTypeWorkspace(const std::string& directory,
                               const std::map<std::string, std::string>& answers = {},
                               const std::string& state = "FRA");

// Waits until `frame` is on screen with its page, then pumps events for
// 100 ms; returns `frame`. A null frame is a failure and stays null.
gui::MainFrame* WaitShown(gui::MainFrame* frame);
// Sizes `frame`, places it at the top left of the screen, then WaitShown.
gui::MainFrame* ShowFrame(gui::MainFrame* frame, const wxSize& size = wxSize(1200, 800));

// The window of the editor of the question (or record field) `path` on the
// frame's page, null if the page does not show it.
wxWindow* EditorWindow(gui::MainFrame* frame, const std::string& path);

// The controls of type T in the editor of `path` (none if it is not shown).
template <typename T>
std::vector<T*> AllInEditor(gui::MainFrame* frame, const std::string& path) {
  std::vector<T*> all;
  if (wxWindow* editor = EditorWindow(frame, path)) Collect(editor, all);
  return all;
}

// The first control of type T in the editor of `path` with the `label`
// given (any label if it is empty); null if none.
template <typename T>
T* InEditor(gui::MainFrame* frame, const std::string& path, const wxString& label = {}) {
  wxWindow* editor = EditorWindow(frame, path);
  return editor ? Find<T>(editor, label) : nullptr;
}

// The first static text on screen in the editor of `path` whose text
// contains `part`; null if none.
wxStaticText* ShownContaining(gui::MainFrame* frame, const std::string& path, const wxString& part);

// The value of `path` in the first reply of the workspace `file`, read by a
// second, read-only connection ("" if it has none).
std::string Stored(const std::string& file, const std::string& path);

}  // namespace focal::test
