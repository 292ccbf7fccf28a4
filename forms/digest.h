// SHA-256 as lower-case hex (forms/sha256.h): the fingerprint Focal keeps of a
// questionnaire's text, an attachment and a contribution's files. The
// report's seal and signatures use export/common/crypto.h over the same
// function.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace focal {

std::string sha256Hex(std::string_view data);
std::string sha256Hex(std::span<const unsigned char> data);
// Any bytes as lower-case hex.
std::string lowerHex(std::span<const unsigned char> data);

}  // namespace focal
