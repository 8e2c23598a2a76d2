// WaitTimeFromHeader: the wait a response header names (Retry-After and friends).
#pragma once

#include "core/engine/errors/backoff_strategy.h"

#include <optional>
#include <regex>
#include <string>

namespace manifold::engine {

class WaitTimeFromHeader final : public BackoffStrategy {
 public:
  WaitTimeFromHeader(std::string header, std::optional<std::string> regex, std::optional<double> maxWaitSeconds);

  // Case-insensitive lookup; the optional regex matches from the start (group 1 when it has
  // one); the value must parse as a float (an HTTP date does not, so nothing is returned).
  // A wait at or over max_waiting_time_in_seconds fails the stream (ReadError, transient).
  std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const override;

 private:
  std::string header_;
  std::optional<std::regex> regex_;
  std::optional<double> maxWaitSeconds_;
};

}  // namespace manifold::engine
