// Options of one read: retry pacing and the test-read limits.
#pragma once

#include <cstddef>
#include <optional>

namespace manifold::engine {

struct ReadOptions {
  // Multiplies every wait between retries (1 = the reference's timing). Tests use tiny values.
  double backoffScale = 1.0;
  // The Connector Builder reads without retries (REFERENCE-NOTES 12.3).
  bool retries = true;
  // Limits of a test read; unset means unlimited.
  std::optional<std::size_t> maxSlices;
  std::optional<std::size_t> maxPagesPerSlice;
  std::optional<std::size_t> maxRecords;
};

}  // namespace manifold::engine
