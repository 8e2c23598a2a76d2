// InlineSchemaLoader: the schema written in the manifest.
#pragma once

#include "core/engine/schema/schema_loader.h"

namespace manifold::engine {

class InlineSchemaLoader final : public SchemaLoader {
 public:
  explicit InlineSchemaLoader(nlohmann::json schema) : schema_(std::move(schema)) {}
  std::variant<nlohmann::json, std::string> load() const override { return schema_; }

 private:
  nlohmann::json schema_;
};

}  // namespace manifold::engine
