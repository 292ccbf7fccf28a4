// Whether a message appears word for word in docs/questionnaire-format.md,
// so that the "Common mistakes" section shows what validate really prints.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace focal::test {

inline bool documented(const std::string& message) {
  static const std::string docs = [] {
    std::ifstream in(std::string(FOCAL_SOURCE_DIR) + "/docs/questionnaire-format.md");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return docs.find(message + "\n") != std::string::npos;
}

}  // namespace focal::test
