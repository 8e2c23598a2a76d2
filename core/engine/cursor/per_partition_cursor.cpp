// PerPartitionCursor: the reference's ConcurrentPerPartitionCursor for a sequential read, where
// every slice is closed before the next one starts.
#include "core/engine/cursor/per_partition_cursor.h"

#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/interpolation/value.h"

#include <cmath>

namespace manifold::engine {

PerPartitionCursor::PerPartitionCursor(ReadContext& read, const IncrementalSync& sync, const PartitionRouter& router,
                                       const nlohmann::json& state, StateSink sink, std::chrono::seconds emitInterval)
    : read_(read), sync_(sync), router_(router), sink_(std::move(sink)), emitInterval_(emitInterval) {
  useGlobalCursor_ = sync.flags().globalSubstreamCursor;
  if (!state.is_object() || state.empty()) return;
  if (!state.contains("states") && !state.contains("state")) {
    // A plain {cursor_field: value}: the global value for every partition.
    setGlobalState(state);
  } else {
    useGlobalCursor_ = state.value("use_global_cursor", false) || useGlobalCursor_;
    if (auto it = state.find("lookback_window"); it != state.end() && it->is_number()) {
      lookbackSeconds_ = it->get<std::int64_t>();
    }
    for (const auto& entry : state.value("states", nlohmann::json::array())) {
      if (!entry.is_object() || !entry.contains("partition")) continue;
      const std::string key = entry["partition"].dump();
      if (cursors_.count(key) == 0) order_.push_back(key);
      cursors_[key] = Partition{entry["partition"], createCursor(entry.value("cursor", nlohmann::json::object()), std::chrono::seconds(0))};
      ++partitionCount_;
    }
    if (auto it = state.find("state"); it != state.end() && it->is_object()) setGlobalState(*it);
  }
  if (auto it = state.find("parent_state"); it != state.end() && interpolation::Value::borrow(*it).truthy()) {
    parentState_ = *it;
    if (it->is_object()) routerParentState_ = *it;
  }
}

PerPartitionCursor::~PerPartitionCursor() = default;

void PerPartitionCursor::setGlobalState(const nlohmann::json& state) {
  if (!state.contains(sync_.cursorField())) return;
  auto value = sync_.stateValueOf(state);
  if (!value) {
    throw ReadError("the stream state value " + state[sync_.cursorField()].dump() + " of '" + sync_.cursorField() +
                        "' matches none of the cursor's datetime formats",
                    protocol::FailureType::ConfigError);
  }
  globalCursor_ = nlohmann::json{{sync_.cursorField(), *value}};
  newGlobalCursor_ = globalCursor_;
}

std::unique_ptr<PartitionCursor> PerPartitionCursor::createCursor(const nlohmann::json& state, std::chrono::seconds lookback) const {
  return sync_.open(read_, state, lookback);
}

void PerPartitionCursor::updateGlobalCursor(const nlohmann::json& value) {
  const auto& field = sync_.cursorField();
  if (newGlobalCursor_.is_null() || newGlobalCursor_[field] < value) newGlobalCursor_ = nlohmann::json{{field, value}};
}

void PerPartitionCursor::enforcePartitionLimit() {
  if (!useGlobalCursor_ && partitionCount_ > kSwitchToGlobalLimit) {
    read_.log(protocol::LogLevel::Info, "Exceeded the 'SWITCH_TO_GLOBAL_LIMIT' of " + std::to_string(kSwitchToGlobalLimit) +
                                            ". Switching to global cursor for " + read_.streamName() + ".");
    useGlobalCursor_ = true;
  }
  while (cursors_.size() > kMaxPartitions - 1 && !order_.empty()) {
    cursors_.erase(order_.front());
    order_.erase(order_.begin());
  }
}

bool PerPartitionCursor::forEachSlice(ReadContext& read, const std::function<bool(const StreamSlice&)>& onSlice) {
  started_ = std::chrono::steady_clock::now();
  const auto noLookback = std::chrono::seconds(0);
  return router_.forEachPartition(read, routerParentState_, [&](const StreamSlice& partition) {
    enforcePartitionLimit();
    const std::string key = partition.partition().dump();
    auto it = cursors_.find(key);
    if (it == cursors_.end()) {
      const bool fromGlobal = interpolation::Value::borrow(globalCursor_).truthy();
      auto cursor = createCursor(fromGlobal ? globalCursor_ : nlohmann::json::object(),
                                 fromGlobal ? std::chrono::seconds(lookbackSeconds_) : noLookback);
      it = cursors_.emplace(key, Partition{partition.partition(), std::move(cursor)}).first;
      order_.push_back(key);
      ++partitionCount_;
    }
    if (!generated_.insert(key).second) {
      if (!warnedDuplicate_) {
        read_.log(protocol::LogLevel::Warn, "Partition duplication detected for stream " + read_.streamName());
        warnedDuplicate_ = true;
      }
      return true;
    }
    partitionParentState_ = routerParentState_;
    // The windows are known without I/O: collect them so the last one can be told apart.
    std::vector<nlohmann::json> windows;
    it->second.cursor->forEachSlice([&](const nlohmann::json& window) {
      windows.push_back(window);
      return true;
    });
    for (std::size_t i = 0; i < windows.size(); ++i) {
      current_ = &it->second;
      currentIsLast_ = i + 1 == windows.size();
      ++openSlices_;
      if (!onSlice(partition.withCursorSlice(windows[i]))) return false;
    }
    return true;
  });
}

void PerPartitionCursor::observe(const StreamSlice&, const nlohmann::json& record) {
  auto value = sync_.stateValueOf(record);
  if (!value) return;
  syncedSomeData_ = true;
  updateGlobalCursor(*value);
  if (!useGlobalCursor_ && current_ != nullptr) current_->cursor->observe(record);
}

void PerPartitionCursor::closeSlice(const StreamSlice& slice) {
  if (openSlices_ > 0) --openSlices_;
  if (current_ == nullptr) return;
  if (!useGlobalCursor_) {
    current_->cursor->close(slice.cursorSlice());
    if (currentIsLast_) {
      const auto state = current_->cursor->state();
      if (auto it = state.find(sync_.cursorField()); it != state.end()) updateGlobalCursor(*it);
    }
  }
  // A partition's parent state counts once the partition is done (every earlier one is, too).
  if (currentIsLast_ && router_.hasParentState()) parentState_ = partitionParentState_;
  emit(true);
}

bool PerPartitionCursor::shouldBeSynced(const StreamSlice&, const nlohmann::json& record) {
  if (useGlobalCursor_) {
    if (!globalFilterCursor_) {
      const bool fromGlobal = interpolation::Value::borrow(globalCursor_).truthy();
      globalFilterCursor_ = createCursor(fromGlobal ? globalCursor_ : nlohmann::json::object(),
                                         std::chrono::seconds(fromGlobal ? lookbackSeconds_ : 0));
    }
    return globalFilterCursor_->shouldBeSynced(record);
  }
  return current_ == nullptr || current_->cursor->shouldBeSynced(record);
}

void PerPartitionCursor::finish() {
  if (openSlices_ == 0) {
    if (syncedSomeData_) {
      globalCursor_ = newGlobalCursor_;
      const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      lookbackSeconds_ = static_cast<std::int64_t>(std::ceil(elapsed));
    }
    if (router_.hasParentState()) parentState_ = routerParentState_;
  }
  emit(false);
}

void PerPartitionCursor::emit(bool throttle) {
  if (!sink_) return;
  if (throttle) {
    const auto now = std::chrono::steady_clock::now();
    if (lastEmission_ && now - *lastEmission_ < emitInterval_) return;
    lastEmission_ = now;
    if (useGlobalCursor_ && !interpolation::Value::borrow(parentState_).truthy()) return;
  }
  sink_(state());
}

nlohmann::json PerPartitionCursor::state() const {
  nlohmann::json state{{"use_global_cursor", useGlobalCursor_}};
  if (!useGlobalCursor_) {
    nlohmann::json states = nlohmann::json::array();
    for (const auto& key : order_) {
      const auto& entry = cursors_.at(key);
      auto cursor = entry.cursor->state();
      if (!cursor.empty()) states.push_back({{"partition", entry.partition}, {"cursor", std::move(cursor)}});
    }
    state["states"] = std::move(states);
  }
  if (interpolation::Value::borrow(globalCursor_).truthy()) state["state"] = globalCursor_;
  state["lookback_window"] = lookbackSeconds_;
  if (!parentState_.is_null()) state["parent_state"] = parentState_;
  return state;
}

}  // namespace manifold::engine
