// Wrapping a static text to a width. wxStaticText::Wrap breaks lines only at
// spaces, so a Chinese question, which has none, ran off the page in one
// line. WrapLabel breaks Chinese (and Japanese) text between any two
// characters, keeping closing punctuation (，。：) with the character before it
// and opening brackets (（《) with the one after; other text breaks at spaces,
// each line as long as the width allows.
#pragma once

#include <wx/control.h>
#include <wx/stattext.h>

namespace focal::gui {

// Wraps `label`'s current text at `width` pixels (nothing when width <= 0).
void WrapLabel(wxStaticText* label, int width);

// Sets `text` on `label`, wrapped the same way, in one change, then has wx
// measure it once and turns GTK's own wrapping of it off (label_wrap.cpp).
// Made with wxST_NO_AUTORESIZE (and its font set first), a label's text is
// then shaped once, not at every change: measuring text was the largest
// cost of opening a section. Nothing changes when it already shows `text`
// so wrapped.
void SetWrappedLabel(wxStaticText* label, const wxString& text, int width);

// A label of a short text that is not broken into lines (a field's name,
// "No file attached."): made with wxST_NO_AUTORESIZE and set with
// SetWrappedLabel(label, text, 0), so that its text is shaped once. A
// static text wx makes otherwise has GTK's wrapping on, which wx turns off
// and on again around each of its measurements, each time shaping the text
// anew, and GTK then measures it at several widths. Change its text with
// SetWrappedLabel too.
wxStaticText* MakeLabel(wxWindow* parent, const wxString& text);

// The bold of the toolkit's font for labels, asked of GTK once.
const wxFont& BoldFont(const wxWindow* window);

// Sets `text` as the label of a check box or radio button, broken into
// lines the same way when the button would be wider than `width` pixels:
// GTK never wraps a button's label, and a button given less than its width
// cut a long choice off in mid-word.
void WrapButtonLabel(wxControl* button, const wxString& text, int width);

// Whether `text` holds Chinese or Japanese characters (the texts WrapLabel wraps itself).
bool HasCjk(const wxString& text);

}  // namespace focal::gui
