// The questions of one section, as editors in a scrolled page. Only the
// visible section's controls exist: the frame builds a page when a section
// is opened and destroys the previous one (BRIEF.md: 2,000 live controls
// cost 15 s and 225 MB under GTK). The page builds its first screen at once
// and the rest in short slices while the program is idle, so a section
// opens in the time of a screenful and input waits at most one slice and
// GTK's drawing of it; whatever needs a question not yet built (search,
// Review, tests) builds the rest first. The page follows the session: on each
// change it updates only the editors whose paths changed, inside one
// Freeze, and lays out once.
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
  // Scrolls to the question (id or rep[key]/child) and puts the focus in it.
  bool FocusQuestion(const std::string& path);
  // Focuses the first question that can take the focus.
  void FocusFirst();
  // The question the user was last in, or null.
  QuestionEditor* Current() const { return current_; }
  // The editor of `path`, building the rest of the page if needed.
  QuestionEditor* EditorAt(const std::string& path);
  // Whether every question of the section has its editor yet.
  bool Complete() const { return complete_; }
  void BuildAll();
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
  void Build();
  void StopFollowing();
  // Builds the next question's editor; returns its height (0 when hidden).
  int BuildNext();
  // Builds for about `budgetMs`, then lays out what was added.
  void BuildSlice(int budgetMs);
  // The subsection links and the bottom margin, once every question is in.
  void BuildTail();
  void OnIdle(wxIdleEvent& event);
  QuestionEditor* Find(const std::string& path) const;
  void OnSessionChange(const SessionChange& change);
  void OnSize(wxSizeEvent& event);
  // Scrolls so that the focused control is wholly visible.
  void RevealFocus();
  void Rewrap();
  void LayoutAgain(const std::vector<wxWindow*>& changed);
  void UpdateSectionNote();

  std::shared_ptr<ResponseModel> model_;
  int section_;
  std::string language_;
  int wrapWidth_ = 600;
  std::vector<std::unique_ptr<QuestionEditor>> editors_;
  wxBoxSizer* sizer_ = nullptr;
  std::size_t built_ = 0;  // questions of the section with an editor
  bool complete_ = false;
  std::unordered_map<std::string, QuestionEditor*> byPath_;
  // For each question id, the questions whose texts show its answer.
  std::unordered_map<std::string, std::vector<std::string>> showers_;
  QuestionEditor* current_ = nullptr;
  wxStaticText* notRelevant_ = nullptr;
  std::vector<std::pair<wxStaticText*, wxString>> wrapped_;
  wxTimer typingTimer_;
  std::string typingField_;
  std::function<void()> typingCommit_;
  bool layoutPending_ = false;
  bool closing_ = false;
  ResponseSession::ChangePublisher::Subscription subscription_;
};

}  // namespace focal::gui
