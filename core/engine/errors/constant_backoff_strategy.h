// ConstantBackoffStrategy: the same wait before every retry.
#pragma once

#include "core/engine/errors/backoff_strategy.h"

namespace manifold::engine {

class ConstantBackoffStrategy final : public BackoffStrategy {
 public:
  explicit ConstantBackoffStrategy(double seconds) : seconds_(seconds) {}
  std::optional<double> backoffSeconds(const http::HttpResponse*, int) const override { return seconds_; }

 private:
  double seconds_;
};

}  // namespace manifold::engine
