// The desktop program from the core.
#include "app/gui/main_frame.h"
