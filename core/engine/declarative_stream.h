// DeclarativeStream: a named stream with its retriever, partition router, incremental sync,
// schema and primary key.
#pragma once

#include "core/engine/cursor/incremental_sync.h"
#include "core/engine/cursor/stream_cursor.h"
#include "core/engine/read_options.h"
#include "core/engine/schema/schema_loader.h"
#include "core/engine/simple_retriever.h"

#include <memory>
#include <string>
#include <vector>

namespace manifold::engine {

class DeclarativeStream {
 public:
  struct Parts {
    std::string name;
    std::vector<std::vector<std::string>> primaryKey;
    std::unique_ptr<SimpleRetriever> retriever;
    std::unique_ptr<SchemaLoader> schemaLoader;
    std::unique_ptr<IncrementalSync> incrementalSync;  // null for full refresh streams
  };

  explicit DeclarativeStream(Parts parts) : parts_(std::move(parts)) {}

  const std::string& name() const { return parts_.name; }
  const std::vector<std::vector<std::string>>& primaryKey() const { return parts_.primaryKey; }
  const SimpleRetriever& retriever() const { return *parts_.retriever; }
  const SchemaLoader& schemaLoader() const { return *parts_.schemaLoader; }
  const PartitionRouter& router() const { return parts_.retriever->router(); }
  const IncrementalSync* incrementalSync() const { return parts_.incrementalSync.get(); }

  // The cursor one read walks the stream with. `state` is the stream's incoming state blob (null
  // or empty for none; pass null for a full refresh read). `sink` receives each STATE blob.
  std::unique_ptr<StreamCursor> openCursor(ReadContext& read, const nlohmann::json& state, StateSink sink) const;
  // The router's and the cursor's request options for a slice, the cursor winning on a clash.
  RequestOptions requestOptions(const StreamSlice& slice) const;

 private:
  Parts parts_;
};

}  // namespace manifold::engine
