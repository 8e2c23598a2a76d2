// StreamSlice: one unit of reading — the partition (router keys), the cursor slice (a date window)
// and extra fields carried from a parent record — as the reference's StreamSlice.
#pragma once

#include <nlohmann/json.hpp>

namespace manifold::engine {

class StreamSlice {
 public:
  StreamSlice();
  StreamSlice(nlohmann::json partition, nlohmann::json cursorSlice, nlohmann::json extraFields = nlohmann::json::object());

  const nlohmann::json& partition() const { return partition_; }
  const nlohmann::json& cursorSlice() const { return cursorSlice_; }
  const nlohmann::json& extraFields() const { return extraFields_; }
  // Partition and cursor slice merged: the slice descriptor a test read shows and the mapping
  // request options look keys up in.
  const nlohmann::json& merged() const { return merged_; }
  // What templates see as stream_slice (and its aliases stream_partition, stream_interval): the
  // merged mapping, plus `extra_fields` when there are any, so `stream_slice.extra_fields.x` works.
  const nlohmann::json& templateValue() const { return templateValue_; }
  // The same slice with another cursor slice (a date window inside this partition).
  StreamSlice withCursorSlice(nlohmann::json cursorSlice) const;

 private:
  nlohmann::json partition_;
  nlohmann::json cursorSlice_;
  nlohmann::json extraFields_;
  nlohmann::json merged_;
  nlohmann::json templateValue_;
};

}  // namespace manifold::engine
