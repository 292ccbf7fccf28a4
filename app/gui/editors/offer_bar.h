// Under a question's label: the answer the same State gave for another
// instrument ("Answered for the Smuggling of Migrants Protocol (cycle 2) on
// ... by ...: Yes  [Use this answer]"), taken as one undo step, and the
// previous cycle's answer of a carried question (both, once changed).
#pragma once

#include <wx/panel.h>
#include <wx/sizer.h>

#include "app/gui/editors/question_editor.h"

namespace focal::gui {

class OfferBar : public wxPanel {
 public:
  OfferBar(wxWindow* parent, EditorHost& host, const Question& question);
  // Shows what there is to show now; true when that changed (lay out again).
  bool Update(const ResponseSession& session);

 private:
  wxString ValueText(const AnswerValues& values) const;
  void AddLine(const wxString& text, bool grey);

  EditorHost& host_;
  const Question& question_;
  wxBoxSizer* sizer_;
  wxString shown_;  // what the lines say, to rebuild them only when it changes
};

}  // namespace focal::gui
