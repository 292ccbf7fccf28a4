// Shared by the expression compiler's files only (expression_parser.cpp,
// expression_lexer.cpp, expression_compiler.cpp, expression_calls.cpp and
// expression_function_table.cpp): the tokens, the built-in function table's
// entries, the small text helpers and the Compiler class that turns the text
// of an expression into the postfix program of expression_ast.h in one pass.
// Not a public header: nothing outside those files includes it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "forms/expression.h"
#include "forms/expression_ast.h"
#include "forms/expression_library.h"

namespace focal::expr {

namespace detail {

inline constexpr std::size_t kMaxLength = 10000;  // characters of expression text
inline constexpr int kMaxDepth = 100;             // nested brackets and function calls
inline constexpr std::size_t kMaxErrors = 50;     // a pathological text stops here
inline constexpr std::size_t kMaxNumberLength = 30;

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

// The built-in function called `name`, or nullptr (expression_function_table.cpp).
const FunctionSpec* findFunction(std::string_view name);
// Every function name, the built-in ones first, for "did you mean".
std::vector<std::string_view> functionNames();
// "unknown function 'x'" with what to write instead: the Focal equivalent of
// an XLSForm function, a near name, or the list of functions.
std::string unknownFunctionMessage(std::string_view name);

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isIdStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
inline bool isIdChar(char c) { return isIdStart(c) || isDigit(c); }
inline bool isCellChar(char c) { return isIdChar(c) || c == '-'; }
inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Text helpers (expression_lexer.cpp).
std::string lowerCase(std::string_view s);
// The length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i);
// `s` made safe to show in a message: valid UTF-8, no control characters,
// at most `limit` characters.
std::string printable(std::string_view s, std::size_t limit = 30);

// Type helpers (expression_compiler.cpp).
// "a number", "text": what a value of this type is, for messages.
const char* describe(Type type);
bool isText(Type type);
const char* ordinal(std::size_t index);
// The deepest the evaluator's stack gets running `code`, or nullopt if the
// code is not well formed (see expression_compiler.cpp).
std::optional<std::size_t> maxStackDepth(const std::vector<Instruction>& code);

// Thrown to abandon the parse after a syntax error (or too many errors);
// caught in Compiler::run, never leaves the compiler's files.
struct Stop {};

}  // namespace detail

// The compiler's files use these names unqualified, as when they were one file.
using namespace detail;

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
  // XLSForm functions (expression_calls.cpp).
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

}  // namespace focal::expr
