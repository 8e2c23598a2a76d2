// The options the Airbyte source commands share (--manifest, --config, --catalog, --state) and
// how they become an engine::SourceInput.
#pragma once

#include "app/cli/cli_context.h"
#include "core/engine/source_runner.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace manifold::cli {

struct SourceCommandOptions {
  std::string manifestPath;
  std::string configPath;
  std::string catalogPath;
  std::string statePath;
  // Skip the host check of metadata.yaml's allowedHosts (a connector under development).
  bool allowAnyHost = false;
  // read: the longest one HTTP request may take, in seconds (0: the client's default, 300 s).
  double requestTimeoutSeconds = 0;
  // spec runs without any manifest too: the generic image answers with the injected-manifest spec.
  bool specOnly = false;
  // stdout carries Airbyte protocol messages, so unusable inputs are also reported as an error
  // TRACE there (not for test-read, whose stdout is one StreamRead object).
  bool protocolOutput = true;
};

// Where the per-connector image keeps its connector folder (manifest.yaml, metadata.yaml,
// schemas): /airbyte/integration_code/connector, or $MANIFOLD_CONNECTOR_DIR when set. Its
// manifest runs when neither --manifest nor the config's __injected_declarative_manifest names one.
std::filesystem::path bakedConnectorDir();

enum class SourceOptionSet { Spec, Config, Read };

// Adds the options of `set` to `sub`, stored in `options`.
void addSourceOptions(CLI::App* sub, SourceCommandOptions& options, SourceOptionSet set);

// Reads the files; on a missing or malformed file reports it through `context` (usage error,
// also as an error TRACE on the context's output when options.protocolOutput) and returns nullopt.
std::optional<engine::SourceInput> loadSourceInput(CliContext& context, const SourceCommandOptions& options);

// Runs `run` with a protocol writer on the context's output (stdout's descriptor when the
// context prints to std::cout, so records skip iostream) and sets the exit code from its status.
// The read options the command line asks for (the request timeout).
engine::ReadOptions readOptionsFor(const SourceCommandOptions& options);

void runWithWriter(CliContext& context,
                   const std::function<engine::RunStatus(protocol::JsonLinesWriter& writer)>& run);

}  // namespace manifold::cli
