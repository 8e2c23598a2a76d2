// ConfiguredAirbyteCatalog: which streams a read covers and in which sync mode.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/protocol/airbyte_messages.h"
#include "core/protocol/result.h"

namespace manifold::protocol {

struct ConfiguredStream {
  StreamDescriptor stream;
  nlohmann::json jsonSchema = nlohmann::json::object();
  std::vector<SyncMode> supportedSyncModes;
  SyncMode syncMode = SyncMode::FullRefresh;
  std::string destinationSyncMode;  // passed through; a source does not act on it
  std::vector<std::string> cursorField;
  std::vector<std::vector<std::string>> primaryKey;
  nlohmann::json raw;  // the entry as given, for fields this struct does not name
};

struct ConfiguredCatalog {
  std::vector<ConfiguredStream> streams;

  // nullptr when the catalog does not configure that stream; without ns any namespace matches.
  const ConfiguredStream* find(std::string_view name,
                               const std::optional<std::string>& ns = std::nullopt) const;
};

// Errors name the JSON path of the offending field, e.g.
// "catalog: streams[1].sync_mode must be \"full_refresh\" or \"incremental\", got \"fast\"".
Result<ConfiguredCatalog> parseConfiguredCatalog(const nlohmann::json& json);

}  // namespace manifold::protocol
