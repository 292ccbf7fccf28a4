// The focal point's assignments dashboard: which agency has which sections,
// requested when, returned when, and how many conflicts are still open;
// with the actions around it (a new request, importing contributions,
// settling conflicts). The rows come from ContributionStore::dashboard().
#pragma once

#include <wx/dialog.h>

#include <memory>
#include <string>
#include <vector>

#include "app/gui/document_model.h"
#include "export/contribution/contribution_store.h"

class wxListView;
class wxStaticText;
class wxTextCtrl;
class wxCheckListBox;

namespace focal::gui {

// Asks for the agency, its sections and a note.
class ContributionRequestDialog : public wxDialog {
 public:
  ContributionRequestDialog(wxWindow* parent, const Questionnaire& questionnaire,
                            const std::string& language);
  std::string Agency() const;
  std::vector<std::string> SectionIds() const;
  std::string Note() const;
  // For tests: ticks the sections with these ids.
  void Check(const std::vector<std::string>& ids);

 private:
  const Questionnaire& questionnaire_;
  wxTextCtrl* agency_ = nullptr;
  wxCheckListBox* sections_ = nullptr;
  wxTextCtrl* note_ = nullptr;
};

class ContributionDashboardDialog : public wxDialog {
 public:
  ContributionDashboardDialog(wxWindow* parent, DocumentModel& model);
  ~ContributionDashboardDialog() override;

  void ReloadRows();
  int RowCount() const { return static_cast<int>(rows_.size()); }
  const AssignmentStatus& Row(int row) const { return rows_[row]; }
  wxString CellText(int row, int column) const;
  wxString StatusText() const;

  // The actions, without their file choosers (tests call them directly).
  bool MakeRequest(const std::string& agency, const std::vector<std::string>& ids, const std::string& file,
                   const std::string& note = {});
  // Checks every file, then imports them all, or none when one is refused;
  // the summary is shown in the status line. True when all were imported.
  bool ImportFiles(const std::vector<std::string>& files);
  void ShowConflicts();

 private:
  void AskRequest();
  void AskImport();
  void SetStatus(const wxString& text, bool error = false);

  DocumentModel& model_;
  std::unique_ptr<ContributionStore> store_;
  std::vector<AssignmentStatus> rows_;
  wxListView* list_ = nullptr;
  wxStaticText* status_ = nullptr;
};

}  // namespace focal::gui
