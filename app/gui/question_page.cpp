#include "app/gui/question_page.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <algorithm>
#include <unordered_set>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/label_text.h"

namespace focal::gui {

namespace {
constexpr int kMargin = 16;
// Text is broken at the page's width, down to this (DIP); narrower than that, a
// line would hold a word or two.
constexpr int kNarrowestWrap = 200;
constexpr int kTypingPauseMs = 700;
}  // namespace

QuestionPage::QuestionPage(wxWindow* parent, std::shared_ptr<ResponseModel> model, int section,
                           std::string language)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, parent->GetClientSize(),
                       wxVSCROLL | wxTAB_TRAVERSAL),
      model_(std::move(model)),
      section_(section),
      language_(std::move(language)),
      showers_(answerShowers(model_->questionnaire())) {
  SetName(_("Questions"));
  SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
  SetScrollRate(0, FromDIP(20));
  wrapWidth_ = WrapWidthFor(GetClientSize().x);
  typingTimer_.SetOwner(this);
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { FlushTyping(); }, typingTimer_.GetId());
  Bind(wxEVT_SIZE, &QuestionPage::OnSize, this);
  // wx scrolls only the focused control's question panel into view; with
  // Tab a user can land on a checkbox below the fold of a tall panel, so
  // bring the control itself into view once the focus has settled.
  Bind(wxEVT_CHILD_FOCUS, [this](wxChildFocusEvent& event) {
    event.Skip();
    // The questions the keyboard reaches from here exist before the next key.
    BuildNeighbours(RowOfWindow(wxWindow::FindFocus()));
    CallAfter([this] { RevealFocus(); });
  });
  Freeze();
  Build();
  Thaw();
  subscription_ = model_->subscribe([this](const SessionChange& change) { OnSessionChange(change); });
}

void QuestionPage::Retire() {
  FlushTyping();
  StopFollowing();
}

void QuestionPage::StopFollowing() {
  subscription_.reset();
  typingTimer_.Stop();
  closing_ = true;
}

QuestionPage::~QuestionPage() {
  // No writing here: the frame around may be going too (it flushes on close).
  StopFollowing();
  // Windows first, while the editors they call back still exist.
  DestroyChildren();
  rows_.clear();
}

void QuestionPage::Build() {
  const Questionnaire& q = model_->questionnaire();
  const focal::Section& section = q.sections[section_];
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  const int margin = FromDIP(kMargin);

  // The title's font is set before it is wrapped: wrapped at the body's
  // font first, its lines broke again at the larger one, one word early.
  auto wrapped = [&](const wxString& text, bool title) {
    auto* label =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    if (title) label->SetFont(BoldFont(label).Scaled(1.3f));
    SetWrappedLabel(label, text, wrapWidth_);
    wrapped_.emplace_back(label, text);
    sizer->Add(label, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    return label;
  };
  wrapped(SectionTitle(q, section_, language_), true);
  if (!section.intro.empty()) wrapped(Localized(section.intro, language_, q), false);
  // The place of the note that the section does not apply (UpdateSectionNote).
  noteIndex_ = sizer->GetItemCount();
  sizer->Add(0, 0);

  bool anyRequired = false;
  for (int index : section.questions)
    anyRequired |= q.questions[index].required || q.questions[index].requiredIf;
  if (anyRequired) {
    auto* legend = MakeLabel(this, _("Questions marked * must be answered."));
    legend->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer->Add(legend, 0, wxLEFT | wxRIGHT | wxTOP, margin);
  }
  sizer->AddSpacer(FromDIP(8));
  SetSizer(sizer);
  sizer_ = sizer;
  headerItems_ = sizer_->GetItemCount();
  UpdateSectionNote();

  // A placeholder for each question, then the links after them.
  rows_.resize(section.questions.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    rowOf_[QuestionOf(static_cast<int>(i)).id] = static_cast<int>(i);
    rows_[i].extent = Estimate(static_cast<int>(i));
    sizer_->Add(0, rows_[i].extent);
  }
  BuildTail();
  FitInside();
  Layout();
  // The rows in view at once; the page is then complete until it scrolls.
  FillView();
  Bind(wxEVT_IDLE, &QuestionPage::OnIdle, this);
}

void QuestionPage::BuildTail() {
  const Questionnaire& q = model_->questionnaire();
  const focal::Section& section = q.sections[section_];
  const int margin = FromDIP(kMargin);
  // Subsections, then the next section: the keyboard flows on from the last question.
  if (!section.subsections.empty()) {
    auto* line = new wxStaticLine(this);
    tailFirst_ = line;
    sizer_->Add(line, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    for (int sub : section.subsections) {
      auto* open = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_LEFT);
      open->SetLabelText(SectionTitle(q, sub, language_));
      open->Bind(wxEVT_BUTTON, [this, sub](wxCommandEvent&) {
        if (onOpenSection) onOpenSection(sub);
      });
      sizer_->Add(open, 0, wxLEFT | wxRIGHT | wxTOP, margin);
    }
  }
  sizer_->AddSpacer(margin * 2);
}

void QuestionPage::OnIdle(wxIdleEvent& event) {
  event.Skip();
  if (closing_) return;
  if (!Complete()) FillView();
  EvictFar();
}

void QuestionPage::UpdateSectionNote() {
  // Made when the section stops applying and destroyed when it applies
  // again, never hidden: wxGTK moves every child of a scrolled page, hidden
  // or not, and GTK warns of each hidden one it is asked to move.
  const bool relevant = model_->session().isSectionRelevant(section_);
  if (relevant == (notRelevant_ == nullptr)) return;
  sizer_->Detach(static_cast<int>(noteIndex_));
  if (relevant) {
    notRelevant_->Destroy();
    notRelevant_ = nullptr;
    sizer_->Insert(noteIndex_, 0, 0);
    return;
  }
  notRelevant_ =
      new wxStaticText(this, wxID_ANY, _("This section does not apply, given your answers so far."));
  notRelevant_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  const int margin = FromDIP(kMargin);
  sizer_->Insert(noteIndex_, notRelevant_, 0, wxLEFT | wxRIGHT | wxTOP, margin);
}

QuestionEditor* QuestionPage::Find(const std::string& path) const {
  auto it = byPath_.find(path);
  return it == byPath_.end() ? nullptr : it->second;
}

QuestionEditor* QuestionPage::EditorAt(const std::string& path) {
  const int row = RowOf(path);
  if (row < 0) return Find(path);
  Pin(row);
  BuildRows({row});
  if (QuestionEditor* found = Find(path)) return found;
  // In a record whose fields wait to come into view.
  if (rows_[row].editor && rows_[row].editor->RevealPath(path)) Remeasure({row});
  return Find(path);
}

void QuestionPage::OnSessionChange(const SessionChange& change) {
  if (closing_) return;
  const ResponseSession& session = model_->session();
  std::unordered_set<std::string> seen;
  std::vector<wxWindow*> resized;
  Freeze();
  auto visit = [&](const std::string& path) {
    if (!seen.insert(path).second) return;
    if (QuestionEditor* editor = Find(path); editor && editor->Update(session))
      resized.push_back(editor->Window());
  };
  // A label that shows an answer (${id}) changes with that answer or value.
  auto showing = [&](const std::string& id) {
    if (auto it = showers_.find(id); it != showers_.end())
      for (const auto& shower : it->second) visit(shower);
  };
  for (const auto& path : change.questions) {
    visit(path);
    showing(path);
  }
  for (const auto& answer : change.answers)
    if (auto parsed = parseAnswerPath(answer.path)) {
      visit(parsed->questionPath().str());
      if (parsed->repeat.empty()) showing(parsed->question);
    }
  // A placeholder takes the room of its question when it applies, none when not.
  bool placeholders = false;
  for (const auto& path : seen)
    if (auto it = rowOf_.find(path); it != rowOf_.end() && !rows_[it->second].editor) {
      Row& row = rows_[it->second];
      const bool shown = session.isRelevant(path);
      if (shown == (row.extent > 0)) continue;
      row.extent = shown ? Estimate(it->second) : 0;
      row.measured = false;
      sizer_->GetItem(headerItems_ + it->second)->AssignSpacer(0, row.extent);
      placeholders = true;
    }
  const bool wasShown = notRelevant_ != nullptr;
  UpdateSectionNote();
  if (!resized.empty() || placeholders || wasShown != (notRelevant_ != nullptr)) LayoutAgain(resized);
  Thaw();
}

void QuestionPage::RefreshOffers() {
  if (closing_) return;
  const ResponseSession& session = model_->session();
  std::vector<wxWindow*> resized;
  Freeze();
  for (const auto& row : rows_)
    if (row.editor && row.editor->Update(session)) resized.push_back(row.editor->Window());
  if (!resized.empty()) LayoutAgain(resized);
  Thaw();
}

void QuestionPage::Write(const std::vector<AnswerWrite>& writes, const std::string& mergeKey) {
  Outcome outcome = model_->apply(writes, mergeKey);
  if (outcome.status == AnswerStatus::Refused) Notify(FromUtf8(outcome.message));
}

void QuestionPage::Typing(const std::string& field, std::function<void()> commit) {
  if (!typingField_.empty() && typingField_ != field) FlushTyping();
  typingField_ = field;
  const bool was = static_cast<bool>(typingCommit_);
  typingCommit_ = std::move(commit);
  typingTimer_.StartOnce(kTypingPauseMs);
  if (!was && onTypingPending) onTypingPending(true);
}

void QuestionPage::FlushTyping() {
  typingTimer_.Stop();
  if (!typingCommit_) return;
  auto commit = std::move(typingCommit_);
  typingCommit_ = nullptr;
  typingField_.clear();
  commit();
  // Written (or refused): the frame shows the store's own status again.
  if (onTypingPending) onTypingPending(false);
}

void QuestionPage::Focused(QuestionEditor& editor) {
  if (current_ == &editor) return;
  current_ = &editor;
  if (onFocus) onFocus(&editor);
}

void QuestionPage::Adopt(QuestionEditor& editor) { byPath_[editor.Path()] = &editor; }

void QuestionPage::Release(QuestionEditor& editor) {
  if (closing_) return;
  if (auto it = byPath_.find(editor.Path()); it != byPath_.end() && it->second == &editor) byPath_.erase(it);
  if (current_ == &editor) {
    current_ = nullptr;
    if (onFocus) onFocus(nullptr);
  }
}

void QuestionPage::Relayout() {
  if (layoutPending_) return;
  layoutPending_ = true;
  CallAfter([this] {
    layoutPending_ = false;
    std::vector<wxWindow*> all;
    for (const auto& [path, editor] : byPath_) all.push_back(editor->Window());
    LayoutAgain(all);
  });
}

void QuestionPage::LayoutAgain(const std::vector<wxWindow*>& changed) {
  // Sizers keep the best sizes they computed: forget those of the changed
  // editors and of everything around them (a record, its repeat), then lay
  // out once from the page down.
  std::vector<wxWindow*> chain;
  for (wxWindow* window : changed)
    for (wxWindow* w = window; w && w != this; w = w->GetParent()) {
      w->InvalidateBestSize();
      chain.push_back(w);
    }
  InvalidateBestSize();
  Layout();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) (*it)->Layout();
  FitInside();
  // Rows changed height: others may have come into view.
  fillPending_ = true;
}

void QuestionPage::Notify(const wxString& message) {
  if (onNotify) onNotify(message);
}

int QuestionPage::WrapWidthFor(int pageWidth) const {
  return std::max(FromDIP(kNarrowestWrap), pageWidth - 2 * FromDIP(kMargin) - FromDIP(24));
}

void QuestionPage::OnSize(wxSizeEvent& event) {
  event.Skip();
  const int width = WrapWidthFor(event.GetSize().x);
  if (std::abs(width - wrapWidth_) < FromDIP(12)) return;
  wrapWidth_ = width;
  CallAfter([this] { Rewrap(); });
}

void QuestionPage::Rewrap() {
  Freeze();
  for (auto& [label, text] : wrapped_) SetWrappedLabel(label, text, wrapWidth_);
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].editor) {
      rows_[i].editor->Rewrap(wrapWidth_);
    } else {
      rows_[i].extent = Estimate(static_cast<int>(i));
      rows_[i].measured = false;
      sizer_->GetItem(headerItems_ + i)->AssignSpacer(0, rows_[i].extent);
    }
  std::vector<wxWindow*> all;
  for (const auto& [path, editor] : byPath_) all.push_back(editor->Window());
  LayoutAgain(all);
  Thaw();
}

bool QuestionPage::FocusQuestion(const std::string& path) {
  QuestionEditor* editor = EditorAt(path);
  if (!editor || !editor->Window()->IsShown()) return false;
  // To the question, with the rows around it built; again, as those may
  // have moved it.
  ScrollToWindow(editor->Window());
  FillView();
  ScrollToWindow(editor->Window());
  FillView();
  editor->FocusInput();
  current_ = editor;
  if (onFocus) onFocus(editor);
  return true;
}

void QuestionPage::ScrollToWindow(wxWindow* window) {
  // Its place in the page, from the rows' tops (GTK may not have moved it yet).
  int y = 0;
  for (; window && window->GetParent() != this; window = window->GetParent()) y += window->GetPosition().y;
  const int row = RowOfWindow(window);
  if (row < 0) return;
  y += RowTops()[row] + FromDIP(kMargin);
  Scroll(-1, std::max(0, y - FromDIP(kMargin)) / ScrollUnit());
}

void QuestionPage::RevealFocus() {
  wxWindow* focus = wxWindow::FindFocus();
  if (!focus || focus == this) return;
  for (wxWindow* w = focus->GetParent(); w != this; w = w->GetParent())
    if (!w) return;
  const wxRect rect(ScreenToClient(focus->GetScreenPosition()), focus->GetSize());
  const int height = GetClientSize().y;
  if (rect.GetTop() >= 0 && rect.GetBottom() < height) return;
  int unitX = 1, unitY = 1;
  GetScrollPixelsPerUnit(&unitX, &unitY);
  if (unitY <= 0) return;
  const int top = CalcUnscrolledPosition(rect.GetTopLeft()).y;
  const int wanted =
      rect.GetTop() < 0 ? top - FromDIP(kMargin) : top + rect.GetHeight() + FromDIP(kMargin) - height;
  Scroll(-1, std::max(0, wanted) / unitY + (rect.GetTop() < 0 ? 0 : 1));
}

void QuestionPage::FocusFirst() {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (!RowShown(static_cast<int>(i)) || !takesAnswer(QuestionOf(static_cast<int>(i)).type)) continue;
    BuildRows({static_cast<int>(i)});
    if (rows_[i].editor && rows_[i].editor->Window()->IsShown()) {
      rows_[i].editor->FocusInput();
      return;
    }
  }
  SetFocus();
}

}  // namespace focal::gui
