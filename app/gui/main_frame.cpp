#include "app/gui/main_frame.h"

#include <wx/filename.h>
#include <wx/gauge.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/timer.h>
#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/answer_search.h"
#include "app/gui/banner.h"
#include "app/gui/contribution_model.h"
#include "app/gui/desktop.h"
#include "app/gui/document_model.h"
#include "app/gui/editors/question_editor.h"
#include "app/gui/load_errors_page.h"
#include "app/gui/overview_page.h"
#include "app/gui/preview_watcher.h"
#include "app/gui/question_list_page.h"
#include "app/gui/question_page.h"
#include "app/gui/reference_panel.h"
#include "app/gui/section_tree.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/countries.h"

namespace focal::gui {

namespace {
constexpr int kSearchPauseMs = 200;
// The page of questions keeps this much width (DIP) while the panes beside
// it can give some up; the panes keep kPaneMinimum each.
constexpr int kQuestionsWidth = 440;
constexpr int kPaneMinimum = 160;
}  // namespace

MainFrame::MainFrame(std::shared_ptr<ResponseModel> model, std::string previewFile)
    : wxFrame(nullptr, wxID_ANY, "Focal", wxDefaultPosition, wxSize(1200, 800)),
      model_(std::move(model)),
      previewFile_(std::move(previewFile)) {
  SetLayoutDirection(IsRightToLeft(CurrentInterfaceLanguage()) ? wxLayout_RightToLeft : wxLayout_LeftToRight);
  SetMinClientSize(FromDIP(wxSize(760, 480)));
  BuildLayout();
  BuildMenus();
  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
  Bind(wxEVT_IDLE, &MainFrame::OnIdle, this);
  Bind(wxEVT_CHAR_HOOK, &MainFrame::OnCharHook, this);
  Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& event) {
    event.Skip();
    if (event.GetActive()) CallAfter([this] { RefreshOffers(); });
  });
  if (!previewFile_.empty()) {
    watcher_ = std::make_unique<PreviewWatcher>(previewFile_, [this](const LoadResult& result) {
      if (!result.ok()) {
        ShowLoadErrors(previewFile_, result.diagnostics);
        return;
      }
      // Keep the answers typed so far, and the place.
      std::map<std::string, std::string> answers;
      std::string language = model_ ? model_->language() : std::string();
      if (model_) answers = model_->session().answers();
      const auto& languages = result.questionnaire->info.languages;
      if (std::find(languages.begin(), languages.end(), language) == languages.end()) language.clear();
      const int section = section_;
      std::shared_ptr<PreviewModel> reloaded;
      try {
        reloaded = std::make_shared<PreviewModel>(result.questionnaire, language, std::move(answers));
      } catch (const std::exception& e) {
        ShowWarning(FromUtf8(e.what()));  // the store refused them: the previous load stays
        return;
      }
      SetModel(std::move(reloaded));
      if (section >= 0 && section < static_cast<int>(result.questionnaire->sections.size()))
        OpenSection(section);
      SetStatus(
          wxString::Format(_("%s was loaded again."), wxFileName(FromUtf8(previewFile_)).GetFullName()));
    });
  }
  AttachModel();
}

MainFrame::~MainFrame() {
  DetachModel();
  watcher_.reset();
}

void MainFrame::BuildLayout() {
  CreateStatusBar(2);
  const int widths[] = {-1, FromDIP(360)};  // "Toutes les modifications sont enregistrées" fits
  GetStatusBar()->SetStatusWidths(2, widths);

  root_ = new wxPanel(this, wxID_ANY);
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  title_ =
      new wxStaticText(root_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  title_->SetFont(title_->GetFont().Bold());
  gauge_ = new wxGauge(root_, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(140, 14)));
  progressText_ = new wxStaticText(root_, wxID_ANY, wxString());
  search_ = new wxSearchCtrl(root_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                             wxTE_PROCESS_ENTER);
  search_->SetDescriptiveText(_("Find in questions and answers"));
  SetAccessibleName(search_, _("Find in questions, answers and comments"),
                    _("Type words: the results show as you type. Down arrow or Enter moves to them."));
  search_->Bind(wxEVT_SEARCH, [this](wxCommandEvent& event) { OpenSearch(event.GetString()); });
  search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent& event) { OpenSearch(event.GetString()); });
  // As the user types, after a short pause; the keyboard stays in the box.
  searchTimer_ = std::make_unique<wxTimer>(this);
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { OpenSearch(search_->GetValue(), false); }, searchTimer_->GetId());
  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
    event.Skip();
    if (search_->GetValue().Strip(wxString::both).length() >= 2) searchTimer_->StartOnce(kSearchPauseMs);
  });
  search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_DOWN && list_->IsShown() && list_->RowCount() > 0)
      list_->FocusList();
    else
      event.Skip();
  });
  top->Add(title_, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(8));
  top->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(6));
  top->Add(progressText_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
  top->Add(search_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
  sizer->Add(top, 0, wxEXPAND);

  banner_ = new Banner(root_);
  sizer->Add(banner_, 0, wxEXPAND);

  split_ =
      new wxSplitterWindow(root_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  split_->SetMinimumPaneSize(FromDIP(kPaneMinimum));
  tree_ = new SectionTree(split_);
  tree_->onOpen = [this](int section) {
    if (section == SectionTree::kReview)
      OpenReview();
    else if (section == SectionTree::kOverview)
      OpenOverview(false);
    else
      OpenSection(section);
  };
  rightSplit_ = new wxSplitterWindow(split_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  rightSplit_->SetMinimumPaneSize(FromDIP(kPaneMinimum));
  rightSplit_->SetSashGravity(1.0);
  content_ = new wxPanel(rightSplit_, wxID_ANY);
  content_->SetSizer(new wxBoxSizer(wxVERTICAL));
  list_ = new QuestionListPage(content_);
  list_->onOpen = [this](const std::string& path) {
    const wxString searched = searched_;
    GoToQuestion(path);
    // A search's result: the words found are selected in the box that holds them.
    if (!searched.empty() && page_)
      if (QuestionEditor* editor = page_->EditorAt(path)) SelectFoundText(editor->Window(), searched);
  };
  list_->Hide();
  content_->GetSizer()->Add(list_, 1, wxEXPAND);
  overview_ = new OverviewPage(content_);
  overview_->onOpen = [this](const std::string& path) { GoToQuestion(path); };
  overview_->onOpenSection = [this](int section) {
    OpenSection(section);
    if (page_) page_->FocusFirst();
  };
  overview_->Hide();
  content_->GetSizer()->Add(overview_, 1, wxEXPAND);
  errors_ = new LoadErrorsPage(content_);
  errors_->Hide();
  content_->GetSizer()->Add(errors_, 1, wxEXPAND);
  reference_ = new ReferencePanel(rightSplit_);
  wantedPanes_ = {FromDIP(330), FromDIP(280)};
  rightSplit_->SplitVertically(content_, reference_, -wantedPanes_.reference);
  split_->SplitVertically(tree_, rightSplit_, wantedPanes_.tree);
  sizer->Add(split_, 1, wxEXPAND);
  root_->SetSizer(sizer);

  split_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    if (fitPending_) return;
    fitPending_ = true;
    CallAfter([this] { FitPaneWidths(); });
  });
  // A sash the user drags sets the width its pane goes back to when there
  // is room; wx reports the sashes it moves itself as changed too, without
  // the dragging before.
  const auto dragging = [this](wxSplitterEvent& event) {
    event.Skip();
    draggedSash_ = event.GetEventObject();
  };
  const auto dragged = [this](wxSplitterEvent& event) {
    event.Skip();
    if (draggedSash_ != event.GetEventObject()) return;
    draggedSash_ = nullptr;
    if (event.GetEventObject() == split_)
      wantedPanes_.tree = event.GetSashPosition();
    else
      wantedPanes_.reference =
          rightSplit_->GetClientSize().x - event.GetSashPosition() - rightSplit_->GetSashSize();
  };
  for (wxSplitterWindow* splitter : {split_, rightSplit_}) {
    splitter->Bind(wxEVT_SPLITTER_SASH_POS_CHANGING, dragging);
    splitter->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, dragged);
  }
}

void MainFrame::FitPaneWidths() {
  fitPending_ = false;
  const int sashes = split_->GetSashSize() + rightSplit_->GetSashSize();
  const int available = split_->GetClientSize().x - sashes;
  if (available <= 0 || !split_->IsSplit() || !rightSplit_->IsSplit()) return;
  const PaneWidths fitted =
      FitPanes(available, wantedPanes_, FromDIP(kQuestionsWidth), FromDIP(kPaneMinimum));
  if (split_->GetSashPosition() != fitted.tree) split_->SetSashPosition(fitted.tree);
  // Taken from the right: wx places it once the right-hand splitter has its new width.
  if (reference_->GetSize().x != fitted.reference) rightSplit_->SetSashPosition(-fitted.reference);
}

void MainFrame::AttachModel() {
  if (!model_) {
    tree_->Clear();
    UpdateTitle();
    return;
  }
  errors_->Hide();
  sessionSubscription_ = model_->subscribe([this](const SessionChange& change) { OnSessionChange(change); });
  statusSubscription_ =
      model_->statusChanges().subscribe([this](const SaveStatus& status) { ShowSaveStatus(status); });
  tree_->Build(model_->questionnaire(), Language());
  UpdateTitle();
  ShowSaveStatus(model_->saveStatus());
  RefreshProgress();
  const auto top = model_->questionnaire().topLevelSections();
  if (!RestorePlace() && !top.empty()) OpenSection(top.front());
  UpdateCommands();
  CallAfter([this] { AskPreparerName(); });
}

void MainFrame::AskPreparerName() {
  static bool asked = false;  // once per run, even when the user gave no name
  if (asked || demo_ || !model_ || model_->saveStatus().state == SaveStatus::State::ReadOnly) return;
  DocumentModel* document = DocumentOf(*model_);
  // A questionnaire that asks for the focal point's name gives it there.
  if (!document || !document->PreparerName().empty() || !document->FocalPointQuestion().empty()) return;
  asked = true;
  wxTextEntryDialog dialog(
      this,
      _("Your name, as the person preparing this reply. It is printed after \"Prepared by\" on the report "
        "and kept with each answer you give. Focal asks only once."),
      _("Who is preparing this reply?"));
  if (dialog.ShowModal() != wxID_OK) return;
  wxString name = dialog.GetValue();
  name.Trim(true).Trim(false);
  if (!name.empty()) document->SetPreparerName(ToUtf8(name));
}

void MainFrame::DetachModel() {
  sessionSubscription_.reset();
  statusSubscription_.reset();
  RetirePage();
}

void MainFrame::SetModel(std::shared_ptr<ResponseModel> model) {
  Freeze();
  DetachModel();
  model_ = std::move(model);
  section_ = -1;
  reviewShown_ = false;
  overviewShown_ = false;
  list_->Hide();
  overview_->Hide();
  AttachModel();
  Thaw();
}

void MainFrame::ShowLoadErrors(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
  Freeze();
  RetirePage();
  list_->Hide();
  overview_->Hide();
  overviewShown_ = false;
  errors_->SetDiagnostics(file, diagnostics);
  errors_->Show();
  content_->Layout();
  Thaw();
  banner_->ShowMessage(
      Banner::Kind::Warning,
      wxString::Format(_("%s has errors. The last version that loaded stays open below the list "
                         "when there was one; fix the file and save it to see your changes."),
                       wxFileName(FromUtf8(file)).GetFullName()));
  UpdateTitle();
}

void MainFrame::ShowAsDemo() {
  demo_ = true;
  UpdateTitle();
  banner_->ShowMessage(Banner::Kind::Information,
                       _("This is a demo reply, with sample answers in every kind of question. Try anything: "
                         "nothing here is sent anywhere. To start your State's own reply, use File > New "
                         "response."));
}

void MainFrame::ShowWarning(const wxString& message) { banner_->ShowMessage(Banner::Kind::Warning, message); }

std::string MainFrame::Language() const { return model_ ? model_->language() : std::string("en"); }

void MainFrame::RetirePage() {
  if (!page_) return;
  QuestionPage* old = page_;
  page_ = nullptr;
  old->onTypingPending = nullptr;
  old->Retire();
  if (model_ && !IsBeingDeleted()) ShowSaveStatus(model_->saveStatus());
  old->Hide();
  content_->GetSizer()->Detach(old);
  // Destroyed later (OnIdle): the user may be clicking a button on it right
  // now, and the new page comes first.
  retired_.push_back(old);
}

void MainFrame::OnIdle(wxIdleEvent& event) {
  event.Skip();
  if (retired_.empty() || (page_ && !page_->Complete())) return;
  QuestionPage* old = retired_.back();
  retired_.pop_back();
  CallAfter([old] { old->Destroy(); });
  if (!retired_.empty()) event.RequestMore();
}

bool MainFrame::RefreshOffers() {
  if (!model_ || !model_->refreshOfferSources()) return false;
  if (page_ && !reviewShown_) page_->RefreshOffers();
  return true;
}

void MainFrame::ReopenSection() {
  if (!page_ || reviewShown_) return;
  const int section = section_;
  section_ = -1;
  OpenSection(section);
}

void MainFrame::OpenSection(int section, const std::string& focusPath) {
  if (!model_ || section < 0 || section >= static_cast<int>(model_->questionnaire().sections.size())) return;
  if (section == section_ && page_ && !reviewShown_ && !overviewShown_) {
    if (!focusPath.empty()) page_->FocusQuestion(focusPath);
    return;
  }
  content_->Freeze();
  RetirePage();
  list_->Hide();
  overview_->Hide();
  overviewShown_ = false;
  errors_->Hide();
  reviewShown_ = false;
  section_ = section;
  page_ = new QuestionPage(content_, model_, section, Language());
  page_->onFocus = [this](QuestionEditor* editor) { EditorFocused(editor); };
  page_->onNotify = [this](const wxString& message) { SetStatus(message); };
  page_->onTypingPending = [this](bool) {
    if (model_) ShowSaveStatus(model_->saveStatus());
  };
  page_->onOpenSection = [this](int s) {
    OpenSection(s);
    if (page_) page_->FocusFirst();
  };
  content_->GetSizer()->Add(page_, 1, wxEXPAND);
  content_->Layout();
  content_->Thaw();
  tree_->Select(section);
  reference_->ShowFor(model_->questionnaire(), Language(), section, -1);
  if (!focusPath.empty()) page_->FocusQuestion(focusPath);
  UpdateCommands();
}

void MainFrame::FillReview() {
  auto rows = QuestionListPage::ProblemRows(model_->session(), Language());
  const auto carried = QuestionListPage::CycleChangeRows(model_->session(), Language());
  std::size_t blocking = 0;
  for (const auto& row : rows) blocking += row.attention ? 1 : 0;
  const wxString heading =
      rows.empty()
          ? wxString(_("Nothing left to resolve"))
          : wxString::Format(wxPLURAL("%zu problem to resolve", "%zu problems to resolve", rows.size()),
                             rows.size());
  wxString explanation =
      rows.empty() ? wxString(_("Every relevant required question is answered and every answer is accepted."))
                   : wxString(_("Choose a line and press Enter (or double-click it) to go to its question."));
  if (blocking < rows.size())
    explanation +=
        " " + wxString::Format(_("%zu of them are answers carried forward that you have not confirmed yet."),
                               rows.size() - blocking);
  if (!carried.empty()) {
    std::size_t changed = 0;
    for (const auto& row : carried) changed += row.note == _("Changed since the previous cycle") ? 1 : 0;
    explanation += " " + wxString::Format(_("Since the previous cycle, %zu answers carried forward were "
                                            "changed and %zu confirmed unchanged; they are listed last."),
                                          changed, carried.size() - changed);
    rows.insert(rows.end(), carried.begin(), carried.end());
  }
  list_->SetNoteTitle(_("What to do"));
  list_->SetRows(heading, explanation, rows);
}

void MainFrame::OpenReview() {
  if (!model_) return;
  content_->Freeze();
  RetirePage();
  errors_->Hide();
  overview_->Hide();
  overviewShown_ = false;
  reviewShown_ = true;
  searched_.clear();
  FillReview();
  list_->Show();
  content_->Layout();
  content_->Thaw();
  tree_->Select(SectionTree::kReview);
  UpdateCommands();
}

void MainFrame::OpenSearch(const wxString& text, bool focusResults) {
  if (!model_ || text.Strip(wxString::both).empty()) return;
  searchTimer_->Stop();
  FlushTyping();
  content_->Freeze();
  RetirePage();
  errors_->Hide();
  overview_->Hide();
  overviewShown_ = false;
  reviewShown_ = false;
  auto rows = QuestionListPage::SearchRows(model_->session(), Language(), text);
  auto answers = AnswerSearchRows(model_->session(), Language(), text);
  rows.insert(rows.end(), std::make_move_iterator(answers.begin()), std::make_move_iterator(answers.end()));
  searched_ = text.Strip(wxString::both);
  list_->SetNoteTitle(_("Found in"));
  list_->SetRows(wxString::Format(_("Questions, answers and comments containing \"%s\""), searched_),
                 rows.empty() ? wxString(_("No question, answer or comment contains these words. Try fewer "
                                           "words."))
                              : wxString(_("Choose a line and press Enter to go to it.")),
                 std::move(rows));
  list_->Show();
  content_->Layout();
  content_->Thaw();
  section_ = -1;
  tree_->Unselect();
  const std::size_t found = list_->RowCount();
  if (found > 0 && focusResults) list_->FocusList();
  SetStatus(wxString::Format(wxPLURAL("%zu place found.", "%zu places found.", found), found));
}

bool MainFrame::ReviewShown() const { return reviewShown_; }

void MainFrame::OpenOverview(bool focusList) {
  if (!model_) return;
  FlushTyping();
  // The question the user was on is selected, so Enter goes back to it.
  const std::string from = page_ && page_->Current() ? page_->Current()->Path() : std::string();
  const auto parsed = parseAnswerPath(from);
  content_->Freeze();
  RetirePage();
  errors_->Hide();
  list_->Hide();
  reviewShown_ = false;
  overviewShown_ = true;
  overview_->Fill(model_->session(), Language());
  overview_->Show();
  content_->Layout();
  content_->Thaw();
  if (parsed) overview_->Select(parsed->repeat.empty() ? parsed->question : parsed->repeat);
  tree_->Select(SectionTree::kOverview);
  if (focusList) overview_->FocusList();
  reference_->ShowFor(model_->questionnaire(), Language(), -1, -1);
  SetStatus(_("Overview of every question: choose one and press Enter to go to it."));
  UpdateCommands();
}

int MainFrame::SectionOfPath(const std::string& path) const {
  if (!model_) return -1;
  auto parsed = parseAnswerPath(path);
  if (!parsed) return -1;
  const Questionnaire& q = model_->questionnaire();
  const int index = q.indexOf(parsed->repeat.empty() ? parsed->question : parsed->repeat);
  return index < 0 ? -1 : q.questions[index].section;
}

bool MainFrame::GoToQuestion(const std::string& path) {
  const int section = SectionOfPath(path);
  if (section < 0) return false;
  OpenSection(section);
  if (!page_) return false;
  if (page_->FocusQuestion(path)) return true;
  // A record's question whose record is gone, or a hidden question: its repeat, or the page.
  if (auto parsed = parseAnswerPath(path);
      parsed && !parsed->repeat.empty() && page_->FocusQuestion(parsed->repeat))
    return true;
  page_->FocusFirst();
  return false;
}

QuestionEditor* MainFrame::CurrentEditor() const { return page_ ? page_->Current() : nullptr; }

void MainFrame::FlushTyping() {
  if (page_) page_->FlushTyping();
}

void MainFrame::OnSessionChange(const SessionChange& /*change*/) {
  if (progressPending_) return;
  progressPending_ = true;
  // Once per burst of changes, after the page has updated itself.
  CallAfter([this] {
    progressPending_ = false;
    RefreshProgress();
    UpdateCommands();
  });
}

void MainFrame::RefreshProgress() {
  if (!model_) return;
  const ResponseSession& session = model_->session();
  tree_->UpdateProgress(session);
  const Progress progress = session.progress();
  gauge_->SetValue(progress.percent());
  wxString text = wxString::Format(_("%d%% answered"), progress.percent());
  if (progress.requiredUnanswered > 0)
    text += ", " + wxString::Format(wxPLURAL("%d required question left", "%d required questions left",
                                             progress.requiredUnanswered),
                                    progress.requiredUnanswered);
  if (progressText_->GetLabel() != text) {
    progressText_->SetLabel(text);
    SetAccessibleName(gauge_, _("Progress"), text);
    root_->Layout();
  }
  if (reviewShown_ && !page_) FillReview();
  if (overviewShown_ && !page_)
    overview_->Fill(model_->session(), Language());  // the review follows the answers while it is open
}

bool MainFrame::TypingPending() const { return page_ && page_->TypingPending(); }

wxString MainFrame::SaveStatusText() const { return GetStatusBar()->GetStatusText(1); }

void MainFrame::ShowSaveStatus(const SaveStatus& status) {
  // Text typed but not yet written is not saved: say so until the store has it.
  const bool typing = TypingPending();
  if (statusShown_ && status == shownStatus_ && typing == shownTyping_) return;
  statusShown_ = true;
  shownStatus_ = status;
  shownTyping_ = typing;
  if (typing && status.state == SaveStatus::State::Saved) {
    SetStatusText(_("Saving..."), 1);
    return;
  }
  switch (status.state) {
    case SaveStatus::State::Memory:
      SetStatusText(_("Preview: answers are kept in memory only"), 1);
      ShowPreviewNotice();
      break;
    case SaveStatus::State::Saved:
      SetStatusText(wxString::FromUTF8("✓ ") + _("All changes saved"), 1);
      // Only the failure to save goes away by itself; a notice (the demo's)
      // stays until it is closed.
      if (banner_->IsShown() && banner_->ShownKind() == Banner::Kind::Failure) banner_->Dismiss();
      if (!status.warning.empty()) SetStatus(FromUtf8(status.warning));
      break;
    case SaveStatus::State::Pending:
      SetStatusText(
          wxString::Format(wxPLURAL("%zu answer not saved", "%zu answers not saved", status.pending),
                           status.pending),
          1);
      banner_->ShowMessage(
          Banner::Kind::Failure,
          FromUtf8(status.message) + " " +
              _("Your answers are kept in this window and will be written as soon as it works "
                "again. Do not close Focal until this message goes away."),
          _("&Try again"), [this] {
            if (model_) model_->retrySave();
          });
      break;
    case SaveStatus::State::ReadOnly:
      SetStatusText(_("Read-only"), 1);
      banner_->ShowMessage(Banner::Kind::Warning,
                           FromUtf8(status.message.empty() ? ToUtf8(_("This workspace is open read-only: "
                                                                      "nothing can be changed."))
                                                           : status.message));
      break;
  }
}

void MainFrame::ShowPreviewNotice() {
  banner_->ShowMessage(
      Banner::Kind::Information,
      wxString::Format(
          _("Preview of %s. Answers are kept in memory only and are lost when you close this "
            "window. The questionnaire is loaded again each time the file is saved."),
          wxFileName(FromUtf8(previewFile_.empty() && model_ ? model_->filePath() : previewFile_))
              .GetFullName()));
}

void MainFrame::UpdateTitle() {
  wxString title;
  if (model_) {
    const Questionnaire& q = model_->questionnaire();
    title = Localized(q.info.title, Language(), q);
    if (!model_->state().empty()) {
      const wxString state = FromUtf8(countryName(model_->state(), CurrentInterfaceLanguage()));
      const wxString demo = demo_ ? _("Demo reply") + " - " : wxString();
      title_->SetLabelText(demo + state + " - " + title);
      SetTitle(demo + state + " - " + FromUtf8(q.info.id) + " - " +
               wxFileName(FromUtf8(model_->filePath())).GetFullName() + " - Focal");
    } else {
      title_->SetLabelText(_("Preview") + ": " + title);
      SetTitle(_("Preview") + " - " + wxFileName(FromUtf8(model_->filePath())).GetFullName() + " - Focal");
    }
    title_->SetToolTip(title);
  } else {
    title_->SetLabelText(wxFileName(FromUtf8(previewFile_)).GetFullName());
    SetTitle(_("Preview") + " - " + wxFileName(FromUtf8(previewFile_)).GetFullName() + " - Focal");
  }
}

void MainFrame::SetStatus(const wxString& message) { SetStatusText(message, 0); }

void MainFrame::EditorFocused(QuestionEditor* editor) {
  if (!model_) return;
  const Questionnaire& q = model_->questionnaire();
  const int index = editor ? q.indexOf(editor->GetQuestion().id) : -1;
  reference_->ShowFor(q, Language(), section_, index);
  // The question by its words, never by its internal id or path.
  if (editor) {
    const Question& question = editor->GetQuestion();
    const int at = q.indexOf(question.id);
    wxString where = QuestionListPage::Row(model_->session(), Language(), editor->Path(), at).question;
    if (question.repeat >= 0)
      where = Localized(q.questions[question.repeat].label, Language(), q) + " > " + where;
    SetStatus(where);
  }
  UpdateCommands();
}

int MainFrame::NeighbourSection(int delta) const {
  if (!model_) return -1;
  const int count = static_cast<int>(model_->questionnaire().sections.size());
  const int from = reviewShown_ ? (delta < 0 ? count : -1) : overviewShown_ ? -1 : section_;
  const int next = from + delta;
  return next >= 0 && next < count ? next : -1;
}

void MainFrame::Undo() {
  if (!model_ || !model_->canUndo()) return;
  FlushTyping();
  // Show where the step was: the first path it changed.
  const UndoResult result = model_->undo();
  if (result) {
    const auto parsed = parseAnswerPath(result.changes.front().path);
    if (parsed) GoToQuestion(parsed->questionPath().str());
  }
}

void MainFrame::Redo() {
  if (!model_ || !model_->canRedo()) return;
  FlushTyping();
  // Show where the step was: the first path it changed.
  const UndoResult result = model_->redo();
  if (result) {
    const auto parsed = parseAnswerPath(result.changes.front().path);
    if (parsed) GoToQuestion(parsed->questionPath().str());
  }
}

void MainFrame::SetQuestionnaireLanguage(const std::string& code) {
  if (!model_ || code == model_->language()) return;
  FlushTyping();
  const int section = section_;
  const bool review = reviewShown_;
  Freeze();
  RetirePage();
  section_ = -1;
  model_->setLanguage(code);
  tree_->Build(model_->questionnaire(), Language());
  RefreshProgress();
  UpdateTitle();
  if (review)
    OpenReview();
  else
    OpenSection(section >= 0 ? section : 0);
  Thaw();
  UpdateCommands();
}

void MainFrame::OnClose(wxCloseEvent& event) {
  FlushTyping();
  if (model_ && event.CanVeto() && model_->saveStatus().state == SaveStatus::State::Pending) {
    model_->retrySave();
    if (model_->saveStatus().state == SaveStatus::State::Pending &&
        wxMessageBox(
            _("Some answers could not be saved to the workspace file and exist only in this window. If you "
              "close it now, they are lost.\n\nClose anyway?"),
            _("Answers not saved"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) {
      event.Veto();
      return;
    }
  }
  SavePlace();
  Desktop::Get().FrameClosing(this);
  DetachModel();
  Destroy();
}

}  // namespace focal::gui
