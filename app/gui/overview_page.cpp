#include "app/gui/overview_page.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"

namespace focal::gui {

namespace {

enum Column { kQuestion, kState, kNote, kColumns };

wxColour StateColour(QuestionState state) {
  switch (state) {
    case QuestionState::Answered:
      return wxColour(0, 110, 50);
    case QuestionState::Error:
      return wxColour(176, 0, 32);
    case QuestionState::Warning:
      return wxColour(150, 90, 0);
    case QuestionState::NotAvailable:
      return wxColour(40, 80, 160);
    case QuestionState::Unanswered:
    case QuestionState::DoesNotApply:
      break;
  }
  return wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
}

// A leading mark, so that the state does not rest on colour alone.
wxString StateMark(QuestionState state) {
  switch (state) {
    case QuestionState::Answered:
      return wxString::FromUTF8("✓ ");
    case QuestionState::Error:
      return wxString::FromUTF8("✗ ");
    case QuestionState::Warning:
      return wxString::FromUTF8("⚠ ");
    case QuestionState::NotAvailable:
      return wxString::FromUTF8("∅ ");
    case QuestionState::Unanswered:
      return wxString::FromUTF8("○ ");
    case QuestionState::DoesNotApply:
      break;
  }
  return wxString::FromUTF8("– ");
}

wxString OneLine(wxString text) {
  text.Replace("\n", " ");
  if (text.length() > 120) text = text.Left(119) + wxString::FromUTF8("…");
  return text;
}

}  // namespace

class OverviewPage::Model : public wxDataViewVirtualListModel {
 public:
  std::vector<OverviewRow> rows;

  void Replace(std::vector<OverviewRow> replacement) {
    rows = std::move(replacement);
    Reset(static_cast<unsigned>(rows.size()));
  }
  unsigned GetColumnCount() const override { return kColumns; }
  wxString GetColumnType(unsigned) const override { return "string"; }
  void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override {
    if (row >= rows.size()) return;
    const OverviewRow& r = rows[row];
    if (column == kQuestion)
      value = r.heading ? r.text : "    " + r.text;
    else if (column == kState)
      value = r.heading ? r.state_text : StateMark(r.state) + r.state_text;
    else
      value = r.note;
  }
  bool GetAttrByRow(unsigned row, unsigned column, wxDataViewItemAttr& attr) const override {
    if (row >= rows.size()) return false;
    const OverviewRow& r = rows[row];
    if (r.heading) {
      attr.SetBold(true);
      attr.SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
      return true;
    }
    if (column == kState || r.state == QuestionState::DoesNotApply) {
      attr.SetColour(StateColour(r.state));
      return true;
    }
    return false;
  }
  bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
};

OverviewPage::OverviewPage(wxWindow* parent) : wxPanel(parent, wxID_ANY), model_(new Model) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, _("Overview of every question"));
  heading_->SetFont(heading_->GetFont().Bold().Scaled(1.3f));
  summary_ = new wxStaticText(this, wxID_ANY, wxString());
  list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE);
  list_->AssociateModel(model_.get());
  list_->AppendTextColumn(_("Question"), kQuestion, wxDATAVIEW_CELL_INERT, FromDIP(460), wxALIGN_NOT,
                          wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("State"), kState, wxDATAVIEW_CELL_INERT, FromDIP(210), wxALIGN_NOT,
                          wxDATAVIEW_COL_RESIZABLE);
  list_->AppendTextColumn(_("Problem or comment"), kNote, wxDATAVIEW_CELL_INERT, FromDIP(320), wxALIGN_NOT,
                          wxDATAVIEW_COL_RESIZABLE);
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& event) {
    const unsigned row = model_->GetRow(event.GetItem());
    if (row >= model_->rows.size()) return;
    const OverviewRow& r = model_->rows[row];
    if (r.heading) {
      if (onOpenSection) onOpenSection(r.section);
    } else if (onOpen) {
      onOpen(r.path);
    }
  });
  // The columns share the width: the question first, the state in full.
  list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    const int width = list_->GetClientSize().x - FromDIP(20);  // no horizontal scrollbar
    if (width <= 0 || list_->GetColumnCount() < kColumns) return;
    const int state = FromDIP(185);
    const int note = std::max(FromDIP(120), (width - state) * 3 / 10);
    list_->GetColumn(kQuestion)->SetWidth(std::max(FromDIP(200), width - state - note));
    list_->GetColumn(kState)->SetWidth(state);
    list_->GetColumn(kNote)->SetWidth(note);
  });
  sizer->Add(heading_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
  sizer->Add(summary_, 0, wxEXPAND | wxALL, FromDIP(16));
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
  SetSizer(sizer);
}

wxString OverviewPage::StateName(QuestionState state) {
  switch (state) {
    case QuestionState::Answered:
      return _("Answered");
    case QuestionState::Unanswered:
      return _("Not answered");
    case QuestionState::NotAvailable:
      return _("Information not available");
    case QuestionState::Error:
      return _("To correct");
    case QuestionState::Warning:
      return _("To check");
    case QuestionState::DoesNotApply:
      break;
  }
  return _("Does not apply");
}

std::vector<OverviewRow> OverviewPage::Build(const ResponseSession& session, const std::string& language,
                                             OverviewCounts* counts) {
  const Questionnaire& q = session.questionnaire();
  // Problems by the top-level question they belong to (a record's go to its repeat).
  std::map<std::string, const Problem*> errors, warnings, required;
  const auto problems = session.problems();
  for (const auto& problem : problems) {
    const auto parsed = parseAnswerPath(problem.path);
    const std::string id = parsed && !parsed->repeat.empty() ? parsed->repeat : problem.path;
    // What does not block a final report (an answer carried forward, a soft
    // check's warning) is to look at; the rest is to correct.
    auto& target = !problem.blocking()                                                   ? warnings
                   : problem.kind == ProblemKind::RequiredButEmpty && id == problem.path ? required
                                                                                         : errors;
    target.emplace(id, &problem);
  }
  OverviewCounts total;
  std::vector<OverviewRow> rows;
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
    OverviewRow heading;
    heading.heading = true;
    heading.section = s;
    heading.text = SectionTitle(q, s, language);
    const std::size_t headingAt = rows.size();
    rows.push_back(heading);
    int relevant = 0, answered = 0;
    for (int index : q.sections[s].questions) {
      const Question& question = q.questions[index];
      if (question.repeat >= 0 || !takesAnswer(question.type)) continue;
      OverviewRow row;
      row.section = s;
      row.path = question.id;
      row.text = Localized(question.label, language, q);
      if (session.isRequired(question.id)) row.text += " *";
      const std::string status = session.value(withMark(question.id, "status"));
      const std::string comment = session.value(withMark(question.id, "comment"));
      row.commented = !comment.empty();
      if (!session.isRelevant(question.id)) {
        row.state = QuestionState::DoesNotApply;
      } else if (auto it = errors.find(question.id); it != errors.end()) {
        row.state = QuestionState::Error;
        row.note = FromUtf8(it->second->message);
      } else if (auto w = warnings.find(question.id); w != warnings.end()) {
        row.state = QuestionState::Warning;
        row.note = FromUtf8(w->second->message);
      } else if (!status.empty()) {
        row.state = QuestionState::NotAvailable;
      } else if (session.isAnswered(question.id)) {
        row.state = QuestionState::Answered;
      } else {
        row.state = QuestionState::Unanswered;
        if (required.count(question.id)) row.note = _("Required.");
      }
      row.state_text = status == "not_applicable" ? wxString(_("Not applicable")) : StateName(row.state);
      if (row.commented) {
        const wxString said = _("Comment:") + " " + OneLine(FromUtf8(comment));
        row.note = row.note.empty() ? said : row.note + " - " + said;
      }
      switch (row.state) {
        case QuestionState::Answered:
          ++total.answered;
          break;
        case QuestionState::Unanswered:
          ++total.unanswered;
          break;
        case QuestionState::NotAvailable:
          ++total.notAvailable;
          break;
        case QuestionState::Error:
          ++total.errors;
          break;
        case QuestionState::Warning:
          ++total.warnings;
          break;
        case QuestionState::DoesNotApply:
          break;
      }
      if (row.commented) ++total.commented;
      if (row.state != QuestionState::DoesNotApply) {
        ++relevant;
        if (row.state != QuestionState::Unanswered && row.state != QuestionState::Error) ++answered;
      }
      rows.push_back(std::move(row));
    }
    if (!session.isSectionRelevant(s))
      rows[headingAt].state_text = _("Does not apply");
    else if (relevant > 0)
      rows[headingAt].state_text = wxString::Format(_("%d of %d answered"), answered, relevant);
  }
  if (counts) *counts = total;
  return rows;
}

void OverviewPage::Fill(const ResponseSession& session, const std::string& language) {
  const std::string selected = SelectedPath();
  const int firstVisible =
      list_->GetTopItem().IsOk() ? static_cast<int>(model_->GetRow(list_->GetTopItem())) : 0;
  model_->Replace(Build(session, language, &counts_));
  summary_->SetLabelText(
      wxString::Format(_("%d answered, %d not answered, %d information not available, %d to correct, "
                         "%d to check; %d with a comment."),
                       counts_.answered, counts_.unanswered, counts_.notAvailable, counts_.errors,
                       counts_.warnings, counts_.commented) +
      "\n" + _("Choose a question and press Enter (or double-click it) to go to it."));
  SetAccessibleName(list_, _("Overview of every question"), summary_->GetLabelText());
  Layout();
  if (firstVisible > 0 && firstVisible < static_cast<int>(model_->rows.size()))
    list_->EnsureVisible(model_->GetItem(firstVisible));
  Select(selected);
}

void OverviewPage::FocusList() { list_->SetFocus(); }

const std::vector<OverviewRow>& OverviewPage::Rows() const { return model_->rows; }

int OverviewPage::Select(const std::string& path) {
  int found = -1;
  for (int i = 0; i < static_cast<int>(model_->rows.size()); ++i) {
    const OverviewRow& row = model_->rows[i];
    if (row.heading) continue;
    if (found < 0) found = i;
    if (!path.empty() && row.path == path) {
      found = i;
      break;
    }
  }
  if (found >= 0) {
    const wxDataViewItem item = model_->GetItem(found);
    list_->Select(item);
    list_->SetCurrentItem(item);
    list_->EnsureVisible(item);
  }
  return found;
}

std::string OverviewPage::SelectedPath() const {
  const wxDataViewItem item = list_->GetSelection();
  if (!item.IsOk()) return {};
  const unsigned row = model_->GetRow(item);
  return row < model_->rows.size() ? model_->rows[row].path : std::string();
}

}  // namespace focal::gui
