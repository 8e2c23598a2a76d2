// Writes an imported connector as a folder: manifest.yaml, metadata.yaml and README.md.
#pragma once

#include "core/openapi/import_plan.h"

#include <filesystem>
#include <string>
#include <vector>

namespace manifold::openapi {

struct ConnectorFiles {
  std::string name;  // catalog name (metadata data.name), e.g. "petstore"
  std::string manifest;
  std::string metadata;
  std::string readme;
};

// The three files' text for the chosen streams (all when empty).
Result<ConnectorFiles> connectorFiles(const ImportPlan& plan, const std::vector<std::string>& streams = {});

// Creates `dir` if needed and writes each file atomically (temporary file, then rename). Refuses
// to replace an existing manifest.yaml unless `overwrite`. Returns the written paths.
Result<std::vector<std::filesystem::path>> writeConnectorFolder(const std::filesystem::path& dir, const ConnectorFiles& files,
                                                                bool overwrite = false);

// "Manifold Demo API" → "manifold-demo-api": the name rules of catalog connectors.
std::string connectorName(std::string_view title);

}  // namespace manifold::openapi
