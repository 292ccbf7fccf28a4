// Attack (#18 point 9): a workspace on a read-only medium (a CD, a
// write-protected stick). status, history and export only read, so they
// must work there, and nothing may say "the disk reported an error ...
// check that the disk is still connected". The read-only disk is a
// read-only bind mount inside a private mount namespace (unshare), so
// nothing outside the test sees it; the test is skipped where that is not allowed.
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;

struct RunOutcome {
  int code = -1;
  std::string out;
};

class ReadOnlyMedium : public ::testing::Test {
 protected:
  void SetUp() override {
    test::writeFile(dir.file("q.yaml"), test::storeYaml("store-test", "1", test::kStoreSections));
    std::filesystem::create_directories(dir.file("src"));
    std::filesystem::create_directories(dir.file("ro"));
    ASSERT_EQ(cli("new src/w.focal --questionnaire q.yaml --state NGA").code, 0);
    test::writeFile(dir.file("a.csv"), "question_id,value\nq_1,no\nq_3,12\n");
    ASSERT_EQ(cli("fill src/w.focal --answers a.csv").code, 0);
    if (onReadOnlyDisk("true").code != 0) GTEST_SKIP() << "no private read-only mount here (unshare)";
  }
  RunOutcome run(const std::string& command) {
    const std::string out = dir.file("out.txt");
    const std::string full = "cd '" + dir.path().string() + "' && FOCAL_USER=ana FOCAL_CONFIG_DIR='" +
                             dir.file("config") + "' " + command + " >'" + out + "' 2>&1";
    int status = std::system(full.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::readFile(out)};
  }
  RunOutcome cli(const std::string& args) { return run("'" FOCAL_CLI "' " + args); }
  // Runs focal-cli with the folder src/ seen read-only at ro/.
  RunOutcome onReadOnlyDisk(const std::string& args) {
    return run(
        "unshare --mount --map-root-user sh -c \"mount --bind src ro && mount -o remount,ro,bind ro && " +
        (args == "true" ? std::string("touch ro/x 2>/dev/null; test ! -e ro/x") : "'" FOCAL_CLI "' " + args) +
        "\"");
  }
  TempDir dir;
};

TEST_F(ReadOnlyMedium, StatusHistoryAndExportReadWithoutADiskError) {
  RunOutcome r = onReadOnlyDisk("status ro/w.focal");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("2 of 4 answered"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("disk reported an error"), std::string::npos) << r.out;
  r = onReadOnlyDisk("history ro/w.focal q_3");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("q_3  = 12"), std::string::npos) << r.out;
  r = onReadOnlyDisk("export ro/w.focal --format report -o w.focalreport");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.file("w.focalreport"))) << r.out;
  r = onReadOnlyDisk("fill ro/w.focal --answers a.csv");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("read-only"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("disk reported an error"), std::string::npos) << r.out;
}

TEST_F(ReadOnlyMedium, ChangesLeftInAWalFileAreNamedNotCalledADiskError) {
  test::writeFile(dir.file("src/w.focal-wal"), std::string(4096, 'x'));
  RunOutcome r = onReadOnlyDisk("status ro/w.focal");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("is on a read-only disk, and its latest changes are still in"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace focal
