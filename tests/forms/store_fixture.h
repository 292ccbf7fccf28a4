// Shared by the answer-store tests: a temporary folder that removes itself,
// questionnaires to answer, and raw SQLite access for hand-made files.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace focal::test {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    // Under /var/tmp, which is a real disk (fsync is real there), as a workspace is.
    std::filesystem::path base =
        std::filesystem::exists("/var/tmp") ? "/var/tmp" : std::filesystem::temp_directory_path();
    path_ = base / ("focal-test-" + std::to_string(getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

#ifdef FOCAL_CLI
// What focal-cli printed, and its exit code.
struct CliRun {
  int code = -1;
  std::string out, err;
};

// Runs focal-cli with `args` in `dir`, as the user "ana".
inline CliRun runCli(const TempDir& dir, const std::string& args) {
  const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
  const std::string command = "cd '" + dir.path().string() + "' && FOCAL_USER=ana '" FOCAL_CLI "' " + args +
                              " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readFile(out), readFile(err)};
}
#endif

// A questionnaire file with the given id, version and section list.
inline std::string storeYaml(const std::string& id, const std::string& version, const std::string& sections,
                             const std::string& extra = {}) {
  return "focal: 1\nid: " + id + "\ntitle: {en: Test}\ninstrument: tip\ncycle: 1\nversion: '" + version +
         "'\nlanguages: [en]\n" + extra + "sections:\n" + sections;
}

// Every kind of stored value: yes/no with a follow-up, a number, choices
// with "other", a citation, a table, a repeat of at most 3 records, and an
// attachment of at most 1 MB.
inline const std::string kStoreSections = R"(  - id: general
    title: General
    questions:
      - {id: q_1, type: yes_no, label: Gate, required: true}
      - {id: q_2, type: long_text, label: Explain, relevant: "${q_1} = 'no'"}
      - {id: q_3, type: integer, label: Count, min: 0, max: 100}
      - id: q_4
        type: multiple_choice
        label: Forms
        choices: [{value: labour, label: Labour}, {value: sexual, label: Sexual}]
        other: true
  - id: details
    title: Details
    questions:
      - {id: q_5, type: legislation, label: Law}
      - id: q_6
        type: table
        label: Victims
        rows: [{id: y2022, label: "2022"}, {id: y2023, label: "2023"}]
        columns: [{id: women, label: Women}, {id: men, label: Men}]
      - id: q_7
        type: repeat
        label: Agreements
        max_records: 3
        questions:
          - {id: q_7_partner, type: country, label: Partner}
          - {id: q_7_title, type: text, label: Title}
      - {id: q_8, type: attachment, label: Text, types: [pdf, txt], max_size_mb: 1}
)";

inline std::shared_ptr<const Questionnaire> loadStoreQuestionnaire(const std::string& yaml,
                                                                   const std::string& name = "test.yaml") {
  LoadResult result = loadQuestionnaireText(yaml, name);
  std::string messages;
  for (const auto& d : result.diagnostics)
    if (d.severity == Diagnostic::Severity::Error) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  return result.questionnaire;
}

inline std::shared_ptr<const Questionnaire> storeQuestionnaire() {
  static auto q = loadStoreQuestionnaire(storeYaml("store-test", "1", kStoreSections));
  return q;
}

// Options for tests: a fixed user, no backup on close unless asked for.
inline WorkspaceOptions testOptions(const std::string& user = "tester") {
  WorkspaceOptions options;
  options.user = user;
  options.backupOnClose = false;
  return options;
}

// The kind of WorkspaceError `f` throws (and its message).
template <typename F>
WorkspaceError::Kind failureKind(F&& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const WorkspaceError& e) {
    if (message) *message = e.what();
    return e.kind();
  }
  ADD_FAILURE() << "expected a WorkspaceError";
  return WorkspaceError::Kind::Io;
}

// A raw connection without Focal's checks, to hand-make or alter files.
class RawDb {
 public:
  explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  void exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << "\n" << sql;
    sqlite3_free(error);
  }
  std::string text(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
      const auto* p = sqlite3_column_text(s, 0);
      out = p ? reinterpret_cast<const char*>(p) : "";
    }
    sqlite3_finalize(s);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace focal::test
