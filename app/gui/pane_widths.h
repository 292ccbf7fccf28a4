// The widths of the two panes beside the page of questions: the section
// tree and the treaty text. The questions come first: in a narrow window the
// panes give up width so that the questions keep enough to be read.
#pragma once

namespace focal::gui {

struct PaneWidths {
  int tree = 0;
  int reference = 0;
  bool operator==(const PaneWidths&) const = default;
};

// The panes' widths in `available` pixels (the window's width less the
// sashes). `wanted` is what they have when there is room: their defaults, or
// where the user dragged the sashes. When the questions would get less than
// `questions`, both panes shrink in proportion to their wanted widths, never
// below `minimum`.
PaneWidths FitPanes(int available, PaneWidths wanted, int questions, int minimum);

}  // namespace focal::gui
