#include "forms/sha256.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define FOCAL_SHA_NI 1
#endif

namespace focal {

#ifdef FOCAL_SHA_NI
namespace {

alignas(16) constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// The SHA-256 compression of whole 64-byte blocks with the SHA-NI
// instructions (the message schedule in four registers, as in Intel's
// published sample code).
__attribute__((target("sha,sse4.1,ssse3"))) void compress(std::uint32_t state[8], const unsigned char* data,
                                                          std::size_t blocks) {
  const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);          // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);       // CDGH
  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i m[4];
    for (int g = 0; g < 16; ++g) {
      if (g < 4)
        m[g] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)), mask);
      __m128i msg = _mm_add_epi32(m[g % 4], _mm_load_si128(reinterpret_cast<const __m128i*>(&kRound[4 * g])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      if (g >= 3 && g <= 14) {
        __m128i& next = m[(g + 1) % 4];
        next = _mm_add_epi32(next, _mm_alignr_epi8(m[g % 4], m[(g + 3) % 4], 4));
        next = _mm_sha256msg2_epu32(next, m[g % 4]);
      }
      msg = _mm_shuffle_epi32(msg, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
      if (g >= 1 && g <= 12) m[(g + 3) % 4] = _mm_sha256msg1_epu32(m[(g + 3) % 4], m[g % 4]);
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

bool shaInstructions() {
  // CPUID rather than __builtin_cpu_supports("sha"), which clang does not
  // know: leaf 1 ECX has SSSE3 (bit 9) and SSE4.1 (bit 19), leaf 7 EBX SHA (bit 29).
  static const bool supported = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool sse = (c & (1u << 9)) && (c & (1u << 19));
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return sse && (b & (1u << 29));
  }();
  return supported;
}

}  // namespace

#else

namespace {
void compress(std::uint32_t*, const unsigned char*, std::size_t) {}
bool shaInstructions() { return false; }
}  // namespace

#endif

bool Sha256Stream::accelerated() { return shaInstructions(); }

Sha256Stream::Sha256Stream() {
  if (!accelerated()) {
    [[maybe_unused]] static const int ready = sodium_init();  // idempotent
    crypto_hash_sha256_init(&portable_);
  }
}

Sha256Stream& Sha256Stream::update(std::span<const unsigned char> data) {
  if (!accelerated()) {
    crypto_hash_sha256_update(&portable_, data.data(), data.size());
    return *this;
  }
  length_ += data.size();
  std::size_t used = 0;
  if (buffered_ > 0) {
    used = std::min(data.size(), 64 - buffered_);
    std::memcpy(buffer_ + buffered_, data.data(), used);
    buffered_ += used;
    if (buffered_ < 64) return *this;
    compress(state_, buffer_, 1);
    buffered_ = 0;
  }
  const std::size_t whole = (data.size() - used) / 64;
  compress(state_, data.data() + used, whole);
  used += whole * 64;
  buffered_ = data.size() - used;
  if (buffered_) std::memcpy(buffer_, data.data() + used, buffered_);
  return *this;
}

Sha256Stream& Sha256Stream::update(std::string_view data) {
  return update(std::span(reinterpret_cast<const unsigned char*>(data.data()), data.size()));
}

Sha256Stream& Sha256Stream::updateU64(std::uint64_t value) {
  unsigned char bytes[8];
  for (int i = 7; i >= 0; --i, value >>= 8) bytes[i] = static_cast<unsigned char>(value & 0xFF);
  return update(std::span<const unsigned char>(bytes, 8));
}

Sha256Digest Sha256Stream::finish() {
  Sha256Digest digest;
  if (!accelerated()) {
    crypto_hash_sha256_final(&portable_, digest.data());
    return digest;
  }
  unsigned char tail[128] = {};
  std::memcpy(tail, buffer_, buffered_);
  tail[buffered_] = 0x80;
  const std::size_t blocks = buffered_ + 9 > 64 ? 2 : 1;
  const std::uint64_t bits = length_ * 8;
  for (int i = 0; i < 8; ++i) tail[blocks * 64 - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  compress(state_, tail, blocks);
  for (int i = 0; i < 8; ++i)
    for (int b = 0; b < 4; ++b) digest[4 * i + b] = static_cast<unsigned char>(state_[i] >> (24 - 8 * b));
  return digest;
}

Sha256Digest sha256Digest(std::span<const unsigned char> data) {
  return Sha256Stream().update(data).finish();
}

Sha256Digest sha256Digest(std::string_view data) { return Sha256Stream().update(data).finish(); }

}  // namespace focal
