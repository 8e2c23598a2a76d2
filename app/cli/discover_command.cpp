// `manifold-cli discover`: Print the connector's CATALOG, as an Airbyte source image does.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"

#include <memory>

namespace manifold::cli {

void addDiscoverCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<SourceCommandOptions>();
  auto* sub = app.add_subcommand("discover", "Print the connector's CATALOG");
  addSourceOptions(sub, *options, SourceOptionSet::Config);
  sub->callback([&context, options] {
    auto input = loadSourceInput(context, *options);
    if (!input) return;
    runWithWriter(context, [&](protocol::JsonLinesWriter& writer) {
      engine::SourceRunner runner(writer);
      return runner.discover(*input);
    });
  });
}

}  // namespace manifold::cli
