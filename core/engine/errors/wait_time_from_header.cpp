// WaitTimeFromHeader, as wait_time_from_header_backoff_strategy.py reads the header.
#include "core/engine/errors/wait_time_from_header.h"

#include "core/engine/engine_error.h"

#include <charconv>
#include <cmath>

namespace manifold::engine {

WaitTimeFromHeader::WaitTimeFromHeader(std::string header, std::optional<std::string> regex,
                                       std::optional<double> maxWaitSeconds)
    : header_(std::move(header)), maxWaitSeconds_(maxWaitSeconds) {
  if (regex) regex_.emplace(*regex);
}

std::optional<double> WaitTimeFromHeader::backoffSeconds(const http::HttpResponse* response, int) const {
  if (response == nullptr) return std::nullopt;
  const std::string* value = response->header(header_);
  if (value == nullptr) return std::nullopt;
  std::string text = *value;
  if (regex_) {
    std::smatch match;
    if (!std::regex_search(text, match, *regex_, std::regex_constants::match_continuous)) return std::nullopt;
    text = match.size() > 1 && match[1].matched ? match[1].str() : match[0].str();
  }
  const auto begin = text.find_first_not_of(" \t");
  const auto end = text.find_last_not_of(" \t");
  if (begin == std::string::npos) return std::nullopt;
  text = text.substr(begin, end - begin + 1);
  double seconds = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(seconds)) return std::nullopt;
  if (maxWaitSeconds_ && seconds >= *maxWaitSeconds_) {
    throw ReadError("The API asked to wait " + text + " s (header " + header_ + "), more than max_waiting_time_in_seconds (" +
                        std::to_string(*maxWaitSeconds_) + " s)",
                    protocol::FailureType::TransientError);
  }
  return seconds;
}

}  // namespace manifold::engine
