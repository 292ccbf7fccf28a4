#include "forms/xliff.h"

#include <cstdint>
#include <memory>
#include <stdexcept>

#include "forms/markup_escape.h"

namespace focal::xliff {

namespace {

constexpr const char* kNamespace = "urn:oasis:names:tc:xliff:document:1.2";

struct Element {
  std::string name;  // local name, without a prefix
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::unique_ptr<Element>> children;
  std::string text;  // all character data directly inside, in order (see textOf)
  std::vector<std::pair<std::size_t, const Element*>> childAt;  // child positions in `text`
  int line = 0;

  const std::string* attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      std::string_view local = k;
      if (auto colon = local.find(':'); colon != std::string_view::npos && !local.starts_with("xml:"))
        local = local.substr(colon + 1);
      if (local == key) return &v;
    }
    return nullptr;
  }
  const Element* child(std::string_view n) const {
    for (const auto& c : children)
      if (c->name == n) return c.get();
    return nullptr;
  }
};

struct ParseError : std::runtime_error {
  int line;
  ParseError(int l, const std::string& m) : std::runtime_error(m), line(l) {}
};

void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::unique_ptr<Element> document() {
    if (s_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    skipMisc();
    if (at("<!DOCTYPE")) throw ParseError(line_, "a DOCTYPE is not accepted in an XLIFF file");
    if (!at("<")) throw ParseError(line_, "the file does not start with an XML element");
    auto root = element(0);
    skipMisc();
    if (pos_ < s_.size()) throw ParseError(line_, "text after the end of the document");
    return root;
  }

 private:
  bool at(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void advance(std::size_t n = 1) {
    for (std::size_t i = 0; i < n && pos_ < s_.size(); ++i, ++pos_)
      if (s_[pos_] == '\n') ++line_;
  }
  void skipSpace() {
    while (pos_ < s_.size() && std::string_view(" \t\r\n").find(s_[pos_]) != std::string_view::npos)
      advance();
  }
  void skipUntil(std::string_view end, const char* what) {
    std::size_t p = s_.find(end, pos_);
    if (p == std::string_view::npos) throw ParseError(line_, std::string("unterminated ") + what);
    advance(p + end.size() - pos_);
  }
  void skipMisc() {
    for (;;) {
      skipSpace();
      if (at("<?"))
        skipUntil("?>", "processing instruction");
      else if (at("<!--"))
        skipUntil("-->", "comment");
      else
        return;
    }
  }
  std::string name() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && std::string_view(" \t\r\n/>=").find(s_[pos_]) == std::string_view::npos)
      advance();
    if (pos_ == start) throw ParseError(line_, "an element or attribute name is missing");
    return std::string(s_.substr(start, pos_ - start));
  }
  // Character data up to `stop`, with references resolved and line ends normalised.
  void characters(std::string& out, char stop) {
    while (pos_ < s_.size() && s_[pos_] != stop && !(stop == '<' && s_[pos_] == '<')) {
      char c = s_[pos_];
      if (c == '&') {
        std::size_t semi = s_.find(';', pos_);
        if (semi == std::string_view::npos || semi - pos_ > 12)
          throw ParseError(line_, "a '&' that starts no entity; write it as &amp;");
        std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
        if (ref == "lt")
          out += '<';
        else if (ref == "gt")
          out += '>';
        else if (ref == "amp")
          out += '&';
        else if (ref == "quot")
          out += '"';
        else if (ref == "apos")
          out += '\'';
        else if (ref.starts_with("#")) {
          bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
          std::string digits(ref.substr(hex ? 2 : 1));
          std::uint32_t cp = 0;
          try {
            std::size_t used = 0;
            cp = static_cast<std::uint32_t>(std::stoul(digits, &used, hex ? 16 : 10));
            if (used != digits.size() || digits.empty() || cp > 0x10FFFF) throw std::invalid_argument("");
          } catch (const std::exception&) {
            throw ParseError(line_, "an invalid character reference &" + std::string(ref) + ";");
          }
          appendUtf8(out, cp);
        } else {
          throw ParseError(line_, "unknown entity &" + std::string(ref) + ";");
        }
        advance(semi + 1 - pos_);
      } else if (c == '\r') {
        out += '\n';
        advance(s_.substr(pos_, 2) == "\r\n" ? 2 : 1);
      } else {
        out += c;
        advance();
      }
    }
  }
  std::unique_ptr<Element> element(int depth) {
    if (depth > 64) throw ParseError(line_, "elements nested too deeply");
    auto e = std::make_unique<Element>();
    e->line = line_;
    advance();  // '<'
    std::string qualified = name();
    auto colon = qualified.find(':');
    e->name = colon == std::string::npos ? qualified : qualified.substr(colon + 1);
    for (;;) {
      skipSpace();
      if (at("/>")) {
        advance(2);
        return e;
      }
      if (at(">")) {
        advance();
        break;
      }
      std::string key = name();
      skipSpace();
      if (peek() != '=') throw ParseError(line_, "attribute '" + key + "' has no value");
      advance();
      skipSpace();
      char quote = peek();
      if (quote != '"' && quote != '\'') throw ParseError(line_, "attribute '" + key + "' is not quoted");
      advance();
      std::string value;
      characters(value, quote);
      if (peek() != quote) throw ParseError(line_, "attribute '" + key + "' is not closed");
      advance();
      e->attributes.emplace_back(std::move(key), std::move(value));
    }
    for (;;) {
      if (pos_ >= s_.size()) throw ParseError(line_, "the element <" + qualified + "> is not closed");
      if (at("</")) {
        advance(2);
        std::string closing = name();
        if (closing != qualified)
          throw ParseError(
              line_, "</" + closing + "> closes <" + qualified + "> (line " + std::to_string(e->line) + ")");
        skipSpace();
        if (peek() != '>') throw ParseError(line_, "'>' expected after </" + closing);
        advance();
        return e;
      }
      if (at("<!--")) {
        skipUntil("-->", "comment");
      } else if (at("<![CDATA[")) {
        advance(9);
        std::size_t end = s_.find("]]>", pos_);
        if (end == std::string_view::npos) throw ParseError(line_, "unterminated CDATA section");
        e->text.append(s_.substr(pos_, end - pos_));
        advance(end + 3 - pos_);
      } else if (at("<?")) {
        skipUntil("?>", "processing instruction");
      } else if (at("<")) {
        auto child = element(depth + 1);
        e->childAt.emplace_back(e->text.size(), child.get());
        e->children.push_back(std::move(child));
      } else {
        characters(e->text, '<');
      }
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

// The text of a <source> or <target>: its characters and those of inline
// <mrk> and <g> elements; placeholders of native code are refused.
std::string textOf(const Element& e) {
  std::string out;
  std::size_t from = 0;
  for (const auto& [at, child] : e.childAt) {
    out.append(e.text, from, at - from);
    from = at;
    if (child->name == "mrk" || child->name == "g")
      out += textOf(*child);
    else
      throw ParseError(child->line, "<" + child->name +
                                        "> inside a text is not supported; a questionnaire text is plain "
                                        "text, so remove the tag");
  }
  out.append(e.text, from, std::string::npos);
  return out;
}

void collectUnits(const Element& e, File& file) {
  for (const auto& c : e.children) {
    if (c->name == "trans-unit") {
      Unit unit;
      unit.line = c->line;
      if (auto* id = c->attribute("id")) unit.id = *id;
      if (auto* r = c->attribute("resname")) unit.resname = *r;
      // The PO header that po2xliff turns into a unit is no text to translate.
      if (auto* r = c->attribute("restype"); r && *r == "x-gettext-domain-header") continue;
      if (auto* s = c->child("source")) unit.source = textOf(*s);
      if (auto* t = c->child("target")) unit.target = textOf(*t);
      if (auto* n = c->child("note")) unit.note = textOf(*n);
      for (const auto& group : c->children)
        if (group->name == "context-group")
          for (const auto& context : group->children)
            if (auto* type = context->attribute("context-type"); type && *type == "sourcefile")
              unit.location = textOf(*context);
      file.units.push_back(std::move(unit));
    } else {
      collectUnits(*c, file);  // <body>, <group>
    }
  }
}

}  // namespace

std::string escape(std::string_view text) { return escapeMarkup(text, Markup::Xml); }

std::string write(const File& file) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<xliff version=\"1.2\" xmlns=\"" + std::string(kNamespace) + "\">\n";
  out += "  <file original=\"" + escape(file.original) + "\" source-language=\"" +
         escape(file.sourceLanguage) + "\" target-language=\"" + escape(file.targetLanguage) +
         "\" datatype=\"plaintext\">\n";
  out += "    <body>\n";
  for (const auto& u : file.units) {
    out += "      <trans-unit id=\"" + escape(u.id) + "\" resname=\"" + escape(u.resname) +
           "\" xml:space=\"preserve\">\n";
    out += "        <source>" + escape(u.source) + "</source>\n";
    if (u.target) out += "        <target>" + escape(*u.target) + "</target>\n";
    if (!u.note.empty()) out += "        <note from=\"focal\">" + escape(u.note) + "</note>\n";
    out += "      </trans-unit>\n";
  }
  out += "    </body>\n  </file>\n</xliff>\n";
  return out;
}

std::optional<std::vector<File>> read(std::string_view document, std::string& error) {
  try {
    auto root = Parser(document).document();
    if (root->name != "xliff")
      throw ParseError(root->line, "the root element is <" + root->name + ">, not <xliff>");
    if (auto* v = root->attribute("version"); v && !v->starts_with("1."))
      throw ParseError(root->line, "this is XLIFF " + *v + "; export XLIFF 1.2 from the translation tool");
    std::vector<File> files;
    for (const auto& c : root->children) {
      if (c->name != "file") continue;
      File f;
      if (auto* a = c->attribute("original")) f.original = *a;
      if (auto* a = c->attribute("source-language")) f.sourceLanguage = *a;
      if (auto* a = c->attribute("target-language")) f.targetLanguage = *a;
      collectUnits(*c, f);
      files.push_back(std::move(f));
    }
    if (files.empty()) throw ParseError(root->line, "no <file> element");
    return files;
  } catch (const ParseError& e) {
    error = "line " + std::to_string(e.line) + ": " + e.what();
    return std::nullopt;
  }
}

}  // namespace focal::xliff
