// Beside the questions: the treaty references of the question the user is
// on (and of its section): each provision's summary, level of obligation,
// themes and link to the official text in the content language (from
// forms/provisions.h), the article's text where the questionnaire gives it,
// the question's id, and where else the same question is asked.
#pragma once

#include <wx/panel.h>

#include <string>

#include "forms/questionnaire.h"

class wxStaticText;
class wxTextCtrl;

namespace focal::gui {

class ReferencePanel : public wxPanel {
 public:
  explicit ReferencePanel(wxWindow* parent);
  // `question` may be -1 (the section only); `section` may be -1 (nothing).
  void ShowFor(const Questionnaire& questionnaire, const std::string& language, int section, int question);
  void Clear();
  // What the pane shows, as plain text (for tests).
  wxString Text() const;

 private:
  wxStaticText* heading_ = nullptr;
  wxTextCtrl* text_ = nullptr;
  int section_ = -2, question_ = -2;
  std::string language_;
};

}  // namespace focal::gui
