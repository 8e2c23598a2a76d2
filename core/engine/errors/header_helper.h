// Reading a number from a response header, as the reference's header_helper does for
// WaitTimeFromHeader and WaitUntilTimeFromHeader.
#pragma once

#include "core/http/http_request.h"

#include <optional>
#include <regex>
#include <string>

namespace manifold::engine {

// The header's value (looked up case-insensitively) as a float: nullopt when the header is absent
// or empty, or its text is not a number. With a regex, a match from the start of the value
// replaces the value by the whole match (not a group); no match leaves the value as it is.
std::optional<double> numericHeaderValue(const http::HttpResponse& response, const std::string& header,
                                         const std::optional<std::regex>& regex);

// The ReadError a wait over max_waiting_time_in_seconds raises (transient): the reference's
// message with the numbers and the header that asked for the wait.
[[noreturn]] void throwWaitTooLong(double seconds, double maxSeconds, const std::string& header);

}  // namespace manifold::engine
