// Fuzz target for expressions: compiles arbitrary text against a small fixed
// questionnaire, in a top-level and a constraint-in-a-repeat setting, and
// evaluates what compiles against answers of every kind and against no
// answers. Beyond crashes, it checks what the engine promises: error columns
// lie within the text, messages are valid UTF-8, and a value has the type the
// checker gave the expression.
//
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//     tests/fuzz/expression_fuzz.cpp forms/expression_*.cpp forms/diagnostics.cpp
//   ./a.out tests/fuzz/corpus/expression

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "forms/expression.h"

namespace {

using focal::expr::CompileError;
using focal::expr::Context;
using focal::expr::Expression;
using focal::expr::Symbol;
using focal::expr::Type;
using focal::expr::Value;

std::optional<Symbol> lookup(std::string_view id) {
  static const std::map<std::string, Symbol, std::less<>> kSymbols = {
      {"a", {Type::String, "", {}, {}}},   {"n", {Type::Number, "", {}, {}}},
      {"d", {Type::Date, "", {}, {}}},     {"m", {Type::List, "", {}, {}}},
      {"b", {Type::Boolean, "", {}, {}}},  {"x", {Type::Any, "", {}, {}}},
      {"r", {Type::Records, "", {}, {}}},  {"rn", {Type::Number, "r", {}, {}}},
      {"rs", {Type::String, "r", {}, {}}}, {"t", {Type::Cells, "", {"r1", "r2"}, {"c1", "c2"}}},
  };
  const auto it = kSymbols.find(id);
  if (it == kSymbols.end()) return std::nullopt;
  return it->second;
}

class FixedContext : public Context {
 public:
  explicit FixedContext(bool answered) : answered_(answered) {}
  Value value(std::string_view path) const override {
    if (!answered_) return {};
    if (path == "a" || path == "rs") return std::string("yes");
    if (path == "n" || path == "rn") return 42.0;
    if (path == "d") return std::string("2020-02-29");
    if (path == "m") return std::vector<std::string>{"labour", "organs"};
    if (path == "b") return true;
    if (path == "x") return std::string("3");
    if (path.substr(0, 2) == "t/") return 1.5;
    return {};
  }
  std::vector<Value> values(std::string_view id) const override {
    if (!answered_) return {};
    if (id == "rs") return {std::string("a"), Value(), std::string()};
    return {1.0, Value(), -2.5, std::string("7"), std::string("x")};
  }
  std::size_t recordCount(std::string_view) const override { return answered_ ? 3 : 0; }
  Value self() const override { return answered_ ? Value(7.0) : Value(); }
  std::string today() const override { return "2024-06-15"; }

 private:
  bool answered_;
};

void check(bool condition) {
  if (!condition) std::abort();
}

bool validUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80                 ? 1
                    : b >= 0xC2 && b <= 0xDF ? 2
                    : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4
                                             : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

bool fits(Type type, const Value& value) {
  if (focal::expr::isNull(value)) return true;
  switch (type) {
    case Type::Boolean:
      return std::holds_alternative<bool>(value);
    case Type::Number:
      return std::holds_alternative<double>(value);
    case Type::String:
    case Type::Date:
      return std::holds_alternative<std::string>(value);
    case Type::List:
      return std::holds_alternative<std::vector<std::string>>(value);
    default:
      return true;
  }
}

void run(std::string_view text, const std::string& repeatId, std::optional<Type> selfType) {
  auto result = Expression::compile(text, lookup, repeatId, selfType);
  if (auto* errors = std::get_if<std::vector<CompileError>>(&result)) {
    check(!errors->empty());
    std::size_t characters = 0;
    for (char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    for (const CompileError& error : *errors) {
      check(error.column >= 1 && error.column <= characters + 1);
      check(!error.message.empty() && validUtf8(error.message));
    }
    return;
  }
  const Expression& expression = std::get<Expression>(result);
  check(expression.text() == text);
  for (const std::string& id : expression.references()) check(lookup(id).has_value());
  for (bool answered : {true, false}) {
    const Value value = expression.evaluate(FixedContext(answered));
    check(fits(expression.type(), value));
    (void)focal::expr::toString(value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  run(text, "", std::nullopt);
  run(text, "r", Type::Number);
  return 0;
}
