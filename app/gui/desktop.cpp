#include "app/gui/desktop.h"

#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>

#include <algorithm>

#include "app/gui/contribution_model.h"
#include "app/gui/demo_reply.h"
#include "app/gui/document_model.h"
#include "app/gui/main_frame.h"
#include "app/gui/new_response_dialog.h"
#include "app/gui/questionnaire_files.h"
#include "app/gui/report_model.h"
#include "app/gui/translations.h"
#include "app/gui/welcome_dialog.h"
#include "app/gui/wx_text.h"
#include "forms/countries.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace focal::gui {

Desktop& Desktop::Get() {
  static Desktop desktop;
  return desktop;
}

wxFileHistory& Desktop::Recent() {
  if (!recent_) {
    recent_ = std::make_unique<wxFileHistory>(9);
    wxConfigBase::Get()->SetPath("/Recent");
    recent_->Load(*wxConfigBase::Get());
    wxConfigBase::Get()->SetPath("/");
  }
  return *recent_;
}

void Desktop::Remember(const std::string& path) {
  wxFileName name(FromUtf8(path));
  name.MakeAbsolute();
  Recent().AddFileToHistory(name.GetFullPath());
  wxConfigBase::Get()->SetPath("/Recent");
  Recent().Save(*wxConfigBase::Get());
  wxConfigBase::Get()->SetPath("/");
  wxConfigBase::Get()->Flush();
}

void Desktop::ReportError(wxWindow* parent, const wxString& message) {
  wxMessageBox(message, _("Focal"), wxOK | wxICON_ERROR, parent);
}

MainFrame* Desktop::ShowModel(std::shared_ptr<ResponseModel> model, const std::string& previewFile) {
  auto* frame = new MainFrame(std::move(model), previewFile);
  frames_.push_back(frame);
  frame->Show();
  frame->Raise();
  return frame;
}

MainFrame* Desktop::OpenFile(const std::string& path, wxWindow* parent) {
  const wxString extension = wxFileName(FromUtf8(path)).GetExt().Lower();
  if (extension == "yaml" || extension == "yml") return OpenPreview(path);
  if (extension == "focalreport") return OpenReport(path, parent);
  return OpenWorkspace(path, parent);
}

MainFrame* Desktop::OpenWorkspace(const std::string& path, wxWindow* parent) {
  wxFileName name(FromUtf8(path));
  name.MakeAbsolute();
  for (MainFrame* frame : frames_)
    if (frame->GetModel() && !frame->GetModel()->isPreview() &&
        frame->GetModel()->filePath() == ToUtf8(name.GetFullPath())) {
      frame->Raise();
      return frame;
    }
  try {
    WorkspaceOptions options;
    options.readOnlyIfLocked = true;
    auto workspace = Workspace::open(ToUtf8(name.GetFullPath()), options);
    const auto responses = workspace->responses();
    if (responses.empty()) {
      ReportError(parent,
                  wxString::Format(_("%s holds no response yet. Use File > New response to start one."),
                                   name.GetFullName()));
      return nullptr;
    }
    ResponseId id = responses.front().id;
    if (responses.size() > 1) {
      wxArrayString choices;
      for (const auto& r : responses)
        choices.Add(FromUtf8(countryName(r.state, CurrentInterfaceLanguage())) + " - " +
                    FromUtf8(r.questionnaireId) + " " + FromUtf8(r.questionnaireVersion));
      const int chosen =
          wxGetSingleChoiceIndex(_("This workspace holds several responses. Which one do you want to open?"),
                                 _("Open a response"), choices, 0, parent);
      if (chosen < 0) return nullptr;
      id = responses[chosen].id;
    }
    auto model = std::make_shared<DocumentModel>(std::move(workspace), id);
    const auto warnings = model->openingWarnings();
    // An agency's contribution request: the window offers the agency's commands.
    MainFrame* frame = ShowModel(WithRequest(model));
    wxString text;
    for (const auto& warning : warnings) text += (text.empty() ? "" : "\n") + FromUtf8(warning);
    if (!text.empty()) frame->ShowWarning(text);
    Remember(ToUtf8(name.GetFullPath()));
    return frame;
  } catch (const std::exception& e) {
    ReportError(parent, FromUtf8(e.what()));
    return nullptr;
  }
}

MainFrame* Desktop::OpenReport(const std::string& path, wxWindow* parent) {
  std::string error;
  auto model = ReportModel::Open(path, &error);
  if (!model) {
    ReportError(parent, FromUtf8(error));
    return nullptr;
  }
  MainFrame* frame = ShowModel(model);
  Remember(path);
  return frame;
}

MainFrame* Desktop::OpenPreview(const std::string& path) {
  wxFileName name(FromUtf8(path));
  name.MakeAbsolute();
  const std::string file = ToUtf8(name.GetFullPath());
  LoadResult result = loadQuestionnaireFile(file);
  MainFrame* frame = nullptr;
  if (result.ok()) {
    // The questionnaire in the interface's language when it has it.
    const auto& languages = result.questionnaire->info.languages;
    const std::string language =
        std::find(languages.begin(), languages.end(), CurrentInterfaceLanguage()) != languages.end()
            ? CurrentInterfaceLanguage()
            : std::string();
    std::shared_ptr<PreviewModel> model;
    try {
      model = std::make_shared<PreviewModel>(result.questionnaire, language);
    } catch (const std::exception& e) {
      ReportError(nullptr, FromUtf8(e.what()));  // the store in memory could not be made
      return nullptr;
    }
    frame = ShowModel(std::move(model), file);
  } else {
    frame = ShowModel(nullptr, file);
    frame->ShowLoadErrors(file, result.diagnostics);
  }
  Remember(file);
  return frame;
}

MainFrame* Desktop::OpenDemo(const std::string& path) {
  if (!wxFileName::FileExists(FromUtf8(path))) {
    const std::string questionnaire = FindQuestionnaireFile("tip-cycle2");
    if (questionnaire.empty()) {
      ReportError(nullptr, _("The questionnaire tip-cycle2 was not found next to Focal. Reinstall Focal."));
      return nullptr;
    }
    try {
      LoadResult result = loadQuestionnaireFile(questionnaire);
      if (!result.ok()) return OpenPreview(questionnaire);
      wxFileName::Mkdir(wxFileName(FromUtf8(path)).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
      auto workspace = Workspace::create(path);
      workspace->createResponse(*result.questionnaire, "AUT", result.questionnaire->defaultLanguage(),
                                DemoAnswers(result.questionnaire), ToUtf8(_("Sample answers of the demo")));
    } catch (const std::exception& e) {
      // Without a workspace the demo still shows the questionnaire.
      MainFrame* frame = OpenPreview(questionnaire);
      if (frame) frame->ShowWarning(FromUtf8(e.what()));
      return frame;
    }
  }
  MainFrame* frame = OpenWorkspace(path);
  if (!frame) return nullptr;
  // A demo made by an earlier version was left empty: it gets its sample answers now.
  ResponseModel* model = frame->GetModel().get();
  if (model && model->session().answers().empty() &&
      model->saveStatus().state != SaveStatus::State::ReadOnly) {
    std::vector<AnswerWrite> writes;
    for (auto& [answerPath, value] : DemoAnswers(model->session().sharedQuestionnaire()))
      writes.push_back({answerPath, value});
    model->apply(writes);
  }
  frame->ShowAsDemo();
  return frame;
}

void Desktop::NewResponse(wxWindow* parent, bool fromPreviousCycle) {
  NewResponseDialog dialog(parent, fromPreviousCycle);
  if (dialog.ShowModal() != wxID_OK) return;
  MainFrame* frame = ShowModel(dialog.TakeModel());
  if (!dialog.Summary().empty()) frame->ShowWarning(dialog.Summary());
  Remember(dialog.WorkspacePath());
}

void Desktop::ChooseAndOpen(wxWindow* parent, bool questionnaire) {
  wxString directory;
  if (questionnaire && !QuestionnaireDirectories().empty())
    directory = FromUtf8(QuestionnaireDirectories().front());
  wxFileDialog dialog(parent, questionnaire ? _("Preview a questionnaire") : _("Open a workspace"), directory,
                      wxString(),
                      questionnaire ? _("Questionnaires (*.yaml)|*.yaml;*.yml|All files (*)|*")
                                    : _("Focal workspaces (*.focal)|*.focal|All files (*)|*"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  if (questionnaire)
    OpenPreview(ToUtf8(dialog.GetPath()));
  else
    OpenWorkspace(ToUtf8(dialog.GetPath()), parent);
}

bool Desktop::ShowWelcome() {
  for (;;) {
    WelcomeDialog welcome(nullptr);
    const int result = welcome.ShowModal();
    if (result == wxID_CANCEL || result == wxID_EXIT) return false;
    switch (welcome.Choice()) {
      case WelcomeDialog::Action::Open:
        if (OpenFile(welcome.Path())) return true;
        break;
      case WelcomeDialog::Action::New:
      case WelcomeDialog::Action::FromPrevious: {
        const std::size_t before = frames_.size();
        NewResponse(nullptr, welcome.Choice() == WelcomeDialog::Action::FromPrevious);
        if (frames_.size() > before) return true;
        break;
      }
      case WelcomeDialog::Action::None:
        return false;
    }
  }
}

void Desktop::SwitchInterfaceLanguage(const std::string& code) {
  if (code == CurrentInterfaceLanguage()) return;
  RememberInterfaceLanguage(code);
  ApplyInterfaceLanguage(code);
  // Every window is built again: its strings and its direction change.
  const auto old = frames_;
  for (MainFrame* frame : old) {
    frame->FlushTyping();
    const int section = frame->CurrentSection();
    const bool review = frame->ReviewShown();
    const wxRect rect = frame->GetRect();
    const bool maximized = frame->IsMaximized();
    auto* fresh = new MainFrame(frame->GetModel(), frame->PreviewFile());
    fresh->SetSize(rect);
    if (maximized) fresh->Maximize();
    frames_.push_back(fresh);
    fresh->Show();
    if (review)
      fresh->OpenReview();
    else if (section >= 0)
      fresh->OpenSection(section);
    std::erase(frames_, frame);
    frame->Destroy();
  }
}

void Desktop::FrameClosing(MainFrame* frame) { std::erase(frames_, frame); }

void Desktop::QuitAll() {
  const auto all = frames_;
  for (MainFrame* frame : all)
    if (!frame->Close()) return;
}

void Desktop::Shutdown() {
  const auto all = frames_;
  for (MainFrame* frame : all) {
    frame->FlushTyping();
    frame->Close(true);
  }
}

}  // namespace focal::gui
