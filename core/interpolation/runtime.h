// What builtins (filters, tests, macros, methods) need from the running evaluation.
#pragma once

#include "core/interpolation/error.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace manifold::interpolation {

// Bounds that keep a hostile or buggy template from exhausting the process.
struct Limits {
  int maxDepth = 200;                       // nested expression/statement evaluation
  std::size_t maxLoopIterations = 100'000;  // per render, all loops together
  std::size_t maxOutputBytes = 4 << 20;     // rendered text and any string built on the way
  // Wall-clock bound of one render: many steps each under the other bounds still end here.
  std::chrono::milliseconds maxEvaluationTime{5'000};
};

struct RenderOptions {
  Limits limits;
  // Microseconds since the epoch (UTC) for now_utc() and friends; the system clock when empty.
  std::function<std::int64_t()> clock;
};

class Runtime {
 public:
  explicit Runtime(const RenderOptions& options)
      : options_(options), deadline_(std::chrono::steady_clock::now() + options.limits.maxEvaluationTime) {}

  const Limits& limits() const { return options_.limits; }
  std::int64_t nowMicros() const;

  // Throws a Limit error when a string or output would exceed the output bound.
  // Also ends a render that has run past its time bound: every string built passes here.
  void checkSize(std::size_t bytes) const {
    if (bytes > options_.limits.maxOutputBytes) {
      throw EvalException(ErrorKind::Limit,
                          "output exceeds the limit of " + std::to_string(options_.limits.maxOutputBytes) + " bytes",
                          kNoOffset);
    }
    checkDeadline();
  }

  void checkDeadline() const {
    if (std::chrono::steady_clock::now() > deadline_) {
      throw EvalException(ErrorKind::Limit,
                          "evaluation takes longer than the limit of " +
                              std::to_string(options_.limits.maxEvaluationTime.count()) + " ms",
                          kNoOffset);
    }
  }

  void countIteration() {
    if (++iterations_ > options_.limits.maxLoopIterations) {
      throw EvalException(ErrorKind::Limit,
                          "loops exceed the limit of " + std::to_string(options_.limits.maxLoopIterations) +
                              " iterations",
                          kNoOffset);
    }
    checkDeadline();
  }

 private:
  const RenderOptions& options_;
  std::chrono::steady_clock::time_point deadline_;
  std::size_t iterations_ = 0;
};

}  // namespace manifold::interpolation
