// runTestRead against servers on 127.0.0.1: limits, masking, cancellation, error pages,
// auxiliary OAuth requests, the streamed events and manifest errors.
#include "core/builder/test_read.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace manifold::builder {
namespace {

using manifold::testing::LocalHttpServer;
using nlohmann::json;

constexpr const char* kApiKey = "sk-live-Secret/Value+42";

// One stream "items" paged by ?page=N; `authenticator` and `requesterExtra` are YAML indented
// for the requester (8 spaces). The spec marks api_key and client_secret as secrets.
std::string manifest(const std::string& base, const std::string& requesterExtra = "",
                     const std::string& retrieverExtra = "") {
  std::string text =
      "version: 6.4.0\n"
      "type: DeclarativeSource\n"
      "check: {type: CheckStream, stream_names: [items]}\n"
      "spec:\n"
      "  type: Spec\n"
      "  connection_specification:\n"
      "    type: object\n"
      "    properties:\n"
      "      api_key: {type: string, airbyte_secret: true}\n"
      "      client_secret: {type: string, airbyte_secret: true}\n"
      "      refresh_token: {type: string, airbyte_secret: true}\n"
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    name: items\n"
      "    primary_key: [id]\n"
      "    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "      requester:\n"
      "        type: HttpRequester\n"
      "        url_base: " + base + "\n"
      "        path: /items\n" + requesterExtra +
      "      record_selector:\n"
      "        type: RecordSelector\n"
      "        extractor: {type: DpathExtractor, field_path: [data]}\n"
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: PageIncrement, page_size: 3, start_from_page: 1}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n" +
      retrieverExtra;
  return text;
}

// /items?page=N: pages of 3 records, `pages` pages in all; each record echoes the api_key param.
void servePages(LocalHttpServer& server, int pages) {
  server.server().Get("/items", [pages](const httplib::Request& req, httplib::Response& res) {
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    json data = json::array();
    if (page <= pages) {
      for (int i = 0; i < 3; ++i) {
        data.push_back({{"id", (page - 1) * 3 + i}, {"name", "n" + std::to_string(i)}, {"echo", req.get_param_value("api_key")}});
      }
    }
    res.set_content(json{{"data", data}, {"key_seen", req.get_param_value("api_key")}}.dump(), "application/json");
  });
}

TestReadRequest requestFor(const std::string& yaml, json config = json::object()) {
  TestReadRequest request;
  request.manifestYaml = yaml;
  request.config = std::move(config);
  request.stream = "items";
  return request;
}

std::size_t countRecords(const json& streamRead) {
  std::size_t n = 0;
  for (const auto& slice : streamRead["slices"]) {
    for (const auto& page : slice["pages"]) n += page["records"].size();
  }
  return n;
}

TEST(TestRead, ReadsEveryPageWithRequestResponseAndRecords) {
  LocalHttpServer server;
  servePages(server, 2);
  server.start();
  auto result = runTestRead(requestFor(manifest(server.baseUrl())), {});
  ASSERT_FALSE(result.error) << *result.error;
  const auto& read = result.streamRead;
  for (const char* key : {"logs", "slices", "test_read_limit_reached", "auxiliary_requests", "inferred_schema",
                          "latest_config_update"}) {
    EXPECT_TRUE(read.contains(key)) << key;
  }
  ASSERT_EQ(read["slices"].size(), 1u);
  const auto& pages = read["slices"][0]["pages"];
  ASSERT_EQ(pages.size(), 3u);  // two full pages and the empty one that ends the stream
  EXPECT_EQ(pages[0]["request"]["http_method"], "GET");
  EXPECT_EQ(pages[1]["request"]["url"], server.baseUrl() + "/items?page=2");
  EXPECT_EQ(pages[0]["response"]["status"], 200);
  EXPECT_TRUE(pages[0]["response"].contains("time_ms"));
  EXPECT_EQ(json::parse(pages[0]["response"]["body"].get<std::string>())["data"].size(), 3u);
  EXPECT_EQ(pages[0]["records"].size(), 3u);
  EXPECT_EQ(pages[2]["records"].size(), 0u);
  EXPECT_EQ(read["test_read_limit_reached"], false);
  EXPECT_EQ(read["slices"][0]["state"][0]["stream"]["stream_descriptor"]["name"], "items");
  EXPECT_EQ(read["inferred_schema"]["properties"]["id"]["type"], "number");  // the primary key is required
  EXPECT_EQ(read["inferred_schema"]["required"], json::array({"id"}));
  EXPECT_EQ(result.recordCount, 6u);
  EXPECT_FALSE(result.cancelled);
}

TEST(TestRead, RecordLimitStopsMidPageAndSetsTheFlag) {
  LocalHttpServer server;
  servePages(server, 3);
  server.start();
  auto request = requestFor(manifest(server.baseUrl()));
  request.limits.records = 4;
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << *result.error;
  const auto& pages = result.streamRead["slices"][0]["pages"];
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0]["records"].size(), 3u);
  EXPECT_EQ(pages[1]["records"].size(), 1u);
  EXPECT_EQ(result.streamRead["test_read_limit_reached"], true);
  EXPECT_EQ(server.requestCount(), 2u);
}

TEST(TestRead, PageLimitStopsTheSliceAndSetsTheFlag) {
  LocalHttpServer server;
  servePages(server, 4);
  server.start();
  auto request = requestFor(manifest(server.baseUrl()));
  request.limits.pagesPerSlice = 2;
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.streamRead["slices"][0]["pages"].size(), 2u);
  EXPECT_EQ(countRecords(result.streamRead), 6u);
  EXPECT_EQ(result.streamRead["test_read_limit_reached"], true);
  EXPECT_EQ(server.requestCount(), 2u);
}

TEST(TestRead, SliceLimitStopsTheReadAndSetsTheFlag) {
  LocalHttpServer server;
  servePages(server, 1);
  server.start();
  const std::string router =
      "      partition_router:\n"
      "        type: ListPartitionRouter\n"
      "        values: [a, b, c, d]\n"
      "        cursor_field: kind\n"
      "        request_option: {type: RequestOption, inject_into: request_parameter, field_name: kind}\n";
  auto request = requestFor(manifest(server.baseUrl(), "", router));
  request.limits.slices = 2;
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << result.streamRead["logs"].dump();
  const auto& slices = result.streamRead["slices"];
  ASSERT_EQ(slices.size(), 2u);
  EXPECT_EQ(slices[0]["slice_descriptor"]["kind"], "a");
  EXPECT_EQ(slices[1]["slice_descriptor"]["kind"], "b");
  EXPECT_EQ(result.streamRead["test_read_limit_reached"], true);
  for (const auto& r : server.requests()) EXPECT_NE(r.param("kind"), "c");
}

TEST(TestRead, NoSecretAnywhereInTheStreamRead) {
  LocalHttpServer server;
  servePages(server, 1);
  server.server().Post("/oauth/token", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"access_token": "AT-rotating-77", "expires_in": 3600})", "application/json");
  });
  server.start();
  const std::string requester =
      "        request_parameters:\n"
      "          api_key: \"{{ config.api_key }}\"\n"
      "        request_headers:\n"
      "          X-Echo: \"prefix {{ config.api_key }}\"\n"
      "        authenticator:\n"
      "          type: OAuthAuthenticator\n"
      "          token_refresh_endpoint: " + server.baseUrl() + "/oauth/token\n"
      "          client_id: cid\n"
      "          client_secret: \"{{ config.client_secret }}\"\n"
      "          refresh_token: \"{{ config.refresh_token }}\"\n";
  auto request = requestFor(manifest(server.baseUrl(), requester),
                            {{"api_key", kApiKey}, {"client_secret", "cs-hidden-9"}, {"refresh_token", "rt-hidden-8"}});
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(server.requests().back().param("api_key"), kApiKey);  // the server did get the real key
  const std::string text = result.streamRead.dump();
  for (const char* secret : {kApiKey, "sk-live-Secret%2FValue%2B42", "cs-hidden-9", "rt-hidden-8", "AT-rotating-77"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
  EXPECT_NE(text.find("****"), std::string::npos);
  EXPECT_EQ(countRecords(result.streamRead), 3u);
}

TEST(TestRead, AuxiliaryOAuthRequestIsCaptured) {
  LocalHttpServer server;
  servePages(server, 1);
  server.server().Post("/oauth/token", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"access_token": "AT-1", "expires_in": 3600})", "application/json");
  });
  server.start();
  const std::string requester =
      "        authenticator:\n"
      "          type: OAuthAuthenticator\n"
      "          token_refresh_endpoint: " + server.baseUrl() + "/oauth/token\n"
      "          client_id: cid\n"
      "          client_secret: \"{{ config.client_secret }}\"\n"
      "          refresh_token: rt\n";
  std::vector<json> streamed;
  TestReadEvents events;
  events.auxiliaryRequest = [&](const json& aux) { streamed.push_back(aux); };
  auto result = runTestRead(requestFor(manifest(server.baseUrl(), requester), {{"client_secret", "cs"}}), events);
  ASSERT_FALSE(result.error) << *result.error;
  const auto& aux = result.streamRead["auxiliary_requests"];
  ASSERT_EQ(aux.size(), 1u);
  EXPECT_EQ(aux[0]["title"], "Refresh token");
  EXPECT_EQ(aux[0]["type"], "AUTH");
  EXPECT_EQ(aux[0]["description"], "Obtains access token");
  EXPECT_EQ(aux[0]["request"]["url"], server.baseUrl() + "/oauth/token");
  EXPECT_EQ(aux[0]["request"]["http_method"], "POST");
  EXPECT_EQ(aux[0]["response"]["status"], 200);
  ASSERT_EQ(streamed.size(), 1u);
  EXPECT_EQ(streamed[0], aux[0]);
  // The token call is no page of the stream.
  EXPECT_EQ(result.streamRead["slices"][0]["pages"].size(), 2u);
}

TEST(TestRead, SessionTokenLoginIsAnAuxiliaryRequestWithTheTokenMasked) {
  LocalHttpServer server;
  servePages(server, 1);
  server.server().Post("/login", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"auth": {"session_id": "sess-hidden-5150"}})", "application/json");
  });
  server.start();
  const std::string requester =
      "        authenticator:\n"
      "          type: SessionTokenAuthenticator\n"
      "          login_requester:\n"
      "            type: HttpRequester\n"
      "            url_base: " + server.baseUrl() + "\n"
      "            path: /login\n"
      "            http_method: POST\n"
      "            request_body_json: {password: \"{{ config.api_key }}\"}\n"
      "          session_token_path: [auth, session_id]\n"
      "          expiration_duration: PT1H\n"
      "          request_authentication:\n"
      "            type: ApiKey\n"
      "            inject_into: {type: RequestOption, inject_into: header, field_name: X-Session}\n";
  std::vector<json> streamed;
  TestReadEvents events;
  events.auxiliaryRequest = [&](const json& aux) { streamed.push_back(aux); };
  auto result = runTestRead(requestFor(manifest(server.baseUrl(), requester), {{"api_key", kApiKey}}), events);
  ASSERT_FALSE(result.error) << *result.error;
  const auto& aux = result.streamRead["auxiliary_requests"];
  ASSERT_EQ(aux.size(), 1u);  // one login for both pages
  EXPECT_EQ(aux[0]["title"], "Login request");
  EXPECT_EQ(aux[0]["type"], "AUTH");
  EXPECT_EQ(aux[0]["description"], "Obtains session token");
  EXPECT_EQ(aux[0]["request"]["url"], server.baseUrl() + "/login");
  EXPECT_EQ(aux[0]["request"]["http_method"], "POST");
  EXPECT_EQ(aux[0]["response"]["status"], 200);
  ASSERT_EQ(streamed.size(), 1u);
  EXPECT_EQ(result.streamRead["slices"][0]["pages"].size(), 2u);
  // The server got the real token; the StreamRead shows neither it nor the password.
  EXPECT_EQ(server.requests().back().header("X-Session"), "sess-hidden-5150");
  const std::string text = result.streamRead.dump();
  EXPECT_EQ(text.find("sess-hidden-5150"), std::string::npos) << text;
  EXPECT_EQ(text.find(kApiKey), std::string::npos);
}

TEST(TestRead, RotatedRefreshTokenFillsLatestConfigUpdate) {
  LocalHttpServer server;
  servePages(server, 1);
  server.server().Post("/oauth/token", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"access_token": "AT-rotated-31", "refresh_token": "RT-rotated-32", "expires_in": 60})", "application/json");
  });
  server.start();
  const std::string requester =
      "        authenticator:\n"
      "          type: OAuthAuthenticator\n"
      "          token_refresh_endpoint: " + server.baseUrl() + "/oauth/token\n"
      "          client_id: cid\n"
      "          client_secret: \"{{ config.client_secret }}\"\n"
      "          refresh_token_updater: {refresh_token_config_path: [refresh_token], access_token_config_path: [token], "
      "token_expiry_date_config_path: [expiry]}\n";
  auto request = requestFor(manifest(server.baseUrl(), requester),
                            {{"client_secret", "cs-1"}, {"refresh_token", "RT-first"}, {"__injected_declarative_manifest", "x"}});
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << *result.error;
  // The caller gets the real values to store ...
  ASSERT_TRUE(result.latestConfigUpdate);
  EXPECT_EQ((*result.latestConfigUpdate)["refresh_token"], "RT-rotated-32");
  EXPECT_EQ((*result.latestConfigUpdate)["token"], "AT-rotated-31");
  EXPECT_TRUE((*result.latestConfigUpdate)["expiry"].is_string());
  EXPECT_FALSE(result.latestConfigUpdate->contains("__injected_declarative_manifest"));  // clean_config
  // ... while the StreamRead shows the update with every secret masked.
  const auto& shown = result.streamRead["latest_config_update"];
  ASSERT_TRUE(shown.is_object());
  EXPECT_EQ(shown["refresh_token"], "****");
  EXPECT_EQ(shown["token"], "****");
  EXPECT_EQ(shown["client_secret"], "****");
  EXPECT_EQ(shown["expiry"], (*result.latestConfigUpdate)["expiry"]);
  const std::string text = result.streamRead.dump();
  for (const char* secret : {"RT-rotated-32", "AT-rotated-31", "cs-1", "RT-first"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST(TestRead, WithoutATokenUpdateLatestConfigUpdateIsNull) {
  LocalHttpServer server;
  servePages(server, 1);
  server.start();
  auto result = runTestRead(requestFor(manifest(server.baseUrl())), {});
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_TRUE(result.streamRead["latest_config_update"].is_null());
  EXPECT_FALSE(result.latestConfigUpdate);
}

TEST(TestRead, ErrorPageShowsRequestResponseAndALog) {
  LocalHttpServer server;
  server.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
    res.status = 403;
    res.set_content(R"({"message": "forbidden here"})", "application/json");
  });
  server.start();
  auto result = runTestRead(requestFor(manifest(server.baseUrl())), {});
  ASSERT_TRUE(result.error);
  EXPECT_EQ(server.requestCount(), 1u);  // no retries in the builder
  const auto& pages = result.streamRead["slices"][0]["pages"];
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0]["request"]["url"], server.baseUrl() + "/items");
  EXPECT_EQ(pages[0]["response"]["status"], 403);
  EXPECT_NE(pages[0]["response"]["body"].get<std::string>().find("forbidden here"), std::string::npos);
  EXPECT_TRUE(pages[0]["records"].empty());
  const auto& logs = result.streamRead["logs"];
  ASSERT_FALSE(logs.empty());
  EXPECT_EQ(logs.back()["level"], "ERROR");
  EXPECT_EQ(logs.back()["message"], *result.error);
}

TEST(TestRead, LongBodiesAreCutForDisplayAndSaySo) {
  LocalHttpServer server;
  server.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
    json body{{"data", json::array({{{"id", 1}, {"blob", std::string(kDisplayBodyLimit + 100, 'x')}}})}};
    res.set_content(body.dump(), "application/json");
  });
  server.start();
  auto request = requestFor(manifest(server.baseUrl()));
  request.limits.pagesPerSlice = 1;
  auto result = runTestRead(request, {});
  ASSERT_FALSE(result.error) << *result.error;
  const auto& response = result.streamRead["slices"][0]["pages"][0]["response"];
  EXPECT_EQ(response["body"].get<std::string>().size(), kDisplayBodyLimit);
  EXPECT_EQ(response["body_truncated"], true);
  EXPECT_GT(response["body_size"].get<std::size_t>(), kDisplayBodyLimit);
}

TEST(TestRead, EventsStreamSlicesAndPagesAsTheyHappen) {
  LocalHttpServer server;
  servePages(server, 2);
  server.start();
  std::vector<std::string> order;
  std::vector<json> pages;
  TestReadEvents events;
  events.sliceStarted = [&](std::size_t index, const json&) { order.push_back("slice" + std::to_string(index)); };
  events.pageDone = [&](std::size_t index, const json& page) {
    order.push_back("page" + std::to_string(index));
    pages.push_back(page);
  };
  events.sliceDone = [&](std::size_t index, const json& state) {
    order.push_back("done" + std::to_string(index));
    EXPECT_EQ(state.size(), 1u);
  };
  auto result = runTestRead(requestFor(manifest(server.baseUrl())), events);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(order, (std::vector<std::string>{"slice0", "page0", "page0", "page0", "done0"}));
  EXPECT_EQ(json(pages), result.streamRead["slices"][0]["pages"]);
}

TEST(TestRead, CancelReturnsPromptlyFromAHangingServer) {
  std::atomic<bool> release{false};
  std::atomic<bool> arrived{false};
  LocalHttpServer server;
  server.server().Get("/items", [&](const httplib::Request&, httplib::Response& res) {
    arrived = true;
    for (int i = 0; i < 600 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    res.set_content(R"({"data": []})", "application/json");
  });
  server.start();
  std::stop_source stop;
  auto future = std::async(std::launch::async, [&] {
    return runTestRead(requestFor(manifest(server.baseUrl())), {}, stop.get_token());
  });
  while (!arrived) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  stop.request_stop();
  // The server holds the request for 30 s; the read must not wait for it.
  const auto status = future.wait_for(std::chrono::seconds(10));
  release = true;
  ASSERT_EQ(status, std::future_status::ready);
  const auto result = future.get();
  EXPECT_TRUE(result.cancelled);
  EXPECT_FALSE(result.error);
}

TEST(TestRead, InvalidManifestIsALogAndAnErrorNotAnException) {
  auto result = runTestRead(requestFor("streams: [\n  - oops: {\n"), {});
  ASSERT_TRUE(result.error);
  ASSERT_EQ(result.streamRead["logs"].size(), 1u);
  EXPECT_EQ(result.streamRead["logs"][0]["level"], "ERROR");
  EXPECT_TRUE(result.streamRead["slices"].empty());
  EXPECT_TRUE(result.streamRead["inferred_schema"].is_null());
}

TEST(TestRead, UnknownStreamAndBadConfigAreErrors) {
  auto unknown = requestFor(manifest("http://127.0.0.1:9"));
  unknown.stream = "nope";
  auto result = runTestRead(unknown, {});
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("'nope'"), std::string::npos);

  auto badConfig = requestFor(manifest("http://127.0.0.1:9"), json::array({1}));
  EXPECT_TRUE(runTestRead(badConfig, {}).error);
}

}  // namespace
}  // namespace manifold::builder
