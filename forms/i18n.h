// Messages the user reads are marked for translation with tr() and looked
// up in the gettext catalog "focal" (po/*.po), also from forms/ and export/.
#pragma once

#include <libintl.h>

namespace focal {

inline const char* tr(const char* message) { return dgettext("focal", message); }

}  // namespace focal

// Marks a string for extraction without translating it where it stands.
#define N_(text) text
