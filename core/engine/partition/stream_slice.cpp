// StreamSlice: the merged views are computed once, since every page of the slice reads them.
#include "core/engine/partition/stream_slice.h"

namespace manifold::engine {

StreamSlice::StreamSlice() : StreamSlice(nlohmann::json::object(), nlohmann::json::object()) {}

StreamSlice::StreamSlice(nlohmann::json partition, nlohmann::json cursorSlice, nlohmann::json extraFields)
    : partition_(std::move(partition)), cursorSlice_(std::move(cursorSlice)), extraFields_(std::move(extraFields)) {
  if (!partition_.is_object()) partition_ = nlohmann::json::object();
  if (!cursorSlice_.is_object()) cursorSlice_ = nlohmann::json::object();
  if (!extraFields_.is_object()) extraFields_ = nlohmann::json::object();
  merged_ = partition_;
  for (const auto& [key, value] : cursorSlice_.items()) merged_[key] = value;
  templateValue_ = merged_;
  if (!extraFields_.empty()) templateValue_["extra_fields"] = extraFields_;
}

StreamSlice StreamSlice::withCursorSlice(nlohmann::json cursorSlice) const {
  return StreamSlice(partition_, std::move(cursorSlice), extraFields_);
}

}  // namespace manifold::engine
