// Messages the user reads are marked for translation with tr() and looked
// up in the gettext catalog "focal" (po/*.po), also from forms/ and export/.
#pragma once

#include <fmt/format.h>
#include <libintl.h>

#include <cstddef>
#include <string>
#include <utility>

namespace focal {

inline const char* tr(const char* message) { return dgettext("focal", message); }

// A translated message with its arguments: msg("The file {} ...", path).
template <typename... Args>
std::string msg(const char* text, Args&&... args) {
  return fmt::format(fmt::runtime(tr(text)), std::forward<Args>(args)...);
}

// A count with its noun in the number the count needs, from the catalog's
// plural forms: plural(1, "attachment", "attachments") is "1 attachment".
inline std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + dngettext("focal", one, many, static_cast<unsigned long>(count));
}

}  // namespace focal

// Marks a string for extraction without translating it where it stands.
#define N_(text) text
