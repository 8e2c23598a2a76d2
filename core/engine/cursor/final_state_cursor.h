// FinalStateCursor: a stream without incremental_sync reads its router's partitions and emits one
// state at the end, {"__ab_no_cursor_state_message": true} (REFERENCE-NOTES 9.10).
#pragma once

#include "core/engine/cursor/stream_cursor.h"
#include "core/engine/partition/partition_router.h"

namespace manifold::engine {

class FinalStateCursor final : public StreamCursor {
 public:
  FinalStateCursor(const PartitionRouter& router, StateSink sink) : router_(router), sink_(std::move(sink)) {}

  bool forEachSlice(ReadContext& read, const std::function<bool(const StreamSlice&)>& onSlice) override;
  void observe(const StreamSlice&, const nlohmann::json&) override {}
  void closeSlice(const StreamSlice&) override {}
  bool shouldBeSynced(const StreamSlice&, const nlohmann::json&) override { return true; }
  void finish() override;
  nlohmann::json state() const override;

 private:
  const PartitionRouter& router_;
  StateSink sink_;
  nlohmann::json parentState_ = nlohmann::json::object();
};

}  // namespace manifold::engine
