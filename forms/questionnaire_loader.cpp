#include "forms/questionnaire_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "forms/questionnaire_reader.h"
#include "forms/yaml_tree.h"

namespace focal {

std::size_t LoadResult::errorCount() const {
  return std::count_if(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

std::size_t LoadResult::warningCount() const { return diagnostics.size() - errorCount(); }

namespace {

std::string lineList(const std::vector<SourcePosition>& positions) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& p : positions) {
    if (shown == 8) {
      out += ", ...";
      break;
    }
    out += (out.empty() ? "" : ", ") + std::to_string(p.line);
    ++shown;
  }
  return out;
}

void warnAboutTranslations(const Questionnaire& q, const detail::TranslationCoverage& coverage,
                           Diagnostics& d) {
  for (const auto& language : q.info.languages) {
    auto it = coverage.missing.find(language);
    if (it == coverage.missing.end() || it->second.empty()) continue;
    const std::size_t missing = it->second.size();
    const std::size_t done = coverage.texts - missing;
    const int percent = coverage.texts ? static_cast<int>(100 * done / coverage.texts) : 100;
    const auto& first = it->second.front();
    d.warning(first.line, first.column,
              "language '" + language + "' covers " + std::to_string(done) + " of " +
                  std::to_string(coverage.texts) + " texts (" + std::to_string(percent) +
                  "%); missing on lines " + lineList(it->second) + "; the default language is shown instead");
  }
}

// Checks carry_forward_from and also_asked_in against the questionnaires they
// name when those files sit beside this one (as in questionnaires/).
void checkLinkedQuestionnaires(const Questionnaire& q, const std::string& path, Diagnostics& d) {
  namespace fs = std::filesystem;
  if (path.empty()) return;
  const fs::path directory = fs::path(path).parent_path();
  std::map<std::string, std::shared_ptr<const Questionnaire>> loaded;
  auto load = [&](const std::string& id) -> const Questionnaire* {
    if (auto it = loaded.find(id); it != loaded.end()) return it->second.get();
    std::shared_ptr<const Questionnaire> other;
    fs::path candidate = directory / (id + ".yaml");
    std::error_code ec;
    if (fs::exists(candidate, ec) && fs::canonical(candidate, ec) != fs::canonical(path, ec)) {
      std::string text;
      Diagnostics ignored(candidate.string());
      if (auto root = readYamlFile(candidate.string(), text, ignored)) {
        auto model = std::make_shared<Questionnaire>();
        detail::TranslationCoverage coverage;
        detail::readQuestionnaire(*root, *model, ignored, coverage);
        if (!ignored.hasErrors()) other = model;
      }
    }
    loaded[id] = other;
    return other.get();
  };
  for (const auto& question : q.questions) {
    if (!question.carryForwardFrom.empty() && !q.info.previousCycle.empty()) {
      if (const Questionnaire* previous = load(q.info.previousCycle)) {
        const Question* match = previous->find(question.carryForwardFrom);
        if (!match) {
          std::vector<std::string> ids;
          for (const auto& other : previous->questions) ids.push_back(other.id);
          std::string near = nearestWord(question.carryForwardFrom, ids);
          d.error(question.position.line, question.position.column,
                  "'carry_forward_from: " + question.carryForwardFrom + "' names no question of " +
                      q.info.previousCycle + (near.empty() ? "" : "; did you mean '" + near + "'?"));
        } else if (match->type != question.type) {
          d.error(question.position.line, question.position.column,
                  "'" + question.id + "' is a " + questionTypeKey(question.type) +
                      " question but carries forward '" + match->id + "', a " + questionTypeKey(match->type) +
                      " question; the types must match");
        }
      }
    }
    for (const auto& link : question.alsoAskedIn) {
      auto colon = link.find(':');
      if (const Questionnaire* other = load(link.substr(0, colon))) {
        const Question* match = other->find(link.substr(colon + 1));
        if (!match || match->type != question.type)
          d.error(
              question.position.line, question.position.column,
              "'also_asked_in: " + link + "' names no " + questionTypeKey(question.type) + " question there");
      }
    }
  }
}

LoadResult finish(Diagnostics& diagnostics, std::shared_ptr<Questionnaire> q, const LoadOptions& options) {
  diagnostics.sort();
  LoadResult result;
  result.diagnostics = diagnostics.all();
  if (options.strict)
    for (auto& d : result.diagnostics) d.severity = Diagnostic::Severity::Error;
  if (q && result.errorCount() == 0) result.questionnaire = std::move(q);
  return result;
}

LoadResult load(const std::optional<YamlNode>& root, std::string text, const std::string& name,
                const std::string& path, Diagnostics& diagnostics, const LoadOptions& options) {
  if (!root) return finish(diagnostics, nullptr, options);
  auto q = std::make_shared<Questionnaire>();
  q->sourceName = name;
  detail::TranslationCoverage coverage;
  detail::readQuestionnaire(*root, *q, diagnostics, coverage);
  if (!q->sections.empty() || !q->questions.empty()) detail::compileQuestionnaire(*q, diagnostics);
  warnAboutTranslations(*q, coverage, diagnostics);
  checkLinkedQuestionnaires(*q, path, diagnostics);
  q->sourceText = std::move(text);
  return finish(diagnostics, std::move(q), options);
}

}  // namespace

LoadResult loadQuestionnaireFile(const std::string& path, const LoadOptions& options) {
  Diagnostics diagnostics(path);
  std::string text;
  auto root = readYamlFile(path, text, diagnostics);
  return load(root, std::move(text), path, path, diagnostics, options);
}

LoadResult loadQuestionnaireText(std::string text, const std::string& sourceName,
                                 const LoadOptions& options) {
  Diagnostics diagnostics(sourceName);
  auto root = parseYaml(text, diagnostics);
  return load(root, std::move(text), sourceName, {}, diagnostics, options);
}

}  // namespace focal
