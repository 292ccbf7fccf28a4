// Expressions: parsing, type checking with its messages and columns, and
// evaluation, against a small questionnaire of every kind of question.

#include "forms/expression.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace focal::expr {
namespace {

using List = std::vector<std::string>;

// The questionnaire the expressions are checked against.
std::optional<Symbol> lookup(std::string_view id) {
  static const std::map<std::string, Symbol, std::less<>> kSymbols = {
      {"yes_no_q", {Type::String, "", {}, {}}},
      {"name", {Type::String, "", {}, {}}},
      {"age", {Type::Number, "", {}, {}}},
      {"income", {Type::Number, "", {}, {}}},
      {"birth", {Type::Date, "", {}, {}}},
      {"sectors", {Type::List, "", {}, {}}},
      {"single", {Type::String, "", {}, {}}},
      {"calc", {Type::Any, "", {}, {}}},
      {"flag", {Type::Boolean, "", {}, {}}},
      {"members", {Type::Records, "", {}, {}}},
      {"member_age", {Type::Number, "members", {}, {}}},
      {"member_name", {Type::String, "members", {}, {}}},
      {"cases", {Type::Cells, "", {"men", "women"}, {"y2019", "y2020"}}},
  };
  const auto it = kSymbols.find(id);
  if (it == kSymbols.end()) return std::nullopt;
  return it->second;
}

class FakeContext : public Context {
 public:
  std::map<std::string, Value, std::less<>> answers;
  std::map<std::string, std::vector<Value>, std::less<>> across;
  std::map<std::string, std::size_t, std::less<>> records;
  Value selfValue;
  std::string todayValue = "2024-06-15";

  Value value(std::string_view path) const override {
    const auto it = answers.find(path);
    return it == answers.end() ? Value() : it->second;
  }
  std::vector<Value> values(std::string_view id) const override {
    const auto it = across.find(id);
    return it == across.end() ? std::vector<Value>() : it->second;
  }
  std::size_t recordCount(std::string_view repeatId) const override {
    const auto it = records.find(repeatId);
    return it == records.end() ? 0 : it->second;
  }
  Value self() const override { return selfValue; }
  std::string today() const override { return todayValue; }
};

std::string describe(const std::vector<CompileError>& errors) {
  std::string out;
  for (const CompileError& e : errors) out += std::to_string(e.column) + ": " + e.message + "\n";
  return out;
}

class ExpressionTest : public ::testing::Test {
 protected:
  Expression compile(std::string_view text, const std::string& repeat = {},
                     std::optional<Type> self = std::nullopt) {
    auto result = Expression::compile(text, lookup, repeat, self);
    if (auto* errors = std::get_if<std::vector<CompileError>>(&result)) {
      ADD_FAILURE() << "'" << text << "' did not compile:\n" << describe(*errors);
      return {};
    }
    return std::get<Expression>(std::move(result));
  }

  // All errors, one per line as "column: message".
  std::string errors(std::string_view text, const std::string& repeat = {},
                     std::optional<Type> self = std::nullopt) {
    auto result = Expression::compile(text, lookup, repeat, self);
    if (std::holds_alternative<Expression>(result)) return "compiled";
    return describe(std::get<std::vector<CompileError>>(result));
  }

  Value eval(std::string_view text, const std::string& repeat = {}, std::optional<Type> self = std::nullopt) {
    return compile(text, repeat, self).evaluate(context);
  }

  FakeContext context;
};

// ------------------------------------------------------------------ parsing

TEST_F(ExpressionTest, ArithmeticAndPrecedence) {
  EXPECT_EQ(eval("1 + 2 * 3"), Value(7.0));
  EXPECT_EQ(eval("(1 + 2) * 3"), Value(9.0));
  EXPECT_EQ(eval("10 - 4 - 3"), Value(3.0));  // left to right
  EXPECT_EQ(eval("12 div 2 div 3"), Value(2.0));
  EXPECT_EQ(eval("7 div 2"), Value(3.5));
  EXPECT_EQ(eval("7 mod 3"), Value(1.0));
  EXPECT_EQ(eval("-7 mod 3"), Value(-1.0));
  EXPECT_EQ(eval("-2 * 3"), Value(-6.0));
  EXPECT_EQ(eval("- -2"), Value(2.0));
  EXPECT_EQ(eval("2 - -2"), Value(4.0));
  EXPECT_EQ(eval(".5 + 1"), Value(1.5));
  EXPECT_EQ(eval("3.25"), Value(3.25));
  EXPECT_EQ(eval("12. + 1"), Value(13.0));
}

TEST_F(ExpressionTest, AndBindsTighterThanOr) {
  EXPECT_EQ(eval("true() or false() and false()"), Value(true));
  EXPECT_EQ(eval("(true() or false()) and false()"), Value(false));
}

TEST_F(ExpressionTest, ComparisonBindsLooserThanArithmetic) {
  EXPECT_EQ(eval("1 + 1 = 2"), Value(true));
  EXPECT_EQ(eval("2 * 3 > 5 and 1 < 2"), Value(true));
  EXPECT_EQ(eval("1 < 2 = true()"), Value(true));  // relational before equality
  EXPECT_EQ(eval("3 >= 3 and 3 <= 3 and 3 != 4"), Value(true));
}

TEST_F(ExpressionTest, TextLiterals) {
  EXPECT_EQ(eval("'it''s'"), Value(std::string("it's")));
  EXPECT_EQ(eval("\"say \"\"hi\"\"\""), Value(std::string("say \"hi\"")));
  EXPECT_EQ(eval("\"it's\""), Value(std::string("it's")));
  EXPECT_EQ(eval("''"), Value(std::string()));
  EXPECT_EQ(compile("'x'").type(), Type::String);
}

TEST_F(ExpressionTest, WhitespaceAndLineBreaksSeparateTokens) {
  EXPECT_EQ(eval("\n1\t+\r\n2 "), Value(3.0));
  EXPECT_EQ(eval("1\xC2\xA0+ 2"), Value(3.0));  // a no-break space
}

TEST_F(ExpressionTest, LongOperatorChainsAreNotNesting) {
  std::string text = "${age}";
  for (int i = 0; i < 1500; ++i) text += " + 1";
  context.answers["age"] = 1.0;
  EXPECT_EQ(eval(text), Value(1501.0));
  std::string conditions = "true()";
  for (int i = 0; i < 800; ++i) conditions += " and 1 = 1";
  EXPECT_EQ(eval(conditions), Value(true));
}

TEST_F(ExpressionTest, ManyUnaryMinusSigns) {
  EXPECT_EQ(eval(std::string(5000, '-') + "3"), Value(3.0));
  EXPECT_EQ(eval(std::string(5001, '-') + "3"), Value(-3.0));
}

TEST_F(ExpressionTest, ReferencesAreBaseIdsOnceInOrder) {
  const Expression e = compile("${income} + ${age} + ${income} + ${cases/men/y2019} + sum(${member_age})");
  EXPECT_EQ(e.references(), (List{"income", "age", "cases", "member_age"}));
  EXPECT_EQ(e.text(), "${income} + ${age} + ${income} + ${cases/men/y2019} + sum(${member_age})");
  EXPECT_TRUE(compile("1 = 1").references().empty());
  EXPECT_EQ(compile(". > ${age}", "", Type::Number).references(), List{"age"});
}

TEST_F(ExpressionTest, UsesToday) {
  EXPECT_TRUE(compile("${birth} < today()").usesToday());
  EXPECT_FALSE(compile("${birth} < '2020-01-01'").usesToday());
}

TEST_F(ExpressionTest, StaticTypes) {
  EXPECT_EQ(compile("${age} + 1").type(), Type::Number);
  EXPECT_EQ(compile("${age} > 1").type(), Type::Boolean);
  EXPECT_EQ(compile("${name}").type(), Type::String);
  EXPECT_EQ(compile("today()").type(), Type::Date);
  EXPECT_EQ(compile("${sectors}").type(), Type::List);
  EXPECT_EQ(compile("${calc}").type(), Type::Any);
  EXPECT_EQ(compile("concat(${age})").type(), Type::String);
  EXPECT_EQ(compile("count(${members})").type(), Type::Number);
}

TEST_F(ExpressionTest, DefaultExpressionEvaluatesToNull) {
  const Expression e;
  EXPECT_TRUE(isNull(e.evaluate(context)));
  EXPECT_TRUE(e.references().empty());
}

// ------------------------------------------------------------------ functions

TEST_F(ExpressionTest, Not) {
  EXPECT_EQ(eval("not(1 = 2)"), Value(true));
  EXPECT_EQ(eval("not(true())"), Value(false));
  EXPECT_EQ(eval("not(${calc})"), Value(true));  // no answer reads as false
}

TEST_F(ExpressionTest, IfEvaluatesOnlyTheBranchTaken) {
  context.answers["age"] = 20.0;
  EXPECT_EQ(eval("if(${age} >= 18, 'adult', 'child')"), Value(std::string("adult")));
  EXPECT_EQ(eval("if(${age} < 18, 'adult', 'child')"), Value(std::string("child")));
  EXPECT_EQ(eval("if(true(), 1, 1 div 0)"), Value(1.0));
  EXPECT_EQ(eval("if(${calc}, 1, 2)"), Value(2.0));
  EXPECT_EQ(eval("if(1 = 1, if(2 = 3, 'a', 'b'), 'c')"), Value(std::string("b")));
  EXPECT_EQ(eval("1 + if(false(), 1, 2) * 10"), Value(21.0));
}

TEST_F(ExpressionTest, IfWithEmptyTextMeansNoAnswer) {
  context.answers["age"] = 4.0;
  const Expression e = compile("if(${age} > 5, ${age}, '')");
  EXPECT_EQ(e.type(), Type::Number);
  EXPECT_TRUE(isNull(e.evaluate(context)));
  context.answers["age"] = 6.0;
  EXPECT_EQ(e.evaluate(context), Value(6.0));
  EXPECT_EQ(compile("if(true(), '', 'x')").type(), Type::String);
  EXPECT_EQ(compile("if(true(), today(), '2020-01-01')").type(), Type::Date);
}

TEST_F(ExpressionTest, Selected) {
  context.answers["sectors"] = List{"labour", "sexual"};
  context.answers["single"] = std::string("labour");
  EXPECT_EQ(eval("selected(${sectors}, 'labour')"), Value(true));
  EXPECT_EQ(eval("selected(${sectors}, 'organs')"), Value(false));
  EXPECT_EQ(eval("selected(${single}, 'labour')"), Value(true));
  EXPECT_EQ(eval("selected(${single}, 'lab')"), Value(false));
  EXPECT_EQ(eval("selected(${calc}, 'x')"), Value(false));
  context.answers["calc"] = std::string("a b c");  // a selection held as text
  EXPECT_EQ(eval("selected(${calc}, 'b')"), Value(true));
  EXPECT_EQ(eval("selected(${calc}, 'a b')"), Value(false));
}

TEST_F(ExpressionTest, CountSelected) {
  context.answers["sectors"] = List{"labour", "sexual"};
  EXPECT_EQ(eval("count-selected(${sectors})"), Value(2.0));
  context.answers["sectors"] = List{};
  EXPECT_EQ(eval("count-selected(${sectors})"), Value(0.0));
  context.answers["calc"] = std::string(" a  b ");
  EXPECT_EQ(eval("count-selected(${calc})"), Value(2.0));
  EXPECT_EQ(eval("count-selected(${sectors}) + 1 > 0"), Value(true));
}

TEST_F(ExpressionTest, CountRecordsAndAnsweredChildren) {
  context.records["members"] = 3;
  context.across["member_age"] = {Value(30.0), Value(), Value(41.0)};
  context.across["member_name"] = {Value(std::string("A")), Value(std::string()), Value()};
  EXPECT_EQ(eval("count(${members})"), Value(3.0));
  EXPECT_EQ(eval("count(${member_age})"), Value(2.0));
  EXPECT_EQ(eval("count(${member_name})"), Value(1.0));
  EXPECT_EQ(compile("count(${member_age})").references(), List{"member_age"});
  EXPECT_EQ(eval("count(${members}) = 0"), Value(false));
}

TEST_F(ExpressionTest, SumAcrossRecordsSkipsUnanswered) {
  context.across["member_age"] = {Value(30.0), Value(), Value(12.5)};
  EXPECT_EQ(eval("sum(${member_age})"), Value(42.5));
  context.across["member_age"] = {};
  EXPECT_EQ(eval("sum(${member_age})"), Value(0.0));
}

TEST_F(ExpressionTest, SumOfATable) {
  context.across["cases"] = {Value(1.0), Value(2.0), Value(), Value(4.0)};
  EXPECT_EQ(eval("sum(${cases})"), Value(7.0));
  context.answers["cases/men/y2020"] = 2.0;
  EXPECT_EQ(eval("${cases/men/y2020} * 2"), Value(4.0));
  EXPECT_EQ(eval("count(${cases})"), Value(3.0));
}

TEST_F(ExpressionTest, InsideARepeatAggregatesStillWork) {
  context.across["member_age"] = {Value(1.0), Value(2.0)};
  context.answers["member_age"] = 2.0;
  EXPECT_EQ(eval("${member_age} = sum(${member_age}) - 1", "members"), Value(true));
}

TEST_F(ExpressionTest, StringLengthCountsCharacters) {
  context.answers["name"] = std::string("Côte d\xE2\x80\x99Ivoire");  // ô and ’ are one each
  EXPECT_EQ(eval("string-length(${name})"), Value(13.0));
  EXPECT_EQ(eval("string-length('')"), Value(0.0));
  EXPECT_EQ(eval("string-length(${single})"), Value(0.0));
  EXPECT_EQ(eval("string-length('Москва')"), Value(6.0));
}

TEST_F(ExpressionTest, Today) {
  EXPECT_EQ(eval("today()"), Value(std::string("2024-06-15")));
  context.answers["birth"] = std::string("2030-01-01");
  EXPECT_EQ(eval("${birth} > today()"), Value(true));
}

TEST_F(ExpressionTest, CoalesceTakesTheFirstAnswered) {
  EXPECT_EQ(eval("coalesce(${name}, 'none')"), Value(std::string("none")));
  context.answers["name"] = std::string();
  EXPECT_EQ(eval("coalesce(${name}, 'none')"), Value(std::string("none")));
  context.answers["name"] = std::string("Ana");
  EXPECT_EQ(eval("coalesce(${name}, 'none')"), Value(std::string("Ana")));
  EXPECT_EQ(eval("coalesce(${age}, 0) + 1"), Value(1.0));
  EXPECT_TRUE(isNull(eval("coalesce(${age}, ${income})")));
}

TEST_F(ExpressionTest, TrueAndFalse) {
  EXPECT_EQ(eval("true()"), Value(true));
  EXPECT_EQ(eval("false()"), Value(false));
  EXPECT_EQ(eval("true() = false()"), Value(false));
}

TEST_F(ExpressionTest, ConcatFormatsNumbersAndSkipsNull) {
  context.answers["age"] = 3.0;
  EXPECT_EQ(eval("concat('a', ${age}, '-', 2.5, ${name}, 'z')"), Value(std::string("a3-2.5z")));
  EXPECT_EQ(eval("concat(${name})"), Value(std::string()));
  EXPECT_EQ(eval("concat(1 = 1, '/', 0.1 + 0.2)"), Value(std::string("true/0.3")));
}

TEST_F(ExpressionTest, Round) {
  EXPECT_EQ(eval("round(3.14159, 2)"), Value(3.14));
  EXPECT_EQ(eval("round(2.5)"), Value(3.0));
  EXPECT_EQ(eval("round(-2.5, 0)"), Value(-2.0));   // halves up, as XLSForm
  EXPECT_EQ(eval("round(2.675, 2)"), Value(2.68));  // as written, not as stored
  EXPECT_EQ(eval("round(1234.5, -2)"), Value(1200.0));
  EXPECT_EQ(eval("round(1.5, 400)"), Value(1.5));
  EXPECT_EQ(eval("round(1.5, -400)"), Value(0.0));
  EXPECT_TRUE(isNull(eval("round(${age}, 1)")));
}

TEST_F(ExpressionTest, Number) {
  context.answers["name"] = std::string(" 42.5 ");
  EXPECT_EQ(eval("number(${name}) * 2"), Value(85.0));
  context.answers["name"] = std::string("forty");
  EXPECT_TRUE(isNull(eval("number(${name})")));
  EXPECT_TRUE(isNull(eval("number(${single})")));
  EXPECT_TRUE(isNull(eval("number('1e3')")));  // XPath has no exponent
  EXPECT_TRUE(isNull(eval("number('inf')")));
  EXPECT_EQ(eval("number(true())"), Value(1.0));
}

TEST_F(ExpressionTest, SelfIsTheCurrentAnswer) {
  context.selfValue = 15.0;
  const Expression e = compile(". >= 0 and . <= ${age}", "", Type::Number);
  EXPECT_EQ(e.type(), Type::Boolean);
  context.answers["age"] = 20.0;
  EXPECT_EQ(e.evaluate(context), Value(true));
  context.selfValue = std::string("abc");
  EXPECT_EQ(eval("string-length(.) <= 3", "", Type::String), Value(true));
}

// ------------------------------------------------------------------ null semantics

TEST_F(ExpressionTest, NullEqualsEmptyTextAndNull) {
  EXPECT_EQ(eval("${name} = ''"), Value(true));
  EXPECT_EQ(eval("${name} = ${single}"), Value(true));
  EXPECT_EQ(eval("${name} = 'x'"), Value(false));
  EXPECT_EQ(eval("${name} != 'x'"), Value(true));
  EXPECT_EQ(eval("${name} != ''"), Value(false));
  EXPECT_EQ(eval("${age} = 0"), Value(false));
  context.answers["name"] = std::string();
  EXPECT_EQ(eval("${name} = ''"), Value(true));
}

TEST_F(ExpressionTest, OrderComparisonWithNullIsFalse) {
  EXPECT_EQ(eval("${age} > 3"), Value(false));
  EXPECT_EQ(eval("${age} < 3"), Value(false));
  EXPECT_EQ(eval("${age} <= 3"), Value(false));
  EXPECT_EQ(eval("3 >= ${age}"), Value(false));
  EXPECT_EQ(eval("${birth} < today()"), Value(false));
}

TEST_F(ExpressionTest, ArithmeticWithNullIsNullAndDivisionByZeroInfinity) {
  EXPECT_TRUE(isNull(eval("${age} + 1")));
  EXPECT_TRUE(isNull(eval("-${age}")));
  // Infinity and NaN inside an expression, as XLSForm; never as its result.
  EXPECT_TRUE(isNull(eval("1 div 0")));
  EXPECT_TRUE(isNull(eval("5 mod 0")));
  EXPECT_TRUE(isNull(eval("(1 div 0) + 1")));
  EXPECT_EQ(eval("1 div 0 > 1"), Value(true));
  EXPECT_EQ(eval("5 mod 0 > 1"), Value(false));
  context.answers["age"] = 1e308;
  EXPECT_TRUE(isNull(eval("${age} * 10")));  // too large: no meaningful answer
}

TEST_F(ExpressionTest, AndOrReadNullAsFalse) {
  EXPECT_EQ(eval("${calc} and true()"), Value(false));
  EXPECT_EQ(eval("${calc} or true()"), Value(true));
  EXPECT_EQ(eval("${calc} or ${calc}"), Value(false));
  EXPECT_EQ(eval("${flag} or false()"), Value(false));
}

TEST_F(ExpressionTest, NullInFunctions) {
  EXPECT_EQ(eval("string-length(${name})"), Value(0.0));
  EXPECT_EQ(eval("count-selected(${sectors})"), Value(0.0));
  EXPECT_EQ(eval("selected(${sectors}, 'a')"), Value(false));
}

TEST_F(ExpressionTest, ValuesOfUnknownTypeAreConvertedAtRunTime) {
  context.answers["calc"] = std::string("3");
  EXPECT_EQ(eval("${calc} = 3"), Value(true));
  EXPECT_EQ(eval("${calc} + 1"), Value(4.0));
  EXPECT_EQ(eval("${calc} > 2"), Value(true));
  context.answers["calc"] = std::string("abc");
  EXPECT_EQ(eval("${calc} = 3"), Value(false));
  EXPECT_TRUE(isNull(eval("${calc} + 1")));
  EXPECT_TRUE(isNull(eval("--${calc}")));  // still a number (or none), never text
  context.answers["calc"] = true;
  EXPECT_EQ(eval("${calc} = 'yes'"), Value(true));  // XPath: compared as true/false
}

TEST_F(ExpressionTest, DatesCompareWithDatesInQuotes) {
  context.answers["birth"] = std::string("1990-05-01");
  EXPECT_EQ(eval("${birth} < '2000-01-01'"), Value(true));
  EXPECT_EQ(eval("'2000-01-01' <= ${birth}"), Value(false));
  EXPECT_EQ(eval("${birth} = '1990-05-01'"), Value(true));
}

// ------------------------------------------------------------------ value helpers

TEST(ExpressionValueTest, ToStringWritesNumbersWithoutTrailingZeros) {
  EXPECT_EQ(toString(Value(3.0)), "3");
  EXPECT_EQ(toString(Value(2.5)), "2.5");
  EXPECT_EQ(toString(Value(-0.0)), "0");
  EXPECT_EQ(toString(Value(0.1 + 0.2)), "0.3");
  EXPECT_EQ(toString(Value(-1234567.0)), "-1234567");
  EXPECT_EQ(toString(Value(1e20)), "1e+20");
  EXPECT_EQ(toString(Value()), "");
  EXPECT_EQ(toString(Value(true)), "true");
  EXPECT_EQ(toString(Value(List{"a", "b"})), "a b");
  EXPECT_EQ(toString(Value(std::string("x"))), "x");
}

TEST(ExpressionValueTest, TruthyAndIsNull) {
  EXPECT_FALSE(truthy(Value()));
  EXPECT_FALSE(truthy(Value(false)));
  EXPECT_FALSE(truthy(Value(0.0)));
  EXPECT_FALSE(truthy(Value(std::string())));
  EXPECT_FALSE(truthy(Value(List{})));
  EXPECT_TRUE(truthy(Value(2.0)));
  EXPECT_TRUE(truthy(Value(std::string("no"))));
  EXPECT_TRUE(truthy(Value(List{"a"})));
  EXPECT_TRUE(isNull(Value()));
  EXPECT_FALSE(isNull(Value(std::string())));
}

TEST(ExpressionValueTest, TypeNames) {
  EXPECT_STREQ(typeName(Type::Boolean), "true/false");
  EXPECT_STREQ(typeName(Type::Number), "number");
  EXPECT_STREQ(typeName(Type::String), "text");
  EXPECT_STREQ(typeName(Type::Date), "date");
  EXPECT_STREQ(typeName(Type::List), "multiple choice");
  EXPECT_STREQ(typeName(Type::Records), "repeat group");
  EXPECT_STREQ(typeName(Type::Cells), "table");
  EXPECT_STREQ(typeName(Type::Any), "any");
}

// ------------------------------------------------------------------ type errors

TEST_F(ExpressionTest, TextComparedWithANumber) {
  EXPECT_EQ(errors("${yes_no_q} = 1"), "13: cannot compare text with a number\n");
  EXPECT_EQ(errors("1 != ${yes_no_q}"), "3: cannot compare a number with text\n");
  EXPECT_EQ(errors("'3' = 3"), "5: cannot compare text with a number\n");
  EXPECT_EQ(errors("${flag} = 1"), "9: cannot compare true/false with a number\n");
}

TEST_F(ExpressionTest, UnknownQuestionId) {
  EXPECT_EQ(errors("1 + ${nope}"), "5: unknown question id 'nope'\n");
  EXPECT_EQ(errors("count(${nope})"), "7: unknown question id 'nope'\n");
}

TEST_F(ExpressionTest, AllErrorsAreReportedInColumnOrder) {
  EXPECT_EQ(errors("${x1} = 1 and ${age} = 'a' or ${x2}"),
            "1: unknown question id 'x1'\n"
            "22: cannot compare a number with text\n"
            "31: unknown question id 'x2'\n");
}

TEST_F(ExpressionTest, ErrorsBeforeASyntaxErrorAreKept) {
  EXPECT_EQ(errors("${x1} = 1 and (2 = 2"),
            "1: unknown question id 'x1'\n"
            "21: expected ')' to close '(' at column 15\n");
}

TEST_F(ExpressionTest, UnknownFunctionSuggestsTheNearest) {
  EXPECT_EQ(errors("slected(${sectors}, 'a')"), "1: unknown function 'slected'; did you mean 'selected'?\n");
  EXPECT_EQ(errors("countselected(${sectors})"),
            "1: unknown function 'countselected'; did you mean 'count-selected'?\n");
  EXPECT_EQ(errors("length(${name}) > 3"), "1: unknown function 'length'; did you mean 'string-length'?\n");
  EXPECT_EQ(errors("Today()"), "1: unknown function 'Today'; did you mean 'today'?\n");
  EXPECT_EQ(errors("lookup('a', 'b')"),
            "1: unknown function 'lookup'; the functions are not, if, selected, count-selected, count, "
            "sum, string-length, today, coalesce, true, false, concat, round, number, is-empty, regex, "
            "date-diff, count-non-empty, indexed-repeat, position, int, abs, pow, min, max, floor, ceiling, "
            "contains, starts-with, ends-with, substr, substring-before, substring-after, string, join, "
            "normalize-space, boolean-from-string, selected-at, format-date, date\n");
}

// Only near names are offered; XLSForm functions Focal lacks get what to write instead.
TEST_F(ExpressionTest, UnknownFunctionSuggestsOnlyNearNamesAndXlsFormEquivalents) {
  EXPECT_EQ(errors("int(1.5) = 1"), "compiled");  // now a function, as in XLSForm
  EXPECT_EQ(
      errors("now() = 1"),
      "1: unknown function 'now'; Focal has no now() (an XLSForm function): Focal answers hold dates, not "
      "times: use today()\n");
  EXPECT_EQ(errors("min(1, 2) = 1"), "compiled");
  EXPECT_EQ(errors("pow(2, 2) = 4"), "compiled");
  EXPECT_EQ(errors("iff(1 = 1, 2, 3) = 2"), "1: unknown function 'iff'; did you mean 'if'?\n");
  EXPECT_EQ(errors("pulldata(${name}, 'a') = 1"),
            "1: unknown function 'pulldata'; Focal has no pulldata() (an XLSForm function): Focal has no "
            "external data files: carry answers forward from the previous cycle with carry_forward_from\n");
}

TEST_F(ExpressionTest, WrongNumberOfValues) {
  EXPECT_EQ(errors("if(1 = 1, 2)"), "1: if() needs 3 values, but 2 were given\n");
  EXPECT_EQ(errors("today(1)"), "1: today() needs no values, but 1 was given\n");
  EXPECT_EQ(errors("not()"), "1: not() needs 1 value, but none were given\n");
  EXPECT_EQ(errors("round(1, 2, 3)"), "1: round() needs 1 or 2 values, but 3 were given\n");
  EXPECT_EQ(errors("concat()"), "1: concat() needs at least 1 value, but none were given\n");
}

TEST_F(ExpressionTest, AndOrNeedConditions) {
  EXPECT_EQ(errors("${age} and true()"),
            "8: 'and' needs true/false values on both sides, but its left side is a number\n");
  EXPECT_EQ(errors("true() or ${yes_no_q}"),
            "8: 'or' needs true/false values on both sides, but its right side is text; "
            "compare it, as in ${yes_no_q} = 'yes'\n");
  EXPECT_EQ(errors("not(${age})"), "5: the value of not() must be true/false, but it is a number\n");
  EXPECT_EQ(errors("if('x', 1, 2)"), "4: the first value of if() must be true/false, but it is text\n");
  EXPECT_EQ(errors("${calc} and ${flag}"), "compiled");
}

TEST_F(ExpressionTest, ArithmeticNeedsNumbers) {
  EXPECT_EQ(errors("${name} + 1"), "9: '+' needs numbers on both sides, but its left side is text\n");
  EXPECT_EQ(errors("2 * today()"), "3: '*' needs numbers on both sides, but its right side is a date\n");
  EXPECT_EQ(errors("3 mod 'a'"), "3: 'mod' needs numbers on both sides, but its right side is text\n");
  EXPECT_EQ(errors("-${name}"), "1: '-' needs a number, but it is followed by text\n");
  EXPECT_EQ(errors("${calc} div 2"), "compiled");
}

TEST_F(ExpressionTest, OrderComparisonsNeedNumbersOrDates) {
  EXPECT_EQ(errors("${name} < 'b'"), "9: '<' can only compare numbers or dates, not text\n");
  EXPECT_EQ(errors("true() >= false()"),
            "8: '>=' can only compare numbers or dates, not true/false values\n");
  EXPECT_EQ(errors("${birth} > 5"), "10: cannot compare a date with a number\n");
  EXPECT_EQ(errors("${birth} > ${name}"), "10: cannot compare a date with text\n");
  EXPECT_EQ(errors("${birth} > '2020-01-01' and today() <= ${birth}"), "compiled");
}

TEST_F(ExpressionTest, MultipleChoiceOnlyInSelected) {
  EXPECT_EQ(errors("${sectors} = 'a'"),
            "1: 'sectors' is a multiple-choice question: use selected(${sectors}, 'value') or "
            "count-selected(${sectors})\n");
  EXPECT_EQ(errors("string-length(${sectors})"),
            "15: 'sectors' is a multiple-choice question: use selected(${sectors}, 'value') or "
            "count-selected(${sectors})\n");
  EXPECT_EQ(errors("selected(${age}, 'a')"),
            "10: the first value of selected() must be a choice question, but it is a number\n");
  EXPECT_EQ(errors("selected(${sectors}, 1)"),
            "22: the second value of selected() must be a choice value in quotes, such as 'yes', but it is a "
            "number\n");
  EXPECT_EQ(errors("count-selected(${age})"),
            "16: the value of count-selected() must be a multiple-choice question, but it is a number\n");
  EXPECT_EQ(errors("selected(${single}, 'a') and count-selected(${sectors}) > 1"), "compiled");
}

TEST_F(ExpressionTest, RepeatsAndTablesOnlyInCountAndSum) {
  EXPECT_EQ(errors("${members} > 2"), "1: 'members' is a repeat group: use it only in count(${members})\n");
  EXPECT_EQ(errors("${cases} > 2"),
            "1: 'cases' is a table: use ${cases/row/column} for one cell, or sum(${cases}) for its total\n");
  EXPECT_EQ(errors("sum(${members})"),
            "5: sum() cannot add up the repeat group 'members' itself; give a number question inside it, "
            "or use count(${members})\n");
  EXPECT_EQ(errors("count(${age})"),
            "7: count() needs a repeat group or a question inside one, but 'age' is neither\n");
  EXPECT_EQ(errors("sum(${age})"),
            "5: sum() needs a table or a number question inside a repeat group, but 'age' is neither\n");
  EXPECT_EQ(errors("sum(${member_name})"), "5: sum() adds up numbers, but 'member_name' is text\n");
  EXPECT_EQ(
      errors("count(1 + 1)"),
      "7: count() needs a repeat group or a question inside one, written directly as in count(${id})\n");
}

TEST_F(ExpressionTest, RepeatChildrenOutsideTheirRepeat) {
  EXPECT_EQ(errors("${member_age} > 18"),
            "1: 'member_age' is inside the repeat group 'members': outside it, use it only in "
            "count(${member_age}) or sum(${member_age})\n");
  EXPECT_EQ(errors("${member_name} = 'x'"),
            "1: 'member_name' is inside the repeat group 'members': outside it, use it only in "
            "count(${member_name})\n");
  EXPECT_EQ(errors("${member_age} > 18", "other_repeat"),
            "1: 'member_age' is inside the repeat group 'members': outside it, use it only in "
            "count(${member_age}) or sum(${member_age})\n");
  EXPECT_EQ(errors("${member_age} > 18 and ${member_name} != ''", "members"), "compiled");
  EXPECT_EQ(errors("count(${member_name}) > 0 and sum(${member_age}) > 0"), "compiled");
  // Only directly: not inside a further expression within count() or sum().
  EXPECT_EQ(errors("sum((${member_age}))"),
            "5: sum() needs a table or a number question inside a repeat group, written directly as in "
            "sum(${id})\n"
            "6: 'member_age' is inside the repeat group 'members': outside it, use it only in "
            "count(${member_age}) or sum(${member_age})\n");
}

TEST_F(ExpressionTest, TableCells) {
  EXPECT_EQ(errors("${cases/men/y2019} + ${cases/women/y2020}"), "compiled");
  EXPECT_EQ(compile("${cases/men/y2019}").type(), Type::Number);
  EXPECT_EQ(errors("${cases/boys/y2019}"), "1: table 'cases' has no row 'boys'\n");
  EXPECT_EQ(errors("${cases/men/y2018}"), "1: table 'cases' has no column 'y2018'\n");
  EXPECT_EQ(errors("${age/men/y2019}"), "1: 'age' is not a table, so it has no cells\n");
  EXPECT_EQ(errors("${cases/men}"),
            "12: expected '/' and a column id; a table cell is written ${table/row/column}\n");
}

TEST_F(ExpressionTest, SelfOnlyInConstraints) {
  EXPECT_EQ(errors(". > 3"), "1: '.' (the answer to this question) can only be used in a constraint\n");
  EXPECT_EQ(errors(". > 3", "", Type::Number), "compiled");
  EXPECT_EQ(errors(". > 3", "", Type::String), "3: cannot compare text with a number\n");
}

TEST_F(ExpressionTest, IfAndCoalesceNeedOneKindOfValue) {
  EXPECT_EQ(
      errors("if(true(), 1, 'a')"),
      "1: if() gives a number in one case and text in the other; both must be the same kind of value\n");
  EXPECT_EQ(errors("coalesce(${age}, 'none')"),
            "1: coalesce() is given a number and text; both must be the same kind of value\n");
  // A value of unknown type goes with anything.
  EXPECT_EQ(errors("if(true(), ${calc}, 'a') and coalesce(${calc}, 1) > 0"), "compiled");
}

TEST_F(ExpressionTest, FunctionValueTypes) {
  EXPECT_EQ(errors("round('a', 1)"), "7: the first value of round() must be a number, but it is text\n");
  EXPECT_EQ(errors("round(1, 'a')"), "10: the second value of round() must be a number, but it is text\n");
  EXPECT_EQ(errors("string-length(3)"),
            "15: the value of string-length() must be text, but it is a number\n");
  EXPECT_EQ(errors("number(today())"),
            "8: the value of number() must be text or a number, but it is a date\n");
}

// ------------------------------------------------------------------ syntax errors

TEST_F(ExpressionTest, EmptyExpression) {
  EXPECT_EQ(errors(""), "1: the expression is empty\n");
  EXPECT_EQ(errors("   \n "), "1: the expression is empty\n");
}

TEST_F(ExpressionTest, UnclosedBrackets) {
  EXPECT_EQ(errors("1 + (2 * 3"), "11: expected ')' to close '(' at column 5\n");
  EXPECT_EQ(errors("((1)"), "5: expected ')' to close '(' at column 1\n");
  EXPECT_EQ(errors("if(1 = 1, 'a' 'b')"), "15: expected ',' or ')' to close 'if(' at column 1\n");
  EXPECT_EQ(errors("1 + 2)"), "6: this ')' has no matching '('\n");
  EXPECT_EQ(errors("1, 2"), "2: a ',' can only separate the values of a function, as in if(a, b, c)\n");
}

TEST_F(ExpressionTest, MissingValues) {
  EXPECT_EQ(errors("${age} ="), "9: expected a value after '=', but found the end of the expression\n");
  EXPECT_EQ(errors("1 + * 2"), "5: expected a value after '+', but found '*'\n");
  EXPECT_EQ(errors(") + 1"), "1: expected a value, but found ')'\n");
  EXPECT_EQ(errors("if(, 1, 2)"), "4: expected a value after '(', but found ','\n");
}

TEST_F(ExpressionTest, MissingOperator) {
  EXPECT_EQ(errors("${age} = 1 ${name} = 'x'"),
            "12: expected an operator such as 'and', 'or' or '=' before ${name}\n");
  EXPECT_EQ(errors("1 'a'"), "3: expected an operator such as 'and', 'or' or '=' before the text 'a'\n");
}

TEST_F(ExpressionTest, WordsWithoutQuotesOrBrackets) {
  EXPECT_EQ(errors("${yes_no_q} = yes"),
            "15: 'yes' is not understood: put text in quotes, as in 'yes', and write a question as ${yes}\n");
  EXPECT_EQ(errors("${age} > 1 AND ${age} < 5"), "12: 'AND' is not understood; did you mean 'and'?\n");
  EXPECT_EQ(errors("${flag} = true"), "11: write true() with brackets for the value true\n");
  EXPECT_EQ(errors("today"), "1: expected '(' after the function name 'today'\n");
  EXPECT_EQ(errors("${name} = Concat"), "11: 'Concat' is not understood; did you mean concat()?\n");
  // A word is a problem but not the end of checking: both are reported.
  EXPECT_EQ(errors("${a1} = yes"),
            "1: unknown question id 'a1'\n"
            "9: 'yes' is not understood: put text in quotes, as in 'yes', and write a question as ${yes}\n");
}

TEST_F(ExpressionTest, CharactersFromOtherLanguages) {
  EXPECT_EQ(errors("${age} == 1"), "8: '==' is not understood; use '=' to compare\n");
  EXPECT_EQ(errors("${flag} && ${flag}"), "9: '&' is not understood; use 'and'\n");
  EXPECT_EQ(errors("${flag} || ${flag}"), "9: '|' is not understood; use 'or'\n");
  EXPECT_EQ(errors("!${flag}"), "1: '!' is not understood; use '!=' for \"is not equal to\", or not(...)\n");
  EXPECT_EQ(errors("${age} <> 1"), "8: '<>' is not understood; use '!=' for \"is not equal to\"\n");
  EXPECT_EQ(errors("${age} / 2"), "8: '/' is not understood; use 'div' to divide\n");
  EXPECT_EQ(errors("${age} % 2"), "8: '%' is not understood; use 'mod' for the remainder of a division\n");
}

TEST_F(ExpressionTest, LexicalErrors) {
  EXPECT_EQ(errors("${name} = 'abc"), "15: the text starting at column 11 has no closing quote (')\n");
  EXPECT_EQ(errors("${name} = \xE2\x80\x98yes\xE2\x80\x99"),
            "11: curly quotes are not understood; put text between straight quotes (' or \")\n");
  EXPECT_EQ(errors("${}"), "3: expected a question id after '${'\n");
  EXPECT_EQ(errors("${1a}"), "3: expected a question id after '${'\n");
  EXPECT_EQ(errors("${age"), "6: expected '}' to close '${' at column 1\n");
  EXPECT_EQ(errors("${age-1}"), "6: expected '}' to close '${' at column 1\n");
  EXPECT_EQ(errors("$age"), "1: '$' must be followed by '{', as in ${question_id}\n");
  EXPECT_EQ(errors("1 @ 2"), "3: unexpected character '@'\n");
  EXPECT_EQ(errors("1 \xC3\xA9"), "3: unexpected character '\xC3\xA9'\n");
  EXPECT_EQ(errors(std::string_view("1 \x01", 3)), "3: unexpected character (byte 0x01)\n");
  EXPECT_EQ(errors("1 \xFF"), "3: unexpected character (byte 0xFF)\n");
  EXPECT_EQ(errors("1234567890123456789012345678901"), "1: this number has too many digits\n");
}

TEST_F(ExpressionTest, ColumnsCountCharactersNotBytes) {
  // 'é' is two bytes but one column: '=' is the fifth character.
  EXPECT_EQ(errors("'\xC3\xA9' = 1"), "5: cannot compare text with a number\n");
  EXPECT_EQ(errors("'\xE4\xB8\xAD\xE6\x96\x87' = ${nope}"), "8: unknown question id 'nope'\n");
}

TEST_F(ExpressionTest, HyphenatedFunctionNamesDoNotSwallowMinus) {
  context.answers["age"] = 5.0;
  EXPECT_EQ(eval("${age} mod-3"), Value(2.0));
  EXPECT_EQ(eval("count-selected(${sectors})-1"), Value(-1.0));
}

// ------------------------------------------------------------------ limits

std::string nested(int depth, const std::string& open, const std::string& inner, const std::string& close) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += inner;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

TEST_F(ExpressionTest, NestingDepthIsLimited) {
  EXPECT_EQ(eval(nested(100, "(", "1", ")")), Value(1.0));
  EXPECT_EQ(errors(nested(101, "(", "1", ")")),
            "101: the expression is nested too deeply (more than 100 levels of brackets and functions)\n");
  // true() is a level too.
  EXPECT_EQ(eval(nested(99, "not(", "true()", ")")), Value(false));
  EXPECT_EQ(errors(nested(100, "not(", "true()", ")")),
            "405: the expression is nested too deeply (more than 100 levels of brackets and functions)\n");
  // Unclosed: stops at the limit instead of recursing on.
  EXPECT_EQ(errors(std::string(9000, '(')),
            "101: the expression is nested too deeply (more than 100 levels of brackets and functions)\n");
}

TEST_F(ExpressionTest, LengthIsLimited) {
  std::string text = "1";
  while (text.size() < 9996) text += " + 1";
  ASSERT_LE(text.size(), 10000u);
  EXPECT_EQ(errors(text), "compiled");
  const std::string tooLong(10001, ' ');
  EXPECT_EQ(errors(tooLong), "1: the expression is too long (10001 characters; at most 10000 are allowed)\n");
  // The limit counts characters: 10,000 of them in Cyrillic are 20,000 bytes.
  std::string cyrillic = "'";
  for (int i = 0; i < 9998; ++i) cyrillic += "\xD0\x96";
  EXPECT_EQ(errors(cyrillic + "'"), "compiled");
  EXPECT_EQ(errors(cyrillic + "\xD0\x96'"),
            "1: the expression is too long (10001 characters; at most 10000 are allowed)\n");
}

TEST_F(ExpressionTest, ErrorCountIsLimited) {
  std::string text = "${x0} = 1";
  for (int i = 1; i < 200; ++i) text += " or ${x" + std::to_string(i) + "} = 1";
  const auto result = Expression::compile(text, lookup);
  ASSERT_TRUE(std::holds_alternative<std::vector<CompileError>>(result));
  EXPECT_EQ(std::get<std::vector<CompileError>>(result).size(), 50u);
}

TEST_F(ExpressionTest, WorksWithoutASymbolTable) {
  EXPECT_EQ(describe(std::get<std::vector<CompileError>>(Expression::compile("${a} = 1", SymbolTable()))),
            "1: unknown question id 'a'\n");
  EXPECT_TRUE(std::holds_alternative<Expression>(Expression::compile("1 = 1", SymbolTable())));
}

TEST_F(ExpressionTest, ManyValuesOnTheStack) {
  // concat() of many values, each a nested sum: the stack grows past its inline part.
  std::string text = "concat(";
  for (int i = 0; i < 40; ++i) text += std::string(i ? ", " : "") + "1 + (2 + (3 + 4))";
  text += ")";
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "10";
  EXPECT_EQ(eval(text), Value(expected));
}

// Speed is measured by make bench, not asserted here.
TEST_F(ExpressionTest, TypicalExpressionsCompile) {
  const std::vector<std::string> typical = {
      "${yes_no_q} = 'yes'",
      "selected(${sectors}, 'labour') and not(selected(${sectors}, 'other'))",
      "${age} >= 18 and ${age} <= 120",
      "count(${members}) > 0 and sum(${member_age}) < 1000",
      "if(${income} > 0, round(${income} div 12, 2), '')",
      "${cases/men/y2019} + ${cases/women/y2019}",
      "${birth} < today() or string-length(${name}) > 3",
  };
  for (const auto& text : typical) {
    const auto result = Expression::compile(text, lookup);
    EXPECT_TRUE(std::holds_alternative<Expression>(result)) << text;
  }
}

}  // namespace
}  // namespace focal::expr
