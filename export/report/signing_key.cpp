#include "export/report/signing_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace focal {

namespace {

const char* kHeader =
    "# Focal installation signing key (Ed25519 seed). Keep it secret: never send this file.\n";

std::string errnoText() { return std::strerror(errno); }

void makeDirectories(const std::string& directory) {
  std::string partial;
  std::stringstream parts(directory);
  std::string part;
  // A char, not "/": g++ 12 at -O3 warns falsely (-Wrestrict, GCC bug 105329).
  if (!directory.empty() && directory.front() == '/') partial = '/';
  while (std::getline(parts, part, '/')) {
    if (part.empty()) continue;
    partial += part;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
      throw KeyError("cannot create the directory " + partial + ": " + errnoText() +
                     "; set FOCAL_CONFIG_DIR to a directory you can write");
    partial += "/";
  }
}

bool writeAll(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

// Writes `text` to `path` only if no file is there, atomically: a reader
// never sees a half-written key.
bool createExclusive(const std::string& path, const std::string& text, mode_t mode) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) throw KeyError("cannot write " + temp + ": " + errnoText());
  bool ok = ::fchmod(fd, mode) == 0 && writeAll(fd, text) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(temp.c_str());
    throw KeyError("cannot write " + temp + ": " + errnoText());
  }
  int rc = ::link(temp.c_str(), path.c_str());
  int linkErrno = errno;
  ::unlink(temp.c_str());
  if (rc != 0 && linkErrno != EEXIST) {
    errno = linkErrno;
    throw KeyError("cannot create " + path + ": " + errnoText());
  }
  return rc == 0;
}

std::string readSmallFile(const std::string& path, struct stat* info) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw KeyError("cannot read " + path + ": " + errnoText());
  if (::fstat(fd, info) != 0 || !S_ISREG(info->st_mode) || info->st_size > 4096) {
    ::close(fd);
    throw KeyError(path + " is not a Focal key file; move it away and a new key will be created");
  }
  std::string text(static_cast<std::size_t>(info->st_size), '\0');
  ssize_t n = ::read(fd, text.data(), text.size());
  ::close(fd);
  if (n != info->st_size) throw KeyError("cannot read " + path);
  return text;
}

}  // namespace

std::string keyFingerprint(const crypto::PublicKey& key) {
  auto digest = crypto::sha256(key);
  std::string hex = crypto::hex(std::span(digest.data(), 16));
  std::string out;
  for (std::size_t i = 0; i < hex.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
  }
  return out;
}

std::string configDirectory() {
  if (const char* dir = std::getenv("FOCAL_CONFIG_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/focal";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/focal";
  throw KeyError("no configuration directory: set HOME, XDG_CONFIG_HOME or FOCAL_CONFIG_DIR");
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

SigningKey SigningKey::fromSeed(std::span<const unsigned char> seed) {
  crypto::ensureInitialized();
  SigningKey key;
  crypto_sign_seed_keypair(key.public_.data(), key.secret_.data(), seed.data());
  return key;
}

SigningKey SigningKey::synthetic(std::uint64_t seed, const std::string& state) {
  crypto::ensureInitialized();
  static constexpr unsigned char kContext[] = "focal synthetic State key v1";
  std::string message = std::to_string(seed) + "/" + state;
  std::array<unsigned char, crypto_sign_SEEDBYTES> derived{};
  crypto_generichash(derived.data(), derived.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), kContext, sizeof kContext - 1);
  SigningKey key = fromSeed(derived);
  sodium_memzero(derived.data(), derived.size());
  return key;
}

SigningKey SigningKey::generate() {
  crypto::ensureInitialized();
  SigningKey key;
  crypto_sign_keypair(key.public_.data(), key.secret_.data());
  return key;
}

SigningKey SigningKey::load(const std::string& directory) {
  const std::string path = directory + "/" + kPrivateFile;
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0)
    throw KeyError("there is no signing key at " + path + "; export a report once to create it");
  std::string text = readSmallFile(path, &info);
  if ((info.st_mode & 077) != 0)
    throw KeyError(path + " can be read by other users; run 'chmod 600 " + path + "' and try again");
  if (info.st_uid != ::geteuid()) throw KeyError(path + " belongs to another user; Focal will not use it");
  std::istringstream lines(text);
  std::string line, seedHex;
  while (std::getline(lines, line))
    if (!line.empty() && line.front() != '#') {
      seedHex = line;
      break;
    }
  auto seed = crypto::fromHex(seedHex);
  if (!seed || seed->size() != crypto_sign_SEEDBYTES)
    throw KeyError(path + " is not a Focal key file; move it away and a new key will be created");
  SigningKey key = fromSeed(*seed);
  sodium_memzero(seed->data(), seed->size());
  sodium_memzero(text.data(), text.size());
  // Keep the public file in step (it is only a copy for the user to send).
  const std::string publicPath = directory + "/" + kPublicFile;
  std::ifstream in(publicPath);
  std::string stored;
  std::getline(in, stored);
  if (stored != key.publicKeyHex()) {
    std::ofstream out(publicPath, std::ios::trunc);
    out << key.publicKeyHex() << "\n";
  }
  return key;
}

SigningKey SigningKey::loadOrCreate(const std::string& directory) {
  const std::string path = directory + "/" + kPrivateFile;
  struct stat info {};
  if (::lstat(path.c_str(), &info) == 0) return load(directory);
  makeDirectories(directory);
  crypto::ensureInitialized();
  std::array<unsigned char, crypto_sign_SEEDBYTES> seed;
  randombytes_buf(seed.data(), seed.size());
  std::string text = std::string(kHeader) + crypto::hex(seed) + "\n";
  sodium_memzero(seed.data(), seed.size());
  createExclusive(path, text, 0600);  // when another program created it first, its key is used
  sodium_memzero(text.data(), text.size());
  return load(directory);
}

crypto::Signature SigningKey::sign(std::span<const unsigned char> message) const {
  crypto::Signature signature;
  crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_.data());
  return signature;
}

std::optional<ExpectedKey> ExpectedKey::parse(const std::string& text, std::string* error) {
  auto fromText = [](const std::string& given) -> std::optional<ExpectedKey> {
    std::string digits;
    for (char c : given) {
      if (c == ' ' || c == '-' || c == ':' || c == '\n' || c == '\r' || c == '\t') continue;
      digits += c;
    }
    auto bytes = crypto::fromHex(digits);
    if (!bytes) return std::nullopt;
    ExpectedKey key;
    if (bytes->size() == crypto_sign_PUBLICKEYBYTES) {
      crypto::PublicKey pk;
      std::copy(bytes->begin(), bytes->end(), pk.begin());
      key.key_ = pk;
      key.fingerprint_ = keyFingerprint(pk);
      return key;
    }
    if (bytes->size() == 16) {
      std::string hex = crypto::hex(*bytes);
      for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i > 0 && i % 4 == 0) key.fingerprint_ += ' ';
        key.fingerprint_ += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
      }
      return key;
    }
    return std::nullopt;
  };
  if (text.find_first_not_of(" -:\n\r\t") == std::string::npos) {
    // An empty --key is a mistake (an unset variable in a script), never "no check".
    *error =
        "the key given is empty; give the expected fingerprint (32 hex digits), public key (64 hex "
        "digits) or signing-key.pub file, or leave --key out";
    return std::nullopt;
  }
  if (auto key = fromText(text)) return key;
  struct stat info {};
  if (::stat(text.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= 4096) {
    std::ifstream in(text);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line.front() != '#') {
        if (auto key = fromText(line)) return key;
        break;
      }
    *error = text + " holds no public key; give the file signing-key.pub, 64 hex digits, or a fingerprint";
    return std::nullopt;
  }
  *error = "'" + text +
           "' is neither a public key (64 hex digits), a fingerprint (32 hex digits) nor a readable key file";
  return std::nullopt;
}

bool ExpectedKey::matches(const crypto::PublicKey& key) const {
  if (key_) return sodium_memcmp(key_->data(), key.data(), key.size()) == 0;
  return keyFingerprint(key) == fingerprint_;
}

}  // namespace focal
