// A disk that can lose power, for the power-cut campaign
// (tests/export/power_cut_test.cpp, docs/reliability.md).
//
// PowerCutVfs is a SQLite VFS over the default one, installed as the
// default while a test holds it. For every file it remembers what each
// write since that file's last xSync overwrote. After `armed` more writes
// and syncs (counted together) the power goes: that write or sync does not
// happen, and every later call fails with SQLITE_IOERR, as on a machine
// that has stopped. `restore()` then puts each file back as a disk may
// hold it after the cut: of the writes not yet made durable by xSync, a
// random prefix survives (none, some, or all), the last survivor possibly
// torn at a 512-byte sector; everything synced stays. Sync itself does not
// reach the real disk (the campaign needs no real fsync, and runs fast).
//
//   PowerCutVfs disk;                  // installed as the default VFS
//   disk.arm(37, seed);                // the 37th write or sync cuts the power
//   ... run the operation until it fails ...
//   disk.restore();                    // the disk as the cut left it
//   ... reopen the files with the real code and check them ...
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <vector>

struct sqlite3_vfs;

namespace focal::test {

class PowerCutVfs {
 public:
  PowerCutVfs();   // installs itself as SQLite's default VFS
  ~PowerCutVfs();  // puts the previous default back
  PowerCutVfs(const PowerCutVfs&) = delete;
  PowerCutVfs& operator=(const PowerCutVfs&) = delete;

  // The power goes at the `after`-th write or sync from now (1 = the next one).
  void arm(std::uint64_t after, std::uint32_t seed);
  // Counts writes and syncs without cutting (to learn how many an operation makes).
  void count();
  std::uint64_t operations() const;
  bool dead() const;
  // Takes everything written so far as durable (after setting up a trial).
  void settle();
  // The files as the cut left them; the disk works again afterwards.
  // Returns how many unsynced writes were dropped.
  std::size_t restore();

  // For the VFS callbacks (power_cut_vfs.cpp).
  struct Undo {
    std::int64_t offset = 0;
    std::string old;           // the bytes the write replaced (shorter at the end of the file)
    std::int64_t oldSize = 0;  // the file's size before the write
  };
  bool tick();  // one write or sync: false when this one cuts the power (or it is gone)
  void remember(const std::string& path, Undo undo);
  void synced(const std::string& path);
  void forget(const std::string& path);

 private:
  sqlite3_vfs* previous_ = nullptr;
  mutable std::mutex mutex_;
  std::uint64_t operations_ = 0;
  std::uint64_t cutAt_ = 0;  // 0: never
  bool dead_ = false;
  std::mt19937 random_;
  std::map<std::string, std::vector<Undo>> unsynced_;
};

}  // namespace focal::test
