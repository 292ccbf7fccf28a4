// The Secretariat window's frame, its Merge page, and how it is opened.
// The other two pages are in secretariat_pages.cpp.
#include "app/gui/secretariat_window.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <filesystem>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "export/common/output_file.h"
#include "forms/answer_text.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal::gui {

namespace {

wxString ResultName(MergeResult result) {
  switch (result) {
    case MergeResult::Imported:
      return _("imported");
    case MergeResult::Unchanged:
      return _("unchanged");
    case MergeResult::Superseded:
      return _("superseded");
    case MergeResult::Held:
      return _("held back");
    case MergeResult::KeyConflict:
      return _("key conflict");
    case MergeResult::Refused:
      break;
  }
  return _("refused");
}

// Text read from a report file (its name, State, reasons quoting it) with
// control and bidi characters made visible (printable), as the CLI prints it.
wxString Shown(const std::string& text) { return FromUtf8(printable(text)); }

wxString FileName(const std::string& path) { return Shown(std::filesystem::path(path).filename().string()); }

}  // namespace

SecretariatWindow::SecretariatWindow(wxWindow* parent, const std::string& storePath)
    : wxFrame(parent, wxID_ANY, wxString::Format(_("Secretariat: %s"), FileName(storePath))),
      storePath_(storePath) {
  auto* panel = new wxPanel(this);
  notebook_ = new wxNotebook(panel, wxID_ANY);
  notebook_->AddPage(BuildMergePage(notebook_), _("Merge"));
  notebook_->AddPage(BuildStatesPage(notebook_), _("States and answers"));
  notebook_->AddPage(BuildChartsPage(notebook_), _("Charts"));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* where =
      new wxStaticText(panel, wxID_ANY, wxString::Format(_("Consolidated store: %s"), FromUtf8(storePath)));
  sizer->Add(where, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
  sizer->Add(notebook_, 1, wxEXPAND | wxALL, FromDIP(8));
  panel->SetSizer(sizer);
  SetSize(FromDIP(wxSize(1000, 700)));
  RefreshQuestionnaires();
}

wxWindow* SecretariatWindow::BuildMergePage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* addReports = new wxButton(page, wxID_ANY, _("Add reports..."));
  auto* addFolder = new wxButton(page, wxID_ANY, _("Add a folder..."));
  allowUnsigned_ = new wxCheckBox(page, wxID_ANY, _("Admit unsigned reports and drafts"));
  buttons->Add(addReports, 0, wxRIGHT, FromDIP(8));
  buttons->Add(addFolder, 0, wxRIGHT, FromDIP(16));
  buttons->Add(allowUnsigned_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
  acceptKey_ = new wxButton(page, wxID_ANY, _("Accept the key..."));
  acceptKey_->SetToolTip(
      _("Accept the key of the selected held-back report for its State, once the State has "
        "confirmed its fingerprint"));
  acceptKey_->Disable();
  buttons->Add(acceptKey_, 0);
  acceptKey_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    AcceptKeyOf(mergeList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED), true);
  });
  addReports->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddReports(); });
  addFolder->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddFolder(); });
  auto* registerButton = new wxButton(page, wxID_ANY, _("Register a questionnaire..."));
  registerButton->SetToolTip(
      _("Register the official text of a questionnaire that is not bundled with Focal: "
        "only reports made from a registered text are merged"));
  buttons->Add(registerButton, 0, wxLEFT, FromDIP(8));
  registerButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    wxFileDialog dialog(this, _("Register an official questionnaire"), wxString(), wxString(),
                        _("Questionnaires (*.yaml)|*.yaml|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxString message;
    if (!RegisterQuestionnaire(ToUtf8(dialog.GetPath()), message))
      Fail(message);
    else
      summary_->SetLabel(message);
  });

  mergeList_ =
      new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  SetAccessibleName(mergeList_, _("Result of every file"));
  mergeList_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(260));
  mergeList_->AppendColumn(_("Result"), wxLIST_FORMAT_LEFT, FromDIP(90));
  mergeList_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(60));
  mergeList_->AppendColumn(_("Questionnaire"), wxLIST_FORMAT_LEFT, FromDIP(170));
  mergeList_->AppendColumn(_("Key fingerprint"), wxLIST_FORMAT_LEFT, FromDIP(300));
  mergeList_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(340));
  auto selectionChanged = [this](wxListEvent&) {
    const long row = mergeList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    acceptKey_->Enable(row >= 0 && static_cast<std::size_t>(row) < last_.files.size() &&
                       last_.files[row].result == MergeResult::Held);
  };
  mergeList_->Bind(wxEVT_LIST_ITEM_SELECTED, selectionChanged);
  mergeList_->Bind(wxEVT_LIST_ITEM_DESELECTED, selectionChanged);
  summary_ = new wxStaticText(page, wxID_ANY,
                              _("Add national reports (.focalreport) to merge them into the store."));

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
  sizer->Add(mergeList_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
  sizer->Add(summary_, 0, wxEXPAND | wxALL, FromDIP(8));
  page->SetSizer(sizer);
  return page;
}

void SecretariatWindow::AddReports() {
  wxFileDialog dialog(this, _("Add national reports"), wxString(), wxString(),
                      _("National reports (*.focalreport)|*.focalreport|All files|*"),
                      wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  wxArrayString paths;
  dialog.GetPaths(paths);
  std::vector<std::string> files;
  for (const auto& p : paths) files.push_back(ToUtf8(p));
  MergeFiles(files, allowUnsigned_->GetValue());
}

void SecretariatWindow::AddFolder() {
  wxDirDialog dialog(this, _("Add every national report in a folder"), wxString(),
                     wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  MergeFiles({ToUtf8(dialog.GetPath())}, allowUnsigned_->GetValue());
}

MergeSummary SecretariatWindow::MergeFiles(const std::vector<std::string>& inputs, bool allowUnsigned,
                                           bool progress, bool quiet) {
  MergeSummary summary;
  const bool wasQuiet = quiet_;
  quiet_ = quiet;
  std::vector<MergeFileResult> missing;
  const std::vector<std::string> files = reportFiles(inputs, &missing);
  allowUnsigned_->SetValue(allowUnsigned);
  std::unique_ptr<wxProgressDialog> bar;
  if (progress && !files.empty())
    bar = std::make_unique<wxProgressDialog>(
        _("Merging national reports"), wxString::Format(_("Verifying %zu files..."), files.size()),
        static_cast<int>(files.size()), this, wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
  try {
    ConsolidatedStore store(storePath_);
    registerBundledQuestionnaires(store);
    MergeOptions options;
    options.allowUnsigned = allowUnsigned;
    options.onFile = [&](const MergeFileResult& r, std::size_t done, std::size_t total) {
      summary.files.push_back(r);  // kept should the store fail half-way
      if (bar)
        bar->Update(static_cast<int>(done), wxString::Format(_("%s: %s (%zu of %zu)"), FileName(r.file),
                                                             ResultName(r.result), done, total));
    };
    summary = mergeReports(store, files, options);
  } catch (const std::exception& e) {
    bar.reset();
    Fail(wxString::Format(_("The merge stopped: %s\n\nThe reports imported before the problem stay in the "
                            "store. Check that %s is a Focal consolidated store on a disk with free space, "
                            "then merge again."),
                          FromUtf8(e.what()), FromUtf8(storePath_)));
    for (const auto& r : summary.files) {
      if (r.result == MergeResult::Imported) ++summary.imported;
      if (r.result == MergeResult::Unchanged) ++summary.unchanged;
      if (r.result == MergeResult::Superseded) ++summary.superseded;
      if (r.result == MergeResult::Refused) ++summary.refused;
      if (r.result == MergeResult::Held) ++summary.held;
      if (r.result == MergeResult::KeyConflict) ++summary.keyConflicts;
    }
    for (std::size_t i = summary.files.size(); i < files.size(); ++i) {
      MergeFileResult r;
      r.file = files[i];
      r.reason = ToUtf8(_("not merged: the consolidated store could not be read or written"));
      summary.files.push_back(std::move(r));
      ++summary.refused;
    }
  }
  bar.reset();
  for (auto& m : missing) {
    ++summary.refused;
    summary.files.push_back(std::move(m));
  }
  ShowResults(summary);
  RefreshQuestionnaires();
  quiet_ = wasQuiet;
  return summary;
}

void SecretariatWindow::ShowResults(const MergeSummary& summary) {
  last_ = summary;
  mergeList_->DeleteAllItems();
  for (const auto& r : summary.files) {
    const long row = mergeList_->InsertItem(mergeList_->GetItemCount(), FileName(r.file));
    mergeList_->SetItem(row, 1, ResultName(r.result));
    mergeList_->SetItem(row, 2, Shown(r.state));
    mergeList_->SetItem(
        row, 3,
        Shown(r.questionnaireId + (r.questionnaireVersion.empty() ? "" : " " + r.questionnaireVersion)));
    mergeList_->SetItem(row, 4, Shown(r.fingerprint));
    wxString reason = Shown(r.reason);
    if (!r.flags.empty())
      reason += (reason.empty() ? "" : "; ") +
                wxString::Format(_("%zu values outside the questionnaire's rules, left out of the analysis"),
                                 r.flags.size());
    mergeList_->SetItem(row, 5, reason);
  }
  acceptKey_->Disable();
  summary_->SetLabel(MergeSummaryText());
  summary_->GetParent()->Layout();
}

wxString SecretariatWindow::MergeSummaryText() const {
  wxString text = wxString::Format(_("%zu imported, %zu unchanged, %zu superseded, %zu refused"),
                                   last_.imported, last_.unchanged, last_.superseded, last_.refused);
  if (last_.held) text += wxString::Format(_(", %zu held back (key not accepted)"), last_.held);
  if (last_.keyConflicts) text += wxString::Format(_(", %zu key conflicts"), last_.keyConflicts);
  if (last_.refused)
    text += _(". Refused files were not imported: ask the State for a new export, or see the reason.");
  if (last_.held)
    text += "\n" + _("Held-back files: confirm the key's fingerprint with the State, then select the file "
                     "and accept its key.");
  return text;
}

bool SecretariatWindow::RegisterQuestionnaire(const std::string& file, wxString& message) {
  LoadResult loaded = loadQuestionnaireFile(file);
  if (!loaded.ok()) {
    std::string text;
    try {
      text = readWholeFile(file, std::uint64_t{64} << 20);
    } catch (const std::exception&) {
    }
    LoadResult kept = loadStoredQuestionnaireText(text, file);  // an official text older than today's checks
    if (text.empty() || !kept.ok()) {
      message = wxString::Format(
          _("%s has errors and was not registered: %s"), Shown(file),
          loaded.diagnostics.empty() ? wxString() : Shown(loaded.diagnostics.front().format()));
      return false;
    }
    loaded = std::move(kept);
  }
  try {
    ConsolidatedStore store(storePath_);
    store.registerQuestionnaire(*loaded.questionnaire, "registered from " + file);
  } catch (const std::exception& e) {
    message = Shown(e.what());
    return false;
  }
  message = wxString::Format(_("Registered %s version %s: its reports can now be merged."),
                             Shown(loaded.questionnaire->info.id), Shown(loaded.questionnaire->info.version));
  return true;
}

bool SecretariatWindow::AcceptKeyOf(long row, bool confirm) {
  if (row < 0 || static_cast<std::size_t>(row) >= last_.files.size()) return false;
  const MergeFileResult held = last_.files[row];
  if (held.result != MergeResult::Held || held.fingerprint.empty()) return false;
  if (confirm) {
    wxMessageDialog ask(
        this,
        wxString::Format(_("Accept the key\n\n%s\n\nfor %s?\n\nAccept it only if %s has confirmed this "
                           "fingerprint through official channels (it is printed on the report's cover). "
                           "Reports of %s signed by this key will then be merged."),
                         Shown(held.fingerprint), Shown(held.state), Shown(held.state), Shown(held.state)),
        _("Accept a State's key"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(_("Accept the key"), _("Cancel"));
    if (ask.ShowModal() != wxID_YES) return false;
  }
  try {
    ConsolidatedStore store(storePath_);
    store.acceptKey(held.state, held.fingerprint);
  } catch (const std::exception& e) {
    Fail(Shown(e.what()));
    return false;
  }
  MergeFiles({held.file}, allowUnsigned_->GetValue(), false, quiet_);
  return true;
}

void SecretariatWindow::Fail(const wxString& message) {
  lastError_ = message;
  if (quiet_) return;
  wxMessageBox(message, _("Secretariat"), wxOK | wxICON_ERROR, this);
}

SecretariatWindow* ShowSecretariat(const std::string& storePath) {
  try {
    ConsolidatedStore store(storePath);  // creates it, or checks that it is one
  } catch (const std::exception& e) {
    wxMessageBox(
        wxString::Format(_("%s cannot be opened as a consolidated store: %s\n\nChoose another file, or "
                           "a new name to start an empty store."),
                         FromUtf8(storePath), FromUtf8(e.what())),
        _("Secretariat"), wxOK | wxICON_ERROR);
    return nullptr;
  }
  auto* window = new SecretariatWindow(nullptr, storePath);
  window->Show();
  window->Raise();
  return window;
}

void OpenSecretariat(wxWindow* parent) {
  wxFileDialog dialog(parent, _("Open or create a consolidated store"), wxString(), "consolidated.focaldb",
                      _("Consolidated stores (*.focaldb)|*.focaldb|All files|*"), wxFD_SAVE);
  if (dialog.ShowModal() != wxID_OK) return;
  wxFileName name(dialog.GetPath());
  if (!name.HasExt() && !name.FileExists()) name.SetExt("focaldb");
  ShowSecretariat(ToUtf8(name.GetFullPath()));
}

}  // namespace focal::gui
