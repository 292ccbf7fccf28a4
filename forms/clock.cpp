#include "forms/clock.h"

#include <fmt/format.h>

#include <chrono>

namespace focal {

std::string utcTimestamp() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::string seconds = utcTimestampAt(system_clock::to_time_t(now));
  return fmt::format("{}.{:03}Z", seconds.substr(0, seconds.size() - 1), ms);
}

std::string utcNow() { return utcTimestampAt(std::time(nullptr)); }

std::string utcTimestampAt(std::time_t moment) {
  std::tm tm{};
  gmtime_r(&moment, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string localDate() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

}  // namespace focal
