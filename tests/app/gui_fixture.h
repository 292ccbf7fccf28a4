// Helpers of the GUI tests: a display (Xvfb under `make test`), events
// pumped until a condition holds, wxUIActionSimulator clicks and typing on
// real widgets, wx asserts reported as test failures, and screenshots a
// person can look at (build/screenshots/).
#pragma once

#include <gtest/gtest.h>
#include <wx/toplevel.h>
#include <wx/window.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace focal::test {

// Whether wx could open the display (set by the tests' main).
bool HaveDisplay();

// Processes events for `ms` milliseconds (at least once).
void Pump(int ms = 0);
// Processes events until `done` holds or `timeoutMs` pass; returns `done()`.
bool WaitUntil(const std::function<bool()>& done, int timeoutMs = 3000);

// The simulated user: moves the pointer to the middle of `window` and clicks.
void Click(wxWindow* window);
// Types `text` into whatever has the keyboard focus (ASCII).
void Type(const std::string& text);
void PressKey(int keycode, int modifiers = 0);

// Saves the window as build/screenshots/<name>.png; returns the file, "" on failure.
std::string Screenshot(wxTopLevelWindow* window, const std::string& name);

// A temporary directory for one test, removed afterwards.
std::string TemporaryDirectory();

// Every window of type T under `root` (itself included), depth first in the
// order of the children.
template <typename T>
void Collect(wxWindow* root, std::vector<T*>& out) {
  if (auto* control = dynamic_cast<T*>(root)) out.push_back(control);
  for (wxWindow* child : root->GetChildren()) Collect(child, out);
}

// The first window of type T under `root` (in Collect's order) whose label
// (or, for a text box, name) is `label`, any label if it is empty; null if none.
template <typename T>
T* Find(wxWindow* root, const wxString& label = {}) {
  if (auto* control = dynamic_cast<T*>(root); control && (label.empty() || root->GetLabel() == label))
    return control;
  for (wxWindow* child : root->GetChildren())
    if (T* found = Find<T>(child, label)) return found;
  return nullptr;
}

class GuiTest : public testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  std::string directory_;
};

}  // namespace focal::test
