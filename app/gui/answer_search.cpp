#include "app/gui/answer_search.h"

#include <wx/textctrl.h>

#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/answer_value.h"

namespace focal::gui {

namespace {

// The words around the match, on one line.
wxString Excerpt(wxString value, std::size_t at, std::size_t length) {
  value.Replace("\n", " ");
  constexpr std::size_t kBefore = 40, kAfter = 80;
  const std::size_t from = at > kBefore ? at - kBefore : 0;
  const std::size_t to = std::min(value.length(), at + length + kAfter);
  wxString excerpt = value.Mid(from, to - from);
  if (from > 0) excerpt = wxString::FromUTF8("…") + excerpt;
  if (to < value.length()) excerpt += wxString::FromUTF8("…");
  return excerpt;
}

// What the user sees for a stored value: choices by their labels, the rest as stored.
wxString Shown(const Questionnaire& q, const Question& question, const AnswerPath& path,
               const std::string& value, const std::string& language) {
  const bool choice =
      question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice;
  if (!path.part.empty() || !path.mark.empty() || !choice) return FromUtf8(value);
  wxString shown;
  for (const auto& word : splitWords(value))
    for (const auto& c : question.choices)
      if (c.value == word) shown += (shown.empty() ? "" : "; ") + Localized(c.label, language, q);
  return shown;
}

}  // namespace

std::vector<QuestionListRow> AnswerSearchRows(const ResponseSession& session, const std::string& language,
                                              const wxString& text) {
  std::vector<QuestionListRow> rows;
  const wxString needle = text.Lower().Strip(wxString::both);
  if (needle.empty()) return rows;
  const Questionnaire& q = session.questionnaire();
  // By question, then in the order of the stored paths (a record's answers together).
  std::vector<std::pair<int, QuestionListRow>> found;
  for (const auto& [stored, value] : session.answers()) {
    if (value.empty()) continue;
    const auto path = parseAnswerPath(stored);
    if (!path || (!path->mark.empty() && path->mark != "comment")) continue;
    const int index = q.indexOf(path->question);
    if (index < 0) continue;
    const Question& question = q.questions[index];
    if (question.type == QuestionType::YesNo && path->mark.empty()) continue;  // "yes" is no finding
    const std::string questionPath = path->questionPath().str();
    if (!session.isRelevant(questionPath)) continue;
    const wxString shown = Shown(q, question, *path, value, language);
    const int at = shown.Lower().Find(needle);
    if (at == wxNOT_FOUND) continue;
    QuestionListRow row = QuestionListPage::Row(session, language, questionPath, index);
    if (const int repeat = question.repeat; repeat >= 0)
      row.question = Localized(q.questions[repeat].label, language, q) + " > " + row.question;
    const wxString excerpt = Excerpt(shown, static_cast<std::size_t>(at), needle.length());
    row.note = (path->mark == "comment" ? _("Comment:") : _("Answer:")) + " " + excerpt;
    row.highlight = needle;
    found.emplace_back(path->repeat.empty() ? index : q.indexOf(path->repeat), std::move(row));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, row] : found) rows.push_back(std::move(row));
  return rows;
}

bool SelectFoundText(wxWindow* root, const wxString& text) {
  const wxString needle = text.Lower().Strip(wxString::both);
  if (!root || needle.empty()) return false;
  for (wxWindow* child : root->GetChildren()) {
    if (!child->IsShown()) continue;
    if (auto* box = dynamic_cast<wxTextCtrl*>(child)) {
      const int at = box->GetValue().Lower().Find(needle);
      if (at != wxNOT_FOUND) {
        box->SetFocus();
        // After GTK's own selection of the whole text on focus.
        const long from = at, to = at + static_cast<long>(needle.length());
        // (ShowPosition first: in a one-line box it moves the caret, which unselects.)
        box->CallAfter([box, from, to] {
          box->ShowPosition(from);
          box->SetSelection(from, to);
        });
        return true;
      }
    }
    if (SelectFoundText(child, text)) return true;
  }
  return false;
}

}  // namespace focal::gui
