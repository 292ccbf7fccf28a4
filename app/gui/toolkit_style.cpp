#include "app/gui/toolkit_style.h"

#ifdef __WXGTK__
#include <cstdlib>
#include <string>

#include "app/gui/toolkit_symbol.h"
#endif

namespace focal::gui {

#ifdef __WXGTK__
namespace {

using Getter = void* (*)();

constexpr int kApplicationPriority = 600;  // GTK_STYLE_PROVIDER_PRIORITY_APPLICATION

// Where GTK keeps Adwaita's marks. Added to the icon theme's search path,
// each file becomes an icon of its name ("check-symbolic"), found only when
// no installed icon theme has one of that name (GTK's "ultimate fallback"
// for files at the top of a resource path; Adwaita's icons have none).
constexpr const char* kAssets = "/org/gtk/libgtk/theme/Adwaita/assets";

std::string Rule(const char* selector, const char* icon) {
  return std::string(selector) + " { -gtk-icon-source: -gtk-icontheme(\"" + icon + "\"); }\n";
}

// A string setting of GTK ("gtk-theme-name"); "" when unknown.
std::string Setting(const char* name) {
  using GetProperty = void (*)(void*, const char*, ...);
  static const auto settings = ToolkitFunction<Getter>("gtk_settings_get_default");
  static const auto get = ToolkitFunction<GetProperty>("g_object_get");
  static const auto release = ToolkitFunction<void (*)(void*)>("g_free");
  if (!settings || !get || !release || !settings()) return {};
  char* value = nullptr;
  get(settings(), name, &value, nullptr);
  std::string text = value ? value : "";
  release(value);
  return text;
}

// Adwaita and Adwaita-dark share the marks (recoloured by the theme's
// colours); HighContrast and other themes draw their own. GTK_THEME, when
// set, is the theme in use whatever the setting says.
bool AdwaitaInUse() {
  const char* forced = std::getenv("GTK_THEME");
  const std::string theme = forced ? forced : Setting("gtk-theme-name");
  return theme.rfind("Adwaita", 0) == 0 && Setting("gtk-icon-theme-name").rfind("Adwaita", 0) == 0;
}

// An icon found this way keeps its size in pixels: on a screen of scale 2 it
// would be drawn at half size, so there the theme's own rule stays.
bool EveryScreenAtScaleOne() {
  using Count = int (*)(void*);
  static const auto display = ToolkitFunction<Getter>("gdk_display_get_default");
  static const auto monitors = ToolkitFunction<Count>("gdk_display_get_n_monitors");
  static const auto monitor = ToolkitFunction<void* (*)(void*, int)>("gdk_display_get_monitor");
  static const auto scale = ToolkitFunction<Count>("gdk_monitor_get_scale_factor");
  if (!display || !monitors || !monitor || !scale || !display()) return false;
  for (int i = 0; i < monitors(display()); ++i)
    if (void* m = monitor(display(), i); !m || scale(m) != 1) return false;
  return true;
}

void* provider = nullptr;  // the installed rules, or nullptr

}  // namespace

void RenderIndicatorMarksOnce(bool on) {
  static const auto create = ToolkitFunction<Getter>("gtk_css_provider_new");
  static const auto load =
      ToolkitFunction<int (*)(void*, const char*, long, void**)>("gtk_css_provider_load_from_data");
  static const auto screen = ToolkitFunction<Getter>("gdk_screen_get_default");
  static const auto add =
      ToolkitFunction<void (*)(void*, void*, unsigned)>("gtk_style_context_add_provider_for_screen");
  static const auto remove =
      ToolkitFunction<void (*)(void*, void*)>("gtk_style_context_remove_provider_for_screen");
  static const auto unref = ToolkitFunction<void (*)(void*)>("g_object_unref");
  static const auto iconTheme = ToolkitFunction<Getter>("gtk_icon_theme_get_default");
  static const auto addResourcePath =
      ToolkitFunction<void (*)(void*, const char*)>("gtk_icon_theme_add_resource_path");
  if (!create || !load || !screen || !add || !remove || !unref || !iconTheme || !addResourcePath || !screen())
    return;
  if (!on) {
    if (provider) {
      remove(screen(), provider);
      unref(provider);
      provider = nullptr;
    }
    return;
  }
  if (provider || !AdwaitaInUse() || !EveryScreenAtScaleOne() || !iconTheme()) return;
  static const bool added = (addResourcePath(iconTheme(), kAssets), true);
  (void)added;
  const std::string css =
      Rule("check:checked", "check-symbolic") + Rule("check:indeterminate", "dash-symbolic") +
      Rule("radio:checked", "bullet-symbolic") + Rule("radio:indeterminate", "dash-symbolic");
  void* created = create();
  if (!created) return;
  if (!load(created, css.c_str(), -1, nullptr)) {
    unref(created);
    return;
  }
  add(screen(), created, kApplicationPriority);
  provider = created;
}

bool IndicatorMarksRenderedOnce() { return provider != nullptr; }

#else

void RenderIndicatorMarksOnce(bool) {}
bool IndicatorMarksRenderedOnce() { return false; }

#endif

}  // namespace focal::gui
