// A date as people write it, in the interface language: "3 May", with the
// year when it is not this year's ("3 May 2025"). The month names and the
// order of day, month and year are messages of the catalog (forms/i18n.h),
// so each language writes them its own way ("3 mai", "3 мая", "5月3日").
// What the store and the CLI's --json hold stays ISO 8601 (forms/clock.h).
#pragma once

#include <string>

#include "forms/clock.h"

namespace focal {

// `isoDate` starts with YYYY-MM-DD (a timestamp such as 2026-05-03T10:22:31Z
// will do); anything else is returned as it is. `today` (YYYY-MM-DD, the
// local date by default) says which year is this year's.
std::string dateInWords(const std::string& isoDate, const std::string& today = localDate());

}  // namespace focal
