// The rows of a QuestionPage (question_page.h): placeholders of estimated
// height, the editors built in their place as they come near the view and
// destroyed when far from it, and the neighbours of the focused question.
#include <wx/sizer.h>

#include <algorithm>

#include "app/gui/editors/editors.h"
#include "app/gui/question_page.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"

namespace focal::gui {

namespace {
constexpr int kMargin = 16;  // between questions, as in question_page.cpp
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
    if (!wanted.empty()) {
      BuildRows(std::move(wanted));
      continue;
    }
    // The rows in view are built: now what they hold that waits for the view
    // (a repeat's records).
    if (!RevealInRows(top, bottom)) break;
  }
  filledTop_ = ViewTop();
  filledHeight_ = GetClientSize().y;
  fillPending_ = false;
}

bool QuestionPage::RevealInRows(int top, int bottom) {
  const std::vector<int> tops = RowTops();
  std::vector<int> grown;
  for (std::size_t row = 0; row < rows_.size(); ++row) {
    QuestionEditor* editor = rows_[row].editor.get();
    if (!editor || tops[row] >= bottom || tops[row] + rows_[row].extent <= top) continue;
    const int editorTop = tops[row] + FromDIP(kMargin);
    if (editor->Reveal(top - editorTop, bottom - editorTop)) grown.push_back(static_cast<int>(row));
  }
  if (grown.empty()) return false;
  Remeasure(grown);
  return true;
}

void QuestionPage::Remeasure(const std::vector<int>& rows) {
  Freeze();
  std::vector<wxWindow*> windows;
  for (int row : rows) windows.push_back(rows_[row].editor->Window());
  LayoutAgain(windows);
  for (int row : rows) {
    wxWindow* window = rows_[row].editor->Window();
    rows_[row].extent = window->IsShown() ? window->GetSize().y + FromDIP(kMargin) : 0;
  }
  Thaw();
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

}  // namespace focal::gui
