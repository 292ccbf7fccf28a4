// One editor per question: it owns the question's label, help, input, inline
// error line, "carried forward, please confirm" bar, its "More" button
// (information not available, a comment, clearing the answer: one tab stop
// after the answer) and comment. SetValue fires no event; handlers are lambdas
// bound with the question's path. A factory (CreateEditor) picks the editor
// from the question type; each type family lives in its own file.
#pragma once

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/string.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/response_model.h"
#include "forms/content_words.h"
#include "forms/questionnaire.h"
#include "forms/response_session.h"

class wxButton;
class wxMenu;
class wxTextCtrl;

namespace focal::gui {

class QuestionEditor;
class OfferBar;

// What an editor needs from the page that holds it.
class EditorHost {
 public:
  virtual ~EditorHost() = default;
  virtual ResponseModel& Model() = 0;
  // The questionnaire language the page shows.
  virtual const std::string& Language() const = 0;
  // Applies writes as one undo step; the same `mergeKey` merges keystrokes.
  virtual void Write(const std::vector<AnswerWrite>& writes, const std::string& mergeKey = {}) = 0;
  // A field is being typed in: `commit` writes it after a pause, when
  // another field is typed in, when the field loses focus, or on FlushTyping.
  virtual void Typing(const std::string& field, std::function<void()> commit) = 0;
  virtual void FlushTyping() = 0;
  // The question the user is on (for the treaty panel and the Question menu).
  virtual void Focused(QuestionEditor& editor) = 0;
  // Editors inside repeat records come and go with their record.
  virtual void Adopt(QuestionEditor& editor) = 0;
  virtual void Release(QuestionEditor& editor) = 0;
  // Something was shown or hidden: lay out again (once, later).
  virtual void Relayout() = 0;
  // The width to wrap long labels at.
  virtual int WrapWidth() const = 0;
  // A message for the status bar (an attachment that could not be added...).
  virtual void Notify(const wxString& message) = 0;
};

class QuestionEditor {
 public:
  QuestionEditor(EditorHost& host, const Question& question, std::string path);
  virtual ~QuestionEditor() = default;
  QuestionEditor(const QuestionEditor&) = delete;
  QuestionEditor& operator=(const QuestionEditor&) = delete;

  // Builds the editor's panel as a child of `parent`.
  void Create(wxWindow* parent);
  wxWindow* Window() const { return panel_; }
  const Question& GetQuestion() const { return question_; }
  // The question's path: its id, or rep[key]/id inside a repeat record.
  const std::string& Path() const { return path_; }

  // Model to view: relevance, value, marks and error, firing no event.
  // Returns true when the editor was shown or hidden, or changed size.
  bool Update(const ResponseSession& session);
  void SetError(const wxString& message, bool soft = false);
  void Enable(bool enable);
  // Puts the keyboard focus on the first input.
  virtual void FocusInput();
  // Re-wraps the long texts at `width` pixels.
  virtual void Rewrap(int width);
  // Builds what lies between `top` and `bottom` pixels from the editor's own
  // top and is not built yet (a repeat's records, built as they come into
  // view like the page's rows); true when it built something.
  virtual bool Reveal(int /*top*/, int /*bottom*/) { return false; }
  // Builds the part that holds `path` (a record's field) if it is not built
  // yet; true when it built something.
  virtual bool RevealPath(const std::string& /*path*/) { return false; }
  // Opens the comment box and puts the focus in it.
  void AddComment() {
    if (HasMarks()) ShowComment(true);
  }
  // What the "More" button offers.
  void SetNotAvailable(bool notAvailable);
  // Removes the answer (every part of it) and its status, as one undo step.
  void ClearAnswer();
  bool CanClear();
  // Opens the "More" menu under its button; MoreMenu builds it and
  // RunMore carries out the chosen line (the tests drive those two).
  void ShowMoreMenu();
  enum MoreCommand { kMoreNotAvailable = 1, kMoreComment, kMoreClear };
  std::unique_ptr<wxMenu> MoreMenu();
  void RunMore(int command);

 protected:
  // Builds the input between the help text and the error line.
  virtual void BuildInput(wxWindow* parent, wxBoxSizer* sizer) = 0;
  // Shows the stored value; returns true when the layout changed.
  virtual bool SetValue(const ResponseSession& session) = 0;
  virtual void EnableInput(bool enable) = 0;
  virtual wxWindow* FirstInput() const = 0;
  // Whether the question has the marks (not available, comment, carried).
  virtual bool HasMarks() const;
  // Shows `error` next to the part it is about (a citation's date) and
  // returns true; false leaves it to the line under the input.
  virtual bool ShowErrorInPlace(const wxString& /*error*/) { return false; }
  // The session's message as this editor's user would say it (a country
  // typed by name is not spoken of as an ISO code).
  virtual wxString InUserWords(const wxString& error) { return error; }
  // The user left an input: writes what was typed, then shows the error that
  // waited (messages change when a field is left, not on each keystroke).
  void InputLeft();
  // Whether the keyboard focus is in one of this editor's windows.
  bool HasFocusInside() const;
  // Whether its value is not typed (notes, calculations).
  bool ReadOnlyType() const;

  std::string PartPath(const std::string& part = {}, const std::string& subpart = {}) const;
  std::string MarkPath(const std::string& mark) const;
  const ResponseSession& Session() { return host_.Model().session(); }
  // Writes (one undo step); a changed value also confirms a carried-forward answer.
  void Write(std::vector<AnswerWrite> writes, const std::string& mergeKey = {});
  void WriteValue(const std::string& value, const std::string& part = {});
  // Ties a text box to `part`: typing is written after a pause or on leaving.
  void BindText(wxTextCtrl* text, const std::string& part = {}, bool trim = false);
  // Shows `value` in `text` unless it already shows it (keeps the caret).
  void ShowText(wxTextCtrl* text, const std::string& value);

  // A questionnaire text in the page's language, ${id} filled with the answers.
  wxString Text(const LocalizedText& text) const;
  // A word Focal adds to the questionnaire's texts ("Yes", "Total"), in the same language.
  wxString ContentText(ContentWord word) const;
  wxString LabelText() const;
  // Shows the texts that show answers (${id}) again; true when one changed.
  virtual bool RefreshTexts();
  // Whether the label, help or a choice label shows an answer.
  bool ShowsAnswers() const { return showsAnswers_; }
  // The accessible name of an input: the question's label, then `what`.
  void Describe(wxWindow* input, const wxString& what = {});
  // A static text that re-wraps with the page; one with a `source` that
  // shows answers is filled again when they change.
  wxStaticText* AddWrapped(wxWindow* parent, wxSizer* sizer, const wxString& text, int flags = 0,
                           const LocalizedText* source = nullptr);
  // Sets a wrapped text to `text`; false when it already showed it.
  bool ShowWrapped(wxStaticText* label, const wxString& text);

  EditorHost& host_;
  const Question& question_;
  std::string path_;
  wxPanel* panel_ = nullptr;
  bool updating_ = false;  // set while the view is updated from the model

 private:
  void BuildMarks(wxBoxSizer* sizer);
  std::vector<AnswerWrite> ClearWrites();
  bool UpdateMarks(const ResponseSession& session);
  void ShowComment(bool focus);
  void UpdateCarried(bool pending);
  bool UpdateOffers(const ResponseSession& session);
  void ApplyError(const wxString& error);
  // The session's error, or else its soft check's message after a tab.
  wxString Message(const ResponseSession& session) const;

  wxBoxSizer* sizer_ = nullptr;
  wxStaticText* label_ = nullptr;
  wxStaticText* error_ = nullptr;
  wxPanel* carried_ = nullptr;
  OfferBar* offerBar_ = nullptr;  // answers offered from another instrument; the previous cycle's
  wxStaticText* statusLine_ = nullptr;
  wxButton* more_ = nullptr;
  wxTextCtrl* comment_ = nullptr;
  wxBoxSizer* marksSizer_ = nullptr;
  std::vector<std::pair<wxStaticText*, wxString>> wrapped_;
  std::vector<std::pair<wxStaticText*, const LocalizedText*>> live_;  // texts that show answers
  bool showsAnswers_ = false;
  bool relevant_ = true;
  bool required_ = false;
  bool enabled_ = true;
  bool inputEnabled_ = true;
  wxString error_text_;
  bool soft_ = false;          // the message shown is a soft check's (`warning:`)
  wxString appliedError_;      // the session's error as last shown (here or in place)
  bool errorWaiting_ = false;  // a changed error waits for the focus to leave
  bool leaving_ = false;       // set while the focus leaves an input
};

std::unique_ptr<QuestionEditor> CreateEditor(EditorHost& host, const Question& question,
                                             const std::string& path);

}  // namespace focal::gui
