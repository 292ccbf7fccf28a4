// Where the user left a workspace: the section and question, and the size
// of its window, kept in the program's settings (wxConfig) per workspace
// file, so that opening it again goes back there as Poedit and CSPro do.
#pragma once

#include <wx/gdicmn.h>

#include <optional>
#include <string>

namespace focal::gui {

struct RememberedPlace {
  std::string section;   // the section's id (ids survive a new questionnaire version)
  std::string question;  // the question's path, empty for none
  wxSize size;           // the window's size when not maximized
  bool maximized = false;
};

std::optional<RememberedPlace> RecallPlace(const std::string& workspaceFile);
void RememberPlace(const std::string& workspaceFile, const RememberedPlace& place);

}  // namespace focal::gui
