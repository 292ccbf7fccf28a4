// The store kept in memory (Workspace::createInMemory), which the author's
// preview is a document over: it writes, reads, undoes and keeps history
// and attachments like a workspace file, and nothing of it reaches the disk.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "forms/answer_path.h"
#include "forms/response_document.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;
using test::testOptions;

// Every file and folder in `dir`, for a message.
std::string listing(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    out += entry.path().string() + "\n";
  return out;
}

bool isEmpty(const std::filesystem::path& dir) { return std::filesystem::is_empty(dir); }

// Runs the test with the working directory, HOME and the temporary folders
// all in one empty folder, and puts them back afterwards.
class InMemoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    previousDirectory_ = std::filesystem::current_path();
    for (const char* name : kVariables) {
      const char* value = std::getenv(name);
      previous_.push_back(value ? std::optional<std::string>(value) : std::nullopt);
      setenv(name, dir_.path().c_str(), 1);
    }
    std::filesystem::current_path(dir_.path());
  }
  void TearDown() override {
    std::filesystem::current_path(previousDirectory_);
    for (std::size_t i = 0; i < std::size(kVariables); ++i) {
      if (previous_[i])
        setenv(kVariables[i], previous_[i]->c_str(), 1);
      else
        unsetenv(kVariables[i]);
    }
  }

  static constexpr const char* kVariables[] = {"HOME", "TMPDIR", "SQLITE_TMPDIR"};
  TempDir dir_;
  std::filesystem::path previousDirectory_;
  std::vector<std::optional<std::string>> previous_;
};

TEST_F(InMemoryStoreTest, WritesReadsAndUndoesWithNothingOnDisk) {
  auto ws = Workspace::createInMemory(testOptions("author"));
  EXPECT_TRUE(ws->inMemory());
  EXPECT_FALSE(ws->readOnly());
  EXPECT_EQ(ws->database().queryInteger("PRAGMA temp_store"), 2);  // MEMORY
  EXPECT_EQ(ws->database().queryText("PRAGMA journal_mode"), "memory");
  const ResponseId id = ws->createResponse(*test::storeQuestionnaire(), "ZZZ", "", {{"q_3", "12"}});
  EXPECT_EQ(ws->response(id).language, "en");
  EXPECT_EQ(ws->answers(id).at("q_3"), "12");
  {
    ResponseDocument document(*ws, id);
    EXPECT_EQ(document.session().value("q_3"), "12");
    ASSERT_TRUE(document.answer("q_1", "no").ok());
    ASSERT_TRUE(document.answer(withMark("q_3", "comment"), "From the 2023 survey").ok());
    ASSERT_TRUE(document.apply({{withMark("q_2", "status"), "not_available"}}).ok());
    const std::vector<unsigned char> text = {'l', 'a', 'w'};
    document.attach("q_8", "law.txt", "text/plain", text);
    EXPECT_EQ(document.status().state, SaveState::Saved);
    EXPECT_EQ(ws->answers(id).at(withMark("q_3", "comment")), "From the 2023 survey");
    EXPECT_EQ(ws->attachment(id, "q_8")->data, text);
    EXPECT_TRUE(isEmpty(dir_.path())) << listing(dir_.path());

    // Undo goes through the store and says what it changed.
    const UndoResult undone = document.undo();  // the attachment's answer
    ASSERT_EQ(undone.changes.size(), 1u);
    EXPECT_EQ(undone.changes.front().path, "q_8");
    EXPECT_EQ(undone.changes.front().before, "law.txt");
    EXPECT_EQ(undone.changes.front().after, "");
    EXPECT_EQ(ws->answers(id).count("q_8"), 0u);
    ASSERT_TRUE(document.undo());  // not available
    EXPECT_EQ(ws->answers(id).count(withMark("q_2", "status")), 0u);
    ASSERT_TRUE(document.redo());
    EXPECT_EQ(ws->answers(id).at(withMark("q_2", "status")), "not_available");

    // The history has every value, with who gave it.
    const auto history = ws->history(id, "q_2");
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history.back().value, "not_available");
    EXPECT_EQ(history.back().changedBy, "author");
  }
  EXPECT_TRUE(ws->backups().empty());
  EXPECT_FALSE(ws->backupIfDue());
  EXPECT_EQ(test::failureKind([&] { ws->backup(); }), WorkspaceError::Kind::Refused);
  ws.reset();
  EXPECT_TRUE(isEmpty(dir_.path())) << listing(dir_.path());
}

TEST_F(InMemoryStoreTest, EachStoreIsItsOwn) {
  auto first = Workspace::createInMemory(testOptions());
  auto second = Workspace::createInMemory(testOptions());
  const ResponseId a = first->createResponse(*test::storeQuestionnaire(), "ZZZ", "en", {{"q_3", "1"}});
  const ResponseId b = second->createResponse(*test::storeQuestionnaire(), "ZZZ", "en", {{"q_3", "2"}});
  EXPECT_EQ(first->answers(a).at("q_3"), "1");
  EXPECT_EQ(second->answers(b).at("q_3"), "2");
  EXPECT_EQ(first->responses().size(), 1u);
  // A second one in the same program is not refused as locked.
  EXPECT_TRUE(first->warnings().empty());
  EXPECT_TRUE(second->warnings().empty());
}

TEST_F(InMemoryStoreTest, TheDocumentUsesTheQuestionnaireGivenWhenItsTextIsTheOneKept) {
  auto ws = Workspace::createInMemory(testOptions());
  // Loaded from a file, as the preview does: its own name, not the store's.
  const std::string yaml = test::storeYaml("store-test", "1", test::kStoreSections);
  const auto fromFile = test::loadStoreQuestionnaire(yaml, "/somewhere/draft.yaml");
  const ResponseId id = ws->createResponse(*fromFile, "ZZZ", "en");
  DocumentOptions options;
  options.questionnaire = fromFile;
  ResponseDocument given(*ws, id, options);
  EXPECT_EQ(given.session().sharedQuestionnaire(), fromFile);
  EXPECT_EQ(given.questionnaire().sourceName, "/somewhere/draft.yaml");

  // Another text is not taken for it: the kept one is loaded.
  options.questionnaire =
      test::loadStoreQuestionnaire(test::storeYaml("store-test", "2", test::kStoreSections));
  ResponseDocument other(*ws, id, options);
  EXPECT_NE(other.session().sharedQuestionnaire(), options.questionnaire);
  EXPECT_EQ(other.questionnaire().info.version, "1");
}

}  // namespace
}  // namespace focal
