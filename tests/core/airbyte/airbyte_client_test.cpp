// AirbyteClient against a fake Airbyte on 127.0.0.1: token exchange and renewal, calls, and every error a user acts on.
#include <gtest/gtest.h>

#include "core/airbyte/airbyte_client.h"
#include "tests/core/airbyte/fake_airbyte.h"
#include "tests/support/local_http_server.h"

namespace manifold::airbyte {
namespace {

using testing::FakeAirbyte;
using nlohmann::json;

AirbyteClientOptions optionsFor(const FakeAirbyte& fake) {
  AirbyteClientOptions options;
  options.apiUrl = fake.baseUrl();
  options.credentials.clientId = FakeAirbyte::kClientId;
  options.credentials.clientSecret = FakeAirbyte::kClientSecret;
  options.timeout = std::chrono::milliseconds(5000);
  return options;
}

nlohmann::ordered_json smallManifest(const std::string& version = "6.7.0") {
  return nlohmann::ordered_json{{"version", version}, {"type", "DeclarativeSource"}, {"streams", json::array()}};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(AirbyteClient, ExchangesClientCredentialsForABearerTokenAndReusesIt) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto first = client.listWorkspaces();
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ(first->at(0).workspaceId, FakeAirbyte::kWorkspace);
  EXPECT_EQ(first->at(0).name, "Data team");
  ASSERT_TRUE(client.listWorkspaces().ok());

  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].path, std::string(FakeAirbyte::kBasePath) + "/applications/token");
  const json tokenRequest = json::parse(requests[0].body);
  EXPECT_EQ(tokenRequest["client_id"], FakeAirbyte::kClientId);
  EXPECT_EQ(tokenRequest["client_secret"], FakeAirbyte::kClientSecret);
  EXPECT_EQ(tokenRequest["grant-type"], "client_credentials");
  EXPECT_EQ(requests[0].header("Authorization"), "");
  const std::string bearer = "Bearer " + fake.issuedTokens().at(0);
  EXPECT_EQ(requests[1].header("Authorization"), bearer);
  EXPECT_EQ(requests[2].header("Authorization"), bearer);
  EXPECT_EQ(client.tokensFetched(), 1);
}

TEST(AirbyteClient, RenewsTheTokenBeforeAirbyteSaysItExpires) {
  FakeAirbyte fake;
  fake.tokenLifetimeSeconds = 180;
  fake.start();
  auto clock = std::chrono::steady_clock::now();
  auto options = optionsFor(fake);
  options.now = [&clock] { return clock; };
  AirbyteClient client(options);
  ASSERT_TRUE(client.listWorkspaces().ok());
  clock += std::chrono::seconds(140);  // inside the 30 s margin before expiry: still fine
  ASSERT_TRUE(client.listWorkspaces().ok());
  EXPECT_EQ(client.tokensFetched(), 1);
  clock += std::chrono::seconds(20);  // 160 s: past expiry minus the margin
  ASSERT_TRUE(client.listWorkspaces().ok());
  EXPECT_EQ(client.tokensFetched(), 2);
  for (const auto& call : fake.calls()) EXPECT_FALSE(contains(call, "401"));
  const auto calls = fake.calls();
  ASSERT_EQ(calls.size(), 5u);
  EXPECT_EQ(calls[3], "POST /applications/token");
}

TEST(AirbyteClient, ATokenRejectedWith401IsRenewedOnceAndTheCallRetried) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClient client(optionsFor(fake));
  ASSERT_TRUE(client.listWorkspaces().ok());
  fake.expireTokens();
  fake.clearRequests();
  auto again = client.listWorkspaces();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(fake.calls(), (std::vector<std::string>{"GET /workspaces?limit=100&offset=0", "POST /applications/token",
                                                    "GET /workspaces?limit=100&offset=0"}));
  EXPECT_EQ(client.tokensFetched(), 2);
}

TEST(AirbyteClient, A401AfterRenewalIsUnauthorizedAndNotRetriedForever) {
  FakeAirbyte fake;
  fake.overrides.push_back({"GET", "/workspaces", 401, json{{"title", "unauthorized"}, {"detail", "Token revoked"}}});
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.listWorkspaces();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::Unauthorized);
  EXPECT_EQ(result.error().status, 401);
  EXPECT_TRUE(contains(result.error().message, "client id and secret")) << result.error().message;
  EXPECT_EQ(fake.calls().size(), 4u);  // token, GET, token, GET
}

TEST(AirbyteClient, AWrongClientSecretIsUnauthorizedAndTheMessageHoldsNoSecret) {
  FakeAirbyte fake;
  fake.start();
  auto options = optionsFor(fake);
  options.credentials.clientSecret = "wrong-secret-DO-NOT-PRINT";
  AirbyteClient client(options);
  auto result = client.listWorkspaces();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::Unauthorized);
  EXPECT_TRUE(contains(result.error().message, "Invalid client credentials")) << result.error().message;
  EXPECT_FALSE(contains(result.error().message, "wrong-secret-DO-NOT-PRINT"));
  EXPECT_EQ(fake.calls().size(), 1u);
}

TEST(AirbyteClient, BasicAuthSendsTheUserAndPasswordWithoutATokenExchange) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClientOptions options;
  options.apiUrl = fake.baseUrl();
  options.credentials.basicUser = FakeAirbyte::kBasicUser;
  options.credentials.basicPassword = FakeAirbyte::kBasicPassword;
  AirbyteClient client(options);
  auto result = client.listWorkspaces();
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(fake.requests().size(), 1u);
  EXPECT_EQ(fake.requests()[0].header("Authorization"), "Basic YWlyYnl0ZTpmYWtlLXBhc3N3b3JkLVE0Mng=");
  EXPECT_EQ(client.tokensFetched(), 0);

  options.credentials.basicPassword = "not-the-password";
  AirbyteClient wrong(options);
  auto refused = wrong.listWorkspaces();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, AirbyteErrorKind::Unauthorized);
  EXPECT_FALSE(contains(refused.error().message, "not-the-password"));
}

TEST(AirbyteClient, AForbiddenWorkspaceSaysThePermissionIsMissing) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.listDeclarativeSourceDefinitions(FakeAirbyte::kForbiddenWorkspace);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::Forbidden);
  EXPECT_EQ(result.error().status, 403);
  EXPECT_TRUE(contains(result.error().message, "permission on this workspace")) << result.error().message;
  EXPECT_TRUE(contains(result.error().message, "Caller does not have the required workspace permissions"));
}

TEST(AirbyteClient, AnUnknownWorkspaceIsNotFound) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.listDeclarativeSourceDefinitions("00000000-0000-4000-8000-000000000000");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::NotFound);
  EXPECT_TRUE(contains(result.error().message, "was not found")) << result.error().message;
}

TEST(AirbyteClient, CreatesListsAndUpdatesDefinitionsWithIncrementingVersions) {
  FakeAirbyte fake;
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto created = client.createDeclarativeSourceDefinition(FakeAirbyte::kWorkspace, "source-demo", smallManifest());
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->name, "source-demo");
  const json sent = json::parse(fake.requests().back().body);
  EXPECT_EQ(sent["name"], "source-demo");
  EXPECT_TRUE(sent["manifest"].is_object());  // an object, not JSON text
  EXPECT_EQ(sent["manifest"]["version"], "6.7.0");

  auto updated = client.updateDeclarativeSourceDefinition(FakeAirbyte::kWorkspace, created->id, smallManifest("6.8.0"));
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->id, created->id);
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(fake.requests().back().method, "PUT");
  EXPECT_EQ(json::parse(fake.requests().back().body).size(), 1u);  // {"manifest": ...} only

  auto listed = client.listDeclarativeSourceDefinitions(FakeAirbyte::kWorkspace);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).version, 2);
  EXPECT_EQ(listed->at(0).manifest["version"], "6.8.0");

  auto missing = client.updateDeclarativeSourceDefinition(FakeAirbyte::kWorkspace, "nope", smallManifest());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, AirbyteErrorKind::NotFound);
}

TEST(AirbyteClient, ValidationAndConflictErrorsCarryAirbytesOwnMessage) {
  FakeAirbyte fake;
  fake.overrides.push_back({"POST", "/jobs", 409,
                            json{{"title", "try-again-later"}, {"status", 409}, {"detail", "generic detail"},
                                 {"data", {{"message", "A sync is already running for this connection"}}}}});
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto conflict = client.triggerSync("c1");
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().kind, AirbyteErrorKind::Conflict);
  EXPECT_EQ(conflict.error().airbyteMessage, "A sync is already running for this connection");
  EXPECT_TRUE(contains(conflict.error().message, "A sync is already running for this connection"));

  auto invalid = client.createDeclarativeSourceDefinition(FakeAirbyte::kWorkspace, "", smallManifest());
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().kind, AirbyteErrorKind::Validation);
  EXPECT_EQ(invalid.error().status, 422);
  EXPECT_TRUE(contains(invalid.error().message, "name must not be blank")) << invalid.error().message;
}

TEST(AirbyteClient, AManifestVersionTheApiRejectsIsItsOwnKind) {
  FakeAirbyte fake;
  fake.maxManifestVersion = "6.60.0";
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.createDeclarativeSourceDefinition(FakeAirbyte::kWorkspace, "x", smallManifest("7.1.0"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::UnsupportedVersion);
  EXPECT_TRUE(contains(result.error().message, "Manifest version 7.1.0 is not supported")) << result.error().message;
  EXPECT_TRUE(contains(result.error().message, "lower it")) << result.error().message;
}

TEST(AirbyteClient, WaitsForRetryAfterOnARateLimitThenSucceeds) {
  FakeAirbyte fake;
  fake.overrides.push_back({"GET", "/workspaces", 429, json{{"message", "You are being rate limited."}},
                            {{"Retry-After", "2"}}, 2});
  fake.start();
  auto options = optionsFor(fake);
  std::vector<std::chrono::milliseconds> waits;
  options.sleep = [&waits](std::chrono::milliseconds delay, std::stop_token) { waits.push_back(delay); };
  AirbyteClient client(options);
  auto result = client.listWorkspaces();
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(waits, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(2000), std::chrono::milliseconds(2000)}));
  EXPECT_EQ(fake.calls().size(), 4u);  // token, 429, 429, 200
}

TEST(AirbyteClient, ARateLimitLongerThanTheClientWaitsFailsWithTheTimeToWait) {
  FakeAirbyte fake;
  fake.overrides.push_back({"GET", "/workspaces", 429, json{{"message", "You are being rate limited."}},
                            {{"Retry-After", "600"}}});
  fake.start();
  auto options = optionsFor(fake);
  int sleeps = 0;
  options.sleep = [&sleeps](std::chrono::milliseconds, std::stop_token) { ++sleeps; };
  AirbyteClient client(options);
  auto result = client.listWorkspaces();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::RateLimited);
  ASSERT_TRUE(result.error().retryAfter.has_value());
  EXPECT_EQ(result.error().retryAfter->count(), 600);
  EXPECT_TRUE(contains(result.error().message, "try again in 600 s")) << result.error().message;
  EXPECT_EQ(sleeps, 0);
}

TEST(AirbyteClient, ASlowAirbyteTimesOutWithAMessageNamingIt) {
  FakeAirbyte fake;
  fake.overrides.push_back({"GET", "/workspaces", 200, json{{"data", json::array()}}, {}, -1, 3000});
  fake.start();
  auto options = optionsFor(fake);
  options.timeout = std::chrono::milliseconds(300);
  AirbyteClient client(options);
  auto result = client.listWorkspaces();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::Timeout);
  EXPECT_TRUE(contains(result.error().message, fake.baseUrl())) << result.error().message;
}

TEST(AirbyteClient, NeverFollowsARedirectToAnotherHostWithTheToken) {
  testing::LocalHttpServer elsewhere;
  elsewhere.server().Get(".*", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  elsewhere.start();
  FakeAirbyte fake;
  // localhost is another host name than 127.0.0.1 as far as credentials go.
  const std::string target = "http://localhost:" + std::to_string(elsewhere.port()) + "/steal";
  fake.overrides.push_back({"GET", "/workspaces", 302, json::object(), {{"Location", target}}});
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.listWorkspaces();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, AirbyteErrorKind::Refused);
  EXPECT_EQ(elsewhere.requestCount(), 0u);
  for (const auto& token : fake.issuedTokens()) EXPECT_FALSE(contains(result.error().message, token));
}

TEST(AirbyteClient, ListsEveryPageOfWorkspaces) {
  FakeAirbyte fake;
  for (int i = 0; i < 148; ++i) fake.workspaces.emplace_back("ws-" + std::to_string(i), "Workspace " + std::to_string(i));
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto result = client.listWorkspaces();
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->size(), 150u);
  EXPECT_EQ(result->back().name, "Workspace 147");
  const auto calls = fake.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[2], "GET /workspaces?limit=100&offset=100");
}

TEST(AirbyteClient, ReadsAJobAsItMovesThroughItsStates) {
  FakeAirbyte fake;
  fake.connections.push_back({"conn-1", FakeAirbyte::kWorkspace, "src-1", "to warehouse"});
  fake.start();
  AirbyteClient client(optionsFor(fake));
  auto started = client.triggerSync("conn-1");
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_EQ(started->status, "pending");
  EXPECT_FALSE(started->rowsSynced.has_value());
  EXPECT_EQ(json::parse(fake.requests().back().body), (json{{"connectionId", "conn-1"}, {"jobType", "sync"}}));
  std::vector<std::string> seen;
  Job job = started.value();
  while (!job.finished()) {
    auto polled = client.getJob(job.jobId);
    ASSERT_TRUE(polled.ok()) << polled.error().message;
    job = polled.value();
    seen.push_back(job.status);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"running", "running", "succeeded"}));
  EXPECT_EQ(job.rowsSynced, 120);
  EXPECT_EQ(job.bytesSynced, 9800);
  EXPECT_EQ(job.duration, "PT42S");
}

TEST(AirbyteClient, WebAppLinksFollowTheApiUrl) {
  EXPECT_EQ(webAppUrl("https://api.airbyte.com/v1"), "https://cloud.airbyte.com");
  EXPECT_EQ(webAppUrl("http://localhost:8000/api/public/v1/"), "http://localhost:8000");
  EXPECT_EQ(connectionJobsUrl("http://localhost:8000/api/public/v1", "w", "c"),
            "http://localhost:8000/workspaces/w/connections/c/timeline");
}

}  // namespace
}  // namespace manifold::airbyte
