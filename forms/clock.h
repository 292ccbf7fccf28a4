// The times Focal writes: every timestamp in the store, the reports and the
// contributions is UTC in ISO 8601, so that they sort as text and read the
// same in every time zone; "today" for a date question is the local date.
#pragma once

#include <ctime>
#include <string>

namespace focal {

// Now, to the millisecond: 2026-11-05T10:22:31.123Z (the store's history).
std::string utcTimestamp();

// Now, to the second: 2026-11-05T10:22:31Z (the report's signed header).
std::string utcNow();

// A moment, to the second: 2026-11-05T10:22:31Z.
std::string utcTimestampAt(std::time_t moment);

// Today's local date: 2026-11-05.
std::string localDate();

}  // namespace focal
