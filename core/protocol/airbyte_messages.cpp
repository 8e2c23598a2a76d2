// Builders for the Airbyte protocol messages a source emits (RECORD, STATE, LOG, TRACE, ...).
#include "core/protocol/airbyte_messages.h"

#include <chrono>

namespace manifold::protocol {

using nlohmann::json;

json StreamDescriptor::toJson() const {
  json out = json::object();
  out["name"] = name;
  if (ns) out["namespace"] = *ns;
  return out;
}

StreamDescriptor StreamDescriptor::fromJson(const json& j) {
  StreamDescriptor d;
  d.name = j.at("name").get<std::string>();
  if (auto it = j.find("namespace"); it != j.end() && it->is_string()) d.ns = it->get<std::string>();
  return d;
}

std::string_view failureTypeName(FailureType type) {
  switch (type) {
    case FailureType::SystemError: return "system_error";
    case FailureType::ConfigError: return "config_error";
    case FailureType::TransientError: return "transient_error";
  }
  return "system_error";
}

std::string_view streamStatusName(StreamStatus status) {
  switch (status) {
    case StreamStatus::Started: return "STARTED";
    case StreamStatus::Running: return "RUNNING";
    case StreamStatus::Complete: return "COMPLETE";
    case StreamStatus::Incomplete: return "INCOMPLETE";
  }
  return "INCOMPLETE";
}

std::string_view logLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::Fatal: return "FATAL";
    case LogLevel::Error: return "ERROR";
    case LogLevel::Warn: return "WARN";
    case LogLevel::Info: return "INFO";
    case LogLevel::Debug: return "DEBUG";
    case LogLevel::Trace: return "TRACE";
  }
  return "INFO";
}

std::string_view syncModeName(SyncMode mode) {
  return mode == SyncMode::Incremental ? "incremental" : "full_refresh";
}

std::int64_t nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

json recordMessage(const StreamDescriptor& stream, json data, std::int64_t emittedAtMs) {
  json record = json::object();
  record["stream"] = stream.name;
  record["data"] = std::move(data);
  record["emitted_at"] = emittedAtMs;
  if (stream.ns) record["namespace"] = *stream.ns;
  return json{{"type", "RECORD"}, {"record", std::move(record)}};
}

json streamStateMessage(const StreamDescriptor& stream, json streamState, double recordCount) {
  json streamPart = json::object();
  streamPart["stream_descriptor"] = stream.toJson();
  streamPart["stream_state"] = std::move(streamState);
  json state = json::object();
  state["type"] = "STREAM";
  state["stream"] = std::move(streamPart);
  state["sourceStats"] = json{{"recordCount", recordCount}};
  return json{{"type", "STATE"}, {"state", std::move(state)}};
}

json logMessage(LogLevel level, std::string_view message,
                const std::optional<std::string>& stackTrace) {
  json log = json::object();
  log["level"] = logLevelName(level);
  log["message"] = message;
  if (stackTrace) log["stack_trace"] = *stackTrace;
  return json{{"type", "LOG"}, {"log", std::move(log)}};
}

json errorTraceMessage(const ErrorTrace& error, std::int64_t emittedAtMs) {
  json body = json::object();
  body["message"] = error.message.empty()
                        ? std::string("Something went wrong in the connector. See the logs for more details.")
                        : error.message;
  if (error.internalMessage) body["internal_message"] = *error.internalMessage;
  body["failure_type"] = failureTypeName(error.failureType);
  if (error.stackTrace) body["stack_trace"] = *error.stackTrace;
  if (error.stream) body["stream_descriptor"] = error.stream->toJson();
  json trace = json::object();
  trace["type"] = "ERROR";
  trace["emitted_at"] = emittedAtMs;
  trace["error"] = std::move(body);
  return json{{"type", "TRACE"}, {"trace", std::move(trace)}};
}

json failedStreamsTraceMessage(const std::vector<std::pair<std::string, std::string>>& streamErrors,
                               std::int64_t emittedAtMs) {
  std::string lines;
  for (const auto& [stream, error] : streamErrors) {
    if (!lines.empty()) lines += "\n";
    lines += stream + ": " + error;
  }
  ErrorTrace trace;
  trace.message = "During the sync, the following streams did not sync successfully: " + lines;
  trace.internalMessage = "Concurrent read failure";
  trace.failureType = FailureType::ConfigError;
  return errorTraceMessage(trace, emittedAtMs);
}

json streamStatusTraceMessage(const StreamDescriptor& stream, StreamStatus status,
                              std::int64_t emittedAtMs) {
  json statusPart = json::object();
  statusPart["stream_descriptor"] = stream.toJson();
  statusPart["status"] = streamStatusName(status);
  json trace = json::object();
  trace["type"] = "STREAM_STATUS";
  trace["emitted_at"] = emittedAtMs;
  trace["stream_status"] = std::move(statusPart);
  return json{{"type", "TRACE"}, {"trace", std::move(trace)}};
}

json specMessage(json spec) { return json{{"type", "SPEC"}, {"spec", std::move(spec)}}; }

json connectionStatusMessage(bool succeeded, const std::optional<std::string>& message) {
  json status = json::object();
  status["status"] = succeeded ? "SUCCEEDED" : "FAILED";
  if (message) status["message"] = *message;
  return json{{"type", "CONNECTION_STATUS"}, {"connectionStatus", std::move(status)}};
}

json AirbyteStream::toJson() const {
  json out = json::object();
  out["name"] = name;
  out["json_schema"] = jsonSchema;
  json modes = json::array();
  for (SyncMode m : supportedSyncModes) modes.push_back(syncModeName(m));
  out["supported_sync_modes"] = std::move(modes);
  if (sourceDefinedCursor) out["source_defined_cursor"] = *sourceDefinedCursor;
  if (!defaultCursorField.empty()) out["default_cursor_field"] = defaultCursorField;
  if (!sourceDefinedPrimaryKey.empty()) out["source_defined_primary_key"] = sourceDefinedPrimaryKey;
  if (ns) out["namespace"] = *ns;
  if (isResumable) out["is_resumable"] = *isResumable;
  return out;
}

json catalogMessage(const std::vector<AirbyteStream>& streams) {
  json list = json::array();
  for (const auto& s : streams) list.push_back(s.toJson());
  return json{{"type", "CATALOG"}, {"catalog", json{{"streams", std::move(list)}}}};
}

json connectorConfigControlMessage(json config, std::int64_t emittedAtMs) {
  json control = json::object();
  control["type"] = "CONNECTOR_CONFIG";
  control["emitted_at"] = emittedAtMs;
  control["connectorConfig"] = json{{"config", std::move(config)}};
  return json{{"type", "CONTROL"}, {"control", std::move(control)}};
}

}  // namespace manifold::protocol
