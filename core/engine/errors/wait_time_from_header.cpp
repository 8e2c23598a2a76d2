// WaitTimeFromHeader, as wait_time_from_header_backoff_strategy.py reads the header.
#include "core/engine/errors/wait_time_from_header.h"

#include "core/engine/errors/header_helper.h"

namespace manifold::engine {

WaitTimeFromHeader::WaitTimeFromHeader(std::string header, std::optional<std::string> regex,
                                       std::optional<double> maxWaitSeconds)
    : header_(std::move(header)), maxWaitSeconds_(maxWaitSeconds) {
  if (regex && !regex->empty()) regex_.emplace(*regex);
}

std::optional<double> WaitTimeFromHeader::backoffSeconds(const http::HttpResponse* response, int) const {
  if (response == nullptr) return std::nullopt;
  const auto seconds = numericHeaderValue(*response, header_, regex_);
  // A header of 0 asks for no wait, which no cap refuses.
  if (seconds && *seconds != 0 && maxWaitSeconds_ && *seconds >= *maxWaitSeconds_) {
    throwWaitTooLong(*seconds, *maxWaitSeconds_, header_);
  }
  return seconds;
}

}  // namespace manifold::engine
