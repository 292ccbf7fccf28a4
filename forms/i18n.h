// Messages the user reads are marked for translation with tr() and looked
// up in the gettext catalog "focal" (po/*.po), also from forms/ and export/.
#pragma once

#include <fmt/format.h>
#include <libintl.h>

#include <string>
#include <utility>

namespace focal {

inline const char* tr(const char* message) { return dgettext("focal", message); }

// A translated message with its arguments: msg("The file {} ...", path).
template <typename... Args>
std::string msg(const char* text, Args&&... args) {
  return fmt::format(fmt::runtime(tr(text)), std::forward<Args>(args)...);
}

}  // namespace focal

// Marks a string for extraction without translating it where it stands.
#define N_(text) text
