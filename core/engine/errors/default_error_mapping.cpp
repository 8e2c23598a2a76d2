// Default error mapping and JsonErrorMessageParser, as DEFAULT_ERROR_MAPPING words them.
#include "core/engine/errors/default_error_mapping.h"

#include <array>

namespace manifold::engine {

std::string_view responseActionName(ResponseAction action) {
  switch (action) {
    case ResponseAction::Success: return "SUCCESS";
    case ResponseAction::Fail: return "FAIL";
    case ResponseAction::Retry: return "RETRY";
    case ResponseAction::Ignore: return "IGNORE";
    case ResponseAction::RateLimited: return "RATE_LIMITED";
  }
  return "FAIL";
}

std::optional<std::string> defaultMessageForStatus(long status) {
  switch (status) {
    case 400: return "HTTP Status Code: 400. Error: Bad request. Please check your request parameters.";
    case 401: return "HTTP Status Code: 401. Error: Unauthorized. Please ensure you are authenticated correctly.";
    case 403: return "HTTP Status Code: 403. Error: Forbidden. You don't have permission to access this resource.";
    case 404: return "HTTP Status Code: 404. Error: Not found. The requested resource was not found on the server.";
    case 405: return "HTTP Status Code: 405. Error: Method not allowed. Please check your request method.";
    case 408: return "HTTP Status Code: 408. Error: Request timeout.";
    case 429: return "HTTP Status Code: 429. Error: Too many requests.";
    case 500: return "HTTP Status Code: 500. Error: Internal server error.";
    case 502: return "HTTP Status Code: 502. Error: Bad gateway.";
    case 503: return "HTTP Status Code: 503. Error: Service unavailable.";
    case 504: return "HTTP Status Code: 504. Error: Gateway timeout.";
    default: return std::nullopt;
  }
}

ErrorResolution defaultResolutionForStatus(long status) {
  using protocol::FailureType;
  if (status < 400) return {ResponseAction::Success, std::nullopt, ""};
  const auto message = defaultMessageForStatus(status);
  switch (status) {
    case 400:
    case 404:
    case 405: return {ResponseAction::Fail, FailureType::SystemError, *message};
    case 401:
    case 403: return {ResponseAction::Fail, FailureType::ConfigError, *message};
    case 408:
    case 500:
    case 502:
    case 503:
    case 504: return {ResponseAction::Retry, FailureType::TransientError, *message};
    case 429: return {ResponseAction::RateLimited, FailureType::TransientError, *message};
    default:
      return {ResponseAction::Retry, FailureType::SystemError,
              "Unexpected HTTP Status Code in error handler: " + std::to_string(status)};
  }
}

namespace {

std::optional<std::string> textOf(const nlohmann::json& value);

std::optional<std::string> searchKeys(const nlohmann::json& object) {
  static constexpr std::array<std::string_view, 12> kKeys = {
      "message", "messages", "error", "errors", "failures", "failure",
      "detail", "err", "error_message", "msg", "reason", "status_message"};
  for (std::string_view key : kKeys) {
    auto it = object.find(key);
    if (it == object.end()) continue;
    if (auto text = textOf(*it)) return text;
  }
  return std::nullopt;
}

std::optional<std::string> textOf(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  if (value.is_object()) return searchKeys(value);
  if (value.is_array()) {
    std::string joined;
    bool any = false;
    for (const auto& item : value) {
      auto text = textOf(item);
      if (!text) continue;
      if (any) joined += ", ";
      joined += *text;
      any = true;
    }
    if (any) return joined;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parseErrorMessage(std::string_view body) {
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    if (body.empty()) return std::nullopt;
    return std::string(body);
  }
  if (parsed.is_object()) return searchKeys(parsed);
  return textOf(parsed);
}

}  // namespace manifold::engine
