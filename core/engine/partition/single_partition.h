// SinglePartition: a stream without partition router is read as one empty partition.
#pragma once

#include "core/engine/partition/partition_router.h"

namespace manifold::engine {

class SinglePartition final : public PartitionRouter {
 public:
  bool forEachPartition(ReadContext&, nlohmann::json&, const PartitionCallback& onPartition) const override {
    static const StreamSlice kEmpty;
    return onPartition(kEmpty);
  }
  RequestOptions requestOptions(const StreamSlice&) const override { return {}; }
  bool isSinglePartition() const override { return true; }
};

}  // namespace manifold::engine
