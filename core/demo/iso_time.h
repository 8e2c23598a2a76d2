// ISO-8601 timestamps of the demo API: parsing query parameters and formatting records, in UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace manifold::demo {

// Seconds since 1970-01-01T00:00:00Z.
using EpochSeconds = std::int64_t;

// "2024-03-05T10:20:30Z": the one format the demo API writes.
std::string formatIsoTime(EpochSeconds seconds);

// Accepts "2024-03-05", "2024-03-05T10:20:30", an optional fraction, and "Z" or "+01:00"
// offsets (a space may replace the "T"). Fractions are truncated: records have whole seconds.
std::optional<EpochSeconds> parseIsoTime(std::string_view text);

// Days since the epoch of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

}  // namespace manifold::demo
