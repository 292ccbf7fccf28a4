// focal: the desktop program (see app/gui/app.h).
#include "app/gui/app.h"

wxIMPLEMENT_APP(focal::gui::FocalApp);
