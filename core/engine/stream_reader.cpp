// readStream: the stream boundary where component exceptions become a StreamFailure.
#include "core/engine/stream_reader.h"

#include "core/engine/concurrent_slice_reader.h"
#include "core/engine/read_context.h"
#include "core/engine/stream_read_loop.h"

namespace manifold::engine {

StreamReadResult readStream(const DeclarativeSource& source, std::string_view streamName, const nlohmann::json& state,
                            const ReadEvents& events, std::stop_token stop, const ReadOptions& options) {
  StreamReadResult result;
  const auto* entry = source.findStream(streamName);
  if (entry == nullptr) {
    result.failure = StreamFailure{"The stream '" + std::string(streamName) + "' is not defined in the manifest", "",
                                   protocol::FailureType::ConfigError};
    return result;
  }
  if (entry->error) {
    result.failure = StreamFailure{"The stream '" + entry->name + "' cannot be read: " + entry->error->message + " (at " +
                                       (entry->error->pointer.empty() ? std::string("/") : entry->error->pointer) + ")", "",
                                   protocol::FailureType::ConfigError};
    return result;
  }
  const DeclarativeStream& stream = *entry->stream;
  http::HttpClient client(options.http);
  ReadContext read(client, std::move(stop), events, options, protocol::SecretMasker(source.secrets()));
  const auto& masker = read.masker();
  read.setStreamName(stream.name());

  try {
    auto cursor = stream.openCursor(read, state, events.state);
    SliceLoopSink sink;
    sink.sliceStarted = [&](const StreamSlice& slice) {
      ++result.slices;
      if (events.sliceStarted) events.sliceStarted(slice.merged());
      return true;
    };
    sink.sliceDone = [&] {
      if (options.maxSlices && result.slices >= *options.maxSlices) {
        result.limitReached = true;
        return false;
      }
      return true;
    };
    sink.record = [&](const StreamSlice&, nlohmann::json& record) {
      ++result.records;
      if (events.record) events.record(record);
      // Stop at the limit itself, so no further page is requested only to be dropped.
      if (options.maxRecords && result.records >= *options.maxRecords) {
        result.limitReached = true;
        return false;
      }
      return true;
    };
    if (events.rawRecord) {
      sink.rawRecord = [&](const StreamSlice&, std::string_view record) {
        ++result.records;
        events.rawRecord(record);
        if (options.maxRecords && result.records >= *options.maxRecords) {
          result.limitReached = true;
          return false;
        }
        return true;
      };
    }
    sink.pageDone = events.pageDone;
    if (source.concurrencyLevel() > 1 && canReadSlicesConcurrently(stream, options)) {
      readStreamSlicesConcurrently(read, stream, *cursor, sink, source.concurrencyLevel());
    } else {
      readStreamSlices(read, stream, *cursor, sink);
    }
    cursor->finish();
  } catch (const ReadCancelled&) {
    result.cancelled = true;
  } catch (const ReadError& e) {
    result.failure = StreamFailure{masker.mask(e.what()), masker.mask(e.internalMessage()), e.failureType()};
  } catch (const std::exception& e) {
    result.failure = StreamFailure{masker.mask("The stream '" + stream.name() + "' failed: " + e.what()), "",
                                   protocol::FailureType::SystemError};
  }
  return result;
}

}  // namespace manifold::engine
