// The questions of one section, as editors in a scrolled page. Only the
// visible section's controls exist: the frame builds a page when a section
// is opened and destroys the previous one (BRIEF.md: 2,000 live controls
// cost 15 s and 225 MB under GTK). Within the page, rows are virtual: each
// question is a placeholder of its estimated height (a sizer spacer, no
// window) until it comes within a margin of the visible part of the page;
// then its editor is built in its place, in the tab order of the
// questions. Rows far from the view are destroyed again (a spacer of their
// real height takes their place), so however long the section, the page
// holds a few screenfuls of controls. The question with the keyboard focus
// always has its neighbours built (the previous and the next question that
// takes an answer), so Tab, Shift+Tab and Enter reach them; a question asked
// for (search, Review, the overview, undo) is built, scrolled to and kept.
// The page follows the session: on each change it updates only the editors
// whose paths changed, inside one Freeze, and lays out once.
#pragma once

#include <wx/scrolwin.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/gui/editors/question_editor.h"
#include "app/gui/response_model.h"

class wxStaticText;

namespace focal::gui {

class QuestionPage : public wxScrolledWindow, public EditorHost {
 public:
  QuestionPage(wxWindow* parent, std::shared_ptr<ResponseModel> model, int section, std::string language);
  ~QuestionPage() override;

  int Section() const { return section_; }
  // Builds the question (id or rep[key]/child), scrolls to it and puts the focus in it.
  bool FocusQuestion(const std::string& path);
  // Focuses the first question that can take the focus.
  void FocusFirst();
  // The question the user was last in, or null.
  QuestionEditor* Current() const { return current_; }
  // The editor of `path`, building its row if needed; the row is kept (not
  // destroyed when far from the view) while it is among the last asked for.
  QuestionEditor* EditorAt(const std::string& path);
  // "Fully built": every row within the view and its margin has its editor,
  // laid out for the current scroll position and size; nothing waits.
  bool Complete() const;
  // Builds what the view needs now (the rows in view and around the focus).
  void BuildAll();
  // How many questions have an editor now, and how many the section has.
  std::size_t BuiltRows() const;
  std::size_t RowCount() const { return rows_.size(); }
  // Shows the offers anew after the replies offering them were read again
  // (ResponseModel::refreshOfferSources): each built editor updates its own.
  void RefreshOffers();
  // Off screen, waiting to be destroyed: writes what was being typed and
  // stops following the session and building.
  void Retire();

  // Told to the frame.
  std::function<void(QuestionEditor*)> onFocus;
  std::function<void(const wxString&)> onNotify;
  std::function<void(int section)> onOpenSection;
  // Typed text is waiting to be written (true), or was just written (false).
  std::function<void(bool waiting)> onTypingPending;
  bool TypingPending() const { return static_cast<bool>(typingCommit_); }

  // EditorHost
  ResponseModel& Model() override { return *model_; }
  const std::string& Language() const override { return language_; }
  void Write(const std::vector<AnswerWrite>& writes, const std::string& mergeKey = {}) override;
  void Typing(const std::string& field, std::function<void()> commit) override;
  void FlushTyping() override;
  void Focused(QuestionEditor& editor) override;
  void Adopt(QuestionEditor& editor) override;
  void Release(QuestionEditor& editor) override;
  void Relayout() override;
  int WrapWidth() const override { return wrapWidth_; }
  void Notify(const wxString& message) override;

 private:
  struct Row {
    std::unique_ptr<QuestionEditor> editor;
    int extent = 0;         // the placeholder's height, margin included (0: not relevant)
    bool measured = false;  // `extent` is the row's real height, not an estimate
  };
  void Build();
  void StopFollowing();
  const Question& QuestionOf(int row) const;
  // The row of a question path (a record's question: its repeat's row), or -1.
  int RowOf(const std::string& path) const;
  // The row of the question holding `window`, or -1.
  int RowOfWindow(wxWindow* window) const;
  bool RowShown(int row) const;
  int Estimate(int row) const;
  // The top of each row in the page's virtual space, from the last layout.
  std::vector<int> RowTops() const;
  int ViewTop() const;
  // Builds the rows' editors in place of their placeholders, lays out once,
  // and keeps what is on screen still when a row above the view changed height.
  void BuildRows(std::vector<int> rows);
  void BuildRow(int row);
  void Evict(int row);
  // Builds every row within the view and its margin, until none is left.
  void FillView();
  // Has the built rows between `top` and `bottom` (page pixels) build what
  // they hold for the view (Reveal); true when one did.
  bool RevealInRows(int top, int bottom);
  // Lays out `rows` again after they grew, and takes their new heights.
  void Remeasure(const std::vector<int>& rows);
  // Destroys the rows far from the view that nothing holds.
  void EvictFar();
  // The rows the keyboard can reach from `row` at once: the previous and the
  // next question that takes an answer (and whatever is shown between).
  std::pair<int, int> Neighbours(int row) const;
  void BuildNeighbours(int row);
  void Pin(int row);
  int ScrollUnit() const;
  // Scrolls so that `window` (a question's panel) is at the top.
  void ScrollToWindow(wxWindow* window);
  // The subsection links and the bottom margin.
  void BuildTail();
  void OnIdle(wxIdleEvent& event);
  QuestionEditor* Find(const std::string& path) const;
  void OnSessionChange(const SessionChange& change);
  void OnSize(wxSizeEvent& event);
  // The width labels are broken for on a page `pageWidth` pixels wide.
  int WrapWidthFor(int pageWidth) const;
  // Scrolls so that the focused control is wholly visible.
  void RevealFocus();
  void Rewrap();
  void LayoutAgain(const std::vector<wxWindow*>& changed);
  void UpdateSectionNote();

  std::shared_ptr<ResponseModel> model_;
  int section_;
  std::string language_;
  int wrapWidth_ = 600;
  std::vector<Row> rows_;
  std::unordered_map<std::string, int> rowOf_;  // question id -> row
  wxBoxSizer* sizer_ = nullptr;
  std::size_t headerItems_ = 0;  // sizer items before the first row
  wxWindow* tailFirst_ = nullptr;
  std::vector<int> pinned_;  // the rows last asked for, kept built
  bool fillPending_ = true;
  int filledTop_ = -1, filledHeight_ = -1;  // the view FillView last filled
  std::unordered_map<std::string, QuestionEditor*> byPath_;
  // For each question id, the questions whose texts show its answer.
  std::unordered_map<std::string, std::vector<std::string>> showers_;
  QuestionEditor* current_ = nullptr;
  wxStaticText* notRelevant_ = nullptr;  // only while the section does not apply
  std::size_t noteIndex_ = 0;            // its place in sizer_
  std::vector<std::pair<wxStaticText*, wxString>> wrapped_;
  wxTimer typingTimer_;
  std::string typingField_;
  std::function<void()> typingCommit_;
  bool layoutPending_ = false;
  bool closing_ = false;
  ResponseSession::ChangePublisher::Subscription subscription_;
};

}  // namespace focal::gui
