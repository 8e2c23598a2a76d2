// DeclarativeStream: which cursor a read uses, as the reference's _build_concurrent_cursor.
#include "core/engine/declarative_stream.h"

#include "core/engine/cursor/final_state_cursor.h"
#include "core/engine/cursor/per_partition_cursor.h"
#include "core/engine/cursor/unpartitioned_cursor.h"
#include "core/engine/read_context.h"

namespace manifold::engine {

std::unique_ptr<StreamCursor> DeclarativeStream::openCursor(ReadContext& read, const nlohmann::json& state,
                                                            StateSink sink) const {
  const auto* sync = incrementalSync();
  if (sync == nullptr) return std::make_unique<FinalStateCursor>(router(), std::move(sink));
  static const nlohmann::json kNoState = nlohmann::json::object();
  const nlohmann::json& incoming = state.is_object() ? state : kNoState;
  if (router().isSinglePartition()) {
    return std::make_unique<UnpartitionedCursor>(sync->open(read, incoming, std::chrono::seconds(0)), std::move(sink));
  }
  return std::make_unique<PerPartitionCursor>(read, *sync, router(), incoming, std::move(sink),
                                              read.options().perPartitionStateInterval);
}

RequestOptions DeclarativeStream::requestOptions(const StreamSlice& slice) const {
  RequestOptions options = router().requestOptions(slice);
  if (const auto* sync = incrementalSync()) options.overlay(sync->requestOptions(slice));
  return options;
}

}  // namespace manifold::engine
