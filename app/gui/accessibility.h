// Names that screen readers announce. wxGTK is built without wxAccessible,
// so besides SetName and SetHelpText we set the ATK name and description
// of the GTK widget, looked up at run time so that no GTK headers are needed.
#pragma once

#include <wx/string.h>
#include <wx/window.h>

namespace focal::gui {

// `input` is announced as `name`, followed by `description` (help, state).
void SetAccessibleName(wxWindow* input, const wxString& name, const wxString& description = {});

// Lays out every window created from now on right to left (or left to right).
void SetDefaultLayoutDirection(bool rightToLeft);

}  // namespace focal::gui
