// The options the Airbyte source commands share (--manifest, --config, --catalog, --state) and
// how they become an engine::SourceInput.
#pragma once

#include "app/cli/cli_context.h"
#include "core/engine/source_runner.h"

#include <CLI/CLI.hpp>

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
};

enum class SourceOptionSet { Spec, Config, Read };

// Adds the options of `set` to `sub`, stored in `options`.
void addSourceOptions(CLI::App* sub, SourceCommandOptions& options, SourceOptionSet set);

// Reads the files; on a missing or malformed file reports it through `context` (usage error)
// and returns nullopt.
std::optional<engine::SourceInput> loadSourceInput(CliContext& context, const SourceCommandOptions& options);

// Runs `run` with a protocol writer on the context's output (stdout's descriptor when the
// context prints to std::cout, so records skip iostream) and sets the exit code from its status.
// The read options the command line asks for (the request timeout).
engine::ReadOptions readOptionsFor(const SourceCommandOptions& options);

void runWithWriter(CliContext& context,
                   const std::function<engine::RunStatus(protocol::JsonLinesWriter& writer)>& run);

}  // namespace manifold::cli
