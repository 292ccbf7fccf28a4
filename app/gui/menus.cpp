// The main window's menus. Every command is registered once with what it
// runs and when it is enabled or checked; UpdateCommands applies those
// conditions (when a menu opens and after each change), and a command
// reached by its accelerator while disabled does nothing.
#include <wx/aboutdlg.h>
#include <wx/dialog.h>
#include <wx/filehistory.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include "app/gui/contribution_actions.h"
#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/history_dialog.h"
#include "app/gui/main_frame.h"
#include "app/gui/offer_actions.h"
#include "app/gui/provisions_window.h"
#include "app/gui/question_list_page.h"
#include "app/gui/question_page.h"
#include "app/gui/reference_panel.h"
#include "app/gui/report_actions.h"
#include "app/gui/secretariat_window.h"
#include "app/gui/section_tree.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"

namespace focal::gui {

namespace {

void ShowShortcuts(wxWindow* parent) {
  wxDialog dialog(parent, wxID_ANY, _("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
                  wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  const wxString text =
      _("Tab, Shift+Tab\tnext or previous control, in the order of the questions\n"
        "Ctrl+1\tthe list of sections\n"
        "Ctrl+2\tthe questions of the section\n"
        "Ctrl+3\tthe treaty text\n"
        "Ctrl+Page Down, Ctrl+Page Up\tnext or previous section\n"
        "Ctrl+R\treview every problem to resolve\n"
        "Ctrl+Shift+O\toverview of every question and its state\n"
        "Enter\tin a one-line box, go to the next question\n"
        "F8\tgo to the next problem\n"
        "Ctrl+F\tfind a question by its words or id\n"
        "Ctrl+Z, Ctrl+Y\tundo, redo\n"
        "Ctrl+Shift+C\tconfirm an answer carried forward\n"
        "Ctrl+Shift+N\tinformation not available\n"
        "Ctrl+Shift+M\tadd a comment to the question\n"
        "Ctrl+H\thistory of the question\n"
        "Ctrl+Shift+P\tthe treaty provisions and the questions that cover them\n"
        "Arrow keys\tchoose among Yes, No and the choices of a question\n"
        "Space\ttick or untick a box, press a button\n"
        "In a table\ttype a number; Tab or Enter moves on; Tab after the last cell leaves the table");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* box = new wxTextCtrl(&dialog, wxID_ANY, text, wxDefaultPosition, dialog.FromDIP(wxSize(620, 360)),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
  sizer->Add(box, 1, wxEXPAND | wxALL, dialog.FromDIP(10));
  sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, dialog.FromDIP(10));
  dialog.SetSizerAndFit(sizer);
  box->SetFocus();
  dialog.ShowModal();
}

}  // namespace

wxMenuItem* MainFrame::AddCommand(wxMenu* menu, const wxString& label, const wxString& help,
                                  std::function<void()> run, std::function<bool()> enabled,
                                  std::function<bool()> checked, wxItemKind kind) {
  const int id = wxWindow::NewControlId();
  wxMenuItem* item = menu->Append(id, label, help, kind);
  commands_.push_back({id, run, enabled, checked});
  Bind(
      wxEVT_MENU,
      [run, enabled](wxCommandEvent&) {
        if (!enabled || enabled()) run();
      },
      id);
  return item;
}

void MainFrame::BuildMenus() {
  auto always = std::function<bool()>();
  auto hasModel = [this] { return model_ != nullptr; };
  auto editable = [this] { return model_ && model_->saveStatus().state != SaveStatus::State::ReadOnly; };
  auto onQuestion = [this, editable] {
    QuestionEditor* editor = CurrentEditor();
    return editable() && editor && takesAnswer(editor->GetQuestion().type);
  };

  auto* file = new wxMenu;
  AddCommand(file, _("&New response...\tCtrl+N"), _("Start the reply of a State to a questionnaire"),
             [this] { Desktop::Get().NewResponse(this, false); });
  AddCommand(file, _("Start from the &previous cycle..."),
             _("Start a reply with the answers of the previous cycle, to be confirmed one by one"),
             [this] { Desktop::Get().NewResponse(this, true); });
  AddCommand(file, _("&Open a workspace...\tCtrl+O"), _("Open a .focal workspace"),
             [this] { Desktop::Get().ChooseAndOpen(this, false); });
  AddCommand(file, _("Pre&view a questionnaire..."),
             _("Open a questionnaire file to try it, answers in memory"),
             [this] { Desktop::Get().ChooseAndOpen(this, true); });
  auto* recent = new wxMenu;
  file->AppendSubMenu(recent, _("Open &recent"));
  Desktop::Get().Recent().UseMenu(recent);
  Desktop::Get().Recent().AddFilesToMenu(recent);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& event) {
        const wxString path = Desktop::Get().Recent().GetHistoryFile(event.GetId() - wxID_FILE1);
        if (!path.empty()) Desktop::Get().OpenFile(ToUtf8(path), this);
      },
      wxID_FILE1, wxID_FILE9);
  // Destroy events of child windows come up here too: only the frame's own counts.
  Bind(wxEVT_DESTROY, [this, recent](wxWindowDestroyEvent& event) {
    event.Skip();
    if (event.GetEventObject() == this) Desktop::Get().Recent().RemoveMenu(recent);
  });
  file->AppendSeparator();
  AddCommand(
      file, _("&Export the national report...\tCtrl+E"),
      _("Write the signed report for the secretariat, a PDF for clearance, or a data file"),
      [this] {
        FlushTyping();
        ExportReport(this, *model_);
      },
      [this] { return model_ && CanExportReport(*model_); });
  AddCommand(file, _("&Secretariat: merge and analyse reports..."),
             _("Merge the national reports of many States and analyse them"),
             [this] { OpenSecretariat(this); });
  file->AppendSeparator();
  AddCommand(file, _("&Close\tCtrl+W"), _("Close this window"), [this] { Close(); });
  AddCommand(file, _("&Quit\tCtrl+Q"), _("Close every window and quit"), [] { Desktop::Get().QuitAll(); });

  auto* edit = new wxMenu;
  AddCommand(
      edit, _("&Undo\tCtrl+Z"), _("Undo the last change"), [this] { Undo(); },
      [this] { return model_ && model_->canUndo(); });
  const int redoId = AddCommand(
                         edit, _("&Redo\tCtrl+Y"), _("Redo what was undone"), [this] { Redo(); },
                         [this] { return model_ && model_->canRedo(); })
                         ->GetId();
  edit->AppendSeparator();
  AddCommand(
      edit, _("&Find a question...\tCtrl+F"), _("Find a question by its words or its id"),
      [this] {
        search_->SetFocus();
        search_->SelectAll();
      },
      hasModel);

  auto* question = new wxMenu;
  AddCommand(
      question, _("&Confirm the answer carried forward\tCtrl+Shift+C"),
      _("Keep the answer given in the previous cycle"), [this] { ConfirmCarried(); },
      [this, editable] { return editable() && HasCarried(); });
  AddCommand(
      question, _("Information &not available\tCtrl+Shift+N"),
      _("Mark that the information asked for is not available"), [this] { ToggleStatus("not_available"); },
      [this, onQuestion] { return onQuestion() && CurrentEditor()->GetQuestion().allowNotAvailable; },
      [this] { return CurrentStatus() == "not_available"; }, wxITEM_CHECK);
  AddCommand(
      question, _("Not &applicable"), _("Mark that the question does not apply to your country"),
      [this] { ToggleStatus("not_applicable"); }, onQuestion,
      [this] { return CurrentStatus() == "not_applicable"; }, wxITEM_CHECK);
  AddCommand(
      question, _("Add a co&mment\tCtrl+Shift+M"), _("Add a comment to this question"),
      [this] { AddComment(); }, onQuestion);
  question->AppendSeparator();
  AddCommand(
      question, _("Offer answers from another &reply..."),
      _("Offer the answers your State gave in another workspace or national report, where questions are "
        "shared"),
      [this] { OfferAnswersFromFile(this, *this, *model_); }, editable);
  AddCommand(
      question, _("&History of this question...\tCtrl+H"), _("Who changed this question, and when"),
      [this] { ShowHistory(); },
      [this] { return model_ && model_->keepsHistory() && CurrentEditor() != nullptr; });

  auto* go = new wxMenu;
  AddCommand(
      go, _("&Next section\tCtrl+PgDn"), _("Show the next section"),
      [this] { OpenSection(NeighbourSection(+1)); }, [this] { return NeighbourSection(+1) >= 0; });
  AddCommand(
      go, _("&Previous section\tCtrl+PgUp"), _("Show the previous section"),
      [this] { OpenSection(NeighbourSection(-1)); }, [this] { return NeighbourSection(-1) >= 0; });
  AddCommand(
      go, _("&Review problems\tCtrl+R"), _("List every problem to resolve"),
      [this] {
        OpenReview();
        list_->FocusList();
      },
      hasModel);
  AddCommand(
      go, _("&Overview of every question\tCtrl+Shift+O"),
      _("Every question with its state (answered, not answered, not available, to correct)"),
      [this] { OpenOverview(); }, hasModel);
  AddCommand(
      go, _("Next pro&blem\tF8"), _("Go to the next question that needs attention"),
      [this] { NextProblem(); }, hasModel);
  go->AppendSeparator();
  AddCommand(go, _("&Sections\tCtrl+1"), _("Move to the list of sections"), [this] { tree_->SetFocus(); });
  AddCommand(go, _("&Questions\tCtrl+2"), _("Move to the questions"), [this] {
    if (page_)
      page_->FocusFirst();
    else if (list_->IsShown())
      list_->FocusList();
  });
  AddCommand(go, _("&Treaty text\tCtrl+3"), _("Move to the treaty text"), [this] { reference_->SetFocus(); });

  auto* view = new wxMenu;
  AddCommand(
      view, _("Treaty &provisions...\tCtrl+Shift+P"),
      _("The instrument's provisions by theme and obligation, and the questions that cover them"),
      [this] { ProvisionsWindow::ShowFor(this); }, hasModel);

  // Agencies' contributions (contribution_actions.h).
  auto* contributions = new wxMenu;
  auto manages = [this] { return model_ && CanManageContributions(*model_); };
  AddCommand(
      contributions, _("&Assignments...\tCtrl+Shift+A"), _("Agencies, their sections, returns and conflicts"),
      [this] { ShowContributionDashboard(this, *model_); }, manages);
  AddCommand(
      contributions, _("&Import contributions..."), _("Read the contribution files agencies sent back"),
      [this] { ImportContributions(this, *model_); }, manages);
  AddCommand(
      contributions, _("Settle &conflicts..."), _("Choose between an agency's answer and yours"),
      [this] { ShowContributionConflicts(this, *model_); }, manages);
  contributions->AppendSeparator();
  AddCommand(
      contributions, _("&Export my contribution..."),
      _("Write the signed file to send back to the focal point"),
      [this] { ExportContribution(this, *model_); },
      [this] { return model_ && IsContributionRequest(*model_); });

  auto* language = new wxMenu;
  auto* questionnaireLanguage = new wxMenu;
  if (model_)
    for (const auto& code : model_->questionnaire().info.languages)
      AddCommand(
          questionnaireLanguage, LanguageName(code), _("Show the questionnaire in this language"),
          [this, code] { SetQuestionnaireLanguage(code); }, hasModel,
          [this, code] { return model_ && model_->language() == code; }, wxITEM_RADIO);
  language->AppendSubMenu(questionnaireLanguage, _("&Questionnaire"));
  auto* interfaceLanguage = new wxMenu;
  for (const auto& available : InterfaceLanguages()) {
    const std::string code = available.code;
    AddCommand(
        interfaceLanguage, available.name, _("Show menus and messages in this language"),
        [code] { Desktop::Get().SwitchInterfaceLanguage(code); }, always,
        [code] { return CurrentInterfaceLanguage() == code; }, wxITEM_RADIO);
  }
  language->AppendSubMenu(interfaceLanguage, _("&Interface"));

  auto* help = new wxMenu;
  AddCommand(help, _("&Keyboard shortcuts\tF1"), _("Every action without a mouse"),
             [this] { ShowShortcuts(this); });
  AddCommand(help, _("&About Focal"), _("Version and licence"), [] {
    wxAboutDialogInfo info;
    info.SetName("Focal");
    info.SetVersion(FOCAL_VERSION);
    info.SetDescription(
        _("Replies to the questionnaires of the United Nations Convention against Transnational "
          "Organized Crime and its Protocols."));
    wxAboutBox(info);
  });

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(edit, _("&Edit"));
  bar->Append(question, _("&Question"));
  bar->Append(view, _("&View"));
  bar->Append(go, _("&Go"));
  bar->Append(contributions, _("&Contributions"));
  bar->Append(language, _("&Language"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  // Second keys for the same commands.
  wxAcceleratorEntry extra[] = {{wxACCEL_CTRL | wxACCEL_SHIFT, 'Z', redoId}};
  SetAcceleratorTable(wxAcceleratorTable(1, extra));
  Bind(wxEVT_MENU_OPEN, [this](wxMenuEvent& event) {
    event.Skip();
    UpdateCommands();
  });
}

void MainFrame::UpdateCommands() {
  wxMenuBar* bar = GetMenuBar();
  if (!bar) return;
  for (const auto& command : commands_) {
    if (command.enabled) bar->Enable(command.id, command.enabled());
    if (command.checked) bar->Check(command.id, command.checked());
  }
}

bool MainFrame::HasCarried() const {
  QuestionEditor* editor = CurrentEditor();
  return model_ && editor && !model_->session().value(withMark(editor->Path(), "carried")).empty();
}

std::string MainFrame::CurrentStatus() const {
  QuestionEditor* editor = CurrentEditor();
  return model_ && editor ? model_->session().value(withMark(editor->Path(), "status")) : std::string();
}

void MainFrame::ConfirmCarried() {
  QuestionEditor* editor = CurrentEditor();
  if (!editor) return;
  FlushTyping();
  model_->apply({{withMark(editor->Path(), "carried"), ""}});
  SetStatus(_("Confirmed."));
}

void MainFrame::ToggleStatus(const std::string& status) {
  QuestionEditor* editor = CurrentEditor();
  if (!editor) return;
  FlushTyping();
  model_->apply({{withMark(editor->Path(), "status"), CurrentStatus() == status ? "" : status}});
  UpdateCommands();
}

void MainFrame::AddComment() {
  if (QuestionEditor* editor = CurrentEditor()) editor->AddComment();
}

void MainFrame::ShowHistory() {
  QuestionEditor* editor = CurrentEditor();
  if (!editor || !model_) return;
  FlushTyping();
  const Question& q = editor->GetQuestion();
  // Inside a record, the history of the whole repeat shows the record too.
  const std::string id = q.repeat >= 0 ? model_->questionnaire().questions[q.repeat].id : q.id;
  HistoryDialog dialog(this, *model_, id, Localized(q.label, Language(), model_->questionnaire()));
  dialog.ShowModal();
}

void MainFrame::NextProblem() {
  if (!model_) return;
  FlushTyping();
  const auto problems = model_->session().problems();
  if (problems.empty()) {
    SetStatus(_("Nothing left to resolve."));
    return;
  }
  // The first problem after the current question, in questionnaire order.
  const Questionnaire& q = model_->questionnaire();
  const QuestionEditor* editor = CurrentEditor();
  int from = editor ? q.indexOf(editor->GetQuestion().id) : -1;
  if (!editor && section_ >= 0 && !q.sections[section_].questions.empty())
    from = q.sections[section_].questions.front() - 1;
  const Problem* next = &problems.front();
  for (const auto& problem : problems)
    if (problem.question > from && (!editor || problem.path != editor->Path())) {
      next = &problem;
      break;
    }
  GoToQuestion(next->path);
  SetStatus(FromUtf8(next->message));
}

}  // namespace focal::gui
