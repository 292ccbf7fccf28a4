// focal-cli merge, analyze and synth: the secretariat's commands. merge
// verifies national reports and imports them into the consolidated store;
// analyze writes the analysis of one questionnaire as a workbook, CSV
// files, HTML or PDF; synth writes synthetic national reports for tests,
// benchmarks, demonstrations and training.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <map>

#include "app/cli/cli.h"
#include "export/common/output_file.h"
#include "export/report/report_file.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/consolidated_merge.h"
#include "export/secretariat/consolidated_synth.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> inputs, registered, acceptKeys;
  std::string into;
  bool json = false, allowUnsigned = false, acceptNewKeys = false, registeredOnly = false;
};

// A bar on standard error, redrawn after each file, when it is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}
  void clear() {
    if (enabled_ && drawn_) std::cerr << "\r\033[K" << std::flush;
  }
  void draw(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done / total);
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] " << done << "/"
              << total << " files" << std::flush;
    drawn_ = true;
  }

 private:
  bool enabled_, drawn_ = false;
};

std::string describe(const MergeFileResult& r) {
  std::string what = r.state.empty()
                         ? std::string()
                         : " (" + r.state + ", " + r.questionnaireId + " " + r.questionnaireVersion + ", " +
                               r.status + ", exported " + r.exportedAt + ")";
  return printable(r.file + what + (r.reason.empty() ? "" : ": " + r.reason));
}

// The result as printed at the start of its line, padded to one width.
std::string resultWord(MergeResult result) {
  std::string word = result == MergeResult::KeyConflict ? "conflict" : mergeResultKey(result);
  return word + std::string(word.size() < 11 ? 11 - word.size() : 1, ' ');
}

void printFlags(const MergeFileResult& r) {
  for (const auto& f : r.flags)
    std::cout << "  flagged  " << printable(f.path) << " = '" << printable(f.value)
              << "': " << printable(f.problem) << " (stored as received, left out of the analysis)\n";
}

nlohmann::json fileJson(const MergeFileResult& r) {
  nlohmann::json j = {{"file", r.file}, {"result", mergeResultKey(r.result)}};
  if (!r.reason.empty()) j["reason"] = r.reason;
  if (!r.state.empty()) {
    j["state"] = r.state;
    j["questionnaire"] = r.questionnaireId;
    j["questionnaire_version"] = r.questionnaireVersion;
    j["status"] = r.status;
    j["exported_at"] = r.exportedAt;
  }
  if (r.reportId) j["report"] = r.reportId;
  if (r.replaced) j["replaced_report"] = r.replaced;
  if (!r.fingerprint.empty()) j["fingerprint"] = r.fingerprint;
  if (!r.acceptCommand.empty()) j["accept_command"] = r.acceptCommand;
  if (!r.flags.empty()) {
    j["flagged"] = nlohmann::json::array();
    for (const auto& f : r.flags)
      j["flagged"].push_back({{"path", f.path}, {"value", f.value}, {"problem", f.problem}});
  }
  return j;
}

int registerQuestionnaires(ConsolidatedStore& store, const std::vector<std::string>& files) {
  for (const auto& file : files) {
    LoadResult result = loadQuestionnaireFile(file);
    if (!result.ok()) {
      // An official text of an earlier cycle may predate today's authoring
      // checks: it is read as a kept questionnaire is.
      std::string text;
      try {
        text = readWholeFile(file, std::uint64_t{64} << 20);
      } catch (const std::exception&) {
      }
      LoadResult kept = loadStoredQuestionnaireText(text, file);
      if (text.empty() || !kept.ok()) {
        for (const auto& d : result.diagnostics) std::cerr << printable(d.format()) << "\n";
        printError(file + " has errors; nothing was merged. Correct it and run merge again.");
        return kInvalid;
      }
      std::cerr
          << "focal-cli: note: " << printable(file)
          << " does not pass today's authoring checks; it is registered as a questionnaire of an earlier "
             "Focal\n";
      result = std::move(kept);
    }
    store.registerQuestionnaire(*result.questionnaire, "registered from " + file);
  }
  return kOk;
}

// --accept-key STATE=FINGERPRINT, each recorded before any file is merged.
int acceptKeys(ConsolidatedStore& store, const std::vector<std::string>& given) {
  sql::Transaction t(store.database());  // one sync for all of them; none recorded when one is wrong
  for (const auto& item : given) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      printError(
          "--accept-key " + item +
          ": write STATE=FINGERPRINT, e.g. --accept-key 'FRA=3F2A 9C01 77B0 12DE 4C55 0A9E 8812 F0C3'");
      return kInvalid;
    }
    const std::string state = item.substr(0, equals),
                      fingerprint = normalFingerprint(item.substr(equals + 1));
    try {
      store.acceptKey(state, item.substr(equals + 1));
    } catch (const StoreError& e) {
      printError(std::string(e.what()) + "; nothing was merged");
      return kInvalid;
    }
    for (const auto& k : store.acceptedKeys())
      if (k.fingerprint == fingerprint && k.state != state)
        std::cerr << "focal-cli: note: the key " << fingerprint << " is accepted for " << printable(k.state)
                  << " too; accept a key for several States only when each has confirmed it\n";
  }
  t.commit();
  return kOk;
}

int merge(const MergeArgs& args) {
  if (args.acceptNewKeys) {
    printError(
        "--accept-new-keys is gone: a key is accepted for one State at a time, by its fingerprint, once the "
        "State has confirmed it. Use --accept-key STATE=FINGERPRINT (merge lists the fingerprint of every "
        "report it holds back).");
    return kInvalid;
  }
  try {
    ConsolidatedStore store(args.into);
    for (const auto& w : registerBundledQuestionnaires(store))
      std::cerr << "focal-cli: warning: " << printable(w) << "\n";
    if (int code = registerQuestionnaires(store, args.registered); code != kOk) return code;
    if (int code = acceptKeys(store, args.acceptKeys); code != kOk) return code;
    std::vector<MergeFileResult> missing;
    const auto files = reportFiles(args.inputs, &missing);
    ProgressBar bar(true);
    MergeOptions options;
    options.allowUnsigned = args.allowUnsigned;
    options.onFile = [&](const MergeFileResult& r, std::size_t done, std::size_t total) {
      if (!args.json) {
        bar.clear();
        std::cout << resultWord(r.result) << describe(r) << "\n";
        printFlags(r);
        std::cout << std::flush;
      }
      bar.draw(done, total);
    };
    MergeSummary summary = mergeReports(store, files, options);
    bar.clear();
    for (auto& m : missing) {
      if (!args.json) std::cout << "refused    " << describe(m) << "\n";
      ++summary.refused;
      summary.files.push_back(std::move(m));
    }
    const std::size_t current = store.reports({}, true).size();
    if (args.json) {
      nlohmann::json j = {{"store", args.into},
                          {"imported", summary.imported},
                          {"unchanged", summary.unchanged},
                          {"superseded", summary.superseded},
                          {"refused", summary.refused},
                          {"held", summary.held},
                          {"key_conflicts", summary.keyConflicts},
                          {"flagged", summary.flagged},
                          {"current_reports", current},
                          {"files", nlohmann::json::array()}};
      for (const auto& f : summary.files) j["files"].push_back(fileJson(f));
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << summary.files.size() << (summary.files.size() == 1 ? " file: " : " files: ")
                << summary.imported << " imported, " << summary.superseded
                << " superseded an earlier report, " << summary.unchanged << " unchanged, " << summary.refused
                << " refused";
      if (summary.held) std::cout << ", " << summary.held << " held back (key not accepted)";
      if (summary.keyConflicts)
        std::cout << ", " << summary.keyConflicts << " key conflict"
                  << (summary.keyConflicts == 1 ? "" : "s");
      std::cout << ". " << printable(args.into) << " holds the current reports of " << current
                << " State replies.\n";
      if (summary.refused)
        std::cout
            << "Refused files were not imported; ask the State for a new export, or see the reason above.\n";
      if (summary.held)
        std::cout << "Held files were not imported: confirm each key's fingerprint with its State through "
                     "official channels, then run the command given.\n";
      if (summary.flagged)
        std::cout << summary.flagged << (summary.flagged == 1 ? " value is" : " values are")
                  << " outside the questionnaire's rules: stored as received, left out of the analysis "
                     "(list them with: focal-cli flagged "
                  << printable(args.into) << ").\n";
    }
    return summary.refused || summary.held || summary.keyConflicts ? kInvalid : kOk;
  } catch (const StoreError& e) {
    printError(e.what());
    return kFailed;
  }
}

int acceptedKeysCommand(const std::string& path, bool asJson) {
  try {
    ConsolidatedStore store(path, ConsolidatedStore::Options{true, false, false});
    const auto keys = store.acceptedKeys();
    if (asJson) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& k : keys)
        j.push_back({{"state", k.state},
                     {"fingerprint", k.fingerprint},
                     {"accepted_at", k.acceptedAt},
                     {"how", k.how}});
      std::cout << j.dump(2) << "\n";
      return kOk;
    }
    for (const auto& k : keys)
      std::cout << printable(k.state) << "  " << printable(k.fingerprint) << "  " << printable(k.acceptedAt)
                << "  " << printable(k.how) << "\n";
    std::cout << keys.size() << (keys.size() == 1 ? " key" : " keys") << " accepted in " << printable(path)
              << ". Accept another with: focal-cli merge REPORTS --into " << printable(path)
              << " --accept-key STATE=FINGERPRINT\n";
    return kOk;
  } catch (const StoreError& e) {
    printError(e.what());
    return kInvalid;
  }
}

int flaggedCommand(const std::string& path, const std::string& questionnaire, bool all, bool asJson) {
  try {
    ConsolidatedStore store(path, ConsolidatedStore::Options{true, false, false});
    auto flagged = store.flaggedAnswers(questionnaire);
    if (!all) std::erase_if(flagged, [](const FlaggedAnswer& f) { return !f.current; });
    if (asJson) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& f : flagged)
        j.push_back({{"report", f.report},
                     {"questionnaire", f.questionnaireId},
                     {"state", f.state},
                     {"file", f.fileName},
                     {"path", f.path},
                     {"value", f.value},
                     {"problem", f.problem},
                     {"current", f.current}});
      std::cout << j.dump(2) << "\n";
      return kOk;
    }
    for (const auto& f : flagged)
      std::cout << printable(f.state) << "  " << printable(f.questionnaireId) << "  " << printable(f.path)
                << " = '" << printable(f.value) << "': " << printable(f.problem) << " (report " << f.report
                << ", " << printable(f.fileName) << ")\n";
    std::cout << flagged.size() << (flagged.size() == 1 ? " value" : " values")
              << " outside the questionnaire's rules, stored as received and left out of the analysis"
              << (all ? "" : " (current replies; --all for the history too)") << ".\n";
    return kOk;
  } catch (const StoreError& e) {
    printError(e.what());
    return kInvalid;
  }
}

struct AnalyzeArgs {
  std::string store, questionnaire, format, output, language, groups, parties;
};

std::optional<AnalysisFormat> formatOf(std::string format, const std::string& output) {
  if (format.empty()) format = std::filesystem::path(output).extension().string();
  if (!format.empty() && format.front() == '.') format.erase(0, 1);
  static const std::map<std::string, AnalysisFormat> formats = {{"xlsx", AnalysisFormat::Xlsx},
                                                                {"csv", AnalysisFormat::Csv},
                                                                {"html", AnalysisFormat::Html},
                                                                {"htm", AnalysisFormat::Html},
                                                                {"pdf", AnalysisFormat::Pdf}};
  auto it = formats.find(format);
  if (it == formats.end()) return std::nullopt;
  return it->second;
}

RegionalGroups loadGroups(const std::string& file) {
  const std::string path = file.empty() ? RegionalGroups::defaultPath() : file;
  if (path.empty())
    throw std::runtime_error(
        "the list of UN regional groups (un-regional-groups.yaml) is not installed; give it "
        "with --groups FILE");
  return RegionalGroups::load(path);
}

int analyze(const AnalyzeArgs& args) {
  auto format = formatOf(args.format, args.output);
  if (!format) {
    printError("say which format to write with --format xlsx, csv, html or pdf");
    return kInvalid;
  }
  try {
    ConsolidatedStore store(args.store, ConsolidatedStore::Options{true, false, false});
    AnalysisInput input =
        loadAnalysisInput(store, args.questionnaire, loadGroups(args.groups), args.language);
    if (!args.parties.empty()) input.parties = InstrumentParties::load(args.parties);
    const Analysis analysis = analyse(input);
    writeAnalysis(analysis, *format, args.output);
    std::cout << "Wrote the analysis of " << analysis.states.size() << " replies to " << args.questionnaire
              << " to " << args.output << (*format == AnalysisFormat::Csv ? " (one CSV file per table)" : "")
              << ".\n";
    return kOk;
  } catch (const StoreError& e) {
    printError(e.what());
    return kInvalid;
  } catch (const ExportError& e) {
    printError(e.what());
    return kFailed;
  } catch (const std::runtime_error& e) {
    printError(e.what());
    return kInvalid;
  }
}

struct SynthArgs {
  std::string questionnaire, output, keys, groups;
  int states = 20, revision = 0;
  std::uint64_t seed = 1;
  bool draft = false, unsignedReports = false;
};

int synth(const SynthArgs& args) {
  LoadResult result = loadQuestionnaireFile(args.questionnaire);
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) std::cerr << printable(d.format()) << "\n";
    printError(args.questionnaire + " has errors; run 'focal-cli validate " + args.questionnaire + "'");
    return kInvalid;
  }
  try {
    const RegionalGroups groups = loadGroups(args.groups);
    std::filesystem::create_directories(args.output);
    SynthOptions options;
    options.seed = args.seed;
    options.revision = args.revision;
    options.status = args.draft ? ReportStatus::Draft : ReportStatus::Final;
    const auto states = synthStates(groups, static_cast<std::size_t>(std::max(args.states, 0)), args.seed);
    for (std::size_t i = 0; i < states.size(); ++i) {
      NationalReport report = synthReport(result.questionnaire, groups, states[i], i, options);
      const std::string file =
          (std::filesystem::path(args.output) /
           (result.questionnaire->info.id + "-" + states[i] +
            (args.revision ? "-r" + std::to_string(args.revision) : "") + kReportExtension))
              .string();
      if (args.unsignedReports) {
        writeReportFile(report, file, nullptr);
      } else {
        // One key per State, the same for every revision: derived from the
        // seed, or kept in --keys; never in the user's own settings.
        const SigningKey key = args.keys.empty() ? SigningKey::synthetic(args.seed, states[i])
                                                 : SigningKey::loadOrCreate(args.keys + "/" + states[i]);
        writeReportFile(report, file, &key);
      }
    }
    std::cout << "Wrote " << states.size() << " synthetic reports to " << args.output << " (seed "
              << args.seed
              << (args.unsignedReports ? ", unsigned"
                  : args.keys.empty()  ? ", signed with keys derived from the seed"
                                       : ", signed with the keys in " + args.keys)
              << ").\n";
    return kOk;
  } catch (const std::exception& e) {
    printError(e.what());
    return kFailed;
  }
}

const Registrar registrar(40, [](CLI::App& app) {
  auto* mergeCommand =
      app.add_subcommand("merge", "Verify national reports and import them into a consolidated store");
  auto m = std::make_shared<MergeArgs>();
  mergeCommand->add_option("REPORT_OR_DIR", m->inputs, "Report files (.focalreport), or folders holding them")
      ->required();
  mergeCommand->add_option("--into", m->into, "The consolidated store; created when it does not exist")
      ->required();
  mergeCommand->add_flag("--json", m->json, "Print the counts and the result of every file as JSON");
  mergeCommand->add_flag("--allow-unsigned", m->allowUnsigned, "Admit unsigned reports and drafts");
  mergeCommand->add_option("--accept-key", m->acceptKeys,
                           "Accept a State's key, once the State confirmed its fingerprint: "
                           "STATE=FINGERPRINT (repeatable)");
  mergeCommand->add_flag("--accept-new-keys", m->acceptNewKeys, "Gone: use --accept-key STATE=FINGERPRINT")
      ->group("");
  mergeCommand->add_option("--register", m->registered,
                           "Official questionnaire files to register first (reports must match a registered "
                           "text; the bundled questionnaires are registered by themselves)");
  mergeCommand->add_flag("--registered-only", m->registeredOnly, "Always the case now (kept for old scripts)")
      ->group("");
  mergeCommand->callback([=] { exitCode() = merge(*m); });

  auto* keysCommand =
      app.add_subcommand("accepted-keys", "List the keys accepted for each State in a consolidated store");
  auto keysStore = std::make_shared<std::string>();
  auto keysJson = std::make_shared<bool>(false);
  keysCommand->add_option("CONSOLIDATED", *keysStore, "The consolidated store")->required();
  keysCommand->add_flag("--json", *keysJson, "Print them as JSON");
  keysCommand->callback([=] { exitCode() = acceptedKeysCommand(*keysStore, *keysJson); });

  auto* flaggedCmd = app.add_subcommand(
      "flagged", "List the values outside their questionnaire's rules, left out of the analysis");
  auto flaggedStore = std::make_shared<std::string>();
  auto flaggedQuestionnaire = std::make_shared<std::string>();
  auto flaggedAll = std::make_shared<bool>(false);
  auto flaggedJson = std::make_shared<bool>(false);
  flaggedCmd->add_option("CONSOLIDATED", *flaggedStore, "The consolidated store")->required();
  flaggedCmd->add_option("--questionnaire", *flaggedQuestionnaire, "Only this questionnaire's replies");
  flaggedCmd->add_flag("--all", *flaggedAll, "Include the replies kept in the history");
  flaggedCmd->add_flag("--json", *flaggedJson, "Print them as JSON");
  flaggedCmd->callback(
      [=] { exitCode() = flaggedCommand(*flaggedStore, *flaggedQuestionnaire, *flaggedAll, *flaggedJson); });

  auto* analyzeCommand = app.add_subcommand("analyze", "Write the analysis of one questionnaire's replies");
  auto a = std::make_shared<AnalyzeArgs>();
  analyzeCommand->add_option("CONSOLIDATED", a->store, "The consolidated store")->required();
  analyzeCommand->add_option("--questionnaire", a->questionnaire, "The questionnaire's id, e.g. tip-cycle2")
      ->required();
  analyzeCommand->add_option("--format", a->format,
                             "xlsx, csv, html or pdf (default: from the extension of -o)");
  analyzeCommand->add_option("-o,--output", a->output, "The file to write (for csv: a folder)")->required();
  analyzeCommand->add_option("--language", a->language,
                             "Language of the analysis (en, fr, es, ar, ru, zh): its headings, notes, cover "
                             "and the questions' labels (default: the questionnaire's first)");
  analyzeCommand->add_option("--groups", a->groups, "The UN regional groups file (default: the one shipped)");
  analyzeCommand->add_option("--parties", a->parties,
                             "The States parties and signatories to each instrument, from the depositary's "
                             "status lists (default: the one shipped, parties.yaml)");
  analyzeCommand->callback([=] { exitCode() = analyze(*a); });

  auto* synthCommand =
      app.add_subcommand("synth", "Write synthetic national reports (tests, demonstrations)");
  auto s = std::make_shared<SynthArgs>();
  synthCommand->add_option("--questionnaire", s->questionnaire, "Questionnaire YAML file")->required();
  synthCommand->add_option("--states", s->states, "How many States reply (at most 193)")
      ->capture_default_str();
  synthCommand->add_option("--seed", s->seed, "The same seed gives the same answers")->capture_default_str();
  synthCommand->add_option("-o,--output", s->output, "Folder to write the reports in")->required();
  synthCommand->add_option("--revision", s->revision,
                           "Write revision N of each reply, exported N days later");
  synthCommand->add_option(
      "--keys", s->keys,
      "Folder to keep the States' signing keys in (default: keys derived from the seed, not stored)");
  synthCommand->add_option("--groups", s->groups, "The UN regional groups file (default: the one shipped)");
  synthCommand->add_flag("--draft", s->draft, "Mark the reports as drafts");
  synthCommand->add_flag("--unsigned", s->unsignedReports, "Do not sign the reports");
  synthCommand->callback([=] { exitCode() = synth(*s); });
});

}  // namespace

}  // namespace focal::cli
