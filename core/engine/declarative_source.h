// DeclarativeSource: the runtime form of a manifest with one config — its streams (each built
// or with the error that prevented it), the spec and the check.
#pragma once

#include "core/engine/declarative_stream.h"
#include "core/engine/engine_error.h"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::engine {

struct SourceBuildOptions {
  // Where JsonFileSchemaLoader looks for relative schema files (the manifest's folder).
  std::filesystem::path manifestDir;
  // Whether dynamic_streams read by an HttpComponentsResolver are listed now (an HTTP read
  // during the build, with `http`); without it only config-generated dynamic streams exist.
  // Reading commands set it; a build for editing or validating does not contact any host.
  bool resolveDynamicStreams = false;
  http::HttpClientOptions http;
};

class DeclarativeSource {
 public:
  // A stream of the manifest: built, or the reason it cannot run. A stream that cannot be built
  // fails alone when read; the others still run.
  struct StreamEntry {
    std::string name;
    std::string pointer;  // e.g. /streams/2
    std::unique_ptr<DeclarativeStream> stream;
    std::optional<BuildError> error;
    // Built on its own, so discover can describe a stream even when the stream cannot run.
    std::shared_ptr<const SchemaLoader> schemaLoader;
    std::optional<BuildError> schemaError;
    std::vector<std::vector<std::string>> primaryKey;  // known even when the build failed
    bool incremental = false;  // the manifest declares incremental_sync
  };

  // Builds every stream from the resolved manifest (loadManifest's output). Fails only for
  // source-level problems: no streams list, a malformed check.
  static BuildResult<std::shared_ptr<const DeclarativeSource>> build(const nlohmann::ordered_json& resolved,
                                                                     nlohmann::json config,
                                                                     const SourceBuildOptions& options = {});

  const std::vector<StreamEntry>& streams() const { return streams_; }
  const StreamEntry* findStream(std::string_view name) const;
  const nlohmann::json& config() const { return *config_; }
  // spec.connection_specification (null when the manifest has no spec).
  const nlohmann::json& connectionSpecification() const { return connectionSpecification_; }
  // The SPEC message payload: connectionSpecification plus documentationUrl/advanced_auth.
  const nlohmann::json& spec() const { return spec_; }
  // HttpComponentsResolver definitions not listed (SourceBuildOptions::resolveDynamicStreams off).
  std::size_t unresolvedDynamicDefinitions() const { return unresolvedDynamicDefinitions_; }
  // check: CheckDynamicStream — the first stream_count streams (static ones first, then the
  // generated ones) are read for a record, unless use_check_availability is false.
  struct DynamicCheck {
    std::size_t streamCount = 0;
    bool useCheckAvailability = true;
  };
  const std::optional<DynamicCheck>& dynamicCheck() const { return dynamicCheck_; }
  // CheckStream's stream_names.
  const std::vector<std::string>& checkStreamNames() const { return checkStreamNames_; }
  // How many slices of a stream a full read fetches at once (concurrency_level; 1 without it).
  std::size_t concurrencyLevel() const { return concurrencyLevel_; }
  // Config values of fields marked airbyte_secret: never printed.
  const std::vector<std::string>& secrets() const { return secrets_; }

 private:
  std::shared_ptr<const nlohmann::json> config_;
  std::vector<StreamEntry> streams_;
  nlohmann::json connectionSpecification_;
  nlohmann::json spec_;
  std::vector<std::string> checkStreamNames_;
  std::vector<std::string> secrets_;
  std::size_t concurrencyLevel_ = 1;
  std::size_t unresolvedDynamicDefinitions_ = 0;
  std::optional<DynamicCheck> dynamicCheck_;
  // The generated dynamic streams' manifests (built components may point into them).
  std::deque<nlohmann::ordered_json> dynamicManifests_;
};

}  // namespace manifold::engine
