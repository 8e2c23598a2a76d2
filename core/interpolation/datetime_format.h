// strftime/strptime as Python (on glibc) does them, ISO-8601 parsing as dateutil.isoparse,
// ISO-8601 durations as isodate.parse_duration, and the reference DatetimeParser's epoch formats.
#pragma once

#include "core/interpolation/datetime.h"

#include <string>
#include <string_view>

namespace manifold::interpolation {

// Python's datetime.strftime. Unknown directives pass through as glibc leaves them
// (so "%ms" prints the month followed by "s"). %s is the epoch of the wall-clock time.
std::string strftime(const DateTime& value, std::string_view format);
std::string strftime(const Date& value, std::string_view format);

// Python's datetime.strptime: the whole input must match. Naive results have aware == false.
// Throws EvalException (ValueError) when the input does not match.
DateTime strptime(std::string_view text, std::string_view format);

// dateutil.parser.isoparse; naive results have aware == false.
DateTime parseIsoDateTime(std::string_view text);

// isodate.parse_duration: "P1D", "PT1H30M", "P1Y2M", "P2W", "-P1D".
Duration parseIsoDuration(std::string_view text);

// The reference DatetimeParser: %s, %s_as_float, %ms, %epoch_microseconds, %_ms, else strptime.
// The result is always aware (naive input is taken as UTC).
DateTime parseWithDatetimeFormat(std::string_view text, std::string_view format);
std::string formatWithDatetimeFormat(const DateTime& value, std::string_view format);

}  // namespace manifold::interpolation
