#include "forms/question_kinds.h"

#include <algorithm>

#include "forms/answer_value.h"

namespace focal {

namespace {

using expr::Type;

// The parts of a legislation citation, in display order. Everything else
// reads them from the kind (kindOf(question).fields, answerParts).
const char* const kLegislationFields[] = {"title", "article", "date", "link", "excerpt"};

std::vector<QuestionKind> makeKinds() {
  std::vector<QuestionKind> k;
  auto add = [&](QuestionType type, const char* key, Type expressionType) -> QuestionKind& {
    QuestionKind kind;
    kind.type = type;
    kind.key = key;
    kind.expressionType = expressionType;
    k.push_back(std::move(kind));
    return k.back();
  };
  {
    auto& q = add(QuestionType::YesNo, "yes_no", Type::String);
    q.hasChoices = true;
    q.fixedChoices = {"yes", "no"};
    q.check = value_check::yesNo;
    q.columns = ExportColumns::YesNo;
  }
  {
    auto& q = add(QuestionType::SingleChoice, "single_choice", Type::String);
    q.keys = {"choices", "other", "choice_filter"};
    q.hasChoices = true;
    q.shape = AnswerShape::Choice;
    q.check = value_check::choice;
    q.columns = ExportColumns::Choice;
    q.printed = PrintedForm::Choices;
  }
  {
    auto& q = add(QuestionType::MultipleChoice, "multiple_choice", Type::List);
    q.keys = {"choices", "other", "min_selected", "max_selected", "choice_filter"};
    q.hasChoices = true;
    q.shape = AnswerShape::Choice;
    q.check = value_check::choices;
    q.columns = ExportColumns::Choices;
    q.printed = PrintedForm::Choices;
  }
  {
    auto& q = add(QuestionType::Text, "text", Type::String);
    q.keys = {"max_length"};
    q.check = value_check::text;
    q.printed = PrintedForm::Paragraphs;
  }
  {
    auto& q = add(QuestionType::LongText, "long_text", Type::String);
    q.keys = {"max_length"};
    q.multiline = {""};
    q.check = value_check::text;
    q.printed = PrintedForm::Paragraphs;
  }
  {
    auto& q = add(QuestionType::Integer, "integer", Type::Number);
    q.keys = {"min", "max", "unit", "summary", "special_values"};
    q.numeric = true;
    q.check = value_check::wholeNumber;
    q.columns = ExportColumns::Number;
  }
  {
    auto& q = add(QuestionType::Decimal, "decimal", Type::Number);
    q.keys = {"min", "max", "unit", "summary", "special_values"};
    q.numeric = true;
    q.check = value_check::decimal;
    q.columns = ExportColumns::Decimal;
  }
  {
    auto& q = add(QuestionType::Date, "date", Type::Date);
    q.keys = {"min", "max"};
    q.check = value_check::date;
  }
  {
    auto& q = add(QuestionType::Year, "year", Type::Number);
    q.keys = {"min", "max"};
    q.numeric = true;
    q.check = value_check::year;
    q.columns = ExportColumns::Number;
  }
  {
    auto& q = add(QuestionType::Country, "country", Type::String);
    q.check = value_check::country;
  }
  {
    auto& q = add(QuestionType::Legislation, "legislation", Type::String);
    q.takesDefault = false;
    q.shape = AnswerShape::Fields;
    q.fields = {std::begin(kLegislationFields), std::end(kLegislationFields)};
    q.valuePart = "title";
    q.multiline = {"excerpt"};
    q.columns = ExportColumns::Fields;
    q.printed = PrintedForm::Citation;
  }
  {
    auto& q = add(QuestionType::Attachment, "attachment", Type::String);
    q.keys = {"types", "max_size_mb"};
    q.takesDefault = false;
    q.printed = PrintedForm::File;
  }
  {
    auto& q = add(QuestionType::Table, "table", Type::Cells);
    q.keys = {"rows", "columns", "totals", "cells", "min", "max"};
    q.takesDefault = false;
    q.numeric = true;
    q.showsInText = false;
    q.shape = AnswerShape::Cells;
    q.check = value_check::tableCell;
    q.columns = ExportColumns::Cells;
    q.printed = PrintedForm::Table;
  }
  {
    auto& q = add(QuestionType::Repeat, "repeat", Type::Records);
    q.keys = {"questions", "min_records", "max_records", "repeat_count", "carry_forward_filter"};
    q.takesDefault = false;
    q.showsInText = false;
    q.check = value_check::recordKeys;
    q.columns = ExportColumns::Records;
    q.printed = PrintedForm::Records;
  }
  {
    auto& q = add(QuestionType::Note, "note", Type::String);
    q.takesAnswer = false;
    q.takesDefault = false;
    q.showsInText = false;
    q.shape = AnswerShape::None;
    q.columns = ExportColumns::None;
    q.printed = PrintedForm::None;
  }
  {
    auto& q = add(QuestionType::Calculate, "calculate", Type::Any);
    q.keys = {"calculation", "unit"};
    q.takesAnswer = false;
    q.takesDefault = false;
    q.columns = ExportColumns::Computed;
    q.printed = PrintedForm::Computed;
  }
  return k;
}

}  // namespace

const std::vector<std::string>& commonQuestionKeys() {
  static const std::vector<std::string> keys = {"id",
                                                "type",
                                                "label",
                                                "help",
                                                "required",
                                                "relevant",
                                                "constraint",
                                                "constraint_message",
                                                "warning",
                                                "warning_message",
                                                "default",
                                                "read_only",
                                                "number",
                                                "references",
                                                "not_available",
                                                "carry_forward_from",
                                                "carry_forward_map",
                                                "confirm_carried",
                                                "also_asked_in",
                                                "tags"};
  return keys;
}

const std::vector<QuestionKind>& questionKinds() {
  static const std::vector<QuestionKind> kinds = makeKinds();
  return kinds;
}

const QuestionKind& kindOf(QuestionType type) {
  const auto& kinds = questionKinds();
  const auto index = static_cast<std::size_t>(type);
  return index < kinds.size() ? kinds[index] : kinds[static_cast<std::size_t>(QuestionType::Text)];
}

std::vector<AnswerPath> answerParts(const Question& question, const AnswerPath& at) {
  const AnswerPath base = at.questionPath();
  std::vector<AnswerPath> out;
  const QuestionKind& kind = kindOf(question);
  switch (kind.shape) {
    case AnswerShape::None:
      break;
    case AnswerShape::Value:
      out.push_back(base);
      break;
    case AnswerShape::Choice:
      out.push_back(base);
      if (question.otherOption) out.push_back(base.withPart("other"));
      break;
    case AnswerShape::Fields:
      for (const auto& field : kind.fields) out.push_back(base.withPart(field));
      break;
    case AnswerShape::Cells:
      for (const auto& row : question.rows)
        for (const auto& column : question.columns) out.push_back(base.withPart(row.id, column.id));
      break;
  }
  return out;
}

std::vector<AnswerPath> answerParts(const Question& question) {
  return answerParts(question, pathOf(question.id));
}

int partIndex(const Question& question, std::string_view part, std::string_view subpart) {
  const QuestionKind& kind = kindOf(question);
  switch (kind.shape) {
    case AnswerShape::None:
      return -1;
    case AnswerShape::Value:
      return part.empty() && subpart.empty() ? 0 : -1;
    case AnswerShape::Choice:
      if (!subpart.empty()) return -1;
      if (part.empty()) return 0;
      return part == "other" && question.otherOption ? 1 : -1;
    case AnswerShape::Fields: {
      if (!subpart.empty()) return -1;
      auto it = std::find(kind.fields.begin(), kind.fields.end(), part);
      return it == kind.fields.end() ? -1 : static_cast<int>(it - kind.fields.begin());
    }
    case AnswerShape::Cells: {
      auto row = std::find_if(question.rows.begin(), question.rows.end(),
                              [&](const TableAxisItem& r) { return r.id == part; });
      auto column = std::find_if(question.columns.begin(), question.columns.end(),
                                 [&](const TableAxisItem& c) { return c.id == subpart; });
      if (row == question.rows.end() || column == question.columns.end()) return -1;
      return static_cast<int>((row - question.rows.begin()) * question.columns.size() +
                              (column - question.columns.begin()));
    }
  }
  return -1;
}

bool storesPart(const Question& question, std::string_view part, std::string_view subpart) {
  return partIndex(question, part, subpart) >= 0;
}

}  // namespace focal
