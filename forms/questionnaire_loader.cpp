#include "forms/questionnaire_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "forms/provisions.h"
#include "forms/question_refs.h"
#include "forms/questionnaire_reader.h"
#include "forms/stored_questionnaire.h"
#include "forms/yaml_tree.h"

namespace focal {

std::size_t LoadResult::errorCount() const {
  return std::count_if(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

std::size_t LoadResult::warningCount() const {
  return std::count_if(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Warning; });
}

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
    if (q.info.isPartial(language)) {
      // Declared partial: coverage, not a problem, even under --strict.
      const SourcePosition at = coverage.declared.count(language) ? coverage.declared.at(language) : first;
      d.note(at.line, at.column,
             "language '" + language + "' (partial): " + std::to_string(done) + " of " +
                 std::to_string(coverage.texts) + " texts (" + std::to_string(percent) +
                 "%); the default language (" + q.defaultLanguage() + ") is shown for the other " +
                 std::to_string(missing));
      continue;
    }
    d.warning(first.line, first.column,
              "language '" + language + "' covers " + std::to_string(done) + " of " +
                  std::to_string(coverage.texts) + " texts (" + std::to_string(percent) +
                  "%); missing on lines " + lineList(it->second) + "; the default language is shown instead");
  }
}

std::shared_ptr<const Questionnaire> readOther(const std::filesystem::path& file, std::size_t& errors) {
  std::string text;
  Diagnostics found(file.string());
  std::shared_ptr<Questionnaire> model;
  if (auto root = readYamlFile(file.string(), text, found)) {
    model = std::make_shared<Questionnaire>();
    detail::TranslationCoverage coverage;
    detail::readQuestionnaire(*root, *model, found, coverage);
  }
  errors = found.errorCount();
  if (errors > 0) return nullptr;
  return model;
}

std::string valueList(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::vector<std::string> choiceValues(const Question& question) {
  std::vector<std::string> values;
  if (question.type == QuestionType::YesNo) values = {"yes", "no"};
  for (const auto& c : question.choices) values.push_back(c.value);
  if (question.otherOption) values.push_back("other");
  return values;
}

// Every value the old question could hold must be one the new question has,
// or be mapped to one by carry_forward_map; each key of the map must be an
// old value.
void checkCarriedValues(const Question& question, const Question& old, const std::string& previousId,
                        Diagnostics& d) {
  if (question.type != QuestionType::SingleChoice && question.type != QuestionType::MultipleChoice &&
      question.type != QuestionType::YesNo)
    return;
  const std::vector<std::string> oldValues = choiceValues(old), newValues = choiceValues(question);
  const auto has = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  for (const auto& mapping : question.carryForwardMap) {
    if (has(oldValues, mapping.from)) continue;
    const std::string near = nearestWord(mapping.from, oldValues);
    d.error(
        mapping.fromPosition.line, mapping.fromPosition.column,
        "'carry_forward_map' maps '" + mapping.from + "', which is not a value of '" + old.id + "' in " +
            previousId +
            (near.empty() ? "; its values are " + valueList(oldValues) : "; did you mean '" + near + "'?"));
  }
  for (const auto& value : oldValues) {
    if (has(newValues, value)) continue;
    const bool mapped = std::any_of(question.carryForwardMap.begin(), question.carryForwardMap.end(),
                                    [&](const ValueMapping& m) { return m.from == value; });
    if (mapped) continue;
    const std::string near = nearestWord(value, newValues);
    const std::string example = near.empty() ? (newValues.empty() ? "..." : newValues.back()) : near;
    d.error(question.carryForwardPosition.line, question.carryForwardPosition.column,
            "'" + question.id + "' carries forward '" + old.id + "' of " + previousId + ", whose value '" +
                value + "' is not a value of '" + question.id + "' (" + valueList(newValues) +
                "); map it, as in carry_forward_map: {" + value + ": " + example + "}");
  }
}

// Checks carry_forward_from (against the previous cycle's questionnaire:
// the one named by --previous, else the one beside the file) and
// also_asked_in (against the files beside this one, as in questionnaires/).
void checkLinkedQuestionnaires(const Questionnaire& q, const std::string& path, const LoadOptions& options,
                               const YamlNode& root, Diagnostics& d) {
  namespace fs = std::filesystem;
  const fs::path directory = path.empty() ? fs::path() : fs::path(path).parent_path();
  std::map<std::string, std::shared_ptr<const Questionnaire>> loaded;
  auto sibling = [&](const std::string& id) -> const Questionnaire* {
    if (path.empty()) return nullptr;
    if (auto it = loaded.find(id); it != loaded.end()) return it->second.get();
    std::shared_ptr<const Questionnaire> other;
    fs::path candidate = directory / (id + ".yaml");
    std::error_code ec;
    std::size_t errors = 0;
    if (fs::exists(candidate, ec) && fs::canonical(candidate, ec) != fs::canonical(path, ec))
      other = readOther(candidate, errors);
    loaded[id] = other;
    return other.get();
  };

  const bool carries = std::any_of(q.questions.begin(), q.questions.end(), [](const Question& question) {
    return !question.carryForwardFrom.empty();
  });
  const Questionnaire* previous = nullptr;
  std::shared_ptr<const Questionnaire> named;
  const YamlNode* previousNode = root.isMapping() ? root.find("previous_cycle") : nullptr;
  const int line = previousNode ? previousNode->line : 0, column = previousNode ? previousNode->column : 0;
  if (!options.previousPath.empty()) {
    std::size_t errors = 0;
    named = readOther(options.previousPath, errors);
    if (!named) {
      d.error(line, column,
              "the previous cycle's questionnaire " + options.previousPath + " cannot be read (" +
                  std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                  "; run focal-cli validate " + options.previousPath +
                  "); carry-forward ids were not checked");
    } else if (!q.info.previousCycle.empty() && named->info.id != q.info.previousCycle) {
      d.error(line, column,
              options.previousPath + " is the questionnaire '" + named->info.id +
                  "', but 'previous_cycle' is '" + q.info.previousCycle +
                  "'; name the right file or correct 'previous_cycle'");
      named.reset();
    }
    previous = named.get();
  } else if (!q.info.previousCycle.empty()) {
    previous = sibling(q.info.previousCycle);
    if (!previous && carries) {
      const std::string beside =
          path.empty() ? std::string() : " as " + (directory / (q.info.previousCycle + ".yaml")).string();
      d.warning(line, column,
                "carry-forward ids were not checked: the previous cycle's questionnaire '" +
                    q.info.previousCycle + "' was not found" + beside +
                    "; name it with focal-cli validate --previous FILE");
    }
  }
  for (const auto& question : q.questions) {
    if (!question.carryForwardFrom.empty() && previous) {
      const Question* match = previous->find(question.carryForwardFrom);
      const SourcePosition at =
          question.carryForwardPosition.line ? question.carryForwardPosition : question.position;
      if (!match) {
        std::vector<std::string> ids;
        for (const auto& other : previous->questions) ids.push_back(other.id);
        std::string near = nearestWord(question.carryForwardFrom, ids);
        d.error(at.line, at.column,
                "'carry_forward_from: " + question.carryForwardFrom + "' names no question of " +
                    previous->info.id + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      } else if (match->type != question.type) {
        d.error(at.line, at.column,
                "'" + question.id + "' is a " + questionTypeKey(question.type) +
                    " question but carries forward '" + match->id + "', a " + questionTypeKey(match->type) +
                    " question; the types must match");
      } else {
        checkCarriedValues(question, *match, previous->info.id, d);
      }
    }
    for (const auto& link : question.alsoAskedIn) {
      auto colon = link.find(':');
      if (const Questionnaire* other = sibling(link.substr(0, colon))) {
        const Question* match = other->find(link.substr(colon + 1));
        if (!match || match->type != question.type)
          d.error(
              question.position.line, question.position.column,
              "'also_asked_in: " + link + "' names no " + questionTypeKey(question.type) + " question there");
      }
    }
  }
}

// The provisions files, read once per process and again when one changes.
std::shared_ptr<const ProvisionCatalog> cachedCatalog(const std::string& path, std::string& problem) {
  namespace fs = std::filesystem;
  struct Entry {
    fs::file_time_type time;
    std::shared_ptr<const ProvisionCatalog> catalog;
    std::string problem;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  std::error_code ec;
  const auto time = fs::last_write_time(path, ec);
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(path);
  if (it == cache.end() || it->second.time != time) {
    Diagnostics found(path);
    Entry entry{time, readProvisionCatalog(path, found), {}};
    if (!entry.catalog && !found.all().empty()) entry.problem = found.all().front().format();
    it = cache.insert_or_assign(path, std::move(entry)).first;
  }
  problem = it->second.problem;
  return it->second.catalog;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// Attaches the provisions files of the instruments the questionnaire cites
// and checks each citation against them.
void checkProvisions(Questionnaire& q, const std::string& path, Diagnostics& d, bool lenient) {
  // Per instrument whose file is missing or broken: what to say, said once.
  std::map<std::string, std::pair<std::string, bool>> failed;
  auto catalogFor = [&](Instrument instrument, const SourcePosition* at) -> const ProvisionCatalog* {
    const std::string key = instrumentKey(instrument);
    if (auto it = q.provisions.find(key); it != q.provisions.end()) return it->second.get();
    auto it = failed.find(key);
    if (it == failed.end()) {
      const std::string file = provisionsPath(instrument, path);
      std::string problem;
      auto catalog = file.empty() ? nullptr : cachedCatalog(file, problem);
      if (catalog && catalog->instrument != instrument) {
        problem = file + ": it lists the provisions of '" + instrumentKey(catalog->instrument) +
                  "', not of '" + key + "'";
        catalog.reset();
      }
      if (catalog) {
        q.provisions[key] = catalog;
        return catalog.get();
      }
      const std::string message = file.empty()
                                      ? "references to the " + key +
                                            " provisions were not checked: no provisions file "
                                            "reference/provisions-" +
                                            key +
                                            ".yaml was found beside the questionnaire or "
                                            "installed; reinstall Focal or add the file"
                                      : "the provisions file " + file + " cannot be read (" + problem +
                                            "); correct it, then the references to it are checked";
      it = failed.emplace(key, std::make_pair(file.empty() ? "w" + message : "e" + message, false)).first;
    }
    if (lenient || !at || it->second.second) return nullptr;
    it->second.second = true;
    const std::string& message = it->second.first;
    if (message[0] == 'w')
      d.warning(at->line, at->column, message.substr(1));
    else
      d.error(at->line, at->column, message.substr(1));
    return nullptr;
  };
  catalogFor(q.info.instrument, nullptr);
  if (lenient) return;
  auto check = [&](const TreatyReference& ref) {
    const ProvisionCatalog* catalog = catalogFor(ref.instrument, &ref.articlePosition);
    if (!catalog || ref.article.empty()) return;
    const std::string where =
        " of the " + std::string(instrumentKey(ref.instrument)) + " provisions (" + catalog->sourceName + ")";
    if (!catalog->hasArticle(ref.article)) {
      const std::string near = nearestWord(ref.article, catalog->articles());
      d.error(ref.articlePosition.line, ref.articlePosition.column,
              "article '" + ref.article + "' is not in the list" + where + "; " +
                  (near.empty() ? "" : "did you mean '" + near + "'? ") + "its articles are " +
                  joined(catalog->articles()) + "; correct the article or add it to that file");
      return;
    }
    if (ref.paragraph.empty() || catalog->find(ref.article, ref.paragraph)) return;
    const auto paragraphs = catalog->paragraphsOf(ref.article);
    d.error(ref.paragraphPosition.line, ref.paragraphPosition.column,
            "article " + ref.article + " has no paragraph '" + ref.paragraph + "' in the list" + where +
                "; " +
                (paragraphs.empty() ? std::string("it lists no paragraphs, so cite the whole article")
                                    : "its paragraphs are " + joined(paragraphs)) +
                "; write the paragraph as listed (one reference per paragraph) or add it to that file");
  };
  for (const auto& section : q.sections)
    for (const auto& ref : section.references) check(ref);
  for (const auto& question : q.questions)
    for (const auto& ref : question.references) check(ref);
}

LoadResult finish(Diagnostics& diagnostics, std::shared_ptr<Questionnaire> q, const LoadOptions& options) {
  diagnostics.sort();
  LoadResult result;
  result.diagnostics = diagnostics.all();
  if (options.strict)
    for (auto& d : result.diagnostics)
      if (d.severity == Diagnostic::Severity::Warning) d.severity = Diagnostic::Severity::Error;
  if (q && result.errorCount() == 0) result.questionnaire = std::move(q);
  return result;
}

LoadResult load(const std::optional<YamlNode>& root, std::string text, const std::string& name,
                const std::string& path, Diagnostics& diagnostics, const LoadOptions& options,
                bool lenient = false) {
  if (!root) return finish(diagnostics, nullptr, options);
  auto q = std::make_shared<Questionnaire>();
  q->sourceName = name;
  q->sourceText = std::move(text);  // the compiler finds positions inside expressions in it
  detail::TranslationCoverage coverage;
  detail::readQuestionnaire(*root, *q, diagnostics, coverage, lenient);
  detail::resolveQuestionNumbers(*root, *q, diagnostics, lenient);  // {number:id} in texts
  if (!q->sections.empty() || !q->questions.empty()) detail::compileQuestionnaire(*q, diagnostics, lenient);
  warnAboutTranslations(*q, coverage, diagnostics);
  checkProvisions(*q, path, diagnostics, lenient);
  checkLinkedQuestionnaires(*q, path, options, *root, diagnostics);
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

LoadResult loadStoredQuestionnaireText(std::string text, const std::string& sourceName) {
  Diagnostics diagnostics(sourceName);
  auto root = parseYaml(text, diagnostics);
  return load(root, std::move(text), sourceName, {}, diagnostics, {}, true);
}

}  // namespace focal
