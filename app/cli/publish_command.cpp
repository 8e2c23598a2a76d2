// manifold-cli publish: puts a connector folder's manifest in an Airbyte workspace as a
// declarative source definition (updating the one it was published as), optionally with a
// source and a sync that it can follow to the end.
#include "app/cli/cli_context.h"
#include "core/airbyte/publish_flow.h"
#include "core/config/testing_values.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace manifold::cli {

namespace {

struct PublishArguments {
  std::string connectorDir;
  std::string workspaceId;
  std::string apiUrl = airbyte::kDefaultApiUrl;
  std::string name;
  bool publishAnew = false;
  bool createSource = false;
  std::string sourceName;
  std::string configPath;
  std::string syncConnectionId;
  bool wait = false;
  std::string basicUser;
  double pollSeconds = 5.0;
  double waitMinutes = 120.0;
  double timeoutSeconds = 60.0;
};

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string jobLine(const airbyte::Job& job) {
  std::string line = "job " + std::to_string(job.jobId) + " " + job.status;
  if (job.rowsSynced) line += " records=" + std::to_string(*job.rowsSynced);
  if (job.bytesSynced) line += " bytes=" + std::to_string(*job.bytesSynced);
  return line;
}

}  // namespace

void addPublishCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<PublishArguments>();
  auto* sub = app.add_subcommand("publish", "Publish a connector to an Airbyte workspace (declarative source definition)");
  sub->add_option("--connector", args->connectorDir, "Connector folder (manifest.yaml, metadata.yaml, .manifold/)")->required();
  sub->add_option("--workspace", args->workspaceId, "Airbyte workspace id")->required();
  sub->add_option("--api-url", args->apiUrl, "Airbyte API base URL (Cloud: https://api.airbyte.com/v1)")->capture_default_str();
  sub->add_option("--name", args->name, "Definition name (default: the recorded one, else metadata.yaml's data.name)");
  sub->add_flag("--new", args->publishAnew, "Create a new definition even if the folder records one (after it was deleted in Airbyte)");
  sub->add_flag("--create-source", args->createSource, "Also create a source from the definition with the testing values");
  sub->add_option("--source-name", args->sourceName, "Name of the created source (default: the definition's name)");
  sub->add_option("--config", args->configPath,
                  "JSON config for --create-source, over .manifold/testing_values.json (holds the secrets; never stored)");
  auto* sync = sub->add_option("--sync", args->syncConnectionId, "Start a sync of this connection after publishing");
  sub->add_flag("--wait", args->wait, "Follow the sync to its end and print its final status")->needs(sync);
  sub->add_option("--basic-user", args->basicUser, "Basic auth user (password from AIRBYTE_PASSWORD) instead of an application");
  sub->add_option("--poll-interval", args->pollSeconds, "Seconds between job polls with --wait")->capture_default_str();
  sub->add_option("--wait-timeout", args->waitMinutes, "Minutes to follow a sync before giving up")->capture_default_str();
  sub->add_option("--timeout", args->timeoutSeconds, "Seconds to wait for each API answer")->capture_default_str();
  sub->footer(
      "Credentials: AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (an application from Airbyte's Settings > Applications),\n"
      "or --basic-user with AIRBYTE_PASSWORD. Prints the definition id, then 'source ID' and 'job ID STATUS' lines.");
  sub->callback([args, &context] {
    airbyte::AirbyteClientOptions options;
    options.apiUrl = args->apiUrl;
    options.userAgent = "Manifold-CLI";
    options.timeout = std::chrono::milliseconds(static_cast<long long>(args->timeoutSeconds * 1000));
    if (!args->basicUser.empty()) {
      options.credentials.basicUser = args->basicUser;
      options.credentials.basicPassword = environment("AIRBYTE_PASSWORD");
      if (options.credentials.basicPassword.empty()) {
        context.fail("AIRBYTE_PASSWORD is not set; export the password of " + args->basicUser, kExitUsage);
        return;
      }
    } else {
      options.credentials.clientId = environment("AIRBYTE_CLIENT_ID");
      options.credentials.clientSecret = environment("AIRBYTE_CLIENT_SECRET");
      if (options.credentials.clientId.empty() || options.credentials.clientSecret.empty()) {
        context.fail("AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET must be set (an application from Airbyte's "
                     "Settings > Applications), or use --basic-user with AIRBYTE_PASSWORD",
                     kExitUsage);
        return;
      }
    }

    airbyte::PublishRequest request;
    request.connectorDir = args->connectorDir;
    request.workspaceId = args->workspaceId;
    request.name = args->name;
    request.publishAnew = args->publishAnew;
    request.createSource = args->createSource;
    request.sourceName = args->sourceName;
    request.syncConnectionId = args->syncConnectionId;
    request.waitForSync = args->wait;
    request.jobWait.interval = std::chrono::milliseconds(static_cast<long long>(args->pollSeconds * 1000));
    request.jobWait.timeout = std::chrono::milliseconds(static_cast<long long>(args->waitMinutes * 60'000));
    if (args->createSource) {
      auto values = config::loadTestingValues(args->connectorDir);
      if (!values.error.empty()) {
        context.fail(values.error, kExitUsage);
        return;
      }
      request.sourceConfiguration = values.values;
      if (!args->configPath.empty()) {
        std::ifstream file(args->configPath, std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        const auto config = nlohmann::json::parse(text.str(), nullptr, false);
        if (!file || !config.is_object()) {
          context.fail("cannot read --config '" + args->configPath + "': not a JSON object", kExitUsage);
          return;
        }
        request.sourceConfiguration.merge_patch(config);
      }
    }

    airbyte::AirbyteClient client(options);
    airbyte::PublishFlow flow(client);
    const auto outcome = flow.run(request, [&context](const airbyte::PublishProgress& progress) {
      if (progress.state == airbyte::PublishProgress::State::Started && progress.step != airbyte::PublishStep::Job) return;
      context.err << "[" << airbyte::publishStepName(progress.step) << "] " << progress.message << '\n';
    });
    if (const auto* failure = std::get_if<airbyte::PublishFailure>(&outcome)) {
      // What exists already is printed on stdout as on success, so a script can clean up or go on.
      if (!failure->artifacts.definitionId.empty()) context.out << failure->artifacts.definitionId << '\n';
      if (failure->artifacts.sourceCreated) context.out << "source " << failure->artifacts.sourceId << '\n';
      if (failure->artifacts.job) context.out << jobLine(*failure->artifacts.job) << '\n';
      std::string message = failure->describe();
      if (failure->canPublishAnew) message += " (run again with --new)";
      context.fail(message);
      return;
    }
    const auto& result = std::get<airbyte::PublishResult>(outcome);
    context.out << result.artifacts.definitionId << '\n';
    if (result.artifacts.sourceCreated) context.out << "source " << result.artifacts.sourceId << '\n';
    if (result.artifacts.job) context.out << jobLine(*result.artifacts.job) << '\n';
    if (!result.jobUrl.empty()) context.err << "Job history: " << result.jobUrl << '\n';
  });
}

}  // namespace manifold::cli
