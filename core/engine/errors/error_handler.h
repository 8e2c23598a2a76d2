// ErrorHandler: decides what a response (or a transport error) means and how long to wait.
#pragma once

#include "core/engine/errors/error_resolution.h"
#include "core/http/http_error.h"
#include "core/http/http_request.h"

#include <optional>

namespace manifold::engine {

class ErrorHandler {
 public:
  virtual ~ErrorHandler() = default;
  // Exactly one of `response` and `error` is set.
  virtual ErrorResolution interpret(const http::HttpResponse* response, const http::HttpError* error) const = 0;
  virtual int maxRetries() const = 0;
  // The first backoff strategy that yields a wait (a wait of 0 counts as none, as the reference
  // tests it for truth); nullopt lets the caller use the default exponential wait.
  virtual std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const = 0;
  // The reference's max_time: retries stop once this much time has passed since the first attempt
  // (600 s; not settable in manifests).
  virtual double maxTimeSeconds() const { return kDefaultMaxTimeSeconds; }

  static constexpr double kDefaultMaxTimeSeconds = 600;
};

}  // namespace manifold::engine
