#include "app/gui/contribution_conflicts_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"

namespace focal::gui {

namespace {

wxString When(const std::string& iso) {
  wxString text = FromUtf8(iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC" : iso);
  return text;
}

wxString Stamp(const std::string& who, const std::string& when) {
  if (who.empty() && when.empty()) return _("not recorded");
  return wxString::Format(_("%s, %s"), FromUtf8(who), When(when));
}

wxString KindText(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::Value:
      return _("changed on both sides");
    case ConflictKind::RecordRemovedByThem:
      return _("record removed by the agency, changed by you");
    case ConflictKind::RecordRemovedByUs:
      return _("record removed by you, changed by the agency");
  }
  return {};
}

wxString Shown(const std::string& value, ConflictKind kind) {
  if (!value.empty()) return FromUtf8(value);
  return kind == ConflictKind::Value ? _("(no answer)") : _("(record removed)");
}

}  // namespace

ContributionConflictsDialog::ContributionConflictsDialog(wxWindow* parent, DocumentModel& model)
    : wxDialog(parent, wxID_ANY, _("Conflicts between contributions and your answers"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      model_(model),
      store_(std::make_unique<ContributionStore>(model.workspace())) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, wxString());
  sizer->Add(heading_, 0, wxALL, FromDIP(10));

  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 160)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Question"), wxLIST_FORMAT_LEFT, FromDIP(330));
  list_->AppendColumn(_("Agency"), wxLIST_FORMAT_LEFT, FromDIP(180));
  list_->AppendColumn(_("What happened"), wxLIST_FORMAT_LEFT, FromDIP(240));
  SetAccessibleName(list_, _("Conflicts to settle"));
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

  auto* sides = new wxFlexGridSizer(3, FromDIP(8), FromDIP(8));
  sides->AddGrowableCol(0);
  sides->AddGrowableCol(1);
  sides->AddGrowableCol(2);
  sides->AddGrowableRow(1);
  theirsTitle_ = new wxStaticText(this, wxID_ANY, wxString());
  oursTitle_ = new wxStaticText(this, wxID_ANY, wxString());
  baseTitle_ = new wxStaticText(this, wxID_ANY, wxString());
  auto box = [this] {
    return new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, 110)),
                          wxTE_MULTILINE | wxTE_READONLY);
  };
  theirs_ = box();
  ours_ = box();
  base_ = box();
  for (auto* title : {theirsTitle_, oursTitle_, baseTitle_}) sides->Add(title, 0, wxEXPAND);
  for (auto* text : {theirs_, ours_, base_}) sides->Add(text, 1, wxEXPAND);
  sizer->Add(sides, 1, wxEXPAND | wxALL, FromDIP(10));

  auto* editLabel = new wxStaticText(this, wxID_ANY, _("Or write the answer yourself:"));
  edited_ =
      new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
  SetAccessibleName(edited_, _("Your answer"), _("Saved when you press Save this answer."));
  sizer->Add(editLabel, 0, wxLEFT | wxRIGHT, FromDIP(10));
  sizer->Add(edited_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

  error_ = new wxStaticText(this, wxID_ANY, wxString());
  error_->SetForegroundColour(*wxRED);
  sizer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  takeTheirs_ = new wxButton(this, wxID_ANY, _("Take the agency's answer"));
  keepOurs_ = new wxButton(this, wxID_ANY, _("Keep my answer"));
  saveEdited_ = new wxButton(this, wxID_ANY, _("Save this answer"));
  buttons->Add(takeTheirs_, 0, wxRIGHT, FromDIP(6));
  buttons->Add(keepOurs_, 0, wxRIGHT, FromDIP(6));
  buttons->Add(saveEdited_, 0, wxRIGHT, FromDIP(6));
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
  SetSizerAndFit(sizer);
  SetEscapeId(wxID_CLOSE);

  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
    selected_ = static_cast<int>(event.GetIndex());
    ShowSelected();
  });
  takeTheirs_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TakeTheirs(); });
  keepOurs_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { KeepOurs(); });
  saveEdited_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveEdited(edited_->GetValue()); });
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
  Reload();
}

ContributionConflictsDialog::~ContributionConflictsDialog() = default;

void ContributionConflictsDialog::Reload() {
  try {
    conflicts_ = store_->openConflicts(model_.responseId());
  } catch (const std::exception& e) {
    conflicts_.clear();
    error_->SetLabelText(FromUtf8(e.what()));
  }
  const Questionnaire& q = model_.questionnaire();
  list_->DeleteAllItems();
  for (std::size_t i = 0; i < conflicts_.size(); ++i) {
    const auto& c = conflicts_[i];
    wxString question = FromUtf8(c.conflict.path);
    auto parsed =
        parseAnswerPath(c.conflict.kind == ConflictKind::Value ? c.conflict.path : c.conflict.repeat);
    if (const Question* found = parsed ? q.find(parsed->question) : nullptr)
      question += " " + Localized(found->label, model_.language(), q);
    const long row = list_->InsertItem(static_cast<long>(i), question);
    list_->SetItem(row, 1, FromUtf8(c.agency));
    list_->SetItem(row, 2, KindText(c.conflict.kind));
  }
  heading_->SetLabelText(conflicts_.empty() ? _("Every conflict is settled.")
                                            : wxString::Format(wxPLURAL("%d answer needs your decision.",
                                                                        "%d answers need your decision.",
                                                                        static_cast<int>(conflicts_.size())),
                                                               static_cast<int>(conflicts_.size())));
  selected_ = conflicts_.empty() ? -1 : std::min<int>(std::max(selected_, 0), ConflictCount() - 1);
  if (selected_ >= 0) list_->Select(selected_);
  ShowSelected();
}

const StoredConflict* ContributionConflictsDialog::Selected() const {
  return selected_ >= 0 && selected_ < ConflictCount() ? &conflicts_[selected_] : nullptr;
}

bool ContributionConflictsDialog::SelectPath(const std::string& path) {
  for (int i = 0; i < ConflictCount(); ++i)
    if (conflicts_[i].conflict.path == path) {
      selected_ = i;
      list_->Select(i);
      ShowSelected();
      return true;
    }
  return false;
}

void ContributionConflictsDialog::ShowSelected() {
  const StoredConflict* c = Selected();
  for (auto* w : std::initializer_list<wxWindow*>{takeTheirs_, keepOurs_, theirs_, ours_, base_})
    w->Enable(c);
  const bool value = c && c->conflict.kind == ConflictKind::Value;
  edited_->Enable(value);
  saveEdited_->Enable(value);
  if (!c) {
    for (auto* t : {theirs_, ours_, base_, edited_}) t->ChangeValue(wxString());
    for (auto* t : {theirsTitle_, oursTitle_, baseTitle_}) t->SetLabelText(wxString());
    return;
  }
  theirsTitle_->SetLabelText(
      wxString::Format(_("%s: %s"), FromUtf8(c->agency), Stamp(c->theirsBy, c->theirsAt)));
  oursTitle_->SetLabelText(wxString::Format(_("Yours: %s"), Stamp(c->oursBy, c->oursAt)));
  baseTitle_->SetLabelText(wxString::Format(_("When asked: %s"), Stamp(c->baseBy, c->baseAt)));
  theirs_->ChangeValue(Shown(c->conflict.theirs, c->conflict.kind));
  ours_->ChangeValue(Shown(c->conflict.ours, c->conflict.kind));
  base_->ChangeValue(Shown(c->conflict.base, c->conflict.kind));
  edited_->ChangeValue(value ? FromUtf8(c->conflict.ours) : wxString());
  SetAccessibleName(theirs_, theirsTitle_->GetLabelText());
  SetAccessibleName(ours_, oursTitle_->GetLabelText());
  SetAccessibleName(base_, baseTitle_->GetLabelText());
  Layout();
}

bool ContributionConflictsDialog::Resolve(Resolution resolution, const std::string& value) {
  const StoredConflict* c = Selected();
  if (!c) return false;
  error_->SetLabelText(wxString());
  try {
    resolveConflict(model_.document(), *store_, *c, resolution, value);
  } catch (const std::exception& e) {
    error_->SetLabelText(FromUtf8(e.what()));
    error_->Wrap(FromDIP(740));
    Layout();
    return false;
  }
  Reload();
  return true;
}

bool ContributionConflictsDialog::TakeTheirs() { return Resolve(Resolution::Theirs, {}); }
bool ContributionConflictsDialog::KeepOurs() { return Resolve(Resolution::Ours, {}); }
bool ContributionConflictsDialog::SaveEdited(const wxString& value) {
  return Resolve(Resolution::Edited, ToUtf8(value));
}
wxString ContributionConflictsDialog::EditedValue() const { return edited_->GetValue(); }
wxString ContributionConflictsDialog::ErrorText() const { return error_->GetLabelText(); }

}  // namespace focal::gui
