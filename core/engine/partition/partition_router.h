// PartitionRouter: the partitions a stream is read in (list values, parent records, their
// product) and the request options each partition adds.
#pragma once

#include "core/engine/partition/stream_slice.h"
#include "core/engine/request_options.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace manifold::engine {

class ReadContext;

// Called once per partition, in order; returning false stops the iteration.
using PartitionCallback = std::function<bool(const StreamSlice& partition)>;

class PartitionRouter {
 public:
  virtual ~PartitionRouter() = default;
  // Calls `onPartition` for each partition. `parentState` is the state of the parent streams read
  // with incremental_dependency ({parent name: state}): routers read a parent from its entry and
  // keep the entry up to date as the parent's slices complete. Returns false when stopped early.
  virtual bool forEachPartition(ReadContext& read, nlohmann::json& parentState, const PartitionCallback& onPartition) const = 0;
  virtual RequestOptions requestOptions(const StreamSlice& slice) const = 0;
  // Whether the router reports parent state (the reference's get_stream_state is not None):
  // substream routers do, even as {} when no parent has incremental_dependency.
  virtual bool hasParentState() const { return false; }
  // The reference's SinglePartitionRouter: a stream read as one empty partition.
  virtual bool isSinglePartition() const { return false; }
};

}  // namespace manifold::engine
