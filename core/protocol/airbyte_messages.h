// Builders for the Airbyte protocol messages a source emits (RECORD, STATE, LOG, TRACE, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::protocol {

// Field names and enum spellings follow the Airbyte protocol (airbyte_protocol.yaml); optional
// fields that are unset are left out, as the reference serializer drops None values.

struct StreamDescriptor {
  std::string name;
  std::optional<std::string> ns;  // "namespace" in JSON

  nlohmann::json toJson() const;
  static StreamDescriptor fromJson(const nlohmann::json& json);  // expects a valid object
  friend bool operator==(const StreamDescriptor&, const StreamDescriptor&) = default;
};

enum class FailureType { SystemError, ConfigError, TransientError };
enum class StreamStatus { Started, Running, Complete, Incomplete };
enum class LogLevel { Fatal, Error, Warn, Info, Debug, Trace };
enum class SyncMode { FullRefresh, Incremental };

std::string_view failureTypeName(FailureType type);  // "system_error", ...
std::string_view streamStatusName(StreamStatus status);  // "STARTED", ...
std::string_view logLevelName(LogLevel level);  // "INFO", ...
std::string_view syncModeName(SyncMode mode);  // "full_refresh", "incremental"

// Milliseconds since the Unix epoch, the unit of every emitted_at.
std::int64_t nowMillis();

// {"type":"RECORD","record":{"stream","data","emitted_at"[,"namespace"]}}
nlohmann::json recordMessage(const StreamDescriptor& stream, nlohmann::json data,
                             std::int64_t emittedAtMs);

// Per-stream STATE with sourceStats.recordCount (a float in the protocol: the number of records
// of this stream since its previous state message).
nlohmann::json streamStateMessage(const StreamDescriptor& stream, nlohmann::json streamState,
                                  double recordCount);

nlohmann::json logMessage(LogLevel level, std::string_view message,
                          const std::optional<std::string>& stackTrace = std::nullopt);

struct ErrorTrace {
  std::string message;  // for the user: what went wrong and where
  std::optional<std::string> internalMessage;  // the underlying error text
  FailureType failureType = FailureType::SystemError;
  std::optional<std::string> stackTrace;
  std::optional<StreamDescriptor> stream;
};

// {"type":"TRACE","trace":{"type":"ERROR","emitted_at","error":{...}}}. An empty message gets
// the reference's generic sentence, so the field is never blank.
nlohmann::json errorTraceMessage(const ErrorTrace& error, std::int64_t emittedAtMs);

// The error trace that ends a read in which streams failed (after their own error traces and
// INCOMPLETE statuses), worded as the reference words it: config_error, internal message
// "Concurrent read failure", one "stream: error" line per failure. Its presence is what makes
// the platform see the attempt as failed, together with a non-zero exit code.
nlohmann::json failedStreamsTraceMessage(
    const std::vector<std::pair<std::string, std::string>>& streamErrors, std::int64_t emittedAtMs);

// {"type":"TRACE","trace":{"type":"STREAM_STATUS","emitted_at","stream_status":{...}}}
nlohmann::json streamStatusTraceMessage(const StreamDescriptor& stream, StreamStatus status,
                                        std::int64_t emittedAtMs);

// {"type":"SPEC","spec":spec}; spec holds connectionSpecification and optional documentationUrl,
// advanced_auth, ... as the manifest's spec section produced them.
nlohmann::json specMessage(nlohmann::json spec);

// {"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"|"FAILED"[,"message"]}}
nlohmann::json connectionStatusMessage(bool succeeded,
                                       const std::optional<std::string>& message = std::nullopt);

// One entry of a CATALOG's streams.
struct AirbyteStream {
  std::string name;
  std::optional<std::string> ns;
  nlohmann::json jsonSchema = nlohmann::json::object();
  std::vector<SyncMode> supportedSyncModes{SyncMode::FullRefresh};
  std::optional<bool> sourceDefinedCursor;
  std::vector<std::string> defaultCursorField;  // left out when empty
  std::vector<std::vector<std::string>> sourceDefinedPrimaryKey;  // left out when empty
  std::optional<bool> isResumable;

  nlohmann::json toJson() const;
};

// {"type":"CATALOG","catalog":{"streams":[...]}}
nlohmann::json catalogMessage(const std::vector<AirbyteStream>& streams);

// {"type":"CONTROL","control":{"type":"CONNECTOR_CONFIG","emitted_at","connectorConfig":{"config"}}}
// emitted when an authenticator rotates a refresh token, so the platform stores the new config.
nlohmann::json connectorConfigControlMessage(nlohmann::json config, std::int64_t emittedAtMs);

}  // namespace manifold::protocol
