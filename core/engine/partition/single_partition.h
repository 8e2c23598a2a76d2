// SinglePartition: a stream without partition router or cursor is read as one empty slice.
#pragma once

#include "core/engine/partition/stream_slicer.h"

namespace manifold::engine {

class SinglePartition final : public StreamSlicer {
 public:
  void forEachSlice(ReadContext&, const std::function<bool(const nlohmann::json& slice)>& onSlice) const override {
    static const nlohmann::json kEmptySlice = nlohmann::json::object();
    onSlice(kEmptySlice);
  }
  RequestOptions requestOptions(const nlohmann::json&) const override { return {}; }
};

}  // namespace manifold::engine
