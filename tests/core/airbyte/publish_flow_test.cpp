// PublishFlow against a fake Airbyte: create, update, no duplicates, pre-checks, source, sync and job, and no secret left behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/airbyte/publish_flow.h"
#include "tests/core/airbyte/fake_airbyte.h"
#include "tests/core/github/connector_folder.h"

namespace manifold::airbyte {
namespace {

using nlohmann::json;
using testing::ConnectorFolder;
using testing::FakeAirbyte;

constexpr const char* kApiKey = "sk_live_VERYSECRET42";

AirbyteClientOptions optionsFor(const FakeAirbyte& fake) {
  AirbyteClientOptions options;
  options.apiUrl = fake.baseUrl();
  options.credentials.clientId = FakeAirbyte::kClientId;
  options.credentials.clientSecret = FakeAirbyte::kClientSecret;
  options.timeout = std::chrono::milliseconds(5000);
  options.sleep = [](std::chrono::milliseconds, std::stop_token) {};
  return options;
}

// A folder whose streams all passed a test read after manifest.yaml was written, and whose
// testing values hold no secret (secrets live in the keychain).
void freshTestRead(const ConnectorFolder& folder) {
  folder.write(".manifold/testing_values.json", R"({"region": "eu"})");
  folder.write(".manifold/last_test_read.json",
               R"({"finishedAt": "2099-01-01T00:00:00Z", "streams": [{"name": "users", "records": 12, "passed": true}, {"name": "orders", "records": 3, "passed": true}]})");
}

PublishRequest requestFor(const ConnectorFolder& folder) {
  PublishRequest request;
  request.connectorDir = folder.dir();
  request.workspaceId = FakeAirbyte::kWorkspace;
  request.jobWait.interval = std::chrono::milliseconds(0);
  request.jobWait.sleep = [](std::chrono::milliseconds, std::stop_token) {};
  return request;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under the folder, concatenated, to look for secrets.
std::string everyFile(const std::filesystem::path& dir) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) all += readFile(entry.path()) + "\n";
  }
  return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const PublishResult& ok(const std::variant<PublishResult, PublishFailure>& outcome) {
  if (const auto* failure = std::get_if<PublishFailure>(&outcome)) ADD_FAILURE() << failure->describe();
  return std::get<PublishResult>(outcome);
}

TEST(PublishFlow, CreatesTheDefinitionAndRemembersItInTheFolder) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  std::vector<std::string> steps;
  const auto outcome = PublishFlow(client).run(requestFor(folder), [&steps](const PublishProgress& p) {
    if (p.state == PublishProgress::State::Done) steps.emplace_back(publishStepName(p.step));
  });
  ASSERT_TRUE(std::holds_alternative<PublishResult>(outcome)) << std::get<PublishFailure>(outcome).describe();
  const auto& result = std::get<PublishResult>(outcome);
  EXPECT_TRUE(result.artifacts.definitionCreated);
  EXPECT_EQ(result.artifacts.version, 1);
  EXPECT_EQ(result.artifacts.definitionName, "example");
  EXPECT_TRUE(result.warnings.empty()) << result.warnings.front();
  EXPECT_EQ(steps, (std::vector<std::string>{"check", "definition", "connections"}));
  ASSERT_EQ(fake.definitions.size(), 1u);
  const auto& stored = fake.definitions.begin()->second;
  EXPECT_EQ(stored.id, result.artifacts.definitionId);
  EXPECT_EQ(stored.manifest["version"], "6.7.0");
  // The manifest as written: refs stay for Airbyte's engine to resolve.
  EXPECT_EQ(stored.manifest["streams"][0]["retriever"]["requester"]["$ref"], "#/definitions/requester");

  const json record = json::parse(readFile(folder.dir() / ".manifold/airbyte_publication.json"));
  ASSERT_EQ(record["publications"].size(), 1u);
  const json& p = record["publications"][0];
  EXPECT_EQ(p["apiUrl"], fake.baseUrl());
  EXPECT_EQ(p["workspaceId"], FakeAirbyte::kWorkspace);
  EXPECT_EQ(p["definitionId"], result.artifacts.definitionId);
  EXPECT_EQ(p["name"], "example");
  EXPECT_EQ(p["version"], 1);
  EXPECT_EQ(p["publishedAt"].get<std::string>().size(), 20u);
}

TEST(PublishFlow, PublishingAgainUpdatesTheSameDefinitionWithTheNextVersion) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  folder.write("manifest.yaml", std::string(testing::kTestManifest) + "# edited\n");
  freshTestRead(folder);
  fake.clearRequests();
  const auto second = ok(PublishFlow(client).run(requestFor(folder)));
  EXPECT_TRUE(second.artifacts.definitionUpdated);
  EXPECT_FALSE(second.artifacts.definitionCreated);
  EXPECT_EQ(second.artifacts.definitionId, first.artifacts.definitionId);
  EXPECT_EQ(second.artifacts.previousVersion, 1);
  EXPECT_EQ(second.artifacts.version, 2);
  EXPECT_EQ(fake.definitionsNamed("example"), 1u);
  for (const auto& call : fake.calls()) EXPECT_FALSE(contains(call, "POST /workspaces")) << call;
  const json record = json::parse(readFile(folder.dir() / ".manifold/airbyte_publication.json"));
  EXPECT_EQ(record["publications"][0]["version"], 2);
  EXPECT_EQ(record["publications"].size(), 1u);
  const auto third = ok(PublishFlow(client).run(requestFor(folder)));
  EXPECT_EQ(third.artifacts.version, 3);
}

TEST(PublishFlow, RefusesToCreateADuplicateOfADefinitionItDidNotPublish) {
  FakeAirbyte fake;
  fake.definitions["def-other"] = {"def-other", FakeAirbyte::kWorkspace, "example", 4, json{{"version", "6.0.0"}}};
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::Conflict);
  EXPECT_TRUE(contains(failure.describe(), "already has a declarative source definition named 'example' (id def-other"))
      << failure.describe();
  EXPECT_TRUE(contains(failure.describe(), "nothing was created or changed on Airbyte"));
  EXPECT_EQ(fake.definitionsNamed("example"), 1u);

  auto request = requestFor(folder);
  request.name = "example-2";
  const auto renamed = ok(PublishFlow(client).run(request));
  EXPECT_EQ(renamed.artifacts.definitionName, "example-2");
}

TEST(PublishFlow, ARecordedDefinitionDeletedInAirbyteOffersToPublishAnew) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  fake.definitions.clear();  // deleted in Airbyte's web app
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::NotFound);
  EXPECT_TRUE(failure.canPublishAnew);
  EXPECT_TRUE(contains(failure.error.message, first.artifacts.definitionId)) << failure.error.message;
  EXPECT_TRUE(contains(failure.error.message, "publish anew")) << failure.error.message;

  auto request = requestFor(folder);
  request.publishAnew = true;
  const auto anew = ok(PublishFlow(client).run(request));
  EXPECT_TRUE(anew.artifacts.definitionCreated);
  EXPECT_NE(anew.artifacts.definitionId, first.artifacts.definitionId);
  const json record = json::parse(readFile(folder.dir() / ".manifold/airbyte_publication.json"));
  ASSERT_EQ(record["publications"].size(), 1u);
  EXPECT_EQ(record["publications"][0]["definitionId"], anew.artifacts.definitionId);
}

TEST(PublishFlow, An404OnTheUpdateItselfAlsoOffersToPublishAnew) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  ok(PublishFlow(client).run(requestFor(folder)));
  fake.overrides.push_back({"PUT", "/workspaces/", 404, json{{"title", "resource-not-found"}, {"detail", "gone"}}});
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  EXPECT_TRUE(std::get<PublishFailure>(outcome).canPublishAnew);
  EXPECT_EQ(std::get<PublishFailure>(outcome).error.kind, AirbyteErrorKind::NotFound);
}

TEST(PublishFlow, RefusesCustomComponentsBeforeAnyCall) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  std::string manifest = testing::kTestManifest;
  const std::string from = "      record_selector:\n        type: RecordSelector\n        extractor:\n          type: DpathExtractor\n          field_path: []\n";
  const auto at = manifest.find(from);
  ASSERT_NE(at, std::string::npos);
  manifest.replace(at, from.size(),
                   "      record_selector:\n        type: RecordSelector\n        extractor:\n          type: CustomRecordExtractor\n"
                   "          class_name: source_example.components.MyExtractor\n");
  folder.write("manifest.yaml", manifest);
  AirbyteClient client(optionsFor(fake));
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::Refused);
  EXPECT_TRUE(contains(failure.error.message, "source_example.components.MyExtractor at manifest.yaml:")) << failure.error.message;
  EXPECT_TRUE(fake.requests().empty());
}

TEST(PublishFlow, RefusesAManifestThatDoesNotValidate) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  std::string manifest = testing::kTestManifest;
  manifest.replace(manifest.find("type: DpathExtractor"), 20, "type: DpathExtracter");
  folder.write("manifest.yaml", manifest);
  AirbyteClient client(optionsFor(fake));
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::Refused);
  EXPECT_TRUE(contains(failure.error.message, "validation error")) << failure.error.message;
  EXPECT_TRUE(contains(failure.error.message, "DpathExtracter")) << failure.error.message;
  EXPECT_TRUE(fake.requests().empty());
}

TEST(PublishFlow, WarnsAboutStreamsWithoutAPassingTestReadSinceTheLastChange) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;  // its test read finished in November, before manifest.yaml was written
  folder.write(".manifold/testing_values.json", R"({"region": "eu"})");
  AirbyteClient client(optionsFor(fake));
  const auto stale = ok(PublishFlow(client).run(requestFor(folder)));
  ASSERT_EQ(stale.warnings.size(), 2u);
  EXPECT_EQ(stale.warnings[0], "stream 'users' has not been test-read since manifest.yaml last changed");

  folder.write(".manifold/last_test_read.json",
               R"({"finishedAt": "2099-01-01T00:00:00Z", "streams": [{"name": "users", "records": 0, "passed": false}]})");
  const auto partial = ok(PublishFlow(client).run(requestFor(folder)));
  EXPECT_EQ(partial.warnings, (std::vector<std::string>{"the last test read of stream 'users' failed",
                                                        "stream 'orders' has no test read recorded"}));
  EXPECT_EQ(partial.artifacts.version, 2);  // warnings never stop a publish
}

TEST(PublishFlow, AManifestVersionNewerThanThePlatformIsReportedAsSuch) {
  FakeAirbyte fake;
  fake.maxManifestVersion = "6.5.0";
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto outcome = PublishFlow(client).run(requestFor(folder));
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::UnsupportedVersion);
  EXPECT_TRUE(contains(failure.describe(), "Manifest version 6.7.0 is not supported")) << failure.describe();
  EXPECT_FALSE(std::filesystem::exists(folder.dir() / ".manifold/airbyte_publication.json"));
}

TEST(PublishFlow, CreatesASourceFromTheTestingValuesAndKeepsItsSecretOutOfEveryFile) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  auto request = requestFor(folder);
  request.createSource = true;
  request.sourceConfiguration = json{{"api_key", kApiKey}, {"region", "eu"}};
  const auto result = ok(PublishFlow(client).run(request));
  EXPECT_TRUE(result.artifacts.sourceCreated);
  ASSERT_EQ(fake.sources.size(), 1u);
  EXPECT_EQ(fake.sources[0].configuration["api_key"], kApiKey);  // sent to Airbyte, and only there
  EXPECT_EQ(fake.sources[0].definitionId, result.artifacts.definitionId);
  EXPECT_EQ(fake.sources[0].name, "example");
  const std::string files = everyFile(folder.dir());
  EXPECT_FALSE(contains(files, kApiKey));
  EXPECT_FALSE(contains(files, FakeAirbyte::kClientSecret));
  for (const auto& token : fake.issuedTokens()) EXPECT_FALSE(contains(files, token));
  EXPECT_TRUE(contains(files, result.artifacts.sourceId));  // the record names the source
}

TEST(PublishFlow, RefusesASourceWhoseTestingValuesLackARequiredSecretBeforeCreatingAnything) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  auto request = requestFor(folder);
  request.createSource = true;
  request.sourceConfiguration = json{{"region", "eu"}};
  const auto outcome = PublishFlow(client).run(request);
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  EXPECT_TRUE(contains(std::get<PublishFailure>(outcome).describe(), "api_key")) << std::get<PublishFailure>(outcome).describe();
  EXPECT_TRUE(fake.definitions.empty());
}

TEST(PublishFlow, ASourceRejectedByAirbyteSaysTheDefinitionExistsAndMasksTheSecret) {
  FakeAirbyte fake;
  fake.overrides.push_back({"POST", "/sources", 422,
                            json{{"title", "unprocessable-entity"},
                                 {"detail", std::string("api_key '") + kApiKey + "' does not match ^pk_"}}});
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  auto request = requestFor(folder);
  request.createSource = true;
  request.sourceConfiguration = json{{"api_key", kApiKey}, {"region", "eu"}};
  std::string progressText;
  const auto outcome = PublishFlow(client).run(request, [&](const PublishProgress& p) { progressText += p.message + "\n"; });
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::Validation);
  const std::string text = failure.describe();
  EXPECT_FALSE(contains(text, kApiKey)) << text;
  EXPECT_TRUE(contains(text, "does not match ^pk_")) << text;
  EXPECT_TRUE(contains(text, "already done on Airbyte: created the declarative source definition 'example'")) << text;
  EXPECT_TRUE(failure.artifacts.recordWritten);
  EXPECT_FALSE(contains(progressText, kApiKey));
}

TEST(PublishFlow, FollowsASyncThroughItsStatesWithRecordsAndBytes) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  const std::string connection = fake.addConnection(fake.addSource(first.artifacts.definitionId));
  fake.addConnection("someone-elses-source", "unrelated");
  auto request = requestFor(folder);
  request.syncConnectionId = connection;
  request.waitForSync = true;
  std::vector<std::string> jobStatuses;
  const auto result = ok(PublishFlow(client).run(request, [&](const PublishProgress& p) {
    if (p.step == PublishStep::Job && p.job) jobStatuses.push_back(p.job->status);
  }));
  ASSERT_EQ(result.connections.size(), 1u);
  EXPECT_EQ(result.connections[0].connectionId, connection);
  ASSERT_TRUE(result.artifacts.job.has_value());
  EXPECT_EQ(result.artifacts.job->status, "succeeded");
  EXPECT_EQ(result.artifacts.job->rowsSynced, 120);
  EXPECT_EQ(result.artifacts.job->bytesSynced, 9800);
  EXPECT_EQ(jobStatuses, (std::vector<std::string>{"pending", "running", "succeeded", "succeeded"}));
  EXPECT_EQ(fake.jobs.begin()->second.polls, 3);
  EXPECT_TRUE(contains(result.jobUrl, "/connections/" + connection + "/timeline")) << result.jobUrl;
  EXPECT_TRUE(result.warnings.empty());
}

TEST(PublishFlow, AFailedSyncIsAFailureThatNamesTheJob) {
  FakeAirbyte fake;
  fake.jobStates = {"pending", "running", "incomplete", "running", "failed"};
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  auto request = requestFor(folder);
  request.syncConnectionId = fake.addConnection(fake.addSource(first.artifacts.definitionId));
  request.waitForSync = true;
  const auto outcome = PublishFlow(client).run(request);
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::JobFailed);
  EXPECT_TRUE(contains(failure.describe(), "the sync job 4242 failed (120 records, 9800 bytes)")) << failure.describe();
  EXPECT_TRUE(contains(failure.describe(), "updated the declarative source definition 'example'")) << failure.describe();
  EXPECT_EQ(fake.jobs.begin()->second.polls, 4);
}

TEST(PublishFlow, ASyncAlreadyRunningIsAConflictWithAirbytesMessage) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  auto request = requestFor(folder);
  request.syncConnectionId = fake.addConnection(fake.addSource(first.artifacts.definitionId));
  ok(PublishFlow(client).run(request));  // started, not followed: still pending
  const auto outcome = PublishFlow(client).run(request);
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  EXPECT_EQ(std::get<PublishFailure>(outcome).error.kind, AirbyteErrorKind::Conflict);
  EXPECT_TRUE(contains(std::get<PublishFailure>(outcome).error.message, "A sync is already running for connection"));
}

TEST(PublishFlow, ATokenExpiringMidFlowIsRenewedAndTheFlowGoesOn) {
  FakeAirbyte fake;
  fake.expireTokensAfterCalls = 2;  // the list and the create pass; the next call meets a dead token
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto result = ok(PublishFlow(client).run(requestFor(folder)));
  EXPECT_TRUE(result.artifacts.definitionCreated);
  EXPECT_EQ(fake.issuedTokens().size(), 2u);
  EXPECT_EQ(client.tokensFetched(), 2);
  const auto calls = fake.calls();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "POST /applications/token"), 2);
}

TEST(PublishFlow, StoppingWhileFollowingAJobSaysItGoesOnInAirbyte) {
  FakeAirbyte fake;
  fake.jobStates = {"pending", "running", "running", "running", "running", "running", "succeeded"};
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  auto request = requestFor(folder);
  request.syncConnectionId = fake.addConnection(fake.addSource(first.artifacts.definitionId));
  request.waitForSync = true;
  std::stop_source stop;
  int polls = 0;
  request.jobWait.sleep = [&](std::chrono::milliseconds, std::stop_token) {
    if (++polls == 3) stop.request_stop();
  };
  const auto outcome = PublishFlow(client).run(request, {}, stop.get_token());
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  const auto& failure = std::get<PublishFailure>(outcome);
  EXPECT_EQ(failure.error.kind, AirbyteErrorKind::Cancelled);
  EXPECT_TRUE(contains(failure.error.message, "it goes on in Airbyte")) << failure.error.message;
  EXPECT_EQ(fake.jobs.begin()->second.polls, 2);
}

TEST(PublishFlow, AJobThatOutlastsTheWaitTimesOut) {
  FakeAirbyte fake;
  fake.jobStates = {"pending", "running", "running", "running", "running", "running", "succeeded"};
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  AirbyteClient client(optionsFor(fake));
  const auto first = ok(PublishFlow(client).run(requestFor(folder)));
  auto request = requestFor(folder);
  request.syncConnectionId = fake.addConnection(fake.addSource(first.artifacts.definitionId));
  request.waitForSync = true;
  auto clock = std::chrono::steady_clock::now();
  request.jobWait.timeout = std::chrono::seconds(10);
  request.jobWait.now = [&clock] { return clock; };
  request.jobWait.sleep = [&clock](std::chrono::milliseconds, std::stop_token) { clock += std::chrono::seconds(4); };
  const auto outcome = PublishFlow(client).run(request);
  ASSERT_TRUE(std::holds_alternative<PublishFailure>(outcome));
  EXPECT_EQ(std::get<PublishFailure>(outcome).error.kind, AirbyteErrorKind::Timeout);
  EXPECT_TRUE(contains(std::get<PublishFailure>(outcome).error.message, "still running after 10 s"));
}

}  // namespace
}  // namespace manifold::airbyte
