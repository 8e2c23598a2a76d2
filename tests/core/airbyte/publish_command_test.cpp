// manifold-cli publish as a user runs it, against a fake Airbyte: ids on stdout, progress on
// stderr, non-zero exit on any failure, and no secret in any output or file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/core/airbyte/fake_airbyte.h"
#include "tests/core/github/connector_folder.h"
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"

namespace manifold::airbyte {
namespace {

using nlohmann::json;
using testing::binaryPath;
using testing::ConnectorFolder;
using testing::FakeAirbyte;
using testing::runProcess;

constexpr const char* kApiKey = "sk_live_VERYSECRET42";

testing::ProcessOptions credentials() {
  testing::ProcessOptions options;
  options.extraEnv = {std::string("AIRBYTE_CLIENT_ID=") + FakeAirbyte::kClientId,
                      std::string("AIRBYTE_CLIENT_SECRET=") + FakeAirbyte::kClientSecret};
  return options;
}

void freshTestRead(const ConnectorFolder& folder) {
  folder.write(".manifold/testing_values.json", R"({"region": "eu"})");
  folder.write(".manifold/last_test_read.json",
               R"({"finishedAt": "2099-01-01T00:00:00Z", "streams": [{"name": "users", "records": 12, "passed": true}, {"name": "orders", "records": 3, "passed": true}]})");
}

std::vector<std::string> publishArgs(const FakeAirbyte& fake, const ConnectorFolder& folder) {
  return {"publish", "--connector", folder.dir().string(), "--workspace", FakeAirbyte::kWorkspace, "--api-url", fake.baseUrl()};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::string everyFile(const std::filesystem::path& dir) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    all += text.str() + "\n";
  }
  return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PublishCommand, PrintsTheDefinitionIdAndUpdatesItOnTheNextRun) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  const auto first = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials());
  ASSERT_EQ(first.exitCode, 0) << first.err;
  ASSERT_EQ(fake.definitions.size(), 1u);
  const std::string id = fake.definitions.begin()->first;
  EXPECT_EQ(lines(first.out), (std::vector<std::string>{id}));
  EXPECT_TRUE(contains(first.err, "[definition] Created the definition 'example' (id " + id + ", version 1)")) << first.err;

  const auto second = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials());
  ASSERT_EQ(second.exitCode, 0) << second.err;
  EXPECT_EQ(lines(second.out), (std::vector<std::string>{id}));
  EXPECT_TRUE(contains(second.err, "Updated the definition 'example' (id " + id + ", version 2)")) << second.err;
  EXPECT_EQ(fake.definitions.size(), 1u);
  EXPECT_EQ(fake.definitions.begin()->second.version, 2);
}

TEST(PublishCommand, PublishesThenSyncsAndWaitsForTheFinalStatus) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  ASSERT_EQ(runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials()).exitCode, 0);
  const std::string connection = fake.addConnection(fake.addSource(fake.definitions.begin()->first));
  auto args = publishArgs(fake, folder);
  for (const std::string extra : {"--sync", connection.c_str(), "--wait", "--poll-interval", "0.05"}) args.push_back(extra);
  const auto r = runProcess(binaryPath("manifold-cli"), args, credentials());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u) << r.out;
  EXPECT_EQ(out[0], fake.definitions.begin()->first);
  EXPECT_EQ(out[1], "job 4242 succeeded records=120 bytes=9800");
  EXPECT_TRUE(contains(r.err, "[job] job 4242 running (60 records, 4900 bytes)")) << r.err;
  EXPECT_TRUE(contains(r.err, "/connections/" + connection + "/timeline")) << r.err;
  EXPECT_EQ(fake.jobs.at(4242).polls, 3);
}

TEST(PublishCommand, AFailedSyncExitsNonZeroWithTheJobStatus) {
  FakeAirbyte fake;
  fake.jobStates = {"pending", "running", "cancelled"};
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  ASSERT_EQ(runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials()).exitCode, 0);
  const std::string connection = fake.addConnection(fake.addSource(fake.definitions.begin()->first));
  auto args = publishArgs(fake, folder);
  for (const std::string extra : {"--sync", connection.c_str(), "--wait", "--poll-interval", "0"}) args.push_back(extra);
  const auto r = runProcess(binaryPath("manifold-cli"), args, credentials());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(lines(r.out).back(), "job 4242 cancelled");
  EXPECT_TRUE(contains(r.err, "the sync job 4242 cancelled")) << r.err;
}

TEST(PublishCommand, WithoutCredentialsItSaysWhichVariablesToSet) {
  ConnectorFolder folder;
  testing::ProcessOptions none;
  none.extraEnv = {"AIRBYTE_CLIENT_ID=", "AIRBYTE_CLIENT_SECRET="};
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"publish", "--connector", folder.dir().string(), "--workspace", "w", "--api-url", "http://127.0.0.1:1"},
                            none);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(contains(r.err, "AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET must be set")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(PublishCommand, BasicAuthTakesThePasswordFromTheEnvironment) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  auto args = publishArgs(fake, folder);
  args.insert(args.end(), {"--basic-user", FakeAirbyte::kBasicUser});
  testing::ProcessOptions env;
  env.extraEnv = {std::string("AIRBYTE_PASSWORD=") + FakeAirbyte::kBasicPassword};
  const auto r = runProcess(binaryPath("manifold-cli"), args, env);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(fake.definitions.size(), 1u);
  EXPECT_FALSE(contains(r.out + r.err, FakeAirbyte::kBasicPassword));
}

TEST(PublishCommand, EveryApiErrorExitsNonZeroWithAirbytesMessage) {
  struct Case {
    int status;
    std::string expected;
  };
  for (const auto& c : {Case{403, "permission on this workspace"}, Case{409, "definition locked"},
                        Case{422, "definition locked"}, Case{500, "HTTP 500"}}) {
    FakeAirbyte fake;
    fake.overrides.push_back({"POST", "/workspaces/", c.status,
                              json{{"title", "x"}, {"status", c.status}, {"data", {{"message", "definition locked"}}}}});
    fake.start();
    ConnectorFolder folder;
    freshTestRead(folder);
    const auto r = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials());
    EXPECT_EQ(r.exitCode, 1) << c.status << ": " << r.err;
    EXPECT_TRUE(contains(r.err, c.expected)) << c.status << ": " << r.err;
    EXPECT_TRUE(contains(r.err, "nothing was created or changed on Airbyte")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST(PublishCommand, AWrongSecretAndAnUnknownWorkspaceAreNamed) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  testing::ProcessOptions wrong;
  wrong.extraEnv = {std::string("AIRBYTE_CLIENT_ID=") + FakeAirbyte::kClientId, "AIRBYTE_CLIENT_SECRET=nope-not-it"};
  const auto denied = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), wrong);
  EXPECT_EQ(denied.exitCode, 1);
  EXPECT_TRUE(contains(denied.err, "did not accept the application's client id and secret")) << denied.err;
  EXPECT_FALSE(contains(denied.err, "nope-not-it"));

  auto args = publishArgs(fake, folder);
  args[4] = "00000000-0000-4000-8000-00000000dead";
  const auto missing = runProcess(binaryPath("manifold-cli"), args, credentials());
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(contains(missing.err, "workspace 00000000-0000-4000-8000-00000000dead is not found")) << missing.err;
}

TEST(PublishCommand, ADeletedDefinitionSuggestsNewAndNewPublishesAnew) {
  FakeAirbyte fake;
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  ASSERT_EQ(runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials()).exitCode, 0);
  fake.definitions.clear();
  const auto gone = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials());
  EXPECT_EQ(gone.exitCode, 1);
  EXPECT_TRUE(contains(gone.err, "run again with --new")) << gone.err;
  auto args = publishArgs(fake, folder);
  args.push_back("--new");
  const auto anew = runProcess(binaryPath("manifold-cli"), args, credentials());
  ASSERT_EQ(anew.exitCode, 0) << anew.err;
  EXPECT_EQ(fake.definitions.size(), 1u);
}

TEST(PublishCommand, RateLimitedCallsAreRetriedAfterRetryAfter) {
  FakeAirbyte fake;
  fake.overrides.push_back({"GET", "/workspaces/", 429, json{{"message", "You are being rate limited."}},
                            {{"Retry-After", "1"}}, 1});
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  const auto r = runProcess(binaryPath("manifold-cli"), publishArgs(fake, folder), credentials());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto calls = fake.calls();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "GET /workspaces/" + std::string(FakeAirbyte::kWorkspace) +
                                                       "/definitions/declarative_sources"),
            2);
}

TEST(PublishCommand, NoSecretAppearsInAnyOutputOrFileWritten) {
  FakeAirbyte fake;
  fake.tokenLifetimeSeconds = 1;  // short-lived: the run renews it on the way
  fake.overrides.push_back({"POST", "/sources", 422,
                            json{{"title", "unprocessable-entity"},
                                 {"detail", std::string("api_key ") + kApiKey + " is not valid for region eu"}},
                            {}, 1});
  fake.start();
  ConnectorFolder folder;
  freshTestRead(folder);
  testing::TempDir secrets;
  secrets.write("config.json", std::string(R"({"api_key": ")") + kApiKey + "\"}");
  auto args = publishArgs(fake, folder);
  args.insert(args.end(), {"--create-source", "--config", (secrets.path() / "config.json").string()});
  const auto rejected = runProcess(binaryPath("manifold-cli"), args, credentials());
  EXPECT_EQ(rejected.exitCode, 1);
  EXPECT_TRUE(contains(rejected.err, "is not valid for region eu")) << rejected.err;
  const auto created = runProcess(binaryPath("manifold-cli"), args, credentials());
  ASSERT_EQ(created.exitCode, 0) << created.err;
  ASSERT_EQ(fake.sources.size(), 1u);
  EXPECT_EQ(fake.sources[0].configuration["api_key"], kApiKey);
  EXPECT_EQ(fake.sources[0].configuration["region"], "eu");
  EXPECT_EQ(lines(created.out).at(1), "source " + fake.sources[0].sourceId);

  const std::string seen = rejected.out + rejected.err + created.out + created.err + everyFile(folder.dir());
  EXPECT_FALSE(contains(seen, kApiKey));
  EXPECT_FALSE(contains(seen, FakeAirbyte::kClientSecret));
  ASSERT_FALSE(fake.issuedTokens().empty());
  for (const auto& token : fake.issuedTokens()) EXPECT_FALSE(contains(seen, token)) << token;
  for (const auto& request : fake.requests()) {
    // The client secret travels only in the token request.
    if (request.path != std::string(FakeAirbyte::kBasePath) + "/applications/token") {
      EXPECT_FALSE(contains(request.body, FakeAirbyte::kClientSecret)) << request.path;
    }
  }
}

}  // namespace
}  // namespace manifold::airbyte
