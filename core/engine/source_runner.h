// SourceRunner: the Airbyte source image commands (spec, check, discover, read) over a manifest,
// writing protocol messages as JSON lines. manifold-cli only parses arguments and calls these.
#pragma once

#include "core/engine/read_options.h"
#include "core/protocol/json_lines_writer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace manifold::engine {

struct SourceInput {
  // The manifest as YAML (or JSON) text; when empty, the config key
  // __injected_declarative_manifest supplies it, as in Airbyte's source-declarative-manifest.
  std::string manifestText;
  std::filesystem::path manifestDir;  // for JsonFileSchemaLoader; empty when unknown
  nlohmann::json config = nlohmann::json::object();
  std::optional<nlohmann::json> catalog;  // ConfiguredAirbyteCatalog; absent: every stream, full refresh
  std::optional<nlohmann::json> state;    // input state messages
  // The connector's declared hosts (metadata.yaml's allowedHosts.hosts, with ${config} placeholders);
  // when set, a request to any other host fails. nullopt: any host (a connector under development).
  std::optional<std::vector<std::string>> allowedHosts;
};

enum class RunStatus {
  Ok,
  Failed,  // a stream failed, the check failed, or the manifest/config/catalog was unusable
};

class SourceRunner {
 public:
  explicit SourceRunner(protocol::JsonLinesWriter& out) : out_(out) {}

  // SPEC from the manifest's spec section (no config needed); with no manifest at all, the
  // generic spec asking for an injected one (injected_manifest_spec.h).
  RunStatus spec(const SourceInput& input);
  // CONNECTION_STATUS: reads the first record of each CheckStream stream.
  RunStatus check(const SourceInput& input, std::stop_token stop = {});
  // CATALOG: every stream with its schema, sync modes and primary key.
  RunStatus discover(const SourceInput& input);
  // RECORD/STATE/LOG/TRACE for each configured stream; a failed stream does not stop the others
  // and makes the run Failed (after a final error trace listing the failed streams).
  RunStatus read(const SourceInput& input, std::stop_token stop = {}, const ReadOptions& options = {});

 private:
  protocol::JsonLinesWriter& out_;
};

}  // namespace manifold::engine
