// Shared by the contribution_*.cpp files only: translated messages with
// arguments, and small text helpers.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "forms/i18n.h"

namespace focal::contribution_detail {

inline std::string joinList(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// At most `max` items, then "and N more".
inline std::string shortList(const std::vector<std::string>& items, std::size_t max = 5) {
  if (items.size() <= max) return joinList(items);
  std::vector<std::string> head(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(max));
  return msg("{} and {} more", joinList(head), items.size() - max);
}

}  // namespace focal::contribution_detail
