#include "app/gui/demo_reply.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <vector>

#include "forms/answer_path.h"
#include "forms/answer_value.h"
#include "forms/response_session.h"

namespace focal::gui {

namespace {

// Sample wording, the same in every language of the questionnaire: a demo
// shows how a reply looks, not what a State would say.
constexpr const char* kShortText = "Ministry of Justice, Directorate of Criminal Law";
constexpr const char* kLongText =
    "The Criminal Code (StGB), sections 104a and 217, makes the conduct an offence in line with the "
    "Protocol. A national coordinator and an inter-agency task force follow its implementation; the "
    "latest action plan covers 2021-2025. (Sample answer of the demo reply.)";
constexpr const char* kComment = "Checked with the Ministry of the Interior. (Sample comment.)";

// A short text that fits what the question asks, by the words of its
// English label: a person for the focal point (whose name the report prints
// as its preparer), an email address for "Email address", a number for
// "Telephone number", rather than the same ministry in every box.
std::string ShortText(const Question& q) {
  std::string label = q.label.get("en");
  std::transform(label.begin(), label.end(), label.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto has = [&](const char* words) { return label.find(words) != std::string::npos; };
  if (has("email") || has("e-mail")) return "focal.point@justice.example.org";
  if (has("telephone") || has("phone number")) return "+43 1 521 52 0";
  if (has("postal address")) return "Museumstrasse 7, 1070 Vienna";
  if (has("focal point") || has("contact person")) return "Anna Berger";
  if (has("position")) return "Ministry of Justice, Head of the International Cooperation Unit";
  if (has("title of the agreement")) return "Agreement on police cooperation (sample title)";
  return kShortText;
}

std::string Number(double value, const Question& q, bool whole) {
  if (q.min) value = std::max(value, *q.min);
  if (q.max) value = std::min(value, *q.max);
  if (whole) return std::to_string(static_cast<long long>(std::llround(value)));
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << value;
  return text.str();
}

std::string DateWithin(const Question& q) {
  std::string date = "2021-03-15";
  if (isIsoDate(q.minDate) && date < q.minDate) date = q.minDate;
  if (isIsoDate(q.maxDate) && date > q.maxDate) date = q.maxDate;
  return date;
}

class Demo {
 public:
  explicit Demo(std::shared_ptr<const Questionnaire> q) : shared_(std::move(q)), q_(*shared_) {}

  std::map<std::string, std::string> Answers() {
    for (int i = 0; i < static_cast<int>(q_.questions.size()); ++i)
      if (q_.questions[i].repeat < 0) Answer(q_.questions[i], {}, {});
    return Repaired();
  }

 private:
  // Tries other values where the questionnaire refuses one (a few rounds:
  // a changed answer can settle another's rule).
  std::map<std::string, std::string> Repaired() {
    ResponseSession session(shared_);
    session.load(answers_);
    for (int round = 0; round < 3; ++round)
      for (const auto& problem : session.problems()) {
        if (problem.kind != ProblemKind::ConstraintViolated && problem.kind != ProblemKind::Invalid) continue;
        const std::string before = session.value(problem.path);
        bool settled = false;
        for (const auto& candidate : Alternatives(q_.questions[problem.question])) {
          session.answer(problem.path, candidate);
          if ((settled = session.error(problem.path).empty())) break;
        }
        if (!settled) session.answer(problem.path, before);
      }
    return session.answers();
  }

  static std::vector<std::string> Alternatives(const Question& q) {
    std::vector<std::string> values;
    switch (q.type) {
      case QuestionType::SingleChoice:
      case QuestionType::MultipleChoice:
        for (const auto& choice : q.choices) values.push_back(choice.value);
        break;
      case QuestionType::Integer:
      case QuestionType::Decimal:
      case QuestionType::Year:
        for (double v : {1.0, 5.0, 20.0, 30.0, 50.0, 99.0, 2020.0, q.min.value_or(0), q.max.value_or(0)})
          values.push_back(Number(v, q, q.type != QuestionType::Decimal));
        break;
      default:
        break;
    }
    values.push_back("");  // unanswered rather than refused
    return values;
  }

  std::string PathOf(const Question& q, const std::string& repeat, const std::string& key,
                     const std::string& part = {}, const std::string& subpart = {}) const {
    return (repeat.empty() ? pathOf(q.id, part, subpart) : recordPath(repeat, key, q.id, part, subpart))
        .str();
  }

  void Answer(const Question& q, const std::string& repeat, const std::string& key) {
    if (!takesAnswer(q.type)) return;
    const std::string path = PathOf(q, repeat, key);
    ++count_;
    // Now and then the other marks a reply holds.
    if (q.allowNotAvailable && repeat.empty() && !notAvailableShown_ &&
        (q.type == QuestionType::Integer || q.type == QuestionType::Decimal)) {
      notAvailableShown_ = true;
      answers_[withMark(path, "status")] = "not_available";
      return;
    }
    if (repeat.empty() && count_ % 6 == 0) answers_[withMark(path, "comment")] = kComment;
    switch (q.type) {
      case QuestionType::YesNo:
        answers_[path] = "yes";
        break;
      case QuestionType::Text:
        answers_[path] = ShortText(q);
        break;
      case QuestionType::LongText: {
        // A postal address as such; any other, a paragraph.
        const std::string text = ShortText(q);
        answers_[path] = text != kShortText ? text : kLongText;
        break;
      }
      case QuestionType::SingleChoice:
        if (!q.choices.empty()) answers_[path] = q.choices.front().value;
        break;
      case QuestionType::MultipleChoice: {
        std::vector<std::string> chosen;
        for (std::size_t c = 0; c < q.choices.size() && c < 2; ++c) chosen.push_back(q.choices[c].value);
        answers_[path] = joinWords(chosen);
        break;
      }
      case QuestionType::Integer:
        answers_[path] = Number(12, q, true);
        break;
      case QuestionType::Decimal:
        answers_[path] = Number(2.5, q, false);
        break;
      case QuestionType::Year:
        answers_[path] = Number(2019, q, true);
        break;
      case QuestionType::Date:
        answers_[path] = DateWithin(q);
        break;
      case QuestionType::Country:
        answers_[path] = "DEU";
        break;
      case QuestionType::Legislation:
        answers_[PathOf(q, repeat, key, "title")] = "Criminal Code (Strafgesetzbuch, StGB)";
        answers_[PathOf(q, repeat, key, "article")] = "Section 232";
        answers_[PathOf(q, repeat, key, "date")] = "2016-10-15";
        answers_[PathOf(q, repeat, key, "link")] = "https://www.gesetze-im-internet.de/stgb/";
        answers_[PathOf(q, repeat, key, "excerpt")] =
            "Whoever exploits another person by taking advantage of their predicament... (Sample excerpt.)";
        break;
      case QuestionType::Table:
        for (std::size_t r = 0; r < q.rows.size(); ++r)
          for (std::size_t c = 0; c < q.columns.size(); ++c)
            answers_[PathOf(q, repeat, key, q.rows[r].id, q.columns[c].id)] =
                std::to_string(3 * (r + 1) + 2 * c + 1);
        break;
      case QuestionType::Repeat: {
        const std::size_t records = std::max<std::size_t>(2, q.minRecords);
        std::vector<std::string> keys;
        for (std::size_t r = 1; r <= records; ++r) keys.push_back("demo" + std::to_string(r));
        answers_[path] = joinWords(keys);
        for (const auto& k : keys)
          for (int child : q.children) Answer(q_.questions[child], q.id, k);
        break;
      }
      default:  // attachments: there is no file to attach
        break;
    }
  }

  std::shared_ptr<const Questionnaire> shared_;
  const Questionnaire& q_;
  std::map<std::string, std::string> answers_;
  int count_ = 0;
  bool notAvailableShown_ = false;
};

}  // namespace

std::map<std::string, std::string> DemoAnswers(std::shared_ptr<const Questionnaire> questionnaire) {
  return Demo(std::move(questionnaire)).Answers();
}

}  // namespace focal::gui
