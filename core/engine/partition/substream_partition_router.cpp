// SubstreamPartitionRouter: the parent is read through the same loop as any stream, and each of
// its records becomes a partition before the next parent record is looked at.
#include "core/engine/partition/substream_partition_router.h"

#include "core/engine/declarative_stream.h"
#include "core/engine/read_context.h"
#include "core/engine/selection/dpath_extractor.h"
#include "core/engine/stream_read_loop.h"
#include "core/interpolation/value.h"

namespace manifold::engine {
namespace {

std::string joinPath(const std::vector<std::string>& path) {
  std::string text;
  for (const auto& part : path) {
    if (!text.empty()) text += '.';
    text += part;
  }
  return text;
}

}  // namespace

SubstreamPartitionRouter::SubstreamPartitionRouter(std::vector<ParentStreamConfig> parents) : parents_(std::move(parents)) {}

SubstreamPartitionRouter::~SubstreamPartitionRouter() = default;

bool SubstreamPartitionRouter::forEachPartition(ReadContext& read, nlohmann::json& parentState,
                                                const PartitionCallback& onPartition) const {
  const ReadEvents& childEvents = read.events();
  ReadEvents parentEvents;
  parentEvents.log = childEvents.log;
  if (childEvents.httpExchange) {
    parentEvents.httpExchange = [&childEvents](const http::HttpExchange& exchange, const ExchangeInfo& info) {
      ExchangeInfo parentInfo = info;
      parentInfo.auxiliary = true;
      parentInfo.parentStream = true;
      parentInfo.title = "Parent stream: " + info.title;
      childEvents.httpExchange(exchange, parentInfo);
    };
  }
  for (const auto& parent : parents_) {
    const DeclarativeStream& stream = *parent.stream;
    ReadContext parentRead = read.withEvents(parentEvents);
    parentRead.setStreamName(stream.name());
    nlohmann::json incoming;
    StateSink sink;
    if (parent.incrementalDependency) {
      if (auto it = parentState.find(stream.name()); it != parentState.end()) incoming = *it;
      sink = [&parentState, &stream](const nlohmann::json& state) { parentState[stream.name()] = state; };
    }
    auto cursor = stream.openCursor(parentRead, incoming, sink);

    bool stopped = false;
    std::size_t slices = 0;
    SliceLoopSink loop;
    loop.sliceDone = [&] {
      const auto& limit = read.options().maxSlices;
      return !(limit && ++slices >= *limit);
    };
    loop.record = [&](const StreamSlice& parentSlice, nlohmann::json& record) {
      const nlohmann::json* value = findAtPath(record, parent.parentKey);
      if (value == nullptr) return true;  // records without parent_key make no partition
      nlohmann::json extra = nlohmann::json::object();
      for (const auto& path : parent.extraFields) {
        const nlohmann::json* found = findAtPath(record, path);
        extra[joinPath(path)] = found ? *found : nlohmann::json();
      }
      StreamSlice partition(nlohmann::json{{parent.partitionField, *value}, {"parent_slice", parentSlice.partition()}},
                            nlohmann::json::object(), std::move(extra));
      if (!onPartition(partition)) {
        stopped = true;
        return false;
      }
      return true;
    };
    readStreamSlices(parentRead, stream, *cursor, loop);
    if (stopped) return false;
    cursor->finish();  // the parent's final state (it may have stopped at the slice limit)
  }
  return true;
}

RequestOptions SubstreamPartitionRouter::requestOptions(const StreamSlice& slice) const {
  RequestOptions options;
  if (slice.merged().empty()) return options;
  for (const auto& parent : parents_) {
    if (!parent.requestOption || parent.requestOption->isPath()) continue;
    auto it = slice.merged().find(parent.partitionField);
    if (it != slice.merged().end() && interpolation::Value::borrow(*it).truthy()) parent.requestOption->inject(options, *it);
  }
  return options;
}

}  // namespace manifold::engine
