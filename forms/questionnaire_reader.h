// Internal to the loader: turns the YAML tree into a Questionnaire, checking
// keys, types, ids and limits. Expressions are only recorded here (text and
// position); questionnaire_compile.cpp compiles them once every id is known.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/questionnaire.h"
#include "forms/yaml_tree.h"

namespace focal::detail {

// Where each declared language lacks a text, for the coverage warnings.
struct TranslationCoverage {
  std::size_t texts = 0;
  std::map<std::string, std::vector<SourcePosition>> missing;  // by language
  std::map<std::string, SourcePosition> declared;              // where each partial language is listed
};

// `lenient`: a questionnaire accepted before (kept in a workspace or a
// report): the checks added since it could have been written (choice
// values in expressions, ${id} in labels) do not refuse it.
void readQuestionnaire(const YamlNode& root, Questionnaire& out, Diagnostics& diagnostics,
                       TranslationCoverage& coverage, bool lenient = false);

// Compiles every expression, checks defaults and carry-forward ids, and
// builds the dependency graph.
void compileQuestionnaire(Questionnaire& questionnaire, Diagnostics& diagnostics, bool lenient = false);

}  // namespace focal::detail
