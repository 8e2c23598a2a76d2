// `manifold-cli test-read`: read one stream with the Connector Builder's limits and print the
// StreamRead as one JSON object.
#include "app/cli/cli_context.h"
#include "app/cli/source_command_options.h"
#include "core/builder/test_read.h"
#include "core/protocol/input_state.h"

#include <memory>
#include <ostream>

namespace manifold::cli {

namespace {

struct TestReadOptions {
  SourceCommandOptions source;
  std::string stream;
  builder::TestReadLimits limits;
};

}  // namespace

void addTestReadCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<TestReadOptions>();
  auto* sub = app.add_subcommand("test-read", "Read one stream with limits and print a StreamRead");
  sub->add_option("--manifest", options->source.manifestPath, "Manifest YAML file")->required();
  sub->add_option("--config", options->source.configPath, "Config JSON file")->required();
  sub->add_option("--stream", options->stream, "The stream to read")->required();
  sub->add_option("--state", options->source.statePath, "State JSON file (as for read)");
  sub->add_option("--record-limit", options->limits.records, "Stop after this many records")
      ->capture_default_str()->check(CLI::PositiveNumber);
  sub->add_option("--page-limit", options->limits.pagesPerSlice, "Pages read per slice at most")
      ->capture_default_str()->check(CLI::PositiveNumber);
  sub->add_option("--slice-limit", options->limits.slices, "Slices read at most")
      ->capture_default_str()->check(CLI::PositiveNumber);
  options->source.protocolOutput = false;
  sub->callback([&context, options] {
    auto input = loadSourceInput(context, options->source);
    if (!input) return;
    builder::TestReadRequest request;
    request.manifestYaml = std::move(input->manifestText);
    request.manifestDir = input->manifestDir;
    request.config = std::move(input->config);
    request.stream = options->stream;
    request.limits = options->limits;
    if (input->state) {
      auto state = protocol::parseInputState(*input->state);
      if (!state) {
        context.fail("state '" + options->source.statePath + "': " + state.error().message, kExitUsage);
        return;
      }
      if (const auto* blob = state->find(options->stream)) request.state = *blob;
    }
    const auto result = builder::runTestRead(request, {});
    context.out << result.streamRead.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    context.out.flush();
    if (result.error) context.fail(*result.error, kExitFailure);
  });
}

}  // namespace manifold::cli
