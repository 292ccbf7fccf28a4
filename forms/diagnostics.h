// Problems found in a file the user gave us, with where they are, so that
// every message can say FILE:LINE:COL and what to do.
#pragma once

#include <string>
#include <vector>

namespace focal {

struct Diagnostic {
  // A note informs (a partial language's coverage); --strict leaves it a note.
  enum class Severity { Error, Warning, Note };
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;  // 1-based; 0 when the problem concerns the whole file
  int column = 0;
  std::string message;

  // "FILE:LINE:COL: error: message" (LINE and COL left out when unknown).
  std::string format() const;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}
  void error(int line, int column, std::string message);
  void warning(int line, int column, std::string message);
  void note(int line, int column, std::string message);
  const std::vector<Diagnostic>& all() const { return items_; }
  bool hasErrors() const;
  std::size_t errorCount() const;
  const std::string& file() const { return file_; }
  // Orders by position, keeping the order of equal positions.
  void sort();

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

// The closest of `candidates` to `word`, or "" when none is close enough
// to be a likely typo. Used for "did you mean ...?" hints.
std::string nearestWord(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace focal
