// A scenario answers a questionnaire as a person would, with no GUI
// (after JavaRosa's test Scenario): most behaviour is tested this way.
//   Scenario s(R"(... yaml ...)");
//   s.answer("q3", "no");
//   EXPECT_FALSE(s.isRelevant("q4"));
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "forms/questionnaire_loader.h"
#include "forms/response_session.h"

namespace focal::test {

// A questionnaire file around `sections` (YAML of the section list), with
// the header filled in; `extra` is added at the top level (choice lists...).
inline std::string questionnaireYaml(const std::string& sections, const std::string& extra = {},
                                     const std::string& languages = "[en, fr]") {
  return "focal: 1\nid: test\ntitle: Test\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: " + languages +
         "\n" + extra + "sections:\n" + sections;
}

// Loads YAML that must be valid; fails the test with the diagnostics otherwise.
inline std::shared_ptr<const Questionnaire> loadValid(const std::string& yaml) {
  LoadResult result = loadQuestionnaireText(yaml, "test.yaml");
  std::string messages;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  return result.questionnaire;
}

class Scenario {
 public:
  explicit Scenario(const std::string& yaml) : questionnaire_(loadValid(yaml)) {
    if (questionnaire_) session_ = std::make_unique<ResponseSession>(questionnaire_);
  }
  explicit Scenario(std::shared_ptr<const Questionnaire> q)
      : questionnaire_(std::move(q)), session_(std::make_unique<ResponseSession>(questionnaire_)) {}

  Outcome answer(const std::string& path, const std::string& value) { return session().answer(path, value); }
  std::string addRecord(const std::string& repeat) {
    auto writes = session().addRecordWrites(repeat);
    session().apply(writes);
    return session().records(repeat).back();
  }
  bool isRelevant(const std::string& path) const { return session().isRelevant(path); }
  bool isRequired(const std::string& path) const { return session().isRequired(path); }
  bool isAnswered(const std::string& path) const { return session().isAnswered(path); }
  std::string error(const std::string& path) const { return session().error(path); }
  std::string calculated(const std::string& path) const { return session().calculated(path); }
  std::string value(const std::string& path) const { return session().value(path); }
  // Throws (and so fails the test, without crashing) when the questionnaire did not load.
  ResponseSession& session() const {
    if (!session_) throw std::runtime_error("the scenario's questionnaire did not load");
    return *session_;
  }
  const Questionnaire& questionnaire() const { return *questionnaire_; }

 private:
  std::shared_ptr<const Questionnaire> questionnaire_;
  std::unique_ptr<ResponseSession> session_;
};

}  // namespace focal::test
