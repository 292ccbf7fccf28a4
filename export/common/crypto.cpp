#include "export/common/crypto.h"

#include <stdexcept>

namespace focal::crypto {

void ensureInitialized() {
  static const int result = sodium_init();
  if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

Digest sha256(std::span<const unsigned char> data) { return sha256Digest(data); }

Digest sha256(std::string_view data) { return sha256Digest(data); }

std::string hex(std::span<const unsigned char> data) { return lowerHex(data); }

std::optional<std::vector<unsigned char>> fromHex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::vector<unsigned char> out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    int high = nibble(text[i]), low = nibble(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<unsigned char>(high * 16 + low));
  }
  return out;
}

bool verify(const PublicKey& key, std::span<const unsigned char> message, const Signature& signature) {
  ensureInitialized();
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), key.data()) == 0;
}

}  // namespace focal::crypto
