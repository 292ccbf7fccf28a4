// The sections of the questionnaire as a tree, each with its completion:
// a check mark when complete, else the number of required questions left.
// The last items open the overview of every question and the review of
// every open problem.
#pragma once

#include <wx/timer.h>
#include <wx/treectrl.h>

#include <functional>
#include <string>
#include <vector>

#include "forms/response_session.h"

namespace focal::gui {

class SectionTree : public wxTreeCtrl {
 public:
  static constexpr int kReview = -1;
  static constexpr int kOverview = -2;

  explicit SectionTree(wxWindow* parent);

  // Rebuilds the items for a questionnaire in `language`.
  void Build(const Questionnaire& questionnaire, const std::string& language);
  void Clear();
  // Relabels every item from the session's progress.
  void UpdateProgress(const ResponseSession& session);
  // Selects without telling onOpen.
  void Select(int section);

  // A section (or kReview) was chosen with the mouse or the keyboard.
  std::function<void(int section)> onOpen;

  // How many sections were opened after the arrowing pause (a click or
  // Enter opens at once and does not count): for the tests.
  int DelayedOpens() const { return delayedOpens_; }

 private:
  wxString Label(const ResponseSession& session, int section) const;

  const Questionnaire* questionnaire_ = nullptr;
  std::string language_;
  std::vector<wxTreeItemId> items_;
  std::vector<wxString> titles_;
  wxTreeItemId review_;
  wxTreeItemId overview_;
  void OpenSelected();

  bool selecting_ = false;
  bool clicked_ = false;  // the selection is changing under a mouse click
  int delayedOpens_ = 0;
  wxTimer openTimer_;
};

}  // namespace focal::gui
