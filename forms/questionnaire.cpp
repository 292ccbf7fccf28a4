#include "forms/questionnaire.h"

#include <array>
#include <utility>

namespace focal {

namespace {
constexpr std::array<std::pair<QuestionType, const char*>, 16> kTypeKeys{{
    {QuestionType::YesNo, "yes_no"},
    {QuestionType::SingleChoice, "single_choice"},
    {QuestionType::MultipleChoice, "multiple_choice"},
    {QuestionType::Text, "text"},
    {QuestionType::LongText, "long_text"},
    {QuestionType::Integer, "integer"},
    {QuestionType::Decimal, "decimal"},
    {QuestionType::Date, "date"},
    {QuestionType::Year, "year"},
    {QuestionType::Country, "country"},
    {QuestionType::Legislation, "legislation"},
    {QuestionType::Attachment, "attachment"},
    {QuestionType::Table, "table"},
    {QuestionType::Repeat, "repeat"},
    {QuestionType::Note, "note"},
    {QuestionType::Calculate, "calculate"},
}};
}  // namespace

const char* instrumentKey(Instrument instrument) {
  switch (instrument) {
    case Instrument::Convention:
      return "convention";
    case Instrument::Tip:
      return "tip";
    case Instrument::Som:
      return "som";
    case Instrument::Firearms:
      return "firearms";
  }
  return "convention";
}

const char* questionTypeKey(QuestionType type) {
  for (const auto& [t, key] : kTypeKeys)
    if (t == type) return key;
  return "text";
}

std::optional<QuestionType> questionTypeFromKey(const std::string& key) {
  for (const auto& [t, k] : kTypeKeys)
    if (key == k) return t;
  return std::nullopt;
}

bool takesAnswer(QuestionType type) { return type != QuestionType::Note && type != QuestionType::Calculate; }

const Question* Questionnaire::find(const std::string& id) const {
  int index = indexOf(id);
  return index < 0 ? nullptr : &questions[index];
}

int Questionnaire::indexOf(const std::string& id) const {
  auto it = byId_.find(id);
  return it == byId_.end() ? -1 : it->second;
}

std::vector<int> Questionnaire::topLevelSections() const {
  std::vector<int> result;
  for (int i = 0; i < static_cast<int>(sections.size()); ++i)
    if (sections[i].parent < 0) result.push_back(i);
  return result;
}

void Questionnaire::buildIndex() {
  byId_.clear();
  byId_.reserve(questions.size());
  for (int i = 0; i < static_cast<int>(questions.size()); ++i) byId_.emplace(questions[i].id, i);
}

}  // namespace focal
