// The schema registry: a module's tables are named, versioned steps that
// the workspace applies in its migration transaction and records in
// schema_modules; a file from before a step gets only the steps it lacks.
#include "forms/schema_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/workspace.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using test::TempDir;
using test::testOptions;

// A module of this test only: a table, then a column added to it.
const bool kRegistered = [] {
  schema_registry::add(
      {"registry_test", 1, "CREATE TABLE IF NOT EXISTS registry_notes(id INTEGER PRIMARY KEY);", "a table"});
  schema_registry::add({"registry_test", 2,
                        "ALTER TABLE registry_notes ADD COLUMN note TEXT NOT NULL DEFAULT '';", "a column"});
  return true;
}();

std::int64_t recorded(Workspace& ws) {
  return ws.database().queryInteger("SELECT version FROM schema_modules WHERE module = 'registry_test'", -1);
}

TEST(SchemaRegistry, StepsMustComeInOrder) {
  EXPECT_THROW(schema_registry::add({"registry_test", 5, "SELECT 1;", "a gap"}), std::logic_error);
  EXPECT_THROW(schema_registry::add({"", 1, "SELECT 1;", "no module"}), std::logic_error);
  EXPECT_EQ(schema_registry::latestVersion("registry_test"), 2);
  EXPECT_EQ(schema_registry::latestVersion("nobody"), 0);
}

TEST(SchemaRegistry, ANewWorkspaceHasEveryStepRecorded) {
  ASSERT_TRUE(kRegistered);
  TempDir dir;
  auto ws = Workspace::create(dir.file("new.focal"), testOptions("maria"));
  EXPECT_EQ(recorded(*ws), 2);
  ws->database().exec("INSERT INTO registry_notes(note) VALUES ('kept')");
}

TEST(SchemaRegistry, AFileBehindGetsOnlyTheStepsItLacks) {
  TempDir dir;
  const std::string path = dir.file("old.focal");
  {
    auto ws = Workspace::create(path, testOptions("maria"));
    // As a Focal that knew only step 1 left it, with a row in the table.
    ws->database().exec(
        "DROP TABLE registry_notes; CREATE TABLE registry_notes(id INTEGER PRIMARY KEY); "
        "INSERT INTO registry_notes(id) VALUES (7); UPDATE schema_modules SET version = 1 WHERE module = "
        "'registry_test';");
  }
  {
    auto ws = Workspace::open(path, testOptions("maria"));
    EXPECT_EQ(recorded(*ws), 2);
    EXPECT_EQ(ws->database().queryText("SELECT id || '/' || note FROM registry_notes"), "7/");
  }
  // Opened read-only, a file behind is read as it is and not changed.
  {
    auto ws = Workspace::open(path, testOptions("maria"));
    ws->database().exec("UPDATE schema_modules SET version = 1 WHERE module = 'registry_test'");
  }
  WorkspaceOptions readOnly = testOptions("maria");
  readOnly.readOnly = true;
  auto ws = Workspace::open(path, readOnly);
  EXPECT_EQ(recorded(*ws), 1);
}

TEST(SchemaRegistry, AFileFromANewerFocalIsRefused) {
  TempDir dir;
  const std::string path = dir.file("newer.focal");
  Workspace::create(path, testOptions("maria"))
      ->database()
      .exec("UPDATE schema_modules SET version = 3 WHERE module = 'registry_test'");
  try {
    Workspace::open(path, testOptions("maria"));
    ADD_FAILURE() << "opened";
  } catch (const WorkspaceError& e) {
    EXPECT_EQ(e.kind(), WorkspaceError::Kind::TooNew);
    EXPECT_THAT(e.what(), ::testing::HasSubstr("registry_test tables are at version 3"));
  }
}

}  // namespace
}  // namespace focal
