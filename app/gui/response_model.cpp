#include "app/gui/response_model.h"

#include <algorithm>

#include "forms/question_refs.h"

namespace focal::gui {

const std::string& ResponseModel::shownNumber(const std::string& questionId) const {
  if (std::shared_ptr<const Questionnaire> current = session().sharedQuestionnaire(); numbered_ != current) {
    numbers_ = displayedQuestionNumbers(*current);
    numbered_ = std::move(current);
  }
  static const std::string none;
  const auto it = numbers_.find(questionId);
  return it == numbers_.end() ? none : it->second;
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

UndoResult PreviewModel::undo() {
  UndoResult result;
  session_.apply(undo_.takeUndo(), &result.changes);
  return result;
}

UndoResult PreviewModel::redo() {
  UndoResult result;
  session_.apply(undo_.takeRedo(), &result.changes);
  return result;
}

}  // namespace focal::gui
