#include "forms/digest.h"

#include "forms/sha256.h"

namespace focal {

std::string lowerHex(std::span<const unsigned char> data) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(2 * data.size());
  for (unsigned char c : data) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 0xF]);
  }
  return out;
}

std::string sha256Hex(std::span<const unsigned char> data) { return lowerHex(sha256Digest(data)); }

std::string sha256Hex(std::string_view data) { return lowerHex(sha256Digest(data)); }

}  // namespace focal
