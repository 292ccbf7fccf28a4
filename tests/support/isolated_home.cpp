// Every test and benchmark program runs with HOME and the XDG folders in a
// scratch directory of its own, made before main() and removed when the
// program ends, so nothing a test does reaches the real user's home: GTK's
// list of recently used files, Focal's signing key and settings, caches.
// The programs a test starts (focal-cli) inherit it. Linked into each test
// program as an object library (tests/CMakeLists.txt), so this initializer
// is never dropped by the linker.
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace {

class IsolatedHome {
 public:
  IsolatedHome() : owner_(::getpid()) {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "focal-test-home-XXXXXX").string();
    if (ec || !::mkdtemp(pattern.data())) {
      std::perror("focal tests: cannot make a scratch home directory");
      std::_Exit(2);
    }
    root_ = pattern;
    set("HOME", "");
    set("XDG_CONFIG_HOME", "/.config");
    set("XDG_DATA_HOME", "/.local/share");
    set("XDG_CACHE_HOME", "/.cache");
    set("XDG_STATE_HOME", "/.local/state");
    // Focal's own override of the settings folder would point outside.
    ::unsetenv("FOCAL_CONFIG_DIR");
  }

  ~IsolatedHome() {
    // A forked child (death tests, crash tests) must not remove its parent's home.
    if (::getpid() != owner_) return;
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  IsolatedHome(const IsolatedHome&) = delete;
  IsolatedHome& operator=(const IsolatedHome&) = delete;

 private:
  void set(const char* name, const std::string& below) {
    const std::string path = root_ + below;
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    ::setenv(name, path.c_str(), 1);
  }

  std::string root_;
  pid_t owner_;
};

const IsolatedHome isolatedHome;

}  // namespace
