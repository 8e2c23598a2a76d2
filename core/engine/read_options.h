// Options of one read: retry pacing and the test-read limits.
#pragma once

#include "core/http/http_client.h"

#include <chrono>
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
  // How often a stream with per-partition state emits an intermediate STATE (the reference
  // throttles to one per 10 minutes); the final state always goes out. Zero emits one per slice.
  std::chrono::seconds perPartitionStateInterval{600};
  // The HTTP client of the read: timeouts, CA bundle, proxy, the connector's allowed hosts.
  http::HttpClientOptions http;
};

}  // namespace manifold::engine
