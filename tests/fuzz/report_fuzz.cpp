// Fuzz target for the national report reader: any bytes, as a received
// .focalreport file (a SQLite database from a State). Beyond crashes, hangs
// and leaks, it checks the reader's promises: it never throws, it gives a
// reason for every verdict, and it hands out content whenever the file could be
// read (an altered file's content is kept to name it in the message) and
// never for "unreadable".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "export/report/report_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  focal::VerifyOptions options;
  options.limits.maxTextBytes = 1 << 16;
  focal::ReportCheck check;
  try {
    check = focal::readReportBytes(std::span<const unsigned char>(data, size), options);
  } catch (...) {
    std::abort();  // documented: never throws
  }
  if (check.reason.empty()) std::abort();
  const bool unreadable = check.verdict == focal::ReportVerdict::Unreadable;
  const bool altered = check.verdict == focal::ReportVerdict::Altered;
  if (unreadable && check.report) std::abort();
  if (!unreadable && !altered && !check.report) std::abort();
  if (check.report) (void)check.report->answerMap();
  return 0;
}
