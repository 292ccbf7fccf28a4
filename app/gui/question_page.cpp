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
constexpr int kTypingPauseMs = 700;
// Rows within this many pixels above or below the view are built with it:
// a turn of the mouse wheel (60 pixels) then finds its rows ready.
constexpr int kBuildMargin = 120;
// Rows further than this many screens from the view are destroyed again.
constexpr int kKeepScreens = 1;
// How many of the rows last asked for (EditorAt, FocusQuestion) are kept.
constexpr std::size_t kPinned = 16;

// What a row of each type measured, less its texts' lines: the estimate of
// the rows not built yet (shared by the pages, learnt as they build).
struct Learnt {
  double sum = 0;
  int count = 0;
};
std::unordered_map<int, Learnt>& LearntHeights() {
  static std::unordered_map<int, Learnt> learnt;
  return learnt;
}

// How many lines the texts of a question take at `width` pixels, and how
// many units (choices, table rows) its input has.
int TextLines(const wxString& text, int charWidth, int width) {
  if (text.empty()) return 0;
  return 1 + static_cast<int>(text.length()) * charWidth / std::max(1, width);
}

int Units(const Question& question) {
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
      return static_cast<int>(question.choices.size()) + (question.otherOption ? 1 : 0);
    case QuestionType::Table:
      return static_cast<int>(question.rows.size()) + 2;
    default:
      return 0;
  }
}
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
  wrapWidth_ = std::max(FromDIP(300), GetClientSize().x - 2 * FromDIP(kMargin) - FromDIP(24));
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
    auto* label = new wxStaticText(this, wxID_ANY, wxString());
    if (title) label->SetFont(label->GetFont().Bold().Scaled(1.3f));
    label->SetLabelText(text);
    WrapLabel(label, wrapWidth_);
    wrapped_.emplace_back(label, text);
    sizer->Add(label, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    return label;
  };
  wrapped(SectionTitle(q, section_, language_), true);
  if (!section.intro.empty()) wrapped(Localized(section.intro, language_, q), false);
  notRelevant_ =
      new wxStaticText(this, wxID_ANY, _("This section does not apply, given your answers so far."));
  notRelevant_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  sizer->Add(notRelevant_, 0, wxLEFT | wxRIGHT | wxTOP, margin);
  UpdateSectionNote();

  bool anyRequired = false;
  for (int index : section.questions)
    anyRequired |= q.questions[index].required || q.questions[index].requiredIf;
  if (anyRequired) {
    auto* legend = new wxStaticText(this, wxID_ANY, _("Questions marked * must be answered."));
    legend->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer->Add(legend, 0, wxLEFT | wxRIGHT | wxTOP, margin);
  }
  sizer->AddSpacer(FromDIP(8));
  SetSizer(sizer);
  sizer_ = sizer;
  headerItems_ = sizer_->GetItemCount();

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

const Question& QuestionPage::QuestionOf(int row) const {
  const Questionnaire& q = model_->questionnaire();
  return q.questions[q.sections[section_].questions[row]];
}

int QuestionPage::RowOf(const std::string& path) const {
  std::string id = path;
  if (auto parsed = parseAnswerPath(path)) id = parsed->repeat.empty() ? parsed->question : parsed->repeat;
  auto it = rowOf_.find(id);
  return it == rowOf_.end() ? -1 : it->second;
}

int QuestionPage::RowOfWindow(wxWindow* window) const {
  for (; window && window != this; window = window->GetParent())
    if (window->GetParent() == this && window->GetClientData())
      return RowOf(static_cast<QuestionEditor*>(window->GetClientData())->Path());
  return -1;
}

bool QuestionPage::RowShown(int row) const {
  if (const auto& editor = rows_[row].editor) return editor->Window()->IsShown();
  return model_->session().isRelevant(QuestionOf(row).id);
}

int QuestionPage::Estimate(int row) const {
  if (!RowShown(row)) return 0;
  const Question& question = QuestionOf(row);
  const Questionnaire& q = model_->questionnaire();
  const int charWidth = GetCharWidth(), lineHeight = GetCharHeight();
  const int lines = TextLines(Localized(question.label, language_, q), charWidth, wrapWidth_) +
                    TextLines(Localized(question.help, language_, q), charWidth, wrapWidth_);
  const auto& learnt = LearntHeights();
  const auto it = learnt.find(static_cast<int>(question.type));
  // Before any was measured: an input and the "More" button.
  const int rest = it != learnt.end() && it->second.count > 0
                       ? static_cast<int>(it->second.sum / it->second.count)
                       : FromDIP(70) + Units(question) * FromDIP(26);
  return FromDIP(kMargin) + lines * lineHeight + rest;
}

std::vector<int> QuestionPage::RowTops() const {
  std::vector<int> tops(rows_.size());
  int y = 0;
  const auto& items = sizer_->GetChildren();
  std::size_t index = 0;
  for (const wxSizerItem* item : items) {
    if (index >= headerItems_ && index - headerItems_ < rows_.size()) tops[index - headerItems_] = y;
    if (item->IsShown()) y += item->GetSize().y;
    ++index;
  }
  return tops;
}

int QuestionPage::ScrollUnit() const {
  int unitX = 1, unitY = 1;
  GetScrollPixelsPerUnit(&unitX, &unitY);
  return std::max(1, unitY);
}

int QuestionPage::ViewTop() const { return GetViewStart().y * ScrollUnit(); }

std::size_t QuestionPage::BuiltRows() const {
  return static_cast<std::size_t>(
      std::count_if(rows_.begin(), rows_.end(), [](const Row& row) { return row.editor != nullptr; }));
}

void QuestionPage::BuildRow(int row) {
  const Question& question = QuestionOf(row);
  auto editor = CreateEditor(*this, question, question.id);
  editor->Create(this);
  byPath_[question.id] = editor.get();
  editor->Update(model_->session());
  if (model_->saveStatus().state == SaveStatus::State::ReadOnly) editor->Enable(false);
  // In the tab order of the questions: before the next row built, or the links.
  wxWindow* window = editor->Window();
  wxWindow* before = tailFirst_;
  for (std::size_t next = row + 1; next < rows_.size(); ++next)
    if (rows_[next].editor) {
      before = rows_[next].editor->Window();
      break;
    }
  if (before) window->MoveBeforeInTabOrder(before);
  const std::size_t index = headerItems_ + row;
  sizer_->Remove(static_cast<int>(index));
  sizer_->Insert(index, window, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(kMargin));
  rows_[row].editor = std::move(editor);
}

void QuestionPage::BuildRows(std::vector<int> rows) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::erase_if(rows, [this](int row) { return rows_[row].editor != nullptr; });
  if (rows.empty() || closing_) return;
  const int viewTop = ViewTop();
  const std::vector<int> tops = RowTops();
  Freeze();
  int above = 0;  // the height the rows built above the view had as placeholders
  for (int row : rows) {
    if (tops[row] < viewTop) above -= rows_[row].extent;
    BuildRow(row);
  }
  FitInside();
  Layout();
  const int charWidth = GetCharWidth(), lineHeight = GetCharHeight();
  const Questionnaire& q = model_->questionnaire();
  for (int row : rows) {
    wxWindow* window = rows_[row].editor->Window();
    const int extent = window->IsShown() ? window->GetSize().y + FromDIP(kMargin) : 0;
    if (tops[row] < viewTop) above += extent;
    rows_[row].extent = extent;
    rows_[row].measured = true;
    if (extent == 0) continue;
    // What this type measures beside its texts, for the next estimates.
    const Question& question = QuestionOf(row);
    const int lines = TextLines(Localized(question.label, language_, q), charWidth, wrapWidth_) +
                      TextLines(Localized(question.help, language_, q), charWidth, wrapWidth_);
    Learnt& learnt = LearntHeights()[static_cast<int>(question.type)];
    if (Units(question) == 0 && learnt.count < 1000) {
      learnt.sum += extent - FromDIP(kMargin) - lines * lineHeight;
      ++learnt.count;
    }
  }
  // What was on screen stays where it was.
  if (above != 0) {
    const int unit = ScrollUnit();
    Scroll(-1, std::max(0, (viewTop + above + unit / 2) / unit));
  }
  Thaw();
  fillPending_ = true;
}

void QuestionPage::Evict(int row) {
  Row& r = rows_[row];
  if (!r.editor) return;
  wxWindow* window = r.editor->Window();
  const int extent = window->IsShown() ? window->GetSize().y + FromDIP(kMargin) : 0;
  Release(*r.editor);
  const std::size_t index = headerItems_ + row;
  sizer_->Detach(static_cast<int>(index));
  sizer_->Insert(index, 0, extent);
  // The window first, while the editor it calls back still exists.
  window->Destroy();
  r.editor.reset();
  r.extent = extent;
  r.measured = true;
}

void QuestionPage::FillView() {
  if (closing_) return;
  const int margin = FromDIP(kBuildMargin);
  for (int pass = 0; pass < 8; ++pass) {
    const int top = ViewTop() - margin, bottom = ViewTop() + GetClientSize().y + margin;
    const std::vector<int> tops = RowTops();
    std::vector<int> wanted;
    for (std::size_t row = 0; row < rows_.size(); ++row)
      if (!rows_[row].editor && rows_[row].extent > 0 && tops[row] < bottom &&
          tops[row] + rows_[row].extent > top)
        wanted.push_back(static_cast<int>(row));
    if (wanted.empty()) break;
    BuildRows(std::move(wanted));
  }
  filledTop_ = ViewTop();
  filledHeight_ = GetClientSize().y;
  fillPending_ = false;
}

bool QuestionPage::Complete() const {
  return closing_ || (!fillPending_ && filledTop_ == ViewTop() && filledHeight_ == GetClientSize().y);
}

void QuestionPage::BuildAll() {
  if (!Complete()) FillView();
}

std::pair<int, int> QuestionPage::Neighbours(int row) const {
  const int count = static_cast<int>(rows_.size());
  int first = row, last = row;
  for (int i = row - 1; i >= 0; --i) {
    first = i;
    if (RowShown(i) && takesAnswer(QuestionOf(i).type)) break;
  }
  for (int i = row + 1; i < count; ++i) {
    last = i;
    if (RowShown(i) && takesAnswer(QuestionOf(i).type)) break;
  }
  return {first, last};
}

void QuestionPage::BuildNeighbours(int row) {
  if (row < 0 || closing_) return;
  const auto [first, last] = Neighbours(row);
  std::vector<int> wanted;
  for (int i = first; i <= last; ++i)
    if (!rows_[i].editor && RowShown(i)) wanted.push_back(i);
  BuildRows(std::move(wanted));
}

void QuestionPage::Pin(int row) {
  std::erase(pinned_, row);
  pinned_.push_back(row);
  if (pinned_.size() > kPinned) pinned_.erase(pinned_.begin());
}

void QuestionPage::EvictFar() {
  // Typed text waits with a pointer to its editor; the next pass will do.
  if (closing_ || typingCommit_) return;
  const int keep = GetClientSize().y * kKeepScreens + FromDIP(kBuildMargin);
  const int top = ViewTop() - keep, bottom = ViewTop() + GetClientSize().y + keep;
  std::vector<bool> held(rows_.size(), false);
  for (int row : pinned_) held[row] = true;
  auto hold = [&](int row) {
    if (row < 0) return;
    const auto [first, last] = Neighbours(row);
    for (int i = first; i <= last; ++i) held[i] = true;
  };
  hold(RowOfWindow(wxWindow::FindFocus()));
  if (current_) hold(RowOf(current_->Path()));
  const std::vector<int> tops = RowTops();
  std::vector<int> far;
  for (std::size_t row = 0; row < rows_.size(); ++row)
    if (rows_[row].editor && !held[row] && (tops[row] + rows_[row].extent <= top || tops[row] >= bottom))
      far.push_back(static_cast<int>(row));
  if (far.empty()) return;
  Freeze();
  for (int row : far) Evict(row);
  FitInside();
  Layout();
  Thaw();
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
  const bool relevant = model_->session().isSectionRelevant(section_);
  notRelevant_->Show(!relevant);
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
  const bool wasShown = notRelevant_->IsShown();
  UpdateSectionNote();
  if (!resized.empty() || placeholders || wasShown != notRelevant_->IsShown()) LayoutAgain(resized);
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

void QuestionPage::OnSize(wxSizeEvent& event) {
  event.Skip();
  const int width = std::max(FromDIP(300), event.GetSize().x - 2 * FromDIP(kMargin) - FromDIP(24));
  if (std::abs(width - wrapWidth_) < FromDIP(12)) return;
  wrapWidth_ = width;
  CallAfter([this] { Rewrap(); });
}

void QuestionPage::Rewrap() {
  Freeze();
  for (auto& [label, text] : wrapped_) {
    label->SetLabelText(text);
    WrapLabel(label, wrapWidth_);
  }
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
