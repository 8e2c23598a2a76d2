// `manifold-cli read`: Read records as Airbyte protocol messages, as an Airbyte source image does.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"

#include <memory>

namespace manifold::cli {

void addReadCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<SourceCommandOptions>();
  auto* sub = app.add_subcommand("read", "Read records as Airbyte protocol messages");
  addSourceOptions(sub, *options, SourceOptionSet::Read);
  sub->callback([&context, options] {
    auto input = loadSourceInput(context, *options);
    if (!input) return;
    runWithWriter(context, [&](protocol::JsonLinesWriter& writer) {
      engine::SourceRunner runner(writer);
      return runner.read(*input, {}, readOptionsFor(*options));
    });
  });
}

}  // namespace manifold::cli
