#include "forms/questionnaire_reader.h"

#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

#include "forms/author_hints.h"
#include "forms/label_text.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_loader.h"
#include "forms/reference_years.h"
#include "forms/source_map.h"

namespace focal::detail {

namespace {

const std::vector<std::string> kTopKeys = {"focal",        "id",       "title",           "instrument",
                                           "cycle",        "version",  "languages",       "previous_cycle",
                                           "choice_lists", "sections", "reference_years", "confirm_carried"};
const std::vector<std::string> kSectionKeys = {"id",       "title",     "intro",    "references",
                                               "relevant", "questions", "sections", "number"};
const std::vector<std::string> kReferenceKeys = {"instrument", "article", "paragraph", "text"};
const std::vector<std::string> kChoiceKeys = {"value", "label"};
const std::vector<std::string> kAxisKeys = {"id", "label", "in_total"};
const std::vector<std::string> kKnownTags = {"gating", "technical_assistance", "successful_practice"};

// Every key some question allows: a key of another kind is "does not apply".
std::vector<std::string> allQuestionKeys() {
  std::set<std::string> keys(commonQuestionKeys().begin(), commonQuestionKeys().end());
  for (const auto& kind : questionKinds()) keys.insert(kind.keys.begin(), kind.keys.end());
  return {keys.begin(), keys.end()};
}

// A numeric choice code, as statisticians and CSPro write them: 1 to 9 digits.
bool isNumericCode(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool isIdentifier(const std::string& s) {
  if (s.empty() || s.size() > limits::kMaxIdLength) return false;
  if (!(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  // Stay within ASCII: isalnum under some locales accepts more.
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool isQuestionnaireId(const std::string& s) {
  if (s.empty() || s.size() > limits::kMaxIdLength) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

const char* kindName(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "nothing";
    case YamlNode::Kind::Scalar:
      return "a single value";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Mapping:
      return "a mapping";
  }
  return "?";
}

class Reader {
 public:
  Reader(Questionnaire& q, Diagnostics& d, TranslationCoverage& c, bool lenient)
      : q_(q), diag_(d), coverage_(c), lenient_(lenient) {}

  void read(const YamlNode& root) {
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

 private:
  // ---- scalar helpers -------------------------------------------------

  void error(const YamlNode& at, std::string message) { diag_.error(at.line, at.column, std::move(message)); }

  const YamlNode* required(const YamlNode& map, const char* key, const std::string& what) {
    const YamlNode* node = map.find(key);
    if (!node) error(map, what + " has no '" + key + "'; add it");
    return node;
  }

  std::optional<std::string> scalar(const YamlNode& node, const std::string& key) {
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

  std::optional<bool> boolean(const YamlNode& node, const std::string& key) {
    if (node.isScalar() && !node.quoted) {
      if (node.scalar == "true" || node.scalar == "yes") return true;
      if (node.scalar == "false" || node.scalar == "no") return false;
    }
    error(node, "'" + key + "' must be true or false");
    return std::nullopt;
  }

  std::optional<double> number(const YamlNode& node, const std::string& key) {
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

  std::optional<long long> whole(const YamlNode& node, const std::string& key, long long min, long long max) {
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

  LocalizedText text(const YamlNode& node, const std::string& key) {
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
    const bool needsTranslation =
        std::any_of(result.all().begin(), result.all().end(), [](const auto& entry) {
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

  // {year_first}, {year_last} and {reference_years} in a text, replaced by
  // the reference years (forms/reference_years.h).
  std::string withYears(const std::string& key, const std::string& value, const YamlNode& node,
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

  // ${id} in a label or help text is checked once every id is known.
  struct TextWithReferences {
    std::string key, text;
    SourcePosition start;
  };
  void noteReferences(const std::string& key, const std::string& value, const YamlNode& node) {
    if ((key == "label" || key == "help") && value.find("${") != std::string::npos)
      textsWithReferences_.push_back({key, value, {node.line, node.column}});
  }

  void checkTextReferences() {
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

  std::optional<CompiledExpression> expression(const YamlNode& node, const std::string& key) {
    auto s = scalar(node, key);
    if (!s) return std::nullopt;
    CompiledExpression e;
    e.text = *s;
    e.position = {node.line, node.column + (node.quoted ? 1 : 0)};
    e.start = {node.line, node.column};
    return e;
  }

  std::string identifier(const YamlNode& node, const std::string& what) {
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

  void checkKeys(const YamlNode& map, const std::vector<std::string>& allowed,
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

  bool languageDeclared(const std::string& language) const {
    return std::find(q_.info.languages.begin(), q_.info.languages.end(), language) != q_.info.languages.end();
  }
  std::string defaultLanguage() const { return q_.info.languages.empty() ? "en" : q_.info.languages.front(); }
  std::string languageList() const {
    std::string out;
    for (const auto& l : q_.info.languages) out += (out.empty() ? "" : " ") + l;
    return out;
  }

  // ---- header -------------------------------------------------------------

  void readHeader(const YamlNode& root) {
    if (auto* n = required(root, "focal", "the questionnaire"))
      if (auto v = whole(*n, "focal", 1, 1000); v && *v != 1)
        error(*n, "this questionnaire is in format " + std::to_string(*v) +
                      ", which this version of Focal does not know (it reads format 1); update Focal");
    if (auto* n = required(root, "languages", "the questionnaire")) readLanguages(*n);
    if (q_.info.languages.empty()) q_.info.languages.push_back("en");
    if (auto* n = required(root, "id", "the questionnaire")) {
      if (auto s = scalar(*n, "id")) {
        if (!isQuestionnaireId(*s))
          error(*n, "the questionnaire id '" + *s +
                        "' is not valid: use lower-case letters, digits, '-' and '_'");
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

  // confirm_carried: required | optional
  std::optional<bool> confirmCarried(const YamlNode& node) {
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

  static std::optional<Instrument> instrument(const std::string& s) {
    if (s == "convention") return Instrument::Convention;
    if (s == "tip") return Instrument::Tip;
    if (s == "som") return Instrument::Som;
    if (s == "firearms") return Instrument::Firearms;
    return std::nullopt;
  }

  void readLanguages(const YamlNode& node) {
    if (!node.isSequence() || node.items.empty()) {
      error(node, "'languages' must be a list of language codes such as [en, fr, es]");
      return;
    }
    for (const auto& item : node.items) {
      // {ar: partial}: a language still in translation (its missing texts are not warned about).
      const bool mapping = item.isMapping();
      if (mapping && (item.entries.size() != 1 || !item.entries.front().key.isScalar())) {
        error(
            item,
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

  // The mark of {code: partial}: whether it is 'partial' (anything else is reported).
  bool partialMark(const YamlEntry& entry) {
    const YamlNode& value = entry.value;
    if (value.isScalar() && value.scalar == "partial") return true;
    error(value.isScalar() ? value : entry.key, "the language '" + entry.key.scalar + "' is marked '" +
                                                    (value.isScalar() ? value.scalar : kindName(value)) +
                                                    "'; the only mark is 'partial', as in {" +
                                                    entry.key.scalar + ": partial}");
    return false;
  }

  // ---- choice lists -------------------------------------------------------

  void readChoiceLists(const YamlNode& node) {
    if (!node.isMapping()) {
      error(node, "'choice_lists' must be a mapping from list name to a list of choices");
      return;
    }
    for (const auto& [k, v] : node.entries) {
      if (!k.isScalar()) continue;
      if (!isIdentifier(k.scalar)) {
        error(k, "the choice list name '" + k.scalar + "' is not valid: use letters, digits and '_'");
        continue;
      }
      if (k.scalar == "reference_years") {
        error(k,
              "the name 'reference_years' is kept for the reference years (a table's 'rows: "
              "reference_years'); rename the choice list");
        continue;
      }
      choiceLists_[k.scalar] = readChoices(v, "choice list '" + k.scalar + "'");
      choiceListLines_[k.scalar] = k.line;
    }
  }

  std::vector<Choice> readChoices(const YamlNode& node, const std::string& what) {
    std::vector<Choice> choices;
    if (!node.isSequence() || node.items.empty()) {
      error(node, what + " must be a list of choices, each with a 'value' and a 'label'");
      return choices;
    }
    if (node.items.size() > limits::kMaxChoices) {
      error(node, what + " has " + std::to_string(node.items.size()) + " choices, more than the " +
                      std::to_string(limits::kMaxChoices) + " allowed");
      return choices;
    }
    std::unordered_map<std::string, int> seen;
    for (const auto& item : node.items) {
      if (!item.isMapping()) {
        error(item, "a choice must be a mapping with 'value' and 'label', e.g. {value: yes, label: Yes}");
        continue;
      }
      checkKeys(item, kChoiceKeys, {}, "a choice");
      Choice choice;
      if (auto* v = required(item, "value", "this choice")) {
        if (auto s = scalar(*v, "value")) {
          if (!isIdentifier(*s) && !isNumericCode(*s)) {
            error(*v, "the choice value '" + *s +
                          "' is not valid: use letters, digits and '_' (starting with a letter or '_'), or "
                          "a whole number code such as 1 or 99");
          } else if (auto [it, inserted] = seen.emplace(*s, v->line); !inserted) {
            error(*v, "the choice value '" + *s + "' is used twice in " + what + " (first on line " +
                          std::to_string(it->second) + ")");
          } else {
            choice.value = *s;
          }
        }
      }
      if (auto* l = required(item, "label", "this choice")) choice.label = text(*l, "label");
      if (!choice.value.empty()) choices.push_back(std::move(choice));
    }
    return choices;
  }

  // ---- references ------------------------------------------------------------

  std::vector<TreatyReference> readReferences(const YamlNode& node) {
    std::vector<TreatyReference> refs;
    if (!node.isSequence()) {
      error(node, "'references' must be a list such as [{instrument: tip, article: \"5\"}]");
      return refs;
    }
    for (const auto& item : node.items) {
      if (!item.isMapping()) {
        error(item, "a treaty reference must be a mapping with 'instrument' and 'article'");
        continue;
      }
      checkKeys(item, kReferenceKeys, {}, "a treaty reference");
      TreatyReference ref;
      if (auto* n = required(item, "instrument", "this reference"))
        if (auto s = scalar(*n, "instrument")) {
          if (auto i = instrument(*s))
            ref.instrument = *i;
          else
            error(*n, "unknown instrument '" + *s + "'; use convention, tip, som or firearms");
        }
      ref.articlePosition = ref.paragraphPosition = {item.line, item.column};
      if (auto* n = required(item, "article", "this reference")) {
        ref.articlePosition = {n->line, n->column};
        if (auto s = scalar(*n, "article")) ref.article = *s;
      }
      if (auto* n = item.find("paragraph")) {
        ref.paragraphPosition = {n->line, n->column};
        if (auto s = scalar(*n, "paragraph")) ref.paragraph = *s;
      }
      if (auto* n = item.find("text")) ref.text = text(*n, "text");
      refs.push_back(std::move(ref));
    }
    return refs;
  }

  // ---- sections ------------------------------------------------------------

  void readSection(const YamlNode& node, int parent, int depth) {
    if (!node.isMapping()) {
      error(node, "a section must be a mapping with 'id', 'title' and 'questions'");
      return;
    }
    if (depth >= limits::kMaxSectionDepth) {
      error(node, "sections are nested more than " + std::to_string(limits::kMaxSectionDepth) +
                      " levels deep; flatten the structure");
      return;
    }
    checkKeys(node, kSectionKeys, {}, "a section");
    const int index = static_cast<int>(q_.sections.size());
    q_.sections.emplace_back();
    {
      Section& s = q_.sections.back();
      s.parent = parent;
      s.depth = depth;
      s.position = {node.line, node.column};
    }
    if (parent >= 0) q_.sections[parent].subsections.push_back(index);
    if (auto* n = required(node, "id", "this section")) {
      std::string id = identifier(*n, "section");
      if (!id.empty()) {
        if (auto [it, inserted] = sectionIds_.emplace(id, n->line); !inserted)
          error(*n, "the section id '" + id + "' is used twice (first on line " + std::to_string(it->second) +
                        "); give each section its own id");
        q_.sections[index].id = id;
      }
    }
    if (auto* n = required(node, "title", "this section")) q_.sections[index].title = text(*n, "title");
    if (auto* n = node.find("intro")) q_.sections[index].intro = text(*n, "intro");
    if (auto* n = node.find("references")) q_.sections[index].references = readReferences(*n);
    if (auto* n = node.find("relevant")) q_.sections[index].relevant = expression(*n, "relevant");
    if (auto* n = node.find("number"))
      q_.sections[index].number = displayNumber(*n, "section", sectionNumbers_);
    const YamlNode* questions = node.find("questions");
    const YamlNode* subsections = node.find("sections");
    if (!questions && !subsections)
      error(node,
            "the section '" + q_.sections[index].id + "' has neither 'questions' nor 'sections'; add some");
    if (questions) {
      if (!questions->isSequence())
        error(*questions, "'questions' must be a list of questions");
      else
        for (const auto& item : questions->items) {
          int qi = readQuestion(item, index, -1);
          if (qi >= 0) q_.sections[index].questions.push_back(qi);
        }
    }
    if (subsections) {
      if (!subsections->isSequence())
        error(*subsections, "'sections' must be a list of sections");
      else
        for (const auto& item : subsections->items) readSection(item, index, depth + 1);
    }
  }

  // ---- questions ------------------------------------------------------------

  int readQuestion(const YamlNode& node, int section, int repeat) {
    if (!node.isMapping()) {
      error(node, "a question must be a mapping with 'id', 'type' and 'label'");
      return -1;
    }
    if (q_.questions.size() > limits::kMaxQuestions) return -1;
    Question question;
    question.section = section;
    question.repeat = repeat;
    question.position = {node.line, node.column};
    if (auto* n = required(node, "id", "this question")) question.id = identifier(*n, "question");
    bool typeKnown = false;
    if (auto* n = required(node, "type", "the question '" + question.id + "'")) {
      if (auto s = scalar(*n, "type")) {
        if (auto t = questionTypeFromKey(*s)) {
          question.type = *t;
          typeKnown = true;
        } else {
          std::vector<std::string> names;
          std::string list;
          for (const auto& kind : questionKinds()) {
            names.push_back(kind.key);
            list += (list.empty() ? "" : ", ") + names.back();
          }
          std::string lower = *s;
          for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          std::string near = typeSynonym(lower);
          if (near.empty()) near = nearestWord(lower, names);
          error(*n, "unknown question type '" + *s + "'" +
                        (near.empty() ? "" : "; did you mean '" + near + "'?") + "; the types are " + list);
        }
      }
    }
    const std::string what = "a question of type '" + std::string(questionTypeKey(question.type)) + "'";
    if (typeKnown) {
      auto allowed = commonQuestionKeys();
      const auto& own = kindOf(question.type).keys;
      allowed.insert(allowed.end(), own.begin(), own.end());
      std::vector<std::string> elsewhere;
      for (const auto& k : allQuestionKeys())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) elsewhere.push_back(k);
      checkKeys(node, allowed, elsewhere, what);
    }
    if (!question.id.empty()) {
      if (auto [it, inserted] = questionIds_.emplace(question.id, node.line); !inserted)
        error(*node.find("id"), "the question id '" + question.id + "' is used twice (first on line " +
                                    std::to_string(it->second) + "); give each question its own id");
    }
    if (auto* n = required(node, "label", "the question '" + question.id + "'"))
      question.label = text(*n, "label");
    if (auto* n = node.find("help")) question.help = text(*n, "help");
    if (auto* n = node.find("required")) {
      if (n->isScalar() && !n->quoted && (n->scalar == "true" || n->scalar == "false"))
        question.required = n->scalar == "true";
      else
        question.requiredIf = expression(*n, "required");
    }
    if (auto* n = node.find("relevant")) question.relevant = expression(*n, "relevant");
    if (auto* n = node.find("constraint")) question.constraint = expression(*n, "constraint");
    if (auto* n = node.find("constraint_message"))
      question.constraintMessage = text(*n, "constraint_message");
    if (auto* n = node.find("warning")) question.warning = expression(*n, "warning");
    if (auto* n = node.find("warning_message")) question.warningMessage = text(*n, "warning_message");
    if (auto* n = node.find("default")) {
      if (auto s = scalar(*n, "default")) {
        if (!s->empty() && (*s)[0] == '=') {
          // default: "=${q_4} - ${q_5}": computed, see questionnaire_features.cpp.
          question.defaultExpression = expression(*n, "default");
          question.defaultExpression->text.erase(0, 1);
          question.defaultExpression->prefix = "=";
          question.defaultExpression->position.column += 1;
        } else {
          question.defaultValue = *s;
        }
      }
      question.defaultPosition = {n->line, n->column};
    }
    if (auto* n = node.find("number")) {
      question.number = displayNumber(*n, question.id, questionNumbers_);
      question.numberPosition = {n->line, n->column};
    }
    if (auto* n = node.find("read_only"))
      if (auto b = boolean(*n, "read_only")) question.readOnly = *b;
    if (auto* n = node.find("references")) question.references = readReferences(*n);
    if (auto* n = node.find("not_available"))
      if (auto b = boolean(*n, "not_available")) question.allowNotAvailable = *b;
    if (auto* n = node.find("carry_forward_from")) {
      if (auto s = scalar(*n, "carry_forward_from")) {
        if (!isIdentifier(*s))
          error(*n, "'carry_forward_from' must be a question id of the previous questionnaire");
        else
          question.carryForwardFrom = *s;
        question.carryForwardPosition = {n->line, n->column};
        if (q_.info.previousCycle.empty())
          error(*n, "'carry_forward_from' needs 'previous_cycle' at the top of the questionnaire; add it");
      }
    }
    if (auto* n = node.find("also_asked_in")) readAlsoAskedIn(*n, question);
    if (auto* n = node.find("tags")) readTags(*n, question);
    if (typeKnown) readTypeKeys(node, question);
    if (auto* n = node.find("carry_forward_map")) readCarryForwardMap(*n, question);
    if (auto* n = node.find("confirm_carried")) {
      question.confirmCarried = confirmCarried(*n);
      if (question.confirmCarried && question.carryForwardFrom.empty())
        error(*n, "'confirm_carried' concerns the answer carried forward, but '" + question.id +
                      "' has no 'carry_forward_from'; add it or remove 'confirm_carried'");
    }

    const int index = static_cast<int>(q_.questions.size());
    const bool isRepeat = question.type == QuestionType::Repeat;
    q_.questions.push_back(std::move(question));
    if (isRepeat) readRepeatChildren(node, index);
    return index;
  }

  // carry_forward_map: {old_value: new_value, ...}. The old values are
  // checked against the previous cycle's questionnaire by the loader.
  void readCarryForwardMap(const YamlNode& node, Question& question) {
    if (question.carryForwardFrom.empty()) {
      error(node,
            "'carry_forward_map' needs 'carry_forward_from' on the same question; add it or remove the map");
      return;
    }
    if (!kindOf(question.type).hasChoices) {
      error(node, "'carry_forward_map' maps choice values, but '" + question.id + "' is a " +
                      questionTypeKey(question.type) + " question; remove the map");
      return;
    }
    if (!node.isMapping() || node.entries.empty()) {
      error(node, "'carry_forward_map' must map old values to new ones, as in {mixed: both}");
      return;
    }
    std::vector<std::string> values = kindOf(question.type).fixedChoices;
    for (const auto& c : question.choices) values.push_back(c.value);
    if (question.otherOption) values.push_back("other");
    for (const auto& [k, v] : node.entries) {
      auto from = scalar(k, "carry_forward_map");
      auto to = scalar(v, "carry_forward_map." + k.scalar);
      if (!from || !to) continue;
      if (std::find(values.begin(), values.end(), *to) == values.end()) {
        std::string near = nearestWord(*to, values);
        std::string list;
        for (const auto& value : values) list += (list.empty() ? "" : ", ") + value;
        error(v, "'carry_forward_map' maps '" + *from + "' to '" + *to + "', which is not a value of '" +
                     question.id + "'" +
                     (near.empty() ? "; its values are " + list : "; did you mean '" + near + "'?"));
        continue;
      }
      question.carryForwardMap.push_back({*from, *to, {k.line, k.column}, {v.line, v.column}});
    }
  }

  void readAlsoAskedIn(const YamlNode& node, Question& question) {
    if (!node.isSequence()) {
      error(node, "'also_asked_in' must be a list such as [\"som-cycle2:bm_11_1\"]");
      return;
    }
    for (const auto& item : node.items) {
      auto s = scalar(item, "also_asked_in");
      if (!s) continue;
      auto colon = s->find(':');
      if (colon == std::string::npos || !isQuestionnaireId(s->substr(0, colon)) ||
          !isIdentifier(s->substr(colon + 1)))
        error(item, "'" + *s + "' must be written questionnaire_id:question_id, e.g. som-cycle2:bm_11_1");
      else
        question.alsoAskedIn.push_back(*s);
    }
  }

  void readTags(const YamlNode& node, Question& question) {
    if (!node.isSequence()) {
      error(node, "'tags' must be a list such as [technical_assistance]");
      return;
    }
    for (const auto& item : node.items) {
      auto s = scalar(item, "tags");
      if (!s) continue;
      if (std::find(kKnownTags.begin(), kKnownTags.end(), *s) == kKnownTags.end()) {
        std::string near = nearestWord(*s, kKnownTags);
        error(item, "unknown tag '" + *s + "'" +
                        (near.empty() ? "; use gating, technical_assistance or successful_practice"
                                      : "; did you mean '" + near + "'?"));
      } else {
        question.tags.push_back(*s);
      }
    }
  }

  void readTypeKeys(const YamlNode& node, Question& question) {
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
            error(*choices, "unknown choice list '" + choices->scalar + "'" +
                                (near.empty() ? "; declare it under 'choice_lists'"
                                              : "; did you mean '" + near + "'?"));
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

  // `number: "1.2 (a)"`: shown instead of the position; unique among the
  // questions (or the sections), short, on one line.
  std::string displayNumber(const YamlNode& node, const std::string& what, std::map<std::string, int>& seen) {
    auto s = scalar(node, "number");
    if (!s) return {};
    if (s->empty() || s->size() > 20 || s->find('\n') != std::string::npos) {
      error(node, "'number' must be a short text on one line (at most 20 characters), such as \"1.2 (a)\"");
      return {};
    }
    if (auto [it, inserted] = seen.emplace(*s, node.line); !inserted) {
      error(node, "the number '" + *s + "' is given twice (first on line " + std::to_string(it->second) +
                      "); give " + (what == "section" ? "each section" : "each question") +
                      " its own number");
      return {};
    }
    return *s;
  }

  // min_selected and max_selected of a multiple choice: whole numbers, at
  // most the number of choices, the minimum not above the maximum.
  void readSelectionBounds(const YamlNode& node, Question& question) {
    const long long choices =
        static_cast<long long>(question.choices.size()) + (question.otherOption ? 1 : 0);
    const YamlNode* minNode = node.find("min_selected");
    const YamlNode* maxNode = node.find("max_selected");
    const long long top = std::max(1LL, choices);
    if (minNode)
      if (auto v = whole(*minNode, "min_selected", 1, top))
        question.minSelected = static_cast<std::size_t>(*v);
    if (maxNode)
      if (auto v = whole(*maxNode, "max_selected", 1, top))
        question.maxSelected = static_cast<std::size_t>(*v);
    if (question.minSelected && question.maxSelected && question.minSelected > question.maxSelected)
      error(*minNode, "'min_selected' (" + std::to_string(question.minSelected) +
                          ") is larger than 'max_selected' (" + std::to_string(question.maxSelected) +
                          "); swap them or lower 'min_selected'");
  }

  // `summary: sum|distribution` and `special_values: {99: life imprisonment}`.
  void readSummary(const YamlNode& node, Question& question) {
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

  std::string dateBound(const YamlNode& node, const std::string& key) {
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

  void readTable(const YamlNode& node, Question& question) {
    if (!question.min) question.min = 0;
    auto axis = [&](const char* key, std::size_t max) {
      std::vector<TableAxisItem> items;
      const YamlNode* n = required(node, key, "the table '" + question.id + "'");
      if (!n) return items;
      if (n->isScalar() && n->scalar == "reference_years") {  // one row or column per year
        if (q_.info.referenceYears.empty())
          error(*n,
                "the table '" + question.id + "' takes its " + key +
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
        if (auto* id = required(item, "id", "this row or column"))
          entry.id = identifier(*id, "row or column");
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

  void readRepeatChildren(const YamlNode& node, int repeatIndex) {
    const YamlNode* questions =
        required(node, "questions", "the repeat '" + q_.questions[repeatIndex].id + "'");
    if (!questions) return;
    if (!questions->isSequence() || questions->items.empty()) {
      error(*questions, "'questions' of a repeat must be a list of at least one question");
      return;
    }
    for (const auto& item : questions->items) {
      if (const YamlNode* type = item.isMapping() ? item.find("type") : nullptr;
          type && type->isScalar() && type->scalar == "repeat") {
        error(*type, "a repeat cannot contain another repeat; use a separate repeat group");
        continue;
      }
      int child = readQuestion(item, q_.questions[repeatIndex].section, repeatIndex);
      if (child >= 0) q_.questions[repeatIndex].children.push_back(child);
    }
  }

  Questionnaire& q_;
  Diagnostics& diag_;
  TranslationCoverage& coverage_;
  bool lenient_ = false;
  std::map<std::string, std::vector<Choice>> choiceLists_;
  std::map<std::string, int> choiceListLines_;
  std::unordered_map<std::string, int> sectionIds_, questionIds_;
  std::map<std::string, int> questionNumbers_,
      sectionNumbers_;  // `number` values, by the line of their first use
  std::vector<TextWithReferences> textsWithReferences_;
};

}  // namespace

void readQuestionnaire(const YamlNode& root, Questionnaire& out, Diagnostics& diagnostics,
                       TranslationCoverage& coverage, bool lenient) {
  Reader reader(out, diagnostics, coverage, lenient);
  reader.read(root);
  out.buildIndex();
}

}  // namespace focal::detail
