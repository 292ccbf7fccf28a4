// A form that reaches up into export/.
#pragma once

#include <string>
#include "export/report/report_file.h"
