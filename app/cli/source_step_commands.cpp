// `manifold-cli spec|check|discover`: one step of an Airbyte source image each.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"

#include <functional>
#include <memory>

namespace manifold::cli {

namespace {

using RunnerStep = std::function<engine::RunStatus(engine::SourceRunner&, const engine::SourceInput&)>;

// Adds a subcommand that reads its input files and runs `step` with a protocol writer.
void addSourceStepCommand(CLI::App& app, CliContext& context, const char* name, const char* description,
                          SourceOptionSet set, RunnerStep step) {
  auto options = std::make_shared<SourceCommandOptions>();
  auto* sub = app.add_subcommand(name, description);
  addSourceOptions(sub, *options, set);
  sub->callback([&context, options, step = std::move(step)] {
    auto input = loadSourceInput(context, *options);
    if (!input) return;
    runWithWriter(context, [&](protocol::JsonLinesWriter& writer) {
      engine::SourceRunner runner(writer);
      return step(runner, *input);
    });
  });
}

}  // namespace

void addSpecCommand(CLI::App& app, CliContext& context) {
  addSourceStepCommand(app, context, "spec", "Print the connector's SPEC message", SourceOptionSet::Spec,
                       [](engine::SourceRunner& r, const engine::SourceInput& in) { return r.spec(in); });
}

void addCheckCommand(CLI::App& app, CliContext& context) {
  // A FAILED connection status is check's answer, not a failure of the process: the platform
  // reads the status (and the reference CDK exits 0 with it); a non-zero exit means the check
  // itself could not run.
  addSourceStepCommand(app, context, "check", "Check the connection with a config (CONNECTION_STATUS)",
                       SourceOptionSet::Config, [](engine::SourceRunner& r, const engine::SourceInput& in) {
                         r.check(in);
                         return engine::RunStatus::Ok;
                       });
}

void addDiscoverCommand(CLI::App& app, CliContext& context) {
  addSourceStepCommand(app, context, "discover", "Print the connector's CATALOG", SourceOptionSet::Config,
                       [](engine::SourceRunner& r, const engine::SourceInput& in) { return r.discover(in); });
}

}  // namespace manifold::cli
