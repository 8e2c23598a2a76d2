// ExponentialBackoffStrategy: factor × 2^attempt, attempts counted from 1 as the reference does.
#pragma once

#include "core/engine/errors/backoff_strategy.h"

#include <cmath>

namespace manifold::engine {

class ExponentialBackoffStrategy final : public BackoffStrategy {
 public:
  explicit ExponentialBackoffStrategy(double factor) : factor_(factor) {}
  std::optional<double> backoffSeconds(const http::HttpResponse*, int attempt) const override {
    return factor_ * std::pow(2.0, attempt);
  }

 private:
  double factor_;
};

}  // namespace manifold::engine
