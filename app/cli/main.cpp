// manifold-cli: the headless Manifold engine, an Airbyte source for any manifest.
#include "app/cli/cli_context.h"
#include "core/version.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace manifold::cli;
  CliContext context{std::cout, std::cerr};

  CLI::App app{"manifold-cli — run and check declarative (low-code) Airbyte connector manifests",
               "manifold-cli"};
  app.set_version_flag("--version", std::string(manifold::versionLine()));
  app.require_subcommand(0, 1);
  app.fallthrough(false);

  addDemoApiCommand(app, context);
  addRenderCommand(app, context);
  addValidateCommand(app, context);
  addSpecCommand(app, context);
  addCheckCommand(app, context);
  addDiscoverCommand(app, context);
  addReadCommand(app, context);
  addTestReadCommand(app, context);
  addContributeCommand(app, context);
  addPublishCommand(app, context);
  addImportOpenApiCommand(app, context);
  addCatalogCommand(app, context);
  addForkCommand(app, context);
  addUpstreamCommands(app, context);
  addPlannedCommands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError&) {
    // A word that is no subcommand: name it rather than CLI11's generic "not expected".
    const auto extras = app.remaining();
    const std::string first = extras.empty() ? std::string() : extras.front();
    if (!first.empty() && first.front() != '-') {
      std::cerr << "manifold-cli: unknown subcommand '" << first << "'\n";
    } else {
      std::cerr << "manifold-cli: unknown option '" << first << "'\n";
    }
    std::cerr << "Run 'manifold-cli --help' for the list of subcommands.\n";
    return kExitUsage;
  } catch (const CLI::ParseError& e) {
    std::cerr << "manifold-cli: " << e.what() << "\nRun 'manifold-cli --help' for usage.\n";
    return kExitUsage;
  }
  if (app.get_subcommands().empty()) {
    std::cerr << "manifold-cli: a subcommand is required\n"
              << "Run 'manifold-cli --help' for the list of subcommands.\n";
    return kExitUsage;
  }
  return context.exitCode;
}
