#include "app/gui/question_list_page.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/cycle_changes.h"

namespace focal::gui {

namespace {

wxString Escaped(wxString text) {
  text.Replace("&", "&amp;");
  text.Replace("<", "&lt;");
  text.Replace(">", "&gt;");
  return text;
}

wxString Markup(const wxString& text, const wxString& bold) {
  const int at = bold.empty() ? wxNOT_FOUND : text.Lower().Find(bold.Lower());
  if (at == wxNOT_FOUND) return Escaped(text);
  return Escaped(text.Left(at)) + "<b>" + Escaped(text.Mid(at, bold.length())) + "</b>" +
         Escaped(text.Mid(at + bold.length()));
}

}  // namespace

class QuestionListPage::Model : public wxDataViewVirtualListModel {
 public:
  std::vector<QuestionListRow> rows;

  void Replace(std::vector<QuestionListRow> replacement) {
    rows = std::move(replacement);
    Reset(static_cast<unsigned>(rows.size()));
  }
  unsigned GetColumnCount() const override { return 3; }
  wxString GetColumnType(unsigned) const override { return "string"; }
  void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override {
    if (row >= rows.size()) return;
    const QuestionListRow& r = rows[row];
    // The notes are markup: escaped, the words searched for in bold.
    value = column == 0 ? r.section : column == 1 ? r.question : Markup(r.note, r.highlight);
  }
  bool GetAttrByRow(unsigned row, unsigned column, wxDataViewItemAttr& attr) const override {
    if (row >= rows.size()) return false;
    if (column == 1) {
      attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
      return true;
    }
    if (column == 2 && rows[row].attention) {
      attr.SetColour(wxColour(176, 0, 32));
      return true;
    }
    return false;
  }
  bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
};

QuestionListPage::QuestionListPage(wxWindow* parent) : wxPanel(parent, wxID_ANY), model_(new Model) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, wxString());
  heading_->SetFont(heading_->GetFont().Bold().Scaled(1.3f));
  explanation_ = new wxStaticText(this, wxID_ANY, wxString());
  list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE);
  list_->AssociateModel(model_.get());
  list_->AppendTextColumn(_("Section"), 0, wxDATAVIEW_CELL_INERT, FromDIP(220), wxALIGN_NOT,
                          wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("Question"), 1, wxDATAVIEW_CELL_INERT, FromDIP(380), wxALIGN_NOT,
                          wxDATAVIEW_COL_RESIZABLE);
  wxDataViewColumn* note = list_->AppendTextColumn(_("What to do"), 2, wxDATAVIEW_CELL_INERT, FromDIP(300),
                                                   wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
  if (auto* renderer = dynamic_cast<wxDataViewTextRenderer*>(note->GetRenderer())) renderer->EnableMarkup();
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& event) {
    const unsigned row = model_->GetRow(event.GetItem());
    if (row < model_->rows.size() && onOpen) onOpen(model_->rows[row].path);
  });
  sizer->Add(heading_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
  sizer->Add(explanation_, 0, wxEXPAND | wxALL, FromDIP(16));
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
  SetSizer(sizer);
}

void QuestionListPage::SetRows(const wxString& heading, const wxString& explanation,
                               std::vector<QuestionListRow> rows) {
  heading_->SetLabelText(heading);
  explanation_->SetLabelText(explanation);
  explanation_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(32)));
  model_->Replace(std::move(rows));
  SetAccessibleName(list_, heading, explanation);
  Layout();
  if (!model_->rows.empty()) list_->Select(model_->GetItem(0));
}

void QuestionListPage::FocusList() { list_->SetFocus(); }

void QuestionListPage::SetNoteTitle(const wxString& title) {
  if (wxDataViewColumn* column = list_->GetColumn(2); column && column->GetTitle() != title)
    column->SetTitle(title);
}

std::size_t QuestionListPage::RowCount() const { return model_->rows.size(); }

QuestionListRow QuestionListPage::Row(const ResponseSession& session, const std::string& language,
                                      const std::string& path, int index) {
  const Questionnaire& q = session.questionnaire();
  const Question& question = q.questions[index];
  QuestionListRow row;
  row.path = path;
  const int section = question.repeat >= 0 ? q.questions[question.repeat].section : question.section;
  if (section >= 0) row.section = SectionTitle(q, section, language);
  wxString label = Localized(question.label, language, q);
  if (auto parsed = parseAnswerPath(path); parsed && !parsed->repeat.empty()) {
    const auto keys = session.records(parsed->repeat);
    const auto it = std::find(keys.begin(), keys.end(), parsed->recordKey);
    label = wxString::Format(_("Record %ld"), static_cast<long>(it - keys.begin()) + 1) + ": " + label;
  }
  row.question = label;
  return row;
}

std::vector<QuestionListRow> QuestionListPage::ProblemRows(const ResponseSession& session,
                                                           const std::string& language) {
  std::vector<QuestionListRow> rows;
  for (const auto& problem : session.problems()) {
    if (problem.question < 0) continue;
    QuestionListRow row = Row(session, language, problem.path, problem.question);
    row.note = FromUtf8(problem.message);
    row.attention = problem.blocking();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<QuestionListRow> QuestionListPage::CycleChangeRows(const ResponseSession& session,
                                                               const std::string& language) {
  std::vector<QuestionListRow> rows;
  const Questionnaire& q = session.questionnaire();
  for (const auto& c : cycleChanges(q, session.answers())) {
    if (c.change == CycleChange::Unconfirmed) continue;  // listed among the problems
    QuestionListRow row = RowFor(session, language, c.question, q.indexOf(c.question));
    row.note = c.change == CycleChange::Unchanged ? _("Confirmed unchanged since the previous cycle")
                                                  : _("Changed since the previous cycle");
    rows.push_back(std::move(row));
  }
  // The changed ones first: they are what is new.
  std::stable_partition(rows.begin(), rows.end(), [](const QuestionListRow& r) {
    return r.note == _("Changed since the previous cycle");
  });
  return rows;
}

std::vector<QuestionListRow> QuestionListPage::SearchRows(const ResponseSession& session,
                                                          const std::string& language, const wxString& text) {
  std::vector<QuestionListRow> rows;
  const wxString needle = text.Lower().Strip(wxString::both);
  if (needle.empty()) return rows;
  const Questionnaire& q = session.questionnaire();
  for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
    const Question& question = q.questions[i];
    const bool match = FromUtf8(question.id).Lower().Contains(needle) ||
                       Localized(question.label, language, q).Lower().Contains(needle) ||
                       FromUtf8(question.label.get(q.defaultLanguage())).Lower().Contains(needle) ||
                       Localized(question.help, language, q).Lower().Contains(needle);
    if (!match) continue;
    // A question inside a repeat is found through its repeat.
    const std::string path = question.repeat >= 0 ? q.questions[question.repeat].id : question.id;
    QuestionListRow row = Row(session, language, path, question.repeat >= 0 ? question.repeat : i);
    if (question.repeat >= 0) row.question += " > " + Localized(question.label, language, q);
    row.note = _("The question");
    if (!session.isRelevant(path)) row.note += " - " + _("does not apply given the answers so far");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace focal::gui
