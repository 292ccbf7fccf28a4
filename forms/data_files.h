// The files Focal installs under share/focal (the bundled questionnaires and
// the secretariat's reference files), found the same way by every reader:
// beside the program (../share/focal, for a package or `make install`), in
// /usr/share/focal, or in the source tree of a development build.
#pragma once

#include <string>

namespace focal {

// The path of share/focal/`relative`, e.g. "questionnaires/reference/un-regional-groups.yaml",
// or "" when no installed or source copy exists.
std::string findDataFile(const std::string& relative);

}  // namespace focal
