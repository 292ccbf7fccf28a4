#include "forms/translations.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "forms/questionnaire_loader.h"
#include "forms/xliff.h"
#include "forms/yaml_text_edit.h"

namespace focal {

namespace {

// The keys of a question whose value is a text, in the order they are exported.
constexpr const char* kQuestionTextKeys[] = {"label", "help", "constraint_message", "warning_message",
                                             "unit"};

// Texts without letters ("2024", "%") read the same in every language (as the loader counts them).
bool needsTranslation(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

std::string scalarOf(const YamlNode* node) { return node && node->isScalar() ? node->scalar : std::string(); }

class Collector {
 public:
  Collector(std::vector<TranslatableText>& out, const std::string& defaultLanguage)
      : out_(out), defaultLanguage_(defaultLanguage) {}

  void root(const YamlNode& root) {
    add(root, "title", "questionnaire.title", scalarOf(root.find("id")), "the questionnaire's title");
    if (auto* lists = root.find("choice_lists"); lists && lists->isMapping())
      for (const auto& [k, v] : lists->entries)
        choices(v, "choice_list." + k.scalar, k.scalar, "choice list '" + k.scalar + "'");
    if (auto* s = root.find("sections"); s && s->isSequence())
      for (const auto& item : s->items) section(item, "");
  }

 private:
  void add(const YamlNode& owner, const char* key, std::string id, std::string resname, std::string note) {
    for (const auto& [k, v] : owner.entries) {
      if (!k.isScalar() || k.scalar != key) continue;
      const std::string* source = nullptr;
      if (v.isScalar()) source = &v.scalar;
      if (v.isMapping())
        if (auto* d = v.find(defaultLanguage_); d && d->isScalar()) source = &d->scalar;
      if (!source || !needsTranslation(*source) || !ids_.insert(id).second) return;
      out_.push_back({std::move(id), std::move(resname), std::move(note), &owner, &k, &v});
      return;
    }
  }

  void choices(const YamlNode& list, const std::string& prefix, const std::string& resname,
               const std::string& where) {
    if (!list.isSequence()) return;
    for (const auto& item : list.items) {
      std::string value = scalarOf(item.find("value"));
      if (item.isMapping() && !value.empty())
        add(item, "label", prefix + ".choice." + value, resname, where + ", choice '" + value + "'");
    }
  }

  void references(const YamlNode& owner, const std::string& prefix, const std::string& resname,
                  const std::string& where) {
    auto* refs = owner.find("references");
    if (!refs || !refs->isSequence()) return;
    for (std::size_t i = 0; i < refs->items.size(); ++i) {
      const YamlNode& ref = refs->items[i];
      if (!ref.isMapping()) continue;
      std::string n = std::to_string(i + 1);
      add(ref, "text", prefix + ".reference." + n, resname,
          where + ", reference " + n + " (" + scalarOf(ref.find("instrument")) + " article " +
              scalarOf(ref.find("article")) + "): the article's text");
    }
  }

  void section(const YamlNode& node, const std::string& path) {
    if (!node.isMapping()) return;
    std::string id = scalarOf(node.find("id"));
    std::string where = path.empty() ? "section " + id : path + " > section " + id;
    add(node, "title", "section." + id + ".title", id, where + ": title");
    add(node, "intro", "section." + id + ".intro", id, where + ": introduction");
    references(node, "section." + id, id, where);
    if (auto* qs = node.find("questions"); qs && qs->isSequence())
      for (const auto& q : qs->items) question(q, where);
    if (auto* ss = node.find("sections"); ss && ss->isSequence())
      for (const auto& s : ss->items) section(s, where);
  }

  void question(const YamlNode& node, const std::string& where) {
    if (!node.isMapping()) return;
    std::string id = scalarOf(node.find("id"));
    std::string here = where + ", question " + id + " (" + scalarOf(node.find("type")) + ")";
    for (const char* key : kQuestionTextKeys) add(node, key, id + "." + key, id, here + ": " + key);
    if (auto* c = node.find("choices")) choices(*c, id, id, here);
    for (const char* axis : {"rows", "columns"}) {
      auto* items = node.find(axis);
      if (!items || !items->isSequence()) continue;
      std::string singular = std::string(axis) == "rows" ? "row" : "column";
      for (const auto& item : items->items) {
        std::string itemId = scalarOf(item.find("id"));
        if (item.isMapping() && !itemId.empty())
          add(item, "label", id + "." + singular + "." + itemId, id,
              here + ", table " + singular + " '" + itemId + "': label");
      }
    }
    references(node, id, id, here);
    if (auto* children = node.find("questions"); children && children->isSequence())
      for (const auto& child : children->items) question(child, here + " > repeat");
  }

  std::vector<TranslatableText>& out_;
  std::string defaultLanguage_;
  std::set<std::string> ids_;
};

// A canonical dump of the tree in which each text is its language map, so
// that two files compare equal when they differ only in how texts are written.
void dump(const YamlNode& node, const std::map<const YamlNode*, std::map<std::string, std::string>>& texts,
          std::string& out) {
  if (auto it = texts.find(&node); it != texts.end()) {
    out += "T{";
    for (const auto& [lang, s] : it->second) out += lang + "=" + std::to_string(s.size()) + ":" + s + ";";
    out += "}";
    return;
  }
  switch (node.kind) {
    case YamlNode::Kind::Null:
      out += "~";
      break;
    case YamlNode::Kind::Scalar:
      // Appended piece by piece: `"S" + std::to_string(n)` makes g++ 12 at
      // -O3 warn falsely that the copy may overlap (-Wrestrict, GCC bug 105329).
      out += 'S';
      out += std::to_string(node.scalar.size());
      out += ':';
      out += node.scalar;
      break;
    case YamlNode::Kind::Sequence:
      out += "[";
      for (const auto& i : node.items) dump(i, texts, out), out += ",";
      out += "]";
      break;
    case YamlNode::Kind::Mapping:
      out += "{";
      for (const auto& [k, v] : node.entries)
        dump(k, texts, out), out += ":", dump(v, texts, out), out += ",";
      out += "}";
      break;
  }
}

std::map<std::string, std::string> languageMap(const TranslatableFile& f, const TranslatableText& t) {
  std::map<std::string, std::string> m;
  for (const auto& lang : f.languages())
    if (auto s = f.textIn(t, lang)) m[lang] = *s;
  return m;
}

// "fr" of "fr-FR", "fr_FR" or "FR": tools write regional codes, questionnaires ISO 639-1 ones.
std::string primaryLanguage(const std::string& code) {
  std::string out = code.substr(0, code.find_first_of("-_"));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The text with each run of white space made one space, trimmed: tools may
// re-flow a source's white space, which does not make the translation stale.
std::string collapsed(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string quoteForMessage(const std::string& s) {
  std::string shown = s.size() > 60 ? s.substr(0, 57) + "..." : s;
  std::replace(shown.begin(), shown.end(), '\n', ' ');
  return "\"" + shown + "\"";
}

}  // namespace

std::optional<TranslatableFile> TranslatableFile::read(std::string text, Diagnostics& diagnostics) {
  auto root = parseYaml(text, diagnostics);
  if (!root) return std::nullopt;
  TranslatableFile f;
  f.text_ = std::make_shared<const std::string>(std::move(text));
  f.root_ = std::make_shared<const YamlNode>(std::move(*root));
  if (auto* langs = f.root_->find("languages"); langs && langs->isSequence())
    for (const auto& item : langs->items) {
      if (item.isScalar()) f.languages_.push_back(item.scalar);
      if (item.isMapping() && !item.entries.empty()) f.languages_.push_back(item.entries.front().key.scalar);
    }
  if (f.languages_.empty()) f.languages_.push_back("en");
  Collector(f.texts_, f.languages_.front()).root(*f.root_);
  return f;
}

const TranslatableText* TranslatableFile::find(const std::string& id) const {
  for (const auto& t : texts_)
    if (t.id == id) return &t;
  return nullptr;
}

std::optional<std::string> TranslatableFile::textIn(const TranslatableText& t,
                                                    const std::string& language) const {
  if (t.value->isScalar()) {
    if (language == languages_.front()) return t.value->scalar;
    return std::nullopt;
  }
  if (auto* v = t.value->find(language); v && v->isScalar()) return v->scalar;
  return std::nullopt;
}

std::string exportTranslations(const TranslatableFile& file, const std::string& original,
                               const std::string& language) {
  xliff::File x;
  x.original = original;
  x.sourceLanguage = file.languages().front();
  x.targetLanguage = language;
  for (const auto& t : file.texts()) {
    xliff::Unit u;
    u.id = t.id;
    u.resname = t.resname;
    u.source = *file.textIn(t, x.sourceLanguage);
    u.target = file.textIn(t, language);
    u.note = t.note;
    x.units.push_back(std::move(u));
  }
  return xliff::write(x);
}

namespace {

// Where a scalar starts and ends in the text, checked against what the parser saw.
std::optional<std::pair<std::size_t, std::size_t>> extent(const std::string& text, const YamlNode& v,
                                                          bool flow, int keyColumn) {
  if (!v.isScalar()) return std::nullopt;
  auto begin = yamledit::offsetOf(text, v.line, v.column);
  if (!begin || *begin >= text.size()) return std::nullopt;
  const bool marked = std::string_view("\"'|>").find(text[*begin]) != std::string_view::npos;
  if (marked != v.quoted) return std::nullopt;
  return std::pair{*begin, yamledit::scalarEnd(text, *begin, flow, keyColumn)};
}

bool isFlow(const std::string& text, const YamlNode& mapping) {
  auto at = yamledit::offsetOf(text, mapping.line, mapping.column);
  return at && *at < text.size() && text[*at] == '{';
}

// The edits that give `t` the texts of `changes` (language -> text).
std::optional<std::vector<yamledit::TextEdit>> editsFor(const TranslatableFile& f, const TranslatableText& t,
                                                        const std::map<std::string, std::string>& changes,
                                                        std::string& error) {
  const std::string& text = f.text();
  std::vector<yamledit::TextEdit> edits;
  std::vector<std::string> missing;  // in the order of 'languages'
  for (const auto& lang : f.languages())
    if (changes.count(lang) && !(t.value->isMapping() && t.value->find(lang))) missing.push_back(lang);
  error = "cannot find where the text is written; write it as a mapping {" + f.languages().front() +
          ": ...} and import again";
  if (t.value->isScalar()) {
    // A text in the default language only becomes a flow mapping.
    auto range = extent(text, *t.value, isFlow(text, *t.owner), t.key->column);
    if (!range) return std::nullopt;
    std::string original = text.substr(range->first, range->second - range->first);
    const bool keep =
        (original.front() == '"' || original.front() == '\'') && original.find('\n') == std::string::npos;
    std::string mapping =
        "{" + f.languages().front() + ": " + (keep ? original : yamledit::doubleQuoted(t.value->scalar));
    for (const auto& lang : missing) mapping += ", " + lang + ": " + yamledit::doubleQuoted(changes.at(lang));
    edits.push_back({range->first, range->second, mapping + "}"});
    return edits;
  }
  if (!t.value->isMapping() || t.value->entries.empty()) return std::nullopt;
  const bool flow = isFlow(text, *t.value);
  for (const auto& [k, v] : t.value->entries) {
    auto it = changes.find(k.scalar);
    if (it == changes.end()) continue;
    auto range = extent(text, v, flow, k.column);
    if (!range) return std::nullopt;
    edits.push_back({range->first, range->second, yamledit::doubleQuoted(it->second)});
  }
  if (missing.empty()) return edits;
  const auto& last = t.value->entries.back();
  auto range = extent(text, last.value, flow, last.key.column);
  if (!range) return std::nullopt;
  std::string inserted;
  const std::string newline = yamledit::newlineOf(text);
  const std::string indent(static_cast<std::size_t>(t.value->entries.front().key.column - 1), ' ');
  for (const auto& lang : missing)
    inserted += (flow ? ", " : newline + indent) + lang + ": " + yamledit::doubleQuoted(changes.at(lang));
  std::size_t at = flow ? range->second : yamledit::lineEnd(text, range->second);
  edits.push_back({at, at, inserted});
  return edits;
}

}  // namespace

TranslationImport importTranslations(const std::string& yamlText, const std::string& yamlName,
                                     const std::vector<std::pair<std::string, std::string>>& xliffFiles,
                                     const std::string& language) {
  TranslationImport result;
  Diagnostics diagnostics(yamlName);
  auto file = TranslatableFile::read(yamlText, diagnostics);
  if (!file) {
    for (const auto& d : diagnostics.all()) result.errors.push_back(d.format());
    return result;
  }
  const std::string& defaultLanguage = file->languages().front();
  // text -> language -> (new text, where it came from)
  std::map<const TranslatableText*, std::map<std::string, std::pair<std::string, std::string>>> wanted;
  for (const auto& [name, content] : xliffFiles) {
    std::string error;
    auto docs = xliff::read(content, error);
    if (!docs) {
      result.errors.push_back(name + ": " + error + "; save it again as XLIFF 1.2 from the translation tool");
      continue;
    }
    for (const auto& doc : *docs) {
      const std::string lang = primaryLanguage(doc.targetLanguage.empty() ? language : doc.targetLanguage);
      auto& langs = file->languages();
      if (lang.empty()) {
        result.errors.push_back(name + ": the <file> has no target-language; say which with --language");
        continue;
      }
      if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
        result.errors.push_back(name + ": the target language '" + lang + "' is not in 'languages' of " +
                                yamlName + "; add it there first");
        continue;
      }
      if (lang == defaultLanguage) {
        result.errors.push_back(name + ": the target language '" + lang +
                                "' is the default language; the source texts are edited in the YAML itself");
        continue;
      }
      if (!doc.sourceLanguage.empty() && primaryLanguage(doc.sourceLanguage) != defaultLanguage) {
        result.errors.push_back(name + ": the source language is '" + doc.sourceLanguage + "' but " +
                                yamlName + "'s default language is '" + defaultLanguage + "'");
        continue;
      }
      for (const auto& unit : doc.units) {
        std::string where = name + ":" + std::to_string(unit.line) + ": unit '" +
                            (unit.location.empty() ? unit.id : unit.location) + "'";
        const TranslatableText* t = file->find(unit.id);
        if (!t && !unit.location.empty()) t = file->find(unit.location);
        if (!t) {
          result.errors.push_back(where + ": " + yamlName +
                                  " has no such text (removed or renamed?); export again and re-translate");
          continue;
        }
        std::string current = *file->textIn(*t, defaultLanguage);
        if (collapsed(unit.source) != collapsed(current)) {
          result.errors.push_back(where + ": the source text changed since the export (it was " +
                                  quoteForMessage(unit.source) + ", it is now " + quoteForMessage(current) +
                                  "); export again and re-translate this unit");
          continue;
        }
        if (!unit.target || unit.target->empty()) {
          ++result.untranslated;
          continue;
        }
        auto& slot = wanted[t];
        if (auto it = slot.find(lang); it != slot.end() && it->second.first != *unit.target) {
          result.errors.push_back(where + ": a different " + lang + " translation was given in " +
                                  it->second.second + "; keep one");
          continue;
        }
        slot[lang] = {*unit.target, name};
      }
    }
  }
  if (!result.errors.empty()) return result;

  std::vector<yamledit::TextEdit> edits;
  std::map<const YamlNode*, std::map<std::string, std::string>> expected;
  for (const auto& t : file->texts()) expected[t.value] = languageMap(*file, t);
  for (const auto& [t, langs] : wanted) {
    std::map<std::string, std::string> changes;
    for (const auto& [lang, target] : langs) {
      if (file->textIn(*t, lang) == target.first) {
        ++result.unchanged;
        continue;
      }
      changes[lang] = target.first;
      expected[t->value][lang] = target.first;
      ++result.changed;
    }
    if (changes.empty()) continue;
    std::string error;
    auto e = editsFor(*file, *t, changes, error);
    if (!e) {
      result.errors.push_back(yamlName + ":" + std::to_string(t->value->line) + ": " + t->id + ": " + error);
      continue;
    }
    edits.insert(edits.end(), e->begin(), e->end());
  }
  if (!result.errors.empty()) return result;
  auto text = yamledit::applyEdits(yamlText, edits);
  if (!text) {
    result.errors.push_back(yamlName + ": two edits overlap; this is a bug in Focal, please report it");
    return result;
  }

  // Check the result: the same tree but for the texts, each as wanted, and it loads.
  Diagnostics after(yamlName);
  auto edited = TranslatableFile::read(*text, after);
  std::string before, now;
  if (edited) {
    std::map<const YamlNode*, std::map<std::string, std::string>> actual;
    for (const auto& t : edited->texts()) actual[t.value] = languageMap(*edited, t);
    dump(file->root(), expected, before);
    dump(edited->root(), actual, now);
  }
  if (!edited || before != now) {
    result.errors.push_back(
        yamlName +
        ": the edited file did not read back as intended, so nothing was written; this is "
        "a bug in Focal, please report it with the files");
    return result;
  }
  auto loaded = loadQuestionnaireText(*text, yamlName);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Diagnostic::Severity::Error) result.errors.push_back(d.format());
    return result;
  }
  result.text = std::move(*text);
  return result;
}

}  // namespace focal
