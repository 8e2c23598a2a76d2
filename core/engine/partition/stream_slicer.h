// StreamSlicer: the slices a stream is read in (partitions, date windows) and their options.
#pragma once

#include "core/engine/request_options.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace manifold::engine {

class ReadContext;

class StreamSlicer {
 public:
  virtual ~StreamSlicer() = default;
  // Calls `onSlice` for each slice in order; stops early when it returns false.
  virtual void forEachSlice(ReadContext& read, const std::function<bool(const nlohmann::json& slice)>& onSlice) const = 0;
  virtual RequestOptions requestOptions(const nlohmann::json& slice) const = 0;
};

}  // namespace manifold::engine
