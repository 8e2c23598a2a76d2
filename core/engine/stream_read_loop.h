// The read loop shared by a stream read and a parent stream read: each slice of the cursor, each
// page of the slice, the cursor observing records and closing completed slices.
#pragma once

#include "core/engine/cursor/stream_cursor.h"
#include "core/engine/declarative_stream.h"

#include <functional>

namespace manifold::engine {

class ReadContext;

struct SliceLoopSink {
  // A slice is about to be read; returning false stops the read before it.
  std::function<bool(const StreamSlice& slice)> sliceStarted;
  // A record of `slice` (transformed and filtered; it may be moved out); returning false stops
  // the read after this record, mid-slice, and the slice is not closed.
  std::function<bool(const StreamSlice& slice, nlohmann::json& record)> record;
  // The same for a record passed as JSON text (ReadEvents::rawRecord); used only for streams
  // without an incremental cursor, whose records nobody observes.
  std::function<bool(const StreamSlice& slice, std::string_view recordJson)> rawRecord;
  // A page's records have all been passed to `record` (or `record` stopped the read mid-page).
  std::function<void()> pageDone;
  // A slice was read and closed; returning false ends the read before the next slice is even
  // generated (a slice limit must not fetch the parent page that would make the next partition).
  std::function<bool()> sliceDone;
};

// Reads `stream` with `cursor`. Returns false when the sink stopped it. Throws ReadError /
// ReadCancelled as the components do; a slice that failed is never closed.
bool readStreamSlices(ReadContext& read, const DeclarativeStream& stream, StreamCursor& cursor, const SliceLoopSink& sink);

}  // namespace manifold::engine
