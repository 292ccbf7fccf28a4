// Evaluating a compiled expression, and the value helpers of expression.h.
//
// Semantics of "no answer" (null): it equals '' and null, and nothing else;
// arithmetic with it gives null; an order comparison (<, <=, >, >=) with it
// is false; and, or, not() and if() read it as false. string-length(null)
// and count-selected(null) are 0, selected(null, x) is false.
//
// As in XLSForm (JavaRosa): division by zero gives Infinity (0 div 0 and
// x mod 0 give NaN), so ${n} div ${z} > 1 holds when ${z} is 0; numbers are
// equal when they differ by less than 1e-12, so 0.1 + 0.2 = 0.3; round()
// takes halves up, so round(-2.5) is -2. An expression whose final value is
// Infinity or NaN gives no answer: a calculation never stores one.
//
// Values whose type was only known at run time (Any) are converted where an
// operator needs them: text that reads as a number counts as that number.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

#include "forms/expression.h"
#include "forms/expression_ast.h"
#include "forms/expression_functions.h"
#include "forms/expression_library.h"
#include "forms/utf8.h"

namespace focal::expr {

namespace {

void appendNumber(std::string& out, double x) {
  if (std::isnan(x)) {
    out += "NaN";
    return;
  }
  if (std::isinf(x)) {
    out += x > 0 ? "Infinity" : "-Infinity";
    return;
  }
  if (x == 0) {
    out += '0';  // also for -0
    return;
  }
  char buffer[64];
  std::to_chars_result result;
  if (std::fabs(x) < 1e15 && x == std::trunc(x)) {
    result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(x));
  } else {
    // 15 significant digits: 0.1 + 0.2 shows as 0.3, as people expect.
    result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 15);
  }
  out.append(buffer, result.ptr);
}

void appendValue(std::string& out, const Value& value) {
  switch (value.index()) {
    case 1:
      out += std::get<bool>(value) ? "true" : "false";
      break;
    case 2:
      appendNumber(out, std::get<double>(value));
      break;
    case 3:
      out += std::get<std::string>(value);
      break;
    case 4: {
      bool first = true;
      for (const std::string& item : std::get<std::vector<std::string>>(value)) {
        if (!first) out += ' ';
        out += item;
        first = false;
      }
      break;
    }
    default:
      break;
  }
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// JavaRosa's tolerance for '=' between numbers.
constexpr double kEqualityTolerance = 1e-12;
bool sameNumber(double x, double y) { return x == y || std::fabs(x - y) < kEqualityTolerance; }

// A value as a number, as XPath reads text (expression_library.h).
std::optional<double> toNumber(const Value& value) { return numberOf(value); }

// Answered: not null, not '' and not an empty selection.
bool present(const Value& value) {
  switch (value.index()) {
    case 0:
      return false;
    case 3:
      return !std::get<std::string>(value).empty();
    case 4:
      return !std::get<std::vector<std::string>>(value).empty();
    default:
      return true;
  }
}

bool equal(const Value& a, const Value& b) {
  if (isNull(a) || isNull(b)) {
    const Value& other = isNull(a) ? b : a;
    return isNull(other) || ((other.index() == 3 || other.index() == 4) && !present(other));
  }
  if (a.index() == 2 && b.index() == 2) return sameNumber(std::get<double>(a), std::get<double>(b));
  if (a.index() == b.index()) return a == b;
  if (a.index() == 1 || b.index() == 1) {
    // XPath: against true/false, the other side counts as true/false.
    return (a.index() == 1 ? std::get<bool>(a) : std::get<bool>(b)) == truthy(a.index() == 1 ? b : a);
  }
  if (a.index() == 4 || b.index() == 4) return toString(a) == toString(b);
  // A number and text: equal when the text reads as that number.
  const std::optional<double> x = toNumber(a), y = toNumber(b);
  return x && y && sameNumber(*x, *y);
}

// -1, 0 or 1; nullopt when the two cannot be ordered (null, lists, NaN,
// text that is not a number against a number).
std::optional<int> order(const Value& a, const Value& b) {
  if (isNull(a) || isNull(b) || a.index() == 4 || b.index() == 4) return std::nullopt;
  if (a.index() == 3 && b.index() == 3) {
    const int c = std::get<std::string>(a).compare(std::get<std::string>(b));
    return (c > 0) - (c < 0);
  }
  const std::optional<double> x = toNumber(a), y = toNumber(b);
  if (!x || !y) return std::nullopt;
  if (*x < *y) return -1;
  if (*x > *y) return 1;
  if (*x == *y) return 0;
  return std::nullopt;
}

Value arithmetic(Op op, const Value& a, const Value& b) {
  const std::optional<double> x = toNumber(a), y = toNumber(b);
  if (!x || !y) return {};
  double result = 0;
  switch (op) {
    case Op::Add:
      result = *x + *y;
      break;
    case Op::Subtract:
      result = *x - *y;
      break;
    case Op::Multiply:
      result = *x * *y;
      break;
    case Op::Divide:
      result = *x / *y;  // IEEE 754: 1 div 0 is Infinity, 0 div 0 is NaN
      break;
    case Op::Modulo:
      result = std::fmod(*x, *y);  // x mod 0 is NaN
      break;
    default:
      return {};
  }
  return result;
}

// Rounds half up (towards +Infinity, as XLSForm: round(-2.5) is -2) at `digits` decimals (negative: tens,
// hundreds). The scaled value is first cut to 15 significant digits so that
// round(2.675, 2) is 2.68 although 2.675 is stored as 2.67499999...
double roundTo(double x, double digits) {
  if (!std::isfinite(x) || !std::isfinite(digits)) return x;
  const int places = static_cast<int>(std::clamp(std::trunc(digits), -300.0, 300.0));
  if (places > 15) return x;
  const double factor = std::pow(10.0, std::abs(places));
  double scaled = places >= 0 ? x * factor : x / factor;
  if (!std::isfinite(scaled) || std::fabs(scaled) >= 1e15) return x;
  char buffer[64];
  const auto printed = std::to_chars(buffer, buffer + sizeof buffer, scaled, std::chars_format::general, 15);
  std::from_chars(buffer, printed.ptr, scaled);
  const double rounded = std::floor(scaled + 0.5);
  const double result = places >= 0 ? rounded / factor : rounded * factor;
  return std::isfinite(result) ? result : x;
}

// Calls f(word) for each space-separated word of a selection held as text.
template <typename F>
bool anyWord(std::string_view s, F&& f) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start && f(s.substr(start, i - start))) return true;
  }
  return false;
}

bool selected(const Value& answer, const Value& choice) {
  if (!present(answer) || isNull(choice)) return false;
  std::string wanted;
  appendValue(wanted, choice);
  // selected(${q}, ' a ') is selected(${q}, 'a'), as in JavaRosa.
  while (!wanted.empty() && isSpace(wanted.back())) wanted.pop_back();
  const std::size_t first = wanted.find_first_not_of(" \t\r\n");
  wanted.erase(0, first == std::string::npos ? wanted.size() : first);
  switch (answer.index()) {
    case 3:
      return anyWord(std::get<std::string>(answer), [&](std::string_view word) { return word == wanted; });
    case 4: {
      const auto& list = std::get<std::vector<std::string>>(answer);
      return std::find(list.begin(), list.end(), wanted) != list.end();
    }
    default:
      return toString(answer) == wanted;
  }
}

double countSelected(const Value& answer) {
  switch (answer.index()) {
    case 0:
      return 0;
    case 3: {
      double count = 0;
      anyWord(std::get<std::string>(answer), [&](std::string_view) {
        ++count;
        return false;
      });
      return count;
    }
    case 4:
      return static_cast<double>(std::get<std::vector<std::string>>(answer).size());
    default:
      return 1;
  }
}

}  // namespace

const char* typeName(Type type) {
  switch (type) {
    case Type::Boolean:
      return "true/false";
    case Type::Number:
      return "number";
    case Type::String:
      return "text";
    case Type::Date:
      return "date";
    case Type::List:
      return "multiple choice";
    case Type::Records:
      return "repeat group";
    case Type::Cells:
      return "table";
    case Type::Any:
      break;
  }
  return "any";
}

bool isNull(const Value& value) { return std::holds_alternative<std::monostate>(value); }

bool truthy(const Value& value) {
  switch (value.index()) {
    case 1:
      return std::get<bool>(value);
    case 2: {
      const double x = std::get<double>(value);
      return x != 0 && !std::isnan(x);
    }
    case 3:
      return !std::get<std::string>(value).empty();
    case 4:
      return !std::get<std::vector<std::string>>(value).empty();
    default:
      return false;
  }
}

std::string toString(const Value& value) {
  std::string out;
  appendValue(out, value);
  return out;
}

Type Expression::type() const { return type_; }
const std::string& Expression::text() const { return text_; }
const std::vector<std::string>& Expression::references() const { return references_; }
bool Expression::usesToday() const { return usesToday_; }

Value Expression::evaluate(const Context& context) const {
  if (!root_) return {};
  const Node& node = *root_;
  // Most expressions need two or three slots: no allocation for those.
  constexpr std::size_t kInline = 8;
  Value inlineStack[kInline];
  std::vector<Value> heapStack;
  Value* stack = inlineStack;
  if (node.maxStack > kInline) {
    heapStack.resize(node.maxStack);
    stack = heapStack.data();
  }
  std::size_t sp = 0;  // the number of values on the stack
  const std::size_t size = node.code.size();
  for (std::size_t pc = 0; pc < size; ++pc) {
    const Instruction& in = node.code[pc];
    switch (in.op) {
      case Op::PushConst:
        stack[sp++] = node.constants[in.operand];
        break;
      case Op::PushNull:
        stack[sp++] = std::monostate{};
        break;
      case Op::Load:
        stack[sp++] = context.value(node.paths[in.operand]);
        break;
      case Op::LoadSelf:
        stack[sp++] = context.self();
        break;
      case Op::Today:
        stack[sp++] = context.today();
        break;
      case Op::CountRecords:
        stack[sp++] = static_cast<double>(context.recordCount(node.paths[in.operand]));
        break;
      case Op::CountAnswered: {
        const std::vector<Value> values = context.values(node.paths[in.operand]);
        stack[sp++] = static_cast<double>(std::count_if(values.begin(), values.end(), present));
        break;
      }
      case Op::SumValues: {
        double sum = 0;
        for (const Value& value : context.values(node.paths[in.operand])) {
          if (const std::optional<double> x = toNumber(value)) sum += *x;
        }
        stack[sp++] = std::isfinite(sum) ? Value(sum) : Value();
        break;
      }
      case Op::Negate: {
        Value& top = stack[sp - 1];
        const std::optional<double> x = toNumber(top);
        top = x ? Value(-*x) : Value();
        break;
      }
      case Op::Not:
        stack[sp - 1] = !truthy(stack[sp - 1]);
        break;
      case Op::ToBoolean:
        stack[sp - 1] = truthy(stack[sp - 1]);
        break;
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide:
      case Op::Modulo: {
        Value& left = stack[sp - 2];
        const Value& right = stack[sp - 1];
        if (left.index() == 2 && right.index() == 2 && in.op == Op::Add) {
          left = std::get<double>(left) + std::get<double>(right);
        } else {
          left = arithmetic(in.op, left, right);
        }
        --sp;
        break;
      }
      case Op::Equal:
      case Op::NotEqual: {
        Value& left = stack[sp - 2];
        const bool same = equal(left, stack[sp - 1]);
        left = (in.op == Op::Equal) == same;
        --sp;
        break;
      }
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual: {
        Value& left = stack[sp - 2];
        const std::optional<int> c = order(left, stack[sp - 1]);
        bool result = false;
        if (c) {
          result = in.op == Op::Less        ? *c < 0
                   : in.op == Op::LessEqual ? *c <= 0
                   : in.op == Op::Greater   ? *c > 0
                                            : *c >= 0;
        }
        left = result;
        --sp;
        break;
      }
      case Op::AndJump:
        if (!truthy(stack[sp - 1])) {
          stack[sp - 1] = false;
          pc = in.operand - 1;
        } else {
          --sp;
        }
        break;
      case Op::OrJump:
        if (truthy(stack[sp - 1])) {
          stack[sp - 1] = true;
          pc = in.operand - 1;
        } else {
          --sp;
        }
        break;
      case Op::JumpIfFalse:
        --sp;
        if (!truthy(stack[sp])) pc = in.operand - 1;
        break;
      case Op::Jump:
        pc = in.operand - 1;
        break;
      case Op::JumpIfPresent:
        if (present(stack[sp - 1])) {
          pc = in.operand - 1;
        } else {
          --sp;
        }
        break;
      case Op::StringLength: {
        Value& top = stack[sp - 1];
        double length = 0;
        if (top.index() == 3) {
          length = static_cast<double>(utf8Length(std::get<std::string>(top)));
        } else if (!isNull(top)) {
          length = static_cast<double>(utf8Length(toString(top)));
        }
        top = length;
        break;
      }
      case Op::CountSelected:
        stack[sp - 1] = countSelected(stack[sp - 1]);
        break;
      case Op::Selected: {
        Value& answer = stack[sp - 2];
        answer = selected(answer, stack[sp - 1]);
        --sp;
        break;
      }
      case Op::Concat: {
        const std::size_t count = in.operand;
        std::string result;
        for (std::size_t i = sp - count; i < sp; ++i) appendValue(result, stack[i]);
        sp -= count - 1;
        stack[sp - 1] = std::move(result);
        break;
      }
      case Op::Round: {
        const std::size_t count = in.operand;
        Value& target = stack[sp - count];
        // round('14,6') is 15, as in JavaRosa: a decimal comma is read as a point.
        if (target.index() == 3)
          std::replace(std::get<std::string>(target).begin(), std::get<std::string>(target).end(), ',', '.');
        const std::optional<double> x = toNumber(target);
        std::optional<double> digits = 0.0;
        if (count == 2) digits = toNumber(stack[sp - 1]);
        target = (x && digits) ? Value(roundTo(*x, *digits)) : Value();
        sp -= count - 1;
        break;
      }
      case Op::IsEmpty: {
        Value& top = stack[sp - 1];
        top = !present(top);
        break;
      }
      case Op::Regex: {
        Value& subject = stack[sp - 2];
        subject = matchesPattern(*node.regexes[in.operand], subject);
        --sp;
        break;
      }
      case Op::DateDiff: {
        Value& from = stack[sp - 3];
        from = dateDifference(from, stack[sp - 2], static_cast<DateUnit>(in.operand));
        sp -= 2;
        break;
      }
      case Op::Call: {
        const std::size_t count = in.operand & 0xFF;
        Value* args = stack + sp - count;
        Value result = callLibrary(static_cast<Lib>(in.operand >> 8), args, count);
        sp -= count;
        stack[sp++] = std::move(result);
        break;
      }
      case Op::IndexedValue: {
        Value& top = stack[sp - 1];
        const std::optional<double> n = toNumber(top);
        top = std::monostate{};
        if (n && *n >= 1) {
          const std::vector<Value> values = context.values(node.paths[in.operand]);
          const double index = std::floor(*n);
          if (index <= static_cast<double>(values.size())) top = values[static_cast<std::size_t>(index) - 1];
        }
        break;
      }
      case Op::Position: {
        const std::size_t position = context.position(node.paths[in.operand]);
        stack[sp++] = position == 0 ? Value() : Value(static_cast<double>(position));
        break;
      }
      case Op::LoadAll: {
        std::vector<std::string> items;
        for (const Value& value : context.values(node.paths[in.operand])) {
          if (present(value)) items.push_back(toString(value));
        }
        stack[sp++] = std::move(items);
        break;
      }
      case Op::ToNumber: {
        Value& top = stack[sp - 1];
        const std::optional<double> x = toNumber(top);
        top = x ? Value(*x) : Value();
        break;
      }
    }
  }
  if (sp == 0) return {};
  Value& result = stack[sp - 1];
  // Infinity and NaN live only inside an expression: as a result, no answer.
  if (result.index() == 2 && !std::isfinite(std::get<double>(result))) return {};
  return std::move(result);
}

}  // namespace focal::expr
