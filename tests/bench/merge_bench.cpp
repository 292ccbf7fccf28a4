// The secretariat's merge and analysis against their references, in the
// same run (issue 8):
// - merging 190 signed synthetic national reports of a 2,000-question
//   questionnaire (tests/support/generated_questionnaire.h) into a new
//   consolidated store, verification included (seal, signature, content
//   digest, quick_check, questionnaire, relevance through a ResponseSession),
//   against the raw floor: the same files copied with ATTACH and
//   INSERT ... SELECT, one transaction per file, with the same journal
//   settings (WAL, synchronous=FULL), on the same disk (/var/tmp);
// - the same with 2,000 reports (each State's reply revised ten times, so
//   most imports supersede an earlier one), to show how time grows; it
//   writes 1 GB of reports first, so it runs only with FOCAL_BENCH_2000=1;
// - the analysis of the 190 replies in every format (xlsx, csv, html, pdf).
//
// Each merge runs in a child process (this program run again, see
// BM_MergeChild), so that its peak resident memory is its own: counters
// merge_rss_mb and floor_rss_mb.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "export/report/report_file.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/consolidated_merge.h"
#include "export/secretariat/consolidated_synth.h"
#include "forms/questionnaire_loader.h"
#include "tests/support/generated_questionnaire.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::string> filesIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".focalreport") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void removeStore(const std::string& store) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(store + suffix, ec);
}

// The raw floor: the files copied as they are, no checks.
void floorMerge(const std::vector<std::string>& files, const std::string& store) {
  removeStore(store);
  focal::sql::Database db(store, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  db.exec(
      "CREATE TABLE metadata(report INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL);"
      "CREATE TABLE answers(report INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL, changed_by "
      "TEXT "
      "NOT NULL, changed_at TEXT NOT NULL, PRIMARY KEY(report, path)) WITHOUT ROWID;");
  int id = 0;
  for (const auto& file : files) {
    const std::string report = std::to_string(++id);
    focal::sql::Statement attach(db, "ATTACH DATABASE ? AS r");
    attach.bind(1, file);
    attach.run();
    db.exec("BEGIN IMMEDIATE");
    db.exec("INSERT INTO metadata SELECT " + report + ", key, value FROM r.metadata");
    db.exec("INSERT INTO answers SELECT " + report + ", path, value, changed_by, changed_at FROM r.answers");
    db.exec("COMMIT");
    db.exec("DETACH DATABASE r");
  }
}

// What the secretariat trusts: the questionnaire registered and each
// State's key accepted (one transaction), as `merge --register --accept-key` does.
struct Trust {
  std::shared_ptr<const focal::Questionnaire> questionnaire;
  std::vector<std::pair<std::string, std::string>> keys;  // State, fingerprint
};

void focalMerge(const std::vector<std::string>& files, const std::string& store, const Trust& trust) {
  removeStore(store);
  focal::ConsolidatedStore consolidated(store);
  {
    focal::sql::Transaction t(consolidated.database());
    consolidated.registerQuestionnaire(*trust.questionnaire, "bench");
    for (const auto& [state, fingerprint] : trust.keys) consolidated.acceptKey(state, fingerprint);
    t.commit();
  }
  const auto summary = focal::mergeReports(consolidated, files);
  if (summary.refused || summary.held || summary.keyConflicts) {
    for (const auto& f : summary.files)
      if (f.result != focal::MergeResult::Imported && f.result != focal::MergeResult::Superseded)
        std::fprintf(stderr, "%s: %s\n", f.file.c_str(), f.reason.c_str());
    std::exit(3);
  }
}

Trust benchTrust();

// This program run again as a child, with --benchmark_filter=BM_MergeChild
// and FOCAL_MERGE_BENCH_ROLE=floor|merge, the reports' folder and the
// store: it merges once and writes the seconds taken to
// FOCAL_MERGE_BENCH_RESULT.
void mergeChild(benchmark::State& state) {
  const auto files = filesIn(std::getenv("FOCAL_MERGE_BENCH_DIR"));
  const std::string store = std::getenv("FOCAL_MERGE_BENCH_STORE");
  const bool floor = std::string(std::getenv("FOCAL_MERGE_BENCH_ROLE")) == "floor";
  double taken = 0;
  const Trust trust = floor ? Trust{} : benchTrust();  // parsed and derived before the clock starts
  for (auto _ : state) {
    const auto start = Clock::now();
    if (floor)
      floorMerge(files, store);
    else
      focalMerge(files, store, trust);
    taken = seconds(start);
  }
  // Peak resident memory of this process's own address space (ru_maxrss
  // would also count the parent's, which the child shared until exec).
  long hwm = 0;
  if (FILE* status = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, status))
      if (std::sscanf(line, "VmHWM: %ld kB", &hwm) == 1) break;
    std::fclose(status);
  }
  if (FILE* out = std::fopen(std::getenv("FOCAL_MERGE_BENCH_RESULT"), "w")) {
    std::fprintf(out, "%.6f %ld\n", taken, hwm);
    std::fclose(out);
  }
}

const bool kChild = [] {
  if (!std::getenv("FOCAL_MERGE_BENCH_ROLE")) return false;
  benchmark::RegisterBenchmark("BM_MergeChild", mergeChild)->Iterations(1);
  return true;
}();

struct ChildRun {
  double seconds = 0;  // wall clock
  double cpu = 0;      // user and system time of the child
  double rssMb = 0;    // peak resident memory
};

fs::path benchDirectory();

ChildRun runChild(const std::string& role, const std::string& dir, const std::string& store) {
  const std::string result = (benchDirectory() / (role + ".seconds")).string();
  std::vector<std::string> env = {"FOCAL_MERGE_BENCH_ROLE=" + role, "FOCAL_MERGE_BENCH_DIR=" + dir,
                                  "FOCAL_MERGE_BENCH_STORE=" + store, "FOCAL_MERGE_BENCH_RESULT=" + result};
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  char arg0[] = "focal_bench";
  char filter[] = "--benchmark_filter=BM_MergeChild";
  char* argv[] = {arg0, filter, nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data()) != 0) std::abort();
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "the %s child failed (status %d)\n", role.c_str(), status);
    std::exit(1);
  }
  double taken = 0;
  long hwm = 0;
  if (FILE* in = std::fopen(result.c_str(), "r")) {
    if (std::fscanf(in, "%lf %ld", &taken, &hwm) != 2) taken = 0;
    std::fclose(in);
  }
  auto cpu = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return {taken, cpu(usage.ru_utime) + cpu(usage.ru_stime), static_cast<double>(hwm) / 1024.0};
}

fs::path benchDirectory() {
  // Never destroyed: the cleanup at exit still needs it.
  static const fs::path* dir = [] {
    auto* d = new fs::path(fs::path(fs::exists("/var/tmp") ? "/var/tmp" : fs::temp_directory_path()) /
                           ("focal-merge-bench-" + std::to_string(::getpid())));
    fs::create_directories(*d);
    return d;
  }();
  return *dir;
}

struct Cleanup {
  ~Cleanup() {
    if (kChild) return;
    std::error_code ec;
    fs::remove_all(benchDirectory(), ec);
  }
} cleanup;

std::shared_ptr<const focal::Questionnaire> questionnaire() {
  static auto q =
      focal::loadQuestionnaireText(focal::test::generatedQuestionnaire(2000), "generated").questionnaire;
  return q;
}

const focal::RegionalGroups& groups() {
  static const focal::RegionalGroups g = focal::RegionalGroups::load(focal::RegionalGroups::defaultPath());
  return g;
}

// The reports, written once: 190 States, each with its own key; with
// `revisions` > 1, every State's reply again and again, a day later each time.
std::string reportsFolder(int count) {
  const fs::path dir = benchDirectory() / ("reports-" + std::to_string(count));
  if (fs::exists(dir)) return dir.string();
  fs::create_directories(dir);
  const auto states = focal::synthStates(groups(), 190, 2026);
  std::vector<focal::NationalReport> base;
  std::vector<focal::SigningKey> keys;
  for (std::size_t i = 0; i < states.size(); ++i) {
    base.push_back(focal::synthReport(questionnaire(), groups(), states[i], i, {}));
    keys.push_back(focal::SigningKey::synthetic(2026, states[i]));  // benchTrust() accepts them
  }
  for (int k = 0; k < count; ++k) {
    const std::size_t s = static_cast<std::size_t>(k) % states.size();
    const int revision = k / static_cast<int>(states.size());
    focal::NationalReport report = base[s];
    if (revision > 0) {
      report.metadata.exportedAt[9] = static_cast<char>('0' + revision % 10);  // another day of October
      report.metadata.exportedAt[8] = static_cast<char>('1' + revision / 10);
      report.answers.front().changedAt = report.metadata.exportedAt;
    }
    char name[64];
    std::snprintf(name, sizeof name, "%s-r%02d.focalreport", states[s].c_str(), revision);
    focal::writeReportFile(report, (dir / name).string(), &keys[s]);
  }
  return dir.string();
}

Trust benchTrust() {
  Trust trust{questionnaire(), {}};
  for (const auto& state : focal::synthStates(groups(), 190, 2026))
    trust.keys.emplace_back(state, focal::SigningKey::synthetic(2026, state).fingerprint());
  return trust;
}

void mergeVsFloor(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::string dir = reportsFolder(count);
  const std::string store = (benchDirectory() / ("store-" + std::to_string(count) + ".focaldb")).string();
  const std::string floorStore = (benchDirectory() / "floor.db").string();
  double merge = 0, floor = 0, mergeCpu = 0, floorCpu = 0, mergeRss = 0, floorRss = 0;
  for (auto _ : state) {
    const ChildRun f = runChild("floor", dir, floorStore);
    const ChildRun m = runChild("merge", dir, store);
    state.SetIterationTime(m.seconds);
    merge += m.seconds;
    floor += f.seconds;
    mergeCpu += m.cpu;
    floorCpu += f.cpu;
    mergeRss = std::max(mergeRss, m.rssMb);
    floorRss = std::max(floorRss, f.rssMb);
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["reports"] = count;
  state.counters["answers_per_report"] =
      static_cast<double>(focal::readReportFile(filesIn(dir).front()).report->answers.size());
  state.counters["merge_s"] = merge / n;
  state.counters["floor_s"] = floor / n;
  state.counters["ratio"] = merge / floor;
  state.counters["merge_cpu_s"] = mergeCpu / n;
  state.counters["floor_cpu_s"] = floorCpu / n;
  state.counters["merge_rss_mb"] = mergeRss;
  state.counters["floor_rss_mb"] = floorRss;
}
BENCHMARK(mergeVsFloor)
    ->Name("BM_MergeVsFloor")
    ->Arg(190)
    ->UseManualTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(3);

const bool kLarge = [] {
  if (std::getenv("FOCAL_BENCH_2000"))
    benchmark::RegisterBenchmark("BM_MergeVsFloor", mergeVsFloor)
        ->Arg(2000)
        ->UseManualTime()
        ->Unit(benchmark::kSecond)
        ->Iterations(1);
  return true;
}();

void analyzeEveryFormat(benchmark::State& state) {
  const std::string dir = reportsFolder(190);
  const std::string store = (benchDirectory() / "analysis.focaldb").string();
  if (!fs::exists(store)) runChild("merge", dir, store);
  const fs::path out = benchDirectory() / "analysis";
  fs::create_directories(out);
  double load = 0, xlsx = 0, csv = 0, html = 0, pdf = 0;
  for (auto _ : state) {
    auto start = Clock::now();
    focal::ConsolidatedStore consolidated(store, {true, false, false});
    const focal::Analysis analysis =
        focal::analyse(focal::loadAnalysisInput(consolidated, "generated", groups()));
    load += seconds(start);
    start = Clock::now();
    focal::writeAnalysis(analysis, focal::AnalysisFormat::Xlsx, (out / "a.xlsx").string());
    xlsx += seconds(start);
    start = Clock::now();
    focal::writeAnalysis(analysis, focal::AnalysisFormat::Csv, (out / "csv").string());
    csv += seconds(start);
    start = Clock::now();
    focal::writeAnalysis(analysis, focal::AnalysisFormat::Html, (out / "a.html").string());
    html += seconds(start);
    start = Clock::now();
    focal::writeAnalysis(analysis, focal::AnalysisFormat::Pdf, (out / "a.pdf").string());
    pdf += seconds(start);
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["load_analyse_s"] = load / n;
  state.counters["xlsx_s"] = xlsx / n;
  state.counters["csv_s"] = csv / n;
  state.counters["html_s"] = html / n;
  state.counters["pdf_s"] = pdf / n;
  state.counters["total_s"] = (load + xlsx + csv + html + pdf) / n;
}
BENCHMARK(analyzeEveryFormat)->Name("BM_AnalyzeEveryFormat/190")->Unit(benchmark::kSecond)->Iterations(2);

}  // namespace
