// WaitUntilTimeFromHeader: a response header names the epoch time to retry at; wait until then.
#pragma once

#include "core/engine/errors/backoff_strategy.h"

#include <functional>
#include <optional>
#include <regex>
#include <string>

namespace manifold::engine {

class WaitUntilTimeFromHeader final : public BackoffStrategy {
 public:
  // Seconds since the epoch, now; replaceable so tests can pin the clock.
  using Clock = std::function<double()>;

  WaitUntilTimeFromHeader(std::string header, std::optional<std::string> regex, std::optional<double> minWait,
                          std::optional<double> maxWaitSeconds, Clock now = {});

  // As wait_until_time_from_header_backoff_strategy.py: no usable header → min_wait (or nothing);
  // otherwise header − now, raised to min_wait when set, nothing when it is in the past without
  // min_wait. A wait at or over max_waiting_time_in_seconds fails the stream (transient).
  std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const override;

 private:
  double capped(double seconds) const;

  std::string header_;
  std::optional<std::regex> regex_;
  std::optional<double> minWait_;  // unset or 0: no floor (the reference tests it for truth)
  std::optional<double> maxWaitSeconds_;
  Clock now_;
};

}  // namespace manifold::engine
