// A response session: the answers to one questionnaire, in memory, with
// everything computed from them (relevance, required, constraint results,
// calculated values, completion). It knows nothing of storage: the answer
// store and the views subscribe to its changes. A changed answer
// re-evaluates only what the dependency graph says it reaches.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "forms/answer_path.h"
#include "forms/observer.h"
#include "forms/questionnaire.h"

namespace focal {

// The outcome of answering, as a value (exceptions are for I/O and loading).
enum class AnswerStatus {
  Ok,
  RequiredButEmpty,    // stored, but the question is required
  ConstraintViolated,  // stored, but the constraint fails; `message` says why
  Invalid,             // stored, but not in the format of the type; `message` says what to enter
  NotRelevant,         // stored, but the question is not relevant now, so it is ignored
  Refused,             // not stored: no such question, or the path does not fit it
};
const char* answerStatusKey(AnswerStatus status);  // "ok", "required", ...

struct Outcome {
  AnswerStatus status = AnswerStatus::Ok;
  std::string message;
  bool ok() const { return status == AnswerStatus::Ok; }
};

// One stored value: empty `value` removes it.
struct AnswerWrite {
  std::string path;
  std::string value;
};

// What a write changed.
struct AnswerChange {
  std::string path;
  std::string before, after;
};

// Published after every change: the stored values that changed and the
// questions (ids, or record paths such as rep[k]/child) whose value or
// computed state may have changed.
struct SessionChange {
  std::vector<AnswerChange> answers;
  std::vector<std::string> questions;
};

enum class ProblemKind {
  RequiredButEmpty,
  ConstraintViolated,
  Invalid,
  TooFewRecords,
  CarriedForwardPending,
  Warning,  // a `warning:` soft check that fails: to look at, never blocking
};
const char* problemKindKey(ProblemKind kind);

struct Problem {
  ProblemKind kind;
  std::string path;  // the question's path (id or rep[k]/child)
  int question = -1;
  std::string message;
  // A pending carry-forward that the questionnaire requires to be confirmed
  // (`confirm_carried: required`).
  bool mustConfirm = false;
  // Whether it blocks a final report (a warning does not, nor a pending
  // carry-forward unless it must be confirmed).
  bool blocking() const {
    if (kind == ProblemKind::CarriedForwardPending) return mustConfirm;
    return kind != ProblemKind::Warning;
  }
};

struct Progress {
  int relevant = 0;            // relevant questions that take an answer
  int answered = 0;            // of which answered (or marked not available / not applicable)
  int requiredUnanswered = 0;  // relevant, required, not answered
  int errors = 0;              // constraint or format problems
  int percent() const { return relevant == 0 ? 100 : (100 * answered) / relevant; }
  bool complete() const { return answered == relevant && requiredUnanswered == 0 && errors == 0; }
};

class ResponseSession {
 public:
  explicit ResponseSession(std::shared_ptr<const Questionnaire> questionnaire, std::string language = {});

  const Questionnaire& questionnaire() const { return *questionnaire_; }
  std::shared_ptr<const Questionnaire> sharedQuestionnaire() const { return questionnaire_; }
  const std::string& language() const { return language_; }
  void setLanguage(std::string language);
  // Fixes today() (YYYY-MM-DD) for tests; empty uses the clock.
  void setToday(std::string today);

  // Replaces every answer (when a stored response is opened) and evaluates all.
  void load(std::map<std::string, std::string> answers);
  // Replaces every answer like load(), but evaluates only what decides which
  // questions apply: the sections' and questions' relevance, and the
  // calculations a relevance reads (directly or through other
  // calculations), dependencies first. Nothing is checked, counted as
  // answered or published. For readers of many replies who ask only which
  // questions applied (the secretariat's merge and analysis):
  // isRelevant() and isSectionRelevant() then answer exactly as after
  // load(). The other computed states (required, answered, errors,
  // progress, problems, the calculations no relevance reads) are not
  // evaluated until the next load() or write, which evaluates everything.
  void loadRelevance(std::map<std::string, std::string> answers);
  // The writes that give every unanswered question with a `default` its
  // default (a computed one when it is relevant and has a value).
  std::vector<AnswerWrite> defaultWrites() const;

  // Answers one path; the outcome concerns that path's question.
  Outcome answer(const std::string& path, const std::string& value);
  // Several writes as one change (one undo step, one store transaction).
  // Refused paths are skipped; the outcome is that of the first write.
  Outcome apply(const std::vector<AnswerWrite>& writes, std::vector<AnswerChange>* changes = nullptr);
  // Repeat groups. A record key is stable: reordering does not change it.
  std::vector<std::string> records(const std::string& repeatId) const;
  std::vector<AnswerWrite> addRecordWrites(const std::string& repeatId) const;  // the new key is last
  std::vector<AnswerWrite> removeRecordWrites(const std::string& repeatId, const std::string& key) const;
  std::vector<AnswerWrite> moveRecordWrites(const std::string& repeatId, const std::string& key,
                                            std::size_t newIndex) const;

  // Stored values ("" when none), all of them, and for one question.
  std::string value(const std::string& path) const;
  const std::map<std::string, std::string>& answers() const { return answers_; }

  // Computed state of a question (by id, or rep[key]/child for a record).
  bool isRelevant(const std::string& questionPath) const;
  bool isRequired(const std::string& questionPath) const;
  bool isAnswered(const std::string& questionPath) const;
  // The constraint or format message, "" when there is none.
  std::string error(const std::string& questionPath) const;
  // The message of a failing `warning:` soft check, "" when there is none.
  std::string warning(const std::string& questionPath) const;
  // Whether the question is `read_only` (its value is not typed).
  bool isReadOnly(const std::string& questionPath) const;
  // The choice values a choice question offers now: those its
  // `choice_filter` lets through, and "other" when it has it.
  std::vector<std::string> choicesShown(const std::string& questionPath) const;
  std::string calculated(const std::string& questionPath) const;
  // Whether `condition` (compiled in the scope of the list `repeatId`, as a
  // carry_forward_filter) holds for its record `key`.
  bool recordMatches(const std::string& repeatId, const std::string& key,
                     const expr::Expression& condition) const;
  bool isSectionRelevant(int section) const;

  // Completion of a section (with its subsections), and overall.
  Progress progress(int section) const;
  Progress progress() const;
  // Every open problem, in questionnaire order.
  std::vector<Problem> problems() const;

  using ChangePublisher = Publisher<SessionChange>;
  [[nodiscard]] ChangePublisher::Subscription subscribe(ChangePublisher::Callback callback) {
    return changes_.subscribe(std::move(callback));
  }

  struct State {
    bool relevant = true;
    bool required = false;
    bool answered = false;
    std::string invalid;     // format message
    std::string constraint;  // constraint message
    std::string warning;     // failing soft check's message
    expr::Value calculated;
  };

 private:
  friend class SessionContext;
  struct Located {
    int question = -1;
    AnswerPath path;
  };
  std::optional<Located> locate(const std::string& path, std::string* problem) const;
  const State* stateOf(const std::string& questionPath) const;
  State& stateFor(int question, const std::string& recordKey);
  std::string recordKeyPath(int question, const std::string& key) const;

  void evaluateAll();
  void evaluate(const std::vector<int>& nodes, std::vector<std::string>* touched);
  void evaluateRelevance(int question, const std::string& key, bool calculate = true);
  // Per question, whether some relevance reads its value (for loadRelevance).
  const std::vector<char>& readByRelevance();
  void evaluateChecks(int question, const std::string& key);
  bool computeAnswered(int question, const std::string& key) const;
  // Computed defaults due now: relevant, unanswered, not yet given or cleared.
  std::vector<AnswerWrite> computedDefaults() const;
  std::optional<std::string> computedDefault(int question, const std::string& key) const;
  // Record keys to add so that repeats with `repeat_count` reach their count.
  std::vector<AnswerWrite> repeatCountWrites() const;
  std::optional<std::size_t> repeatCountOf(int question) const;
  std::string today() const;
  Outcome outcomeFor(const std::string& questionPath) const;
  void progressOf(int question, Progress& progress) const;

  std::shared_ptr<const Questionnaire> questionnaire_;
  std::string language_;
  std::string today_;
  std::map<std::string, std::string> answers_;
  std::vector<State> states_;                            // top-level questions, by index
  std::unordered_map<std::string, State> recordStates_;  // rep[key]/child
  std::vector<char> sectionRelevant_;
  std::unordered_map<int, std::vector<std::string>> lastKeys_;  // by repeat question, for pruning states
  ChangePublisher changes_;
  // Paths whose computed default was given or that were written in this
  // session: a computed default never fills them (again).
  std::set<std::string> defaulted_;
  // Set by loadRelevance(): only relevance, and the calculations it reads, are evaluated.
  bool relevanceOnly_ = false;
  std::vector<char> readByRelevance_;  // computed on first use
};

}  // namespace focal
