#include "forms/questionnaire_reader_internal.h"

namespace focal::detail {

void Reader::read(const YamlNode& root) {
  if (!root.isMapping()) {
    diag_.error(
        root.line, root.column,
        std::string("the top of a questionnaire must be a mapping of keys (focal, id, title, ...), not ") +
            kindName(root));
    return;
  }
  checkKeys(root, kTopKeys, {}, "the questionnaire");
  // First: every text after it may name the years.
  if (auto* n = root.find("reference_years")) q_.info.referenceYears = readReferenceYears(*n, diag_);
  readHeader(root);
  if (auto* lists = root.find("choice_lists")) readChoiceLists(*lists);
  const YamlNode* sections = root.find("sections");
  if (!sections) {
    diag_.error(root.line, root.column, "the questionnaire has no 'sections'; add at least one section");
  } else if (!sections->isSequence() || sections->items.empty()) {
    diag_.error(sections->line, sections->column, "'sections' must be a list of at least one section");
  } else {
    for (const auto& s : sections->items) readSection(s, -1, 0);
  }
  checkTextReferences();
  if (q_.questions.size() > limits::kMaxQuestions)
    diag_.error(0, 0,
                "the questionnaire has " + std::to_string(q_.questions.size()) +
                    " questions, more than the " + std::to_string(limits::kMaxQuestions) +
                    " allowed; split it into several questionnaires");
}

const YamlNode* Reader::required(const YamlNode& map, const char* key, const std::string& what) {
  const YamlNode* node = map.find(key);
  if (!node) error(map, what + " has no '" + key + "'; add it");
  return node;
}

std::optional<std::string> Reader::scalar(const YamlNode& node, const std::string& key) {
  if (!node.isScalar()) {
    error(node, "'" + key + "' must be a single value, not " + kindName(node));
    return std::nullopt;
  }
  if (node.scalar.size() > limits::kMaxTextLength) {
    error(node, "'" + key + "' is longer than " + std::to_string(limits::kMaxTextLength) +
                    " characters; shorten it");
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<bool> Reader::boolean(const YamlNode& node, const std::string& key) {
  if (node.isScalar() && !node.quoted) {
    if (node.scalar == "true" || node.scalar == "yes") return true;
    if (node.scalar == "false" || node.scalar == "no") return false;
  }
  error(node, "'" + key + "' must be true or false");
  return std::nullopt;
}

std::optional<double> Reader::number(const YamlNode& node, const std::string& key) {
  if (node.isScalar() && !node.quoted) {
    double value = 0;
    const char* begin = node.scalar.data();
    const char* end = begin + node.scalar.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc() && ptr == end && std::isfinite(value)) return value;
  }
  error(node, "'" + key + "' must be a number");
  return std::nullopt;
}

std::optional<long long> Reader::whole(const YamlNode& node, const std::string& key, long long min,
                                       long long max) {
  if (node.isScalar() && !node.quoted) {
    long long value = 0;
    const char* begin = node.scalar.data();
    const char* end = begin + node.scalar.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc() && ptr == end && value >= min && value <= max) return value;
  }
  error(node,
        "'" + key + "' must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return std::nullopt;
}

LocalizedText Reader::text(const YamlNode& node, const std::string& key) {
  LocalizedText result;
  SourcePosition position{node.line, node.column};
  if (node.isScalar()) {
    if (auto s = scalar(node, key)) {
      result.set(defaultLanguage(), withYears(key, *s, node, defaultLanguage()));
      noteReferences(key, *s, node);
    }
  } else if (node.isMapping()) {
    const YamlNode* previous = nullptr;
    for (const auto& [k, v] : node.entries) {
      if (!k.isScalar()) continue;
      if (node.flow && previous && previous->isScalar() && !previous->quoted &&
          v.kind == YamlNode::Kind::Null) {
        // {en: If yes, please cite the act.}: the comma ended the text.
        error(*previous, "the text of '" + key + "' holds a comma, which ends a text inside {...}, so '" +
                             k.scalar + "' was read as a language; put the whole text in quotes: \"" +
                             previous->scalar + ", " + k.scalar + "\"");
        continue;
      }
      previous = &v;
      if (!languageDeclared(k.scalar)) {
        error(k, "'" + key + "' is given in '" + k.scalar + "', which is not in 'languages' (" +
                     languageList() + "); add the language or remove the text");
        continue;
      }
      if (auto s = scalar(v, key + "." + k.scalar)) {
        result.set(k.scalar, withYears(key, *s, v, k.scalar));
        noteReferences(key, *s, v);
      }
    }
  } else {
    error(node, "'" + key + "' must be a text or a mapping from language to text, not " + kindName(node));
    return result;
  }
  // Texts without letters ("2024", "%") read the same in every language.
  const bool needsTranslation = std::any_of(result.all().begin(), result.all().end(), [](const auto& entry) {
    return std::any_of(entry.second.begin(), entry.second.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
  });
  if (!needsTranslation) return result;
  ++coverage_.texts;
  for (const auto& language : q_.info.languages)
    if (!result.has(language)) coverage_.missing[language].push_back(position);
  return result;
}

std::string Reader::withYears(const std::string& key, const std::string& value, const YamlNode& node,
                              const std::string& language) {
  const std::vector<YearPlaceholder> found = yearPlaceholders(value);
  if (found.empty()) return value;
  const std::vector<int>& years = q_.info.referenceYears;
  for (const YearPlaceholder& p : found) {
    const SourcePosition at = positionInScalar(q_.sourceText, {node.line, node.column}, value, p.begin);
    std::string message;
    if (!p.known) {
      const std::string near = nearestYearPlaceholder(p.name);
      message = "the " + key + " holds {" + p.name + "}, which is not a name of the reference years" +
                (near.empty() ? "" : "; did you mean {" + near + "}?") +
                " The years are named {year_first}, {year_last} and {reference_years}";
    } else if (years.empty()) {
      message = "the " + key + " uses {" + p.name +
                "}, but the questionnaire has no 'reference_years'; add them at the top of the file, "
                "e.g. reference_years: [2002, 2003, 2004]";
    }
    if (message.empty()) continue;
    // A kept questionnaire (lenient) printed such a text as written.
    if (lenient_)
      diag_.warning(at.line, at.column, std::move(message));
    else
      diag_.error(at.line, at.column, std::move(message));
  }
  return expandYears(value, years, language);
}

void Reader::noteReferences(const std::string& key, const std::string& value, const YamlNode& node) {
  if ((key == "label" || key == "help") && value.find("${") != std::string::npos)
    textsWithReferences_.push_back({key, value, {node.line, node.column}});
}

void Reader::checkTextReferences() {
  // A kept questionnaire (lenient) printed such a text as written: a warning then.
  const auto report = [&](const SourcePosition& at, std::string message) {
    if (lenient_)
      diag_.warning(at.line, at.column, std::move(message));
    else
      diag_.error(at.line, at.column, std::move(message));
  };
  std::vector<std::string> ids;
  for (const auto& question : q_.questions) ids.push_back(question.id);
  for (const auto& entry : textsWithReferences_) {
    for (const auto& reference : textReferences(entry.text)) {
      const SourcePosition at = positionInScalar(q_.sourceText, entry.start, entry.text, reference.begin);
      const auto it = std::find_if(q_.questions.begin(), q_.questions.end(),
                                   [&](const Question& question) { return question.id == reference.id; });
      if (it == q_.questions.end()) {
        const std::string near = nearestWord(reference.id, ids);
        report(at, "the " + entry.key + " shows ${" + reference.id + "}, but there is no question '" +
                       reference.id + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      } else if (!kindOf(it->type).showsInText) {
        report(at, "the " + entry.key + " shows ${" + reference.id + "}, but '" + reference.id + "' is a " +
                       questionTypeKey(it->type) + ", which has no single answer to show");
      }
    }
  }
}

std::optional<CompiledExpression> Reader::expression(const YamlNode& node, const std::string& key) {
  auto s = scalar(node, key);
  if (!s) return std::nullopt;
  CompiledExpression e;
  e.text = *s;
  e.position = {node.line, node.column + (node.quoted ? 1 : 0)};
  e.start = {node.line, node.column};
  return e;
}

std::string Reader::identifier(const YamlNode& node, const std::string& what) {
  auto s = scalar(node, "id");
  if (!s) return {};
  if (!isIdentifier(*s)) {
    error(node, "the " + what + " id '" + *s +
                    "' is not valid: use letters, digits and '_', start with a letter or '_', at most " +
                    std::to_string(limits::kMaxIdLength) + " characters");
    return {};
  }
  return *s;
}

void Reader::checkKeys(const YamlNode& map, const std::vector<std::string>& allowed,
                       const std::vector<std::string>& elsewhere, const std::string& what) {
  for (const auto& [k, v] : map.entries) {
    if (!k.isScalar()) continue;
    if (std::find(allowed.begin(), allowed.end(), k.scalar) != allowed.end()) continue;
    if (std::find(elsewhere.begin(), elsewhere.end(), k.scalar) != elsewhere.end()) {
      error(k, "'" + k.scalar + "' does not apply to " + what + "; remove it");
      continue;
    }
    std::vector<std::string> candidates = allowed;
    candidates.insert(candidates.end(), elsewhere.begin(), elsewhere.end());
    std::string near;
    if (const std::string synonym = keySynonym(k.scalar);
        !synonym.empty() && std::find(allowed.begin(), allowed.end(), synonym) != allowed.end())
      near = synonym;
    if (near.empty()) near = nearestWord(k.scalar, candidates);
    error(k, "unknown key '" + k.scalar + "' in " + what +
                 (near.empty() ? "; see docs/questionnaire-format.md for the keys"
                               : "; did you mean '" + near + "'?"));
  }
}

bool Reader::languageDeclared(const std::string& language) const {
  return std::find(q_.info.languages.begin(), q_.info.languages.end(), language) != q_.info.languages.end();
}

std::string Reader::languageList() const {
  std::string out;
  for (const auto& l : q_.info.languages) out += (out.empty() ? "" : " ") + l;
  return out;
}

void Reader::readHeader(const YamlNode& root) {
  if (auto* n = required(root, "focal", "the questionnaire"))
    if (auto v = whole(*n, "focal", 1, 1000); v && *v != 1)
      error(*n, "this questionnaire is in format " + std::to_string(*v) +
                    ", which this version of Focal does not know (it reads format 1); update Focal");
  if (auto* n = required(root, "languages", "the questionnaire")) readLanguages(*n);
  if (q_.info.languages.empty()) q_.info.languages.push_back("en");
  if (auto* n = required(root, "id", "the questionnaire")) {
    if (auto s = scalar(*n, "id")) {
      if (!isQuestionnaireId(*s))
        error(*n,
              "the questionnaire id '" + *s + "' is not valid: use lower-case letters, digits, '-' and '_'");
      else
        q_.info.id = *s;
    }
  }
  if (auto* n = required(root, "title", "the questionnaire")) q_.info.title = text(*n, "title");
  if (auto* n = required(root, "instrument", "the questionnaire")) {
    if (auto s = scalar(*n, "instrument")) {
      if (auto i = instrument(*s))
        q_.info.instrument = *i;
      else
        error(*n, "unknown instrument '" + *s + "'; use convention, tip, som or firearms");
    }
  }
  if (auto* n = required(root, "cycle", "the questionnaire"))
    if (auto v = whole(*n, "cycle", 1, 100)) q_.info.cycle = static_cast<int>(*v);
  if (auto* n = required(root, "version", "the questionnaire"))
    if (auto s = scalar(*n, "version")) q_.info.version = *s;
  if (auto* n = root.find("previous_cycle")) {
    if (auto s = scalar(*n, "previous_cycle")) {
      if (!isQuestionnaireId(*s))
        error(*n, "'previous_cycle' must be a questionnaire id such as tip-cycle1");
      else
        q_.info.previousCycle = *s;
    }
  }
  if (auto* n = root.find("confirm_carried")) {
    if (auto v = confirmCarried(*n); v && *v && q_.info.previousCycle.empty())
      error(*n,
            "'confirm_carried' concerns answers carried forward, but the questionnaire names no "
            "'previous_cycle'; add it or remove 'confirm_carried'");
    else if (v)
      q_.info.confirmCarried = *v;
  }
}

std::optional<bool> Reader::confirmCarried(const YamlNode& node) {
  auto s = scalar(node, "confirm_carried");
  if (!s) return std::nullopt;
  if (*s == "required") return true;
  if (*s == "optional") return false;
  error(node,
        "'confirm_carried' is 'required' (a carried answer must be confirmed or changed before a "
        "final report) or 'optional', not '" +
            *s + "'");
  return std::nullopt;
}

std::optional<Instrument> Reader::instrument(const std::string& s) {
  if (s == "convention") return Instrument::Convention;
  if (s == "tip") return Instrument::Tip;
  if (s == "som") return Instrument::Som;
  if (s == "firearms") return Instrument::Firearms;
  return std::nullopt;
}

void Reader::readLanguages(const YamlNode& node) {
  if (!node.isSequence() || node.items.empty()) {
    error(node, "'languages' must be a list of language codes such as [en, fr, es]");
    return;
  }
  for (const auto& item : node.items) {
    // {ar: partial}: a language still in translation (its missing texts are not warned about).
    const bool mapping = item.isMapping();
    if (mapping && (item.entries.size() != 1 || !item.entries.front().key.isScalar())) {
      error(item,
            "an entry of 'languages' is a language code, or one language marked partial as in {ar: partial}");
      continue;
    }
    // A wrong mark is reported, and the language taken as complete.
    const bool partial = mapping && partialMark(item.entries.front());
    const YamlNode& code = mapping ? item.entries.front().key : item;
    auto s = scalar(code, "languages");
    if (!s) continue;
    bool valid = s->size() >= 2 && s->size() <= 3 &&
                 std::all_of(s->begin(), s->end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!valid)
      error(item, "'" + *s + "' is not a language code; use ISO 639-1 codes such as en, fr, ar, zh");
    else if (languageDeclared(*s))
      error(item, "the language '" + *s + "' is listed twice");
    else {
      if (partial && q_.info.languages.empty())
        error(code, "the first language, '" + *s +
                        "', is the default language, which every text must have, so it cannot be partial; "
                        "list a complete language first");
      q_.info.languages.push_back(*s);
      if (partial && q_.info.languages.size() > 1) {
        q_.info.partialLanguages.push_back(*s);
        coverage_.declared[*s] = {code.line, code.column};
      }
    }
  }
}

bool Reader::partialMark(const YamlEntry& entry) {
  const YamlNode& value = entry.value;
  if (value.isScalar() && value.scalar == "partial") return true;
  error(value.isScalar() ? value : entry.key, "the language '" + entry.key.scalar + "' is marked '" +
                                                  (value.isScalar() ? value.scalar : kindName(value)) +
                                                  "'; the only mark is 'partial', as in {" +
                                                  entry.key.scalar + ": partial}");
  return false;
}

void readQuestionnaire(const YamlNode& root, Questionnaire& out, Diagnostics& diagnostics,
                       TranslationCoverage& coverage, bool lenient) {
  Reader reader(out, diagnostics, coverage, lenient);
  reader.read(root);
  out.buildIndex();
}

}  // namespace focal::detail
