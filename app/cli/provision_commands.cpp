// focal-cli provisions: the provisions of a questionnaire's instrument, by
// theme and level of obligation, each with the questions that cover it and,
// for a workspace, where the reply stands on them; --uncovered lists for the
// author the provisions no question covers.
#include <nlohmann/json.hpp>

#include <iostream>
#include <set>

#include "app/cli/workspace_cli.h"
#include "forms/provision_coverage.h"
#include "forms/response_session.h"

namespace focal::cli {

namespace {

using json = nlohmann::json;

struct Options {
  std::string source, language, theme, obligation;
  bool json = false, uncovered = false;
  std::optional<ResponseId> response;
};

bool isQuestionnaireFile(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml";
}

int list(const Options& o) {
  std::shared_ptr<const Questionnaire> q;
  std::optional<std::map<std::string, std::string>> answers;
  std::string language = o.language;
  if (isQuestionnaireFile(o.source)) {
    q = loadOrReport(o.source);
    if (!q) return kInvalid;
  } else {
    WorkspaceOptions options;
    options.readOnlyIfLocked = true;
    options.backupOnClose = false;
    auto ws = Workspace::open(o.source, options);
    printWarnings(*ws);
    auto id = chooseResponse(*ws, o.response);
    if (!id) return kInvalid;
    q = ws->questionnaire(*id);
    answers = ws->answers(*id);
    if (language.empty()) language = ws->response(*id).language;
  }
  if (language.empty()) language = q->defaultLanguage();
  const std::string own = instrumentKey(q->info.instrument);
  auto catalog = q->provisions.find(own);
  if (catalog == q->provisions.end()) {
    printError("no provisions file for '" + own + "' is installed (questionnaires/reference/provisions-" +
               own + ".yaml); reinstall Focal");
    return kFailed;
  }
  if (!o.obligation.empty() && o.obligation != "mandatory" && o.obligation != "shall_consider" &&
      o.obligation != "optional") {
    printError("--obligation is mandatory, shall_consider or optional, not '" + o.obligation + "'");
    return kInvalid;
  }
  if (!o.theme.empty()) {
    bool known = false;
    std::vector<std::string> keys;
    for (const auto& [key, label] : catalog->second->themes) known |= key == o.theme, keys.push_back(key);
    if (!known) {
      printError("the " + own + " provisions have no theme '" + o.theme + "'; they have " +
                 joined(keys, ", "));
      return kInvalid;
    }
  }
  std::unique_ptr<ResponseSession> session;
  if (answers) {
    session = std::make_unique<ResponseSession>(q, language);
    session->load(*answers);
  }
  const auto relevant = [&](const std::string& id) { return session ? session->isRelevant(id) : true; };
  const std::map<std::string, std::string> none;

  auto entries = provisionCoverage(*q);
  std::erase_if(entries, [&](const ProvisionEntry& e) {
    if (o.uncovered && (!e.ownInstrument || !e.questions.empty())) return true;
    if (!o.obligation.empty() && obligationKey(e.provision->obligation) != o.obligation) return true;
    if (!o.theme.empty() && std::find(e.provision->themes.begin(), e.provision->themes.end(), o.theme) ==
                                e.provision->themes.end())
      return true;
    return false;
  });

  json j = {{"questionnaire", q->info.id},
            {"version", q->info.version},
            {"instrument", own},
            {"language", language},
            {"source", catalog->second->sourceName},
            {"provisions", json::array()}};
  std::size_t covered = 0;
  for (const auto& e : entries) {
    const Provision& p = *e.provision;
    json item = {{"instrument", instrumentKey(e.catalog->instrument)},
                 {"article", p.article},
                 {"paragraph", p.paragraph},
                 {"citation", p.citation(language)},
                 {"title", p.title.get(language, "en")},
                 {"summary", p.summary.get(language, "en")},
                 {"obligation", obligationKey(p.obligation)},
                 {"themes", p.themes},
                 {"link", e.catalog->linkFor(language)},
                 {"questions", json::array()}};
    for (int index : e.questions) {
      const Question& question = q->questions[index];
      json qj = {{"id", question.id}};
      if (answers) qj["state"] = questionStateKey(questionState(question, *answers, relevant));
      item["questions"].push_back(qj);
    }
    if (!e.questions.empty()) ++covered;
    j["provisions"].push_back(item);
  }
  j["covered"] = covered;
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::cout << printable(catalog->second->title.get(language, "en")) << "\n"
            << printable(q->info.id) << " version " << printable(q->info.version) << ": " << entries.size()
            << (o.uncovered ? " provisions covered by no question"
                            : " provisions, " + std::to_string(covered) + " covered by a question")
            << "\n";
  // By the first theme of each provision, in the file's order of themes;
  // within a theme, mandatory first.
  for (const auto& [theme, label] : catalog->second->themes) {
    bool heading = false;
    for (Obligation level : {Obligation::Mandatory, Obligation::ShallConsider, Obligation::Optional})
      for (const auto& e : entries) {
        const Provision& p = *e.provision;
        if (p.obligation != level || p.themes.empty() || p.themes.front() != theme) continue;
        if (!heading) std::cout << "\n" << printable(label.get(language, "en")) << "\n";
        heading = true;
        std::string prefix = e.ownInstrument ? "" : std::string(instrumentKey(e.catalog->instrument)) + " ";
        std::cout << "  " << printable(prefix + p.citation(language)) << "  ["
                  << obligationLabel(p.obligation, language) << "]  "
                  << shortValue(p.summary.get(language, "en"), 100) << "\n";
        if (o.uncovered) continue;
        std::string line;
        for (int index : e.questions) {
          const Question& question = q->questions[index];
          line += (line.empty() ? "" : ", ") + question.id;
          if (answers)
            line += " (" + questionStateLabel(questionState(question, *answers, relevant), language) + ")";
        }
        std::cout << "      " << (line.empty() ? std::string("no question") : printable(line)) << "\n";
      }
  }
  return kOk;
}

const Registrar registrar(12, [](CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "provisions",
      "List the instrument's provisions by theme and obligation, with the questions covering each");
  command->add_option("SOURCE", o->source, "A questionnaire YAML file, or a workspace (.focal)")->required();
  command->add_flag("--json", o->json, "Print the list as JSON");
  command->add_flag("--uncovered", o->uncovered, "Only the provisions no question covers");
  command->add_option("--theme", o->theme,
                      "Only the provisions of this theme (a key of the provisions file)");
  command->add_option("--obligation", o->obligation, "Only mandatory, shall_consider or optional provisions");
  command->add_option("--language", o->language, "Language of the summaries (en, fr, es)");
  command->add_option("--response", o->response, "The response, when the workspace holds several");
  command->callback([o] { exitCode() = guarded([&] { return list(*o); }); });
});

}  // namespace

}  // namespace focal::cli
