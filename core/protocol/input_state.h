// Input state (--state): per-stream STREAM messages, a GLOBAL message, or the legacy dict shape.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/protocol/airbyte_messages.h"
#include "core/protocol/result.h"

namespace manifold::protocol {

struct StreamStateEntry {
  StreamDescriptor stream;
  nlohmann::json state;  // the stream_state blob; null when the message carried none
};

struct InputState {
  std::vector<StreamStateEntry> streams;
  // Set only for a GLOBAL message; API sources never write one, so a caller that gets a
  // non-empty shared state should refuse it the way the reference does.
  nlohmann::json sharedState;
  bool global = false;
  bool legacy = false;  // came as {"stream name": state, ...}

  // The state blob for a stream, or nullptr. Without ns, any namespace matches.
  const nlohmann::json* find(std::string_view name,
                             const std::optional<std::string>& ns = std::nullopt) const;
};

// Accepts null, [] and {} (no state), a list of AirbyteStateMessage objects (type STREAM,
// GLOBAL, or LEGACY with "data"), and a plain object mapping stream names to state (legacy).
// Errors name the element and field, e.g. "state[1].stream.stream_descriptor.name must be a string".
Result<InputState> parseInputState(const nlohmann::json& json);

}  // namespace manifold::protocol
