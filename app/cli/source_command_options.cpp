// Loading --manifest/--config/--catalog/--state for the Airbyte source commands.
#include "app/cli/source_command_options.h"

#include "core/manifest/connector_metadata.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace manifold::cli {
namespace {

std::optional<std::string> readFile(CliContext& context, const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    context.fail("cannot read " + what + " '" + path + "'", kExitUsage);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<nlohmann::json> readJson(CliContext& context, const std::string& path, const std::string& what) {
  auto text = readFile(context, path, what);
  if (!text) return std::nullopt;
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded()) {
    context.fail(what + " '" + path + "' is not valid JSON", kExitUsage);
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
  auto text = readFile(context, metadataPath.string(), "metadata");
  if (!text) return false;
  auto declared = manifest::allowedHostsFromMetadata(*text);
  if (!declared.error.empty()) {
    context.fail(metadataPath.string() + ": " + declared.error + " (or pass --allow-any-host)", kExitUsage);
    return false;
  }
  input.allowedHosts = std::move(declared.hosts);
  return true;
}

}  // namespace

void addSourceOptions(CLI::App* sub, SourceCommandOptions& options, SourceOptionSet set) {
  sub->add_option("--manifest", options.manifestPath,
                  "Manifest YAML file (default: the config key __injected_declarative_manifest)");
  if (set == SourceOptionSet::Spec) {
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
  if (!options.manifestPath.empty()) {
    auto text = readFile(context, options.manifestPath, "manifest");
    if (!text) return std::nullopt;
    input.manifestText = std::move(*text);
    input.manifestDir = std::filesystem::absolute(options.manifestPath).parent_path();
    if (!loadAllowedHosts(context, options, input)) return std::nullopt;
  }
  if (!options.configPath.empty()) {
    auto config = readJson(context, options.configPath, "config");
    if (!config) return std::nullopt;
    if (!config->is_object()) {
      context.fail("config '" + options.configPath + "' must hold a JSON object", kExitUsage);
      return std::nullopt;
    }
    input.config = std::move(*config);
  }
  if (!options.catalogPath.empty()) {
    auto catalog = readJson(context, options.catalogPath, "catalog");
    if (!catalog) return std::nullopt;
    input.catalog = std::move(*catalog);
  }
  if (!options.statePath.empty()) {
    auto state = readJson(context, options.statePath, "state");
    if (!state) return std::nullopt;
    input.state = std::move(*state);
  }
  if (input.manifestText.empty() && !input.config.contains("__injected_declarative_manifest")) {
    context.fail("no manifest: pass --manifest PATH or a config with __injected_declarative_manifest", kExitUsage);
    return std::nullopt;
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
