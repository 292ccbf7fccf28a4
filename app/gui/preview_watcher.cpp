#include "app/gui/preview_watcher.h"

#include <wx/filename.h>

#include "app/gui/wx_text.h"

namespace focal::gui {

namespace {
// Polling the file's time and size works on every file system, including
// editors that save by replacing the file, where inotify watches go stale.
constexpr int kCheckEveryMs = 800;
}  // namespace

PreviewWatcher::PreviewWatcher(std::string file, std::function<void(const LoadResult&)> loaded)
    : file_(std::move(file)), loaded_(std::move(loaded)) {
  timer_.SetOwner(this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Check(); });
  const wxFileName name(FromUtf8(file_));
  if (name.FileExists()) {
    modified_ = name.GetModificationTime();
    size_ = name.GetSize();
  }
  timer_.Start(kCheckEveryMs);
}

PreviewWatcher::~PreviewWatcher() { timer_.Stop(); }

void PreviewWatcher::Check() {
  const wxFileName name(FromUtf8(file_));
  if (!name.FileExists()) return;  // being replaced; look again later
  const wxDateTime modified = name.GetModificationTime();
  const wxULongLong size = name.GetSize();
  if (modified.IsValid() && modified == modified_ && size == size_) return;
  modified_ = modified;
  size_ = size;
  Reload();
}

void PreviewWatcher::Reload() { loaded_(loadQuestionnaireFile(file_)); }

}  // namespace focal::gui
