// Allowed: common is a declared room of report.
#include "export/common/crypto.h"
#include "forms/sqlite.h"
