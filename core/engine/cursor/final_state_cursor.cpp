// FinalStateCursor: partitions pass through; the state is a constant sentinel.
#include "core/engine/cursor/final_state_cursor.h"

namespace manifold::engine {

bool FinalStateCursor::forEachSlice(ReadContext& read, const std::function<bool(const StreamSlice&)>& onSlice) {
  return router_.forEachPartition(read, parentState_, onSlice);
}

void FinalStateCursor::finish() {
  if (sink_) sink_(state());
}

nlohmann::json FinalStateCursor::state() const { return nlohmann::json{{"__ab_no_cursor_state_message", true}}; }

}  // namespace manifold::engine
