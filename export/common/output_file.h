// Writing an export: into a temporary file beside the destination, renamed
// over it only when complete and synced, so a failed or interrupted export
// never leaves a half-written file under the name the user gave.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace focal {

// An export that cannot be made; the message names the file and says what to do.
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputFile {
 public:
  // Creates the temporary file; throws ExportError when the folder refuses it.
  explicit OutputFile(std::string destination);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  const std::string& tempPath() const { return temp_; }
  const std::string& destination() const { return destination_; }
  // Appends bytes to the temporary file.
  void append(std::string_view bytes);
  // Syncs the temporary file and renames it over the destination.
  void commit();

 private:
  std::string destination_, temp_;
  bool committed_ = false;
};

// The whole file at once, through an OutputFile.
void writeFileAtomically(const std::string& destination, std::string_view bytes);

// A file's bytes; throws ExportError when it cannot be read or is larger than `maxBytes`.
std::string readWholeFile(const std::string& path, std::uint64_t maxBytes);

}  // namespace focal
