// wxWidgets below app/.

#include <wx/string.h>
