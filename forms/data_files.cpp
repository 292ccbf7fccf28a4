#include "forms/data_files.h"

#include <filesystem>
#include <system_error>
#include <vector>

namespace focal {

std::string findDataFile(const std::string& relative) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / "../share/focal" / relative);
  candidates.push_back(fs::path("/usr/share/focal") / relative);
#ifdef FOCAL_SOURCE_DIR
  candidates.push_back(fs::path(FOCAL_SOURCE_DIR) / relative);
#endif
  for (const auto& c : candidates)
    if (fs::exists(c, ec)) return c.lexically_normal().string();
  return {};
}

}  // namespace focal
