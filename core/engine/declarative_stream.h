// DeclarativeStream: a named stream with its retriever, schema and primary key.
#pragma once

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
  };

  explicit DeclarativeStream(Parts parts) : parts_(std::move(parts)) {}

  const std::string& name() const { return parts_.name; }
  const std::vector<std::vector<std::string>>& primaryKey() const { return parts_.primaryKey; }
  const SimpleRetriever& retriever() const { return *parts_.retriever; }
  const SchemaLoader& schemaLoader() const { return *parts_.schemaLoader; }

 private:
  Parts parts_;
};

}  // namespace manifold::engine
