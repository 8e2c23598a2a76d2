// JsonFileSchemaLoader: a schema file next to the manifest (default schemas/<stream>.json).
#pragma once

#include "core/engine/schema/schema_loader.h"

#include <filesystem>

namespace manifold::engine {

class JsonFileSchemaLoader final : public SchemaLoader {
 public:
  // `path` relative paths are resolved against the manifest's folder (empty: unknown).
  JsonFileSchemaLoader(std::filesystem::path path, std::filesystem::path manifestDir)
      : path_(std::move(path)), manifestDir_(std::move(manifestDir)) {}
  std::variant<nlohmann::json, std::string> load() const override;

 private:
  std::filesystem::path path_;
  std::filesystem::path manifestDir_;
};

}  // namespace manifold::engine
