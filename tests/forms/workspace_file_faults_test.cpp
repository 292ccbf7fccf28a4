// The workspace file taken away while Focal has it open (issue 9): deleted
// or moved in a file manager, replaced by a sync client, or its disk pulled
// out. Focal notices before the next change and loses nothing: a removed
// file is written again where it was, a replaced one is left alone while
// Focal goes on in a rescue copy beside it, and when the folder itself is
// gone the change waits in memory until it is back.
#include <gtest/gtest.h>

#include <filesystem>

#include "forms/response_document.h"
#include "forms/workspace.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::testOptions;

ResponseId newResponse(Workspace& ws) { return ws.createResponse(*test::storeQuestionnaire(), "NGA", "en"); }

std::map<std::string, std::string> answersIn(const std::string& file) {
  auto ws = Workspace::open(file, testOptions("checker"));
  return ws->answers(1);
}

TEST(WorkspaceFileFaults, ARemovedFileIsWrittenAgainWithEveryAnswer) {
  TempDir dir;
  const std::string path = dir.file("nga.focal");
  {
    auto ws = Workspace::create(path, testOptions());
    const ResponseId id = newResponse(*ws);
    ws->write(id, {{"q_1", "no"}, {"q_2", "Before the file was deleted."}});
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    ASSERT_FALSE(fs::exists(path));
    ws->write(id, {{"q_3", "3"}});
    EXPECT_TRUE(fs::exists(path));
    EXPECT_EQ(ws->path(), path);
    bool told = false;
    for (const auto& w : ws->warnings())
      told = told || w.find("was removed while Focal had it open") != std::string::npos;
    EXPECT_TRUE(told);
    ws->write(id, {{"q_2", "After."}});
  }
  EXPECT_EQ(answersIn(path),
            (std::map<std::string, std::string>{{"q_1", "no"}, {"q_2", "After."}, {"q_3", "3"}}));
}

TEST(WorkspaceFileFaults, AReplacedFileIsLeftAloneAndTheAnswersGoOnInARescueCopy) {
  TempDir dir;
  const std::string path = dir.file("nga.focal");
  const std::string other = dir.file("other.focal");
  {
    auto ws = Workspace::create(other, testOptions());
    newResponse(*ws);
  }
  std::string rescue;
  {
    auto ws = Workspace::create(path, testOptions());
    const ResponseId id = newResponse(*ws);
    ws->write(id, {{"q_1", "no"}});
    fs::rename(path, dir.file("moved-away.focal"));
    fs::copy_file(other, path);
    ws->write(id, {{"q_2", "typed after the swap"}});
    rescue = ws->path();
    EXPECT_FALSE(fs::exists(path + "-wal")) << "the old file's journal must not be left to the new file";
    EXPECT_NE(rescue, path);
    EXPECT_NE(rescue.find("nga-rescued-"), std::string::npos) << rescue;
  }
  EXPECT_TRUE(answersIn(path).empty());  // the other file, untouched
  EXPECT_EQ(answersIn(rescue),
            (std::map<std::string, std::string>{{"q_1", "no"}, {"q_2", "typed after the swap"}}));
}

TEST(WorkspaceFileFaults, WhenTheFolderIsGoneTheChangeWaitsAndIsSavedWhenItIsBack) {
  TempDir dir;
  const std::string folder = dir.file("usb");
  const std::string parked = dir.file("usb-unplugged");
  fs::create_directory(folder);
  const std::string path = folder + "/nga.focal";
  auto ws = Workspace::create(path, testOptions());
  const ResponseId id = newResponse(*ws);
  ResponseDocument document(*ws, id);
  document.answer("q_1", "no");
  ASSERT_TRUE(document.isSaved());
  fs::rename(folder, parked);  // as the disk taken out
  document.answer("q_2", "typed while the disk was out");
  EXPECT_FALSE(document.isSaved());
  EXPECT_NE(document.status().message.find("folder of"), std::string::npos) << document.status().message;
  EXPECT_EQ(document.session().value("q_2"), "typed while the disk was out");
  fs::rename(parked, folder);  // back, the same file
  EXPECT_TRUE(document.retry());
  EXPECT_EQ(ws->answers(id),
            (std::map<std::string, std::string>{{"q_1", "no"}, {"q_2", "typed while the disk was out"}}));
}

}  // namespace
}  // namespace focal
