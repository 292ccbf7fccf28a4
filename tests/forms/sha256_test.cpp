// Focal's one SHA-256 (forms/sha256.h) against libsodium's portable
// crypto_hash_sha256: at every length around the block boundaries, on
// 3 MiB at once, and streamed in uneven pieces with the 8-byte numbers the
// report's content digest mixes in. On a processor without the SHA
// instructions both sides are libsodium and the test still holds.
#include "forms/sha256.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "forms/digest.h"

namespace focal {
namespace {

Sha256Digest libsodium(std::string_view data) {
  Sha256Digest d;
  crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return d;
}

std::string pseudoRandom(std::size_t n) {
  std::string data;
  unsigned x = 7;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 1103515245 + 12345;
    data.push_back(static_cast<char>(x >> 16));
  }
  return data;
}

TEST(Sha256, MatchesLibsodiumAtEveryLength) {
  ASSERT_EQ(sodium_init() >= 0, true);
  const std::string data = pseudoRandom(300);
  for (std::size_t n = 0; n <= data.size(); ++n) {
    const std::string_view prefix = std::string_view(data).substr(0, n);
    EXPECT_EQ(sha256Digest(prefix), libsodium(prefix)) << "length " << n;
  }
  const std::string big(3 << 20, 'x');
  EXPECT_EQ(sha256Digest(big), libsodium(big));
}

TEST(Sha256, StreamedInUnevenPiecesWithNumbersMatchesOneShot) {
  const std::string data = pseudoRandom(5000);
  Sha256Stream stream;
  crypto_hash_sha256_state portable;
  crypto_hash_sha256_init(&portable);
  for (std::size_t at = 0, piece = 1; at < data.size(); at += piece, piece = piece * 3 % 97 + 1) {
    const std::string_view part = std::string_view(data).substr(at, piece);
    stream.update(part).updateU64(at);
    crypto_hash_sha256_update(&portable, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    unsigned char number[8];
    for (int i = 7, v = static_cast<int>(at); i >= 0; --i, v >>= 8)
      number[i] = static_cast<unsigned char>(v & 0xFF);
    crypto_hash_sha256_update(&portable, number, 8);
  }
  Sha256Digest expected;
  crypto_hash_sha256_final(&portable, expected.data());
  EXPECT_EQ(stream.finish(), expected);
}

TEST(Sha256, HexIsTheKnownDigestOfAbc) {
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(sha256Hex(std::string_view("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex(std::string_view("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace focal
