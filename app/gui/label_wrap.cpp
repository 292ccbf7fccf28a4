#include "app/gui/label_wrap.h"

#include <wx/dcclient.h>

#include <algorithm>

#include "app/gui/toolkit_symbol.h"

namespace focal::gui {

namespace {

bool IsCjk(wxUniChar c) {
  const auto v = c.GetValue();
  return (v >= 0x2E80 && v <= 0x9FFF) ||  // radicals, punctuation, kana, CJK ideographs
         (v >= 0xF900 && v <= 0xFAFF) ||  // compatibility ideographs
         (v >= 0xFF00 && v <= 0xFFEF) ||  // full-width forms
         (v >= 0x20000 && v <= 0x3FFFF);  // the supplementary ideographs
}

bool NoBreakBefore(wxUniChar c) {
  static const wxString closing = wxString::FromUTF8("，。、；：？！）》」』】〕〉…％,.;:?!)]}%");
  return closing.Find(c) != wxNOT_FOUND;
}

bool NoBreakAfter(wxUniChar c) {
  static const wxString opening = wxString::FromUTF8("（《「『【〔〈([{“‘");
  return opening.Find(c) != wxNOT_FOUND;
}

// One paragraph (no '\n') broken into lines of at most `width` pixels.
wxString WrapParagraph(wxDC& dc, const wxString& paragraph, int width) {
  if (paragraph.empty()) return paragraph;
  wxArrayInt extents;  // extents[i]: the width of the paragraph's first i + 1 characters
  if (!dc.GetPartialTextExtents(paragraph, extents) || extents.size() != paragraph.length()) return paragraph;
  const auto widthOf = [&](size_t begin, size_t end) {  // characters [begin, end)
    return extents[end - 1] - (begin > 0 ? extents[begin - 1] : 0);
  };
  wxString out;
  size_t start = 0;                 // first character of the current line
  size_t breakAt = wxString::npos;  // last place the current line may end (before that character)
  for (size_t i = 0; i < paragraph.length(); ++i) {
    const wxUniChar c = paragraph[i];
    if (i > start) {
      const wxUniChar previous = paragraph[i - 1];
      const bool afterSpace = previous == ' ';
      const bool betweenCjk = IsCjk(previous) || IsCjk(c);
      if ((afterSpace || betweenCjk) && !NoBreakBefore(c) && !NoBreakAfter(previous) && c != ' ') breakAt = i;
    }
    if (c == ' ') continue;  // a space at the end of a line is dropped, never wraps it
    if (widthOf(start, i + 1) > width && breakAt != wxString::npos && breakAt > start) {
      // The extents within a whole paragraph differ from a line measured
      // alone by several pixels (GTK): a word that fits, measured as the
      // line it ends, stays on it instead of going a line early.
      size_t end = i + 1;
      while (end < paragraph.length() && paragraph[end] != ' ' && !IsCjk(paragraph[end]) &&
             !IsCjk(paragraph[end - 1]))
        ++end;
      if (dc.GetTextExtent(paragraph.Mid(start, end - start)).x <= width) {
        i = end - 1;
        continue;
      }
      wxString line = paragraph.Mid(start, breakAt - start);
      line.Trim();
      out += line + '\n';
      start = breakAt;
      while (start < paragraph.length() && paragraph[start] == ' ') ++start;
      breakAt = wxString::npos;
      i = start - 1;  // the next line is measured from its start again
    }
  }
  out += paragraph.Mid(start);
  return out;
}

// GTK's own wrapping off. wxGTK 3.2 turns it on for every static text, and
// off and on again around each of its own measurements; GTK then measures a
// wrapping label at several widths (the longest word, the whole text, the
// width given), shaping its text anew each time: the largest cost of
// building a section. Focal breaks the lines itself (WrapText), so GTK's
// wrapping never changes a line. After wx has measured the label: wx keeps
// that size until the text changes (SetWrappedLabel measures it again).
void NoToolkitWrap(wxStaticText* label) {
#ifdef __WXGTK__
  static const auto setLineWrap = ToolkitFunction<void (*)(void*, int)>("gtk_label_set_line_wrap");
  if (setLineWrap && label->GetHandle()) setLineWrap(label->GetHandle(), 0);
#else
  (void)label;
#endif
}

// `text` broken into lines of at most `width` pixels in `dc`'s font.
wxString WrapText(wxDC& dc, const wxString& text, int width) {
  wxString out;
  size_t begin = 0;
  while (true) {
    const size_t end = text.find('\n', begin);
    out += WrapParagraph(dc, text.substr(begin, end == wxString::npos ? wxString::npos : end - begin), width);
    if (end == wxString::npos) break;
    out += '\n';
    begin = end + 1;
  }
  return out;
}

}  // namespace

bool HasCjk(const wxString& text) {
  for (const wxUniChar c : text)
    if (IsCjk(c)) return true;
  return false;
}

void WrapLabel(wxStaticText* label, int width) { SetWrappedLabel(label, label->GetLabelText(), width); }

void SetWrappedLabel(wxStaticText* label, const wxString& text, int width) {
  // Every text is broken here, not by wxStaticText::Wrap: that one broke a
  // line a word early (a title's "…validity of / documents" with room left
  // for "documents") and measured each word again for every line.
  wxString shown = text;
  if (width > 0 && !text.empty()) {
    wxClientDC dc(label);
    dc.SetFont(label->GetFont());
    shown = WrapText(dc, text, width);
  }
  if (label->GetLabelText() == shown) return;  // the size wx measured holds
  label->SetLabelText(shown);
  // A label made with wxST_NO_AUTORESIZE keeps its best size until told:
  // measured now, then GTK's wrapping off until the next text.
  label->InvalidateBestSize();
  label->GetBestSize();
  NoToolkitWrap(label);
}

wxStaticText* MakeLabel(wxWindow* parent, const wxString& text) {
  auto* label =
      new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
  SetWrappedLabel(label, text, 0);
  return label;
}

const wxFont& BoldFont(const wxWindow* window) {
  // A label's font is the toolkit's and does not change while Focal runs;
  // asking GTK for it anew cost as much as making the label.
  static const wxFont bold = window->GetFont().Bold();
  return bold;
}

void WrapButtonLabel(wxControl* button, const wxString& text, int width) {
  // A button made with `text` keeps the size GTK measured for it.
  if (button->GetLabelText() != text) {
    button->SetLabelText(text);
    button->InvalidateBestSize();
  }
  const int whole = button->GetBestSize().x;
  if (width <= 0 || text.empty() || whole <= width) return;
  wxClientDC dc(button);
  dc.SetFont(button->GetFont());
  // The box or circle and its spacing, beside the text.
  const int indicator = std::max(0, whole - dc.GetTextExtent(text).x);
  button->SetLabelText(WrapText(dc, text, std::max(40, width - indicator)));
  button->InvalidateBestSize();
}

}  // namespace focal::gui
