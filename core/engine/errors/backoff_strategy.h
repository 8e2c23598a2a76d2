// BackoffStrategy: how long to wait before retrying; nullopt lets the next strategy decide.
#pragma once

#include "core/http/http_request.h"

#include <optional>

namespace manifold::engine {

class BackoffStrategy {
 public:
  virtual ~BackoffStrategy() = default;
  // `response` is null after a transport error; `attempt` counts retries from 1.
  virtual std::optional<double> backoffSeconds(const http::HttpResponse* response, int attempt) const = 0;
};

}  // namespace manifold::engine
