#include "forms/undo_history.h"

#include <algorithm>
#include <iterator>

namespace focal {

std::chrono::steady_clock::time_point UndoHistory::now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

void UndoHistory::record(std::vector<AnswerChange> changes, const std::string& mergePath) {
  if (changes.empty()) return;
  redo_.clear();
  const auto time = now();
  if (mergeOpen_ && !mergePath.empty() && !undo_.empty()) {
    Step& top = undo_.back();
    if (top.mergePath == mergePath && time - top.time <= options_.mergeWindow) {
      // The first "before" of each path and the latest "after".
      for (auto& change : changes) {
        auto it = std::find_if(top.changes.begin(), top.changes.end(),
                               [&](const AnswerChange& c) { return c.path == change.path; });
        if (it != top.changes.end())
          it->after = std::move(change.after);
        else
          top.changes.push_back(std::move(change));
      }
      top.time = time;
      // Typing back to where the step began leaves nothing to undo.
      if (std::all_of(top.changes.begin(), top.changes.end(),
                      [](const AnswerChange& c) { return c.before == c.after; }))
        undo_.pop_back();
      return;
    }
  }
  undo_.push_back({std::move(changes), mergePath, time});
  mergeOpen_ = !mergePath.empty();
  if (undo_.size() > options_.limit) undo_.erase(undo_.begin());
}

std::string UndoHistory::nextUndoPath() const {
  return undo_.empty() ? std::string() : undo_.back().changes.front().path;
}

std::string UndoHistory::nextRedoPath() const {
  return redo_.empty() ? std::string() : redo_.back().changes.front().path;
}

std::vector<AnswerWrite> UndoHistory::takeUndo() {
  if (undo_.empty()) return {};
  Step step = std::move(undo_.back());
  undo_.pop_back();
  std::vector<AnswerWrite> writes;
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it)
    writes.push_back({it->path, it->before});
  redo_.push_back(std::move(step));
  mergeOpen_ = false;
  return writes;
}

std::vector<AnswerWrite> UndoHistory::takeRedo() {
  if (redo_.empty()) return {};
  Step step = std::move(redo_.back());
  redo_.pop_back();
  std::vector<AnswerWrite> writes;
  for (const auto& c : step.changes) writes.push_back({c.path, c.after});
  step.time = now();
  undo_.push_back(std::move(step));
  mergeOpen_ = false;
  return writes;
}

}  // namespace focal
