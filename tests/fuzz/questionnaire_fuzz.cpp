// Fuzz target for the questionnaire loader: any bytes, as a questionnaire
// file. Beyond crashes, hangs (run with -timeout=1) and leaks, it checks what
// the loader promises: it either loads or reports at least one error, every
// message names the file, and a loaded questionnaire can be answered.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "forms/questionnaire_loader.h"
#include "forms/response_session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  focal::LoadResult result = focal::loadQuestionnaireText(text, "fuzz.yaml");
  if (!result.ok() && result.errorCount() == 0) std::abort();
  for (const auto& d : result.diagnostics)
    if (d.file != "fuzz.yaml" || d.message.empty()) std::abort();
  if (result.ok()) {
    focal::ResponseSession session(result.questionnaire);
    for (const auto& q : result.questionnaire->questions) {
      session.answer(q.id, "yes");
      session.answer(q.id, "12");
      if (q.type == focal::QuestionType::Repeat) session.apply(session.addRecordWrites(q.id));
    }
    (void)session.problems();
    (void)session.progress();
  }
  return 0;
}
