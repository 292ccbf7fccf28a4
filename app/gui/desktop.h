// The program's windows: opens workspaces, previews and the demo into main
// windows, starts new responses, keeps the recent files, and switches the
// interface language (which rebuilds every window, right to left in Arabic).
#pragma once

#include <wx/filehistory.h>

#include <memory>
#include <string>
#include <vector>

#include "app/gui/response_model.h"

class wxWindow;

namespace focal::gui {

class MainFrame;

class Desktop {
 public:
  static Desktop& Get();

  // A workspace (.focal), a national report (.focalreport), or a questionnaire (.yaml, .yml) in preview.
  MainFrame* OpenFile(const std::string& path, wxWindow* parent = nullptr);
  MainFrame* OpenWorkspace(const std::string& path, wxWindow* parent = nullptr);
  MainFrame* OpenPreview(const std::string& path);
  // A national report (.focalreport), read-only, with the check of its signature.
  MainFrame* OpenReport(const std::string& path, wxWindow* parent = nullptr);
  // Creates the demo workspace at `path` (tip-cycle2, Austria) when it is missing, and opens it.
  MainFrame* OpenDemo(const std::string& path);
  MainFrame* ShowModel(std::shared_ptr<ResponseModel> model, const std::string& previewFile = {});

  void NewResponse(wxWindow* parent, bool fromPreviousCycle);
  void ChooseAndOpen(wxWindow* parent, bool questionnaire);
  // The welcome window; false when the user left without opening anything.
  bool ShowWelcome();

  void SwitchInterfaceLanguage(const std::string& code);
  wxFileHistory& Recent();
  void Remember(const std::string& path);
  const std::vector<MainFrame*>& Frames() const { return frames_; }
  void FrameClosing(MainFrame* frame);
  void QuitAll();
  // The system asks the program to end (SIGTERM, SIGINT, SIGHUP): every
  // window writes what is being typed and closes, without asking, so each
  // workspace is closed properly (its lock released).
  void Shutdown();

  // An error with no question to put it next to (a file that does not open).
  static void ReportError(wxWindow* parent, const wxString& message);

 private:
  std::vector<MainFrame*> frames_;
  std::unique_ptr<wxFileHistory> recent_;
};

}  // namespace focal::gui
