#include "app/gui/accessibility.h"

#include "app/gui/toolkit_symbol.h"

namespace focal::gui {

namespace {

using GetAccessibleFn = void* (*)(void*);
using SetTextFn = void (*)(void*, const char*);
using SetDirectionFn = void (*)(int);

void setAtk(void* widget, const wxString& name, const wxString& description) {
  static auto getAccessible = ToolkitFunction<GetAccessibleFn>("gtk_widget_get_accessible");
  static auto setName = ToolkitFunction<SetTextFn>("atk_object_set_name");
  static auto setDescription = ToolkitFunction<SetTextFn>("atk_object_set_description");
  if (!widget || !getAccessible || !setName) return;
  void* accessible = getAccessible(widget);
  if (!accessible) return;
  setName(accessible, name.utf8_str());
  if (setDescription && !description.empty()) setDescription(accessible, description.utf8_str());
}

}  // namespace

void SetAccessibleName(wxWindow* input, const wxString& name, const wxString& description) {
  if (!input) return;
  input->SetName(name);
  input->SetHelpText(description.empty() ? name : name + "\n" + description);
#ifdef __WXGTK__
  setAtk(input->GetHandle(), name, description);
  if (static_cast<void*>(input->GetConnectWidget()) != static_cast<void*>(input->GetHandle()))
    setAtk(input->GetConnectWidget(), name, description);
#endif
}

void SetDefaultLayoutDirection(bool rightToLeft) {
#ifdef __WXGTK__
  static auto setDirection = ToolkitFunction<SetDirectionFn>("gtk_widget_set_default_direction");
  if (setDirection) setDirection(rightToLeft ? 2 : 1);  // GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR
#else
  (void)rightToLeft;
#endif
}

}  // namespace focal::gui
