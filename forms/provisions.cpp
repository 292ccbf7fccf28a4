#include "forms/provisions.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "forms/data_files.h"
#include "forms/yaml_tree.h"

namespace focal {

const char* obligationKey(Obligation obligation) {
  switch (obligation) {
    case Obligation::Mandatory:
      return "mandatory";
    case Obligation::ShallConsider:
      return "shall_consider";
    case Obligation::Optional:
      return "optional";
  }
  return "mandatory";
}

std::string obligationLabel(Obligation obligation, const std::string& language) {
  static const char* const kLabels[3][3] = {
      {"Mandatory", "Shall consider", "Optional"},
      {"Obligatoire", "Doit envisager", "Facultatif"},
      {"Obligatorio", "Debe considerar", "Facultativo"},
  };
  const int row = language == "fr" ? 1 : language == "es" ? 2 : 0;
  return kLabels[row][static_cast<int>(obligation)];
}

std::string Provision::citation(const std::string& language) const {
  const bool fr = language == "fr", es = language == "es";
  std::string out = "art. " + article;
  if (!paragraph.empty()) {
    if (paragraph.front() == '(')
      out += " " + paragraph;
    else
      out += std::string(fr ? ", par. " : es ? ", párr. " : ", para. ") + paragraph;
  }
  return out;
}

const Provision* ProvisionCatalog::find(const std::string& article, const std::string& paragraph) const {
  for (const auto& p : provisions)
    if (p.article == article && p.paragraph == paragraph) return &p;
  return nullptr;
}

bool ProvisionCatalog::hasArticle(const std::string& article) const { return find(article, {}) != nullptr; }

std::vector<std::string> ProvisionCatalog::paragraphsOf(const std::string& article) const {
  std::vector<std::string> out;
  for (const auto& p : provisions)
    if (p.article == article && !p.paragraph.empty()) out.push_back(p.paragraph);
  return out;
}

std::vector<std::string> ProvisionCatalog::articles() const {
  std::vector<std::string> out;
  for (const auto& p : provisions)
    if (p.paragraph.empty()) out.push_back(p.article);
  return out;
}

std::string ProvisionCatalog::themeLabel(const std::string& key, const std::string& language) const {
  for (const auto& [k, label] : themes)
    if (k == key) return label.get(language, "en");
  return key;
}

std::string ProvisionCatalog::linkFor(const std::string& language) const {
  if (textLink.has(language)) return textLink.get(language);
  return link;
}

namespace {

class CatalogReader {
 public:
  CatalogReader(ProvisionCatalog& catalog, Diagnostics& d) : c_(catalog), d_(d) {}

  void read(const YamlNode& root) {
    if (!root.isMapping())
      return error(root, "a provisions file is a mapping with 'instrument' and 'articles'");
    static const std::set<std::string> kTop = {"instrument", "title",  "link",
                                               "text_link",  "themes", "articles"};
    checkKeys(root, kTop, "the provisions file");
    if (const YamlNode* n = need(root, "instrument", "the provisions file")) {
      bool known = false;
      for (Instrument i : {Instrument::Convention, Instrument::Tip, Instrument::Som, Instrument::Firearms})
        if (n->scalar == instrumentKey(i)) c_.instrument = i, known = true;
      if (!known) error(*n, "unknown instrument '" + n->scalar + "'; use convention, tip, som or firearms");
    }
    if (const YamlNode* n = need(root, "title", "the provisions file")) c_.title = text(*n, "title");
    if (const YamlNode* n = need(root, "link", "the provisions file")) {
      c_.link = n->scalar;
      checkLink(*n);
    }
    if (const YamlNode* n = root.find("text_link")) {
      c_.textLink = text(*n, "text_link");
      for (const auto& [k, v] : n->entries) checkLink(v);
    }
    if (const YamlNode* n = root.find("themes")) {
      if (!n->isMapping())
        error(*n, "'themes' is a mapping such as {criminalization: {en: Criminalization}}");
      for (const auto& [k, v] : n->entries) c_.themes.emplace_back(k.scalar, text(v, "theme " + k.scalar));
    }
    const YamlNode* articles = need(root, "articles", "the provisions file");
    if (!articles) return;
    if (!articles->isSequence()) return error(*articles, "'articles' is a list of articles");
    for (const auto& a : articles->items) readArticle(a);
  }

 private:
  void error(const YamlNode& node, const std::string& message) { d_.error(node.line, node.column, message); }

  const YamlNode* need(const YamlNode& node, const char* key, const std::string& what) {
    const YamlNode* n = node.find(key);
    if (!n) error(node, what + " has no '" + key + "'; add it");
    return n;
  }

  void checkKeys(const YamlNode& node, const std::set<std::string>& allowed, const std::string& what) {
    for (const auto& [k, v] : node.entries)
      if (!allowed.count(k.scalar)) {
        std::vector<std::string> list(allowed.begin(), allowed.end());
        const std::string near = nearestWord(k.scalar, list);
        error(k, "unknown key '" + k.scalar + "' in " + what +
                     (near.empty() ? "; remove it" : "; did you mean '" + near + "'?"));
      }
  }

  void checkLink(const YamlNode& node) {
    if (node.scalar.rfind("https://", 0) != 0)
      error(node, "a link to the official text starts with https://; '" + node.scalar + "' does not");
  }

  LocalizedText text(const YamlNode& node, const std::string& key) {
    LocalizedText out;
    if (node.isScalar() && !node.scalar.empty()) {
      out.set("en", node.scalar);
    } else if (node.isMapping()) {
      for (const auto& [k, v] : node.entries)
        if (v.isScalar() && !v.scalar.empty()) out.set(k.scalar, v.scalar);
    }
    if (out.empty()) error(node, "'" + key + "' is empty; write it as {en: ..., fr: ..., es: ...}");
    return out;
  }

  std::optional<Obligation> obligation(const YamlNode& item) {
    const YamlNode* n = need(item, "obligation", "this provision");
    if (!n) return std::nullopt;
    for (Obligation o : {Obligation::Mandatory, Obligation::ShallConsider, Obligation::Optional})
      if (n->scalar == obligationKey(o)) return o;
    error(*n, "unknown obligation '" + n->scalar + "'; use mandatory, shall_consider or optional");
    return std::nullopt;
  }

  std::vector<std::string> themes(const YamlNode& node) {
    std::vector<std::string> out;
    if (!node.isSequence()) {
      error(node, "'themes' is a list such as [criminalization]");
      return out;
    }
    for (const auto& t : node.items) {
      const bool declared = std::any_of(c_.themes.begin(), c_.themes.end(),
                                        [&](const auto& theme) { return theme.first == t.scalar; });
      if (!declared) {
        std::vector<std::string> keys;
        for (const auto& theme : c_.themes) keys.push_back(theme.first);
        const std::string near = nearestWord(t.scalar, keys);
        error(t, "theme '" + t.scalar + "' is not declared under 'themes'" +
                     (near.empty() ? "; declare it there" : "; did you mean '" + near + "'?"));
        continue;
      }
      out.push_back(t.scalar);
    }
    return out;
  }

  void readArticle(const YamlNode& a) {
    if (!a.isMapping()) return error(a, "an article is a mapping with 'article', 'title' and 'summary'");
    static const std::set<std::string> kKeys = {"article",    "title",   "themes",
                                                "obligation", "summary", "paragraphs"};
    checkKeys(a, kKeys, "an article");
    Provision article;
    article.line = a.line;
    if (const YamlNode* n = need(a, "article", "this article")) {
      article.article = n->scalar;
      if (c_.hasArticle(article.article)) error(*n, "article " + article.article + " is listed twice");
    }
    if (const YamlNode* n = need(a, "title", "article " + article.article)) article.title = text(*n, "title");
    if (const YamlNode* n = need(a, "summary", "article " + article.article))
      article.summary = text(*n, "summary");
    if (auto o = obligation(a)) article.obligation = *o;
    if (const YamlNode* n = need(a, "themes", "article " + article.article)) article.themes = themes(*n);
    const std::size_t at = c_.provisions.size();
    c_.provisions.push_back(article);
    const YamlNode* paragraphs = a.find("paragraphs");
    if (!paragraphs) return;
    if (!paragraphs->isSequence()) return error(*paragraphs, "'paragraphs' is a list of paragraphs");
    for (const auto& p : paragraphs->items) {
      if (!p.isMapping()) {
        error(p, "a paragraph is a mapping with 'paragraph', 'obligation' and 'summary'");
        continue;
      }
      static const std::set<std::string> kParagraphKeys = {"paragraph", "themes", "obligation", "summary"};
      checkKeys(p, kParagraphKeys, "a paragraph");
      Provision paragraph;
      paragraph.line = p.line;
      paragraph.article = c_.provisions[at].article;
      paragraph.title = c_.provisions[at].title;
      paragraph.themes = c_.provisions[at].themes;
      if (const YamlNode* n = need(p, "paragraph", "this paragraph")) {
        paragraph.paragraph = n->scalar;
        if (paragraph.paragraph.empty()) error(*n, "'paragraph' is empty");
        if (c_.find(paragraph.article, paragraph.paragraph))
          error(*n, "article " + paragraph.article + " lists paragraph " + paragraph.paragraph + " twice");
      }
      if (const YamlNode* n = need(p, "summary", "paragraph " + paragraph.paragraph))
        paragraph.summary = text(*n, "summary");
      if (auto o = obligation(p)) paragraph.obligation = *o;
      if (const YamlNode* n = p.find("themes")) paragraph.themes = themes(*n);
      c_.provisions.push_back(std::move(paragraph));
    }
  }

  ProvisionCatalog& c_;
  Diagnostics& d_;
};

}  // namespace

namespace {

std::shared_ptr<const ProvisionCatalog> readCatalog(const std::optional<YamlNode>& root,
                                                    const std::string& sourceName, Diagnostics& diagnostics,
                                                    std::size_t errorsBefore) {
  if (!root) return nullptr;
  auto catalog = std::make_shared<ProvisionCatalog>();
  catalog->sourceName = sourceName;
  CatalogReader(*catalog, diagnostics).read(*root);
  if (diagnostics.errorCount() > errorsBefore) return nullptr;
  return catalog;
}

}  // namespace

std::shared_ptr<const ProvisionCatalog> parseProvisionCatalog(const std::string& text,
                                                              const std::string& sourceName,
                                                              Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.errorCount();
  return readCatalog(parseYaml(text, diagnostics), sourceName, diagnostics, before);
}

std::shared_ptr<const ProvisionCatalog> readProvisionCatalog(const std::string& path,
                                                             Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.errorCount();
  std::string text;
  return readCatalog(readYamlFile(path, text, diagnostics), path, diagnostics, before);
}

std::string provisionsPath(Instrument instrument, const std::string& questionnairePath) {
  namespace fs = std::filesystem;
  const std::string name = std::string("provisions-") + instrumentKey(instrument) + ".yaml";
  std::error_code ec;
  if (!questionnairePath.empty()) {
    fs::path beside = fs::path(questionnairePath).parent_path() / "reference" / name;
    if (fs::exists(beside, ec)) return beside.lexically_normal().string();
  }
  return findDataFile("questionnaires/reference/" + name);
}

bool citationCovers(const TreatyReference& reference, const Provision& provision) {
  if (reference.article != provision.article) return false;
  if (provision.paragraph.empty()) return true;
  const std::string& a = reference.paragraph;
  const std::string& b = provision.paragraph;
  if (a.empty()) return false;
  if (a == b) return true;
  const auto within = [](const std::string& part, const std::string& whole) {
    return part.size() > whole.size() && part.compare(0, whole.size(), whole) == 0 &&
           part[whole.size()] == ' ';
  };
  return within(a, b) || within(b, a);
}

}  // namespace focal
