// CompositeErrorHandler: asks its handlers in order (REFERENCE-NOTES 6.4).
#pragma once

#include "core/engine/errors/error_handler.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace manifold::engine {

class CompositeErrorHandler final : public ErrorHandler {
 public:
  explicit CompositeErrorHandler(std::vector<std::unique_ptr<ErrorHandler>> handlers) : handlers_(std::move(handlers)) {}

  // The first SUCCESS, RETRY or IGNORE wins; FAIL and RATE_LIMITED fall through to the next
  // handler, and the last handler's answer stands when none stopped it.
  ErrorResolution interpret(const http::HttpResponse* response, const http::HttpError* error) const override {
    ErrorResolution last;
    for (const auto& handler : handlers_) {
      last = handler->interpret(response, error);
      if (last.action != ResponseAction::Fail && last.action != ResponseAction::RateLimited) return last;
    }
    return last;
  }
  // max_retries comes from the first handler.
  int maxRetries() const override { return handlers_.empty() ? 0 : handlers_.front()->maxRetries(); }
  // The strategies of all handlers, in order, whichever handler matched.
  std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const override {
    for (const auto& handler : handlers_) {
      if (auto seconds = handler->backoffSeconds(response, attempt)) return seconds;
    }
    return std::nullopt;
  }
  // The longest max_time of its handlers.
  double maxTimeSeconds() const override {
    double longest = 0;
    for (const auto& handler : handlers_) longest = std::max(longest, handler->maxTimeSeconds());
    return longest;
  }

 private:
  std::vector<std::unique_ptr<ErrorHandler>> handlers_;
};

}  // namespace manifold::engine
