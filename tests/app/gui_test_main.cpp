// The GUI tests' main: wx is started only when there is a display (the
// tests are listed without one at build time), its asserts become test
// failures, and its configuration goes to a temporary file, never the
// user's.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/dir.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "app/gui/app.h"
#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {

namespace {
bool haveDisplay = false;

class TestApp : public wxApp {
 public:
  TestApp() { focal::gui::PrepareToolkit(); }  // as the program does
  bool OnInit() override { return true; }
};

void FailOnAssert(const wxString& file, int line, const wxString& function, const wxString& condition,
                  const wxString& message) {
  ADD_FAILURE() << "wx assert in " << function.utf8_string() << " (" << file.utf8_string() << ":" << line
                << "): " << condition.utf8_string() << " " << message.utf8_string();
}
}  // namespace

bool HaveDisplay() { return haveDisplay; }

void Pump(int ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  do {
    while (wxTheApp->Pending()) wxTheApp->Dispatch();
    wxTheApp->ProcessPendingEvents();
    wxTheApp->ProcessIdle();
    wxYield();
    if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  } while (std::chrono::steady_clock::now() < until);
}

bool WaitUntil(const std::function<bool()>& done, int timeoutMs) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    Pump(20);
  }
  return true;
}

void Click(wxWindow* window) {
  ASSERT_NE(window, nullptr);
  ASSERT_TRUE(window->IsShownOnScreen()) << window->GetName().utf8_string() << " is not on screen";
  // Focus first, as a keyboard user would: the scrolled page brings the
  // control into view, so the pointer lands on it and not below the fold.
  window->SetFocus();
  Pump(50);
  const wxRect rect = window->GetScreenRect();
  wxUIActionSimulator simulator;
  simulator.MouseMove(rect.GetLeft() + std::min(rect.GetWidth() / 2, 12),
                      rect.GetTop() + rect.GetHeight() / 2);
  Pump(50);
  simulator.MouseClick();
  Pump(150);
}

void Type(const std::string& text) {
  wxUIActionSimulator simulator;
  simulator.Text(text.c_str());
  Pump(100);
}

void PressKey(int keycode, int modifiers) {
  wxUIActionSimulator simulator;
  simulator.Char(keycode, modifiers);
  Pump(100);
}

std::string Screenshot(wxTopLevelWindow* window, const std::string& name) {
  const std::string directory = std::string(FOCAL_BINARY_DIR) + "/screenshots";
  std::filesystem::create_directories(directory);
  const std::string file = directory + "/" + name + ".png";
  window->Raise();
  window->Refresh();
  window->Update();
  Pump(400);
  const wxRect rect = window->GetScreenRect();
  // ImageMagick reads the X server's own pixels: what a person would see.
  const std::string command = "import -display " + std::string(std::getenv("DISPLAY")) +
                              " -window root -crop " + std::to_string(rect.width) + "x" +
                              std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                              std::to_string(rect.y) + " +repage '" + file + "'";
  if (std::system(command.c_str()) != 0) return {};
  return file;
}

std::string TemporaryDirectory() {
  const std::string pattern = (std::filesystem::temp_directory_path() / "focal-gui-XXXXXX").string();
  std::string buffer = pattern;
  if (!mkdtemp(buffer.data())) return {};
  return buffer;
}

void GuiTest::SetUp() {
  if (!HaveDisplay()) GTEST_SKIP() << "no display: the GUI tests run under Xvfb (make test)";
  directory_ = TemporaryDirectory();
  ASSERT_FALSE(directory_.empty());
}

void GuiTest::TearDown() {
  if (!HaveDisplay()) return;
  for (auto* frame : gui::Desktop::Get().Frames()) frame->Close(true);
  Pump(100);
  std::error_code ignored;
  if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
}

}  // namespace focal::test

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  // Listing the tests (at build time) needs no display.
  if (testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
  wxApp::SetInstance(new focal::test::TestApp);
  if (std::getenv("DISPLAY") && wxEntryStart(argc, argv) && wxTheApp->CallOnInit()) {
    focal::test::haveDisplay = true;
    wxSetAssertHandler(focal::test::FailOnAssert);
    const std::string config = focal::test::TemporaryDirectory() + "/focal.ini";
    wxConfigBase::Set(
        new wxFileConfig("focal-test", wxEmptyString, config, wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    // The preparer's name is known, so no window asks for it (first_week_gui_test asks).
    wxConfigBase::Get()->Write("/Preparer/Name", "Test Preparer");
    focal::gui::InitializeDesktop("en");
  }
  const int result = RUN_ALL_TESTS();
  if (focal::test::haveDisplay) {
    wxTheApp->OnExit();
    wxEntryCleanup();
  }
  return result;
}
