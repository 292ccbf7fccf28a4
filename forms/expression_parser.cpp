// Compiling an expression, text to program: the recursive-descent parser,
// which checks types and emits the postfix program of expression_ast.h in one
// pass, and the driver (Expression::compile). The lexer is in
// expression_lexer.cpp, the type checks in expression_compiler.cpp, function
// calls in expression_calls.cpp and the function table in
// expression_function_table.cpp; they share expression_compiler_internal.h.
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
#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "forms/expression_compiler_internal.h"

namespace focal::expr {

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
