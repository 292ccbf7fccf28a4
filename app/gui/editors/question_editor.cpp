#include "app/gui/editors/question_editor.h"

#include <wx/textentry.h>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <algorithm>

#include "app/gui/accessibility.h"
#include "app/gui/editors/editors.h"
#include "app/gui/editors/offer_bar.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/label_text.h"

namespace focal::gui {

namespace {
enum TextStyle { kPlain = 0, kBold = 1, kGrey = 2, kError = 4 };
}  // namespace

QuestionEditor::QuestionEditor(EditorHost& host, const Question& question, std::string path)
    : host_(host), question_(question), path_(std::move(path)) {}

bool QuestionEditor::HasMarks() const { return takesAnswer(question_.type); }

bool QuestionEditor::ReadOnlyType() const {
  return question_.type == QuestionType::Note || question_.type == QuestionType::Calculate;
}

void QuestionEditor::Create(wxWindow* parent) {
  panel_ = new wxPanel(parent, wxID_ANY);
  panel_->SetClientData(this);  // lets focus changes find the innermost editor
  showsAnswers_ = showsAnswers(question_);
  sizer_ = new wxBoxSizer(wxVERTICAL);
  if (question_.type != QuestionType::Note) {
    // Known now, so that the label is wrapped once, with its " *".
    required_ = host_.Model().session().isRequired(path_);
    label_ = AddWrapped(panel_, sizer_, LabelText(), kBold);
    if (!question_.help.empty()) AddWrapped(panel_, sizer_, Text(question_.help), kGrey, &question_.help);
    if (question_.readOnly)
      AddWrapped(panel_, sizer_, _("Given by the questionnaire; it cannot be changed here."), kGrey);
  }
  BuildInput(panel_, sizer_);
  if (HasMarks()) BuildMarks(sizer_);
  panel_->SetSizer(sizer_);
  panel_->Bind(wxEVT_CHILD_FOCUS, [this](wxChildFocusEvent& event) {
    event.Skip();
    for (wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
      if (w->GetClientData()) {
        if (w == panel_) host_.Focused(*this);
        break;
      }
  });
}

void QuestionEditor::BuildMarks(wxBoxSizer* sizer) {
  // One tab stop after the answer for what is seldom needed.
  marksSizer_ = new wxBoxSizer(wxHORIZONTAL);
  more_ = new wxButton(panel_, wxID_ANY, _("More") + wxString::FromUTF8(" \u25BE"), wxDefaultPosition,
                       wxDefaultSize, wxBU_EXACTFIT);
  const wxString offers = question_.allowNotAvailable
                              ? _("Information not available, a comment, or clearing the answer.")
                              : _("A comment, or clearing the answer.");
  SetAccessibleName(more_, Text(question_.label) + ": " + _("More"), offers);
  more_->SetToolTip(offers);
  more_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowMoreMenu(); });
  marksSizer_->Add(more_, 0, wxALIGN_CENTER_VERTICAL);
  sizer->Add(marksSizer_, 0, wxTOP, Dip(4, panel_));
}

void QuestionEditor::ShowMoreMenu() {
  auto menu = MoreMenu();
  RunMore(more_->GetPopupMenuSelectionFromUser(*menu, 0, more_->GetSize().y));
}

std::unique_ptr<wxMenu> QuestionEditor::MoreMenu() {
  auto menu = std::make_unique<wxMenu>();
  if (question_.allowNotAvailable) {
    menu->AppendCheckItem(kMoreNotAvailable, ContentText(ContentWord::NotAvailable));
    menu->Check(kMoreNotAvailable, Session().value(MarkPath("status")) == "not_available");
  }
  menu->Append(kMoreComment, comment_ ? _("Go to the co&mment") : _("Add a co&mment"));
  menu->Append(kMoreClear, _("&Clear the answer"));
  menu->Enable(kMoreClear, CanClear());
  return menu;
}

void QuestionEditor::RunMore(int command) {
  switch (command) {
    case kMoreNotAvailable:
      SetNotAvailable(Session().value(MarkPath("status")) != "not_available");
      break;
    case kMoreComment:
      ShowComment(true);
      break;
    case kMoreClear:
      ClearAnswer();
      FocusInput();
      break;
    default:
      break;
  }
}

void QuestionEditor::SetNotAvailable(bool notAvailable) {
  if (!question_.allowNotAvailable) return;
  host_.FlushTyping();
  Write({{MarkPath("status"), notAvailable ? "not_available" : ""}});
}

bool QuestionEditor::CanClear() {
  if (question_.type == QuestionType::Repeat || question_.type == QuestionType::Attachment || ReadOnlyType())
    return false;  // records and files have their own Remove
  return !ClearWrites().empty();
}

void QuestionEditor::ClearAnswer() {
  if (!CanClear()) return;
  host_.FlushTyping();
  Write(ClearWrites());
}

std::vector<AnswerWrite> QuestionEditor::ClearWrites() {
  // The value, its parts (a table's cells, a citation's fields, "Other"), and its status.
  std::vector<AnswerWrite> writes;
  const auto& answers = Session().answers();
  for (auto it = answers.lower_bound(path_); it != answers.end() && it->first.starts_with(path_); ++it) {
    const std::string rest = it->first.substr(path_.size());
    if (!it->second.empty() && (rest.empty() || rest.front() == '/' || rest == "@status"))
      writes.push_back({it->first, ""});
  }
  return writes;
}

wxStaticText* QuestionEditor::AddWrapped(wxWindow* parent, wxSizer* sizer, const wxString& text, int flags,
                                         const LocalizedText* source) {
  // Font and colour first, then the wrapped text once (label_wrap.h).
  auto* label =
      new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
  if (flags & kBold) label->SetFont(BoldFont(label));
  if (flags & kGrey) label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  if (flags & kError) label->SetForegroundColour(wxColour(176, 0, 32));
  SetWrappedLabel(label, text, host_.WrapWidth());
  wrapped_.emplace_back(label, text);
  if (source && showsAnswers_) live_.emplace_back(label, source);
  sizer->Add(label, 0, wxEXPAND | wxBOTTOM, Dip(2, parent));
  return label;
}

bool QuestionEditor::ShowWrapped(wxStaticText* label, const wxString& text) {
  for (auto& [shown, original] : wrapped_)
    if (shown == label) {
      if (original == text) return false;
      original = text;
    }
  SetWrappedLabel(label, text, host_.WrapWidth());
  return true;
}

bool QuestionEditor::RefreshTexts() {
  bool changed = false;
  if (label_) changed |= ShowWrapped(label_, LabelText());
  for (auto& [label, source] : live_) changed |= ShowWrapped(label, Text(*source));
  if (changed)
    if (wxWindow* input = FirstInput()) Describe(input);
  return changed;
}

void QuestionEditor::Rewrap(int width) {
  for (auto& [label, text] : wrapped_) SetWrappedLabel(label, text, width);
}

wxString QuestionEditor::Text(const LocalizedText& text) const {
  if (text.empty()) return {};
  const std::string& shown = text.get(host_.Language(), host_.Model().questionnaire().defaultLanguage());
  if (shown.find("${") == std::string::npos) return FromUtf8(shown);
  return FromUtf8(fillText(host_.Model().session(), shown));
}

wxString QuestionEditor::ContentText(ContentWord word) const {
  return FromUtf8(contentWord(word, host_.Language()));
}

wxString QuestionEditor::LabelText() const {
  wxString label = Text(question_.label);
  // The number the printed report and the texts' {number:id} give it.
  if (const std::string& number = host_.Model().shownNumber(question_.id); !number.empty())
    label = FromUtf8(number) + "  " + label;
  if (required_) label += " *";
  return label;
}

void QuestionEditor::Describe(wxWindow* input, const wxString& what) {
  wxString name = Text(question_.label);
  if (!what.empty()) name += ": " + what;
  wxString description;
  if (required_) description += _("Required.") + " ";
  if (!question_.help.empty()) description += Text(question_.help) + " ";
  if (!error_text_.empty()) description += error_text_;
  SetAccessibleName(input, name, description.Strip(wxString::both));
}

std::string QuestionEditor::PartPath(const std::string& part, const std::string& subpart) const {
  std::string path = path_;
  if (!part.empty()) path += "/" + part;
  if (!subpart.empty()) path += "/" + subpart;
  return path;
}

std::string QuestionEditor::MarkPath(const std::string& mark) const { return withMark(path_, mark); }

void QuestionEditor::Write(std::vector<AnswerWrite> writes, const std::string& mergeKey) {
  const std::string carried = MarkPath("carried");
  const bool changesValue = std::any_of(writes.begin(), writes.end(), [](const AnswerWrite& w) {
    return w.path.find('@') == std::string::npos;
  });
  if (changesValue && !Session().value(carried).empty()) writes.push_back({carried, ""});
  host_.Write(writes, mergeKey);
}

void QuestionEditor::WriteValue(const std::string& value, const std::string& part) {
  host_.FlushTyping();
  Write({{PartPath(part), value}});
}

void QuestionEditor::BindText(wxTextCtrl* text, const std::string& path, bool trim) {
  auto commit = [this, text, path, trim] {
    wxString typed = text->GetValue();
    if (trim) typed.Trim(true).Trim(false);
    const std::string value = ToUtf8(typed);
    if (value == Session().value(path)) return;
    // A comment is a mark; it must not confirm a carried-forward answer.
    if (path.find('@') != std::string::npos)
      host_.Write({{path, value}}, path);
    else
      Write({{path, value}}, path);
  };
  text->Bind(wxEVT_TEXT, [this, path, commit](wxCommandEvent& event) {
    event.Skip();
    if (!updating_) host_.Typing(path, commit);
  });
  text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
    event.Skip();
    InputLeft();
    host_.Model().sealUndoStep();
  });
}

void QuestionEditor::InputLeft() {
  leaving_ = true;
  host_.FlushTyping();
  leaving_ = false;
  if (!errorWaiting_ || !panel_) return;
  errorWaiting_ = false;
  const wxString error = Message(Session());
  if (error != appliedError_) {
    ApplyError(error);
    host_.Relayout();
  }
}

bool QuestionEditor::HasFocusInside() const {
  // Only a box being typed in: a click on a button or a box applies at once.
  wxWindow* focus = wxWindow::FindFocus();
  if (!dynamic_cast<wxTextEntry*>(focus)) return false;
  for (wxWindow* w = focus; w; w = w->GetParent())
    if (w == panel_) return true;
  return false;
}

wxString QuestionEditor::Message(const ResponseSession& session) const {
  const wxString error = FromUtf8(session.error(path_));
  if (!error.empty()) return error;
  const std::string warning = session.warning(path_);
  return warning.empty() ? wxString() : "\t" + FromUtf8(warning);  // a tab marks a soft check
}

void QuestionEditor::ApplyError(const wxString& error) {
  appliedError_ = error;
  if (error.StartsWith("\t")) {  // a warning: shown under the input, never in place
    SetError(error.Mid(1), true);
    return;
  }
  const wxString words = InUserWords(error);
  SetError(ShowErrorInPlace(words) ? wxString() : words);
}

void QuestionEditor::ShowText(wxTextCtrl* text, const std::string& value) {
  const wxString shown = FromUtf8(value);
  if (text->GetValue() != shown) text->ChangeValue(shown);
}

bool QuestionEditor::Update(const ResponseSession& session) {
  bool changed = false;
  const bool relevant = session.isRelevant(path_);
  if (relevant != relevant_) {
    relevant_ = relevant;
    panel_->Show(relevant);
    changed = true;
  }
  if (!relevant) return changed;
  updating_ = true;
  const bool required = session.isRequired(path_);
  if (required != required_ && label_) {
    required_ = required;
    changed |= ShowWrapped(label_, LabelText());
  }
  // Texts that show answers (${id}) follow them.
  if (showsAnswers_) changed |= RefreshTexts();
  changed |= SetValue(session);
  if (HasMarks()) changed |= UpdateMarks(session);
  const wxString error = Message(session);
  if (error != appliedError_) {
    // While the user types in this question its messages stay as they are,
    // so that nothing moves under the pointer; they change when it is left.
    if (!leaving_ && HasFocusInside()) {
      errorWaiting_ = true;
    } else {
      ApplyError(error);
      changed = true;
    }
  }
  updating_ = false;
  return changed;
}

bool QuestionEditor::UpdateMarks(const ResponseSession& session) {
  bool changed = false;
  const std::string status = session.value(MarkPath("status"));
  // The mark in words, where the box to tick used to be.
  const wxString said = status == "not_applicable"
                            ? _("Marked not applicable. Use Question > Not applicable to undo.")
                        : status == "not_available" ? _("Information not available. Use More to undo.")
                                                    : wxString();
  if (!said.empty() && !statusLine_) {
    statusLine_ = new wxStaticText(panel_, wxID_ANY, wxString());
    statusLine_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer_->Insert(sizer_->GetItemCount() - 1, statusLine_, 0, wxTOP, Dip(2, panel_));
  }
  if (statusLine_ && !said.empty() && statusLine_->GetLabelText() != said) statusLine_->SetLabelText(said);
  if (statusLine_ && statusLine_->IsShown() != !said.empty()) {
    statusLine_->Show(!said.empty());
    changed = true;
  }
  if (more_) {
    wxString description = more_->GetToolTipText();
    if (!said.empty()) description = said + " " + description;
    SetAccessibleName(more_, more_->GetName(), description);
  }
  const bool enableInput = status.empty() && !question_.readOnly;
  if (enableInput != inputEnabled_) {
    inputEnabled_ = enableInput;
    EnableInput(enableInput && enabled_);
  }
  const std::string comment = session.value(MarkPath("comment"));
  if (!comment.empty() && !comment_) {
    ShowComment(false);
    changed = true;
  }
  if (comment_) ShowText(comment_, comment);
  const bool pending = session.value(MarkPath("carried")) == "pending";
  if (pending != (carried_ && carried_->IsShown())) {
    UpdateCarried(pending);
    changed = true;
  }
  changed |= UpdateOffers(session);
  return changed;
}

bool QuestionEditor::UpdateOffers(const ResponseSession& session) {
  if (path_ != question_.id) return false;  // top-level questions only
  // Made when first needed: most questions never have anything to show.
  if (!offerBar_ && host_.Model().offers(question_.id).empty() && session.value(MarkPath("previous")).empty())
    return false;
  if (!offerBar_) {
    offerBar_ = new OfferBar(panel_, host_, question_);
    const std::size_t index = question_.help.empty() ? 1 : 2;  // under the label and help
    sizer_->Insert(std::min(index, sizer_->GetItemCount()), offerBar_, 0, wxEXPAND | wxBOTTOM,
                   Dip(4, panel_));
  }
  return offerBar_->Update(session);
}

void QuestionEditor::UpdateCarried(bool pending) {
  if (pending && !carried_) {
    carried_ = new wxPanel(panel_, wxID_ANY);
    carried_->SetBackgroundColour(wxColour(255, 243, 205));
    carried_->SetForegroundColour(wxColour(60, 45, 0));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxStaticText(
        carried_, wxID_ANY, _("Carried forward from the previous cycle. Please confirm it or change it."));
    auto* confirm =
        new wxButton(carried_, wxID_ANY, _("&Confirm"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    SetAccessibleName(confirm,
                      _("Confirm the answer carried forward") + ": " +
                          Localized(question_.label, host_.Language(), host_.Model().questionnaire()));
    confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      host_.FlushTyping();
      host_.Write({{MarkPath("carried"), ""}});
    });
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxALL, Dip(4, panel_));
    row->Add(confirm, 0, wxALIGN_CENTER_VERTICAL | wxALL, Dip(2, panel_));
    carried_->SetSizer(row);
    // Right under the label and help, above the input.
    const std::size_t index = question_.help.empty() ? 1 : 2;
    sizer_->Insert(std::min(index, sizer_->GetItemCount()), carried_, 0, wxEXPAND | wxBOTTOM, Dip(4, panel_));
  }
  if (carried_) carried_->Show(pending);
}

void QuestionEditor::ShowComment(bool focus) {
  if (!comment_) {
    comment_ = new wxTextCtrl(panel_, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, Dip(48, panel_)),
                              wxTE_MULTILINE);
    comment_->SetHint(_("Comment"));
    SetAccessibleName(comment_, Localized(question_.label, host_.Language(), host_.Model().questionnaire()) +
                                    ": " + _("Comment"));
    BindText(comment_, MarkPath("comment"));
    sizer_->Add(comment_, 0, wxEXPAND | wxTOP, Dip(4, panel_));
    comment_->MoveAfterInTabOrder(more_);
    host_.Relayout();
  }
  if (focus) comment_->SetFocus();
}

void QuestionEditor::SetError(const wxString& message, bool soft) {
  error_text_ = message;
  soft_ = soft && !message.empty();
  if (!message.empty() && !error_) {
    error_ =
        new wxStaticText(panel_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    error_->SetForegroundColour(wxColour(176, 0, 32));
    const std::size_t index = marksSizer_ ? sizer_->GetItemCount() - 1 : sizer_->GetItemCount();
    sizer_->Insert(index, error_, 0, wxEXPAND | wxTOP, Dip(2, panel_));
  }
  if (error_) {
    // An error in red with ⚠; a soft check (`warning:`) in amber, as advice.
    error_->SetForegroundColour(soft_ ? wxColour(138, 87, 0) : wxColour(176, 0, 32));
    SetWrappedLabel(error_,
                    message.empty() ? wxString()
                                    : wxString::FromUTF8(soft_ ? "ⓘ " : "⚠ ") +
                                          (soft_ ? _("Please check:") + " " : wxString()) + message,
                    host_.WrapWidth());
    error_->Show(!message.empty());
  }
  if (wxWindow* input = FirstInput()) Describe(input);
}

void QuestionEditor::Enable(bool enable) {
  enabled_ = enable;
  EnableInput(enable && inputEnabled_);
  if (more_) more_->Enable(enable);
  if (comment_) comment_->SetEditable(enable);
}

void QuestionEditor::FocusInput() {
  if (wxWindow* input = FirstInput(); input && input->IsShownOnScreen() && input->IsEnabled())
    input->SetFocus();
  else if (more_)
    more_->SetFocus();  // the input is off while "not available" is marked
}

}  // namespace focal::gui
