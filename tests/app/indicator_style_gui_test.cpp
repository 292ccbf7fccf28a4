// Ticked check boxes and radio buttons look the same, to the pixel, with
// their marks rendered once through the icon theme (app/gui/toolkit_style.h)
// as with the theme's own rule, and the marks are there: an icon not found
// leaves the boxes blue and empty (182 pixels differ then).
#include <wx/checkbox.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>

#include <cstdlib>
#include <string>

#include "app/gui/toolkit_style.h"
#include "tests/app/gui_fixture.h"

namespace focal::test {
namespace {

class IndicatorStyleTest : public GuiTest {
 protected:
  void TearDown() override {
    gui::RenderIndicatorMarksOnce(true);
    if (frame_) frame_->Destroy();
    Pump(50);
    GuiTest::TearDown();
  }
  void Build() {
    frame_ = new wxFrame(nullptr, wxID_ANY, "Indicators", wxPoint(40, 40), wxSize(260, 230));
    auto* panel = new wxPanel(frame_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    ticked_ = new wxCheckBox(panel, wxID_ANY, "Ticked");
    mixed_ = new wxCheckBox(panel, wxID_ANY, "Partly", wxDefaultPosition, wxDefaultSize, wxCHK_3STATE);
    yes_ = new wxRadioButton(panel, wxID_ANY, "Yes", wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    no_ = new wxRadioButton(panel, wxID_ANY, "No");
    locked_ = new wxCheckBox(panel, wxID_ANY, "Ticked, not to be changed");
    locked_->Disable();
    for (wxWindow* w : std::initializer_list<wxWindow*>{ticked_, mixed_, yes_, no_, locked_})
      sizer->Add(w, 0, wxALL, 6);
    panel->SetSizer(sizer);
    frame_->Show();
    ASSERT_TRUE(WaitUntil([&] { return frame_->IsShownOnScreen(); }));
  }
  void Tick(bool on) {
    ticked_->SetValue(on);
    locked_->SetValue(on);
    mixed_->Set3StateValue(on ? wxCHK_UNDETERMINED : wxCHK_UNCHECKED);
    (on ? yes_ : no_)->SetValue(true);
    no_->SetValue(!on);
    yes_->SetValue(on);
  }
  // The buttons' pixels as the X server shows them.
  wxImage Capture(const std::string& name) {
    const std::string file = Screenshot(frame_, name);
    wxImage image;
    EXPECT_FALSE(file.empty());
    if (!file.empty()) {
      EXPECT_TRUE(image.LoadFile(file, wxBITMAP_TYPE_PNG));
    }
    return image;
  }

  wxFrame* frame_ = nullptr;
  wxCheckBox *ticked_ = nullptr, *mixed_ = nullptr, *locked_ = nullptr;
  wxRadioButton *yes_ = nullptr, *no_ = nullptr;
};

// How many pixels differ by more than `tolerance` in some colour.
int Differing(const wxImage& a, const wxImage& b, int tolerance) {
  if (!a.IsOk() || !b.IsOk() || a.GetSize() != b.GetSize()) return -1;
  const unsigned char* p = a.GetData();
  const unsigned char* q = b.GetData();
  int count = 0;
  for (int i = 0; i < a.GetWidth() * a.GetHeight(); ++i)
    if (std::abs(p[3 * i] - q[3 * i]) > tolerance || std::abs(p[3 * i + 1] - q[3 * i + 1]) > tolerance ||
        std::abs(p[3 * i + 2] - q[3 * i + 2]) > tolerance)
      ++count;
  return count;
}

TEST_F(IndicatorStyleTest, TickedButtonsLookAsTheThemeDrawsThemWithTheirMarks) {
  if (const char* scale = std::getenv("GDK_SCALE"); scale && std::string(scale) != "1") {
    // The marks would be drawn at half size: the theme's rule stays.
    EXPECT_FALSE(gui::IndicatorMarksRenderedOnce());
    return;
  }
  ASSERT_TRUE(gui::IndicatorMarksRenderedOnce()) << "the tests run with GTK's default theme, Adwaita";
  Build();
  Tick(true);
  const wxImage once = Capture("indicators-rendered-once");
  gui::RenderIndicatorMarksOnce(false);
  ASSERT_FALSE(gui::IndicatorMarksRenderedOnce());
  const wxImage theme = Capture("indicators-theme-svg");
  Tick(false);
  const wxImage unticked = Capture("indicators-unticked");

  // Ticking changes many pixels (the blue boxes and their marks)...
  const int ticking = Differing(theme, unticked, 48);
  EXPECT_GT(ticking, 200);
  // ...and the marks rendered once are the theme's (0 pixels differ on
  // Debian 12; a few of anti-aliasing allowed), not an absent mark.
  const int marks = Differing(once, theme, 48);
  EXPECT_GE(marks, 0);
  EXPECT_LT(marks, 12) << "of " << ticking << " pixels that ticking changes";
}

}  // namespace
}  // namespace focal::test
