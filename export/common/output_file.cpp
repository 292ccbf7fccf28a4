#include "export/common/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace focal {

namespace {
std::string directoryOf(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}
}  // namespace

OutputFile::OutputFile(std::string destination) : destination_(std::move(destination)) {
  struct stat info {};
  if (::stat(destination_.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
    throw ExportError(destination_ + " is a folder; give a file name with -o");
  std::vector<char> name(destination_.begin(), destination_.end());
  const std::string suffix = ".part-XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    throw ExportError("cannot write in " + directoryOf(destination_) + ": " + std::strerror(errno) +
                      "; choose another folder with -o");
  ::fchmod(
      fd, 0644 & ~[] {
        mode_t mask = ::umask(0);
        ::umask(mask);
        return mask;
      }());
  ::close(fd);
  temp_ = name.data();
}

OutputFile::~OutputFile() {
  if (!committed_) ::unlink(temp_.c_str());
}

void OutputFile::append(std::string_view bytes) {
  int fd = ::open(temp_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) throw ExportError("cannot write " + temp_ + ": " + std::strerror(errno));
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      throw ExportError("cannot write " + destination_ + ": " + std::strerror(e) +
                        (e == ENOSPC ? "; free some disk space and export again" : ""));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::close(fd);
}

void OutputFile::commit() {
  int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int e = errno;
    if (fd >= 0) ::close(fd);
    throw ExportError("cannot write " + destination_ + ": " + std::strerror(e));
  }
  ::close(fd);
  if (::rename(temp_.c_str(), destination_.c_str()) != 0)
    throw ExportError("cannot write " + destination_ + ": " + std::strerror(errno) +
                      "; choose another name with -o");
  committed_ = true;
  int dir = ::open(directoryOf(destination_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void writeFileAtomically(const std::string& destination, std::string_view bytes) {
  OutputFile out(destination);
  out.append(bytes);
  out.commit();
}

std::string readWholeFile(const std::string& path, std::uint64_t maxBytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ExportError("cannot open " + path + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    throw ExportError(path + " is not a regular file");
  }
  if (static_cast<std::uint64_t>(info.st_size) > maxBytes) {
    ::close(fd);
    throw ExportError(path + " is larger than " + std::to_string(maxBytes >> 20) +
                      " MiB, the most Focal reads");
  }
  std::string data(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < data.size()) {
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  data.resize(got);  // a file that shrank while being read is read as it is now
  return data;
}

}  // namespace focal
