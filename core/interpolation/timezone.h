// UTC offsets of IANA time zones, read from the system's compiled tz database.
#pragma once

#include <cstdint>
#include <string_view>

namespace manifold::interpolation {

// The offset in seconds of `zone` ("Pacific/Tarawa", "UTC") at `epochSeconds`.
// Throws EvalException (ValueError) for unknown zones.
std::int32_t utcOffsetAt(std::string_view zone, std::int64_t epochSeconds);

}  // namespace manifold::interpolation
