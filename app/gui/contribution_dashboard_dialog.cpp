#include "app/gui/contribution_dashboard_dialog.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/accessibility.h"
#include "app/gui/contribution_conflicts_dialog.h"
#include "app/gui/wx_text.h"
#include "export/contribution/contribution_import.h"
#include "export/contribution/contribution_request.h"

namespace focal::gui {

namespace {

wxString Day(const std::string& iso) { return FromUtf8(iso.substr(0, 10)); }

}  // namespace

// ---- the request dialog ---------------------------------------------------------------

ContributionRequestDialog::ContributionRequestDialog(wxWindow* parent, const Questionnaire& questionnaire,
                                                     const std::string& language)
    : wxDialog(parent, wxID_ANY, _("Ask an agency to contribute"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      questionnaire_(questionnaire) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* agencyLabel = new wxStaticText(this, wxID_ANY, _("Agency (such as Ministry of Justice, Police):"));
  agency_ = new wxTextCtrl(this, wxID_ANY);
  SetAccessibleName(agency_, agencyLabel->GetLabelText());
  auto* sectionsLabel = new wxStaticText(this, wxID_ANY, _("Sections it answers:"));
  wxArrayString titles;
  for (std::size_t s = 0; s < questionnaire.sections.size(); ++s)
    titles.Add(wxString(' ', 4 * questionnaire.sections[s].depth) +
               SectionTitle(questionnaire, static_cast<int>(s), language));
  sections_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(520, 260)), titles);
  SetAccessibleName(sections_, sectionsLabel->GetLabelText());
  auto* noteLabel = new wxStaticText(this, wxID_ANY, _("A note to the agency (optional):"));
  note_ =
      new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
  SetAccessibleName(note_, noteLabel->GetLabelText());
  for (auto* w :
       std::initializer_list<wxWindow*>{agencyLabel, agency_, sectionsLabel, sections_, noteLabel, note_})
    sizer->Add(w, w == sections_ ? 1 : 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
  SetSizerAndFit(sizer);
  agency_->SetFocus();
}

std::string ContributionRequestDialog::Agency() const {
  return ToUtf8(agency_->GetValue().Strip(wxString::both));
}

std::vector<std::string> ContributionRequestDialog::SectionIds() const {
  std::vector<std::string> ids;
  for (unsigned i = 0; i < sections_->GetCount(); ++i)
    if (sections_->IsChecked(i)) ids.push_back(questionnaire_.sections[i].id);
  return ids;
}

std::string ContributionRequestDialog::Note() const { return ToUtf8(note_->GetValue()); }

void ContributionRequestDialog::Check(const std::vector<std::string>& ids) {
  for (unsigned i = 0; i < sections_->GetCount(); ++i)
    sections_->Check(i, std::find(ids.begin(), ids.end(), questionnaire_.sections[i].id) != ids.end());
}

// ---- the dashboard -----------------------------------------------------------------------

ContributionDashboardDialog::ContributionDashboardDialog(wxWindow* parent, DocumentModel& model)
    : wxDialog(parent, wxID_ANY, _("Agencies' contributions"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      model_(model),
      store_(std::make_unique<ContributionStore>(model.workspace())) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 220)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Agency"), wxLIST_FORMAT_LEFT, FromDIP(170));
  list_->AppendColumn(_("Sections"), wxLIST_FORMAT_LEFT, FromDIP(260));
  list_->AppendColumn(_("Requested"), wxLIST_FORMAT_LEFT, FromDIP(110));
  list_->AppendColumn(_("Returned"), wxLIST_FORMAT_LEFT, FromDIP(160));
  list_->AppendColumn(_("Conflicts open"), wxLIST_FORMAT_RIGHT, FromDIP(110));
  SetAccessibleName(list_, _("Assignments"));
  sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(10));
  status_ = new wxStaticText(this, wxID_ANY, wxString());
  sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* request = new wxButton(this, wxID_ANY, _("&New request..."));
  auto* import = new wxButton(this, wxID_ANY, _("&Import contributions..."));
  auto* conflicts = new wxButton(this, wxID_ANY, _("&Settle conflicts..."));
  for (auto* b : {request, import, conflicts}) buttons->Add(b, 0, wxRIGHT, FromDIP(6));
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
  SetSizerAndFit(sizer);
  SetEscapeId(wxID_CLOSE);

  const bool writable = model_.saveStatus().state != SaveStatus::State::ReadOnly;
  request->Enable(writable);
  import->Enable(writable);
  conflicts->Enable(writable);
  request->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskRequest(); });
  import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskImport();
});
conflicts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowConflicts(); });
Bind(
    wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
ReloadRows();
}  // namespace focal::gui

ContributionDashboardDialog::~ContributionDashboardDialog() = default;

void ContributionDashboardDialog::ReloadRows() {
  rows_ = store_->dashboard(model_.responseId());
  list_->DeleteAllItems();
  for (int i = 0; i < RowCount(); ++i) {
    const long row = list_->InsertItem(i, CellText(i, 0));
    for (int column = 1; column < 5; ++column) list_->SetItem(row, column, CellText(i, column));
  }
  if (rows_.empty())
    SetStatus(_("No agency has been asked yet. Choose New request to assign sections to an agency."));
}

wxString ContributionDashboardDialog::CellText(int row, int column) const {
  const AssignmentStatus& r = rows_[row];
  switch (column) {
    case 0:
      return FromUtf8(r.request.agency);
    case 1: {
      try {
        ContributionScope scope(model_.session().sharedQuestionnaire(), r.request.assignment);
        return FromUtf8(scope.describe(model_.language()));
      } catch (const ContributionError&) {
        return wxString();
      }
    }
    case 2:
      return Day(r.request.requestedAt);
    case 3:
      return r.returnedAt.empty()
                 ? _("not yet")
                 : wxString::Format(_("%s by %s"), Day(r.returnedAt), FromUtf8(r.returnedBy));
    case 4:
      return wxString::Format("%zu", r.openConflicts);
  }
  return {};
}

wxString ContributionDashboardDialog::StatusText() const { return status_->GetLabelText(); }

void ContributionDashboardDialog::SetStatus(const wxString& text, bool error) {
  status_->SetForegroundColour(error ? *wxRED : GetForegroundColour());
  status_->SetLabelText(text);
  status_->Wrap(FromDIP(800));
  Layout();
}

bool ContributionDashboardDialog::MakeRequest(const std::string& agency, const std::vector<std::string>& ids,
                                              const std::string& file, const std::string& note) {
  try {
    auto request =
        makeContributionRequest(*store_, model_.responseId(), agency,
                                ContributionScope::parseIds(model_.questionnaire(), ids), file, note);
    ReloadRows();
    SetStatus(
        wxString::Format(_("The request for %s is in %s. Send it to them; they open it in Focal, answer "
                           "their sections and send back a contribution file."),
                         FromUtf8(request.agency), FromUtf8(file)));
    return true;
  } catch (const std::exception& e) {
    SetStatus(FromUtf8(e.what()), true);
    return false;
  }
}

bool ContributionDashboardDialog::ImportFiles(const std::vector<std::string>& files) {
  std::vector<CheckedContribution> checked;
  wxString refused;
  for (const auto& file : files) try {
      checked.push_back(checkContribution(*store_, model_.responseId(), file));
    } catch (const std::exception& e) {
      refused += (refused.empty() ? "" : "\n") + FromUtf8(e.what());
    }
  if (!refused.empty()) {
    SetStatus(refused + "\n" + _("Nothing was imported."), true);
    return false;
  }
  wxString summary;
  std::size_t conflicts = 0;
  try {
    for (const auto& c : checked) {
      ImportSummary s = importContribution(model_.document(), *store_, c);
      conflicts += s.conflicts.size();
      summary += (summary.empty() ? "" : "\n");
      if (s.importedBefore || !s.stale.empty())
        // Nothing of an older or replayed contribution is written: say why.
        summary += wxString::Format(
            s.importedBefore ? _("%s (%s): imported before; nothing taken, the newer values are kept.")
                             : _("%s (%s): older than the contribution already imported; nothing taken, "
                                 "the newer values are kept."),
            FromUtf8(s.agency), FromUtf8(s.person));
      else
        summary += wxString::Format(_("%s (%s): %zu answers taken, %zu unchanged, %zu in conflict."),
                                    FromUtf8(s.agency), FromUtf8(s.person), s.applied.size(),
                                    s.unchanged.size(), s.conflicts.size());
      if (!s.note.empty()) summary += "\n" + FromUtf8(s.note);
    }
  } catch (const std::exception& e) {
    ReloadRows();
    SetStatus(summary + "\n" + FromUtf8(e.what()), true);
    return false;
  }
  ReloadRows();
  SetStatus(summary);
  return true;
}

void ContributionDashboardDialog::ShowConflicts() {
  ContributionConflictsDialog dialog(this, model_);
  dialog.ShowModal();
  ReloadRows();
}

void ContributionDashboardDialog::AskRequest() {
  ContributionRequestDialog ask(this, model_.questionnaire(), model_.language());
  while (ask.ShowModal() == wxID_OK) {
    if (ask.Agency().empty() || ask.SectionIds().empty()) {
      SetStatus(_("Give the agency's name and tick at least one section."), true);
      continue;
    }
    wxString name = FromUtf8(ask.Agency());
    name.Replace(" ", "-");
    wxFileDialog save(this, _("Save the request for the agency"), wxString(), name.Lower() + ".focal",
                      _("Focal workspaces (*.focal)|*.focal"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) return;
    MakeRequest(ask.Agency(), ask.SectionIds(), ToUtf8(save.GetPath()), ask.Note());
    return;
  }
}

void ContributionDashboardDialog::AskImport() {
  wxFileDialog open(this, _("Import contributions"), wxString(), wxString(),
                    _("Focal contributions (*.focalcontrib)|*.focalcontrib"),
                    wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (open.ShowModal() != wxID_OK) return;
  wxArrayString paths;
  open.GetPaths(paths);
  std::vector<std::string> files;
  for (const auto& p : paths) files.push_back(ToUtf8(p));
  if (ImportFiles(files) && !store_->openConflicts(model_.responseId()).empty()) ShowConflicts();
}

}  // namespace focal::gui
