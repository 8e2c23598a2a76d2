// GroupingPartitionRouter: batches of group_size partitions of an underlying router, each key
// holding the list of the batch's values, for APIs that filter by several ids in one request.
#pragma once

#include "core/engine/partition/partition_router.h"

#include <memory>

namespace manifold::engine {

class GroupingPartitionRouter final : public PartitionRouter {
 public:
  GroupingPartitionRouter(std::unique_ptr<PartitionRouter> underlying, std::size_t groupSize, bool deduplicate)
      : underlying_(std::move(underlying)), groupSize_(groupSize), deduplicate_(deduplicate) {}

  // Throws ReadError when an underlying partition has more than one key besides parent_slice.
  bool forEachPartition(ReadContext& read, nlohmann::json& parentState, const PartitionCallback& onPartition) const override;
  // The reference injects nothing for a group: templates read the lists from stream_partition.
  RequestOptions requestOptions(const StreamSlice&) const override { return {}; }
  bool hasParentState() const override { return underlying_->hasParentState(); }

 private:
  std::unique_ptr<PartitionRouter> underlying_;
  std::size_t groupSize_;
  bool deduplicate_;
};

}  // namespace manifold::engine
