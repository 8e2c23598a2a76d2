// What every manifold-cli subcommand shares: where to print and the exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace manifold::cli {

// Exit codes of manifold-cli, the same for every subcommand.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,  // the command ran and found errors (validation errors, a failed stream)
  kExitUsage = 2,    // bad arguments, unreadable input files
};

struct CliContext {
  std::ostream& out;
  std::ostream& err;
  int exitCode = kExitOk;

  // Prints "manifold-cli: <message>" on stderr and sets the exit code.
  void fail(const std::string& message, int code = kExitFailure);
};

// One function per subcommand file (app/cli/<name>_command.cpp) adds it to the app.
void addDemoApiCommand(CLI::App& app, CliContext& context);
void addSpecCommand(CLI::App& app, CliContext& context);
void addCheckCommand(CLI::App& app, CliContext& context);
void addDiscoverCommand(CLI::App& app, CliContext& context);
void addReadCommand(CLI::App& app, CliContext& context);
void addTestReadCommand(CLI::App& app, CliContext& context);
void addRenderCommand(CLI::App& app, CliContext& context);
void addValidateCommand(CLI::App& app, CliContext& context);
void addContributeCommand(CLI::App& app, CliContext& context);
void addPublishCommand(CLI::App& app, CliContext& context);
void addImportOpenApiCommand(CLI::App& app, CliContext& context);
void addCatalogCommand(CLI::App& app, CliContext& context);
void addForkCommand(CLI::App& app, CliContext& context);
void addUpstreamCommands(CLI::App& app, CliContext& context);  // diff-upstream, update-upstream
void addPlannedCommands(CLI::App& app, CliContext& context);

}  // namespace manifold::cli
