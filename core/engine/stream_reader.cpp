// readStream: the stream boundary where component exceptions become a StreamFailure.
#include "core/engine/stream_reader.h"

#include "core/engine/read_context.h"

namespace manifold::engine {

StreamReadResult readStream(const DeclarativeSource& source, std::string_view streamName, const nlohmann::json& state,
                            const ReadEvents& events, std::stop_token stop, const ReadOptions& options) {
  (void)state;  // full refresh streams ignore incoming state; cursors will read it
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
  http::HttpClient client;
  ReadContext read(client, std::move(stop), events, options, protocol::SecretMasker(source.secrets()));
  const auto& masker = read.masker();
  read.setStreamName(stream.name());

  try {
    const auto& retriever = stream.retriever();
    retriever.slicer().forEachSlice(read, [&](const nlohmann::json& slice) {
      if (options.maxSlices && result.slices >= *options.maxSlices) {
        result.limitReached = true;
        return false;
      }
      ++result.slices;
      if (events.sliceStarted) events.sliceStarted(slice);
      bool stopped = false;
      retriever.readSlice(read, slice, [&](std::vector<nlohmann::json>& records) {
        for (auto& record : records) {
          ++result.records;
          if (events.record) events.record(record);
          // Stop at the limit itself, so no further page is requested only to be dropped.
          if (options.maxRecords && result.records >= *options.maxRecords) {
            result.limitReached = true;
            stopped = true;
            break;
          }
        }
        if (events.pageDone) events.pageDone();
        return !stopped;
      });
      return !stopped;
    });
    // Full refresh streams end with the reference's FinalStateCursor state (REFERENCE-NOTES 9.10).
    if (events.state) events.state(nlohmann::json{{"__ab_no_cursor_state_message", true}});
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
