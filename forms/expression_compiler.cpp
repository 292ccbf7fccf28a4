// The checking half of the expression compiler: type checks of the operands
// of operators and functions (with the hints for a misspelt choice value or a
// multiple-choice answer used as a value), error reporting with columns,
// emitting instructions, and the check of the emitted code's stack depth
// that the evaluator relies on.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/utf8.h"

#include "forms/expression_compiler_internal.h"

namespace focal::expr {

namespace detail {

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

}  // namespace detail

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

}  // namespace focal::expr
