#include "app/gui/new_response_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

#include "app/gui/accessibility.h"
#include "app/gui/document_model.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/countries.h"
#include "forms/workspace.h"

namespace focal::gui {

NewResponseDialog::NewResponseDialog(wxWindow* parent, bool fromPreviousCycle)
    : wxDialog(parent, wxID_ANY, fromPreviousCycle ? _("Start from the previous cycle") : _("New response"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      questionnaires_(AvailableQuestionnaires()) {
  SetLayoutDirection(IsRightToLeft(CurrentInterfaceLanguage()) ? wxLayout_RightToLeft : wxLayout_LeftToRight);
  const std::string ui = CurrentInterfaceLanguage();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(10));
  grid->AddGrowableCol(1, 1);
  grid->AddGrowableRow(0, 1);

  // Full titles are long and alike ("Questionnaire on the implementation of
  // the Protocol..."): the list names the instrument and the cycle, and the
  // chosen questionnaire's whole title shows, wrapped, under it.
  list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 140)));
  // Wide enough for the longest line (the Convention's name is long), so
  // that no line is cut off.
  int widest = 0;
  for (const auto& available : questionnaires_) {
    const wxString line = ListLine(*available.questionnaire);
    list_->Append(line);
    widest = std::max(widest, list_->GetTextExtent(line).x);
  }
  list_->SetMinSize(wxSize(std::max(FromDIP(560), widest + FromDIP(48)), FromDIP(140)));
  list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { QuestionnaireChosen(); });
  auto* listLabel = new wxStaticText(this, wxID_ANY, _("&Questionnaire:"));
  SetAccessibleName(list_, _("Questionnaire"));
  grid->Add(listLabel, 0, wxALIGN_TOP | wxTOP, FromDIP(4));
  auto* chooser = new wxBoxSizer(wxVERTICAL);
  chooser->Add(list_, 1, wxEXPAND);
  title_ = new wxStaticText(this, wxID_ANY, wxString());
  chooser->Add(title_, 0, wxEXPAND | wxTOP, FromDIP(6));
  grid->Add(chooser, 1, wxEXPAND);

  const CountryChoices& countries = CountryChoicesIn(ui);
  state_ = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)),
                          countries.names, wxCB_DROPDOWN);
  state_->AutoComplete(countries.names);
  state_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { SuggestPath(); });
  state_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { SuggestPath(); });
  SetAccessibleName(state_, _("State"), _("Type or choose the State whose reply this is."));
  grid->Add(new wxStaticText(this, wxID_ANY, _("&State:")), 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(state_, 0);

  language_ = new wxChoice(this, wxID_ANY);
  SetAccessibleName(language_, _("Language of the questionnaire"));
  grid->Add(new wxStaticText(this, wxID_ANY, _("&Language of the questionnaire:")), 0,
            wxALIGN_CENTER_VERTICAL);
  grid->Add(language_, 0);

  previous_ = new wxCheckBox(this, wxID_ANY, _("Start from the &reply to the previous cycle, kept in:"));
  previous_->SetValue(fromPreviousCycle);
  previousFile_ =
      new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("The workspace of the previous cycle"),
                           _("Focal workspaces (*.focal)|*.focal"), wxDefaultPosition, wxDefaultSize,
                           wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
  previousFile_->Enable(fromPreviousCycle);
  SetAccessibleName(previousFile_, _("The workspace of the previous cycle"));
  previous_->Bind(wxEVT_CHECKBOX,
                  [this](wxCommandEvent& event) { previousFile_->Enable(event.IsChecked()); });
  grid->Add(previous_, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(previousFile_, 1, wxEXPAND);

  file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Save the new workspace as"),
                               _("Focal workspaces (*.focal)|*.focal"), wxDefaultPosition, wxDefaultSize,
                               wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
  file_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) { pathEdited_ = true; });
  SetAccessibleName(file_, _("Save the new workspace as"));
  grid->Add(new wxStaticText(this, wxID_ANY, _("Save &as:")), 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(file_, 1, wxEXPAND);
  sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(16));

  error_ = new wxStaticText(this, wxID_ANY, wxString());
  error_->SetForegroundColour(wxColour(176, 0, 32));
  sizer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(16));

  auto* buttons = new wxStdDialogButtonSizer;
  auto* create = new wxButton(this, wxID_OK, _("&Create"));
  create->SetDefault();
  create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Create(); });
  buttons->AddButton(create);
  buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
  buttons->Realize();
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(16));
  SetSizerAndFit(sizer);

  // The newest cycle first when starting from a previous one.
  int initial = 0;
  for (int i = 0; i < static_cast<int>(questionnaires_.size()); ++i)
    if (fromPreviousCycle && !questionnaires_[i].questionnaire->info.previousCycle.empty()) {
      initial = i;
      break;
    }
  if (!questionnaires_.empty()) {
    list_->SetSelection(initial);
    QuestionnaireChosen();
  } else {
    Fail(_("No questionnaire was found next to Focal. Reinstall Focal, or preview a questionnaire file."));
  }
  list_->SetFocus();
  CentreOnParent();
}

const AvailableQuestionnaire* NewResponseDialog::Chosen() const {
  const int index = list_->GetSelection();
  return index >= 0 && index < static_cast<int>(questionnaires_.size()) ? &questionnaires_[index] : nullptr;
}

wxString NewResponseDialog::ListLine(const Questionnaire& q) {
  return InstrumentName(q.info.instrument) + ", " + wxString::Format(_("reporting cycle %d"), q.info.cycle) +
         "  (" + FromUtf8(q.info.id) + ", " + FromUtf8(q.info.version) + ")";
}

wxString NewResponseDialog::ChosenTitle() const { return title_->GetLabelText(); }

void NewResponseDialog::QuestionnaireChosen() {
  const AvailableQuestionnaire* chosen = Chosen();
  if (!chosen) return;
  const Questionnaire& q = *chosen->questionnaire;
  title_->SetLabelText(Localized(q.info.title, CurrentInterfaceLanguage(), q));
  title_->Wrap(list_->GetSize().x);
  SetAccessibleName(title_, title_->GetLabelText());
  if (GetSizer()) {
    wxSize size = GetSize();
    size.IncTo(ClientToWindowSize(GetSizer()->GetMinSize()));
    SetSize(size);
  }
  Layout();
  language_->Clear();
  int select = 0;
  for (const auto& code : chosen->questionnaire->info.languages) {
    if (code == CurrentInterfaceLanguage()) select = static_cast<int>(language_->GetCount());
    language_->Append(LanguageName(code));
  }
  language_->SetSelection(select);
  previous_->Enable(!chosen->questionnaire->info.previousCycle.empty());
  if (chosen->questionnaire->info.previousCycle.empty()) {
    previous_->SetValue(false);
    previousFile_->Disable();
  }
  SuggestPath();
}

void NewResponseDialog::SuggestPath() {
  if (pathEdited_) return;
  const AvailableQuestionnaire* chosen = Chosen();
  const std::string code = CountryChoicesIn(CurrentInterfaceLanguage()).CodeFor(state_->GetValue());
  if (!chosen) return;
  const wxString directory = wxStandardPaths::Get().GetDocumentsDir() + "/Focal";
  const wxString name = (code.empty() ? wxString("reply") : FromUtf8(code)) + "-" +
                        FromUtf8(chosen->questionnaire->info.id) + ".focal";
  file_->SetPath(directory + "/" + name);
}

void NewResponseDialog::Fail(const wxString& message) {
  error_->SetLabelText(message);
  error_->Wrap(GetClientSize().x - FromDIP(32));
  SetAccessibleName(error_, message);
  Layout();
  Fit();
}

void NewResponseDialog::Create() {
  const AvailableQuestionnaire* chosen = Chosen();
  if (!chosen) return Fail(_("Choose a questionnaire in the list."));
  const std::string state = CountryChoicesIn(CurrentInterfaceLanguage()).CodeFor(state_->GetValue());
  if (state.empty()) {
    state_->SetFocus();
    return Fail(_("Choose the State in the list (you can type the first letters of its name)."));
  }
  const std::string path = ToUtf8(file_->GetPath());
  if (path.empty()) return Fail(_("Choose where to save the new workspace."));
  if (wxFileName::FileExists(file_->GetPath()))
    return Fail(
        _("A file with this name exists already. Choose another name, or open that workspace instead."));
  const Questionnaire& q = *chosen->questionnaire;
  const std::string language = q.info.languages[std::max(0, language_->GetSelection())];
  try {
    std::map<std::string, std::string> initial;
    std::string description;  // where the initial answers came from, for the history
    if (previous_->IsChecked()) {
      const std::string previousPath = ToUtf8(previousFile_->GetPath());
      if (previousPath.empty())
        return Fail(_("Choose the workspace that holds the reply to the previous cycle."));
      WorkspaceOptions options;
      options.readOnly = true;
      auto previous = Workspace::open(previousPath, options);
      const auto previousId = findPreviousResponse(*previous, q, state);
      if (!previousId)
        return Fail(wxString::Format(
            _("%s holds no reply of %s to %s. Choose another workspace, or start without "
              "the previous cycle."),
            wxFileName(FromUtf8(previousPath)).GetFullName(),
            FromUtf8(countryName(state, CurrentInterfaceLanguage())), FromUtf8(q.info.previousCycle)));
      const CarryForward carried =
          carryForward(q, *previous->questionnaire(*previousId), previous->answers(*previousId));
      initial = carried.answers;
      description = carried.description;
      summary_ =
          wxString::Format(wxPLURAL("%zu answer was carried forward from the previous cycle. Please confirm "
                                    "it or change it: Go > Review problems lists it.",
                                    "%zu answers were carried forward from the previous cycle. Please "
                                    "confirm or change each one: Go > Review problems lists them.",
                                    carried.questions),
                           carried.questions);
    }
    wxFileName::Mkdir(wxFileName(FromUtf8(path)).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    auto workspace = Workspace::create(path);
    const ResponseId id = workspace->createResponse(q, state, language, initial, description);
    model_ = std::make_shared<DocumentModel>(std::move(workspace), id);
    path_ = path;
    EndModal(wxID_OK);
  } catch (const std::exception& e) {
    Fail(FromUtf8(e.what()));
  }
}

}  // namespace focal::gui
