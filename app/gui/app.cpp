#include "app/gui/app.h"

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/cshelp.h>
#include <wx/dialog.h>
#include <wx/image.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "app/gui/desktop.h"
#include "app/gui/toolkit_style.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

void InitializeDesktop(const std::string& language) {
  wxTheApp->SetAppName("focal");
  wxTheApp->SetAppDisplayName("Focal");
  wxHelpProvider::Set(new wxSimpleHelpProvider);
  wxInitAllImageHandlers();
  RenderIndicatorMarksOnce();
  ApplyInterfaceLanguage(language.empty() ? PreferredInterfaceLanguage() : language);
}

void InstallShutdownSignals() {
  // wx calls the handler from the event loop, not inside the signal.
  for (int signal : {SIGTERM, SIGINT, SIGHUP})
    wxTheApp->SetSignalHandler(signal, [](int) {
      Desktop::Get().Shutdown();
      // A dialog left open (the welcome window) would keep the program running.
      for (wxWindow* window : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal())
          dialog->EndModal(wxID_CANCEL);
    });
}

void PrepareToolkit() { setenv("GDK_GL", "disable", /*overwrite=*/0); }

FocalApp::FocalApp() { PrepareToolkit(); }

void FocalApp::OnInitCmdLine(wxCmdLineParser& parser) {
  static const wxCmdLineEntryDesc entries[] = {
      {wxCMD_LINE_SWITCH, "h", "help", "show this help", wxCMD_LINE_VAL_NONE, wxCMD_LINE_OPTION_HELP},
      {wxCMD_LINE_SWITCH, nullptr, "version", "print the version and exit", wxCMD_LINE_VAL_NONE, 0},
      {wxCMD_LINE_OPTION, nullptr, "demo", "create (when missing) and open a demo workspace at PATH",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_OPTION, nullptr, "language", "interface language: en, fr, es, ar, ru or zh",
       wxCMD_LINE_VAL_STRING, 0},
      {wxCMD_LINE_PARAM, nullptr, nullptr, "a workspace (.focal) or a questionnaire (.yaml)",
       wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL},
      wxCMD_LINE_DESC_END,
  };
  parser.SetDesc(entries);
  parser.SetLogo("Focal " FOCAL_VERSION);
}

bool FocalApp::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (parser.Found("version")) {
    std::printf("focal %s\n", FOCAL_VERSION);
    std::exit(0);
  }
  parser.Found("demo", &demo_);
  parser.Found("language", &language_);
  if (parser.GetParamCount() > 0) file_ = parser.GetParam(0);
  return true;
}

bool FocalApp::OnInit() {
  if (!wxApp::OnInit()) return false;
  InitializeDesktop(ToUtf8(language_));
  InstallShutdownSignals();
  Desktop& desktop = Desktop::Get();
  if (!demo_.empty()) return desktop.OpenDemo(ToUtf8(demo_)) != nullptr;
  if (!file_.empty()) return desktop.OpenFile(ToUtf8(file_)) != nullptr;
  return desktop.ShowWelcome();
}

}  // namespace focal::gui
