// The reference's resolution for statuses no response filter matched, and its error-text parser.
#pragma once

#include "core/engine/errors/error_resolution.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace manifold::engine {

// REFERENCE-NOTES 6.1: 2xx/3xx success; 400, 404, 405 fail (system_error); 401, 403 fail
// (config_error); 408, 500, 502, 503, 504 retry (transient); 429 rate limited; any other status
// ≥ 400 retried as system_error.
ErrorResolution defaultResolutionForStatus(long status);
// The mapping's message for a status it names ("HTTP Status Code: 404. Error: Not found. …"),
// or nullopt.
std::optional<std::string> defaultMessageForStatus(long status);

// The API's error text (REFERENCE-NOTES 6.3): the first of message, messages, error, errors,
// failures, failure, detail, err, error_message, msg, reason, status_message, searched
// recursively, lists joined with ", "; a body that is not JSON is used as it is.
std::optional<std::string> parseErrorMessage(std::string_view body);

}  // namespace manifold::engine
