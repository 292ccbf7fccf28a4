// A list of questions, each a link to its question: the Review page (every
// open problem of the response, from session.problems()) and the results
// of a search by text or id. A virtual wxDataViewCtrl model over the rows,
// so a thousand problems cost one control.
#pragma once

#include <wx/dataview.h>
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "forms/response_session.h"

class wxStaticText;

namespace focal::gui {

struct QuestionListRow {
  std::string path;  // id or rep[key]/child
  wxString section, question, note;
  bool attention = false;  // blocks the final report
  wxString highlight;      // words of the note shown in bold (a search's)
};

class QuestionListPage : public wxPanel {
 public:
  explicit QuestionListPage(wxWindow* parent);

  void SetRows(const wxString& heading, const wxString& explanation, std::vector<QuestionListRow> rows);
  void FocusList();
  // The heading of the third column ("What to do", "Found in").
  void SetNoteTitle(const wxString& title);
  std::size_t RowCount() const;

  // The row of question `index` (a record's question: `path` says which record).
  static QuestionListRow Row(const ResponseSession& session, const std::string& language,
                             const std::string& path, int index);
  // The problems of `session`, in questionnaire order.
  static std::vector<QuestionListRow> ProblemRows(const ResponseSession& session,
                                                  const std::string& language);
  // The answers carried forward and confirmed: changed first, then unchanged
  // (the unconfirmed ones are among the problems).
  static std::vector<QuestionListRow> CycleChangeRows(const ResponseSession& session,
                                                      const std::string& language);
  // Questions whose text (in `language` or the default) or id contains `text`.
  static std::vector<QuestionListRow> SearchRows(const ResponseSession& session, const std::string& language,
                                                 const wxString& text);

  std::function<void(const std::string& path)> onOpen;

 private:
  class Model;
  wxStaticText* heading_ = nullptr;
  wxStaticText* explanation_ = nullptr;
  wxDataViewCtrl* list_ = nullptr;
  wxObjectDataPtr<Model> model_;
};

}  // namespace focal::gui
