#include "app/gui/contribution_actions.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>

#include "app/gui/contribution_conflicts_dialog.h"
#include "app/gui/contribution_dashboard_dialog.h"
#include "app/gui/contribution_model.h"
#include "app/gui/wx_text.h"
#include "export/contribution/contribution_file.h"

namespace focal::gui {

bool CanManageContributions(ResponseModel& model) {
  DocumentModel* document = DocumentOf(model);
  return document && !RequestOf(model) && document->saveStatus().state != SaveStatus::State::ReadOnly;
}

bool IsContributionRequest(ResponseModel& model) { return RequestOf(model) != nullptr; }

void ShowContributionDashboard(wxWindow* parent, ResponseModel& model) {
  if (!CanManageContributions(model)) return;
  ContributionDashboardDialog dialog(parent, *DocumentOf(model));
  dialog.ShowModal();
}

void ImportContributions(wxWindow* parent, ResponseModel& model) {
  if (!CanManageContributions(model)) return;
  wxFileDialog open(parent, _("Import contributions"), wxString(), wxString(),
                    _("Focal contributions (*.focalcontrib)|*.focalcontrib"),
                    wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (open.ShowModal() != wxID_OK) return;
  wxArrayString paths;
  open.GetPaths(paths);
  std::vector<std::string> files;
  for (const auto& p : paths) files.push_back(ToUtf8(p));
  // The dashboard shows what the import did, and offers the conflicts.
  ContributionDashboardDialog dialog(parent, *DocumentOf(model));
  dialog.ImportFiles(files);
  dialog.ShowModal();
}

void ShowContributionConflicts(wxWindow* parent, ResponseModel& model) {
  if (!CanManageContributions(model)) return;
  ContributionConflictsDialog dialog(parent, *DocumentOf(model));
  dialog.ShowModal();
}

void ExportContribution(wxWindow* parent, ResponseModel& model) {
  const RequestWorkspace* request = RequestOf(model);
  DocumentModel* document = DocumentOf(model);
  if (!request || !document) return;
  wxString name = FromUtf8(request->request.agency);
  name.Replace(" ", "-");
  wxFileDialog save(parent, _("Save your contribution"), wxString(), name.Lower() + ".focalcontrib",
                    _("Focal contributions (*.focalcontrib)|*.focalcontrib"),
                    wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (save.ShowModal() != wxID_OK) return;
  try {
    Contribution c;
    try {
      c = contributionFromRequest(document->workspace(), document->workspace().user());
    } catch (const ContributionError& e) {
      if (e.kind() != ContributionError::Kind::Refused) throw;
      const wxString question = FromUtf8(e.what()) + "\n\n" + _("Send the rest without these answers?");
      if (wxMessageBox(question, _("Export your contribution"), wxYES_NO | wxICON_QUESTION, parent) != wxYES)
        return;
      c = contributionFromRequest(document->workspace(), document->workspace().user(), true);
    }
    const SigningKey key = SigningKey::loadOrCreate();
    writeContributionFile(c, ToUtf8(save.GetPath()), &key);
    wxMessageBox(wxString::Format(
                     _("Your contribution is in %s (%zu answers, signed with the key %s). Send it to "
                       "%s."),
                     save.GetPath(), c.answers.size(), FromUtf8(key.fingerprint()), FromUtf8(c.requestedBy)),
                 _("Export your contribution"), wxOK | wxICON_INFORMATION, parent);
  } catch (const std::exception& e) {
    wxMessageBox(FromUtf8(e.what()), _("Export your contribution"), wxOK | wxICON_ERROR, parent);
  }
}

}  // namespace focal::gui
