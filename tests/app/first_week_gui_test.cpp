// What a focal point meets in the first week (issue "The focal point's
// first week"): a save status that says "Saving…" until the store has the
// text, typed text written on leaving the field, on closing and on SIGTERM,
// a plain crash banner that can be closed and does not follow a clean
// SIGTERM, and questionnaires named by instrument and cycle.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include <csignal>
#include <fstream>
#include <set>

#include "app/gui/app.h"
#include "app/gui/banner.h"
#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/main_frame.h"
#include "app/gui/new_response_dialog.h"
#include "app/gui/question_page.h"
#include "forms/workspace.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

class FirstWeekTest : public GuiTest {
 protected:
  std::string Create() { return EveryTypeWorkspace(directory_); }
  static MainFrame* Open(const std::string& file) { return ShowFrame(Desktop::Get().OpenWorkspace(file)); }
  static wxString Saved() { return wxString::FromUTF8("✓ ") + _("All changes saved"); }
};

TEST_F(FirstWeekTest, TheStatusSaysSavingUntilTheStoreHasTheText) {
  const std::string file = Create();
  MainFrame* frame = Open(file);
  ASSERT_NE(frame, nullptr);
  EXPECT_EQ(frame->SaveStatusText(), Saved());
  auto* name = InEditor<wxTextCtrl>(frame, "name");
  ASSERT_NE(name, nullptr);
  Click(name);
  Type("Abc");
  // Within the typing pause: not written yet, and the status does not claim it is.
  EXPECT_EQ(Stored(file, "name"), "");
  EXPECT_EQ(frame->SaveStatusText(), "Saving...");
  ASSERT_TRUE(WaitUntil([&] { return frame->SaveStatusText() == Saved(); }));
  EXPECT_EQ(Stored(file, "name"), "Abc");

  // Leaving the field writes at once, without waiting for the pause.
  Type("Def");
  EXPECT_EQ(frame->SaveStatusText(), "Saving...");
  Click(InEditor<wxTextCtrl>(frame, "budget"));
  EXPECT_EQ(Stored(file, "name"), "AbcDef");
  EXPECT_EQ(frame->SaveStatusText(), Saved());

  // Closing the window writes what was being typed.
  Click(name);
  name->SetInsertionPointEnd();
  Type("Ghi");
  EXPECT_EQ(Stored(file, "name"), "AbcDef");
  frame->Close();
  Pump(100);
  EXPECT_EQ(Stored(file, "name"), "AbcDefGhi");
}

TEST_F(FirstWeekTest, SigtermWritesTheTypedTextAndClosesTheWorkspaceCleanly) {
  const std::string file = Create();
  MainFrame* frame = Open(file);
  ASSERT_NE(frame, nullptr);
  gui::InstallShutdownSignals();
  Click(InEditor<wxTextCtrl>(frame, "name"));
  Type("Typed just before the kill");
  EXPECT_EQ(Stored(file, "name"), "");
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  ASSERT_TRUE(WaitUntil([] { return Desktop::Get().Frames().empty(); }));
  Pump(200);
  EXPECT_EQ(Stored(file, "name"), "Typed just before the kill");
  // Closed properly: no banner about an improper close when it opens again.
  frame = Open(file);
  ASSERT_NE(frame, nullptr);
  EXPECT_FALSE(frame->GetBanner()->IsShown()) << frame->GetBanner()->Message().utf8_string();
}

TEST_F(FirstWeekTest, AfterACrashThePlainBannerCanBeClosed) {
  const std::string file = Create();
  // A program that opens the workspace and dies without closing it.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      auto workspace = Workspace::open(file);
      workspace.release();  // never closed: the lock stays behind
    } catch (...) {
    }
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  MainFrame* frame = Open(file);
  ASSERT_NE(frame, nullptr);
  gui::Banner* banner = frame->GetBanner();
  ASSERT_TRUE(banner->IsShown());
  const std::string message = banner->Message().utf8_string();
  EXPECT_NE(message.find("Focal was not closed properly last time"), std::string::npos) << message;
  const std::string pid = std::to_string(child);
  for (const std::string& internal :
       {std::string("machine"), std::string("program "), std::string("took"), std::string("root"), pid})
    EXPECT_EQ(message.find(internal), std::string::npos) << internal << " in: " << message;
  Screenshot(frame, "crash-banner");
  ASSERT_TRUE(banner->CloseButton()->IsShown());
  Click(banner->CloseButton());
  EXPECT_FALSE(banner->IsShown());
}

TEST_F(FirstWeekTest, NewResponseNamesEachQuestionnaireByInstrumentAndCycle) {
  gui::NewResponseDialog dialog(nullptr, false);
  dialog.Show();
  Pump(200);
  wxListBox* list = dialog.List();
  ASSERT_GE(list->GetCount(), 5u);
  std::set<wxString> lines;
  for (unsigned i = 0; i < list->GetCount(); ++i) {
    const wxString line = list->GetString(i);
    SCOPED_TRACE(line.utf8_string());
    EXPECT_TRUE(lines.insert(line).second) << "two questionnaires look the same";
    EXPECT_TRUE(line.Contains(_("reporting cycle")));
    EXPECT_FALSE(line.Contains(wxString::FromUTF8("…")));
    // The whole line fits in the list: nothing is cut off.
    EXPECT_LT(list->GetTextExtent(line).x, list->GetClientSize().x);
  }
  for (unsigned i = 0; i < list->GetCount(); ++i) {
    list->SetSelection(i);
    wxCommandEvent chosen(wxEVT_LISTBOX, list->GetId());
    chosen.SetEventObject(list);
    chosen.SetInt(i);
    list->ProcessWindowEvent(chosen);
    if (list->GetString(i).Contains("(tip-cycle2,")) break;
  }
  const wxString title = dialog.ChosenTitle();
  // The whole title, wrapped, with its cycle.
  EXPECT_TRUE(title.Contains("(second reporting cycle)")) << title.utf8_string();
  Screenshot(&dialog, "new-response");
  dialog.Hide();
}

const std::string kFields = OneSectionQuestionnaire(
    "gui-fields", "Fields",
    R"(      - {id: day, type: date, label: {en: Day of adoption}, min: 2000-01-01, max: 2030-12-31}
      - {id: since, type: year, label: {en: Year of the first plan}, min: 1945, max: 2030}
      - {id: law, type: legislation, label: {en: Please cite the law.}}
      - {id: partner, type: country, label: {en: Partner State}}
      - {id: title, type: text, label: {en: Title of the agreement}}
)");

class FieldsTest : public GuiTest {
 protected:
  MainFrame* Open() {
    const std::string file = directory_ + "/fields.yaml";
    std::ofstream(file) << kFields;
    return ShowFrame(Desktop::Get().OpenPreview(file));
  }
};

TEST_F(FieldsTest, DatesSayWhatIsWrongAndTheCalendarKeepsToTheRule) {
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  // A date written the right way whose day does not exist.
  Click(InEditor<wxTextCtrl>(frame, "day"));
  Type("2026-02-30");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("day") == "2026-02-30"; }));
  Pump(100);
  EXPECT_NE(ShownContaining(frame, "day", "2026-02-30 does not exist"), nullptr);
  EXPECT_EQ(ShownContaining(frame, "day", "YYYY-MM-DD,"), nullptr);

  // The year's range, written as a range.
  EXPECT_NE(ShownContaining(frame, "since", wxString::FromUTF8("(1945–2030)")), nullptr);
  EXPECT_EQ(ShownContaining(frame, "since", _("from")), nullptr);

  // The calendar offers only the dates the question allows.
  wxDateTime lower, upper;
  bool seen = false;
  // The calendar is a modal dialog: looked at from a timer, inside its loop.
  wxTimer timer;
  timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    for (wxWindow* window : wxTopLevelWindows)
      if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) {
        timer.Stop();
        if (auto* calendar =
                dynamic_cast<wxCalendarCtrlBase*>(wxWindow::FindWindowByName("calendar", dialog))) {
          seen = calendar->GetDateRange(&lower, &upper);
          Screenshot(dialog, "calendar-bounded");
        }
        dialog->EndModal(wxID_CANCEL);
        return;
      }
  });
  timer.Start(100);
  Click(InEditor<wxButton>(frame, "day"));
  ASSERT_TRUE(WaitUntil([&] { return !timer.IsRunning(); }));
  EXPECT_TRUE(seen);
  EXPECT_EQ(lower.FormatISODate(), "2000-01-01");
  EXPECT_EQ(upper.FormatISODate(), "2030-12-31");

  // A citation's date error shows under its date, above the excerpt.
  const std::vector<wxTextCtrl*> citation = AllInEditor<wxTextCtrl>(frame, "law");
  ASSERT_EQ(citation.size(), 5u);
  wxTextCtrl* date = citation[2];
  wxTextCtrl* excerpt = citation[4];
  Click(date);
  Type("2026-02-30");
  Click(excerpt);
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("law/date") == "2026-02-30"; }));
  Pump(100);
  wxStaticText* message = ShownContaining(frame, "law", "does not exist");
  ASSERT_NE(message, nullptr);
  const int y = message->GetScreenPosition().y;
  EXPECT_GT(y, date->GetScreenPosition().y);
  EXPECT_LT(y, citation[3]->GetScreenPosition().y) << "the message is not right under the date";
  Screenshot(frame, "dates");
}

TEST_F(FieldsTest, MessagesChangeWhenAFieldIsLeftNotWhileTyping) {
  MainFrame* frame = Open();
  ASSERT_NE(frame, nullptr);
  auto* year = InEditor<wxTextCtrl>(frame, "since");
  wxWindow* below = frame->Page()->EditorAt("law")->Window();
  const int before = below->GetScreenPosition().y;
  Click(year);
  Type("19");
  // Past the typing pause: "19" is written and is wrong, but nothing moves while typing.
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("since") == "19"; }));
  Pump(300);
  ASSERT_FALSE(frame->GetModel()->session().error("since").empty());
  EXPECT_EQ(ShownContaining(frame, "since", wxString::FromUTF8("⚠")), nullptr);
  EXPECT_EQ(below->GetScreenPosition().y, before);
  EXPECT_EQ(wxWindow::FindFocus(), year);
  Type("99");
  ASSERT_TRUE(WaitUntil([&] { return frame->GetModel()->session().value("since") == "1999"; }));
  PressKey(WXK_TAB);
  Pump(100);
  EXPECT_EQ(ShownContaining(frame, "since", wxString::FromUTF8("⚠")), nullptr);
  // A wrong value left behind is said when the field is left.
  Click(year);
  year->SelectAll();
  Type("12");
  PressKey(WXK_TAB);
  ASSERT_TRUE(WaitUntil([&] { return ShownContaining(frame, "since", wxString::FromUTF8("⚠")) != nullptr; }));

  // A country typed by name: the message speaks of the list, not of codes.
  auto* country = InEditor<wxComboBox>(frame, "partner");
  ASSERT_NE(country, nullptr);
  Click(country);
  Type("Germ");
  // The user clicks the next field and types: the text goes there.
  auto* title = InEditor<wxTextCtrl>(frame, "title");
  Click(title);
  EXPECT_EQ(wxWindow::FindFocus(), title);
  Type("Agreement");
  Pump(800);
  EXPECT_EQ(frame->GetModel()->session().value("title"), "Agreement");
  EXPECT_EQ(frame->GetModel()->session().value("partner"), "Germ");
  wxStaticText* said = ShownContaining(frame, "partner", wxString::FromUTF8("⚠"));
  ASSERT_NE(said, nullptr);
  EXPECT_TRUE(said->GetLabelText().Contains(_("Choose a country from the list"))) << said->GetLabelText();
  EXPECT_FALSE(said->GetLabelText().Contains("ISO"));
  Screenshot(frame, "fields-left");
}

}  // namespace
}  // namespace focal::test
