// The printed report's marks for answers carried from the previous cycle
// (forms/cycle_changes.h), in the report's language like report_labels.h:
// "Unchanged since the previous reply", so the secretariat reads what is new.
#pragma once

#include <string>

#include "forms/cycle_changes.h"

namespace focal {

// The remark for a carried answer confirmed unchanged or changed; "" for
// one not yet confirmed (the report says so already).
std::string cycleChangeRemark(CycleChange change, const std::string& language);

}  // namespace focal
