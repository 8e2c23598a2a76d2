// The Connector Builder's test read: one stream read with limits, captured slice by slice and
// page by page in the reference's StreamRead shape, streamed as events while it runs.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

namespace manifold::builder {

// The reference builder's defaults (connector_builder TestLimits); each can be changed.
struct TestReadLimits {
  std::size_t records = 100;
  std::size_t slices = 5;
  std::size_t pagesPerSlice = 5;
};

struct TestReadRequest {
  std::string manifestYaml;               // the manifest text as in the editor
  std::filesystem::path manifestDir;      // where relative schema files are looked up (may be empty)
  nlohmann::json config = nlohmann::json::object();
  std::string stream;
  nlohmann::json state;                   // the stream's incoming state; null = none
  TestReadLimits limits;
};

// Every callback may be empty. They run on the reading thread, in order, while the read runs;
// each JSON argument is already in the StreamRead shape (and masked), ready to display.
struct TestReadEvents {
  std::function<void(std::size_t sliceIndex, const nlohmann::json& sliceDescriptor)> sliceStarted;
  // {"request":{"url","http_method","headers","body"},
  //  "response":{"status","headers","body","time_ms"},"records":[...]}
  std::function<void(std::size_t sliceIndex, const nlohmann::json& page)> pageDone;
  std::function<void(std::size_t sliceIndex, const nlohmann::json& stateAfterSlice)> sliceDone;
  // {"level","message","internal_message"?,"stacktrace"?}
  std::function<void(const nlohmann::json& logEntry)> log;
  // {"title","description","request","response"}
  std::function<void(const nlohmann::json& request)> auxiliaryRequest;
};

struct TestReadResult {
  // {"logs", "slices": [{"slice_descriptor", "pages": [{"request","response","records"}], "state"}],
  //  "test_read_limit_reached", "auxiliary_requests", "inferred_schema", "latest_config_update"}
  nlohmann::json streamRead;
  bool cancelled = false;
  // Set when the manifest, the config or the stream failed; also present in streamRead's logs.
  std::optional<std::string> error;
  std::size_t recordCount = 0;
  // The config an authenticator rewrote during the read (a rotated refresh token), unmasked so
  // the caller can store it; streamRead's latest_config_update holds the masked copy.
  std::optional<nlohmann::json> latestConfigUpdate;
};

// Response bodies longer than this are cut for display (the cut is said in the JSON).
inline constexpr std::size_t kDisplayBodyLimit = 256 * 1024;

// Runs the test read on the caller's thread. Never throws: manifest and config errors come back
// as a log entry plus `error`. A stop request ends the read promptly (HTTP included) and returns
// what was captured so far with `cancelled` set.
TestReadResult runTestRead(const TestReadRequest& request, const TestReadEvents& events, std::stop_token stop = {});

}  // namespace manifold::builder
