// Search in what the user wrote, not only in the questions: the answers
// (text, numbers, a citation's fields, "Other" texts, a record's answers,
// the labels of the choices made) and the comments. Each match is a row of
// the results list, its words in bold, and going to it selects the words
// in the box that holds them.
#pragma once

#include <wx/string.h>
#include <wx/window.h>

#include <string>
#include <vector>

#include "app/gui/question_list_page.h"
#include "forms/response_session.h"

namespace focal::gui {

// One row per answer or comment that contains `text` (any case), in questionnaire order.
std::vector<QuestionListRow> AnswerSearchRows(const ResponseSession& session, const std::string& language,
                                              const wxString& text);

// Puts the focus in the first text box under `root` that shows `text` and
// selects it there; false when no box shows it.
bool SelectFoundText(wxWindow* root, const wxString& text);

}  // namespace focal::gui
