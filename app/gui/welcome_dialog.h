// The first window: recent workspaces, "New response", "Start from the
// previous cycle", open a workspace, preview a questionnaire.
#pragma once

#include <wx/dialog.h>

#include <string>

class wxListBox;

namespace focal::gui {

class WelcomeDialog : public wxDialog {
 public:
  enum class Action { None, Open, New, FromPrevious };
  explicit WelcomeDialog(wxWindow* parent);
  Action Choice() const { return action_; }
  const std::string& Path() const { return path_; }

 private:
  void Finish(Action action, const std::string& path = {});
  void OpenRecent();

  wxListBox* recent_ = nullptr;
  Action action_ = Action::None;
  std::string path_;
};

}  // namespace focal::gui
