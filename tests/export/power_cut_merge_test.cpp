// The power-cut campaign for the secretariat's merge (docs/reliability.md):
// after every cut the store opens, integrity_check passes, every report
// merged before the cut is there, and merging everything again gives the
// store of a merge never cut. In a file of its own: the consolidated store
// and the contributions each have a MergeResult.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "consolidated_fixtures.h"
#include "export/secretariat/consolidated_merge.h"
#include "export/secretariat/consolidated_store.h"
#include "power_cut_campaign.h"

namespace focal::test {
namespace {

// The secretariat's store, half the reports merged, the other half being merged.
struct Merging {
  std::unique_ptr<ConsolidatedStore> store;
  std::string file;
  std::vector<std::string> first, second;  // merged before the operation, merged by it
  void close() {
    try {
      store.reset();
    } catch (...) {
    }
  }
};

Merging startMerging(const TempDir& dir) {
  Merging m;
  m.file = dir.file("store.focaldb");
  const std::vector<std::string> files = writeReplies(dir);
  m.first.assign(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(files.size() / 2));
  m.second.assign(files.begin() + static_cast<std::ptrdiff_t>(files.size() / 2), files.end());
  m.store = std::make_unique<ConsolidatedStore>(m.file);
  trustFixtures(*m.store);
  MergeOptions serial;
  serial.parallel = false;
  EXPECT_EQ(mergeReports(*m.store, m.first, serial).imported, m.first.size());
  return m;
}

TEST(PowerCut, AMergeKeepsEveryReportMergedBeforeAndCanBeRunAgain) {
  std::int64_t cleanAnswers = 0;
  std::size_t cleanReports = 0;
  MergeOptions serial;
  serial.parallel = false;
  {
    TempDir dir;
    Merging m = startMerging(dir);
    mergeReports(*m.store, m.second, serial);
    cleanAnswers = m.store->database().queryInteger("SELECT count(*) FROM answers");
    cleanReports = m.store->reports().size();
  }
  ASSERT_GT(cleanAnswers, 0);
  campaign(
      "merge", startMerging, [&](const TempDir&, Merging& m) { mergeReports(*m.store, m.second, serial); },
      [&](const TempDir&, Merging& m, const std::string& what) {
        ASSERT_EQ(integrity(m.file), "ok") << what;
        ASSERT_NO_THROW(m.store = std::make_unique<ConsolidatedStore>(m.file)) << what;
        const std::size_t before = m.store->reports().size();
        if (before < m.first.size()) ++gCampaign.lost;
        EXPECT_GE(before, m.first.size()) << what << ": a report merged before the cut is gone";
        // Merging everything again finishes the work: the store as after a merge never cut.
        std::vector<std::string> all = m.first;
        all.insert(all.end(), m.second.begin(), m.second.end());
        mergeReports(*m.store, all, serial);
        EXPECT_EQ(m.store->reports().size(), cleanReports) << what;
        EXPECT_EQ(m.store->database().queryInteger("SELECT count(*) FROM answers"), cleanAnswers) << what;
        m.close();
      });
}

}  // namespace
}  // namespace focal::test
