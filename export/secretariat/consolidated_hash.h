// SHA-256 of whole report files, which the merge computes for every file
// it is given (to recognise one already imported without verifying it
// again). libsodium's SHA-256 is portable C at about 200 MB/s; on x86
// processors with the SHA extensions this uses them (about ten times
// faster), and libsodium everywhere else. Same digest either way.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "export/common/crypto.h"

namespace focal {

crypto::Digest fastSha256(std::string_view data);
// Whether fastSha256 uses the processor's SHA instructions here.
bool fastSha256Accelerated();

// The same, streaming, with the interface of crypto::Sha256 (which could
// use it: the report reader spends a quarter of a merge's time in SHA-256).
class FastSha256 {
 public:
  FastSha256& update(std::span<const unsigned char> data);
  FastSha256& update(std::string_view data);
  FastSha256& updateU64(std::uint64_t value);  // 8 bytes, big-endian
  crypto::Digest finish();

 private:
  std::uint32_t state_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char buffer_[64] = {};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
  std::optional<crypto::Sha256> portable_;  // where the processor lacks the SHA instructions
};

}  // namespace focal
