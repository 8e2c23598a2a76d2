// `manifold-cli spec`: Print the connector's SPEC message, as an Airbyte source image does.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"

#include <memory>

namespace manifold::cli {

void addSpecCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<SourceCommandOptions>();
  auto* sub = app.add_subcommand("spec", "Print the connector's SPEC message");
  addSourceOptions(sub, *options, SourceOptionSet::Spec);
  sub->callback([&context, options] {
    auto input = loadSourceInput(context, *options);
    if (!input) return;
    runWithWriter(context, [&](protocol::JsonLinesWriter& writer) {
      engine::SourceRunner runner(writer);
      return runner.spec(*input);
    });
  });
}

}  // namespace manifold::cli
