// CartesianProductStreamSlicer: several partition routers given as a list — every combination of
// their partitions, the first router outermost, the first router winning on clashing keys and
// request options (REFERENCE-NOTES 8.5).
#pragma once

#include "core/engine/partition/partition_router.h"

#include <memory>
#include <vector>

namespace manifold::engine {

class CartesianProductStreamSlicer final : public PartitionRouter {
 public:
  explicit CartesianProductStreamSlicer(std::vector<std::unique_ptr<PartitionRouter>> routers)
      : routers_(std::move(routers)) {}

  // Like itertools.product, every router's partitions are collected first (parents are read
  // completely), then combined.
  bool forEachPartition(ReadContext& read, nlohmann::json& parentState, const PartitionCallback& onPartition) const override;
  RequestOptions requestOptions(const StreamSlice& slice) const override;

 private:
  std::vector<std::unique_ptr<PartitionRouter>> routers_;
};

}  // namespace manifold::engine
