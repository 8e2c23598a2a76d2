// PerPartitionCursor: a partition router combined with an incremental cursor — one cursor per
// partition, a global cursor as the fallback for new partitions, the parents' state, in the
// reference's state shape {"use_global_cursor", "states": [{"partition", "cursor"}], "state",
// "lookback_window", "parent_state"} (REFERENCE-NOTES 9.8).
#pragma once

#include "core/engine/cursor/incremental_sync.h"
#include "core/engine/cursor/stream_cursor.h"
#include "core/engine/partition/partition_router.h"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace manifold::engine {

class PerPartitionCursor final : public StreamCursor {
 public:
  // After this many partitions the reference keeps only the global cursor.
  static constexpr std::size_t kSwitchToGlobalLimit = 10'000;
  static constexpr std::size_t kMaxPartitions = 25'000;

  // `state` is the stream's incoming state (any of the reference's shapes; a plain
  // {cursor_field: value} applies to every partition). Throws ReadError on an unusable value.
  PerPartitionCursor(ReadContext& read, const IncrementalSync& sync, const PartitionRouter& router,
                     const nlohmann::json& state, StateSink sink, std::chrono::seconds emitInterval);
  ~PerPartitionCursor() override;

  bool forEachSlice(ReadContext& read, const std::function<bool(const StreamSlice&)>& onSlice) override;
  void observe(const StreamSlice& slice, const nlohmann::json& record) override;
  void closeSlice(const StreamSlice& slice) override;
  bool shouldBeSynced(const StreamSlice& slice, const nlohmann::json& record) override;
  void finish() override;
  nlohmann::json state() const override;

 private:
  struct Partition {
    nlohmann::json partition;
    std::unique_ptr<PartitionCursor> cursor;
  };

  void setGlobalState(const nlohmann::json& state);
  void updateGlobalCursor(const nlohmann::json& value);
  std::unique_ptr<PartitionCursor> createCursor(const nlohmann::json& state, std::chrono::seconds lookback) const;
  void emit(bool throttle);
  void enforcePartitionLimit();

  ReadContext& read_;
  const IncrementalSync& sync_;
  const PartitionRouter& router_;
  StateSink sink_;
  std::chrono::seconds emitInterval_;

  std::vector<std::string> order_;          // partition keys in creation order
  std::map<std::string, Partition> cursors_;
  std::set<std::string> generated_;        // partitions already read in this sync
  Partition* current_ = nullptr;           // the partition of the slice being read
  bool currentIsLast_ = false;              // the slice being read is its partition's last
  std::size_t openSlices_ = 0;
  std::size_t partitionCount_ = 0;
  bool useGlobalCursor_ = false;
  bool warnedDuplicate_ = false;
  bool syncedSomeData_ = false;

  nlohmann::json globalCursor_;     // {cursor_field: value} or null
  nlohmann::json newGlobalCursor_;  // the greatest value seen in this sync
  std::unique_ptr<PartitionCursor> globalFilterCursor_;  // shouldBeSynced with use_global_cursor
  std::int64_t lookbackSeconds_ = 0;
  nlohmann::json routerParentState_ = nlohmann::json::object();  // what routers read and update
  nlohmann::json parentState_;                                    // what the state reports (null: none)
  nlohmann::json partitionParentState_;                           // the router's parent state when the current partition began
  std::chrono::steady_clock::time_point started_;
  std::optional<std::chrono::steady_clock::time_point> lastEmission_;
};

}  // namespace manifold::engine
