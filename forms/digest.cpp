#include "forms/digest.h"

#include <sodium.h>

namespace focal {

std::string sha256Hex(std::span<const unsigned char> data) {
  [[maybe_unused]] static const int ready = sodium_init();  // idempotent; picks the CPU's routines
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, data.data(), data.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string sha256Hex(std::string_view data) {
  return sha256Hex(std::span(reinterpret_cast<const unsigned char*>(data.data()), data.size()));
}

}  // namespace focal
