// Subcommands whose implementation lands with a later part of the engine: they are listed
// in --help so the command surface is visible, and say plainly that this build lacks them.
#include "app/cli/cli_context.h"

#include <array>
#include <string>

namespace manifold::cli {

namespace {

struct PlannedCommand {
  const char* name;
  const char* description;
};

constexpr std::array kPlanned{
    PlannedCommand{"validate", "Check a manifest and print its diagnostics"},
    PlannedCommand{"render", "Evaluate one Jinja template against a JSON context"},
    PlannedCommand{"spec", "Print the connector's SPEC message"},
    PlannedCommand{"check", "Check the connection with a config (CONNECTION_STATUS)"},
    PlannedCommand{"discover", "Print the connector's CATALOG"},
    PlannedCommand{"read", "Read records as Airbyte protocol messages"},
    PlannedCommand{"contribute", "Open a pull request with a connector on GitHub"},
};

}  // namespace

void addPlannedCommands(CLI::App& app, CliContext& context) {
  for (const auto& planned : kPlanned) {
    const auto existing = app.get_subcommands(
        [&planned](const CLI::App* sub) { return sub->get_name() == planned.name; });
    if (!existing.empty()) continue;  // implemented already
    auto* sub = app.add_subcommand(planned.name, planned.description);
    sub->allow_extras();
    sub->callback([&context, name = std::string(planned.name)] {
      context.fail("'" + name + "' is not available in this build of manifold-cli yet", kExitUsage);
    });
  }
}

}  // namespace manifold::cli
