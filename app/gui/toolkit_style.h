// Styling that GTK's default theme (Adwaita) gets from Focal, for speed only:
// the look stays the theme's, pixel for pixel.
#pragma once

namespace focal::gui {

// Adwaita draws the mark of a ticked check box or radio button from an SVG
// that GTK loads and renders anew (librsvg, gdk-pixbuf) each time it styles
// a ticked button: about a quarter of the instructions spent opening the
// sections of tip-cycle1 with their answers given (docs/performance.md).
// This asks for the same SVGs through GTK's icon theme instead, which
// renders each mark once per colour and keeps it. Only where the result is
// the same: under the Adwaita theme and icons, on screens of scale 1.
// Called by InitializeDesktop; `on` false takes it back (the tests compare).
void RenderIndicatorMarksOnce(bool on = true);

// Whether the marks are rendered once (false where the theme's rule stays).
bool IndicatorMarksRenderedOnce();

}  // namespace focal::gui
