// The toolkit starts without an OpenGL driver (app/gui/app.h,
// PrepareToolkit): GTK 3 would otherwise load one when it opens the display,
// with Mesa about 50 MB of LLVM that Focal never draws with (issue "The focal
// point's first week": peak memory under 120 MB).
#include <cstdlib>
#include <fstream>
#include <string>

#include "app/gui/app.h"
#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

// The shared objects this process has mapped whose path contains `part`.
std::string MappedLike(const std::string& part) {
  std::ifstream maps("/proc/self/maps");
  std::string line, found;
  while (std::getline(maps, line))
    if (line.find(part) != std::string::npos) found += line.substr(line.rfind(' ') + 1) + "\n";
  return found;
}

class ToolkitTest : public GuiTest {};

TEST_F(ToolkitTest, AWindowOpensWithoutLoadingAnOpenGlDriver) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  const std::string file = directory_ + "/toolkit.focal";
  {
    LoadResult result = loadQuestionnaireFile(std::string(FOCAL_TEST_DATA) + "/every-type.yaml");
    ASSERT_TRUE(result.ok());
    Workspace::create(file)->createResponse(*result.questionnaire, "FRA", "en", {});
  }
  gui::MainFrame* frame = gui::Desktop::Get().OpenWorkspace(file);
  ASSERT_NE(frame, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return frame->IsShownOnScreen() && frame->Page(); }));
  Pump(100);
  EXPECT_STREQ(std::getenv("GDK_GL"), "disable");
  EXPECT_EQ(MappedLike("_dri.so"), "");
  EXPECT_EQ(MappedLike("libLLVM"), "");
  frame->Close(true);
  Pump(50);
}

TEST(Toolkit, AUsersOwnChoiceOfGlIsKept) {
  const char* before = std::getenv("GDK_GL");
  const std::string saved = before ? before : "";
  setenv("GDK_GL", "always", 1);
  gui::PrepareToolkit();
  EXPECT_STREQ(std::getenv("GDK_GL"), "always");
  unsetenv("GDK_GL");
  gui::PrepareToolkit();
  EXPECT_STREQ(std::getenv("GDK_GL"), "disable");
  if (before)
    setenv("GDK_GL", saved.c_str(), 1);
  else
    unsetenv("GDK_GL");
}

}  // namespace
}  // namespace focal::test
