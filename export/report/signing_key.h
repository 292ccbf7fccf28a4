// The installation's signing key: an Ed25519 key pair Focal creates once per
// installation, in the configuration directory ($FOCAL_CONFIG_DIR, else
// $XDG_CONFIG_HOME/focal, else ~/.config/focal):
//
//   signing-key      the 32-byte seed as hex, mode 0600, refused when others can read it
//   signing-key.pub  the public key as hex, to send through official channels
//
// Its fingerprint (the first 16 bytes of the SHA-256 of the public key, as
// eight groups of four hex digits) is printed on every report's cover, so
// the secretariat can confirm it by telephone or letter.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "export/common/crypto.h"

namespace focal {

// A key that cannot be read, created or used; the message names the file
// and says what to do.
class KeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "3F2A 9C01 77B0 12DE 4C55 0A9E 8812 F0C3"
std::string keyFingerprint(const crypto::PublicKey& key);

// $FOCAL_CONFIG_DIR, else $XDG_CONFIG_HOME/focal, else $HOME/.config/focal.
std::string configDirectory();

class SigningKey {
 public:
  static constexpr const char* kPrivateFile = "signing-key";
  static constexpr const char* kPublicFile = "signing-key.pub";

  // The key in `directory`, created (with the directory, mode 0700) when
  // there is none. Throws KeyError.
  static SigningKey loadOrCreate(const std::string& directory = configDirectory());
  // The key in `directory`; throws KeyError when there is none.
  static SigningKey load(const std::string& directory = configDirectory());
  // A key in memory only (tests, benchmarks).
  static SigningKey generate();
  // The key of a synthetic State (focal-cli synth): derived from the seed
  // and the State code, so the same seed signs every revision with the same
  // key and nothing is stored. Anyone who knows the seed can sign as that
  // State: such a key must never be accepted for a real one.
  static SigningKey synthetic(std::uint64_t seed, const std::string& state);

  SigningKey(const SigningKey& other) = default;
  SigningKey& operator=(const SigningKey& other) = default;
  ~SigningKey();

  const crypto::PublicKey& publicKey() const { return public_; }
  std::string publicKeyHex() const { return crypto::hex(public_); }
  std::string fingerprint() const { return keyFingerprint(public_); }
  crypto::Signature sign(std::span<const unsigned char> message) const;

 private:
  SigningKey() = default;
  static SigningKey fromSeed(std::span<const unsigned char> seed);
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_{};
  crypto::PublicKey public_{};
};

// The key a verifier expects, as given on the command line: a public key
// (64 hex digits), a fingerprint (32 hex digits; spaces, dashes and colons
// are ignored), or a file holding either (such as signing-key.pub).
class ExpectedKey {
 public:
  // nullopt and `error` set when `text` is none of these.
  static std::optional<ExpectedKey> parse(const std::string& text, std::string* error);
  bool matches(const crypto::PublicKey& key) const;
  // What was given, for messages: the fingerprint.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::optional<crypto::PublicKey> key_;
  std::string fingerprint_;
};

}  // namespace focal
