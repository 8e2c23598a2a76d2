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

  // The header's number (see numericHeaderValue: an HTTP date is no number, so nothing is
  // returned). A non-zero wait at or over max_waiting_time_in_seconds fails the stream
  // (ReadError, transient), as the reference refuses it.
  std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const override;

 private:
  std::string header_;
  std::optional<std::regex> regex_;
  std::optional<double> maxWaitSeconds_;
};

}  // namespace manifold::engine
