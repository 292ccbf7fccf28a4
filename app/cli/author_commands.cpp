// focal-cli's commands for the author reviewing a questionnaire: the logic of
// every question as JSON (show --json), the differences between two
// questionnaires (diff) and the codebook of the exported variables (codebook).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

#include "app/cli/cli.h"
#include "export/questionnaire_review.h"
#include "forms/questionnaire_loader.h"

namespace focal::cli {

namespace {

// `show --json` is defined in questionnaire_commands.cpp with the outline
// only; this gives each question's logic as well (the outline's keys are
// kept). It runs when the command line is parsed, before show's own callback,
// and ends the program with show's exit code. Anything it cannot show (a file
// with errors, an unknown language) is left to show's own messages.
void extendShow(CLI::App& app) {
  CLI::App* show = nullptr;
  try {
    show = app.get_subcommand("show");
  } catch (const CLI::OptionNotFound&) {
    return;
  }
  show->parse_complete_callback([show] {
    if (show->get_option("--json")->count() == 0) return;
    const std::string file = show->get_option("FILE")->as<std::string>();
    std::string language = show->get_option("--language")->count()
                               ? show->get_option("--language")->as<std::string>()
                               : std::string();
    LoadResult result = loadQuestionnaireFile(file);
    if (!result.ok()) return;
    const auto& q = *result.questionnaire;
    if (language.empty()) language = q.defaultLanguage();
    if (std::find(q.info.languages.begin(), q.info.languages.end(), language) == q.info.languages.end())
      return;
    std::cout << reviewJson(q, language).dump(2) << "\n";
    throw CLI::RuntimeError(kOk);
  });
}

const Registrar registrar(11, [](CLI::App& app) { extendShow(app); });

}  // namespace

}  // namespace focal::cli