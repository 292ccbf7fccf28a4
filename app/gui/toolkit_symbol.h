// A function of GTK, GDK or GLib looked up at run time (nullptr when the
// toolkit has none of that name): Focal does not build against GTK's
// headers, only against wxWidgets.
#pragma once

#include <dlfcn.h>

namespace focal::gui {

template <typename Fn>
Fn ToolkitFunction(const char* name) {
  return reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

}  // namespace focal::gui
