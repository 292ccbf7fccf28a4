#include "forms/questionnaire_reader_internal.h"

namespace focal::detail {

void Reader::readTypeKeys(const YamlNode& node, Question& question) {
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
      const YamlNode* choices = required(node, "choices", "the question '" + question.id + "'");
      if (choices && choices->isScalar()) {
        auto it = choiceLists_.find(choices->scalar);
        if (it == choiceLists_.end()) {
          std::vector<std::string> names;
          for (auto& [name, list] : choiceLists_) names.push_back(name);
          std::string near = nearestWord(choices->scalar, names);
          error(*choices,
                "unknown choice list '" + choices->scalar + "'" +
                    (near.empty() ? "; declare it under 'choice_lists'" : "; did you mean '" + near + "'?"));
        } else {
          question.choices = it->second;
        }
      } else if (choices) {
        question.choices = readChoices(*choices, "the choices of '" + question.id + "'");
      }
      if (auto* n = node.find("other"))
        if (auto b = boolean(*n, "other")) question.otherOption = *b;
      readSelectionBounds(node, question);
      if (auto* n = node.find("choice_filter")) question.choiceFilter = expression(*n, "choice_filter");
      if (question.otherOption)
        for (const auto& c : question.choices)
          if (c.value == "other")
            error(*choices, "the choice value 'other' is reserved for 'other: true'; rename the choice");
      break;
    }
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Year:
    case QuestionType::Table:
      if (auto* n = node.find("min")) question.min = number(*n, "min");
      if (auto* n = node.find("max")) question.max = number(*n, "max");
      if (question.min && question.max && *question.min > *question.max)
        error(*node.find("max"), "'max' is smaller than 'min'");
      if (auto* n = node.find("unit")) question.unit = text(*n, "unit");
      if (question.type == QuestionType::Integer || question.type == QuestionType::Decimal)
        readSummary(node, question);
      if (question.type == QuestionType::Table) readTable(node, question);
      break;
    case QuestionType::Date:
      if (auto* n = node.find("min")) question.minDate = dateBound(*n, "min");
      if (auto* n = node.find("max")) question.maxDate = dateBound(*n, "max");
      break;
    case QuestionType::Text:
    case QuestionType::LongText:
      question.maxLength =
          question.type == QuestionType::Text ? limits::kDefaultTextLength : limits::kMaxTextLength;
      if (auto* n = node.find("max_length"))
        if (auto v = whole(*n, "max_length", 1, limits::kMaxTextLength)) question.maxLength = *v;
      break;
    case QuestionType::Attachment:
      question.maxBytes = limits::kDefaultAttachmentMb * 1024 * 1024;
      if (auto* n = node.find("types")) {
        if (!n->isSequence())
          error(*n, "'types' must be a list of file extensions such as [pdf, docx]");
        else
          for (const auto& item : n->items)
            if (auto s = scalar(item, "types")) {
              std::string ext = *s;
              if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
              for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
              if (!isIdentifier(ext))
                error(item, "'" + *s + "' is not a file extension");
              else
                question.allowedTypes.push_back(ext);
            }
      }
      if (auto* n = node.find("max_size_mb"))
        if (auto v = whole(*n, "max_size_mb", 1, static_cast<long long>(limits::kMaxAttachmentMb)))
          question.maxBytes = static_cast<std::uint64_t>(*v) * 1024 * 1024;
      break;
    case QuestionType::Repeat:
      question.maxRecords = limits::kDefaultMaxRecords;
      if (auto* n = node.find("min_records"))
        if (auto v = whole(*n, "min_records", 0, limits::kDefaultMaxRecords)) question.minRecords = *v;
      if (auto* n = node.find("max_records"))
        if (auto v = whole(*n, "max_records", 1, limits::kDefaultMaxRecords)) question.maxRecords = *v;
      if (question.minRecords > question.maxRecords)
        error(*node.find("min_records"), "'min_records' is larger than 'max_records'");
      if (auto* n = node.find("repeat_count")) question.repeatCount = expression(*n, "repeat_count");
      if (auto* n = node.find("carry_forward_filter")) {
        question.carryForwardFilter = expression(*n, "carry_forward_filter");
        if (!node.find("carry_forward_from"))
          error(*n, "'carry_forward_filter' chooses the records carried forward, but '" + question.id +
                        "' has no 'carry_forward_from'; add it or remove the filter");
      }
      break;
    case QuestionType::Calculate:
      if (auto* n = required(node, "calculation", "the question '" + question.id + "'"))
        question.calculation = expression(*n, "calculation");
      if (auto* n = node.find("unit")) question.unit = text(*n, "unit");
      break;
    default:
      break;
  }
}

std::string Reader::displayNumber(const YamlNode& node, const std::string& what,
                                  std::map<std::string, int>& seen) {
  auto s = scalar(node, "number");
  if (!s) return {};
  if (s->empty() || s->size() > 20 || s->find('\n') != std::string::npos) {
    error(node, "'number' must be a short text on one line (at most 20 characters), such as \"1.2 (a)\"");
    return {};
  }
  if (auto [it, inserted] = seen.emplace(*s, node.line); !inserted) {
    error(node, "the number '" + *s + "' is given twice (first on line " + std::to_string(it->second) +
                    "); give " + (what == "section" ? "each section" : "each question") + " its own number");
    return {};
  }
  return *s;
}

void Reader::readSelectionBounds(const YamlNode& node, Question& question) {
  const long long choices = static_cast<long long>(question.choices.size()) + (question.otherOption ? 1 : 0);
  const YamlNode* minNode = node.find("min_selected");
  const YamlNode* maxNode = node.find("max_selected");
  const long long top = std::max(1LL, choices);
  if (minNode)
    if (auto v = whole(*minNode, "min_selected", 1, top)) question.minSelected = static_cast<std::size_t>(*v);
  if (maxNode)
    if (auto v = whole(*maxNode, "max_selected", 1, top)) question.maxSelected = static_cast<std::size_t>(*v);
  if (question.minSelected && question.maxSelected && question.minSelected > question.maxSelected)
    error(*minNode, "'min_selected' (" + std::to_string(question.minSelected) +
                        ") is larger than 'max_selected' (" + std::to_string(question.maxSelected) +
                        "); swap them or lower 'min_selected'");
}

void Reader::readSummary(const YamlNode& node, Question& question) {
  if (auto* n = node.find("summary")) {
    auto s = scalar(*n, "summary");
    if (s && (*s == "sum" || *s == "distribution"))
      question.summary = *s;
    else if (s)
      error(*n,
            "'summary' is 'sum' (count data, added up across States) or 'distribution' (thresholds, "
            "ages, penalties: number of States, minimum, median, maximum), not '" +
                *s + "'");
  }
  if (auto* n = node.find("special_values")) {
    if (!n->isMapping()) {
      error(*n, "'special_values' must map each code to what it means, e.g. {99: life imprisonment}");
      return;
    }
    for (const auto& [k, v] : n->entries)
      if (auto value = number(k, "special_values"))
        question.specialValues.push_back({*value, text(v, "special_values." + k.scalar)});
  }
}

std::string Reader::dateBound(const YamlNode& node, const std::string& key) {
  auto s = scalar(node, key);
  if (!s) return {};
  bool ok = s->size() == 10 && (*s)[4] == '-' && (*s)[7] == '-';
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && std::isdigit(static_cast<unsigned char>((*s)[i]));
  if (!ok) {
    error(node, "'" + key + "' must be a date written YYYY-MM-DD");
    return {};
  }
  return *s;
}

void Reader::readTable(const YamlNode& node, Question& question) {
  if (!question.min) question.min = 0;
  auto axis = [&](const char* key, std::size_t max) {
    std::vector<TableAxisItem> items;
    const YamlNode* n = required(node, key, "the table '" + question.id + "'");
    if (!n) return items;
    if (n->isScalar() && n->scalar == "reference_years") {  // one row or column per year
      if (q_.info.referenceYears.empty())
        error(*n, "the table '" + question.id + "' takes its " + key +
                      " from 'reference_years', but the questionnaire has no 'reference_years'; add them at "
                      "the top of the file, e.g. reference_years: [2002, 2003, 2004]");
      for (int year : q_.info.referenceYears) {
        LocalizedText label;
        label.set(defaultLanguage(), std::to_string(year));
        items.push_back({yearRowId(year), std::move(label)});
      }
      return items;
    }
    if (n->isScalar()) {  // a choice list
      auto it = choiceLists_.find(n->scalar);
      if (it == choiceLists_.end())
        error(*n, "unknown choice list '" + n->scalar + "'");
      else
        for (const auto& c : it->second) items.push_back({c.value, c.label});
      return items;
    }
    if (!n->isSequence() || n->items.empty()) {
      error(*n, std::string("'") + key + "' must be a list of {id, label}");
      return items;
    }
    if (n->items.size() > max) {
      error(*n, "the table has " + std::to_string(n->items.size()) + " " + key + ", more than the " +
                    std::to_string(max) + " allowed");
      return items;
    }
    std::set<std::string> seen;
    for (const auto& item : n->items) {
      if (!item.isMapping()) {
        error(item, std::string("each of '") + key + "' must be a mapping with 'id' and 'label'");
        continue;
      }
      checkKeys(item, kAxisKeys, {}, std::string("a table ") + (key[0] == 'r' ? "row" : "column"));
      TableAxisItem entry;
      if (auto* id = required(item, "id", "this row or column")) entry.id = identifier(*id, "row or column");
      if (!entry.id.empty() && !seen.insert(entry.id).second)
        error(item, "the id '" + entry.id + "' is used twice");
      if (auto* l = required(item, "label", "this row or column")) entry.label = text(*l, "label");
      if (auto* t = item.find("in_total"))
        if (auto b = boolean(*t, "in_total")) entry.inTotal = *b;
      if (!entry.id.empty()) items.push_back(std::move(entry));
    }
    return items;
  };
  question.rows = axis("rows", limits::kMaxTableRows);
  question.columns = axis("columns", limits::kMaxTableColumns);
  // ${t/total/col} and ${t/row/total} name the totals in expressions.
  for (const char* key : {"rows", "columns"}) {
    const auto& items = key[0] == 'r' ? question.rows : question.columns;
    for (const auto& item : items)
      if (item.id == "total")
        if (const YamlNode* n = node.find(key))
          error(*n, std::string("the ") + (key[0] == 'r' ? "row" : "column") +
                        " id 'total' is kept for the table's totals (${" + question.id +
                        "/total/...} in expressions); name it otherwise, e.g. 'all'");
  }
  if (auto* n = node.find("totals")) {
    if (auto s = scalar(*n, "totals")) {
      if (*s == "rows")
        question.rowTotals = true;
      else if (*s == "columns")
        question.columnTotals = true;
      else if (*s == "both")
        question.rowTotals = question.columnTotals = true;
      else if (*s != "none")
        error(*n, "'totals' must be none, rows, columns or both");
    }
  }
  if (auto* n = node.find("cells")) {
    if (auto s = scalar(*n, "cells")) {
      if (*s == "decimal")
        question.decimalCells = true;
      else if (*s != "integer")
        error(*n, "'cells' must be integer or decimal");
    }
  }
}

}  // namespace focal::detail
