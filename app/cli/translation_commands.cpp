// focal-cli translations export and import: the translators' round trip
// through XLIFF 1.2 (forms/translations.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "export/common/output_file.h"
#include "forms/questionnaire_loader.h"
#include "forms/translations.h"

namespace focal::cli {

namespace {

constexpr std::uint64_t kMaxFileBytes = 64ull * 1024 * 1024;

// Loads the questionnaire to check it, printing its errors.
bool loads(const std::string& file) {
  LoadResult result = loadQuestionnaireFile(file);
  if (result.ok()) return true;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) std::cerr << d.format() << "\n";
  printError(file + " does not load; correct it (focal-cli validate " + file + ") and try again");
  return false;
}

int exportCommand(const std::string& file, const std::string& language, const std::string& output) {
  if (!loads(file)) return kInvalid;
  Diagnostics diagnostics(file);
  auto translatable = TranslatableFile::read(readWholeFile(file, kMaxFileBytes), diagnostics);
  if (!translatable) return kInvalid;
  const auto& langs = translatable->languages();
  if (std::find(langs.begin(), langs.end(), language) == langs.end()) {
    printError("'" + language + "' is not in 'languages' of " + file + "; add it there first");
    return kInvalid;
  }
  if (language == langs.front()) {
    printError("'" + language + "' is the default language of " + file +
               "; choose the language to translate into");
    return kInvalid;
  }
  std::string xlf =
      exportTranslations(*translatable, std::filesystem::path(file).filename().string(), language);
  writeFileAtomically(output, xlf);
  std::size_t translated = 0;
  for (const auto& t : translatable->texts())
    if (translatable->textIn(t, language)) ++translated;
  std::cout << output << ": " << translatable->texts().size() << " texts, " << translated << " already in "
            << language << "\n";
  return kOk;
}

int importCommand(const std::string& file, const std::vector<std::string>& xliffs, const std::string& output,
                  const std::string& language) {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& x : xliffs) inputs.emplace_back(x, readWholeFile(x, kMaxFileBytes));
  TranslationImport result = importTranslations(readWholeFile(file, kMaxFileBytes), file, inputs, language);
  if (!result.errors.empty()) {
    for (const auto& e : result.errors) std::cerr << e << "\n";
    printError(std::to_string(result.errors.size()) + (result.errors.size() == 1 ? " problem" : " problems") +
               "; nothing was written. Correct them and import again.");
    return kInvalid;
  }
  writeFileAtomically(output, result.text);
  std::cout << output << ": " << result.changed << " texts translated, " << result.unchanged << " unchanged, "
            << result.untranslated << " left untranslated\n";
  return kOk;
}

int run(const std::function<int()>& body) {
  try {
    return body();
  } catch (const ExportError& e) {
    printError(e.what());
    return kFailed;
  }
}

const Registrar registrar(12, [](CLI::App& app) {
  auto* group =
      app.add_subcommand("translations", "Translators' round trip through XLIFF 1.2: export, import");
  group->require_subcommand(1);

  auto* exp = group->add_subcommand("export", "Write every text to translate as XLIFF 1.2 for one language");
  auto e = std::make_shared<std::array<std::string, 3>>();
  exp->add_option("FILE", (*e)[0], "Questionnaire YAML file")->required();
  exp->add_option("--language", (*e)[1], "The language to translate into, declared in 'languages'")
      ->required();
  exp->add_option("-o,--output", (*e)[2], "The XLIFF file to write (.xlf)")->required();
  exp->callback([=] { exitCode() = run([&] { return exportCommand((*e)[0], (*e)[1], (*e)[2]); }); });

  auto* imp = group->add_subcommand("import", "Fill the translations of XLIFF files into a questionnaire");
  auto file = std::make_shared<std::string>();
  auto xliffs = std::make_shared<std::vector<std::string>>();
  auto output = std::make_shared<std::string>();
  imp->add_option("FILE", *file, "Questionnaire YAML file")->required();
  imp->add_option("XLIFF", *xliffs, "Translated XLIFF files")->required();
  imp->add_option("-o,--output", *output, "The questionnaire to write (may be FILE itself)")->required();
  auto importLanguage = std::make_shared<std::string>();
  imp->add_option("--language", *importLanguage,
                  "The target language of files that do not name one (such as po2xliff's)");
  imp->callback(
      [=] { exitCode() = run([&] { return importCommand(*file, *xliffs, *output, *importLanguage); }); });
});

}  // namespace

}  // namespace focal::cli
