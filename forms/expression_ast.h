// The compiled form of an Expression. It is a flat postfix program, not a
// tree of pointers: evaluation runs it in one loop over a small value stack,
// so neither evaluating nor destroying an expression recurses, however long a
// chain like ${a} + ${b} + ... is. and, or, if() and coalesce() skip what they
// need not evaluate with forward jumps. Built by the Compiler in
// expression_parser.cpp, run by Expression::evaluate in expression_eval.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "forms/expression.h"

namespace focal::expr {

enum class Op : std::uint8_t {
  PushConst,      // push constants[operand]
  PushNull,       // push "no answer"
  Load,           // push context.value(paths[operand])
  LoadSelf,       // push context.self()
  Today,          // push context.today()
  CountRecords,   // push context.recordCount(paths[operand])
  CountAnswered,  // push how many of context.values(paths[operand]) are answered
  SumValues,      // push the sum of the numbers among context.values(paths[operand])
  Negate,         // unary '-'
  Not,
  ToBoolean,  // replace the top with truthy(top)
  Add,
  Subtract,
  Multiply,
  Divide,
  Modulo,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  AndJump,        // top falsy: replace it with false and jump to operand; else pop it
  OrJump,         // top truthy: replace it with true and jump to operand; else pop it
  JumpIfFalse,    // pop the top; jump to operand if it was falsy
  Jump,           // jump to operand
  JumpIfPresent,  // top answered (not null, '' or an empty list): jump to operand; else pop it
  StringLength,
  CountSelected,
  Selected,      // (list, choice) -> boolean
  Concat,        // operand: the number of values
  Round,         // operand: 1 (value) or 2 (value, digits)
  ToNumber,      // number()
  IsEmpty,       // replace the top with whether it is unanswered (null, '' or an empty list)
  Regex,         // (value, pattern) -> whether value matches regexes[operand]
  DateDiff,      // (from, to, unit) -> to - from in the DateUnit `operand`
  Call,          // operand: Lib << 8 | the number of values; callLibrary() on them
  IndexedValue,  // (n) -> the value of paths[operand] in the n-th record of its repeat
  Position,      // push the 1-based number of the current record of the repeat paths[operand]
  LoadAll,       // push the answered values of paths[operand] across the records, as a list
};

struct Instruction {
  Op op = Op::PushNull;
  std::uint32_t operand = 0;
};

struct Expression::Node {
  std::vector<Instruction> code;
  std::vector<Value> constants;
  std::vector<std::string> paths;  // "id" or "table/row/column", as given to the Context
  std::size_t maxStack = 0;        // the deepest the value stack gets
  std::vector<std::shared_ptr<const std::regex>> regexes;  // regex() patterns, compiled once
};

}  // namespace focal::expr
