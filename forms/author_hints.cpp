#include "forms/author_hints.h"

#include <map>

namespace focal {

namespace {

// Words authors bring from other tools (XLSForm, REDCap, CSPro) for keys
// Focal names otherwise: suggested before any near spelling, since "hint"
// is one letter from "min" but means "help".
const std::map<std::string, std::string> kKeySynonyms = {
    {"hint", "help"},
    {"guidance", "help"},
    {"description", "help"},
    {"note", "help"},
    {"instructions", "help"},
    {"question", "label"},
    {"text", "label"},
    {"caption", "label"},
    {"name", "id"},
    {"options", "choices"},
    {"values", "choices"},
    {"choice_list", "choices"},
    {"list_name", "choices"},
    {"relevance", "relevant"},
    {"condition", "relevant"},
    {"show_if", "relevant"},
    {"branching_logic", "relevant"},
    {"mandatory", "required"},
    {"validation", "constraint"},
    {"check", "constraint"},
    {"constraint_msg", "constraint_message"},
    {"error_message", "constraint_message"},
    {"soft_constraint", "warning"},
    {"warning_msg", "warning_message"},
    {"readonly", "read_only"},
    {"min_choices", "min_selected"},
    {"max_choices", "max_selected"},
    {"formula", "calculation"},
    {"calculate", "calculation"},
    {"default_value", "default"},
    {"children", "questions"},
    {"items", "questions"},
    {"subsections", "sections"},
    {"groups", "sections"},
};

// The same for question types: "number" is what most authors first write.
const std::map<std::string, std::string> kTypeSynonyms = {
    {"number", "integer' (whole numbers) or 'decimal"},
    {"numeric", "integer' (whole numbers) or 'decimal"},
    {"int", "integer"},
    {"float", "decimal"},
    {"double", "decimal"},
    {"boolean", "yes_no"},
    {"bool", "yes_no"},
    {"yesno", "yes_no"},
    {"select_one", "single_choice"},
    {"radio", "single_choice"},
    {"dropdown", "single_choice"},
    {"select_multiple", "multiple_choice"},
    {"checkbox", "multiple_choice"},
    {"checkboxes", "multiple_choice"},
    {"string", "text"},
    {"textarea", "long_text"},
    {"paragraph", "long_text"},
    {"file", "attachment"},
    {"upload", "attachment"},
    {"group", "repeat' (for a list of records) or a section"},
    {"begin_repeat", "repeat"},
    {"matrix", "table"},
    {"grid", "table"},
    {"calculated", "calculate"},
    {"law", "legislation"},
};

std::string find(const std::map<std::string, std::string>& table, const std::string& word) {
  const auto it = table.find(word);
  return it == table.end() ? std::string() : it->second;
}

}  // namespace

std::string keySynonym(const std::string& key) { return find(kKeySynonyms, key); }

std::string typeSynonym(const std::string& type) { return find(kTypeSynonyms, type); }

}  // namespace focal
