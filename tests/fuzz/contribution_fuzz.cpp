// Fuzz target for the contribution file reader: any bytes, as a
// .focalcontrib file an agency sent back. It must never throw, must give a
// reason for every verdict, and must hand out a contribution whenever the
// file could be read, never when it is unreadable.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "export/contribution/contribution_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  focal::ContributionCheck check;
  try {
    check = focal::readContributionBytes(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (...) {
    std::abort();  // documented: never throws
  }
  if (check.reason.empty()) std::abort();
  const bool unreadable = check.verdict == focal::ReportVerdict::Unreadable;
  const bool altered = check.verdict == focal::ReportVerdict::Altered;
  if (unreadable && check.contribution) std::abort();
  if (!unreadable && !altered && !check.contribution) std::abort();
  return 0;
}
