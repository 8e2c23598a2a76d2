// GroupingPartitionRouter: batches are built lazily as the underlying router goes.
#include "core/engine/partition/grouping_partition_router.h"

#include "core/engine/engine_error.h"

#include <set>
#include <string>
#include <vector>

namespace manifold::engine {
namespace {

StreamSlice groupOf(const std::vector<StreamSlice>& batch) {
  nlohmann::json partition = nlohmann::json::object();
  for (const auto& [key, first] : batch.front().partition().items()) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& slice : batch) {
      auto it = slice.partition().find(key);
      values.push_back(it == slice.partition().end() ? nlohmann::json() : *it);
    }
    partition[key] = std::move(values);
  }
  nlohmann::json extra = nlohmann::json::object();
  std::set<std::string> keys;
  for (const auto& slice : batch) {
    for (const auto& [key, value] : slice.extraFields().items()) keys.insert(key);
  }
  for (const auto& key : keys) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& slice : batch) {
      auto it = slice.extraFields().find(key);
      values.push_back(it == slice.extraFields().end() ? nlohmann::json() : *it);
    }
    extra[key] = std::move(values);
  }
  return StreamSlice(std::move(partition), nlohmann::json::object(), std::move(extra));
}

}  // namespace

bool GroupingPartitionRouter::forEachPartition(ReadContext& read, nlohmann::json& parentState,
                                               const PartitionCallback& onPartition) const {
  std::vector<StreamSlice> batch;
  std::set<std::string> seen;
  bool stopped = false;
  underlying_->forEachPartition(read, parentState, [&](const StreamSlice& partition) {
    const nlohmann::json* keyValue = nullptr;
    std::size_t keys = 0;
    for (const auto& [key, value] : partition.partition().items()) {
      if (key == "parent_slice") continue;
      ++keys;
      keyValue = &value;
    }
    if (keys != 1) {
      throw ReadError("GroupingPartitionRouter expects a single partition key-value pair. Got " + partition.partition().dump(),
                      protocol::FailureType::ConfigError);
    }
    if (deduplicate_ && !seen.insert(keyValue->dump()).second) return true;
    batch.push_back(partition);
    if (batch.size() == groupSize_) {
      StreamSlice group = groupOf(batch);
      batch.clear();
      if (!onPartition(group)) {
        stopped = true;
        return false;
      }
    }
    return true;
  });
  if (stopped) return false;
  if (!batch.empty()) return onPartition(groupOf(batch));
  return true;
}

}  // namespace manifold::engine
