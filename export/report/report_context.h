// What every export of a national report reads: the report, its
// questionnaire, a session evaluated over its answers (relevance, computed
// values), and how a stored value reads in the chosen language ("Yes", the
// choice's label, the country's name).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "export/common/report_labels.h"
#include "export/report/national_report.h"
#include "forms/questionnaire.h"
#include "forms/response_session.h"

namespace focal {

class ReportContext {
 public:
  // Loads the questionnaire kept in the report (checked against its SHA-256)
  // unless one is given. `language` "" is the report's own language.
  // Throws ExportError when the questionnaire cannot be read.
  explicit ReportContext(const NationalReport& report, std::string language = {},
                         std::shared_ptr<const Questionnaire> questionnaire = nullptr);

  const NationalReport& report() const { return report_; }
  const Questionnaire& questionnaire() const { return *questionnaire_; }
  const ResponseSession& session() const { return *session_; }
  const std::string& language() const { return language_; }
  const ReportLabels& labels() const { return reportLabels(language_); }
  bool rightToLeft() const { return isRightToLeft(language_); }

  std::string text(const LocalizedText& text) const;
  // The text with each ${id} filled with that answer as the report prints it
  // ("Yes", the choice's label, the country's name, the number as given);
  // "…" where unanswered or not relevant (forms/label_text.h).
  std::string filled(const LocalizedText& text) const;
  std::string stateName() const;
  std::string countryName(const std::string& code) const;

  // The stored answer at `path`, or null.
  const ReportAnswer* answer(const std::string& path) const;
  std::string value(const std::string& path) const;

  // A stored value as a reader reads it: "Yes", the choices' labels joined
  // by "; ", the country's name, the number with its unit...
  std::string display(const Question& question, const std::string& value) const;
  // The name of a named part (a citation's "title", "article"...) in the
  // report's language; the part itself when it has none.
  std::string partName(const std::string& part) const;
  // The labels of the chosen choices, in order ("Other: text" for other).
  std::vector<std::string> choiceLabels(const Question& question, const std::string& value,
                                        const std::string& otherText) const;
  // "Information not available", "Not applicable", or "" for a status value.
  std::string statusText(const std::string& status) const;

 private:
  const NationalReport& report_;
  std::shared_ptr<const Questionnaire> questionnaire_;
  std::unique_ptr<ResponseSession> session_;
  std::string language_;
  std::unordered_map<std::string, const ReportAnswer*> byPath_;
};

}  // namespace focal
