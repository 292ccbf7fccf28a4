// The overview of a response: every question, grouped by section, with its
// state (answered, unanswered, information not available, error, warning,
// does not apply), as ODK's hierarchy view or LimeSurvey's question index
// show it. Choosing a question (Enter, double-click) goes to it; choosing a
// section heading opens the section. Like the Review page it is one virtual
// wxDataViewCtrl over the rows, refilled when the answers change.
#pragma once

#include <wx/dataview.h>
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "forms/response_session.h"

class wxStaticText;

namespace focal::gui {

enum class QuestionState { Answered, Unanswered, NotAvailable, Error, Warning, DoesNotApply };

struct OverviewRow {
  bool heading = false;  // a section's line, with its counts
  int section = -1;
  std::string path;  // the question's id; empty for a heading
  QuestionState state = QuestionState::Unanswered;
  bool commented = false;
  wxString text;        // section title, or the question's label
  wxString state_text;  // "Answered", or "4 of 9 answered" for a heading
  wxString note;        // the problem, or the comment
};

// What each state counts, over the whole response.
struct OverviewCounts {
  int answered = 0, unanswered = 0, notAvailable = 0, errors = 0, warnings = 0, commented = 0;
};

class OverviewPage : public wxPanel {
 public:
  explicit OverviewPage(wxWindow* parent);

  // Fills the page from `session`, keeping the selected question when it is still there.
  void Fill(const ResponseSession& session, const std::string& language);
  void FocusList();
  const std::vector<OverviewRow>& Rows() const;
  const OverviewCounts& Counts() const { return counts_; }
  // Selects the row of `path` (or the first question) and returns its index, -1 when none.
  int Select(const std::string& path);
  std::string SelectedPath() const;

  // Every section, then its questions in order, each with its state.
  static std::vector<OverviewRow> Build(const ResponseSession& session, const std::string& language,
                                        OverviewCounts* counts = nullptr);
  static wxString StateName(QuestionState state);

  std::function<void(const std::string& path)> onOpen;
  std::function<void(int section)> onOpenSection;

 private:
  class Model;
  wxStaticText* heading_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxDataViewCtrl* list_ = nullptr;
  wxObjectDataPtr<Model> model_;
  OverviewCounts counts_;
};

}  // namespace focal::gui
