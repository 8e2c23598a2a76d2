// ErrorResolution: what an error handler decided about one response (or transport error).
#pragma once

#include "core/protocol/airbyte_messages.h"

#include <optional>
#include <string>
#include <string_view>

namespace manifold::engine {

enum class ResponseAction { Success, Fail, Retry, Ignore, RateLimited };

std::string_view responseActionName(ResponseAction action);  // "SUCCESS", "FAIL", ...

struct ErrorResolution {
  ResponseAction action = ResponseAction::Success;
  std::optional<protocol::FailureType> failureType;
  std::string message;  // for the user; may be empty
};

}  // namespace manifold::engine
