// From a response to a national report: the answers of relevant questions
// only (docs/questionnaire-format.md: a question that is not relevant is not
// exported), with who and when, the files of the relevant attachment
// questions, and the metadata. Takes plain inputs, so the workspace, a test
// or a contribution can feed it alike.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/report/national_report.h"
#include "forms/question_refs.h"  // displayedSectionNumbers
#include "forms/questionnaire.h"
#include "forms/response_session.h"

namespace focal {

// Where the files of attachment answers come from.
class AttachmentSource {
 public:
  virtual ~AttachmentSource() = default;
  // The file for the attachment answer at `path` (name, type and data; the
  // hash is recomputed), or nullopt when there is none.
  virtual std::optional<ReportAttachment> attachment(const std::string& path) = 0;
};

struct ReportInput {
  std::shared_ptr<const Questionnaire> questionnaire;
  std::string state;     // ISO 3166-1 alpha-3
  std::string language;  // "" for the questionnaire's default
  std::string preparer;
  std::vector<ReportAnswer> answers;  // every stored answer, with who and when
  AttachmentSource* attachments = nullptr;
  ReportStatus status = ReportStatus::Draft;
  std::string exportedAt;  // "" for now
  std::string today;       // YYYY-MM-DD for today() in expressions; "" for the clock
};

// What keeps a report from being final: a relevant required question
// unanswered, a constraint failing, an answer in the wrong format, too few
// records. Each says where it is and what to do, in the report's language.
struct ReadinessProblem {
  std::string path;              // the question (id, or repeat[key]/child)
  std::string section;           // the section's number and title: "2.1 Status of victims"
  std::string label;             // the question's label
  std::string message;           // what is wrong
  std::string describe() const;  // "2.1 Status of victims > Label (q_3): message"
};
std::vector<ReadinessProblem> finalReportProblems(const ResponseSession& session);

class ReportNotReady : public std::runtime_error {
 public:
  explicit ReportNotReady(std::vector<ReadinessProblem> problems);
  const std::vector<ReadinessProblem>& problems() const { return problems_; }

 private:
  std::vector<ReadinessProblem> problems_;
};

// Builds the report; throws ReportNotReady for a final report with blocking
// problems. `warnings` receives what was left out (attachment files that
// are missing, answers of unknown questions).
NationalReport assembleReport(const ReportInput& input, std::vector<std::string>* warnings = nullptr);

// Whether the stored answer at `path` belongs to a question that is relevant
// in `session` (marks and parts follow their question; record fields follow
// their record's existence and relevance).
bool isExportedPath(const ResponseSession& session, const std::string& path);

}  // namespace focal
