// Expressions for relevance, required, constraints and calculations, in the
// syntax XLSForm authors know: ${q_5_1} = 'yes' and selected(${q_6}, 'labour').
// An Expression is compiled once when a questionnaire is loaded (parsed and
// type-checked against the questionnaire's questions) and is then immutable;
// it is evaluated many times against a Context that supplies answers.
// The grammar is stated at the top of expression_parser.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace focal::expr {

// Static types. `Date` values are ISO 8601 strings (YYYY-MM-DD). `List` is the
// answer of a multiple-choice question. `Records` is a repeat group and
// `Cells` a table: both only as the argument of count() or sum().
// `Any` is a value whose type is only known at run time; it is accepted anywhere.
enum class Type { Boolean, Number, String, Date, List, Records, Cells, Any };
const char* typeName(Type type);

// A value during evaluation. std::monostate is "no answer".
using Value = std::variant<std::monostate, bool, double, std::string, std::vector<std::string>>;
bool isNull(const Value& value);
bool truthy(const Value& value);           // null, false, 0, '' and an empty list are false
std::string toString(const Value& value);  // numbers without trailing zeros; lists space-separated

// What the type checker knows of a referenced id.
struct Symbol {
  Type type = Type::Any;
  // For a question inside a repeat group: the repeat's id. Such a question is
  // read from the current record when the expression belongs to the same
  // repeat, and only through count() or sum() elsewhere.
  std::string repeatId;
  // For a table: the ids of its rows and columns, so ${t/row/col} is checked.
  std::vector<std::string> rows, columns;
  // For a yes_no, single_choice or multiple_choice question: its values, so
  // that a value in quotes compared with it is checked. `kind` is its type
  // as written in the questionnaire ("yes_no", "single_choice", ...).
  std::vector<std::string> choices = {};
  std::string kind = {};
};
// Looks up an id; nullopt when there is no such question.
using SymbolTable = std::function<std::optional<Symbol>(std::string_view id)>;

// A problem found while compiling, at a 1-based column of the expression text.
struct CompileError {
  std::size_t column = 1;
  std::string message;
};

// Supplies answers while an expression is evaluated.
class Context {
 public:
  virtual ~Context() = default;
  // ${id} or ${id/row/col}: the answer, typed by its question (numbers as
  // double, multiple choice as a list, yes/no and choices as strings).
  // Inside a repeat, a sibling's value in the current record.
  virtual Value value(std::string_view path) const = 0;
  // The values of a question inside a repeat across all records
  // (for sum() and count()), or of all cells of a table (for sum()).
  virtual std::vector<Value> values(std::string_view id) const = 0;
  // The number of records of a repeat group.
  virtual std::size_t recordCount(std::string_view repeatId) const = 0;
  // `.`: the value of the question a constraint belongs to.
  virtual Value self() const = 0;
  // today(), as YYYY-MM-DD.
  virtual std::string today() const = 0;
  // position(..): the 1-based number of the current record of the repeat
  // group `repeatId`; 0 outside a record.
  virtual std::size_t position(std::string_view repeatId) const {
    (void)repeatId;
    return 0;
  }
};

class Expression {
 public:
  // Parses and type-checks `text`. `repeatId` is the repeat group the
  // expression belongs to ("" at top level); `selfType` the type of `.`
  // (nullopt where `.` is not allowed, i.e. outside constraints); `selfId`
  // the question `.` stands for, so its choices are known.
  // Returns every error found, not only the first.
  static std::variant<Expression, std::vector<CompileError>> compile(
      std::string_view text, const SymbolTable& symbols, const std::string& repeatId = {},
      std::optional<Type> selfType = std::nullopt, std::string_view selfId = {});

  Type type() const;
  const std::string& text() const;
  // The ids this expression reads (base question ids, each once, in order of
  // first use): the edges of the dependency graph.
  const std::vector<std::string>& references() const;
  bool usesToday() const;

  Value evaluate(const Context& context) const;

  struct Node;  // the compiled tree; defined in expression_ast.h

 private:
  std::shared_ptr<const Node> root_;
  std::string text_;
  std::vector<std::string> references_;
  Type type_ = Type::Any;
  bool usesToday_ = false;
  friend class Compiler;
};

}  // namespace focal::expr
