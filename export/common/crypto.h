// The few primitives the national report needs from libsodium: SHA-256
// (one shot and streaming), hex, and Ed25519. Kept in one place so that
// sodium_init() is called before any of them.
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "forms/digest.h"  // sha256Hex: the same SHA-256, as hex text
#include "forms/sha256.h"

namespace focal::crypto {

using Digest = Sha256Digest;
using PublicKey = std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>;
using Signature = std::array<unsigned char, crypto_sign_BYTES>;

// Initialises libsodium once; throws when it cannot.
void ensureInitialized();

Digest sha256(std::span<const unsigned char> data);
Digest sha256(std::string_view data);

// Streaming SHA-256 (forms/sha256.h).
using Sha256 = Sha256Stream;

// Lower-case hex.
std::string hex(std::span<const unsigned char> data);
// Upper- or lower-case hex of exactly `size` bytes, else nullopt.
std::optional<std::vector<unsigned char>> fromHex(std::string_view text);

bool verify(const PublicKey& key, std::span<const unsigned char> message, const Signature& signature);

}  // namespace focal::crypto
