// The answer store against its reference, in the same run (issue 4):
// - the commit latency of one answer through ResponseDocument (session,
//   audit log, one transaction, WAL + synchronous=FULL) against a bare
//   SQLite INSERT in its own transaction with the same settings, on the same
//   disk (/var/tmp); p50 and p99 are reported as counters, in ms;
// - opening a response with 2,000 answers: the workspace file (checks and
//   lock), its answers, the session; and the same with the questionnaire's
//   YAML parsed too (cold), which is the questionnaire engine's cost.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "forms/questionnaire_loader.h"
#include "forms/response_document.h"
#include "forms/workspace.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kSections = 100;
constexpr int kPerSection = 20;  // 2,000 questions

// Files on the real disk (/var/tmp), removed when the program ends.
struct BenchDir {
  fs::path path = fs::path(fs::exists("/var/tmp") ? "/var/tmp" : fs::temp_directory_path()) /
                  ("focal-bench-" + std::to_string(getpid()));
  ~BenchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string benchFile(const std::string& name) {
  static BenchDir benchDir;
  const fs::path& dir = benchDir.path;
  fs::create_directories(dir);
  const fs::path file = dir / name;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix, ec);
  fs::remove_all(file.string() + ".backups", ec);
  return file.string();
}

// 2,000 questions: per section a yes/no gate, follow-ups relevant on it,
// numbers with a constraint, and texts.
std::shared_ptr<const focal::Questionnaire> questionnaire2000() {
  static std::shared_ptr<const focal::Questionnaire> q = [] {
    std::string yaml =
        "focal: 1\nid: bench\ntitle: {en: Bench}\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: [en]\n"
        "sections:\n";
    for (int s = 0; s < kSections; ++s) {
      yaml += "  - id: s" + std::to_string(s) + "\n    title: Section " + std::to_string(s) +
              "\n    questions:\n";
      const std::string gate = "q_" + std::to_string(s) + "_0";
      yaml += "      - {id: " + gate + ", type: yes_no, label: Gate, required: true}\n";
      for (int i = 1; i < kPerSection; ++i) {
        const std::string id = "q_" + std::to_string(s) + "_" + std::to_string(i);
        if (i % 3 == 1)
          yaml += "      - {id: " + id + ", type: long_text, label: Explain, relevant: \"${" + gate +
                  "} = 'no'\"}\n";
        else if (i % 3 == 2)
          yaml +=
              "      - {id: " + id + ", type: integer, label: Count, min: 0, constraint: \". < 100000\"}\n";
        else
          yaml += "      - {id: " + id + ", type: text, label: Name}\n";
      }
    }
    auto result = focal::loadQuestionnaireText(yaml, "bench.yaml");
    if (!result.ok()) throw std::runtime_error("the bench questionnaire does not load");
    return result.questionnaire;
  }();
  return q;
}

std::string answerFor(const focal::Question& q, int n) {
  switch (q.type) {
    case focal::QuestionType::YesNo:
      return "no";
    case focal::QuestionType::Integer:
      return std::to_string(n % 5000);
    default:
      return "Answer " + std::to_string(n) + ": " + std::string(120, 'x');
  }
}

std::map<std::string, std::string> answers2000() {
  std::map<std::string, std::string> out;
  int n = 0;
  for (const auto& q : questionnaire2000()->questions) out[q.id] = answerFor(q, n++);
  return out;
}

void percentiles(benchmark::State& state, std::vector<double>& ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  };
  state.counters["p50_ms"] = at(0.50);
  state.counters["p99_ms"] = at(0.99);
  state.counters["max_ms"] = ms.back();
}

focal::WorkspaceOptions benchOptions() {
  focal::WorkspaceOptions options;
  options.user = "bench";
  options.backupOnClose = false;
  options.backupInterval = std::chrono::hours(24);
  return options;
}

// The reference: one row inserted in its own transaction, WAL + FULL.
void BM_BareSqliteInsert(benchmark::State& state) {
  const std::string path = benchFile("bare.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
               "CREATE TABLE answers(response INTEGER NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL,"
               " changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, UNIQUE(response, path));",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT OR REPLACE INTO answers VALUES (1, ?1, ?2, 'bench', '2026-11-05T10:22:31.123Z')",
                     -1, &insert, nullptr);
  std::vector<double> ms;
  int n = 0;
  for (auto _ : state) {
    const std::string path = "q_" + std::to_string(n % kSections) + "_1";
    const std::string value = "Answer " + std::to_string(n++) + ": " + std::string(120, 'x');
    const auto start = Clock::now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, path.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, value.c_str(), -1, SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
      state.SkipWithError("commit failed");
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  percentiles(state, ms);
}
BENCHMARK(BM_BareSqliteInsert)->Iterations(3000)->Unit(benchmark::kMillisecond);

// One answer typed into a 2,000-question response: session, audit log, commit.
void BM_StoreCommitAnswer(benchmark::State& state) {
  const std::string path = benchFile("store.focal");
  auto ws = focal::Workspace::create(path, benchOptions());
  const auto id = ws->createResponse(*questionnaire2000(), "NGA", "en", answers2000());
  focal::DocumentOptions options;
  options.mergeWindow = std::chrono::milliseconds(0);
  focal::ResponseDocument document(*ws, id, options);
  std::vector<double> ms;
  int n = 0;
  for (auto _ : state) {
    const std::string question = "q_" + std::to_string(n % kSections) + "_1";
    const std::string value = "Answer " + std::to_string(n++) + ": " + std::string(120, 'x');
    const auto start = Clock::now();
    document.answer(question, value);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!document.isSaved()) state.SkipWithError(document.status().message.c_str());
  }
  percentiles(state, ms);
}
BENCHMARK(BM_StoreCommitAnswer)->Iterations(3000)->Unit(benchmark::kMillisecond);

// The same answer through Workspace::write alone (no session).
void BM_WorkspaceWriteAnswer(benchmark::State& state) {
  const std::string path = benchFile("write.focal");
  auto ws = focal::Workspace::create(path, benchOptions());
  const auto id = ws->createResponse(*questionnaire2000(), "NGA", "en", answers2000());
  std::vector<double> ms;
  int n = 0;
  for (auto _ : state) {
    const std::string question = "q_" + std::to_string(n % kSections) + "_1";
    const std::string value = "Answer " + std::to_string(n++) + ": " + std::string(120, 'x');
    const auto start = Clock::now();
    ws->write(id, {{question, value}});
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  percentiles(state, ms);
}
BENCHMARK(BM_WorkspaceWriteAnswer)->Iterations(3000)->Unit(benchmark::kMillisecond);

// What every write adds to check that the workspace file is still the one
// opened (Workspace::ensureFileInPlace): one stat() of its path.
void BM_StatWorkspaceFile(benchmark::State& state) {
  const std::string path = benchFile("stat.focal");
  focal::Workspace::create(path, benchOptions());
  struct stat st {};
  for (auto _ : state) benchmark::DoNotOptimize(::stat(path.c_str(), &st));
}
BENCHMARK(BM_StatWorkspaceFile)->Unit(benchmark::kMicrosecond);

std::string responseFile2000() {
  static const std::string path = [] {
    const std::string file = benchFile("open2000.focal");
    auto ws = focal::Workspace::create(file, benchOptions());
    ws->createResponse(*questionnaire2000(), "NGA", "en", answers2000());
    return file;
  }();
  return path;
}

// Opening the workspace file (quick_check, format, lock) and reading the
// 2,000 answers. Closing (lock released, WAL checkpointed) is not timed;
// its mean is given as close_ms.
void BM_OpenResponse2000_Store(benchmark::State& state) {
  const std::string path = responseFile2000();
  double closing = 0;
  for (auto _ : state) {
    auto ws = focal::Workspace::open(path, benchOptions());
    auto answers = ws->answers(1);
    benchmark::DoNotOptimize(answers);
    if (answers.size() != 2000) state.SkipWithError("answers missing");
    state.PauseTiming();
    const auto start = Clock::now();
    ws.reset();
    closing += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    state.ResumeTiming();
  }
  state.counters["close_ms"] = closing / static_cast<double>(state.iterations());
}
BENCHMARK(BM_OpenResponse2000_Store)->Unit(benchmark::kMillisecond);

// The same plus the ResponseDocument (session evaluating 2,000 answers),
// with the questionnaire already parsed in this program.
void BM_OpenResponse2000_Document(benchmark::State& state) {
  const std::string path = responseFile2000();
  std::shared_ptr<const focal::Questionnaire> parsed;  // as when the app has it loaded already
  {
    auto warm = focal::Workspace::open(path, benchOptions());
    parsed = warm->questionnaire(1);
  }
  for (auto _ : state) {
    auto ws = focal::Workspace::open(path, benchOptions());
    auto document = std::make_unique<focal::ResponseDocument>(*ws, 1);
    benchmark::DoNotOptimize(document->session().progress());
    state.PauseTiming();
    document.reset();
    ws.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_OpenResponse2000_Document)->Unit(benchmark::kMillisecond);

// The questionnaire engine's share of a cold open: parsing the stored 2,000-question YAML.
void BM_ParseStoredQuestionnaire2000(benchmark::State& state) {
  const std::string text = questionnaire2000()->sourceText;
  for (auto _ : state) {
    auto result = focal::loadQuestionnaireText(text, "bench.yaml");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ParseStoredQuestionnaire2000)->Unit(benchmark::kMillisecond);

}  // namespace
