// A strip across the top of the window for what the user must not miss:
// answers that could not be saved (with "Try again"), a preview notice, a
// workspace opened read-only. Plain words, no dialog.
#pragma once

#include <wx/panel.h>

#include <functional>

class wxButton;
class wxStaticText;

namespace focal::gui {

class Banner : public wxPanel {
 public:
  enum class Kind { Information, Warning, Failure };
  explicit Banner(wxWindow* parent);
  // Shows `message`; with `action`, a button labelled `actionLabel` runs it.
  void ShowMessage(Kind kind, const wxString& message, const wxString& actionLabel = {},
                   std::function<void()> action = {});
  void Dismiss();
  wxString Message() const;
  // The kind of the message shown.
  Kind ShownKind() const { return kind_; }
  // The button that hides a message the user has read (not a failure's).
  wxButton* CloseButton() const { return close_; }

 private:
  int WrapWidth() const;
  void Rewrap();

  wxString message_;
  Kind kind_ = Kind::Information;
  int wrappedAt_ = 0;
  wxStaticText* text_ = nullptr;
  wxButton* button_ = nullptr;
  wxButton* close_ = nullptr;
  std::function<void()> action_;
};

}  // namespace focal::gui
