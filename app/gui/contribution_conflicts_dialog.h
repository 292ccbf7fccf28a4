// The focal point settles the conflicts contributions raised: each one
// side by side, the agency's answer, the focal point's and the one the
// agency was given, each with who wrote it and when; take theirs, keep
// yours, or edit a value of your own. Each decision is one undo step of
// the response and is shown at once in the main window.
#pragma once

#include <wx/dialog.h>

#include <memory>
#include <vector>

#include "app/gui/document_model.h"
#include "export/contribution/contribution_import.h"

class wxButton;
class wxListView;
class wxStaticText;
class wxTextCtrl;

namespace focal::gui {

class ContributionConflictsDialog : public wxDialog {
 public:
  ContributionConflictsDialog(wxWindow* parent, DocumentModel& model);
  ~ContributionConflictsDialog() override;

  // For tests and keyboard users alike.
  int ConflictCount() const { return static_cast<int>(conflicts_.size()); }
  const StoredConflict* Selected() const;
  bool SelectPath(const std::string& path);
  bool TakeTheirs();
  bool KeepOurs();
  bool SaveEdited(const wxString& value);
  wxString EditedValue() const;
  wxString ErrorText() const;

 private:
  void Reload();
  void ShowSelected();
  bool Resolve(Resolution resolution, const std::string& value);

  DocumentModel& model_;
  std::unique_ptr<ContributionStore> store_;
  std::vector<StoredConflict> conflicts_;
  int selected_ = -1;

  wxStaticText* heading_ = nullptr;
  wxListView* list_ = nullptr;
  wxStaticText* theirsTitle_ = nullptr;
  wxStaticText* oursTitle_ = nullptr;
  wxStaticText* baseTitle_ = nullptr;
  wxTextCtrl* theirs_ = nullptr;
  wxTextCtrl* ours_ = nullptr;
  wxTextCtrl* base_ = nullptr;
  wxTextCtrl* edited_ = nullptr;
  wxButton* takeTheirs_ = nullptr;
  wxButton* keepOurs_ = nullptr;
  wxButton* saveEdited_ = nullptr;
  wxStaticText* error_ = nullptr;
};

}  // namespace focal::gui
