#include "app/gui/provisions_window.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/main_frame.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

// A virtual list over the window's rows: nothing is copied into the control.
class ProvisionList : public wxListCtrl {
 public:
  ProvisionList(wxWindow* parent, const std::vector<ProvisionsWindow::Row>& rows)
      : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                   wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES),
        rows_(rows) {
    themeAttr_.SetFont(GetFont().Bold());
    themeAttr_.SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
    provisionAttr_.SetFont(GetFont().Bold());
    questionAttr_.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  }
  void Reset() {
    SetItemCount(static_cast<long>(rows_.size()));
    Refresh();
  }

 private:
  wxString OnGetItemText(long item, long column) const override {
    return rows_.at(static_cast<std::size_t>(item)).cells[column];
  }
  wxItemAttr* OnGetItemAttr(long item) const override {
    switch (rows_.at(static_cast<std::size_t>(item)).kind) {
      case ProvisionsWindow::Row::Kind::Theme:
        return &themeAttr_;
      case ProvisionsWindow::Row::Kind::Provision:
        return &provisionAttr_;
      default:
        return &questionAttr_;
    }
  }
  const std::vector<ProvisionsWindow::Row>& rows_;
  mutable wxItemAttr themeAttr_, provisionAttr_, questionAttr_;
};

ProvisionsWindow* ProvisionsWindow::ShowFor(MainFrame* owner) {
  auto* window = dynamic_cast<ProvisionsWindow*>(wxWindow::FindWindowByName(kWindowName, owner));
  if (window && window->model_ != owner->GetModel()) {
    window->Destroy();
    window = nullptr;
  }
  if (!window) window = new ProvisionsWindow(owner, owner->GetModel());
  window->Reload();
  window->Show();
  window->Raise();
  return window;
}

ProvisionsWindow::ProvisionsWindow(MainFrame* owner, std::shared_ptr<ResponseModel> model)
    : wxFrame(owner, wxID_ANY, _("Treaty provisions"), wxDefaultPosition, wxSize(1000, 640),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT, kWindowName),
      owner_(owner),
      model_(std::move(model)) {
  const Questionnaire& q = model_->questionnaire();
  const std::string language = model_->language();
  entries_ = provisionCoverage(q);
  std::erase_if(entries_, [](const ProvisionEntry& e) { return !e.ownInstrument; });

  auto* panel = new wxPanel(this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  themeChoice_ = new wxChoice(panel, wxID_ANY);
  themeChoice_->Append(_("All themes"));
  std::vector<std::string> keys{""};
  if (auto it = q.provisions.find(instrumentKey(q.info.instrument)); it != q.provisions.end()) {
    SetTitle(_("Treaty provisions") + wxString::FromUTF8(" \u2014 ") +
             FromUtf8(it->second->title.get(language, "en")));
    for (const auto& [key, label] : it->second->themes) {
      themeChoice_->Append(FromUtf8(label.get(language, "en")));
      keys.push_back(key);
    }
  }
  themeChoice_->SetSelection(0);
  themeChoice_->Bind(wxEVT_CHOICE, [this, keys](wxCommandEvent&) {
    FilterTheme(keys.at(static_cast<std::size_t>(themeChoice_->GetSelection())));
  });
  obligationChoice_ = new wxChoice(panel, wxID_ANY);
  obligationChoice_->Append(_("Every level of obligation"));
  for (Obligation o : {Obligation::Mandatory, Obligation::ShallConsider, Obligation::Optional})
    obligationChoice_->Append(FromUtf8(obligationLabel(o, language)));
  obligationChoice_->SetSelection(0);
  obligationChoice_->Bind(
      wxEVT_CHOICE, [this](wxCommandEvent&) { FilterObligation(obligationChoice_->GetSelection() - 1); });
  SetAccessibleName(themeChoice_, _("Theme"), _("Show the provisions of one theme"));
  SetAccessibleName(obligationChoice_, _("Level of obligation"), _("Show the provisions of one level"));
  filters->Add(new wxStaticText(panel, wxID_ANY, _("Theme:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
               FromDIP(4));
  filters->Add(themeChoice_, 0, wxRIGHT, FromDIP(12));
  filters->Add(new wxStaticText(panel, wxID_ANY, _("Obligation:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
               FromDIP(4));
  filters->Add(obligationChoice_, 0);
  summary_ = new wxStaticText(panel, wxID_ANY, wxString());

  list_ = new ProvisionList(panel, rows_);
  list_->AppendColumn(_("Provision or question"), wxLIST_FORMAT_LEFT, FromDIP(170));
  list_->AppendColumn(_("Obligation"), wxLIST_FORMAT_LEFT, FromDIP(120));
  list_->AppendColumn(_("Summary or question"), wxLIST_FORMAT_LEFT, FromDIP(500));
  list_->AppendColumn(_("Reply"), wxLIST_FORMAT_LEFT, FromDIP(210));
  SetAccessibleName(list_, _("Provisions"), _("Double-click or press Enter to go to the question"));
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
              [this](wxListEvent& event) { JumpFrom(static_cast<std::size_t>(event.GetIndex())); });
  Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& event) {
    if (event.GetActive()) Reload();
    event.Skip();
  });

  sizer->Add(filters, 0, wxALL, FromDIP(8));
  sizer->Add(summary_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  panel->SetSizer(sizer);
  Rebuild();
}

void ProvisionsWindow::FilterTheme(const std::string& theme) {
  theme_ = theme;
  Rebuild();
}

void ProvisionsWindow::FilterObligation(int obligation) {
  obligation_ = obligation;
  Rebuild();
}

void ProvisionsWindow::Reload() { Rebuild(); }

void ProvisionsWindow::Rebuild() {
  const Questionnaire& q = model_->questionnaire();
  const ResponseSession& session = model_->session();
  const std::string language = model_->language();
  const auto relevant = [&](const std::string& id) { return session.isRelevant(id); };
  rows_.clear();
  std::size_t shown = 0, covered = 0, open = 0;
  auto catalog = q.provisions.find(instrumentKey(q.info.instrument));
  if (catalog != q.provisions.end()) {
    for (const auto& [theme, label] : catalog->second->themes) {
      if (!theme_.empty() && theme_ != theme) continue;
      bool heading = false;
      for (Obligation level : {Obligation::Mandatory, Obligation::ShallConsider, Obligation::Optional}) {
        if (obligation_ >= 0 && static_cast<int>(level) != obligation_) continue;
        for (const auto& e : entries_) {
          const Provision& p = *e.provision;
          // Listed under its first theme, or under the theme chosen.
          const bool inTheme = theme_.empty()
                                   ? (!p.themes.empty() && p.themes.front() == theme)
                                   : std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
          if (p.obligation != level || !inTheme) continue;
          if (!heading) rows_.push_back({Row::Kind::Theme, {FromUtf8(label.get(language, "en"))}, {}});
          heading = true;
          ++shown;
          std::size_t answered = 0, asked = 0;
          std::string firstOpen;
          std::vector<Row> questions;
          for (int index : e.questions) {
            const Question& question = q.questions[index];
            const QuestionState state = questionState(question, session.answers(), relevant);
            if (state != QuestionState::NotAsked) ++asked;
            if (state == QuestionState::Answered || state == QuestionState::NotAvailable ||
                state == QuestionState::NotApplicable)
              ++answered;
            else if (state == QuestionState::Unanswered && firstOpen.empty())
              firstOpen = question.id;
            questions.push_back(
                {Row::Kind::Question,
                 {"      " + FromUtf8(question.id), wxString(), Localized(question.label, language, q),
                  FromUtf8(questionStateLabel(state, language))},
                 question.id});
          }
          wxString reply;
          if (e.questions.empty()) {
            reply = _("no question");
          } else {
            ++covered;
            // Follow-ups whose condition is not met are not counted.
            reply = wxString::Format(_("%zu of %zu answered"), answered, asked);
            if (answered < asked) ++open;
          }
          const std::string jump = !firstOpen.empty()    ? firstOpen
                                   : e.questions.empty() ? std::string()
                                                         : q.questions[e.questions.front()].id;
          rows_.push_back(
              {Row::Kind::Provision,
               {"  " + FromUtf8(p.citation(language)), FromUtf8(obligationLabel(p.obligation, language)),
                FromUtf8(p.summary.get(language, "en")), reply},
               jump});
          for (auto& row : questions) rows_.push_back(std::move(row));
        }
      }
    }
  }
  summary_->SetLabel(catalog == q.provisions.end()
                         ? _("No list of provisions is installed for this instrument; reinstall Focal.")
                         : wxString::Format(_("%zu provisions shown; %zu covered by a question, %zu of them "
                                              "with questions still open."),
                                            shown, covered, open));
  list_->Reset();
}

std::size_t ProvisionsWindow::RowCount() const { return rows_.size(); }

wxString ProvisionsWindow::RowText(std::size_t row, int column) const { return rows_.at(row).cells[column]; }

bool ProvisionsWindow::JumpFrom(std::size_t row) {
  if (row >= rows_.size() || rows_[row].question.empty()) return false;
  const bool done = owner_->GoToQuestion(rows_[row].question);
  if (done) owner_->Raise();
  return done;
}

}  // namespace focal::gui
