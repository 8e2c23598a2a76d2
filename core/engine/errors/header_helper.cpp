// numericHeaderValue: Python's float() of the (regex-narrowed) header text.
#include "core/engine/errors/header_helper.h"

#include "core/engine/engine_error.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace manifold::engine {

std::optional<double> numericHeaderValue(const http::HttpResponse& response, const std::string& header,
                                         const std::optional<std::regex>& regex) {
  const std::string* value = response.header(header);
  if (value == nullptr || value->empty()) return std::nullopt;
  std::string text = *value;
  if (regex) {
    std::smatch match;
    if (std::regex_search(text, match, *regex, std::regex_constants::match_continuous)) text = match[0].str();
  }
  // float() ignores surrounding whitespace.
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return std::nullopt;
  const auto end = text.find_last_not_of(" \t\r\n");
  text = text.substr(begin, end - begin + 1);
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  double seconds = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || ptr != text.data() + text.size() || std::isnan(seconds)) return std::nullopt;
  return seconds;
}

void throwWaitTooLong(double seconds, double maxSeconds, const std::string& header) {
  char text[160];
  std::snprintf(text, sizeof text, "(%.6g s, from the response header '%s') is longer than the connector is allowed to wait "
                "(max_waiting_time_in_seconds: %.6g s).", seconds, header.c_str(), maxSeconds);
  throw ReadError("The rate limit wait time " + std::string(text), protocol::FailureType::TransientError,
                  "Rate limit wait time " + std::to_string(seconds) + "s is greater than or equal to the maximum of " +
                      std::to_string(maxSeconds) + "s this stream is allowed to wait. Stopping the stream...");
}

}  // namespace manifold::engine
