#include "app/gui/response_model.h"

#include <algorithm>

namespace focal::gui {

void UndoSteps::record(std::vector<AnswerChange> changes, const std::string& mergeKey) {
  if (changes.empty()) return;
  steps_.resize(next_);  // a new change forgets what was undone
  if (!sealed_ && !mergeKey.empty() && !steps_.empty() && steps_.back().mergeKey == mergeKey) {
    // Keep the first "before" of each path and the latest "after".
    auto& merged = steps_.back().changes;
    for (auto& change : changes) {
      auto it = std::find_if(merged.begin(), merged.end(),
                             [&](const AnswerChange& c) { return c.path == change.path; });
      if (it == merged.end())
        merged.push_back(std::move(change));
      else
        it->after = std::move(change.after);
    }
  } else {
    steps_.push_back({std::move(changes), mergeKey});
  }
  next_ = steps_.size();
  sealed_ = mergeKey.empty();
}

std::vector<AnswerWrite> UndoSteps::undoWrites() {
  if (!canUndo()) return {};
  const Step& step = steps_[--next_];
  std::vector<AnswerWrite> writes;
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it)
    writes.push_back({it->path, it->before});
  sealed_ = true;
  return writes;
}

std::vector<AnswerWrite> UndoSteps::redoWrites() {
  if (!canRedo()) return {};
  const Step& step = steps_[next_++];
  std::vector<AnswerWrite> writes;
  for (const auto& change : step.changes) writes.push_back({change.path, change.after});
  sealed_ = true;
  return writes;
}

PreviewModel::PreviewModel(std::shared_ptr<const Questionnaire> questionnaire, std::string language,
                           std::map<std::string, std::string> answers)
    : session_(std::move(questionnaire), std::move(language)) {
  if (!answers.empty()) session_.load(std::move(answers));
}

Outcome PreviewModel::apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey) {
  std::vector<AnswerChange> changes;
  Outcome outcome = session_.apply(writes, &changes);
  undo_.record(std::move(changes), mergeKey);
  return outcome;
}

void PreviewModel::undo() { session_.apply(undo_.undoWrites()); }
void PreviewModel::redo() { session_.apply(undo_.redoWrites()); }

}  // namespace focal::gui
