// Focal's one SHA-256: report seals and content digests, questionnaire
// fingerprints, attachments, the merge's file hashes. On x86 processors
// with the SHA extensions it uses them (about 3.6 times libsodium's
// portable C, docs/performance.md); everywhere else it is libsodium's
// crypto_hash_sha256. Same digest either way (tests/forms/sha256_test.cpp).
#pragma once

#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace focal {

using Sha256Digest = std::array<unsigned char, 32>;

// Streaming: update() any number of times, then finish() once.
class Sha256Stream {
 public:
  Sha256Stream();
  Sha256Stream& update(std::span<const unsigned char> data);
  Sha256Stream& update(std::string_view data);
  Sha256Stream& updateU64(std::uint64_t value);  // 8 bytes, big-endian
  Sha256Digest finish();

  // Whether the processor's SHA instructions are used here.
  static bool accelerated();

 private:
  std::uint32_t state_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char buffer_[64] = {};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
  crypto_hash_sha256_state portable_;  // where the processor lacks the SHA instructions
};

Sha256Digest sha256Digest(std::span<const unsigned char> data);
Sha256Digest sha256Digest(std::string_view data);

}  // namespace focal
