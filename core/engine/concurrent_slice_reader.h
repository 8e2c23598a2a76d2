// Reading a stream's slices with several HTTP connections at once (the manifest's
// concurrency_level), while the sink sees exactly what a one-at-a-time read gives it.
#pragma once

#include "core/engine/stream_read_loop.h"

#include <cstddef>

namespace manifold::engine {

class ReadContext;

// Whether `stream` may be read with readStreamSlicesConcurrently under `options`. Not for a test
// read or check (their limits must stop before the next request, and the reference's builder
// reads with concurrency 1), nor for a cursor the worker threads would have to consult while
// fetching (client-side incremental, data feed), nor for per-partition state, whose cursor
// tracks the slice being read.
bool canReadSlicesConcurrently(const DeclarativeStream& stream, const ReadOptions& options);

// The reference's concurrent source reads up to concurrency_level partitions at once and emits
// records as they arrive. Manifold fetches up to `workers` slices at once, each on its own thread
// with its own HTTP client, but passes every slice's exchanges, logs, records and page ends to
// the sink (and the cursor) in slice order, each slice after the one before it is closed: the
// messages are those of a sequential read, in the same order, whatever finishes first. Slices are
// generated on the calling thread, at most `workers` ahead of the one being emitted. A failed
// slice fails the read once the slices before it were emitted; the others are stopped.
bool readStreamSlicesConcurrently(ReadContext& read, const DeclarativeStream& stream, StreamCursor& cursor,
                                  const SliceLoopSink& sink, std::size_t workers);

}  // namespace manifold::engine
