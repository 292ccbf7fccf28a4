// One undo history for the workspace's document and the author's preview
// (forms/undo_history.h): what makes a step, merging keystrokes within the
// window, and what undo and redo hand back.
#include "forms/undo_history.h"

#include <gtest/gtest.h>

namespace focal::test {
namespace {

using namespace std::chrono_literals;

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  UndoHistory::Options options() {
    UndoHistory::Options o;
    o.clock = [this] { return now; };
    return o;
  }
};

TEST(UndoHistory, KeystrokesOfOneFieldMergeIntoOneStep) {
  FakeClock clock;
  UndoHistory history(clock.options());
  history.record({{"a", "", "x"}}, "a");
  clock.now += 500ms;
  history.record({{"a", "x", "xy"}}, "a");
  history.record({{"b", "", "1"}}, "");
  ASSERT_TRUE(history.canUndo());
  EXPECT_EQ(history.nextUndoPath(), "b");
  const auto last = history.takeUndo();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].path, "b");
  EXPECT_EQ(last[0].value, "");
  const auto writes = history.takeUndo();
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].path, "a");
  EXPECT_EQ(writes[0].value, "");  // the first "before"
  EXPECT_FALSE(history.canUndo());
  EXPECT_EQ(history.nextRedoPath(), "a");
  EXPECT_EQ(history.takeRedo().front().value, "xy");  // the latest "after"
}

TEST(UndoHistory, ALatePauseASealOrAnotherFieldStartsANewStep) {
  FakeClock clock;
  UndoHistory history(clock.options());
  history.record({{"a", "", "x"}}, "a");
  clock.now += 2500ms;  // past the 2 s window
  history.record({{"a", "x", "xy"}}, "a");
  history.seal();  // the focus left the field
  history.record({{"a", "xy", "xyz"}}, "a");
  EXPECT_EQ(history.takeUndo().front().value, "xy");
  EXPECT_EQ(history.takeUndo().front().value, "x");
  EXPECT_EQ(history.takeUndo().front().value, "");
  EXPECT_FALSE(history.canUndo());
  EXPECT_TRUE(history.takeUndo().empty());
}

TEST(UndoHistory, TypingBackToTheStartLeavesNothingToUndo) {
  UndoHistory history;
  history.record({{"a", "", "x"}}, "a");
  history.record({{"a", "x", ""}}, "a");
  EXPECT_FALSE(history.canUndo());
}

TEST(UndoHistory, ANewEditForgetsWhatWasUndoneAndTheLimitDropsTheOldest) {
  UndoHistory::Options options;
  options.limit = 2;
  UndoHistory history(options);
  history.record({{"a", "", "1"}}, "");
  history.record({{"b", "", "2"}}, "");
  history.record({{"c", "", "3"}}, "");
  history.takeUndo();
  EXPECT_TRUE(history.canRedo());
  history.record({{"d", "", "4"}}, "");
  EXPECT_FALSE(history.canRedo());
  EXPECT_EQ(history.takeUndo().front().path, "d");
  EXPECT_EQ(history.takeUndo().front().path, "b");
  EXPECT_FALSE(history.canUndo());  // "a" was the oldest of three past the limit of two
}

TEST(UndoHistory, UndoOfSeveralChangesWritesTheNewestFirst) {
  UndoHistory history;
  history.record({{"r", "", "k1"}, {"r[k1]/x", "", "5"}}, "");
  const auto writes = history.takeUndo();
  ASSERT_EQ(writes.size(), 2u);
  EXPECT_EQ(writes[0].path, "r[k1]/x");
  EXPECT_EQ(writes[1].path, "r");
}

}  // namespace
}  // namespace focal::test
