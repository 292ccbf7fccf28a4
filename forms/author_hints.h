// Words authors bring from other tools (XLSForm, REDCap, CSPro) for the
// keys and question types Focal names otherwise, so that a message can say
// "did you mean 'help'?" for "hint" where the nearest spelling would be "min".
#pragma once

#include <string>

namespace focal {

// The Focal key an author most likely meant by `key`, or "".
std::string keySynonym(const std::string& key);
// The Focal question type meant by `type` (lower case), or ""; it may name
// two ("integer' (whole numbers) or 'decimal"), quoted for a message.
std::string typeSynonym(const std::string& type);

}  // namespace focal
