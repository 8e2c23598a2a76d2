// StreamCursor: how one read of a stream walks its slices and keeps its state — partitions from
// the router times windows from the cursor — and when it emits STATE (the reference's cursors
// FinalStateCursor, ConcurrentCursor and ConcurrentPerPartitionCursor behind one interface).
#pragma once

#include "core/engine/partition/stream_slice.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace manifold::engine {

class ReadContext;

using StateSink = std::function<void(const nlohmann::json& state)>;

class StreamCursor {
 public:
  virtual ~StreamCursor() = default;
  // Each slice to read, in order; returns false when `onSlice` stopped it.
  virtual bool forEachSlice(ReadContext& read, const std::function<bool(const StreamSlice&)>& onSlice) = 0;
  virtual void observe(const StreamSlice& slice, const nlohmann::json& record) = 0;
  // The slice was read completely; may emit a STATE.
  virtual void closeSlice(const StreamSlice& slice) = 0;
  virtual bool shouldBeSynced(const StreamSlice& slice, const nlohmann::json& record) = 0;
  // The read ended without error (limits included): emits the final STATE.
  virtual void finish() = 0;
  virtual nlohmann::json state() const = 0;
};

}  // namespace manifold::engine
