#include "app/gui/banner.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/accessibility.h"

namespace focal::gui {

Banner::Banner(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  auto* sizer = new wxBoxSizer(wxHORIZONTAL);
  text_ = new wxStaticText(this, wxID_ANY, wxString());
  button_ = new wxButton(this, wxID_ANY, wxString());
  button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (action_) action_();
  });
  close_ =
      new wxButton(this, wxID_ANY, wxString::FromUTF8("✕"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  close_->SetToolTip(_("Close this message"));
  SetAccessibleName(close_, _("Close this message"));
  close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Dismiss(); });
  sizer->Add(text_, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(8));
  sizer->Add(button_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
  sizer->Add(close_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
  SetSizer(sizer);
  Hide();
  // Long messages wrap to the width of the window, also when it changes.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    event.Skip();
    const int width = WrapWidth();
    if (width != wrappedAt_) CallAfter([this] { Rewrap(); });
  });
}

int Banner::WrapWidth() const {
  int button = button_->IsShown() ? button_->GetBestSize().x + FromDIP(24) : 0;
  if (close_->IsShown()) button += close_->GetBestSize().x + FromDIP(12);
  return std::max(FromDIP(200), GetParent()->GetClientSize().x - button - FromDIP(24));
}

void Banner::Rewrap() {
  wrappedAt_ = WrapWidth();
  text_->SetLabelText(message_);
  text_->Wrap(wrappedAt_);
  GetParent()->Layout();
}

void Banner::ShowMessage(Kind kind, const wxString& message, const wxString& actionLabel,
                         std::function<void()> action) {
  kind_ = kind;
  switch (kind) {
    case Kind::Information:
      SetBackgroundColour(wxColour(225, 238, 250));
      SetForegroundColour(wxColour(10, 40, 80));
      break;
    case Kind::Warning:
      SetBackgroundColour(wxColour(255, 243, 205));
      SetForegroundColour(wxColour(60, 45, 0));
      break;
    case Kind::Failure:
      SetBackgroundColour(wxColour(176, 0, 32));
      SetForegroundColour(*wxWHITE);
      break;
  }
  text_->SetForegroundColour(GetForegroundColour());
  message_ = message;
  SetAccessibleName(text_, message);
  action_ = std::move(action);
  button_->SetLabel(actionLabel);
  button_->Show(static_cast<bool>(action_));
  // Answers at risk stay on screen until they are saved.
  close_->Show(kind != Kind::Failure);
  Show();
  Rewrap();
  Refresh();
}

void Banner::Dismiss() {
  if (!IsShown()) return;
  Hide();
  GetParent()->Layout();
}

wxString Banner::Message() const { return IsShown() ? message_ : wxString(); }

}  // namespace focal::gui
