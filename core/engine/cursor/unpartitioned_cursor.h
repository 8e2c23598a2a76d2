// UnpartitionedCursor: an incremental stream without partition router — one PartitionCursor whose
// state is the stream's state, emitted after each completed slice and at the end.
#pragma once

#include "core/engine/cursor/incremental_sync.h"
#include "core/engine/cursor/stream_cursor.h"

#include <memory>

namespace manifold::engine {

class UnpartitionedCursor final : public StreamCursor {
 public:
  UnpartitionedCursor(std::unique_ptr<PartitionCursor> cursor, StateSink sink)
      : cursor_(std::move(cursor)), sink_(std::move(sink)) {}

  bool forEachSlice(ReadContext&, const std::function<bool(const StreamSlice&)>& onSlice) override {
    return cursor_->forEachSlice([&](const nlohmann::json& window) { return onSlice(StreamSlice({}, window)); });
  }
  void observe(const StreamSlice&, const nlohmann::json& record) override { cursor_->observe(record); }
  void closeSlice(const StreamSlice& slice) override {
    cursor_->close(slice.cursorSlice());
    if (sink_) sink_(cursor_->state());
  }
  bool shouldBeSynced(const StreamSlice&, const nlohmann::json& record) override { return cursor_->shouldBeSynced(record); }
  void finish() override {
    if (sink_) sink_(cursor_->state());
  }
  nlohmann::json state() const override { return cursor_->state(); }

 private:
  std::unique_ptr<PartitionCursor> cursor_;
  StateSink sink_;
};

}  // namespace manifold::engine
