// The secretariat author's workbench: a questionnaire opened in preview is
// loaded again whenever its file changes on disk, keeping the answers typed
// so far; a file that no longer loads shows its errors with their lines.
#pragma once

#include <wx/datetime.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>

#include "forms/questionnaire_loader.h"

namespace focal::gui {

class PreviewWatcher : public wxEvtHandler {
 public:
  // `loaded` gets every load of `file` that is different from the last.
  PreviewWatcher(std::string file, std::function<void(const LoadResult&)> loaded);
  ~PreviewWatcher() override;
  // Loads now and tells `loaded`.
  void Reload();

 private:
  void Check();

  std::string file_;
  std::function<void(const LoadResult&)> loaded_;
  wxTimer timer_;
  wxDateTime modified_;
  wxULongLong size_ = 0;
};

}  // namespace focal::gui
