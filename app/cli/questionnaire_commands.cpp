// focal-cli validate and show: the secretariat author's checks.
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/cli.h"
#include "forms/provision_coverage.h"
#include "forms/questionnaire_loader.h"

namespace focal::cli {

namespace {

// "1 section", "3 sections": the outline's summary line (English, as the rest of it).
std::string counted(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// A note, not a warning: a cycle asks about some provisions only, but the
// author should see which ones it leaves out.
void printUncovered(const std::string& file, const Questionnaire& q) {
  std::string list;
  std::size_t count = 0;
  for (const auto& e : provisionCoverage(q)) {
    if (!e.ownInstrument || !e.questions.empty()) continue;
    if (++count <= 12) list += (list.empty() ? "" : ", ") + e.provision->citation("en");
  }
  if (count == 0) return;
  std::cout << file << ": note: " << count << " provisions of " << instrumentKey(q.info.instrument)
            << " are covered by no question: " << printable(list) << (count > 12 ? ", ..." : "")
            << " (focal-cli provisions " << file << " --uncovered lists them all)\n";
}

int validate(const std::vector<std::string>& files, bool strict, const std::string& previous) {
  int code = kOk;
  for (const auto& file : files) {
    LoadOptions options;
    options.strict = strict;
    options.previousPath = previous;
    LoadResult result = loadQuestionnaireFile(file, options);
    for (const auto& d : result.diagnostics) std::cerr << printable(d.format()) << "\n";
    if (!result.ok()) {
      std::cerr << file << ": " << result.errorCount() << (result.errorCount() == 1 ? " error" : " errors")
                << "; nothing was changed. Correct the file and run validate again.\n";
      code = kInvalid;
      continue;
    }
    const auto& q = *result.questionnaire;
    std::string languages;
    for (const auto& l : q.info.languages)
      languages += (languages.empty() ? "" : " ") + l + (q.info.isPartial(l) ? " (partial)" : "");
    std::cout << file << ": ok (" << counted(q.sections.size(), "section") << ", "
              << counted(q.questions.size(), "question") << ", languages: " << languages << ")\n";
    printUncovered(file, q);
  }
  return code;
}

nlohmann::json questionJson(const Questionnaire& q, int index, const std::string& language) {
  const Question& question = q.questions[index];
  nlohmann::json j = {{"id", question.id},
                      {"type", questionTypeKey(question.type)},
                      {"label", question.label.get(language, q.defaultLanguage())}};
  if (!question.children.empty()) {
    j["questions"] = nlohmann::json::array();
    for (int child : question.children) j["questions"].push_back(questionJson(q, child, language));
  }
  return j;
}

nlohmann::json sectionJson(const Questionnaire& q, int index, const std::string& language) {
  const Section& s = q.sections[index];
  nlohmann::json j = {{"id", s.id}, {"title", s.title.get(language, q.defaultLanguage())}};
  j["questions"] = nlohmann::json::array();
  for (int question : s.questions) j["questions"].push_back(questionJson(q, question, language));
  j["sections"] = nlohmann::json::array();
  for (int sub : s.subsections) j["sections"].push_back(sectionJson(q, sub, language));
  return j;
}

void printQuestion(const Questionnaire& q, int index, const std::string& language, int indent) {
  const Question& question = q.questions[index];
  std::cout << std::string(indent, ' ') << question.id << "  [" << questionTypeKey(question.type) << "]  "
            << printable(question.label.get(language, q.defaultLanguage())) << "\n";
  for (int child : question.children) printQuestion(q, child, language, indent + 4);
}

// Sections are shown by title and id, not numbered: authors number them in
// their titles as the cycle's documents do.
void printSection(const Questionnaire& q, int index, const std::string& language) {
  const Section& s = q.sections[index];
  const int indent = 2 * s.depth;
  std::cout << std::string(indent, ' ') << "* " << printable(s.title.get(language, q.defaultLanguage()))
            << "  (" << s.id << ")\n";
  for (int question : s.questions) printQuestion(q, question, language, indent + 4);
  for (int sub : s.subsections) printSection(q, sub, language);
}

int show(const std::string& file, std::string language, bool json) {
  LoadResult result = loadQuestionnaireFile(file);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) std::cerr << printable(d.format()) << "\n";
    std::cerr << file << ": cannot show a questionnaire with errors; run 'focal-cli validate " << file
              << "'\n";
    return kInvalid;
  }
  const auto& q = *result.questionnaire;
  if (language.empty()) language = q.defaultLanguage();
  if (std::find(q.info.languages.begin(), q.info.languages.end(), language) == q.info.languages.end()) {
    printError("the questionnaire has no language '" + language + "'; it has " + [&] {
      std::string out;
      for (const auto& l : q.info.languages) out += (out.empty() ? "" : " ") + l;
      return out;
    }());
    return kInvalid;
  }
  if (json) {
    nlohmann::json j = {{"id", q.info.id},
                        {"title", q.info.title.get(language, q.defaultLanguage())},
                        {"instrument", instrumentKey(q.info.instrument)},
                        {"cycle", q.info.cycle},
                        {"version", q.info.version},
                        {"languages", q.info.languages},
                        {"section_count", q.sections.size()},
                        {"question_count", q.questions.size()}};
    j["sections"] = nlohmann::json::array();
    for (int s : q.topLevelSections()) j["sections"].push_back(sectionJson(q, s, language));
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::cout << printable(q.info.title.get(language, q.defaultLanguage())) << "\n"
            << q.info.id << ", version " << q.info.version << ", " << instrumentKey(q.info.instrument)
            << " cycle " << q.info.cycle << "\n\n";
  for (int s : q.topLevelSections()) printSection(q, s, language);
  std::string languages;
  for (const auto& l : q.info.languages) languages += " " + l;
  std::cout << "\n"
            << counted(q.sections.size(), "section") << ", " << counted(q.questions.size(), "question")
            << ", languages:" << languages << "\n";
  return kOk;
}

const Registrar registrar(10, [](CLI::App& app) {
  auto* validateCommand = app.add_subcommand("validate", "Check questionnaire files and list every problem");
  auto files = std::make_shared<std::vector<std::string>>();
  auto strict = std::make_shared<bool>(false);
  validateCommand->add_option("FILE", *files, "Questionnaire YAML files")->required();
  auto previous = std::make_shared<std::string>();
  validateCommand->add_flag("--strict", *strict, "Treat warnings (such as missing translations) as errors");
  validateCommand->add_option("--previous", *previous,
                              "The previous cycle's questionnaire, to check carry_forward_from and "
                              "carry_forward_map against (default: <previous_cycle>.yaml beside each FILE)");
  validateCommand->callback([=] { exitCode() = validate(*files, *strict, *previous); });

  auto* showCommand = app.add_subcommand("show", "Print a questionnaire's outline");
  auto file = std::make_shared<std::string>();
  auto language = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  showCommand->add_option("FILE", *file, "Questionnaire YAML file")->required();
  showCommand->add_option("--language", *language,
                          "Language of the labels (default: the questionnaire's first)");
  showCommand->add_flag("--json", *json, "Print the outline as JSON");
  showCommand->callback([=] { exitCode() = show(*file, *language, *json); });
});

}  // namespace

}  // namespace focal::cli
