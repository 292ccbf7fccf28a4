#include "app/gui/history_dialog.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"

namespace focal::gui {

namespace {

// What of the question a history row changed: its answer, a part of it
// (a citation's title, a table cell), or a mark.
wxString PartName(const std::string& path) {
  const auto parsed = parseAnswerPath(path);
  if (!parsed) return FromUtf8(path);
  if (parsed->mark == "comment") return _("comment");
  if (parsed->mark == "status") return _("not available / not applicable");
  if (parsed->mark == "carried") return _("carried forward");
  if (!parsed->mark.empty()) return FromUtf8(parsed->mark);
  if (parsed->part.empty()) return _("answer");
  return FromUtf8(parsed->partText());
}

wxString Shown(const std::string& value) {
  if (value.empty()) return _("(removed)");
  if (value == "not_available") return _("information not available");
  if (value == "not_applicable") return _("not applicable");
  wxString text = FromUtf8(value);
  text.Replace("\n", " ");
  return text.length() > 200 ? text.Left(200) + wxString::FromUTF8("…") : text;
}

}  // namespace

HistoryDialog::HistoryDialog(wxWindow* parent, ResponseModel& model, const std::string& questionId,
                             const wxString& label)
    : wxDialog(parent, wxID_ANY, _("History of the question"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* heading = new wxStaticText(this, wxID_ANY, wxString());
  heading->SetLabelText(FromUtf8(questionId) + ": " + label);
  heading->Wrap(FromDIP(680));
  auto* list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(940, 320)),
                              wxLC_REPORT | wxLC_SINGLE_SEL);
  list->AppendColumn(_("When (UTC)"), wxLIST_FORMAT_LEFT, FromDIP(170));
  list->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, FromDIP(110));
  list->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, FromDIP(150));
  list->AppendColumn(_("Value"), wxLIST_FORMAT_LEFT, FromDIP(280));
  // The change the value came with (an import, a fill, carrying forward); empty for typing.
  list->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, FromDIP(220));
  const auto history = model.history(questionId);
  // Newest first: that is what one looks for.
  long row = 0;
  for (auto it = history.rbegin(); it != history.rend(); ++it, ++row) {
    wxString when = FromUtf8(it->changedAt);
    when.Replace("T", " ");
    list->InsertItem(row, when.BeforeFirst('.'));
    list->SetItem(row, 1, FromUtf8(it->changedBy));
    list->SetItem(row, 2, PartName(it->path));
    list->SetItem(row, 3, Shown(it->value));
    list->SetItem(row, 4, FromUtf8(it->description));
  }
  SetAccessibleName(list, _("History of the question"), heading->GetLabelText());
  sizer->Add(heading, 0, wxALL, FromDIP(10));
  if (history.empty())
    sizer->Add(new wxStaticText(this, wxID_ANY, _("This question has not been answered yet.")), 0,
               wxLEFT | wxRIGHT, FromDIP(10));
  sizer->Add(list, 1, wxEXPAND | wxALL, FromDIP(10));
  sizer->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, FromDIP(10));
  SetSizerAndFit(sizer);
  if (list->GetItemCount() > 0) list->Select(0);
  list->SetFocus();
}

}  // namespace focal::gui
