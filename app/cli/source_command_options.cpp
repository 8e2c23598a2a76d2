// Loading --manifest/--config/--catalog/--state for the Airbyte source commands.
#include "app/cli/source_command_options.h"

#include "core/engine/injected_manifest_spec.h"
#include "core/manifest/connector_metadata.h"
#include "core/protocol/airbyte_messages.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace manifold::cli {
namespace {

// The per-connector image (packaging/airbyte/Dockerfile) bakes a connector folder in here.
constexpr const char* kBakedConnectorDir = "/airbyte/integration_code/connector";

// A source input that cannot be used: the message on stderr for a person, and as an error TRACE
// on stdout for the platform, which shows only protocol messages to its user.
void failInput(CliContext& context, const SourceCommandOptions& options, const std::string& message) {
  context.fail(message, kExitUsage);
  if (!options.protocolOutput) return;
  protocol::ErrorTrace trace;
  trace.message = message;
  trace.failureType = protocol::FailureType::ConfigError;
  context.out << protocol::errorTraceMessage(trace, protocol::nowMillis()).dump() << '\n';
  context.out.flush();
}

std::optional<std::string> readFile(CliContext& context, const SourceCommandOptions& options, const std::string& path,
                                    const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    failInput(context, options, "cannot read " + what + " '" + path + "'");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<nlohmann::json> readJson(CliContext& context, const SourceCommandOptions& options, const std::string& path,
                                       const std::string& what) {
  auto text = readFile(context, options, path, what);
  if (!text) return std::nullopt;
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded()) {
    failInput(context, options, what + " '" + path + "' is not valid JSON");
    return std::nullopt;
  }
  return json;
}

// A connector folder's metadata.yaml may declare the hosts the connector contacts; the engine
// then refuses any other (docs/security.md).
bool loadAllowedHosts(CliContext& context, const SourceCommandOptions& options, engine::SourceInput& input) {
  const auto metadataPath = input.manifestDir / "metadata.yaml";
  std::error_code error;
  if (options.allowAnyHost || !std::filesystem::is_regular_file(metadataPath, error)) return true;
  auto text = readFile(context, options, metadataPath.string(), "metadata");
  if (!text) return false;
  auto declared = manifest::allowedHostsFromMetadata(*text);
  if (!declared.error.empty()) {
    failInput(context, options, metadataPath.string() + ": " + declared.error + " (or pass --allow-any-host)");
    return false;
  }
  input.allowedHosts = std::move(declared.hosts);
  return true;
}

// Loads `path` as the manifest, with the allowedHosts of the metadata.yaml beside it.
bool loadManifestFile(CliContext& context, const SourceCommandOptions& options, const std::filesystem::path& path,
                      engine::SourceInput& input) {
  auto text = readFile(context, options, path.string(), "manifest");
  if (!text) return false;
  input.manifestText = std::move(*text);
  input.manifestDir = std::filesystem::absolute(path).parent_path();
  return loadAllowedHosts(context, options, input);
}

}  // namespace

std::filesystem::path bakedConnectorDir() {
  const char* overridden = std::getenv("MANIFOLD_CONNECTOR_DIR");
  return overridden != nullptr && *overridden != '\0' ? std::filesystem::path(overridden)
                                                       : std::filesystem::path(kBakedConnectorDir);
}

void addSourceOptions(CLI::App* sub, SourceCommandOptions& options, SourceOptionSet set) {
  sub->add_option("--manifest", options.manifestPath,
                  "Manifest YAML file (default: the config key __injected_declarative_manifest, else " +
                      (bakedConnectorDir() / "manifest.yaml").string() + ")");
  if (set == SourceOptionSet::Spec) {
    options.specOnly = true;
    sub->add_option("--config", options.configPath, "Config JSON file (only to carry an injected manifest)");
    return;
  }
  sub->add_option("--config", options.configPath, "Config JSON file")->required();
  sub->add_flag("--allow-any-host", options.allowAnyHost,
                "Contact hosts that metadata.yaml's allowedHosts does not declare (while developing)");
  if (set == SourceOptionSet::Read) {
    sub->add_option("--catalog", options.catalogPath,
                    "ConfiguredAirbyteCatalog JSON file (default: every stream in full refresh)");
    sub->add_option("--state", options.statePath, "State JSON file");
    sub->add_option("--request-timeout", options.requestTimeoutSeconds,
                    "Seconds one HTTP request may take, connecting included (default 300)")
        ->check(CLI::PositiveNumber);
  }
}

std::optional<engine::SourceInput> loadSourceInput(CliContext& context, const SourceCommandOptions& options) {
  engine::SourceInput input;
  if (!options.manifestPath.empty() && !loadManifestFile(context, options, options.manifestPath, input)) {
    return std::nullopt;
  }
  if (!options.configPath.empty()) {
    auto config = readJson(context, options, options.configPath, "config");
    if (!config) return std::nullopt;
    if (!config->is_object()) {
      failInput(context, options, "config '" + options.configPath + "' must hold a JSON object");
      return std::nullopt;
    }
    input.config = std::move(*config);
  }
  if (!options.catalogPath.empty()) {
    auto catalog = readJson(context, options, options.catalogPath, "catalog");
    if (!catalog) return std::nullopt;
    input.catalog = std::move(*catalog);
  }
  if (!options.statePath.empty()) {
    auto state = readJson(context, options, options.statePath, "state");
    if (!state) return std::nullopt;
    input.state = std::move(*state);
  }
  if (input.manifestText.empty() && !input.config.contains(engine::kInjectedManifestKey)) {
    // Neither names a manifest: the per-connector image's baked-in connector runs.
    const auto baked = bakedConnectorDir() / "manifest.yaml";
    std::error_code error;
    if (std::filesystem::is_regular_file(baked, error)) {
      if (!loadManifestFile(context, options, baked, input)) return std::nullopt;
    } else if (!options.specOnly) {
      failInput(context, options, "no manifest: pass --manifest PATH, a config with __injected_declarative_manifest, or bake "
                         "a connector into " + bakedConnectorDir().string());
      return std::nullopt;
    }
  }
  return input;
}

engine::ReadOptions readOptionsFor(const SourceCommandOptions& options) {
  engine::ReadOptions read;
  if (options.requestTimeoutSeconds > 0) {
    const auto timeout = std::chrono::milliseconds(static_cast<long long>(options.requestTimeoutSeconds * 1000));
    read.http.totalTimeout = timeout;
    read.http.connectTimeout = std::min(read.http.connectTimeout, timeout);
  }
  return read;
}

void runWithWriter(CliContext& context,
                   const std::function<engine::RunStatus(protocol::JsonLinesWriter& writer)>& run) {
  engine::RunStatus status;
  if (&context.out == &std::cout) {
    std::cout.flush();
    protocol::JsonLinesWriter writer(1);
    status = run(writer);
  } else {
    protocol::JsonLinesWriter writer(context.out);
    status = run(writer);
  }
  context.exitCode = status == engine::RunStatus::Ok ? kExitOk : kExitFailure;
}

}  // namespace manifold::cli
