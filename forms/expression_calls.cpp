// Function calls in expressions: the check of a call against its signature
// (number of values, kind of each value: wrongArity(), finishCall()), the
// functions that need more than a type check (regex(), date-diff()), the
// XLSForm functions (indexed-repeat(), position(), join()) and the functions
// of expression_library.h.
#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/expression_functions.h"

#include "forms/expression_compiler_internal.h"

namespace focal::expr {

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
      error(args[1].offset, fmt::format("'{}' is inside the repeat group '{}', not '{}'", question,
                                        symbol->repeatId, repeat));
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

}  // namespace focal::expr
