// focal-cli's commands for the author reviewing a questionnaire: the logic of
// every question as JSON (show --json), the differences between two
// questionnaires (diff) and the codebook of the exported variables (codebook).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

#include "app/cli/cli.h"
#include "export/common/output_file.h"
#include "export/data/codebook.h"
#include "export/print/questionnaire_review.h"
#include "forms/questionnaire_diff.h"
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

// The questionnaire in `file`, or null after printing its errors.
std::shared_ptr<const Questionnaire> load(const std::string& file, const std::string& command) {
  LoadResult result = loadQuestionnaireFile(file);
  if (result.ok()) return result.questionnaire;
  for (const auto& d : result.diagnostics) std::cerr << d.format() << "\n";
  std::cerr << file << ": cannot " << command << " a questionnaire with errors; run 'focal-cli validate "
            << file << "' and correct them first\n";
  return nullptr;
}

// One line of text, shortened for the terminal; "(none)" when empty.
std::string shown(const std::string& text) {
  if (text.empty()) return "(none)";
  std::string line = text;
  for (char& c : line)
    if (c == '\n') c = ' ';
  return line.size() > 200 ? line.substr(0, 197) + "..." : line;
}

int diff(const std::string& oldFile, const std::string& newFile, bool json) {
  auto before = load(oldFile, "compare");
  auto after = load(newFile, "compare");
  if (!before || !after) return kInvalid;
  const QuestionnaireDiff d = diffQuestionnaires(*before, *after);
  if (json) {
    nlohmann::ordered_json j;
    j["old"] = {{"file", oldFile}, {"id", before->info.id}, {"version", before->info.version}};
    j["new"] = {{"file", newFile}, {"id", after->info.id}, {"version", after->info.version}};
    j["added"] = d.added;
    j["removed"] = d.removed;
    j["changed"] = nlohmann::ordered_json::array();
    for (const auto& c : d.changed) {
      nlohmann::ordered_json fields = nlohmann::ordered_json::array();
      for (const auto& f : c.fields)
        fields.push_back({{"field", f.field}, {"old", f.before}, {"new", f.after}});
      j["changed"].push_back({{"id", c.id}, {"fields", fields}});
    }
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::cout << oldFile << " (" << before->info.id << " " << before->info.version << ") -> " << newFile << " ("
            << after->info.id << " " << after->info.version << ")\n";
  if (d.empty()) {
    std::cout << "No question was added, removed or changed.\n";
    return kOk;
  }
  auto label = [](const Questionnaire& q, const std::string& id) {
    const Question* question = q.find(id);
    return question ? shown(question->label.get(q.defaultLanguage())) : std::string();
  };
  std::cout << "\nAdded (" << d.added.size() << "):\n";
  for (const auto& id : d.added) std::cout << "  + " << id << "  " << label(*after, id) << "\n";
  std::cout << "\nRemoved (" << d.removed.size() << "):\n";
  for (const auto& id : d.removed) std::cout << "  - " << id << "  " << label(*before, id) << "\n";
  std::cout << "\nChanged (" << d.changed.size() << "):\n";
  for (const auto& c : d.changed) {
    std::cout << "  ~ " << c.id << "\n";
    for (const auto& f : c.fields)
      std::cout << "      " << f.field << ":\n        was: " << shown(f.before)
                << "\n        now: " << shown(f.after) << "\n";
  }
  std::cout << "\n"
            << d.added.size() << " added, " << d.removed.size() << " removed, " << d.changed.size()
            << " changed\n";
  return kOk;
}

int codebook(const std::string& file, const std::string& format, std::string language,
             const std::string& output) {
  auto q = load(file, "make the codebook of");
  if (!q) return kInvalid;
  if (language.empty()) language = q->defaultLanguage();
  const CodebookFormat chosen = format == "html"   ? CodebookFormat::Html
                                : format == "pdf"  ? CodebookFormat::Pdf
                                : format == "xlsx" ? CodebookFormat::Xlsx
                                                   : CodebookFormat::Csv;
  try {
    const Codebook book = buildCodebook(q, language);
    writeCodebook(book, chosen, output);
    std::cout << output << ": codebook of " << q->info.id << " " << q->info.version << ", "
              << book.entries.size() << " variables (" << format << ", " << language << ")\n";
  } catch (const ExportError& e) {
    printError(e.what());
    return kFailed;
  }
  return kOk;
}

const Registrar registrar(11, [](CLI::App& app) {
  extendShow(app);

  auto* diffCommand =
      app.add_subcommand("diff", "List the questions added, removed and changed between two questionnaires");
  auto oldFile = std::make_shared<std::string>();
  auto newFile = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  diffCommand->add_option("OLD", *oldFile, "The earlier questionnaire (YAML)")->required();
  diffCommand->add_option("NEW", *newFile, "The later questionnaire (YAML)")->required();
  diffCommand->add_flag("--json", *json, "Print the differences as JSON");
  diffCommand->callback([=] { exitCode() = diff(*oldFile, *newFile, *json); });

  auto* codebookCommand = app.add_subcommand(
      "codebook",
      "Write the codebook: one entry per exported variable, with its label, values, condition and checks");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("html");
  auto language = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  codebookCommand->add_option("FILE", *file, "Questionnaire YAML file")->required();
  codebookCommand->add_option("--format", *format, "html, pdf, xlsx or csv (default: html)")
      ->check(CLI::IsMember({"html", "pdf", "xlsx", "csv"}));
  codebookCommand->add_option("--language", *language,
                              "Language of the labels (default: the questionnaire's first)");
  codebookCommand->add_option("-o,--output", *output, "The file to write")->required();
  codebookCommand->callback([=] { exitCode() = codebook(*file, *format, *language, *output); });
});

}  // namespace

}  // namespace focal::cli
