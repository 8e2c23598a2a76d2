// CartesianProductStreamSlicer: an odometer over the collected partitions.
#include "core/engine/partition/cartesian_product_stream_slicer.h"

namespace manifold::engine {

bool CartesianProductStreamSlicer::forEachPartition(ReadContext& read, nlohmann::json& parentState,
                                                    const PartitionCallback& onPartition) const {
  std::vector<std::vector<StreamSlice>> lists;
  for (const auto& router : routers_) {
    std::vector<StreamSlice> partitions;
    router->forEachPartition(read, parentState, [&](const StreamSlice& partition) {
      partitions.push_back(partition);
      return true;
    });
    if (partitions.empty()) return true;
    lists.push_back(std::move(partitions));
  }
  std::vector<std::size_t> index(lists.size(), 0);
  while (true) {
    // ChainMap semantics: write the last router first so earlier routers overwrite it.
    nlohmann::json partition = nlohmann::json::object();
    nlohmann::json extra = nlohmann::json::object();
    for (std::size_t i = lists.size(); i-- > 0;) {
      const StreamSlice& part = lists[i][index[i]];
      partition.update(part.partition());
      extra.update(part.extraFields());
    }
    if (!onPartition(StreamSlice(std::move(partition), nlohmann::json::object(), std::move(extra)))) return false;
    std::size_t digit = lists.size();
    while (digit-- > 0) {
      if (++index[digit] < lists[digit].size()) break;
      index[digit] = 0;
      if (digit == 0) return true;
    }
  }
}

RequestOptions CartesianProductStreamSlicer::requestOptions(const StreamSlice& slice) const {
  RequestOptions options;
  for (std::size_t i = routers_.size(); i-- > 0;) options.overlay(routers_[i]->requestOptions(slice));
  return options;
}

}  // namespace manifold::engine
