#include "app/gui/welcome_dialog.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/accessibility.h"
#include "app/gui/desktop.h"
#include "app/gui/questionnaire_files.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

WelcomeDialog::WelcomeDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Welcome to Focal"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  SetLayoutDirection(IsRightToLeft(CurrentInterfaceLanguage()) ? wxLayout_RightToLeft : wxLayout_LeftToRight);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(this, wxID_ANY, "Focal");
  title->SetFont(title->GetFont().Bold().Scaled(1.8f));
  auto* subtitle = new wxStaticText(this, wxID_ANY,
                                    _("Replies to the questionnaires on the Convention against Transnational "
                                      "Organized Crime and its Protocols."));
  subtitle->Wrap(FromDIP(560));
  sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
  sizer->Add(subtitle, 0, wxALL, FromDIP(16));

  auto* columns = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  auto* recentLabel = new wxStaticText(this, wxID_ANY, _("&Recent workspaces"));
  recent_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(340, 220)));
  wxFileHistory& history = Desktop::Get().Recent();
  for (size_t i = 0; i < history.GetCount(); ++i) {
    const wxFileName name(history.GetHistoryFile(i));
    recent_->Append(name.GetFullName() + "  (" + name.GetPath() + ")");
  }
  if (recent_->IsEmpty())
    recent_->Append(_("(none yet)"));
  else
    recent_->SetSelection(0);
  SetAccessibleName(recent_, _("Recent workspaces"), _("Press Enter to open the chosen workspace."));
  recent_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { OpenRecent(); });
  auto* openRecent = new wxButton(this, wxID_ANY, _("Open the chosen &workspace"));
  openRecent->Enable(history.GetCount() > 0);
  openRecent->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenRecent(); });
  left->Add(recentLabel, 0, wxBOTTOM, FromDIP(4));
  left->Add(recent_, 1, wxEXPAND);
  left->Add(openRecent, 0, wxTOP, FromDIP(6));

  auto* right = new wxBoxSizer(wxVERTICAL);
  auto addButton = [&](const wxString& label, const wxString& explanation, std::function<void()> run) {
    auto* button = new wxButton(this, wxID_ANY, label);
    button->Bind(wxEVT_BUTTON, [run](wxCommandEvent&) { run(); });
    SetAccessibleName(button, wxStripMenuCodes(label), explanation);
    auto* text = new wxStaticText(this, wxID_ANY, explanation);
    text->Wrap(FromDIP(260));
    right->Add(button, 0, wxEXPAND);
    right->Add(text, 0, wxBOTTOM | wxTOP, FromDIP(4));
    right->AddSpacer(FromDIP(6));
    return button;
  };
  wxButton* newButton = addButton(_("&New response..."), _("Start your country's reply to a questionnaire."),
                                  [this] { Finish(Action::New); });
  addButton(_("Start from the &previous cycle..."),
            _("Start a reply with your answers to the previous cycle, to be confirmed one by one."),
            [this] { Finish(Action::FromPrevious); });
  addButton(_("&Open a workspace..."), _("Open a .focal file from your computer."), [this] {
    wxFileDialog dialog(this, _("Open a workspace"), wxString(), wxString(),
                        _("Focal workspaces (*.focal)|*.focal|All files (*)|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) Finish(Action::Open, ToUtf8(dialog.GetPath()));
  });
  addButton(_("Pre&view a questionnaire..."), _("For questionnaire authors: try a questionnaire file."),
            [this] {
              const auto directories = QuestionnaireDirectories();
              wxFileDialog dialog(this, _("Preview a questionnaire"),
                                  directories.empty() ? wxString() : FromUtf8(directories.front()),
                                  wxString(), _("Questionnaires (*.yaml)|*.yaml;*.yml|All files (*)|*"),
                                  wxFD_OPEN | wxFD_FILE_MUST_EXIST);
              if (dialog.ShowModal() == wxID_OK) Finish(Action::Open, ToUtf8(dialog.GetPath()));
            });
  columns->Add(left, 1, wxEXPAND | wxRIGHT, FromDIP(16));
  columns->Add(right, 0, wxEXPAND);
  sizer->Add(columns, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(16));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CANCEL, _("&Quit")));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(16));
  SetSizerAndFit(sizer);
  SetEscapeId(wxID_CANCEL);
  if (history.GetCount() > 0)
    recent_->SetFocus();
  else
    newButton->SetFocus();
  CentreOnScreen();
}

void WelcomeDialog::OpenRecent() {
  const int index = recent_->GetSelection();
  wxFileHistory& history = Desktop::Get().Recent();
  if (index < 0 || static_cast<size_t>(index) >= history.GetCount()) return;
  Finish(Action::Open, ToUtf8(history.GetHistoryFile(index)));
}

void WelcomeDialog::Finish(Action action, const std::string& path) {
  action_ = action;
  path_ = path;
  EndModal(wxID_OK);
}

}  // namespace focal::gui
