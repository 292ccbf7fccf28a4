// One undo history for every way answers are edited: the workspace's
// ResponseDocument and the author's preview keep their steps here, with one
// rule for what makes a step.
//
// A step is what one edit changed (each path with its value before and
// after). Consecutive edits of the same single path within the merge window
// (2 s) are one step, so the keystrokes of one field undo together; an
// edit of another path, a sealed step (the focus left the field) or an
// undo/redo starts a new one. Typing a field back to where its step began
// leaves nothing to undo. A new edit forgets what was undone.
//
//   UndoHistory history;
//   history.record(changes, "q_1");       // after session.apply(...)
//   auto writes = history.takeUndo();     // apply them, then:
//   history.undone(applied);              // or redone(applied)
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "forms/response_session.h"

namespace focal {

// What an undo or redo changed; false when there was nothing to undo.
struct UndoResult {
  std::vector<AnswerChange> changes;
  explicit operator bool() const { return !changes.empty(); }
};

class UndoHistory {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  struct Options {
    std::chrono::milliseconds mergeWindow{2000};
    std::size_t limit = 1000;  // the oldest steps are forgotten beyond it
    Clock clock;               // for tests; steady_clock::now by default
  };

  UndoHistory() : UndoHistory(Options{}) {}
  explicit UndoHistory(Options options) : options_(std::move(options)) {}

  // Records what an edit changed. `mergePath` is the single path the step
  // may absorb further keystrokes of ("" when the edit is a step of its own:
  // several answers, a record added, an import).
  void record(std::vector<AnswerChange> changes, const std::string& mergePath);
  // The next edit starts a new step even within the window.
  void seal() { mergeOpen_ = false; }

  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  // The path the next undo (redo) changes first; "" when there is none. For
  // a menu that says what it will undo.
  std::string nextUndoPath() const;
  std::string nextRedoPath() const;

  // The writes that undo the last step (newest change first), and moves the
  // step to the redo side; empty when there is nothing to undo.
  std::vector<AnswerWrite> takeUndo();
  // The writes that redo the last undone step, and moves it back.
  std::vector<AnswerWrite> takeRedo();

 private:
  struct Step {
    std::vector<AnswerChange> changes;
    std::string mergePath;
    std::chrono::steady_clock::time_point time;
  };
  std::chrono::steady_clock::time_point now() const;

  Options options_;
  std::vector<Step> undo_, redo_;
  bool mergeOpen_ = false;
};

}  // namespace focal
