// The power-cut campaign's driver (tests/export/power_cut_test.cpp and
// power_cut_merge_test.cpp; docs/reliability.md): run an operation once to
// count its writes and syncs, then cut the power at each of them in turn
// (tests/support/power_cut_vfs.h) and check what the disk kept.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "export_fixtures.h"
#include "forms/sqlite.h"
#include "support/power_cut_vfs.h"

namespace focal::test {

constexpr int kCutsPerOperation = 260;  // five operations: 1,300 cuts in all

// The figures of one operation's campaign, printed for docs/reliability.md.
struct Campaign {
  int cuts = 0;
  std::size_t dropped = 0;  // unsynced writes the cuts threw away
  int lost = 0;             // acknowledged answers missing afterwards (the goal: 0)
};
inline Campaign gCampaign;

inline std::string integrity(const std::string& file) {
  sql::Database db(file, SQLITE_OPEN_READONLY);
  return db.queryText("PRAGMA integrity_check").value_or("no answer");
}

// Runs `operation` once counting writes and syncs, then cuts the power at
// each of them in turn (and again with other torn writes), calling `check`.
template <typename Setup, typename Operation, typename Check>
void campaign(const std::string& name, Setup setup, Operation operation, Check check) {
  PowerCutVfs disk;
  gCampaign = {};
  std::uint64_t total = 0;
  {
    TempDir dir;
    auto state = setup(dir);
    disk.settle();
    disk.count();
    operation(dir, state);
    total = disk.operations();
    disk.settle();
  }
  ASSERT_GT(total, 5u) << name << ": the operation made too few writes to cut";
  for (int i = 0; i < kCutsPerOperation; ++i) {
    TempDir dir;
    auto state = setup(dir);
    disk.settle();
    const std::uint64_t at = 1 + static_cast<std::uint64_t>(i) % total;
    disk.arm(at, static_cast<std::uint32_t>(i + 1));
    try {
      operation(dir, state);
    } catch (const std::exception&) {
      // The machine stopped: whatever the program said then is lost with it.
    }
    state.close();
    gCampaign.dropped += disk.restore();
    ++gCampaign.cuts;
    check(dir, state, name + ", cut at write or sync " + std::to_string(at) + " of " + std::to_string(total));
    if (::testing::Test::HasFailure()) return;
  }
  std::printf(
      "power cuts during %s: %d cuts over %llu writes and syncs, %zu unsynced writes dropped, %d "
      "acknowledged answers lost\n",
      name.c_str(), gCampaign.cuts, static_cast<unsigned long long>(total), gCampaign.dropped,
      gCampaign.lost);
  EXPECT_EQ(gCampaign.cuts, kCutsPerOperation);
  EXPECT_EQ(gCampaign.lost, 0);
}

}  // namespace focal::test
