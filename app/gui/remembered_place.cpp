#include "app/gui/remembered_place.h"

#include <wx/config.h>

#include <cstdint>

#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

namespace {

// The settings group of a file: a hash of its path (paths hold characters
// wxConfig keys cannot), the path itself kept inside to rule out a collision.
wxString GroupOf(const std::string& file) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a: the same in every run
  for (unsigned char c : file) hash = (hash ^ c) * 1099511628211ull;
  return wxString::Format("/Places/%016llx", static_cast<unsigned long long>(hash));
}

}  // namespace

std::optional<RememberedPlace> RecallPlace(const std::string& workspaceFile) {
  wxConfigBase* config = wxConfigBase::Get();
  const wxString group = GroupOf(workspaceFile);
  if (ToUtf8(config->Read(group + "/File", wxString())) != workspaceFile) return std::nullopt;
  RememberedPlace place;
  place.section = ToUtf8(config->Read(group + "/Section", wxString()));
  place.question = ToUtf8(config->Read(group + "/Question", wxString()));
  place.size = wxSize(config->ReadLong(group + "/Width", 0), config->ReadLong(group + "/Height", 0));
  place.maximized = config->ReadBool(group + "/Maximized", false);
  return place;
}

void RememberPlace(const std::string& workspaceFile, const RememberedPlace& place) {
  wxConfigBase* config = wxConfigBase::Get();
  const wxString group = GroupOf(workspaceFile);
  config->Write(group + "/File", FromUtf8(workspaceFile));
  config->Write(group + "/Section", FromUtf8(place.section));
  config->Write(group + "/Question", FromUtf8(place.question));
  if (place.size.x > 0 && place.size.y > 0) {
    config->Write(group + "/Width", static_cast<long>(place.size.x));
    config->Write(group + "/Height", static_cast<long>(place.size.y));
  }
  config->Write(group + "/Maximized", place.maximized);
  config->Flush();
}

}  // namespace focal::gui

// MainFrame's side.
namespace focal::gui {

bool MainFrame::RestorePlace() {
  if (!model_ || model_->isPreview()) return false;
  const auto place = RecallPlace(model_->filePath());
  if (!place) return false;
  if (place->size.x > 0 && place->size.y > 0) SetSize(place->size);
  if (place->maximized) Maximize();
  const Questionnaire& q = model_->questionnaire();
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s)
    if (q.sections[s].id == place->section) {
      OpenSection(s, place->question);
      return true;
    }
  return false;
}

void MainFrame::SavePlace() {
  if (!model_ || model_->isPreview()) return;
  RememberedPlace place = RecallPlace(model_->filePath()).value_or(RememberedPlace{});
  const Questionnaire& q = model_->questionnaire();
  if (section_ >= 0 && section_ < static_cast<int>(q.sections.size())) {
    place.section = q.sections[section_].id;
    place.question = page_ && page_->Current() ? page_->Current()->Path() : std::string();
  }
  place.maximized = IsMaximized();
  if (!place.maximized) place.size = GetSize();
  RememberPlace(model_->filePath(), place);
}

}  // namespace focal::gui
