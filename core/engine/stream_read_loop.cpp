// The read loop: the reference's partition reader, one slice at a time.
#include "core/engine/stream_read_loop.h"

#include "core/engine/read_context.h"

namespace manifold::engine {

bool readStreamSlices(ReadContext& read, const DeclarativeStream& stream, StreamCursor& cursor, const SliceLoopSink& sink) {
  const auto* sync = stream.incrementalSync();
  const bool dataFeed = sync != nullptr && sync->flags().isDataFeed;
  // A data feed filters after pagination, so its stop condition sees every record; otherwise a
  // client-side incremental stream filters inside the record selector (REFERENCE-NOTES 9.7).
  const bool clientSide = sync != nullptr && sync->flags().isClientSideIncremental && !dataFeed;
  const SimpleRetriever& retriever = stream.retriever();
  bool stopped = false;
  cursor.forEachSlice(read, [&](const StreamSlice& slice) {
    read.throwIfStopped();
    if (sink.sliceStarted && !sink.sliceStarted(slice)) {
      stopped = true;
      return false;
    }
    SimpleRetriever::SliceHooks hooks;
    if (clientSide) {
      hooks.keepRecord = [&](const nlohmann::json& record) { return cursor.shouldBeSynced(slice, record); };
    }
    if (dataFeed) {
      hooks.stopAfterPage = [&](const nlohmann::json& last) { return !cursor.shouldBeSynced(slice, last); };
    }
    if (sink.rawRecord && sync == nullptr) {
      hooks.rawPage = [&](std::vector<std::string_view>& records) {
        for (const auto& record : records) {
          if (!sink.rawRecord(slice, record)) {
            stopped = true;
            break;
          }
        }
        if (sink.pageDone) sink.pageDone();
        return !stopped;
      };
    }
    const RequestOptions options = stream.requestOptions(slice);
    retriever.readSlice(read, slice, options, hooks, [&](std::vector<nlohmann::json>& records) {
      for (auto& record : records) {
        if (dataFeed && !cursor.shouldBeSynced(slice, record)) continue;
        cursor.observe(slice, record);
        if (sink.record && !sink.record(slice, record)) {
          stopped = true;
          break;
        }
      }
      if (sink.pageDone) sink.pageDone();
      return !stopped;
    });
    if (stopped) return false;
    cursor.closeSlice(slice);
    if (sink.sliceDone && !sink.sliceDone()) {
      stopped = true;
      return false;
    }
    return true;
  });
  return !stopped;
}

}  // namespace manifold::engine
