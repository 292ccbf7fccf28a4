#include "forms/question_refs.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "forms/diagnostics.h"
#include "forms/source_map.h"
#include "forms/yaml_tree.h"

namespace focal {

namespace {

bool asciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool idChar(char c) { return asciiLetter(c) || (c >= '0' && c <= '9') || c == '_'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool startsWith(std::string_view text, std::size_t at, std::string_view word) {
  return at <= text.size() && text.substr(at, word.size()) == word;
}

// The digit at `at` (ASCII or Arabic-Indic), and its length in bytes.
std::optional<std::pair<char, std::size_t>> digitAt(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] >= '0' && text[at] <= '9') return std::make_pair(text[at], std::size_t{1});
  if (at + 1 < text.size() && static_cast<unsigned char>(text[at]) == 0xD9) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    if (second >= 0xA0 && second <= 0xA9)
      return std::make_pair(static_cast<char>('0' + (second - 0xA0)), std::size_t{2});
  }
  return std::nullopt;
}

// White space between a word and a number: spaces, line breaks, no-break spaces.
std::size_t skipSpaces(std::string_view text, std::size_t at) {
  for (;;) {
    if (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
      ++at;
    else if (startsWith(text, at, "\xc2\xa0"))  // no-break space
      at += 2;
    else if (startsWith(text, at, "\xe2\x80\xaf"))  // narrow no-break space
      at += 3;
    else
      return at;
  }
}

// The letters after a number: "(a)", "a)", "（a）", Arabic "(أ)"; as a Latin letter.
std::pair<std::string, std::size_t> letterAfter(std::string_view text, std::size_t at) {
  // Arabic lettering of sub-items in UN texts: أ ب ج د هـ و ز ح ط ي.
  static const std::pair<std::string_view, char> kArabic[] = {
      {"\xd8\xa3", 'a'},         {"\xd8\xa8", 'b'}, {"\xd8\xac", 'c'}, {"\xd8\xaf", 'd'},
      {"\xd9\x87\xd9\x80", 'e'}, {"\xd9\x87", 'e'}, {"\xd9\x88", 'f'}, {"\xd8\xb2", 'g'},
      {"\xd8\xad", 'h'},         {"\xd8\xb7", 'i'}, {"\xd9\x8a", 'j'}};
  std::size_t i = skipSpaces(text, at);
  if (startsWith(text, i, "("))
    i += 1;
  else if (startsWith(text, i, "\xef\xbc\x88"))  // （
    i += 3;
  std::string letter;
  if (i < text.size() && asciiLetter(text[i]) && !(i + 1 < text.size() && asciiLetter(text[i + 1]))) {
    letter = lower(text.substr(i, 1));
    i += 1;
  } else {
    for (const auto& [written, latin] : kArabic)
      if (startsWith(text, i, written)) {
        letter = std::string(1, latin);
        i += written.size();
        break;
      }
  }
  if (letter.empty()) return {{}, at};
  if (startsWith(text, i, ")")) return {letter, i + 1};
  if (startsWith(text, i, "\xef\xbc\x89")) return {letter, i + 3};  // ）
  return {{}, at};
}

// A number such as 1.2 or 2.1.8 (or 2-1, as Arabic texts write it) at `at`:
// the number with '.' between its parts, and the end of it.
std::optional<std::pair<std::string, std::size_t>> numberAt(std::string_view text, std::size_t at) {
  std::string number;
  char separator = 0;
  std::size_t i = at;
  int parts = 0;
  for (;;) {
    auto d = digitAt(text, i);
    if (!d) return std::nullopt;
    while (d) {
      number += d->first;
      i += d->second;
      d = digitAt(text, i);
    }
    ++parts;
    if (i < text.size() && (text[i] == '.' || text[i] == '-') && (separator == 0 || separator == text[i]) &&
        digitAt(text, i + 1)) {
      separator = text[i];
      number += '.';
      ++i;
      continue;
    }
    break;
  }
  if (parts < 2) return std::nullopt;
  return std::make_pair(number, i);
}

// After a cited number, what joins it to the next one: "questions 2.1 to
// 2.3", "2.1 et 2.3", "2.1 a 2.3", "2.1, 2.2 и 2.3", "2.1至2.3", "2-1 إلى 2-3".
std::size_t afterJoiner(std::string_view text, std::size_t at) {
  static const std::string_view kJoiners[] = {",",
                                              "\xe2\x80\x93" /* – */,
                                              "\xe2\x80\x94" /* — */,
                                              "-",
                                              "to",
                                              "and",
                                              "or",
                                              "\xc3\xa0" /* à */,
                                              "a",
                                              "et",
                                              "ou",
                                              "y",
                                              "e",
                                              "o",
                                              "\xd0\xb8" /* и */,
                                              "\xd0\xb8\xd0\xbb\xd0\xb8" /* или */,
                                              "\xd0\xb4\xd0\xbe" /* до */,
                                              "\xd0\xbf\xd0\xbe" /* по */,
                                              "\xe8\x87\xb3" /* 至 */,
                                              "\xe5\x88\xb0" /* 到 */,
                                              "\xe5\x92\x8c" /* 和 */,
                                              "\xe3\x80\x81" /* 、 */,
                                              "\xd8\xa5\xd9\x84\xd9\x89" /* إلى */,
                                              "\xd8\xa3\xd9\x88" /* أو */,
                                              "\xd9\x88" /* و */};
  const std::size_t i = skipSpaces(text, at);
  for (const std::string_view joiner : kJoiners) {
    if (!startsWith(text, i, joiner)) continue;
    const std::size_t end = i + joiner.size();
    // A word joins only as a whole word ("a" of "and" is not "a").
    if (asciiLetter(joiner[0]) && end < text.size() && asciiLetter(text[end])) continue;
    return skipSpaces(text, end);
  }
  return std::string_view::npos;
}

// The words for "question" and how each may end before the number.
enum class WordEnd { LatinPlural, RussianCase, Letters, None };
struct QuestionWord {
  std::string_view word;
  WordEnd end;
  bool latin;
};
const QuestionWord kQuestionWords[] = {
    {"question", WordEnd::LatinPlural, true},  // en, fr
    {"pregunta", WordEnd::LatinPlural, true},  // es
    {"\xd0\xb2\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81", WordEnd::RussianCase,
     false},  // вопрос (вопроса, вопросы...)
    {"\xd0\x92\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81", WordEnd::RussianCase, false},  // Вопрос
    {"\xd8\xb3\xd8\xa4\xd8\xa7\xd9\x84", WordEnd::Letters, false},          // سؤال (السؤال)
    {"\xd8\xa3\xd8\xb3\xd8\xa6\xd9\x84\xd8\xa9", WordEnd::Letters, false},  // أسئلة (الأسئلة)
    {"\xe9\x97\xae\xe9\xa2\x98", WordEnd::None, false},                     // 问题
};

// Where the word that starts at `at` ends, letters of its ending included.
std::size_t endOfWord(std::string_view text, std::size_t at, WordEnd end) {
  if (end == WordEnd::LatinPlural) {
    if (at < text.size() && (text[at] == 's' || text[at] == 'S')) ++at;
    return at < text.size() && asciiLetter(text[at]) ? std::string_view::npos : at;
  }
  const auto letters = [&](std::size_t from) {  // Cyrillic or Arabic: two-byte letters led by 0xD0 to 0xDB
    while (from + 1 < text.size() && static_cast<unsigned char>(text[from]) >= 0xD0 &&
           static_cast<unsigned char>(text[from]) <= 0xDB)
      from += 2;
    return from;
  };
  if (end == WordEnd::RussianCase) {
    // вопрос, вопроса, вопросу, вопросе, вопросом, вопросы, вопросов, вопросам, вопросами, вопросах;
    // not вопросник (a questionnaire).
    static const std::string_view kEndings[] = {"",
                                                "\xd0\xb0",
                                                "\xd1\x83",
                                                "\xd0\xb5",
                                                "\xd0\xbe\xd0\xbc",
                                                "\xd1\x8b",
                                                "\xd0\xbe\xd0\xb2",
                                                "\xd0\xb0\xd0\xbc",
                                                "\xd0\xb0\xd0\xbc\xd0\xb8",
                                                "\xd0\xb0\xd1\x85"};
    const std::size_t wordEnd = letters(at);
    for (const std::string_view ending : kEndings)
      if (text.substr(at, wordEnd - at) == ending) return wordEnd;
    return std::string_view::npos;
  }
  if (end == WordEnd::Letters) return letters(at);
  return at;
}

}  // namespace

std::vector<NumberPlaceholder> numberPlaceholders(std::string_view text) {
  std::vector<NumberPlaceholder> out;
  for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    if (at > 0 && text[at - 1] == '$') continue;  // ${id}: an answer
    std::size_t i = at + 1;
    while (i < text.size() && (asciiLetter(text[i]) || text[i] == '_')) ++i;
    if (i == at + 1) continue;
    const std::string name(text.substr(at + 1, i - at - 1));
    i = skipSpaces(text, i);
    if (i >= text.size() || text[i] != ':') continue;
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos || close - i > 100) continue;
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    if (inside.find('{') != std::string_view::npos || inside.find('\n') != std::string_view::npos) continue;
    const std::size_t first = inside.find_first_not_of(' ');
    const std::string id = first == std::string_view::npos
                               ? std::string()
                               : std::string(inside.substr(first, inside.find_last_not_of(' ') - first + 1));
    const std::string l = lower(name);
    static const std::vector<std::string> kNumber = {"number"};
    // A misspelling of "number" starts as it does ({numbre:}, {nubmer:}), not {member:} or {amber:}.
    const bool misspelt = l.size() > 1 && l[0] == 'n' && (l[1] == 'u' || l[1] == 'm' || l[1] == 'b') &&
                          !nearestWord(l, kNumber).empty();
    const bool near = l == "number" || misspelt || l == "num" || l == "no" || l == "nr" || l == "numero" ||
                      l == "question" || l == "question_number" || l == "q";
    if (near) out.push_back({name, id, at, close + 1});
  }
  return out;
}

std::vector<std::string> displayedSectionNumbers(const Questionnaire& q) {
  std::vector<std::string> numbers(q.sections.size());
  std::vector<int> counters(q.sections.size() + 1, 0);
  int top = 0;
  for (std::size_t i = 0; i < q.sections.size(); ++i) {
    const Section& s = q.sections[i];
    if (s.parent < 0)
      numbers[i] = std::to_string(++top);
    else
      numbers[i] = numbers[s.parent] + "." + std::to_string(++counters[s.parent]);
    if (!s.number.empty()) numbers[i] = s.number;  // `number:` as the author wrote it
  }
  return numbers;
}

std::map<std::string, std::string> displayedQuestionNumbers(const Questionnaire& q) {
  std::map<std::string, std::string> out;
  const auto sections = displayedSectionNumbers(q);
  for (std::size_t s = 0; s < q.sections.size(); ++s) {
    int n = 0;
    for (int index : q.sections[s].questions) {
      const Question& question = q.questions[index];
      if (question.type == QuestionType::Note) continue;
      std::string number = sections[s] + "." + std::to_string(++n);
      if (!question.number.empty()) number = question.number;
      out[question.id] = number;
      int k = 0;
      for (int child : question.children) {
        const Question& field = q.questions[child];
        if (field.type == QuestionType::Note) continue;
        out[field.id] = field.number.empty() ? number + "." + std::to_string(++k) : field.number;
      }
    }
  }
  return out;
}

std::string expandQuestionNumbers(std::string_view text, const std::map<std::string, std::string>& numbers) {
  if (text.find('{') == std::string_view::npos) return std::string(text);
  std::string out;
  std::size_t done = 0;
  for (const NumberPlaceholder& p : numberPlaceholders(text)) {
    const auto it = p.known() ? numbers.find(p.id) : numbers.end();
    if (it == numbers.end()) continue;
    out.append(text.substr(done, p.begin - done));
    out += it->second;
    done = p.end;
  }
  out.append(text.substr(done));
  return out;
}

std::vector<QuestionCitation> questionCitations(std::string_view text) {
  std::vector<QuestionCitation> out;
  const std::string low = lower(text);
  for (const QuestionWord& word : kQuestionWords) {
    const std::string_view haystack = word.latin ? std::string_view(low) : text;
    for (std::size_t at = haystack.find(word.word); at != std::string_view::npos;
         at = haystack.find(word.word, at + 1)) {
      if (word.latin && at > 0 && asciiLetter(text[at - 1])) continue;
      std::size_t i = endOfWord(text, at + word.word.size(), word.end);
      if (i == std::string_view::npos) continue;
      i = skipSpaces(text, i);
      if (startsWith(text, i, "\xe2\x84\x96")) i = skipSpaces(text, i + 3);          // №
      if (word.end == WordEnd::None && startsWith(text, i, "\xe7\xac\xac")) i += 3;  // 第
      // The first number, then each one joined to it ("2.1 to 2.3").
      for (auto number = numberAt(text, i); number;) {
        QuestionCitation citation{number->first, {}, i, number->second};
        auto [letter, end] = letterAfter(text, number->second);
        citation.letter = letter;
        out.push_back(citation);
        i = afterJoiner(text, end);
        if (i == std::string_view::npos) break;
        number = numberAt(text, i);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

bool citesShownNumber(const QuestionCitation& citation, const std::map<std::string, std::string>& numbers) {
  for (const auto& [id, shown] : numbers) {
    const auto number = numberAt(shown, 0);
    if (!number || number->first != citation.number) continue;
    if (letterAfter(shown, number->second).first == citation.letter) return true;
  }
  return false;
}

}  // namespace focal

namespace focal::detail {

namespace {

// The keys whose values are texts (docs/questionnaire-format.md, "Texts in
// several languages"); `special_values` maps codes to texts.
const std::set<std::string, std::less<>> kTextKeys = {
    "title", "intro", "label", "help", "constraint_message", "warning_message", "unit", "text"};

class NumberCheck {
 public:
  NumberCheck(const Questionnaire& q, Diagnostics& d, bool lenient)
      : q_(q), diag_(d), lenient_(lenient), numbers_(displayedQuestionNumbers(q)) {
    for (const Question& question : q.questions) ids_.push_back(question.id);
  }

  void walk(const YamlNode& node) {
    if (node.isSequence())
      for (const YamlNode& item : node.items) walk(item);
    if (!node.isMapping()) return;
    for (const auto& [key, value] : node.entries) {
      if (!key.isScalar()) continue;
      if (kTextKeys.count(key.scalar)) {
        text(value, key.scalar);
      } else if (key.scalar == "special_values" && value.isMapping()) {
        for (const auto& entry : value.entries) text(entry.value, "special value");
      } else {
        walk(value);
      }
    }
  }

 private:
  void text(const YamlNode& node, const std::string& key) {
    if (node.isScalar()) check(node, key);
    if (!node.isMapping()) return;
    if (startsWithPlaceholder(node)) return;
    for (const auto& [language, value] : node.entries) {
      if (value.isScalar()) check(value, key);
      if (value.isMapping()) startsWithPlaceholder(value);
    }
  }

  // `en: {number:q_1} is...` unquoted: YAML reads a mapping, and the reader
  // says only that a text was expected. Say why, and the cure.
  bool startsWithPlaceholder(const YamlNode& node) {
    if (!node.flow || node.entries.size() != 1 || !node.entries.front().key.isScalar()) return false;
    const std::string& name = node.entries.front().key.scalar;
    if (name != "number" && name.rfind("number:", 0) != 0) return false;
    diag_.error(node.line, node.column,
                "a text that starts with {number:...} must be in quotes, or YAML reads the braces as a "
                "mapping: write the whole text in quotes, as in \"{number:q_1} asked about shelters\"");
    return true;
  }

  void report(const YamlNode& node, std::size_t offset, std::string message, bool error) {
    const SourcePosition at = positionInScalar(q_.sourceText, {node.line, node.column}, node.scalar, offset);
    if (error && !lenient_)
      diag_.error(at.line, at.column, std::move(message));
    else
      diag_.warning(at.line, at.column, std::move(message));
  }

  static std::string what(const std::string& key) { return "the " + key; }

  void check(const YamlNode& node, const std::string& key) {
    const std::string& value = node.scalar;
    for (const NumberPlaceholder& p : numberPlaceholders(value)) {
      const std::string written(value.substr(p.begin, p.end - p.begin));
      std::string message = placeholderProblem(p);
      if (!message.empty()) report(node, p.begin, what(key) + " shows " + written + message, true);
    }
    if (lenient_) return;  // a kept questionnaire is read as it was sent
    for (const QuestionCitation& c : questionCitations(value)) {
      if (citesShownNumber(c, numbers_)) continue;
      const std::string cited = c.number + (c.letter.empty() ? "" : " (" + c.letter + ")");
      std::string message = what(key) + " cites question " + cited + ", but no question is numbered " +
                            cited +
                            "; write {number:ID} with the id of the question meant, so that the number "
                            "shown is always its own";
      if (const std::string guess = guessId(c); !guess.empty())
        message += " (perhaps {number:" + guess + "}, now numbered " + numbers_.at(guess) + ")";
      report(node, c.begin, std::move(message), false);
    }
  }

  // What is wrong with a {number:...}, or "" when it names a numbered question.
  std::string placeholderProblem(const NumberPlaceholder& p) const {
    const bool validId =
        !p.id.empty() && std::all_of(p.id.begin(), p.id.end(), idChar) && !(p.id[0] >= '0' && p.id[0] <= '9');
    if (!p.known())
      return ", which is not a placeholder; did you mean {number:" + (validId ? p.id : std::string("ID")) +
             "}? A question's number is written {number:ID}, ID being the question's id";
    if (!validId)
      return ", which names no question id; write {number:ID} with the id of the question, e.g. {number:" +
             (ids_.empty() ? std::string("q_1") : ids_.front()) + "}";
    if (numbers_.count(p.id)) return {};
    const Question* question = q_.find(p.id);
    if (question && question->type == QuestionType::Note)
      return ", but '" + p.id +
             "' is a note, which is shown without a number; cite the question the note is about, or "
             "reword the text";
    if (question) return ", but '" + p.id + "' is shown without a number";
    for (const Section& section : q_.sections)
      if (section.id == p.id)
        return ", but '" + p.id +
               "' is a section; {number:ID} names a question. Write the section's title, or give the "
               "section a 'number' and write it";
    const std::string near = nearestWord(p.id, ids_);
    return ", but there is no question '" + p.id + "'" +
           (near.empty() ? "" : "; did you mean '" + near + "'?");
  }

  // The id a hand-written "1.2 (a)" most likely meant, when the ids follow
  // the numbers of an earlier version (q_1_2_a); "" when there is none.
  std::string guessId(const QuestionCitation& c) const {
    std::string base = "q_" + c.number;
    std::replace(base.begin(), base.end(), '.', '_');
    for (const std::string& id : {c.letter.empty() ? base : base + "_" + c.letter, base})
      if (numbers_.count(id)) return id;
    return {};
  }

  const Questionnaire& q_;
  Diagnostics& diag_;
  bool lenient_;
  std::map<std::string, std::string> numbers_;
  std::vector<std::string> ids_;
};

void expand(LocalizedText& text, const std::map<std::string, std::string>& numbers) {
  for (const auto& [language, value] : text.all())
    if (value.find('{') != std::string::npos) text.set(language, expandQuestionNumbers(value, numbers));
}

}  // namespace

void resolveQuestionNumbers(const YamlNode& root, Questionnaire& q, Diagnostics& diagnostics, bool lenient) {
  if (q.questions.empty()) return;
  NumberCheck(q, diagnostics, lenient).walk(root);
  const auto numbers = displayedQuestionNumbers(q);
  expand(q.info.title, numbers);
  const auto references = [&](std::vector<TreatyReference>& list) {
    for (TreatyReference& reference : list) expand(reference.text, numbers);
  };
  for (Section& section : q.sections) {
    expand(section.title, numbers);
    expand(section.intro, numbers);
    references(section.references);
  }
  for (Question& question : q.questions) {
    for (LocalizedText* text : {&question.label, &question.help, &question.constraintMessage,
                                &question.warningMessage, &question.unit})
      expand(*text, numbers);
    references(question.references);
    for (Choice& choice : question.choices) expand(choice.label, numbers);
    for (SpecialValue& special : question.specialValues) expand(special.label, numbers);
    for (auto* axis : {&question.rows, &question.columns})
      for (TableAxisItem& item : *axis) expand(item.label, numbers);
  }
}

}  // namespace focal::detail
