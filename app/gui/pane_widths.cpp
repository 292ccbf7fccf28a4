#include "app/gui/pane_widths.h"

#include <algorithm>

namespace focal::gui {

PaneWidths FitPanes(int available, PaneWidths wanted, int questions, int minimum) {
  const int room = available - questions;  // what the panes may have
  const int both = wanted.tree + wanted.reference;
  if (both <= room || both <= 0) return wanted;
  const double share = std::max(0, room) / static_cast<double>(both);
  return {std::max(minimum, static_cast<int>(wanted.tree * share)),
          std::max(minimum, static_cast<int>(wanted.reference * share))};
}

}  // namespace focal::gui
