// The main window of one response: the section tree, the current section's
// questions, the treaty text beside them, overall progress, search, the
// saved indicator and the failure banner. It holds no document state: the
// ResponseModel does (answers, undo, saving); the frame only shows it and
// forwards the user's actions. Menus and their conditions are in menus.cpp.
#pragma once

#include <wx/frame.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/pane_widths.h"
#include "app/gui/response_model.h"
#include "forms/diagnostics.h"

class wxGauge;
class wxMenu;
class wxMenuItem;
class wxPanel;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;
class wxTimer;

namespace focal::gui {

class Banner;
class LoadErrorsPage;
class OverviewPage;
class PreviewWatcher;
class QuestionEditor;
class QuestionListPage;
class QuestionPage;
class ReferencePanel;
class SectionTree;

class MainFrame : public wxFrame {
 public:
  // A preview passes its file, which is watched and reloaded when it changes.
  explicit MainFrame(std::shared_ptr<ResponseModel> model, std::string previewFile = {});
  ~MainFrame() override;

  std::shared_ptr<ResponseModel> GetModel() const { return model_; }
  const std::string& PreviewFile() const { return previewFile_; }
  // Replaces the response shown (a preview reloaded); null shows nothing.
  void SetModel(std::shared_ptr<ResponseModel> model);
  // A preview whose file does not load: every problem, with its line.
  void ShowLoadErrors(const std::string& file, const std::vector<Diagnostic>& diagnostics);
  // The demo reply: said in the title and in a banner.
  void ShowAsDemo();
  bool IsDemo() const { return demo_; }
  // A message the user must see, above the questions.
  void ShowWarning(const wxString& message);

  // Navigation.
  void OpenSection(int section, const std::string& focusPath = {});
  // Builds the open section's page again, its editors reading the model anew
  // (more replies now offer answers).
  void ReopenSection();
  // Reads the replies that offer answers again if they changed since (on
  // activation: the user may have written the other reply meanwhile), and
  // shows the open section's offers anew; true when they had changed.
  bool RefreshOffers();
  void OpenReview();
  // Every question with its state, grouped by section (overview_page.h).
  void OpenOverview(bool focusList = true);
  bool OverviewShown() const { return overviewShown_; }
  OverviewPage* Overview() const { return overview_; }
  // Questions, answers and comments containing `text`; the results get the
  // keyboard when `focusResults` (Enter), not while the user types.
  void OpenSearch(const wxString& text, bool focusResults = true);
  bool GoToQuestion(const std::string& path);
  int CurrentSection() const { return section_; }
  bool ReviewShown() const;
  QuestionPage* Page() const { return page_; }
  QuestionListPage* ListPage() const { return list_; }
  SectionTree* Tree() const { return tree_; }
  Banner* GetBanner() const { return banner_; }

  // Actions (also reachable from the menus).
  void Undo();
  void Redo();
  void SetQuestionnaireLanguage(const std::string& code);
  void FlushTyping();
  // Whether typed text waits to be written (the status then says "Saving…").
  bool TypingPending() const;
  // The saved indicator, as the status bar shows it.
  wxString SaveStatusText() const;
  // The question the keyboard is in, or null.
  QuestionEditor* CurrentEditor() const;

 private:
  struct Command {
    int id = 0;
    std::function<void()> run;
    std::function<bool()> enabled;
    std::function<bool()> checked;
  };

  void BuildLayout();
  // The panes' widths for the window's width (pane_widths.h), after a resize.
  void FitPaneWidths();
  void BuildMenus();  // menus.cpp
  wxMenuItem* AddCommand(wxMenu* menu, const wxString& label, const wxString& help, std::function<void()> run,
                         std::function<bool()> enabled = {}, std::function<bool()> checked = {},
                         wxItemKind kind = wxITEM_NORMAL);
  void UpdateCommands();
  void AttachModel();
  void DetachModel();
  void RetirePage();
  void OnIdle(wxIdleEvent& event);
  void FillReview();
  void OnSessionChange(const SessionChange& change);
  void RefreshProgress();
  void ShowSaveStatus(const SaveStatus& status);
  void ShowPreviewNotice();
  void UpdateTitle();
  void SetStatus(const wxString& message);
  void EditorFocused(QuestionEditor* editor);
  void OnClose(wxCloseEvent& event);
  // Keys that work wherever the focus is (frame_keys.cpp).
  void OnCharHook(wxKeyEvent& event);
  // Enter in a one-line field: the next question, as in CSPro.
  bool FocusNextQuestion();
  // Asks once for the preparer's name when the reply does not give it.
  void AskPreparerName();
  int SectionOfPath(const std::string& path) const;
  // Where the user left this workspace, and its window size (remembered_place.cpp).
  bool RestorePlace();
  void SavePlace();
  int NeighbourSection(int delta) const;
  std::string Language() const;

  // Actions on the current question (menus.cpp).
  void ConfirmCarried();
  void ToggleStatus(const std::string& status);
  void AddComment();
  void ShowHistory();
  void NextProblem();
  bool HasCarried() const;
  std::string CurrentStatus() const;

  std::shared_ptr<ResponseModel> model_;
  std::string previewFile_;
  std::unique_ptr<PreviewWatcher> watcher_;
  ResponseSession::ChangePublisher::Subscription sessionSubscription_;
  Publisher<SaveStatus>::Subscription statusSubscription_;

  wxPanel* root_ = nullptr;
  wxStaticText* title_ = nullptr;
  wxGauge* gauge_ = nullptr;
  wxStaticText* progressText_ = nullptr;
  wxSearchCtrl* search_ = nullptr;
  Banner* banner_ = nullptr;
  wxSplitterWindow* split_ = nullptr;
  wxSplitterWindow* rightSplit_ = nullptr;
  SectionTree* tree_ = nullptr;
  wxPanel* content_ = nullptr;
  QuestionPage* page_ = nullptr;
  // Pages replaced, hidden, destroyed once the new page is complete.
  std::vector<QuestionPage*> retired_;
  QuestionListPage* list_ = nullptr;
  OverviewPage* overview_ = nullptr;
  LoadErrorsPage* errors_ = nullptr;
  ReferencePanel* reference_ = nullptr;
  PaneWidths wantedPanes_;           // the panes' widths when there is room
  wxObject* draggedSash_ = nullptr;  // the splitter whose sash the user drags
  bool fitPending_ = false;

  std::vector<Command> commands_;
  wxString searched_;  // the words of the results shown, to select them in the answer
  std::unique_ptr<wxTimer> searchTimer_;
  int section_ = -1;
  bool reviewShown_ = false;
  bool overviewShown_ = false;
  bool demo_ = false;
  bool progressPending_ = false;
  SaveStatus shownStatus_;
  bool shownTyping_ = false;
  bool statusShown_ = false;
};

}  // namespace focal::gui
