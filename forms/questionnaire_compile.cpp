#include <functional>
#include <set>
#include <unordered_map>

#include "forms/answer_value.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_reader.h"
#include "forms/source_map.h"

namespace focal::detail {

namespace {

class ExpressionCompiler {
 public:
  ExpressionCompiler(Questionnaire& q, Diagnostics& d, bool lenient) : q_(q), diag_(d), lenient_(lenient) {
    for (const auto& question : q_.questions) ids_.push_back(question.id);
  }

  void run() {
    for (auto& section : q_.sections)
      if (section.relevant) compile(*section.relevant, "relevant", {}, std::nullopt, true, {});
    for (int i = 0; i < static_cast<int>(q_.questions.size()); ++i) compileQuestion(i);
  }

 private:
  std::optional<expr::Symbol> lookup(std::string_view id) {
    int index = q_.indexOf(std::string(id));
    if (index < 0) return std::nullopt;
    const Question& question = q_.questions[index];
    expr::Symbol symbol;
    symbol.type = expressionType(question);
    if (question.repeat >= 0) symbol.repeatId = q_.questions[question.repeat].id;
    if (kindOf(question).shape == AnswerShape::Cells) {
      for (const auto& r : question.rows) symbol.rows.push_back(r.id);
      for (const auto& c : question.columns) symbol.columns.push_back(c.id);
    }
    if (question.type == QuestionType::Calculate) symbol.type = calculationType(index);
    // Numeric choice codes (1, 2, 99) are known even in a kept questionnaire,
    // so that ${q} = 99 reads as it did: no older file can hold them.
    bool numericCodes = !question.choices.empty();
    for (const auto& choice : question.choices)
      if (choice.value.empty() || choice.value.find_first_not_of("0123456789") != std::string::npos)
        numericCodes = false;
    if (lenient_ && !numericCodes) {
      // A kept questionnaire: values in quotes are not checked against the choices.
    } else if (kindOf(question).hasChoices) {
      symbol.choices = kindOf(question).fixedChoices;
      for (const auto& choice : question.choices) symbol.choices.push_back(choice.value);
      if (question.otherOption) symbol.choices.push_back("other");
    }
    symbol.kind = questionTypeKey(question.type);
    return symbol;
  }

  // The type of a calculation, compiling it first when needed. A calculation
  // reached again while it is being compiled is on a cycle, which the
  // dependency graph reports; its type is then left open.
  expr::Type calculationType(int index) {
    if (auto it = calcTypes_.find(index); it != calcTypes_.end()) return it->second;
    Question& question = q_.questions[index];
    if (!question.calculation) return expr::Type::Any;
    if (inProgress_.count(index)) return expr::Type::Any;
    inProgress_.insert(index);
    compile(*question.calculation, "calculation", repeatOf(question), std::nullopt, false, {});
    inProgress_.erase(index);
    expr::Type type =
        question.calculation->compiled ? question.calculation->compiled->type() : expr::Type::Any;
    calcTypes_[index] = type;
    return type;
  }

  std::string repeatOf(const Question& question) const {
    return question.repeat >= 0 ? q_.questions[question.repeat].id : std::string();
  }

  void compileQuestion(int index) {
    Question& question = q_.questions[index];
    const std::string repeat = repeatOf(question);
    if (question.relevant) compile(*question.relevant, "relevant", repeat, std::nullopt, true, {});
    if (question.requiredIf) compile(*question.requiredIf, "required", repeat, std::nullopt, true, {});
    if (question.constraint)
      compile(*question.constraint, "constraint", repeat, expressionType(question), true, question.id);
    if (question.warning)
      compile(*question.warning, "warning", repeat, expressionType(question), true, question.id);
    if (question.calculation) calculationType(index);
    if (!question.defaultValue.empty()) checkDefault(question);
    if (question.defaultExpression) compileDefault(question, repeat);
    if (question.readOnly) checkReadOnly(question);
    // choice_filter: `.` is each choice in turn, so its values are checked.
    if (question.choiceFilter)
      compile(*question.choiceFilter, "choice_filter", repeat, expr::Type::String, true, question.id);
    // carry_forward_filter: a condition over the fields of one record of this list.
    if (question.carryForwardFilter)
      compile(*question.carryForwardFilter, "carry_forward_filter", question.id, std::nullopt, true, {});
    if (question.repeatCount) {
      compile(*question.repeatCount, "repeat_count", repeat, std::nullopt, false, {});
      const CompiledExpression& e = *question.repeatCount;
      if (e.compiled && e.compiled->type() != expr::Type::Number && e.compiled->type() != expr::Type::Any)
        diag_.error(e.position.line, e.position.column,
                    "'repeat_count' must give a number of records, such as ${q_3} (an integer question), but "
                    "this expression gives " +
                        std::string(expr::typeName(e.compiled->type())));
    }
  }

  // default: "=expression": a value of the question's type.
  void compileDefault(Question& question, const std::string& repeat) {
    const auto at = question.defaultPosition;
    if (!kindOf(question).takesDefault) {
      diag_.error(
          at.line, at.column,
          std::string("a question of type '") + questionTypeKey(question.type) + "' cannot have a 'default'");
      question.defaultExpression.reset();
      return;
    }
    CompiledExpression& e = *question.defaultExpression;
    compile(e, "default", repeat, std::nullopt, false, {});
    if (!e.compiled) return;
    const expr::Type got = e.compiled->type();
    const expr::Type want = expressionType(question);
    bool fits = got == expr::Type::Any || got == want;
    if (question.type == QuestionType::Text || question.type == QuestionType::LongText)
      fits = got != expr::Type::List && got != expr::Type::Records && got != expr::Type::Cells;
    if (question.type == QuestionType::MultipleChoice) fits = fits || got == expr::Type::String;
    if (want == expr::Type::Date) fits = fits || got == expr::Type::String;
    if (!fits)
      diag_.error(e.position.line, e.position.column,
                  "in 'default': the expression gives a value of type " + std::string(expr::typeName(got)) +
                      ", but '" + question.id + "' is a " + questionTypeKey(question.type) +
                      " question, whose answer is " + expr::typeName(want) +
                      "; compute a value of that type");
  }

  // read_only: nothing can be typed, so something else must give the value.
  void checkReadOnly(const Question& question) {
    if (!takesAnswer(question.type)) {
      diag_.error(question.position.line, question.position.column,
                  "'read_only' does not apply to '" + question.id + "', a " + questionTypeKey(question.type) +
                      " question, which is never typed; remove it");
      return;
    }
    if (question.defaultValue.empty() && !question.defaultExpression && question.carryForwardFrom.empty())
      diag_.error(
          question.position.line, question.position.column,
          "'" + question.id +
              "' is read_only, but nothing gives it a value: add a 'default' (a value, or \"=expression\") "
              "or 'carry_forward_from', or make it a 'calculate' question");
  }

  void compile(CompiledExpression& e, const std::string& key, const std::string& repeat,
               std::optional<expr::Type> selfType, bool wantBoolean, const std::string& selfId) {
    if (e.compiled) return;
    expr::SymbolTable symbols = [this](std::string_view id) { return lookup(id); };
    auto result = expr::Expression::compile(e.text, symbols, repeat, selfType, selfId);
    if (auto* errors = std::get_if<std::vector<expr::CompileError>>(&result)) {
      for (const auto& err : *errors) {
        std::string message = "in '" + key + "': " + fileColumns(err.message, e);
        if (message.find("unknown question id '") != std::string::npos) message += hintFor(err.message);
        const SourcePosition at = positionOf(e, err.column);
        diag_.error(at.line, at.column, message);
      }
      return;
    }
    auto compiled = std::get<expr::Expression>(std::move(result));
    if (wantBoolean && compiled.type() != expr::Type::Boolean && compiled.type() != expr::Type::Any) {
      diag_.error(e.position.line, e.position.column,
                  "'" + key + "' must be a condition that is true or false, but this expression gives " +
                      expr::typeName(compiled.type()) + "; compare it, e.g. ${q} = 'yes'");
      return;
    }
    e.compiled = std::move(compiled);
  }

  // Where character `column` (from 1) of an expression stands in the file.
  SourcePosition positionOf(const CompiledExpression& e, std::size_t column) const {
    const int skip = static_cast<int>(e.prefix.size());
    if (e.start.line <= 0 || q_.sourceText.empty())
      return {e.position.line, e.position.column + skip + static_cast<int>(column) - 1};
    return positionInScalar(q_.sourceText, e.start, e.prefix + e.text,
                            e.prefix.size() + byteOffsetOfColumn(e.text, column));
  }

  // Messages speak of columns of the expression; make them columns of the file.
  std::string fileColumns(const std::string& message, const CompiledExpression& e) const {
    static const std::string kAt = "at column ";
    auto at = message.find(kAt);
    if (at == std::string::npos) return message;
    std::size_t end = at + kAt.size();
    int column = 0;
    while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end])))
      column = column * 10 + (message[end++] - '0');
    const SourcePosition where = positionOf(e, static_cast<std::size_t>(column));
    return message.substr(0, at + kAt.size()) + std::to_string(where.column) + message.substr(end);
  }

  // "unknown question id 'q_1_2'" gets "; did you mean 'q_1_1'?" when a near id exists.
  std::string hintFor(const std::string& message) {
    auto start = message.find('\'');
    auto end = message.find('\'', start + 1);
    if (start == std::string::npos || end == std::string::npos) return {};
    if (message.find("did you mean") != std::string::npos) return {};
    std::string near = nearestWord(message.substr(start + 1, end - start - 1), ids_);
    return near.empty() ? std::string() : "; did you mean '" + near + "'?";
  }

  void checkDefault(const Question& question) {
    const auto at = question.defaultPosition;
    if (!kindOf(question).takesDefault) {
      diag_.error(
          at.line, at.column,
          std::string("a question of type '") + questionTypeKey(question.type) + "' cannot have a 'default'");
      return;
    }
    std::string problem = checkAnswerValue(question, pathOf(question.id), question.defaultValue);
    if (!problem.empty()) {
      const std::string& d = question.defaultValue;
      const bool looksComputed = d.find("${") != std::string::npos || d.find("()") != std::string::npos;
      diag_.error(
          at.line, at.column,
          "the 'default' does not fit the question: " + problem +
              (looksComputed ? " To compute the default, start it with '=', as in default: \"=" + d + "\""
                             : std::string()));
    }
  }

  Questionnaire& q_;
  Diagnostics& diag_;
  bool lenient_ = false;
  std::vector<std::string> ids_;
  std::unordered_map<int, expr::Type> calcTypes_;
  std::set<int> inProgress_;
};

}  // namespace

void compileQuestionnaire(Questionnaire& questionnaire, Diagnostics& diagnostics, bool lenient) {
  ExpressionCompiler(questionnaire, diagnostics, lenient).run();
  questionnaire.graph.build(questionnaire, diagnostics);
}

}  // namespace focal::detail
