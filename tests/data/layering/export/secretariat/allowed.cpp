// Allowed: secretariat builds on report.
#include "export/report/report_file.h"
