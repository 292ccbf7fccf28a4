// A questionnaire that does not load, in preview: every problem with its
// line and column, and what to do. The page goes away when the file is fixed.
#pragma once

#include <wx/panel.h>

#include <string>
#include <vector>

#include "forms/diagnostics.h"

class wxListBox;
class wxStaticText;

namespace focal::gui {

class LoadErrorsPage : public wxPanel {
 public:
  explicit LoadErrorsPage(wxWindow* parent);
  void SetDiagnostics(const std::string& file, const std::vector<Diagnostic>& diagnostics);
  std::size_t ErrorCount() const { return errors_; }

 private:
  wxStaticText* heading_ = nullptr;
  wxStaticText* explanation_ = nullptr;
  wxListBox* list_ = nullptr;
  std::size_t errors_ = 0;
};

}  // namespace focal::gui
