// XLSForm conformance: what authors coming from ODK, Kobo and CSPro expect
// of an expression, case by case. Each case names the peer file it comes
// from (read there, written here in Focal's syntax); where Focal differs on
// purpose, the case states Focal's answer and docs/questionnaire-format.md
// ("Differences from XLSForm") says why.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "forms/expression.h"

namespace focal::expr {
namespace {

// The peers.
constexpr const char* kEvalTest = "getodk/javarosa src/test/java/org/javarosa/xpath/test/XPathEvalTest.java";
constexpr const char* kEqExpr = "getodk/javarosa src/main/java/org/javarosa/xpath/expr/XPathEqExpr.java";
constexpr const char* kToNumeric =
    "getodk/javarosa src/main/java/org/javarosa/xpath/expr/XPathFuncExpr.java (toNumeric)";
constexpr const char* kSpec = "getodk/xforms-spec _sections/30-bindings.md (XPath functions)";
constexpr const char* kChoicesSheet =
    "XLSForm/pyxform tests/test_choices_sheet.py (test_numeric_choice_names__for_static_selects__allowed)";
constexpr const char* kIssue = "focal issue 15 item 9 (cases run from the peers above)";

std::optional<Symbol> lookup(std::string_view id) {
  static const std::map<std::string, Symbol, std::less<>> kSymbols = {
      {"n", {Type::Number, "", {}, {}}},
      {"z", {Type::Number, "", {}, {}}},
      {"u", {Type::Number, "", {}, {}}},
      {"d", {Type::Date, "", {}, {}}},
      {"t", {Type::String, "", {}, {}}},
      {"fruit", {Type::List, "", {}, {}, {"apple", "baby", "crimson"}, "multiple_choice"}},
      {"coded", {Type::String, "", {}, {}, {"1", "2", "99"}, "single_choice"}},
      {"people", {Type::Records, "", {}, {}}},
      {"name", {Type::String, "people", {}, {}}},
      {"age", {Type::Number, "people", {}, {}}},
  };
  const auto it = kSymbols.find(id);
  if (it == kSymbols.end()) return std::nullopt;
  return it->second;
}

class Answers : public Context {
 public:
  Value value(std::string_view path) const override {
    if (path == "n") return 10.0;
    if (path == "z") return 0.0;
    if (path == "d") return std::string("2024-03-05");
    if (path == "t") return std::string("  a  b ");
    if (path == "fruit") return std::vector<std::string>{"apple", "baby", "crimson"};
    if (path == "coded") return std::string("99");
    return {};
  }
  std::vector<Value> values(std::string_view id) const override {
    if (id == "name") return {std::string("A"), std::string("B"), std::string("C")};
    if (id == "age") return {30.0, Value(), 12.0};
    return {};
  }
  std::size_t recordCount(std::string_view repeatId) const override { return repeatId == "people" ? 3 : 0; }
  Value self() const override { return {}; }
  std::string today() const override { return "2024-06-15"; }
  std::size_t position(std::string_view repeatId) const override { return repeatId == "people" ? 2 : 0; }
};

std::string errorsOf(const std::variant<Expression, std::vector<CompileError>>& compiled) {
  std::string out;
  if (const auto* errors = std::get_if<std::vector<CompileError>>(&compiled)) {
    for (const CompileError& e : *errors) out += std::to_string(e.column) + ": " + e.message + "\n";
  }
  return out;
}

struct Case {
  const char* peer;
  const char* expression;
  Value expected;           // std::monostate: no answer
  const char* repeat = "";  // the repeat group the expression belongs to
};

std::string show(const Value& value) {
  if (isNull(value)) return "(no answer)";
  if (std::holds_alternative<std::string>(value)) return "'" + toString(value) + "'";
  return toString(value);
}

// Runs each case; a case that does not compile or gives another value fails
// with its peer named.
void run(const std::vector<Case>& cases) {
  const Answers answers;
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.expression) + "  [from " + c.peer + "]");
    auto compiled = Expression::compile(c.expression, lookup, c.repeat);
    if (!std::holds_alternative<Expression>(compiled)) {
      ADD_FAILURE() << "refused: " << errorsOf(compiled);
      continue;
    }
    const Value got = std::get<Expression>(compiled).evaluate(answers);
    if (std::holds_alternative<double>(got) && std::holds_alternative<double>(c.expected)) {
      EXPECT_NEAR(std::get<double>(got), std::get<double>(c.expected), 1e-9);
    } else {
      EXPECT_EQ(show(got), show(c.expected));
    }
  }
}

Value text(const char* s) { return std::string(s); }

TEST(XlsformConformance, DecimalEqualityWithinATolerance) {
  run({
      {kEvalTest, "6.1 - 7.8 = -1.7", true},
      {kEqExpr, "0.1 + 0.2 = 0.3", true},
      {kEqExpr, "0.1 + 0.2 != 0.3", false},
      {kEqExpr, "1 = 1.001", false},
      {kEvalTest, "17 = number('17.0000000')", true},
      {kEvalTest, "number('0017.') = 17", true},
      {kEvalTest, "3 != 4", true},
  });
}

TEST(XlsformConformance, DivisionByZeroIsInfinity) {
  run({
      {kIssue, "${n} div ${z} > 1", true},
      {kEvalTest, "1 div 0 > 1000000", true},
      {kEvalTest, "-1 div 0 < -1000000", true},
      {kEvalTest, "string(1 div 0)", text("Infinity")},
      {kEvalTest, "string(-1 div 0)", text("-Infinity")},
      {kEvalTest, "string(0 div 0)", text("NaN")},
      {kEvalTest, "0 div 0 = 0 div 0", false},
      {kEvalTest, "5 mod 0 = 5 mod 0", false},
      {kEvalTest, "-10 div -4", 2.5},
      {kEvalTest, "-5 mod 3", -2.0},
      // Focal: a calculation never stores Infinity or NaN (documented).
      {kEvalTest, "1 div 0", Value()},
  });
}

TEST(XlsformConformance, RoundingTakesHalvesUp) {
  run({
      {kIssue, "round(-2.5)", -2.0},
      {kEvalTest, "round('14.5')", 15.0},
      {kEvalTest, "round('-0.5')", 0.0},
      {kEvalTest, "round('14,6')", 15.0},
      {kEvalTest, "round('12345.15', 1)", 12345.2},
      {kEvalTest, "round('-12345.15', 1)", -12345.1},
      {kEvalTest, "round('12350.12345', -2)", 12400.0},
      {kEvalTest, "round('14.29123456789', 2)", 14.29},
      {kEvalTest, "round('14.29123456789', 1.5)", 14.3},
  });
}

TEST(XlsformConformance, NumberReadsTextAsXPathDoes) {
  run({
      {kEvalTest, "number('1.1e6')", Value()},
      {kToNumeric, "number('+5')", Value()},
      {kToNumeric, "number('14,6')", Value()},
      {kEvalTest, "number(' -12345.6789  ')", -12345.6789},
      {kEvalTest, "number('- 17')", Value()},
      {kEvalTest, "number('')", Value()},
      {kEvalTest, "number('Infinity')", Value()},
      {kEvalTest, "number('34.56.7')", Value()},
      {kEvalTest, "number('.1001')", 0.1001},
      {kEvalTest, "number(true())", 1.0},
      {kEvalTest, "-number('19')", -19.0},
      {kEvalTest, "number('123') * number('456')", 56088.0},
  });
}

TEST(XlsformConformance, SelectedIgnoresSpacesAroundTheValue) {
  run({
      {kEvalTest, "selected('apple baby crimson', '  baby  ')", true},
      {kEvalTest, "selected('apple baby crimson', 'bab')", false},
      {kEvalTest, "selected('', 'apple')", false},
      {kEvalTest, "selected(${fruit}, ' crimson ')", true},
      {kSpec, "selected-at('apple baby crimson', 2)", text("crimson")},
      {kSpec, "selected-at('apple baby', 2) = ''", true},
      {kSpec, "selected-at(${fruit}, 0)", text("apple")},
      {kSpec, "count-selected(${fruit})", 3.0},
  });
}

TEST(XlsformConformance, NumericChoiceCodesCompareAsNumbers) {
  run({
      {kChoicesSheet, "${coded} = 99", true},
      {kChoicesSheet, "${coded} = '99'", true},
      {kChoicesSheet, "${coded} != 1", true},
  });
  const auto wrong = Expression::compile("${coded} = 5", lookup);
  EXPECT_EQ(errorsOf(wrong), "12: '5' is not a value of 'coded'; its values are '1', '2' and '99'\n");
}

TEST(XlsformConformance, UnansweredNumberEqualsEmptyText) {
  run({
      {kSpec, "${u} = ''", true},
      {kSpec, "${n} = ''", false},
      {kSpec, "${z} != ''", true},
      {kSpec, "is-empty(${u})", true},
  });
}

TEST(XlsformConformance, TextFunctions) {
  run({
      {kEvalTest, "substr('hello',0)", text("hello")},
      {kEvalTest, "substr('hello',1,4)", text("ell")},
      {kEvalTest, "substr('hello',1,5)", text("ello")},
      {kEvalTest, "substr('hello',-2)", text("lo")},
      {kEvalTest, "substr('hello',0,-1)", text("hell")},
      {kEvalTest, "substring-before('hello','l')", text("he")},
      {kEvalTest, "substring-before('hello','q')", text("")},
      {kEvalTest, "substring-after('hello','l')", text("lo")},
      {kEvalTest, "substring-after('hello','')", text("hello")},
      {kEvalTest, "contains('abc', 'b')", true},
      {kEvalTest, "contains('abc', 'bcd')", false},
      {kEvalTest, "starts-with('', '')", true},
      {kEvalTest, "starts-with('', 'a')", false},
      {kEvalTest, "ends-with('abc', 'c')", true},
      {kEvalTest, "ends-with('abc', 'a')", false},
      {kEvalTest, "string(true())", text("true")},
      {kEvalTest, "string(-0)", text("0")},
      {kEvalTest, "string(123456.0000)", text("123456")},
      {kEvalTest, "string(.557586)", text("0.557586")},
      {kEvalTest, "concat('a','b','')", text("ab")},
      {kSpec, "normalize-space('  a  b ')", text("a b")},
      {kSpec, "string-length(normalize-space(${t}))", 3.0},
      {kSpec, "join(', ', ${fruit})", text("apple, baby, crimson")},
      {kSpec, "join('-', 'a', 'b')", text("a-b")},
      {kSpec, "join(' ', ${name})", text("A B C")},
      {kEvalTest, "boolean-from-string('true')", true},
      {kEvalTest, "boolean-from-string('whatever')", false},
      {kEvalTest, "boolean-from-string('1')", true},
      {kEvalTest, "boolean-from-string(1.0)", true},
      {kEvalTest, "boolean-from-string(1.0001)", false},
  });
}

TEST(XlsformConformance, NumberFunctions) {
  run({
      {kEvalTest, "abs(-3.5)", 3.5},
      {kEvalTest, "pow(2, 2)", 4.0},
      {kEvalTest, "pow(2.5, 2)", 6.25},
      {kEvalTest, "pow(-1, 3)", -1.0},
      {kEvalTest, "pow(16, 0.25)", 2.0},
      {kSpec, "int(-3.5)", -3.0},
      {kSpec, "int(3.9)", 3.0},
      {kSpec, "min(3, 1, 2)", 1.0},
      {kSpec, "max(3, 1, 2)", 3.0},
      {kSpec, "min(${n}, ${z})", 0.0},
      {kSpec, "max(${n}, ${u})", Value()},
      {kSpec, "floor(-1.5)", -2.0},
      {kSpec, "ceiling(1.2)", 2.0},
  });
}

TEST(XlsformConformance, DateFunctions) {
  run({
      {kEvalTest, "date('1996-02-29')", text("1996-02-29")},
      {kEvalTest, "date(14127)", text("2008-09-05")},
      {kEvalTest, "date(-10252)", text("1941-12-07")},
      {kEvalTest, "date(6.5)", text("1970-01-07")},
      {kEvalTest, "date('2004-05-01') = date('2004-05-01')", true},
      {kEvalTest, "date('2001-12-26') > date('2001-12-25')", true},
      {kEvalTest, "format-date('2018-01-02T10:20:30.123', \"%Y-%m-%e %H:%M:%S\")",
       text("2018-01-2 10:20:30")},
      {kSpec, "format-date('2024-03-05', '%d %b %Y, %a')", text("05 Mar 2024, Tue")},
      {kSpec, "format-date(${d}, '%y/%n/%e')", text("24/3/5")},
  });
}

TEST(XlsformConformance, RepeatFunctions) {
  run({
      {kEvalTest, "count-non-empty(${age})", 2.0},
      {kSpec, "indexed-repeat(${name}, ${people}, 2)", text("B")},
      {kSpec, "indexed-repeat(${name}, ${people}, 4) = ''", true},
      {kSpec, "indexed-repeat(${age}, ${people}, 1) + 1", 31.0},
      {kSpec, "position(..)", 2.0, "people"},
      {kSpec, "position(..) = count(${people})", false, "people"},
  });
}

// What Focal refuses, and that the message names what to write instead.
TEST(XlsformConformance, RefusedWithTheFocalEquivalent) {
  struct Refusal {
    const char* peer;
    const char* expression;
    const char* message;
  };
  const std::vector<Refusal> refusals = {
      {kSpec, "jr:choice-name(${coded}, '${coded}')",
       "1: unknown function 'jr:choice-name'; Focal has no jr:choice-name() (an XLSForm function): "
       "expressions "
       "work with choice values, not labels; compare the value, as in ${id} = 'value', and write ${id} in a "
       "label to show the chosen choice\n"},
      {kSpec, "now()",
       "1: unknown function 'now'; Focal has no now() (an XLSForm function): Focal answers hold dates, not "
       "times: use today()\n"},
      {kSpec, "substring('abc', 1, 2)",
       "1: unknown function 'substring'; Focal has no substring() (an XLSForm function): use substr(text, "
       "start, end), which counts from 0\n"},
      {kEvalTest, "date('1983-09-31')",
       "6: the value of date() must be a date, but '1983-09-31' is not a date written YYYY-MM-DD\n"},
      {kEvalTest, "date('not a date')",
       "6: the value of date() must be a date, but 'not a date' is not a date written YYYY-MM-DD\n"},
      {kSpec, "position(..)",
       "1: position(..) is the number of the current record of a repeat group: use it inside the group's "
       "questions\n"},
      {kSpec, "indexed-repeat(${n}, ${people}, 1)",
       "16: indexed-repeat() reads a question inside a repeat group, but 'n' is not in one\n"},
      {kEvalTest, "number()", "1: number() needs 1 value, but none were given\n"},
  };
  for (const Refusal& r : refusals) {
    SCOPED_TRACE(std::string(r.expression) + "  [from " + r.peer + "]");
    EXPECT_EQ(errorsOf(Expression::compile(r.expression, lookup)), r.message);
  }
}

// "Did you mean" offers only a close name: one letter off keeping the first
// letter for a short name (not 'min' for sin), and nothing for a name
// nothing like any function.
TEST(XlsformConformance, DidYouMeanOnlyForCloseNames) {
  const auto message = [](const char* expression) {
    return errorsOf(Expression::compile(expression, lookup));
  };
  // XLSForm's sin, log and sqrt are not near min, not or sum.
  EXPECT_EQ(message("sin(1)").find("did you mean"), std::string::npos);
  EXPECT_EQ(message("log(2)").find("did you mean"), std::string::npos);
  EXPECT_EQ(message("sqrt(2)").find("did you mean"), std::string::npos);
  EXPECT_NE(message("powr(2, 2)").find("did you mean 'pow'?"), std::string::npos);
  EXPECT_NE(message("substr-after('a', 'b')").find("did you mean 'substring-after'?"), std::string::npos);
  EXPECT_NE(message("INT(2.5)").find("did you mean 'int'?"), std::string::npos);
  EXPECT_EQ(message("xyz(1)").find("did you mean"), std::string::npos);
  EXPECT_NE(message("xyz(1)").find("the functions are not, if,"), std::string::npos);
  EXPECT_NE(message("empty(${n})").find("use is-empty(x)"), std::string::npos);
}

}  // namespace
}  // namespace focal::expr
