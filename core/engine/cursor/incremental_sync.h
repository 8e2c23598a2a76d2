// IncrementalSync: a built incremental_sync component (DatetimeBasedCursor,
// IncrementingCountCursor). It is immutable; each read opens PartitionCursors from state.
#pragma once

#include "core/engine/cursor/partition_cursor.h"
#include "core/engine/partition/stream_slice.h"
#include "core/engine/request_options.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace manifold::engine {

class ReadContext;

class IncrementalSync {
 public:
  struct Flags {
    bool isDataFeed = false;
    bool isClientSideIncremental = false;
    bool globalSubstreamCursor = false;
  };

  virtual ~IncrementalSync() = default;

  const std::string& cursorField() const { return cursorField_; }
  const Flags& flags() const { return flags_; }

  // A cursor starting from `state` ({cursor_field: value}, the concurrent date-range form, or
  // empty). `runtimeLookback` moves the state back (per-partition cursors created from the global
  // state). Throws ReadError when the state or the start/end cannot be used.
  virtual std::unique_ptr<PartitionCursor> open(ReadContext& read, const nlohmann::json& state,
                                                std::chrono::seconds runtimeLookback) const = 0;
  // The options the slice's window injects (start_time_option, end_time_option, start_value_option).
  virtual RequestOptions requestOptions(const StreamSlice& slice) const = 0;
  // A record's cursor value as state writes it (parsed and formatted again); nullopt when the value
  // is missing or cannot be parsed.
  virtual std::optional<nlohmann::json> stateValueOf(const nlohmann::json& record) const = 0;
  // Whether the cursor can be combined with a partition router.
  virtual bool supportsPartitions() const { return true; }

 protected:
  IncrementalSync(std::string cursorField, Flags flags) : cursorField_(std::move(cursorField)), flags_(flags) {}

 private:
  std::string cursorField_;
  Flags flags_;
};

}  // namespace manifold::engine
