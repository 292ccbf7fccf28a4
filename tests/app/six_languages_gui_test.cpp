// The interface in the six UN languages: each language is offered and its
// catalog loads (the window's strings through wxTranslations, the engine's
// through libintl); and the words Focal adds to the questionnaire ("Yes",
// "No", "Other, please specify:", "Information not available", a table's
// "Total") follow the questionnaire language, not the interface language.
#include <libintl.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "app/gui/desktop.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/label_wrap.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "app/gui/translations.h"
#include "tests/app/gui_fixture.h"
#include "tests/app/gui_frames.h"

namespace focal::test {
namespace {

using gui::Desktop;
using gui::MainFrame;

// A message as the engine reads it (forms/i18n.h's tr(), whose N_ clashes with wx's).
const char* tr(const char* message) { return dgettext("focal", message); }

// The labels of the controls of type T in the editor of `path`.
template <typename T>
std::vector<wxString> Labels(MainFrame* frame, const std::string& path) {
  std::vector<wxString> out;
  for (T* control : AllInEditor<T>(frame, path))
    if (!control->GetLabel().empty()) out.push_back(control->GetLabel());
  return out;
}

bool Has(const std::vector<wxString>& labels, const char* utf8) {
  return std::find(labels.begin(), labels.end(), wxString::FromUTF8(utf8)) != labels.end();
}

class SixLanguages : public GuiTest {
 protected:
  void TearDown() override {
    Desktop::Get().SwitchInterfaceLanguage("en");
    Pump(100);
    GuiTest::TearDown();
  }
  MainFrame* Preview() {
    MainFrame* frame = Desktop::Get().OpenPreview(kEveryType);
    frame->SetSize(1200, 800);
    return WaitShown(frame);
  }
  // Switches the interface; the windows are built again.
  MainFrame* Interface(const std::string& code) {
    Desktop::Get().SwitchInterfaceLanguage(code);
    Pump(200);
    MainFrame* frame = Desktop::Get().Frames().front();
    EXPECT_TRUE(WaitUntil([&] { return frame->Page() != nullptr; }));
    return frame;
  }
};

TEST(InterfaceLanguages, TheSixUnLanguagesAreOffered) {
  std::vector<std::string> codes;
  for (const auto& language : gui::InterfaceLanguages()) codes.push_back(language.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"en", "fr", "es", "ar", "ru", "zh"}));
  EXPECT_EQ(gui::CatalogName("zh"), "zh_CN");
  EXPECT_EQ(gui::CatalogName("ru"), "ru");
  for (const auto& language : gui::InterfaceLanguages()) {
    EXPECT_EQ(language.name, gui::LanguageName(language.code));
    EXPECT_EQ(language.rightToLeft, language.code == "ar");
  }
}

TEST(InterfaceLanguages, FocalLanguageChoosesRussianOrChinese) {
  for (const char* code : {"ru", "zh"}) {
    setenv("FOCAL_LANGUAGE", code, 1);
    EXPECT_EQ(gui::PreferredInterfaceLanguage(), code);
  }
  unsetenv("FOCAL_LANGUAGE");
}

TEST_F(SixLanguages, EachCatalogLoadsForTheWindowAndTheEngine) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  Preview();
  const std::map<std::string, std::pair<const char*, const char*>> expected = {
      // the first menu's title, and the engine's "This question is required."
      {"fr", {"Fichier", "Cette question est obligatoire."}},
      {"es", {"Archivo", "Esta pregunta es obligatoria."}},
      {"ar", {"ملف", nullptr}},
      {"ru", {"Файл", "Это обязательный вопрос."}},
      {"zh", {"文件", "此问题为必答题。"}},
  };
  for (const auto& [code, words] : expected) {
    MainFrame* frame = Interface(code);
    EXPECT_EQ(gui::CurrentInterfaceLanguage(), code);
    EXPECT_TRUE(frame->GetMenuBar()->GetMenuLabelText(0).StartsWith(wxString::FromUTF8(words.first)))
        << code << ": " << frame->GetMenuBar()->GetMenuLabelText(0);
    EXPECT_NE(_("Keyboard shortcuts"), "Keyboard shortcuts") << code;
    if (words.second) {
      EXPECT_STREQ(tr("This question is required."), words.second) << code;
    }
    EXPECT_STRNE(tr("This question is required."), "This question is required.") << code;
  }
  MainFrame* frame = Interface("en");
  EXPECT_EQ(frame->GetMenuBar()->GetMenuLabelText(0), "File");
  EXPECT_STREQ(tr("This question is required."), "This question is required.");
}

TEST_F(SixLanguages, YesNoAndOtherFollowTheQuestionnaireLanguage) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  Preview();
  // The case: the interface in Spanish, the questionnaire in Arabic.
  MainFrame* frame = Interface("es");
  frame->SetQuestionnaireLanguage("ar");
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() != nullptr; }));
  auto radios = Labels<wxRadioButton>(frame, "gate");
  EXPECT_TRUE(Has(radios, "نعم")) << radios.size();
  EXPECT_TRUE(Has(radios, "لا"));
  EXPECT_FALSE(Has(radios, "Sí"));
  EXPECT_TRUE(Has(Labels<wxRadioButton>(frame, "authority"), "غير ذلك، يرجى التحديد:"));
  EXPECT_TRUE(Has(Labels<wxCheckBox>(frame, "forms"), "غير ذلك، يرجى التحديد:"));
  // The question's More menu: "Information not available" in the content
  // language, the interface's own words ("Clear the answer") in Spanish.
  auto more = frame->Page()->EditorAt("name")->MoreMenu();
  EXPECT_EQ(more->GetLabelText(gui::QuestionEditor::kMoreNotAvailable),
            wxString::FromUTF8("المعلومات غير متاحة"));
  EXPECT_EQ(more->GetLabelText(gui::QuestionEditor::kMoreClear), wxString::FromUTF8("Borrar la respuesta"));

  // The table's totals, in the second section.
  frame->OpenSection(1);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->EditorAt("victims"); }));
  const std::vector<wxGrid*> grids = AllInEditor<wxGrid>(frame, "victims");
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0]->GetColLabelValue(2), wxString::FromUTF8("المجموع"));
  EXPECT_EQ(grids[0]->GetRowLabelValue(2), wxString::FromUTF8("المجموع"));

  // The questionnaire in French, the interface in Russian; then in English.
  frame = Interface("ru");
  frame->SetQuestionnaireLanguage("fr");
  frame->OpenSection(0);
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->EditorAt("gate"); }));
  radios = Labels<wxRadioButton>(frame, "gate");
  EXPECT_TRUE(Has(radios, "Oui"));
  EXPECT_TRUE(Has(radios, "Non"));
  EXPECT_FALSE(Has(radios, "Да"));
  frame->SetQuestionnaireLanguage("en");
  ASSERT_TRUE(WaitUntil([&] { return frame->Page() && frame->Page()->EditorAt("gate"); }));
  EXPECT_TRUE(Has(Labels<wxRadioButton>(frame, "gate"), "Yes"));
  EXPECT_EQ(frame->Page()->EditorAt("name")->MoreMenu()->GetLabelText(gui::QuestionEditor::kMoreNotAvailable),
            "Information not available");
}

TEST_F(SixLanguages, ChineseLabelsWrapBetweenCharacters) {
  if (!HaveDisplay()) GTEST_SKIP() << "no display";
  MainFrame* frame = Preview();
  auto* label = new wxStaticText(frame, wxID_ANY, wxString());
  const wxString text = wxString::FromUTF8(
      "目的：根据缔约方会议第二届会议通过的工作方案（第2/"
      "3号决定），向缔约国和签署国收集其执行《议定书》的资料，"
      "特别是关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的资料。");
  label->SetLabelText(text);
  const int width = label->FromDIP(240);
  ASSERT_GT(label->GetTextExtent(text).x, 2 * width);
  gui::WrapLabel(label, width);
  const wxArrayString lines = wxSplit(label->GetLabelText(), '\n', 0);
  EXPECT_GE(lines.size(), 3u);
  wxString joined;
  for (const wxString& line : lines) {
    EXPECT_LE(label->GetTextExtent(line).x, width) << line;
    // Closing punctuation stays with the character before it.
    EXPECT_FALSE(line.StartsWith(wxString::FromUTF8("，")) || line.StartsWith(wxString::FromUTF8("。")))
        << line;
    joined += line;
  }
  EXPECT_EQ(joined, text);  // nothing lost or added but the line breaks
  // Text with spaces wraps at spaces, as wxStaticText::Wrap does.
  label->SetLabelText("Does your country need assistance in providing the information requested here?");
  gui::WrapLabel(label, width);
  for (const wxString& line : wxSplit(label->GetLabelText(), '\n', 0)) {
    EXPECT_FALSE(line.StartsWith(" ")) << line;
    EXPECT_LE(label->GetTextExtent(line).x, width) << line;
  }
  label->Destroy();
}

}  // namespace
}  // namespace focal::test
