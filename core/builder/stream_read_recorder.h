// StreamReadRecorder: groups a read's engine events into the StreamRead's slices and pages, as
// the reference's message grouper does, and passes each finished piece to the test-read events.
#pragma once

#include "core/builder/schema_inferrer.h"
#include "core/builder/test_read.h"
#include "core/engine/read_events.h"
#include "core/protocol/secret_masker.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace manifold::builder {

class StreamReadRecorder {
 public:
  // `masker` hides config secrets in everything recorded (records included); exchanges arrive
  // already masked by the engine.
  StreamReadRecorder(std::string streamName, const TestReadEvents& events, protocol::SecretMasker masker,
                     std::size_t bodyLimit = kDisplayBodyLimit);

  // The engine events to pass to readStream; they refer to this recorder.
  engine::ReadEvents engineEvents();

  void setRequiredSchemaPaths(std::vector<std::vector<std::string>> paths);
  // A log entry {"level","message","internal_message"?}, masked and sent at once.
  void addLog(const std::string& level, const std::string& message, const std::string& internalMessage = {});

  // Closes the open page and slice; call once the read returned.
  void finish();

  // {"logs","slices","test_read_limit_reached","auxiliary_requests","inferred_schema",
  //  "latest_config_update"}; `limitReached` is the engine's word that a limit cut the read.
  nlohmann::json streamRead(const TestReadLimits& limits, bool limitReached);
  std::size_t recordCount() const { return records_; }
  // The config as the last CONNECTOR_CONFIG update left it (keys starting with "__" removed, as
  // the reference's clean_config does), unmasked; nullopt when nothing rewrote it.
  const std::optional<nlohmann::json>& latestConfigUpdate() const { return latestConfigUpdate_; }

 private:
  void onSliceStarted(const nlohmann::json& slice);
  void onExchange(const http::HttpExchange& exchange, const engine::ExchangeInfo& info);
  void onRecord(const nlohmann::json& record);
  void closePage();
  void closeSlice();
  void ensureSlice();
  nlohmann::json exchangeJson(const http::HttpExchange& exchange) const;
  nlohmann::json maskedConfigUpdate() const;

  std::string streamName_;
  const TestReadEvents& events_;
  protocol::SecretMasker masker_;
  std::size_t bodyLimit_;
  SchemaInferrer inferrer_;

  nlohmann::json logs_ = nlohmann::json::array();
  nlohmann::json slices_ = nlohmann::json::array();
  nlohmann::json auxiliary_ = nlohmann::json::array();
  std::optional<nlohmann::json> openSlice_;
  std::optional<nlohmann::json> openPage_;
  nlohmann::json latestState_;  // the latest AirbyteStateMessage (masked); null before any
  std::size_t records_ = 0;
  std::size_t recordsSinceState_ = 0;
  std::optional<nlohmann::json> latestConfigUpdate_;
};

}  // namespace manifold::builder
