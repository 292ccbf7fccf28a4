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

}  // namespace focal::gui
