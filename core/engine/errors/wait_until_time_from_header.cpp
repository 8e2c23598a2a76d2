// WaitUntilTimeFromHeader, as wait_until_time_from_header_backoff_strategy.py computes the wait.
#include "core/engine/errors/wait_until_time_from_header.h"

#include "core/engine/errors/header_helper.h"

#include <algorithm>
#include <chrono>

namespace manifold::engine {

WaitUntilTimeFromHeader::WaitUntilTimeFromHeader(std::string header, std::optional<std::string> regex,
                                                 std::optional<double> minWait, std::optional<double> maxWaitSeconds,
                                                 Clock now)
    : header_(std::move(header)), minWait_(minWait), maxWaitSeconds_(maxWaitSeconds), now_(std::move(now)) {
  if (regex && !regex->empty()) regex_.emplace(*regex);
  if (minWait_ && *minWait_ == 0) minWait_.reset();
  if (!now_) {
    now_ = [] {
      return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    };
  }
}

std::optional<double> WaitUntilTimeFromHeader::backoffSeconds(const http::HttpResponse* response, int) const {
  const double now = now_();
  std::optional<double> waitUntil;
  if (response != nullptr) waitUntil = numericHeaderValue(*response, header_, regex_);
  // A missing header and a header of 0 are alike: only min_wait can ask for a wait.
  if (!waitUntil || *waitUntil == 0) {
    if (minWait_) return capped(*minWait_);
    return std::nullopt;
  }
  const double wait = *waitUntil - now;
  if (minWait_) return capped(std::max(wait, *minWait_));
  if (wait < 0) return std::nullopt;
  return capped(wait);
}

double WaitUntilTimeFromHeader::capped(double seconds) const {
  // After the min_wait floor, so a cap below the floor wins.
  if (maxWaitSeconds_ && seconds >= *maxWaitSeconds_) {
    throwWaitTooLong(seconds, *maxWaitSeconds_, header_);
  }
  return seconds;
}

}  // namespace manifold::engine
