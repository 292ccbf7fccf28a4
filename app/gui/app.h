// The desktop program:
//   focal                    the welcome window
//   focal FILE.focal         opens a workspace
//   focal QUESTIONNAIRE.yaml previews a questionnaire, reloaded when it changes
//   focal --demo PATH        creates (when missing) and opens a demo workspace on tip-cycle2
//   focal --language CODE    the interface language: en, fr, es, ar, ru or zh
#pragma once

#include <wx/app.h>

namespace focal::gui {

class FocalApp : public wxApp {
 public:
  FocalApp();
  bool OnInit() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;

 private:
  wxString file_, demo_, language_;
};

// Before the toolkit starts (the app object's constructor, before
// wxEntryStart): GTK 3 opens an OpenGL driver when it opens the display, to
// pick visuals for GL drawing that Focal never does; with Mesa that driver
// is LLVM, about 50 MB of the program's memory and part of its start.
// GDK_GL=disable skips it, unless the user has set GDK_GL.
void PrepareToolkit();

// What every Focal program with windows does first (also the GUI tests).
void InitializeDesktop(const std::string& language = {});

// SIGTERM, SIGINT and SIGHUP close every window cleanly (Desktop::Shutdown)
// instead of killing the program with the typed text and the lock behind.
void InstallShutdownSignals();

}  // namespace focal::gui
