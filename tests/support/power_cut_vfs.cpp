#include "power_cut_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <new>
#include <stdexcept>

namespace focal::test {
namespace {

sqlite3_vfs gVfs;              // the shim; a copy of the previous default with our calls
sqlite3_vfs* gReal = nullptr;  // the previous default, which does the real work
PowerCutVfs* gDisk = nullptr;

struct CutFile {  // pointers only: the 8-byte alignment SQLite gives a file
  sqlite3_file base;
  sqlite3_file* real;
  std::string* path;  // null for files not kept across a cut (temporary, deleted on close)
};

CutFile* cut(sqlite3_file* file) { return reinterpret_cast<CutFile*>(file); }
sqlite3_file* real(sqlite3_file* file) { return cut(file)->real; }

int cutClose(sqlite3_file* file) {
  CutFile* f = cut(file);
  int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
  delete f->path;
  f->path = nullptr;
  return rc;
}

int cutRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  if (gDisk->dead()) return SQLITE_IOERR_READ;
  return real(file)->pMethods->xRead(real(file), out, amount, offset);
}

// The bytes [offset, offset + amount) as they are now (shorter past the end).
PowerCutVfs::Undo before(sqlite3_file* file, std::int64_t offset, std::int64_t amount) {
  PowerCutVfs::Undo undo;
  undo.offset = offset;
  sqlite3_int64 size = 0;
  real(file)->pMethods->xFileSize(real(file), &size);
  undo.oldSize = size;
  if (offset < size) {
    undo.old.resize(static_cast<std::size_t>(std::min<std::int64_t>(amount, size - offset)));
    real(file)->pMethods->xRead(real(file), undo.old.data(), static_cast<int>(undo.old.size()), offset);
  }
  return undo;
}

int cutWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  if (!gDisk->tick()) return SQLITE_IOERR_WRITE;
  if (cut(file)->path) gDisk->remember(*cut(file)->path, before(file, offset, amount));
  return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}

int cutTruncate(sqlite3_file* file, sqlite3_int64 size) {
  if (!gDisk->tick()) return SQLITE_IOERR_TRUNCATE;
  if (cut(file)->path) {
    sqlite3_int64 now = 0;
    real(file)->pMethods->xFileSize(real(file), &now);
    if (now > size) gDisk->remember(*cut(file)->path, before(file, size, now - size));
  }
  return real(file)->pMethods->xTruncate(real(file), size);
}

int cutSync(sqlite3_file* file, int /*flags*/) {
  if (!gDisk->tick()) return SQLITE_IOERR_FSYNC;
  // Durable from here; the real fsync is not needed by the simulation.
  if (cut(file)->path) gDisk->synced(*cut(file)->path);
  return SQLITE_OK;
}

int cutFileSize(sqlite3_file* file, sqlite3_int64* size) {
  if (gDisk->dead()) return SQLITE_IOERR_FSTAT;
  return real(file)->pMethods->xFileSize(real(file), size);
}

int cutLock(sqlite3_file* file, int level) {
  if (gDisk->dead()) return SQLITE_IOERR_LOCK;
  return real(file)->pMethods->xLock(real(file), level);
}
int cutUnlock(sqlite3_file* file, int level) { return real(file)->pMethods->xUnlock(real(file), level); }
int cutCheckReserved(sqlite3_file* file, int* out) {
  if (gDisk->dead()) return SQLITE_IOERR_CHECKRESERVEDLOCK;
  return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int cutFileControl(sqlite3_file* file, int op, void* arg) {
  return real(file)->pMethods->xFileControl(real(file), op, arg);
}
int cutSectorSize(sqlite3_file* file) { return real(file)->pMethods->xSectorSize(real(file)); }
int cutDevice(sqlite3_file* file) { return real(file)->pMethods->xDeviceCharacteristics(real(file)); }
int cutShmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  if (gDisk->dead()) return SQLITE_IOERR_SHMMAP;
  return real(file)->pMethods->xShmMap(real(file), page, size, extend, out);
}
int cutShmLock(sqlite3_file* file, int offset, int n, int flags) {
  if (gDisk->dead() && (flags & SQLITE_SHM_LOCK)) return SQLITE_IOERR_SHMLOCK;
  return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}
void cutShmBarrier(sqlite3_file* file) { real(file)->pMethods->xShmBarrier(real(file)); }
int cutShmUnmap(sqlite3_file* file, int deleteFlag) {
  return real(file)->pMethods->xShmUnmap(real(file), gDisk->dead() ? 0 : deleteFlag);
}

// Version 2: no xFetch, so SQLite never reads or writes through a memory map.
const sqlite3_io_methods kMethods = {
    2,          cutClose,      cutRead,          cutWrite,       cutTruncate,   cutSync,   cutFileSize,
    cutLock,    cutUnlock,     cutCheckReserved, cutFileControl, cutSectorSize, cutDevice, cutShmMap,
    cutShmLock, cutShmBarrier, cutShmUnmap,      nullptr,        nullptr,
};

int cutOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
  CutFile* f = cut(file);
  f->base.pMethods = nullptr;
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->path = nullptr;
  if (gDisk->dead()) return SQLITE_CANTOPEN;
  int rc = gReal->xOpen(gReal, name, f->real, flags, outFlags);
  if (f->real->pMethods) {
    f->base.pMethods = &kMethods;
    if (name && !(flags & SQLITE_OPEN_DELETEONCLOSE)) f->path = new std::string(name);
  }
  return rc;
}

int cutDelete(sqlite3_vfs*, const char* name, int syncDir) {
  if (!gDisk->tick()) return SQLITE_IOERR_DELETE;
  gDisk->forget(name);  // a deletion is taken as durable at once
  return gReal->xDelete(gReal, name, syncDir);
}

int cutAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
  if (gDisk->dead()) return SQLITE_IOERR_ACCESS;
  return gReal->xAccess(gReal, name, flags, out);
}

int cutFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return gReal->xFullPathname(gReal, name, size, out);
}

}  // namespace

PowerCutVfs::PowerCutVfs() : random_(1) {
  if (gDisk) throw std::logic_error("one PowerCutVfs at a time");
  sqlite3_initialize();
  gReal = sqlite3_vfs_find(nullptr);
  previous_ = gReal;
  gVfs = *gReal;
  gVfs.iVersion = std::min(gReal->iVersion, 2);
  gVfs.szOsFile = static_cast<int>(sizeof(CutFile)) + gReal->szOsFile;
  gVfs.zName = "focal-power-cut";
  gVfs.pNext = nullptr;
  gVfs.pAppData = this;
  gVfs.xOpen = cutOpen;
  gVfs.xDelete = cutDelete;
  gVfs.xAccess = cutAccess;
  gVfs.xFullPathname = cutFullPathname;
  gDisk = this;
  sqlite3_vfs_register(&gVfs, 1);
}

PowerCutVfs::~PowerCutVfs() {
  sqlite3_vfs_unregister(&gVfs);
  sqlite3_vfs_register(previous_, 1);
  gDisk = nullptr;
}

void PowerCutVfs::arm(std::uint64_t after, std::uint32_t seed) {
  std::lock_guard lock(mutex_);
  operations_ = 0;
  cutAt_ = after;
  dead_ = false;
  random_.seed(seed);
}

void PowerCutVfs::count() { arm(0, 1); }

std::uint64_t PowerCutVfs::operations() const {
  std::lock_guard lock(mutex_);
  return operations_;
}

bool PowerCutVfs::dead() const {
  std::lock_guard lock(mutex_);
  return dead_;
}

void PowerCutVfs::settle() {
  std::lock_guard lock(mutex_);
  unsynced_.clear();
}

bool PowerCutVfs::tick() {
  std::lock_guard lock(mutex_);
  if (dead_) return false;
  ++operations_;
  if (cutAt_ != 0 && operations_ == cutAt_) dead_ = true;
  return !dead_;
}

void PowerCutVfs::remember(const std::string& path, Undo undo) {
  std::lock_guard lock(mutex_);
  unsynced_[path].push_back(std::move(undo));
}

void PowerCutVfs::synced(const std::string& path) {
  std::lock_guard lock(mutex_);
  unsynced_.erase(path);
}

void PowerCutVfs::forget(const std::string& path) {
  std::lock_guard lock(mutex_);
  unsynced_.erase(path);
}

std::size_t PowerCutVfs::restore() {
  std::lock_guard lock(mutex_);
  std::size_t dropped = 0;
  for (auto& [path, undos] : unsynced_) {
    // Writes [0, kept) reached the disk, the one at `kept` perhaps torn;
    // the rest never did. Undone newest first, each back to its own before.
    const std::size_t kept = std::uniform_int_distribution<std::size_t>(0, undos.size())(random_);
    const int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0) continue;  // deleted since: nothing to put back
    for (std::size_t i = undos.size(); i-- > kept;) {
      const Undo& u = undos[i];
      std::size_t from = 0;  // bytes of the write that stay (a torn write keeps whole sectors)
      if (i == kept && !u.old.empty() && std::uniform_int_distribution<int>(0, 1)(random_)) {
        const std::size_t sectors = u.old.size() / 512;
        from = 512 * std::uniform_int_distribution<std::size_t>(0, sectors)(random_);
      }
      if (from < u.old.size() && ::pwrite(fd, u.old.data() + from, u.old.size() - from, u.offset + from) < 0)
        throw std::runtime_error("power cut: cannot restore " + path);
      const std::int64_t end = from == 0 ? u.oldSize : std::max<std::int64_t>(u.oldSize, u.offset + from);
      if (::ftruncate(fd, end) != 0) throw std::runtime_error("power cut: cannot truncate " + path);
      ++dropped;
    }
    ::close(fd);
  }
  unsynced_.clear();
  operations_ = 0;
  cutAt_ = 0;
  dead_ = false;
  return dropped;
}

}  // namespace focal::test
