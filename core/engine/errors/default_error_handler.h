// DefaultErrorHandler: response filters first, then the default mapping; max_retries and the
// backoff strategies.
#pragma once

#include "core/engine/errors/backoff_strategy.h"
#include "core/engine/errors/error_handler.h"
#include "core/engine/errors/http_response_filter.h"

#include <memory>
#include <vector>

namespace manifold::engine {

class DefaultErrorHandler final : public ErrorHandler {
 public:
  static constexpr int kDefaultMaxRetries = 5;

  DefaultErrorHandler(std::vector<HttpResponseFilter> filters, std::vector<std::unique_ptr<BackoffStrategy>> strategies,
                      int maxRetries, double maxTimeSeconds = kDefaultMaxTimeSeconds)
      : filters_(std::move(filters)),
        strategies_(std::move(strategies)),
        maxRetries_(maxRetries),
        maxTimeSeconds_(maxTimeSeconds) {}

  ErrorResolution interpret(const http::HttpResponse* response, const http::HttpError* error) const override;
  int maxRetries() const override { return maxRetries_; }
  std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const override;
  double maxTimeSeconds() const override { return maxTimeSeconds_; }

 private:
  std::vector<HttpResponseFilter> filters_;
  std::vector<std::unique_ptr<BackoffStrategy>> strategies_;
  int maxRetries_;
  double maxTimeSeconds_;
};

}  // namespace manifold::engine
