// Compiling an expression: lexer, recursive-descent parser and type checker
// in one pass that emits the postfix program of expression_ast.h.
//
// Grammar (lowest precedence first; binary operators associate to the left):
//
//   expression     := or
//   or             := and ( 'or' and )*
//   and            := equality ( 'and' equality )*
//   equality       := relational ( ( '=' | '!=' ) relational )*
//   relational     := additive ( ( '<' | '<=' | '>' | '>=' ) additive )*
//   additive       := multiplicative ( ( '+' | '-' ) multiplicative )*
//   multiplicative := unary ( ( '*' | 'div' | 'mod' ) unary )*
//   unary          := '-'* primary
//   primary        := NUMBER | TEXT | REFERENCE | '.' | '(' expression ')'
//                   | NAME '(' [ expression ( ',' expression )* ] ')'
//
//   NUMBER    := [0-9]+ ( '.' [0-9]* )? | '.' [0-9]+
//   TEXT      := "'" ( [^'] | "''" )* "'" | '"' ( [^"] | '""' )* '"'
//   REFERENCE := '${' ID '}' | '${' ID '/' CELL '/' CELL '}'     (question; table cell)
//   ID        := [A-Za-z_] [A-Za-z0-9_]*
//   CELL      := [A-Za-z0-9_-]+
//   NAME      := ID ( '-' [A-Za-z_] [A-Za-z0-9_]* )*   (a function: count-selected)
//
// and, or, div and mod are reserved words. Spaces, tabs and line breaks
// separate tokens. Columns in messages count characters (UTF-8 code points)
// from 1.
//
// The parser recurses once per '(' or function call, and that nesting is
// limited to kMaxDepth; chains of operators and of unary '-' are loops.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/expression.h"
#include "forms/expression_ast.h"
#include "forms/expression_functions.h"
#include "forms/expression_library.h"
#include "forms/utf8.h"

namespace focal::expr {

namespace {

constexpr std::size_t kMaxLength = 10000;  // characters of expression text
constexpr int kMaxDepth = 100;             // nested brackets and function calls
constexpr std::size_t kMaxErrors = 50;     // a pathological text stops here
constexpr std::size_t kMaxNumberLength = 30;

enum class Tok : std::uint8_t {
  End,
  Error,  // the lexer stopped here; the message is in Compiler::lexError_
  Number,
  Text,
  Reference,
  Dot,
  Name,
  LParen,
  RParen,
  Comma,
  Plus,
  Minus,
  Star,
  Div,
  Mod,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  And,
  Or,
};

// A token is a span of the text, kept small because the parser copies
// tokens on every level of nesting; Compiler reads its parts from the text.
struct Token {
  Tok kind = Tok::End;
  std::uint16_t idLength = 0;   // Reference: the length of the question id
  std::uint16_t rowLength = 0;  // Reference to a table cell: the length of the row id
  std::uint32_t offset = 0;     // bytes from the start of the text
  std::uint32_t length = 0;
};

enum class Fn : std::uint8_t {
  Unknown,
  Not,
  If,
  Selected,
  CountSelected,
  Count,
  Sum,
  StringLength,
  Today,
  Coalesce,
  True,
  False,
  Concat,
  Round,
  Number,
  IsEmpty,
  Regex,
  DateDiff,
  CountNonEmpty,
  IndexedRepeat,
  Position,
  Library,  // one of expression_library.h
};

struct FunctionSpec {
  std::string_view name;
  Fn fn;
  int minArgs, maxArgs;  // maxArgs -1: no limit
};

constexpr std::array<FunctionSpec, 20> kFunctions = {{
    {"not", Fn::Not, 1, 1},
    {"if", Fn::If, 3, 3},
    {"selected", Fn::Selected, 2, 2},
    {"count-selected", Fn::CountSelected, 1, 1},
    {"count", Fn::Count, 1, 1},
    {"sum", Fn::Sum, 1, 1},
    {"string-length", Fn::StringLength, 1, 1},
    {"today", Fn::Today, 0, 0},
    {"coalesce", Fn::Coalesce, 2, 2},
    {"true", Fn::True, 0, 0},
    {"false", Fn::False, 0, 0},
    {"concat", Fn::Concat, 1, -1},
    {"round", Fn::Round, 1, 2},
    {"number", Fn::Number, 1, 1},
    {"is-empty", Fn::IsEmpty, 1, 1},
    {"regex", Fn::Regex, 2, 2},
    {"date-diff", Fn::DateDiff, 3, 3},
    {"count-non-empty", Fn::CountNonEmpty, 1, 1},
    {"indexed-repeat", Fn::IndexedRepeat, 3, 3},
    {"position", Fn::Position, 0, 0},
}};

const FunctionSpec* findFunction(std::string_view name) {
  for (const FunctionSpec& spec : kFunctions) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// Every function name, the built-in ones first, for "did you mean".
std::vector<std::string_view> functionNames() {
  std::vector<std::string_view> names;
  for (const FunctionSpec& spec : kFunctions) names.push_back(spec.name);
  for (const LibrarySpec& spec : libraryFunctions()) names.push_back(spec.name);
  return names;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isIdStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isIdChar(char c) { return isIdStart(c) || isDigit(c); }
bool isCellChar(char c) { return isIdChar(c) || c == '-'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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
std::string printable(std::string_view s, std::size_t limit = 30) {
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

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// XLSForm (ODK, Kobo) functions Focal does not have, and what to write instead.
struct Equivalent {
  std::string_view xlsform;
  std::string_view advice;
};
constexpr std::array<Equivalent, 14> kEquivalents = {{
    {"now", "Focal answers hold dates, not times: use today()"},
    {"empty", "use is-empty(x)"},
    {"choice-name",
     "expressions work with choice values, not labels; compare the value, as in ${id} = 'value', and "
     "write ${id} in a label to show the chosen choice"},
    {"jr:choice-name",
     "expressions work with choice values, not labels; compare the value, as in ${id} = 'value', and "
     "write ${id} in a label to show the chosen choice"},
    {"boolean", "compare the value instead, as in ${id} = 'yes' or ${n} > 0"},
    {"substring", "use substr(text, start, end), which counts from 0"},
    {"count-selected-at", "use selected-at(${id}, n)"},
    {"once", "a calculation is computed again whenever its answers change; use a question instead"},
    {"uuid", "Focal identifies each reply itself; there is no need for a generated id"},
    {"random", "Focal questionnaires are not randomised"},
    {"randomize", "Focal questionnaires are not randomised"},
    {"pulldata",
     "Focal has no external data files: carry answers forward from the previous cycle with "
     "carry_forward_from"},
    {"instance", "Focal has no secondary instances: use a choice_filter on the question"},
    {"decimal-date-time", "Focal answers hold dates, not times: use date-diff(${from}, ${to}, 'days')"},
}};

std::string unknownFunctionMessage(std::string_view name) {
  std::string message = "unknown function '" + std::string(name) + "'";
  const std::string lower = lowerCase(name);
  for (const Equivalent& equivalent : kEquivalents) {
    if (equivalent.xlsform == lower) {
      return message + "; Focal has no " + lower +
             "() (an XLSForm function): " + std::string(equivalent.advice);
    }
  }
  // Only a near name is offered: one or two letters off, or the name as a
  // whole part of a longer one ("length" for "string-length"): XLSForm's
  // now is not "near" not, nor min near if.
  const std::vector<std::string_view> names = functionNames();
  std::string_view best;
  std::size_t bestDistance = 0;
  for (const std::string_view candidate : names) {
    std::size_t distance = editDistance(lower, candidate);
    if (lower.size() >= 4 && candidate.find(lower) != std::string_view::npos) distance = 1;
    if (best.empty() || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A short name must be one letter off and keep its first letter.
  const std::size_t allowed = lower.size() <= 4 ? 1 : std::max<std::size_t>(2, lower.size() / 4);
  const bool sameStart = !lower.empty() && !best.empty() && lower[0] == best[0];
  if (!best.empty() && bestDistance <= allowed && (lower.size() > 4 || sameStart || bestDistance == 0)) {
    return message + "; did you mean '" + std::string(best) + "'?";
  }
  message += "; the functions are";
  for (std::size_t i = 0; i < names.size(); ++i) {
    message += (i == 0 ? " " : ", ");
    message += names[i];
  }
  return message;
}

// "a number", "text": what a value of this type is, for messages.
const char* describe(Type type) {
  switch (type) {
    case Type::Boolean:
      return "true/false";
    case Type::Number:
      return "a number";
    case Type::String:
      return "text";
    case Type::Date:
      return "a date";
    case Type::List:
      return "a multiple-choice answer";
    case Type::Records:
      return "a repeat group";
    case Type::Cells:
      return "a table";
    case Type::Any:
      break;
  }
  return "a value of any kind";
}

bool isText(Type type) { return type == Type::String || type == Type::Date; }

const char* ordinal(std::size_t index) {
  static constexpr const char* kOrdinals[] = {"first", "second", "third"};
  return index < 3 ? kOrdinals[index] : "next";
}

// Follows the stack depth along every path of `code`, which only jumps
// forward, and returns the deepest it gets; nullopt if an instruction would
// take more values than there are, paths meet at different depths, or the
// end is not reached with exactly one value. The evaluator relies on this to
// size its stack, so it is checked rather than trusted.
std::optional<std::size_t> maxStackDepth(const std::vector<Instruction>& code) {
  constexpr long kUnreached = -1;
  std::vector<long> depthAt(code.size() + 1, kUnreached);
  depthAt[0] = 0;
  long deepest = 0;
  const auto reach = [&](std::size_t target, long depth) {
    if (depthAt[target] != kUnreached && depthAt[target] != depth) return false;
    depthAt[target] = depth;
    return true;
  };
  for (std::size_t pc = 0; pc < code.size(); ++pc) {
    const long depth = depthAt[pc];
    if (depth == kUnreached) return std::nullopt;
    const Instruction& in = code[pc];
    long pops = 0, pushes = 0;
    bool jumps = false, fallsThrough = true;
    long depthAtTarget = 0;
    switch (in.op) {
      case Op::PushConst:
      case Op::PushNull:
      case Op::Load:
      case Op::LoadSelf:
      case Op::Today:
      case Op::CountRecords:
      case Op::CountAnswered:
      case Op::SumValues:
        pushes = 1;
        break;
      case Op::Negate:
      case Op::Not:
      case Op::ToBoolean:
      case Op::StringLength:
      case Op::CountSelected:
      case Op::ToNumber:
      case Op::IsEmpty:
        pops = pushes = 1;
        break;
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide:
      case Op::Modulo:
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual:
      case Op::Selected:
        pops = 2;
        pushes = 1;
        break;
      case Op::Regex:
        pops = 2;
        pushes = 1;
        break;
      case Op::Call:
        pops = in.operand & 0xFF;
        pushes = 1;
        break;
      case Op::IndexedValue:
        pops = pushes = 1;
        break;
      case Op::Position:
      case Op::LoadAll:
        pushes = 1;
        break;
      case Op::DateDiff:
        pops = 3;
        pushes = 1;
        break;
      case Op::Concat:
      case Op::Round:
        if (in.operand == 0) return std::nullopt;
        pops = in.operand;
        pushes = 1;
        break;
      case Op::AndJump:
      case Op::OrJump:
      case Op::JumpIfPresent:  // jumps keeping the top, or pops it and goes on
        pops = 1;
        jumps = true;
        depthAtTarget = depth;
        break;
      case Op::JumpIfFalse:
        pops = 1;
        jumps = true;
        depthAtTarget = depth - 1;
        break;
      case Op::Jump:
        jumps = true;
        fallsThrough = false;
        depthAtTarget = depth;
        break;
    }
    if (pops > depth) return std::nullopt;
    if (jumps && (in.operand <= pc || in.operand > code.size() || !reach(in.operand, depthAtTarget))) {
      return std::nullopt;
    }
    const long after = depth - pops + pushes;
    deepest = std::max(deepest, after);
    if (fallsThrough && !reach(pc + 1, after)) return std::nullopt;
  }
  if (depthAt[code.size()] != 1) return std::nullopt;
  return static_cast<std::size_t>(deepest);
}

// Thrown to abandon the parse after a syntax error (or too many errors);
// caught in Compiler::run, never leaves this file.
struct Stop {};

}  // namespace

class Compiler {
 public:
  Compiler(std::string_view text, const SymbolTable& symbols, const std::string& repeatId,
           std::optional<Type> selfType, std::string_view selfId)
      : text_(text), symbols_(symbols), repeatId_(repeatId), selfType_(selfType), selfId_(selfId) {}

  std::variant<Expression, std::vector<CompileError>> run();

 private:
  // What the checker knows of a parsed sub-expression.
  struct Operand {
    Type type = Type::Any;
    std::uint32_t offset = 0;     // where it starts in the text
    std::uint32_t codeStart = 0;  // its first instruction
    bool literal = false;         // a single number or text in quotes
    bool emptyText = false;       // the literal ''
    bool aggregate = false;       // count() or sum() over a repeat or table
    std::string_view refId;       // set when it is exactly ${id}
    // The question whose choices this value is one of (${id} or '.' of a
    // yes_no or choice question), and where the texts in quotes it may be
    // are (a literal, or the branches of if() and coalesce()), so that a
    // comparison of the two checks the texts against the choices.
    std::string_view choiceId;
    std::vector<std::uint32_t> texts;
  };
  static Operand result(Type type, std::uint32_t offset, std::uint32_t codeStart) {
    Operand operand;
    operand.type = type;
    operand.offset = offset;
    operand.codeStart = codeStart;
    return operand;
  }

  struct DepthGuard {
    DepthGuard(Compiler& compiler, std::uint32_t offset) : compiler_(compiler) {
      if (++compiler_.depth_ > kMaxDepth) {
        compiler_.fail(offset, "the expression is nested too deeply (more than " + std::to_string(kMaxDepth) +
                                   " levels of brackets and functions)");
      }
    }
    ~DepthGuard() { --compiler_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Compiler& compiler_;
  };

  // Lexing: one token at a time, as the parser asks for it, so a long text
  // is never held as a list of tokens.
  Token scan() {
    lexToken();
    return scanned_;
  }
  void lexToken();  // leaves the token in scanned_
  Token& addToken(Tok kind, std::size_t start, std::size_t end);
  void lexFailure(std::size_t at, std::string message);
  void lexReference(std::size_t& i);
  void lexText(std::size_t& i);
  void lexOperator(std::size_t& i);

  // Parsing, one function per grammar rule.
  Operand parseOr();
  Operand parseAnd();
  Operand parseEquality();
  Operand parseRelational();
  Operand parseAdditive();
  Operand parseMultiplicative();
  Operand parseUnary();
  Operand parsePrimary();
  // Helpers of parsePrimary that do not recurse stay out of line, so that
  // each level of nesting costs little stack.
  [[gnu::noinline]] Operand parseLiteral(const Token& token);
  [[gnu::noinline]] Operand parseSelf(const Token& dot);
  [[gnu::noinline]] Operand parseBareName(const Token& name);
  Operand parseCall(const Token& name);
  [[gnu::noinline]] Operand parseReference(const Token& ref);
  bool atAggregateArgument();
  [[gnu::noinline]] Operand parseAggregateArgument(Fn fn, std::string_view fnName);
  [[gnu::noinline]] Operand finishCall(const FunctionSpec& spec, const Token& name,
                                       std::vector<Operand>& args);
  // XLSForm functions (expression_parser_xlsform.cpp).
  [[gnu::noinline]] Operand parseRepeatReference(const Token& fnName, std::size_t index);
  [[gnu::noinline]] Operand parseJoinedValues();
  [[gnu::noinline]] bool skipParentStep();
  void finishLibrary(const LibrarySpec& spec, std::vector<Operand>& args, Operand& result);
  void finishIndexedRepeat(const Token& name, std::vector<Operand>& args, Operand& result);
  void finishPosition(const Token& name, Operand& result);
  [[gnu::noinline]] void unknownFunction(const Token& name);
  [[gnu::noinline]] void wrongArity(const FunctionSpec& spec, const Token& name, int count);
  [[noreturn, gnu::noinline]] void unclosed(const Token& open, const Token& found);
  [[noreturn, gnu::noinline]] void unclosedCall(const Token& name, const Token& found);

  static bool last(const Token& token) { return token.kind == Tok::End || token.kind == Tok::Error; }
  const Token& peek() const { return current_; }
  const Token& peekAhead() {
    if (last(current_)) return current_;
    if (!hasAhead_) {
      ahead_ = scan();
      hasAhead_ = true;
    }
    return ahead_;
  }
  // Moves to the next token and returns the one passed; stays at the end.
  Token next() {
    const Token token = current_;
    if (last(token)) return token;
    previous_ = current_;
    hasPrevious_ = true;
    current_ = hasAhead_ ? ahead_ : scan();
    hasAhead_ = false;
    return token;
  }

  // Type checks; each reports and then treats the operand as Any, so one
  // mistake gives one message.
  [[gnu::noinline]] void rejectList(Operand& operand);
  [[gnu::noinline]] void requireBoolean(Operand& operand, const Token& op, const char* side);
  [[gnu::noinline]] void requireNumber(Operand& operand, const Token& op, const char* side);
  [[gnu::noinline]] void requireComparable(Operand& left, Operand& right, const Token& op);
  [[gnu::noinline]] void requireOrdered(Operand& left, Operand& right, const Token& op);
  [[gnu::noinline]] void requireArgument(Operand& arg, std::string_view fnName, std::size_t index,
                                         std::size_t count, const char* expected, bool ok);
  [[gnu::noinline]] Type unify(Operand& a, Operand& b, const Token& name);
  [[gnu::noinline]] std::optional<Symbol> lookup(const Token& ref);
  [[gnu::noinline]] void checkChoiceTexts(const Operand& choice, const Operand& texts, bool trim = false);
  [[gnu::noinline]] bool numericCode(const Operand& choice, const Operand& number);
  bool numberInQuotes(const Operand& operand) const;
  std::string choiceHint(const Operand& operand);
  std::string textAt(std::uint32_t offset) const;
  void finishRegex(std::vector<Operand>& args, std::size_t count);
  void finishDateDiff(std::vector<Operand>& args, std::size_t count);

  // Errors.
  std::size_t column(std::size_t offset) const;
  std::string describe(const Token& token) const;
  std::string_view source(const Token& token) const { return text_.substr(token.offset, token.length); }
  // Reference ${id} or ${id/row/column}: "id", "id" or "id/row/column", "row", "column".
  std::string_view refId(const Token& t) const { return text_.substr(t.offset + 2, t.idLength); }
  std::string_view refPath(const Token& t) const { return text_.substr(t.offset + 2, t.length - 3); }
  std::string_view refRow(const Token& t) const {
    return text_.substr(t.offset + 2 + t.idLength + 1, t.rowLength);
  }
  std::string_view refColumn(const Token& t) const {
    const std::size_t start = t.idLength + t.rowLength + 2u;
    return text_.substr(t.offset + 2 + start, t.length - 3 - start);
  }
  static bool isCell(const Token& t) { return t.rowLength > 0; }
  [[gnu::noinline]] void error(std::size_t offset, std::string message);
  [[noreturn, gnu::noinline]] void fail(std::size_t offset, std::string message);
  [[noreturn, gnu::noinline]] void failAt(const Token& token, std::string message);
  [[noreturn, gnu::noinline]] void expectedValue(const Token& token);

  // Emitting code.
  std::uint32_t here() const { return static_cast<std::uint32_t>(node_->code.size()); }
  std::uint32_t emit(Op op, std::uint32_t operand = 0);
  void patch(std::uint32_t at) { node_->code[at].operand = here(); }
  std::uint32_t constant(Value value);
  std::uint32_t path(std::string_view path);
  void addReference(std::string_view id);

  std::string_view text_;
  const SymbolTable& symbols_;
  const std::string& repeatId_;
  std::optional<Type> selfType_;
  std::string_view selfId_;

  std::size_t scanPos_ = 0;  // where scan() goes on
  Token scanned_;
  Token previous_, current_, ahead_;
  bool hasPrevious_ = false, hasAhead_ = false;
  std::string lexError_;
  int depth_ = 0;
  std::vector<std::pair<std::size_t, std::string>> errors_;  // byte offset, message

  std::shared_ptr<Expression::Node> node_;
  std::vector<std::string> references_;
  bool usesToday_ = false;
};

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

// ---------------------------------------------------------------- errors

std::size_t Compiler::column(std::size_t offset) const {
  std::size_t result = 1;
  for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
    if (!isUtf8Continuation(text_[i])) ++result;
  }
  return result;
}

std::string Compiler::describe(const Token& token) const {
  switch (token.kind) {
    case Tok::End:
    case Tok::Error:
      return "the end of the expression";
    case Tok::Number:
      return "the number " + std::string(source(token));
    case Tok::Text:
      return "the text " + printable(source(token));
    case Tok::Reference:
      return std::string(source(token));
    default:
      return "'" + std::string(source(token)) + "'";
  }
}

void Compiler::error(std::size_t offset, std::string message) {
  errors_.emplace_back(offset, std::move(message));
  if (errors_.size() >= kMaxErrors) throw Stop{};
}

void Compiler::fail(std::size_t offset, std::string message) {
  errors_.emplace_back(offset, std::move(message));
  throw Stop{};
}

void Compiler::failAt(const Token& token, std::string message) {
  if (token.kind == Tok::Error) fail(token.offset, lexError_);
  if (token.kind == Tok::Name) {
    const std::string lower = lowerCase(source(token));
    if (lower == "and" || lower == "or" || lower == "div" || lower == "mod") {
      fail(token.offset,
           "'" + std::string(source(token)) + "' is not understood; did you mean '" + lower + "'?");
    }
  }
  fail(token.offset, std::move(message));
}

void Compiler::expectedValue(const Token& token) {
  std::string message = "expected a value";
  if (hasPrevious_) message += " after " + describe(previous_);
  failAt(token, message + ", but found " + describe(token));
}

// ---------------------------------------------------------------- code

std::uint32_t Compiler::emit(Op op, std::uint32_t operand) {
  node_->code.push_back(Instruction{op, operand});
  return here() - 1;
}

std::uint32_t Compiler::constant(Value value) {
  node_->constants.push_back(std::move(value));
  return static_cast<std::uint32_t>(node_->constants.size() - 1);
}

std::uint32_t Compiler::path(std::string_view path) {
  auto& paths = node_->paths;
  const auto it = std::find(paths.begin(), paths.end(), path);
  if (it != paths.end()) return static_cast<std::uint32_t>(it - paths.begin());
  paths.emplace_back(path);
  return static_cast<std::uint32_t>(paths.size() - 1);
}

void Compiler::addReference(std::string_view id) {
  if (std::find(references_.begin(), references_.end(), id) == references_.end()) {
    references_.emplace_back(id);
  }
}

// ---------------------------------------------------------------- checks

void Compiler::rejectList(Operand& operand) {
  if (operand.type != Type::List) return;
  if (!operand.refId.empty()) {
    const std::string id(operand.refId);
    error(operand.offset, "'" + id + "' is a multiple-choice question: use selected(${" + id +
                              "}, 'value') or count-selected(${" + id + "})");
  } else {
    error(operand.offset, "a multiple-choice answer can only be used in selected() or count-selected()");
  }
  operand.type = Type::Any;
}

void Compiler::requireBoolean(Operand& operand, const Token& op, const char* side) {
  rejectList(operand);
  if (operand.type == Type::Boolean || operand.type == Type::Any) return;
  std::string message = "'" + std::string(source(op)) + "' needs true/false values on both sides, but its " +
                        side + " side is " + ::focal::expr::describe(operand.type);
  if (!operand.refId.empty() && operand.type == Type::String) {
    message += "; compare it, as in ${" + std::string(operand.refId) + "} = 'yes'";
  }
  error(op.offset, std::move(message));
  operand.type = Type::Any;
}

void Compiler::requireNumber(Operand& operand, const Token& op, const char* side) {
  rejectList(operand);
  if (operand.type == Type::Number || operand.type == Type::Any) return;
  error(op.offset, "'" + std::string(source(op)) + "' needs numbers on both sides, but its " + side +
                       " side is " + ::focal::expr::describe(operand.type) +
                       (operand.type == Type::Date && (op.kind == Tok::Plus || op.kind == Tok::Minus)
                            ? "; for the time between two dates, write date-diff(${from}, ${to}, 'days') (or "
                              "'months', 'years')"
                            : ""));
  operand.type = Type::Any;
}

void Compiler::requireComparable(Operand& left, Operand& right, const Token& op) {
  // ${id} = '' asks whether a question of any type is unanswered.
  if ((left.emptyText && left.literal) || (right.emptyText && right.literal)) return;
  rejectList(left);
  rejectList(right);
  const Type a = left.type, b = right.type;
  if (a == Type::Any || b == Type::Any || a == b || (isText(a) && isText(b))) return;
  // ${q} = 1 where q's choice values are numbers (1, 2, 99): as XLSForm allows.
  if (numericCode(left, right) || numericCode(right, left)) return;
  error(op.offset, std::string("cannot compare ") + ::focal::expr::describe(a) + " with " +
                       ::focal::expr::describe(b) + choiceHint(left) + choiceHint(right));
}

// The text in quotes that starts at `offset`, without its quotes.
std::string Compiler::textAt(std::uint32_t offset) const {
  const char quote = text_[offset];
  std::string value;
  for (std::size_t i = offset + 1; i < text_.size(); ++i) {
    if (text_[i] == quote) {
      if (i + 1 < text_.size() && text_[i + 1] == quote) {
        value += quote;
        ++i;
        continue;
      }
      break;
    }
    value += text_[i];
  }
  return value;
}

namespace {
std::string quotedList(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 12) return out + ", ...";
    out += (i == 0 ? "'" : i + 1 == values.size() ? " and '" : ", '") + values[i] + "'";
  }
  return out;
}
}  // namespace

// A number written in quotes, as in round('14.6') or round('14,6') (XLSForm
// reads a decimal comma there).
bool Compiler::numberInQuotes(const Operand& operand) const {
  if (!operand.literal || operand.type != Type::String) return false;
  std::string text = textAt(operand.offset);
  std::replace(text.begin(), text.end(), ',', '.');
  return parseXPathNumber(text).has_value();
}

// Whether `number` is a number written in the expression and `choice` a
// choice question whose values are all numbers; a number that is not one of
// them is reported, as a misspelt value in quotes is.
bool Compiler::numericCode(const Operand& choice, const Operand& number) {
  const std::string_view id = !choice.refId.empty() ? choice.refId : choice.choiceId;
  if (id.empty() || !number.literal || number.type != Type::Number || !symbols_) return false;
  const std::optional<Symbol> symbol = symbols_(id);
  if (!symbol || symbol->choices.empty()) return false;
  for (const std::string& value : symbol->choices) {
    if (value == "other") continue;  // "Other", offered with other: true
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return false;
  }
  std::size_t end = number.offset;
  while (end < text_.size() && (isDigit(text_[end]) || text_[end] == '.')) ++end;
  const std::string written(text_.substr(number.offset, end - number.offset));
  if (std::find(symbol->choices.begin(), symbol->choices.end(), written) == symbol->choices.end()) {
    error(number.offset, "'" + written + "' is not a value of '" + std::string(id) + "'; its values are " +
                             quotedList(symbol->choices));
  }
  return true;
}

// "; 'q_1' is a yes_no question: its values are 'yes' and 'no'" for an
// operand that is a choice question, else "".
std::string Compiler::choiceHint(const Operand& operand) {
  if (operand.choiceId.empty() || !symbols_) return {};
  const std::optional<Symbol> symbol = symbols_(operand.choiceId);
  if (!symbol || symbol->choices.empty()) return {};
  return "; '" + std::string(operand.choiceId) + "' is a " + symbol->kind + " question: its values are " +
         quotedList(symbol->choices) + ", in quotes";
}

// Each text in quotes that `texts` may be must be a value of the choice
// question `choice` is: a misspelt value would make the comparison never true.
// With `trim` (selected()), spaces around the text are not part of the value.
void Compiler::checkChoiceTexts(const Operand& choice, const Operand& texts, bool trim) {
  if (choice.choiceId.empty() || texts.texts.empty() || !symbols_) return;
  const std::optional<Symbol> symbol = symbols_(choice.choiceId);
  if (!symbol || symbol->choices.empty()) return;
  const std::string id(choice.choiceId);
  for (const std::uint32_t offset : texts.texts) {
    std::string value = textAt(offset);
    if (trim) {
      const std::size_t first = value.find_first_not_of(" \t\r\n");
      value = first == std::string::npos ? std::string()
                                         : value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
    }
    if (value.empty()) continue;  // '': unanswered
    if (std::find(symbol->choices.begin(), symbol->choices.end(), value) != symbol->choices.end()) continue;
    std::string message = "'" + printable(value) + "' is not a value of '" + id + "'";
    if (symbol->kind == "yes_no") {
      message += ", a yes_no question: its values are 'yes' and 'no'";
    } else {
      const std::string near = nearestWord(value, symbol->choices);
      if (!near.empty()) {
        message += "; did you mean '" + near + "'?";
      } else {
        message += "; its values are " + quotedList(symbol->choices);
      }
    }
    error(offset, std::move(message));
  }
}

void Compiler::requireOrdered(Operand& left, Operand& right, const Token& op) {
  rejectList(left);
  rejectList(right);
  const Type a = left.type, b = right.type;
  if (a == Type::Any || b == Type::Any) return;
  if (a == Type::Number && b == Type::Number) return;
  if (a == Type::Date && b == Type::Date) return;
  // A date against a date written in quotes: ISO dates compare as text.
  if ((a == Type::Date && b == Type::String && right.literal) ||
      (b == Type::Date && a == Type::String && left.literal)) {
    return;
  }
  if (a == b) {
    error(op.offset, "'" + std::string(source(op)) + "' can only compare numbers or dates, not " +
                         (a == Type::Boolean ? "true/false values" : ::focal::expr::describe(a)));
    return;
  }
  error(op.offset,
        std::string("cannot compare ") + ::focal::expr::describe(a) + " with " + ::focal::expr::describe(b));
}

void Compiler::requireArgument(Operand& arg, std::string_view fnName, std::size_t index, std::size_t count,
                               const char* expected, bool ok) {
  if (ok) return;
  std::string message = count == 1 ? "the value of " : std::string("the ") + ordinal(index) + " value of ";
  message +=
      std::string(fnName) + "() must be " + expected + ", but it is " + ::focal::expr::describe(arg.type);
  error(arg.offset, std::move(message));
  arg.type = Type::Any;
}

Type Compiler::unify(Operand& a, Operand& b, const Token& name) {
  rejectList(a);
  rejectList(b);
  if (a.type == b.type) return a.type;
  if (a.type == Type::Any || b.type == Type::Any) return Type::Any;
  if (isText(a.type) && isText(b.type)) {
    // A date and a date in quotes make a date.
    const Operand& text = a.type == Type::String ? a : b;
    return text.literal ? Type::Date : Type::String;
  }
  // if(c, ${n}, ''): '' means "no answer" whatever the other type.
  if (a.emptyText || b.emptyText) {
    Operand& empty = a.emptyText ? a : b;
    node_->code[empty.codeStart] = Instruction{Op::PushNull, 0};
    return a.emptyText ? b.type : a.type;
  }
  const std::string fn(source(name));
  if (fn == "if") {
    error(name.offset, std::string("if() gives ") + ::focal::expr::describe(a.type) + " in one case and " +
                           ::focal::expr::describe(b.type) +
                           " in the other; both must be the same kind of value");
  } else {
    error(name.offset, fn + "() is given " + ::focal::expr::describe(a.type) + " and " +
                           ::focal::expr::describe(b.type) + "; both must be the same kind of value");
  }
  return Type::Any;
}

std::optional<Symbol> Compiler::lookup(const Token& ref) {
  std::optional<Symbol> symbol;
  if (symbols_) symbol = symbols_(refId(ref));
  if (!symbol) {
    error(ref.offset, "unknown question id '" + std::string(refId(ref)) + "'");
    return std::nullopt;
  }
  addReference(refId(ref));
  return symbol;
}

// ---------------------------------------------------------------- parsing

Compiler::Operand Compiler::parseOr() {
  Operand left = parseAnd();
  while (peek().kind == Tok::Or) {
    const Token op = next();
    requireBoolean(left, op, "left");
    const std::uint32_t jump = emit(Op::OrJump);
    Operand right = parseAnd();
    requireBoolean(right, op, "right");
    emit(Op::ToBoolean);
    patch(jump);
    left = result(Type::Boolean, left.offset, left.codeStart);
  }
  return left;
}

Compiler::Operand Compiler::parseAnd() {
  Operand left = parseEquality();
  while (peek().kind == Tok::And) {
    const Token op = next();
    requireBoolean(left, op, "left");
    const std::uint32_t jump = emit(Op::AndJump);
    Operand right = parseEquality();
    requireBoolean(right, op, "right");
    emit(Op::ToBoolean);
    patch(jump);
    left = result(Type::Boolean, left.offset, left.codeStart);
  }
  return left;
}

Compiler::Operand Compiler::parseEquality() {
  Operand left = parseRelational();
  while (peek().kind == Tok::Equal || peek().kind == Tok::NotEqual) {
    const Token op = next();
    Operand right = parseRelational();
    checkChoiceTexts(left, right);
    checkChoiceTexts(right, left);
    requireComparable(left, right, op);
    emit(op.kind == Tok::Equal ? Op::Equal : Op::NotEqual);
    left = result(Type::Boolean, left.offset, left.codeStart);
  }
  return left;
}

Compiler::Operand Compiler::parseRelational() {
  Operand left = parseAdditive();
  while (true) {
    Op code;
    switch (peek().kind) {
      case Tok::Less:
        code = Op::Less;
        break;
      case Tok::LessEqual:
        code = Op::LessEqual;
        break;
      case Tok::Greater:
        code = Op::Greater;
        break;
      case Tok::GreaterEqual:
        code = Op::GreaterEqual;
        break;
      default:
        return left;
    }
    const Token op = next();
    Operand right = parseAdditive();
    requireOrdered(left, right, op);
    emit(code);
    left = result(Type::Boolean, left.offset, left.codeStart);
  }
}

Compiler::Operand Compiler::parseAdditive() {
  Operand left = parseMultiplicative();
  while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
    const Token op = next();
    Operand right = parseMultiplicative();
    if (left.type == Type::Date && right.type == Type::Date) {
      error(op.offset, "'" + std::string(source(op)) +
                           "' cannot take one date from another; for the time between two dates, write "
                           "date-diff(${from}, ${to}, 'days') (or 'months', 'years')");
      left.type = right.type = Type::Any;
    }
    requireNumber(left, op, "left");
    requireNumber(right, op, "right");
    emit(op.kind == Tok::Plus ? Op::Add : Op::Subtract);
    left = result(Type::Number, left.offset, left.codeStart);
  }
  return left;
}

Compiler::Operand Compiler::parseMultiplicative() {
  Operand left = parseUnary();
  while (true) {
    Op code;
    switch (peek().kind) {
      case Tok::Star:
        code = Op::Multiply;
        break;
      case Tok::Div:
        code = Op::Divide;
        break;
      case Tok::Mod:
        code = Op::Modulo;
        break;
      default:
        return left;
    }
    const Token op = next();
    Operand right = parseUnary();
    requireNumber(left, op, "left");
    requireNumber(right, op, "right");
    emit(code);
    left = result(Type::Number, left.offset, left.codeStart);
  }
}

Compiler::Operand Compiler::parseUnary() {
  if (peek().kind != Tok::Minus) return parsePrimary();
  const Token minus = peek();
  std::size_t count = 0;
  while (peek().kind == Tok::Minus) {
    next();
    ++count;
  }
  Operand operand = parsePrimary();
  rejectList(operand);
  if (operand.type != Type::Number && operand.type != Type::Any) {
    error(minus.offset,
          std::string("'-' needs a number, but it is followed by ") + ::focal::expr::describe(operand.type));
  }
  // Two negations still turn text into a number (or no answer), as one does.
  emit(Op::Negate);
  if (count % 2 == 0) emit(Op::Negate);
  return result(Type::Number, minus.offset, operand.codeStart);
}

Compiler::Operand Compiler::parsePrimary() {
  const Token token = peek();
  switch (token.kind) {
    case Tok::Number:
    case Tok::Text:
      next();
      return parseLiteral(token);
    case Tok::Reference:
      next();
      return parseReference(token);
    case Tok::Dot:
      next();
      return parseSelf(token);
    case Tok::LParen: {
      next();
      DepthGuard guard(*this, token.offset);
      Operand inner = parseOr();
      if (peek().kind != Tok::RParen) unclosed(token, peek());
      next();
      inner.offset = token.offset;
      return inner;
    }
    case Tok::Name:
      next();
      if (peek().kind == Tok::LParen) return parseCall(token);
      return parseBareName(token);
    default:
      expectedValue(token);
  }
}

Compiler::Operand Compiler::parseLiteral(const Token& token) {
  Operand operand;
  operand.offset = token.offset;
  operand.codeStart = here();
  operand.literal = true;
  const std::string_view text = source(token);
  if (token.kind == Tok::Number) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);  // the lexer checked the digits
    emit(Op::PushConst, constant(value));
    operand.type = Type::Number;
    return operand;
  }
  const char quote = text.front();
  std::string value;
  value.reserve(text.size() - 2);
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    value += text[i];
    if (text[i] == quote) ++i;  // the second of a doubled quote
  }
  operand.emptyText = value.empty();
  operand.texts.push_back(token.offset);
  emit(Op::PushConst, constant(std::move(value)));
  operand.type = Type::String;
  return operand;
}

Compiler::Operand Compiler::parseSelf(const Token& dot) {
  Operand operand;
  operand.offset = dot.offset;
  operand.codeStart = here();
  emit(Op::LoadSelf);
  if (!selfType_) {
    error(dot.offset, "'.' (the answer to this question) can only be used in a constraint");
    return operand;
  }
  operand.type = (*selfType_ == Type::Records || *selfType_ == Type::Cells) ? Type::Any : *selfType_;
  operand.choiceId = selfId_;
  return operand;
}

void Compiler::unclosed(const Token& open, const Token& found) {
  failAt(found, "expected ')' to close '(' at column " + std::to_string(column(open.offset)));
}

Compiler::Operand Compiler::parseBareName(const Token& name) {
  Operand operand;
  operand.offset = name.offset;
  operand.codeStart = here();
  emit(Op::PushNull);
  const std::string word(source(name));
  const std::string lower = lowerCase(word);
  if (lower == "true" || lower == "false") {
    error(name.offset, "write " + lower + "() with brackets for the value " + lower);
  } else if (findFunction(word)) {
    error(name.offset, "expected '(' after the function name '" + word + "'");
  } else if (lower == "and" || lower == "or" || lower == "div" || lower == "mod") {
    error(name.offset, "'" + word + "' is not understood; did you mean '" + lower + "'?");
  } else if (findFunction(lower)) {
    error(name.offset, "'" + word + "' is not understood; did you mean " + lower + "()?");
  } else {
    const std::string shown = printable(word);
    error(name.offset, "'" + shown + "' is not understood: put text in quotes, as in '" + shown +
                           "', and write a question as ${" + shown + "}");
  }
  return operand;
}

bool Compiler::atAggregateArgument() {
  const Token& token = peek();
  if (token.kind != Tok::Reference || isCell(token)) return false;
  const Tok after = peekAhead().kind;
  return after == Tok::Comma || after == Tok::RParen;
}

Compiler::Operand Compiler::parseAggregateArgument(Fn fn, std::string_view fnName) {
  const Token ref = next();
  Operand operand;
  operand.type = Type::Number;
  operand.offset = ref.offset;
  operand.codeStart = here();
  operand.aggregate = true;
  const std::optional<Symbol> symbol = lookup(ref);
  const std::string_view idView = refId(ref);
  const std::string id(idView);
  if (!symbol) {
    emit(Op::PushNull);
    return operand;
  }
  const bool inRepeat = !symbol->repeatId.empty();
  if (fn == Fn::CountNonEmpty) {
    if (inRepeat || symbol->type == Type::Cells) {
      emit(Op::CountAnswered, path(idView));
    } else {
      error(
          ref.offset,
          "count-non-empty() needs a question inside a repeat group or a table, but '" + id + "' is neither" +
              (symbol->type == Type::Records ? "; count(${" + id + "}) counts its records" : std::string()));
      emit(Op::PushNull);
    }
    return operand;
  }
  if (fn == Fn::Count) {
    if (symbol->type == Type::Records) {
      emit(Op::CountRecords, path(idView));
    } else if (inRepeat || symbol->type == Type::Cells) {
      emit(Op::CountAnswered, path(idView));
    } else {
      error(ref.offset, std::string(fnName) + "() needs a repeat group or a question inside one, but '" + id +
                            "' is neither");
      emit(Op::PushNull);
    }
    return operand;
  }
  if (symbol->type == Type::Cells) {
    emit(Op::SumValues, path(idView));
  } else if (inRepeat && (symbol->type == Type::Number || symbol->type == Type::Any)) {
    emit(Op::SumValues, path(idView));
  } else if (inRepeat) {
    error(ref.offset, "sum() adds up numbers, but '" + id + "' is " + ::focal::expr::describe(symbol->type));
    emit(Op::PushNull);
  } else if (symbol->type == Type::Records) {
    error(ref.offset, "sum() cannot add up the repeat group '" + id +
                          "' itself; give a number question inside it, or use count(${" + id + "})");
    emit(Op::PushNull);
  } else {
    error(ref.offset,
          "sum() needs a table or a number question inside a repeat group, but '" + id + "' is neither");
    emit(Op::PushNull);
  }
  return operand;
}

Compiler::Operand Compiler::parseReference(const Token& ref) {
  Operand operand;
  operand.offset = ref.offset;
  operand.codeStart = here();
  const std::optional<Symbol> symbol = lookup(ref);
  const std::string id(refId(ref));
  const bool outside = symbol && !symbol->repeatId.empty() && symbol->repeatId != repeatId_;
  if (isCell(ref)) {
    emit(Op::Load, path(refPath(ref)));
    if (!symbol) return operand;
    operand.type = Type::Number;
    const bool table = symbol->type == Type::Cells || !symbol->rows.empty() || !symbol->columns.empty();
    if (!table) {
      error(ref.offset, "'" + id + "' is not a table, so it has no cells");
      operand.type = Type::Any;
    } else {
      const auto has = [](const std::vector<std::string>& ids, std::string_view wanted) {
        return std::find(ids.begin(), ids.end(), wanted) != ids.end();
      };
      // 'total' is the total of a column (as a row) or of a row (as a column).
      if (!has(symbol->rows, refRow(ref)) && refRow(ref) != "total") {
        error(ref.offset, "table '" + id + "' has no row '" + std::string(refRow(ref)) + "'");
      }
      if (!has(symbol->columns, refColumn(ref)) && refColumn(ref) != "total") {
        error(ref.offset, "table '" + id + "' has no column '" + std::string(refColumn(ref)) + "'");
      }
    }
    if (outside) {
      error(ref.offset, "'" + id + "' is inside the repeat group '" + symbol->repeatId +
                            "' and cannot be used outside it");
    }
    return operand;
  }
  operand.refId = refId(ref);
  emit(Op::Load, path(operand.refId));
  if (!symbol) return operand;
  if (symbol->type == Type::Records) {
    error(ref.offset, "'" + id + "' is a repeat group: use it only in count(${" + id + "})");
  } else if (symbol->type == Type::Cells) {
    error(ref.offset, "'" + id + "' is a table: use ${" + id + "/row/column} for one cell, or sum(${" + id +
                          "}) for its total");
  } else if (outside) {
    const bool number = symbol->type == Type::Number || symbol->type == Type::Any;
    error(ref.offset, "'" + id + "' is inside the repeat group '" + symbol->repeatId +
                          "': outside it, use it only in count(${" + id + "})" +
                          (number ? " or sum(${" + id + "})" : std::string()));
  } else {
    operand.type = symbol->type;
    if (!symbol->choices.empty()) operand.choiceId = operand.refId;
  }
  return operand;
}

Compiler::Operand Compiler::parseCall(const Token& name) {
  const Token open = next();
  DepthGuard guard(*this, open.offset);
  const std::string_view fnName = source(name);
  const FunctionSpec* spec = findFunction(fnName);
  FunctionSpec librarySpec{};
  const LibrarySpec* library = spec ? nullptr : findLibraryFunction(fnName);
  if (library) {
    librarySpec = FunctionSpec{library->name, Fn::Library, library->minArgs, library->maxArgs};
    spec = &librarySpec;
  }
  if (!spec) unknownFunction(name);
  const Fn fn = spec ? spec->fn : Fn::Unknown;
  const std::uint32_t codeStart = here();
  if (fn == Fn::Position) skipParentStep();  // position(..)

  std::vector<Operand> args;
  std::vector<std::uint32_t> jumps;  // if() and coalesce() skip the values they do not need
  if (peek().kind != Tok::RParen) {
    while (true) {
      const std::size_t index = args.size();
      if (fn == Fn::If && index == 1) {
        jumps.push_back(emit(Op::JumpIfFalse));
      } else if (fn == Fn::If && index == 2) {
        jumps.push_back(emit(Op::Jump));
        patch(jumps.front());
      } else if (fn == Fn::Coalesce && index >= 1) {
        jumps.push_back(emit(Op::JumpIfPresent));
      }
      if ((fn == Fn::Count || fn == Fn::Sum || fn == Fn::CountNonEmpty) && atAggregateArgument()) {
        args.push_back(parseAggregateArgument(fn, fnName));
      } else if (fn == Fn::IndexedRepeat && index < 2) {
        args.push_back(parseRepeatReference(name, index));
      } else if (library && library->fn == Lib::Join && index >= 1 && atAggregateArgument()) {
        args.push_back(parseJoinedValues());
      } else {
        args.push_back(parseOr());
      }
      if (peek().kind == Tok::Comma) {
        next();
        continue;
      }
      if (peek().kind == Tok::RParen) break;
      unclosedCall(name, peek());
    }
  }
  next();  // ')'
  for (const std::uint32_t jump : jumps) {
    if (fn == Fn::Coalesce || jump != jumps.front()) patch(jump);
  }
  const int count = static_cast<int>(args.size());
  if (!spec || count < spec->minArgs || (spec->maxArgs >= 0 && count > spec->maxArgs)) {
    if (spec) wrongArity(*spec, name, count);
    emit(Op::PushNull);
    return result(Type::Any, name.offset, codeStart);
  }
  Operand call = finishCall(*spec, name, args);
  if (library) finishLibrary(*library, args, call);
  return call;
}

void Compiler::unknownFunction(const Token& name) {
  error(name.offset, unknownFunctionMessage(source(name)));
}

void Compiler::unclosedCall(const Token& name, const Token& found) {
  failAt(found, "expected ',' or ')' to close '" + std::string(source(name)) + "(' at column " +
                    std::to_string(column(name.offset)));
}

void Compiler::wrongArity(const FunctionSpec& spec, const Token& name, int count) {
  std::string needs;
  if (spec.maxArgs < 0) {
    needs = "at least " + std::to_string(spec.minArgs) + (spec.minArgs == 1 ? " value" : " values");
  } else if (spec.minArgs == spec.maxArgs) {
    needs = spec.minArgs == 0   ? "no values"
            : spec.minArgs == 1 ? "1 value"
                                : std::to_string(spec.minArgs) + " values";
  } else {
    needs = std::to_string(spec.minArgs) + " or " + std::to_string(spec.maxArgs) + " values";
  }
  const std::string given = count == 0   ? "none were given"
                            : count == 1 ? "1 was given"
                                         : std::to_string(count) + " were given";
  error(name.offset, std::string(spec.name) + "() needs " + needs + ", but " + given);
}

// Checks the values of a call with the right number of them, and emits it.
Compiler::Operand Compiler::finishCall(const FunctionSpec& spec, const Token& name,
                                       std::vector<Operand>& args) {
  Operand result;
  result.offset = name.offset;
  result.codeStart = args.empty() ? here() : args.front().codeStart;
  const std::string_view fnName = spec.name;
  const std::size_t count = args.size();
  const auto is = [](const Operand& arg, std::initializer_list<Type> types) {
    return arg.type == Type::Any || std::find(types.begin(), types.end(), arg.type) != types.end();
  };
  switch (spec.fn) {
    case Fn::Not:
      rejectList(args[0]);
      requireArgument(args[0], fnName, 0, count, "true/false", is(args[0], {Type::Boolean}));
      emit(Op::Not);
      result.type = Type::Boolean;
      break;
    case Fn::If:
      rejectList(args[0]);
      requireArgument(args[0], fnName, 0, count, "true/false", is(args[0], {Type::Boolean}));
      result.type = unify(args[1], args[2], name);
      result.texts = args[1].texts;
      result.texts.insert(result.texts.end(), args[2].texts.begin(), args[2].texts.end());
      break;
    case Fn::Selected:
      requireArgument(args[0], fnName, 0, count, "a choice question",
                      is(args[0], {Type::List, Type::String}));
      rejectList(args[1]);
      requireArgument(args[1], fnName, 1, count, "a choice value in quotes, such as 'yes'",
                      is(args[1], {Type::String}));
      checkChoiceTexts(args[0], args[1], true);
      emit(Op::Selected);
      result.type = Type::Boolean;
      break;
    case Fn::CountSelected:
      requireArgument(args[0], fnName, 0, count, "a multiple-choice question",
                      is(args[0], {Type::List, Type::String}));
      emit(Op::CountSelected);
      result.type = Type::Number;
      break;
    case Fn::Count:
    case Fn::Sum:
    case Fn::CountNonEmpty:
      if (!args[0].aggregate) {
        error(args[0].offset,
              std::string(fnName) + (spec.fn != Fn::Sum
                                         ? "() needs a repeat group or a question inside one, written "
                                           "directly as in count(${id})"
                                         : "() needs a table or a number question inside a repeat group, "
                                           "written directly as in sum(${id})"));
      }
      result.type = Type::Number;
      break;
    case Fn::StringLength:
      rejectList(args[0]);
      requireArgument(args[0], fnName, 0, count, "text", is(args[0], {Type::String, Type::Date}));
      emit(Op::StringLength);
      result.type = Type::Number;
      break;
    case Fn::Today:
      emit(Op::Today);
      usesToday_ = true;
      result.type = Type::Date;
      break;
    case Fn::Coalesce:
      result.type = unify(args[0], args[1], name);
      result.texts = args[0].texts;
      result.texts.insert(result.texts.end(), args[1].texts.begin(), args[1].texts.end());
      break;
    case Fn::True:
    case Fn::False:
      emit(Op::PushConst, constant(spec.fn == Fn::True));
      result.type = Type::Boolean;
      break;
    case Fn::Concat:
      for (Operand& arg : args) rejectList(arg);
      emit(Op::Concat, static_cast<std::uint32_t>(count));
      result.type = Type::String;
      break;
    case Fn::Round:
      for (std::size_t i = 0; i < count; ++i) {
        rejectList(args[i]);
        requireArgument(args[i], fnName, i, count, "a number",
                        is(args[i], {Type::Number}) || (i == 0 && numberInQuotes(args[i])));
      }
      emit(Op::Round, static_cast<std::uint32_t>(count));
      result.type = Type::Number;
      break;
    case Fn::Number:
      rejectList(args[0]);
      requireArgument(args[0], fnName, 0, count, "text or a number",
                      is(args[0], {Type::String, Type::Number, Type::Boolean}));
      emit(Op::ToNumber);
      result.type = Type::Number;
      break;
    case Fn::IsEmpty:
      // Any answer at all: a number, a date, a multiple choice, a text.
      emit(Op::IsEmpty);
      result.type = Type::Boolean;
      break;
    case Fn::Regex:
      finishRegex(args, count);
      result.type = Type::Boolean;
      break;
    case Fn::DateDiff:
      finishDateDiff(args, count);
      result.type = Type::Number;
      break;
    case Fn::IndexedRepeat:
      finishIndexedRepeat(name, args, result);
      break;
    case Fn::Position:
      finishPosition(name, result);
      break;
    case Fn::Library:  // finishLibrary, once the spec is known
      break;
    case Fn::Unknown:
      emit(Op::PushNull);
      break;
  }
  return result;
}

// regex(value, 'pattern'): the pattern is a text in quotes, compiled here,
// once; a pattern that does not compile is an error at its column.
void Compiler::finishRegex(std::vector<Operand>& args, std::size_t count) {
  rejectList(args[0]);
  requireArgument(args[0], "regex", 0, count, "text (an answer to check)",
                  args[0].type == Type::Any || args[0].type == Type::String || args[0].type == Type::Date ||
                      args[0].type == Type::Number);
  std::uint32_t index = 0;
  if (!args[1].literal || args[1].type != Type::String) {
    error(args[1].offset,
          "the second value of regex() must be a pattern in quotes, such as '^[A-Z]{3}$', written in the "
          "questionnaire (so that it is checked when the file is loaded)");
  } else {
    std::string problem;
    auto compiled = compilePattern(textAt(args[1].offset), problem);
    if (!compiled) {
      error(args[1].offset, "the pattern of regex() is not a valid regular expression: " + problem +
                                " (the syntax is ECMAScript's, as in JavaScript)");
    } else {
      index = static_cast<std::uint32_t>(node_->regexes.size());
      node_->regexes.push_back(std::move(compiled));
    }
  }
  if (node_->regexes.empty()) {
    // Nothing to match against: the call is an error, reported above.
    emit(Op::Regex, 0);
    node_->regexes.push_back(std::make_shared<const std::regex>());
    return;
  }
  emit(Op::Regex, index);
}

// date-diff(from, to, 'days'|'months'|'years'): two dates, a unit in quotes.
void Compiler::finishDateDiff(std::vector<Operand>& args, std::size_t count) {
  for (std::size_t i = 0; i < 2; ++i) {
    rejectList(args[i]);
    Operand& arg = args[i];
    if (arg.type == Type::Any || arg.type == Type::Date) continue;
    if (arg.literal && arg.type == Type::String) {
      const std::string text = textAt(arg.offset);
      if (!dayNumber(text))
        error(arg.offset, "the " + std::string(ordinal(i)) + " value of date-diff() must be a date, but '" +
                              text + "' is not a date written YYYY-MM-DD");
      continue;
    }
    requireArgument(arg, "date-diff", i, count, "a date (a date question, today() or 'YYYY-MM-DD')", false);
  }
  std::uint32_t unit = 0;
  if (!args[2].literal || args[2].type != Type::String) {
    error(args[2].offset, "the third value of date-diff() must be 'days', 'months' or 'years', in quotes");
  } else {
    const std::string name = textAt(args[2].offset);
    if (auto u = dateUnitFromName(name)) {
      unit = static_cast<std::uint32_t>(*u);
    } else {
      const std::string near = nearestWord(name, {"days", "months", "years"});
      error(args[2].offset, "date-diff() counts in 'days', 'months' or 'years', not '" + name + "'" +
                                (near.empty() ? std::string() : "; did you mean '" + near + "'?"));
    }
  }
  emit(Op::DateDiff, unit);
}

// ---------------------------------------------------------------- XLSForm functions

// The first two values of indexed-repeat(${name}, ${people}, 2): a question
// inside a repeat group, then that group, each written as ${id}. They emit
// no code: the evaluator reads the question's values across the records.
Compiler::Operand Compiler::parseRepeatReference(const Token& fnName, std::size_t index) {
  const Token ref = peek();
  if (ref.kind != Tok::Reference || isCell(ref)) {
    error(ref.offset, std::string("the ") + ordinal(index) + " value of " + std::string(source(fnName)) +
                          "() must be " +
                          (index == 0 ? "a question inside a repeat group" : "the repeat group") +
                          ", written as ${id}, as in indexed-repeat(${name}, ${people}, 2)");
    return parseOr();
  }
  next();
  Operand operand;
  operand.offset = ref.offset;
  operand.codeStart = here();
  operand.aggregate = true;
  operand.refId = refId(ref);
  const std::optional<Symbol> symbol = lookup(ref);
  if (!symbol) return operand;
  const std::string id(refId(ref));
  if (index == 0 && symbol->repeatId.empty()) {
    error(ref.offset,
          "indexed-repeat() reads a question inside a repeat group, but '" + id + "' is not in one");
  } else if (index == 1 && symbol->type != Type::Records) {
    error(ref.offset,
          "the second value of indexed-repeat() must be a repeat group, but '" + id + "' is not one");
  }
  operand.type = symbol->type;
  return operand;
}

void Compiler::finishIndexedRepeat(const Token& name, std::vector<Operand>& args, Operand& result) {
  (void)name;
  rejectList(args[2]);
  requireArgument(args[2], "indexed-repeat", 2, 3, "a record number (1 for the first)",
                  args[2].type == Type::Number || args[2].type == Type::Any);
  const std::string_view question = args[0].refId, repeat = args[1].refId;
  result.type = args[0].type == Type::Records ? Type::Any : args[0].type;
  if (!question.empty() && !repeat.empty() && symbols_) {
    const std::optional<Symbol> symbol = symbols_(question);
    if (symbol && !symbol->repeatId.empty() && symbol->repeatId != repeat) {
      error(args[1].offset, "'" + std::string(question) + "' is inside the repeat group '" +
                                symbol->repeatId + "', not '" + std::string(repeat) + "'");
    }
    if (symbol && !symbol->choices.empty()) result.choiceId = question;
  }
  emit(Op::IndexedValue, path(question));
}

// position(..): '..' (the record around the question) is the only value
// XLSForm gives it; position() is read the same.
bool Compiler::skipParentStep() {
  if (peek().kind != Tok::Dot || peekAhead().kind != Tok::Dot) return false;
  next();
  next();
  return true;
}

void Compiler::finishPosition(const Token& name, Operand& result) {
  if (repeatId_.empty()) {
    error(name.offset,
          "position(..) is the number of the current record of a repeat group: use it inside the group's "
          "questions");
  }
  emit(Op::Position, path(repeatId_));
  result.type = Type::Number;
}

// join(', ', ${name}) outside the repeat group of `name`: all its answers.
Compiler::Operand Compiler::parseJoinedValues() {
  const Token ref = peek();
  std::optional<Symbol> symbol;
  if (symbols_) symbol = symbols_(refId(ref));
  if (!symbol || symbol->repeatId.empty() || symbol->repeatId == repeatId_ || symbol->type == Type::Records) {
    return parseOr();
  }
  next();
  lookup(ref);
  Operand operand;
  operand.offset = ref.offset;
  operand.codeStart = here();
  operand.aggregate = true;
  operand.type = Type::List;
  emit(Op::LoadAll, path(refId(ref)));
  return operand;
}

// Checks the values of a function of expression_library.h against its
// kinds, and emits the call.
void Compiler::finishLibrary(const LibrarySpec& spec, std::vector<Operand>& args, Operand& result) {
  const std::size_t count = args.size();
  if (count > 255) {
    error(result.offset, std::string(spec.name) + "() is given more than 255 values");
    return;
  }
  for (std::size_t i = 0; i < count; ++i) {
    Operand& arg = args[i];
    const char kind = spec.kinds[std::min(i, spec.kinds.size() - 1)];
    const Type t = arg.type;
    switch (kind) {
      case 'n':
        rejectList(arg);
        requireArgument(arg, spec.name, i, count, "a number",
                        arg.type == Type::Number || arg.type == Type::Any);
        break;
      case 't':
        rejectList(arg);
        break;
      case 'l':
        requireArgument(arg, spec.name, i, count, "a choice question or text",
                        t == Type::List || t == Type::String || t == Type::Any);
        break;
      case 'd':
        rejectList(arg);
        requireArgument(arg, spec.name, i, count, "a date",
                        t == Type::Date || t == Type::String || t == Type::Number || t == Type::Any);
        if (arg.literal && arg.type == Type::String) {
          const std::string text = textAt(arg.offset);
          if (!dayNumber(text.size() > 10 && text[10] == 'T' ? text.substr(0, 10) : text)) {
            error(arg.offset, "the " + std::string(count == 1 ? "" : std::string(ordinal(i)) + " ") +
                                  "value of " + std::string(spec.name) + "() must be a date, but '" +
                                  printable(text) + "' is not a date written YYYY-MM-DD");
          }
        }
        break;
      default:  // 'v': anything, a multiple-choice answer too
        break;
    }
  }
  emit(Op::Call, (static_cast<std::uint32_t>(spec.fn) << 8) | static_cast<std::uint32_t>(count & 0xFF));
  result.type = spec.result;
}

// ---------------------------------------------------------------- driver

std::variant<Expression, std::vector<CompileError>> Compiler::run() {
  const std::size_t characters = column(text_.size()) - 1;
  if (characters > kMaxLength) {
    return std::vector<CompileError>{{1, "the expression is too long (" + std::to_string(characters) +
                                             " characters; at most " + std::to_string(kMaxLength) +
                                             " are allowed)"}};
  }
  node_ = std::make_shared<Expression::Node>();
  Type type = Type::Any;
  try {
    current_ = scan();
    if (current_.kind == Tok::End) fail(0, "the expression is empty");
    type = parseOr().type;
    const Token& token = peek();
    if (token.kind == Tok::RParen) {
      failAt(token, "this ')' has no matching '('");
    } else if (token.kind == Tok::Comma) {
      failAt(token, "a ',' can only separate the values of a function, as in if(a, b, c)");
    } else if (token.kind != Tok::End) {
      failAt(token, "expected an operator such as 'and', 'or' or '=' before " + describe(token));
    }
  } catch (const Stop&) {
  }
  if (!errors_.empty()) {
    std::vector<CompileError> errors;
    errors.reserve(errors_.size());
    for (auto& [offset, message] : errors_)
      errors.push_back(CompileError{column(offset), std::move(message)});
    std::stable_sort(errors.begin(), errors.end(),
                     [](const CompileError& a, const CompileError& b) { return a.column < b.column; });
    return errors;
  }
  const std::optional<std::size_t> maxStack = maxStackDepth(node_->code);
  if (!maxStack) return std::vector<CompileError>{{1, "internal error: the expression compiled wrongly"}};
  node_->maxStack = *maxStack;
  Expression expression;
  expression.root_ = std::move(node_);
  expression.text_ = std::string(text_);
  expression.references_ = std::move(references_);
  expression.type_ = type;
  expression.usesToday_ = usesToday_;
  return expression;
}

std::variant<Expression, std::vector<CompileError>> Expression::compile(std::string_view text,
                                                                        const SymbolTable& symbols,
                                                                        const std::string& repeatId,
                                                                        std::optional<Type> selfType,
                                                                        std::string_view selfId) {
  return Compiler(text, symbols, repeatId, selfType, selfId).run();
}

}  // namespace focal::expr
