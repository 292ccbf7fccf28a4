// Fuzz target for the answers import of `focal-cli fill`: any bytes, as a
// CSV or JSON answers file (chosen by the first character, as the command
// does), parsed and then imported into a response in an in-memory
// workspace. It must never crash or hang; a row is either stored, skipped
// or rejected with a reason; and the stored answers are those the session
// holds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "forms/answer_import.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace {

const char* kQuestionnaire = R"(focal: 1
id: fuzz-answers
title: {en: Answers}
instrument: tip
cycle: 1
version: '1'
languages: [en]
sections:
  - id: s
    title: {en: S}
    questions:
      - {id: q_1, type: yes_no, label: {en: Gate}}
      - {id: q_2, type: long_text, label: {en: Follow-up}, relevant: "${q_1} = 'yes'"}
      - {id: q_3, type: integer, label: {en: Number}, min: 0, max: 1000}
      - {id: q_4, type: multiple_choice, label: {en: Kinds}, other: true,
         choices: [{value: labour, label: {en: Labour}}, {value: sexual, label: {en: Sexual}}]}
      - {id: q_5, type: legislation, label: {en: Law}}
      - {id: q_6, type: date, label: {en: Date}}
      - {id: q_7, type: country, label: {en: Country}}
      - id: q_8
        type: table
        label: {en: Victims}
        rows: [{id: y2023, label: {en: '2023'}}, {id: y2024, label: {en: '2024'}}]
        columns: [{id: women, label: {en: Women}}, {id: men, label: {en: Men}}]
        totals: both
      - id: q_9
        type: repeat
        label: {en: Agreements}
        max_records: 5
        questions:
          - {id: q_9_partner, type: country, label: {en: Partner}}
          - {id: q_9_year, type: year, label: {en: Year}}
)";

const focal::Questionnaire& questionnaire() {
  static const auto loaded = focal::loadQuestionnaireText(kQuestionnaire, "fuzz-answers.yaml");
  if (!loaded.ok()) std::abort();
  return *loaded.questionnaire;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const focal::Questionnaire& q = questionnaire();
  std::size_t first = 0;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\n' || text[first] == '\r')) ++first;
  focal::AnswerFile file;
  try {
    file = first < text.size() && text[first] == '{' ? focal::parseAnswersJson(text, "fuzz.json", q)
                                                     : focal::parseAnswersCsv(text, "fuzz.csv");
  } catch (const focal::WorkspaceError& e) {
    // Documented: a file that cannot be read as a whole is refused, with a reason.
    if (e.kind() != focal::WorkspaceError::Kind::Refused || std::string_view(e.what()).empty()) std::abort();
    return 0;
  }
  for (const auto& p : file.problems)
    if (p.message.empty()) std::abort();
  focal::WorkspaceOptions options;
  options.user = "fuzz";
  options.backupOnClose = false;
  auto ws = focal::Workspace::create(":memory:", options);
  const focal::ResponseId id = ws->createResponse(q, "FRA", "en");
  focal::ResponseDocument document(*ws, id);
  const focal::ImportResult result = focal::importAnswers(document, file);
  for (const auto& p : result.rejected)
    if (p.message.empty()) std::abort();
  if (ws->answers(id) != document.session().answers()) std::abort();
  return 0;
}
