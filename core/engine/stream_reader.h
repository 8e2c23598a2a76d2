// The reader API: read one stream of a built source with a config, a stop token and an event
// sink. Used by manifold-cli read and the IDE's test read; runs on the caller's thread.
#pragma once

#include "core/engine/declarative_source.h"
#include "core/engine/read_events.h"
#include "core/engine/read_options.h"

#include <cstddef>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

namespace manifold::engine {

struct StreamFailure {
  std::string message;          // for the user: what went wrong and where
  std::string internalMessage;  // the request and response that failed, when there was one
  protocol::FailureType failureType = protocol::FailureType::SystemError;
};

struct StreamReadResult {
  std::size_t records = 0;
  std::size_t slices = 0;
  bool cancelled = false;
  bool limitReached = false;             // a ReadOptions limit cut the read short
  std::optional<StreamFailure> failure;  // set when the stream failed

  bool succeeded() const { return !failure && !cancelled; }
};

// Reads every slice and page of `streamName`. Never throws: failures (build errors of that
// stream included) come back in the result; the events already sent stay valid. `state` is the
// stream's incoming state blob: null without one, and null for a full refresh read (which then
// starts from the cursor's start). STATE goes to events.state after each completed slice (per the
// stream's cursor) and at the end. Creates its own HTTP client.
StreamReadResult readStream(const DeclarativeSource& source, std::string_view streamName, const nlohmann::json& state,
                            const ReadEvents& events, std::stop_token stop = {}, const ReadOptions& options = {});

}  // namespace manifold::engine
