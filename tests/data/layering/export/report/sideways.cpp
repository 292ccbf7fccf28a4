// A report file that reaches sideways into the secretariat.

#include "export/report/signing_key.h"
#include "forms/questionnaire.h"

#include "export/secretariat/consolidated_store.h"
int f() { return 1; }
