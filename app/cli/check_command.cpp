// `manifold-cli check`: Check the connection with a config (CONNECTION_STATUS), as an Airbyte source image does.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"

#include <memory>

namespace manifold::cli {

void addCheckCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<SourceCommandOptions>();
  auto* sub = app.add_subcommand("check", "Check the connection with a config (CONNECTION_STATUS)");
  addSourceOptions(sub, *options, SourceOptionSet::Config);
  sub->callback([&context, options] {
    auto input = loadSourceInput(context, *options);
    if (!input) return;
    runWithWriter(context, [&](protocol::JsonLinesWriter& writer) {
      engine::SourceRunner runner(writer);
      return runner.check(*input);
    });
  });
}

}  // namespace manifold::cli
