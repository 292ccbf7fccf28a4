// The crash test: a child process answers questions in a loop through a
// ResponseDocument and reports each answer the store acknowledged as saved;
// the parent kills it with SIGKILL at a random moment and checks, with a
// plain SQLite connection, that PRAGMA integrity_check is ok and that every
// acknowledged answer is there. The next child opens the workspace as the
// next Focal would (recovering the WAL, taking over the dead one's lock). 200 kills by default; set
// FOCAL_CRASH_KILLS for a longer run and FOCAL_CRASH_SEED to replay one.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <sstream>

#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

constexpr int kQuestions = 20;

std::string crashYaml() {
  std::string questions;
  for (int i = 0; i < kQuestions; ++i)
    questions +=
        "      - {id: t_" + std::to_string(i) + ", type: long_text, label: Text " + std::to_string(i) + "}\n";
  return test::storeYaml("crash", "1", "  - id: s\n    title: S\n    questions:\n" + questions);
}

std::string pathFor(long sequence) { return "t_" + std::to_string(sequence % kQuestions); }

// Long enough that a commit spans several WAL frames now and then.
std::string valueFor(long sequence) {
  std::string value = "v" + std::to_string(sequence) + " ";
  value.append(static_cast<std::size_t>(50 + (sequence * 7919) % 6000),
               static_cast<char>('a' + sequence % 26));
  return value;
}

long sequenceOf(const std::string& value) { return std::atol(value.c_str() + 1); }

// The child: saves answers until it is killed, acknowledging each on `fd`.
[[noreturn]] void answerUntilKilled(const std::string& path, long first, int fd) {
  try {
    WorkspaceOptions options = test::testOptions("child");
    auto ws = Workspace::open(path, options);
    ResponseDocument document(*ws, 1);
    if (write(fd, "R\n", 2) != 2) _exit(4);  // ready: the workspace is open
    for (long sequence = first;; ++sequence) {
      document.answer(pathFor(sequence), valueFor(sequence));
      if (!document.isSaved()) _exit(3);
      const std::string ack = std::to_string(sequence) + "\n";
      if (write(fd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(4);
    }
  } catch (...) {
    _exit(2);
  }
}

// Takes the complete lines out of `buffer`: true when the child's "ready"
// line was among them and `untilReady` asks to stop there.
bool takeLines(std::string& buffer, std::vector<long>& acks, bool untilReady) {
  std::size_t newline;
  while ((newline = buffer.find('\n')) != std::string::npos) {
    const std::string line = buffer.substr(0, newline);
    buffer.erase(0, newline + 1);
    if (line == "R") {
      if (untilReady) return true;
    } else {
      acks.push_back(std::atol(line.c_str()));
    }
  }
  return false;
}

// Reads acknowledgements until the deadline (or EOF when `deadline` is
// null, or the child's "ready" line when `untilReady`).
bool readAcks(int fd, std::string& buffer, std::vector<long>& acks,
              std::optional<std::chrono::steady_clock::time_point> deadline, bool untilReady = false) {
  if (takeLines(buffer, acks, untilReady)) return true;
  char chunk[4096];
  while (true) {
    int timeout = -1;
    if (deadline) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      timeout = static_cast<int>(left.count());
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout) <= 0) break;
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
    if (takeLines(buffer, acks, untilReady)) return true;
  }
  return false;
}

struct CheckedFile {
  std::string integrity;
  std::map<std::string, std::string> answers;
};

CheckedFile check(const std::string& path) {
  CheckedFile out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out.integrity = sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW)
    out.integrity += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "SELECT path, value FROM answers WHERE response = 1", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW)
    out.answers[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] =
        reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// Kills and reaps the child when the test stops early.
struct ChildGuard {
  pid_t pid;
  ~ChildGuard() {
    if (pid <= 0) return;
    ::kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
};

TEST(Crash, EveryAcknowledgedAnswerSurvivesSigkill) {
  const int kills = std::getenv("FOCAL_CRASH_KILLS") ? std::atoi(std::getenv("FOCAL_CRASH_KILLS")) : 200;
  const unsigned seed = std::getenv("FOCAL_CRASH_SEED")
                            ? static_cast<unsigned>(std::atol(std::getenv("FOCAL_CRASH_SEED")))
                            : std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delayMs(0, 60);
  test::TempDir dir;
  const std::string path = dir.file("crash.focal");
  {
    auto q = test::loadStoreQuestionnaire(crashYaml());
    auto ws = Workspace::create(path, test::testOptions());
    ws->createResponse(*q, "NGA", "en");
  }
  std::map<std::string, long> acknowledged;  // path -> the last sequence the child reported saved
  long totalAcks = 0;
  int killedBeforeFirstAck = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int kill = 0; kill < kills; ++kill) {
    const long first = static_cast<long>(kill) * 1000000;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      answerUntilKilled(path, first, fds[1]);
    }
    close(fds[1]);
    ChildGuard guard{child};
    std::string buffer;
    std::vector<long> acks;
    // One kill in eight lands while the child opens the workspace (taking
    // over the lock, recovering the WAL); the others while it writes.
    if (random() % 8 != 0) {
      ASSERT_TRUE(
          readAcks(fds[0], buffer, acks, std::chrono::steady_clock::now() + std::chrono::seconds(10), true))
          << "the child did not open the workspace (seed " << seed << ")";
    }
    readAcks(fds[0], buffer, acks,
             std::chrono::steady_clock::now() + std::chrono::milliseconds(delayMs(random)));
    ::kill(child, SIGKILL);
    readAcks(fds[0], buffer, acks, std::nullopt);  // what was written before the kill
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    guard.pid = 0;
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself with status " << WEXITSTATUS(status)
                                     << " (seed " << seed << ")";
    if (acks.empty()) ++killedBeforeFirstAck;
    totalAcks += static_cast<long>(acks.size());
    for (long sequence : acks) acknowledged[pathFor(sequence)] = sequence;
    const long inFlight = acks.empty() ? first : acks.back() + 1;

    // Checked with a plain connection, independent of the code under test
    // (the next child opens it through Workspace: WAL recovery and taking
    // over the dead child's lock). No checkpoint on close, so checking adds
    // no disk writes between the kills.
    const CheckedFile checked = check(path);
    ASSERT_EQ(checked.integrity, "ok") << "after kill " << kill << " (seed " << seed << ")";
    const auto& answers = checked.answers;
    for (const auto& [answerPath, sequence] : acknowledged) {
      auto it = answers.find(answerPath);
      ASSERT_NE(it, answers.end()) << answerPath << " lost after kill " << kill << " (seed " << seed << ")";
      const long stored = sequenceOf(it->second);
      // The acknowledged value, or the one being written when the child died.
      ASSERT_TRUE(stored == sequence || (sequence < stored && stored == inFlight))
          << answerPath << ": acknowledged " << sequence << ", found " << stored << " after kill " << kill
          << " (seed " << seed << ")";
      ASSERT_EQ(it->second, valueFor(stored));
    }
    // An answer written when the child died but not acknowledged counts from now on.
    for (const auto& [answerPath, value] : answers) acknowledged[answerPath] = sequenceOf(value);
  }
  {
    auto ws = Workspace::open(path, test::testOptions("checker"));
    EXPECT_FALSE(ws->readOnly());
    EXPECT_EQ(ws->answers(1), check(path).answers);
  }
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "crash test: " << kills << " kills in " << seconds << " s, " << totalAcks
            << " acknowledged answers checked, " << killedBeforeFirstAck
            << " kills before the first answer (while opening), seed " << seed << "\n";
}

}  // namespace
}  // namespace focal
