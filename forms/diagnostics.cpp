#include "forms/diagnostics.h"

#include <algorithm>

namespace focal {

std::string Diagnostic::format() const {
  std::string out = file;
  // Appended piece by piece: `":" + std::to_string(n)` makes g++ 12 at -O3
  // warn falsely that the copy may overlap (-Wrestrict, GCC bug 105329).
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  out += severity == Severity::Error     ? ": error: "
         : severity == Severity::Warning ? ": warning: "
                                         : ": note: ";
  out += message;
  return out;
}

void Diagnostics::error(int line, int column, std::string message) {
  items_.push_back({Diagnostic::Severity::Error, file_, line, column, std::move(message)});
}

void Diagnostics::warning(int line, int column, std::string message) {
  items_.push_back({Diagnostic::Severity::Warning, file_, line, column, std::move(message)});
}

void Diagnostics::note(int line, int column, std::string message) {
  items_.push_back({Diagnostic::Severity::Note, file_, line, column, std::move(message)});
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

std::size_t Diagnostics::errorCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}

namespace {
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string nearestWord(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.size() > 200) return {};
  std::string best;
  // Close names only: one letter off for a word of up to three letters
  // ('zz' is not near 't'), a third of the letters for longer ones.
  std::size_t bestDistance = (word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3)) + 1;
  for (const auto& candidate : candidates) {
    if (candidate.size() > 200) continue;
    std::size_t d = editDistance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace focal
