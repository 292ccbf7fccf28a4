// The lexer of expressions: splits the text into tokens (numbers, texts in
// quotes, ${references}, names, operators), one at a time as the parser asks
// for them, and refuses what is not part of the language with a message
// saying what to write instead ('==', '<>', '&', curly quotes...). Also the
// text helpers the compiler's messages share (printable(), lowerCase()).
#include <string>
#include <string_view>

#include "forms/expression_compiler_internal.h"

namespace focal::expr {

namespace detail {

std::string lowerCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = toLower(c);
  return out;
}

// The length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    if (b == 0xE0) low = 0xA0;
    if (b == 0xED) high = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    if (b == 0xF0) low = 0x90;
    if (b == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// `s` made safe to show in a message: valid UTF-8, no control characters,
// at most `limit` characters.
std::string printable(std::string_view s, std::size_t limit) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (characters == limit) {
      out += "...";
      break;
    }
    const std::size_t length = utf8SequenceLength(s, i);
    if (length == 0 || (length == 1 && (static_cast<unsigned char>(s[i]) < 0x20 || s[i] == 0x7F))) {
      out += '?';
      ++i;
    } else {
      out.append(s.substr(i, length));
      i += length;
    }
    ++characters;
  }
  return out;
}

}  // namespace detail

// ---------------------------------------------------------------- lexing

Token& Compiler::addToken(Tok kind, std::size_t start, std::size_t end) {
  Token& token = scanned_;
  token = Token();
  token.kind = kind;
  token.offset = static_cast<std::uint32_t>(start);
  token.length = static_cast<std::uint32_t>(end - start);
  return token;
}

void Compiler::lexFailure(std::size_t at, std::string message) {
  lexError_ = std::move(message);
  addToken(Tok::Error, at, at);
}

void Compiler::lexToken() {
  const std::string_view s = text_;
  std::size_t& i = scanPos_;
  while (i < s.size()) {
    if (isSpace(s[i])) {
      ++i;
    } else if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;  // a no-break space, as pasted from a word processor
    } else {
      break;
    }
  }
  if (i >= s.size()) {
    addToken(Tok::End, i, i);
    return;
  }
  const std::size_t start = i;
  const char c = s[i];
  if (isDigit(c) || (c == '.' && i + 1 < s.size() && isDigit(s[i + 1]))) {
    while (i < s.size() && isDigit(s[i])) ++i;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && isDigit(s[i])) ++i;
    }
    if (i - start > kMaxNumberLength) return lexFailure(start, "this number has too many digits");
    addToken(Tok::Number, start, i);
    return;
  }
  if (isIdStart(c)) {
    while (i < s.size() && isIdChar(s[i])) ++i;
    const std::string_view word = s.substr(start, i - start);
    Tok kind = Tok::Name;
    if (word == "and") kind = Tok::And;
    if (word == "or") kind = Tok::Or;
    if (word == "div") kind = Tok::Div;
    if (word == "mod") kind = Tok::Mod;
    // XLSForm's jr:choice-name is read as one name, so that it is refused by name.
    if (word == "jr" && i + 1 < s.size() && s[i] == ':' && isIdStart(s[i + 1])) {
      ++i;
      while (i < s.size() && isIdChar(s[i])) ++i;
    }
    if (kind == Tok::Name) {
      while (i + 1 < s.size() && s[i] == '-' && isIdStart(s[i + 1])) {
        ++i;
        while (i < s.size() && isIdChar(s[i])) ++i;
      }
    }
    addToken(kind, start, i);
    return;
  }
  if (c == '$') {
    lexReference(i);
  } else if (c == '\'' || c == '"') {
    lexText(i);
  } else {
    lexOperator(i);
  }
}

void Compiler::lexReference(std::size_t& i) {
  const std::string_view s = text_;
  const std::size_t start = i;
  if (i + 1 >= s.size() || s[i + 1] != '{') {
    lexFailure(start, "'$' must be followed by '{', as in ${question_id}");
    return;
  }
  i += 2;
  const std::size_t idStart = i;
  if (i >= s.size() || !isIdStart(s[i])) {
    lexFailure(i, "expected a question id after '${'");
    return;
  }
  while (i < s.size() && isIdChar(s[i])) ++i;
  const std::size_t idEnd = i;
  std::string_view row, columnId;
  if (i < s.size() && s[i] == '/') {
    const auto cell = [&](std::string_view what, std::string_view& out) {
      ++i;  // the '/'
      const std::size_t cellStart = i;
      while (i < s.size() && isCellChar(s[i])) ++i;
      if (i == cellStart) {
        lexFailure(i, "expected a " + std::string(what) +
                          " id after '/'; a table cell is written ${table/row/column}");
        return false;
      }
      out = s.substr(cellStart, i - cellStart);
      return true;
    };
    if (!cell("row", row)) return;
    if (i >= s.size() || s[i] != '/') {
      lexFailure(i, "expected '/' and a column id; a table cell is written ${table/row/column}");
      return;
    }
    if (!cell("column", columnId)) return;
  }
  if (i >= s.size() || s[i] != '}') {
    lexFailure(i, "expected '}' to close '${' at column " + std::to_string(column(start)));
    return;
  }
  Token& token = addToken(Tok::Reference, start, i + 1);
  token.idLength = static_cast<std::uint16_t>(idEnd - idStart);
  token.rowLength = static_cast<std::uint16_t>(row.size());
  ++i;
}

void Compiler::lexText(std::size_t& i) {
  const std::string_view s = text_;
  const std::size_t start = i;
  const char quote = s[i];
  ++i;
  while (true) {
    if (i >= s.size()) {
      lexFailure(s.size(), "the text starting at column " + std::to_string(column(start)) +
                               " has no closing quote (" + quote + ")");
      return;
    }
    if (s[i] == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) {
        i += 2;  // a doubled quote stands for one
        continue;
      }
      break;
    }
    ++i;
  }
  addToken(Tok::Text, start, i + 1);
  ++i;
}

void Compiler::lexOperator(std::size_t& i) {
  const std::string_view s = text_;
  const std::size_t start = i;
  const char c = s[i];
  const char after = i + 1 < s.size() ? s[i + 1] : '\0';
  const auto single = [&](Tok kind) {
    addToken(kind, start, start + 1);
    ++i;
  };
  const auto pair = [&](Tok kind) {
    addToken(kind, start, start + 2);
    i += 2;
  };
  const auto refuse = [&](std::string message) { lexFailure(start, std::move(message)); };
  switch (c) {
    case '(':
      return single(Tok::LParen);
    case ')':
      return single(Tok::RParen);
    case ',':
      return single(Tok::Comma);
    case '+':
      return single(Tok::Plus);
    case '-':
      return single(Tok::Minus);
    case '*':
      return single(Tok::Star);
    case '.':
      return single(Tok::Dot);
    case '=':
      if (after == '=') return refuse("'==' is not understood; use '=' to compare");
      return single(Tok::Equal);
    case '!':
      if (after == '=') return pair(Tok::NotEqual);
      return refuse("'!' is not understood; use '!=' for \"is not equal to\", or not(...)");
    case '<':
      if (after == '=') return pair(Tok::LessEqual);
      if (after == '>') return refuse("'<>' is not understood; use '!=' for \"is not equal to\"");
      return single(Tok::Less);
    case '>':
      if (after == '=') return pair(Tok::GreaterEqual);
      return single(Tok::Greater);
    case '/':
      return refuse("'/' is not understood; use 'div' to divide");
    case '%':
      return refuse("'%' is not understood; use 'mod' for the remainder of a division");
    case '&':
      return refuse("'&' is not understood; use 'and'");
    case '|':
      return refuse("'|' is not understood; use 'or'");
    default:
      break;
  }
  const std::size_t length = utf8SequenceLength(s, i);
  if (length == 3 && s[i] == '\xE2' && s[i + 1] == '\x80' &&
      (s[i + 2] == '\x98' || s[i + 2] == '\x99' || s[i + 2] == '\x9C' || s[i + 2] == '\x9D')) {
    return refuse("curly quotes are not understood; put text between straight quotes (' or \")");
  }
  if (length == 0 || (length == 1 && (static_cast<unsigned char>(c) < 0x20 || c == 0x7F))) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(c);
    return refuse(std::string("unexpected character (byte 0x") + kHex[byte >> 4] + kHex[byte & 15] + ")");
  }
  return refuse("unexpected character '" + std::string(s.substr(i, length)) + "'");
}

}  // namespace focal::expr
