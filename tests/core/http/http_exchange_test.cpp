// Request/response records for the panels, and masking secrets out of them.
#include "core/http/http_exchange.h"

#include <gtest/gtest.h>

#include "core/http/http_client.h"
#include "core/protocol/secret_masker.h"
#include "tests/support/local_http_server.h"

using namespace manifold::http;
using manifold::protocol::SecretMasker;
using manifold::testing::LocalHttpServer;
using nlohmann::json;

namespace {

// HttpRequest is an aggregate; this keeps the tests short without designated initializers,
// which GCC's -Wmissing-field-initializers flags when fields are left out.
HttpRequest makeRequest(std::string url, std::string method = "GET", HttpHeaders headers = {},
                        std::optional<std::string> body = std::nullopt,
                        std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
  HttpRequest r;
  r.url = std::move(url);
  r.method = std::move(method);
  r.headers = std::move(headers);
  r.body = std::move(body);
  r.timeout = timeout;
  return r;
}

}  // namespace

TEST(HttpExchange, RecordsARealExchangeInTheBuilderShape) {
  LocalHttpServer server;
  server.server().Post("/q", [](const httplib::Request&, httplib::Response& res) {
    res.status = 201;
    res.set_header("X-Request-Id", "r1");
    res.set_content(R"({"ok":true})", "application/json");
  });
  server.start();
  HttpClient client;
  auto r = client.send(makeRequest(server.baseUrl() + "/q?k=v", "POST", HttpHeaders{{"Content-Type", "application/json"}}, R"({"a":1})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  json j = HttpExchange::fromResult(r).toJson();
  EXPECT_EQ(j["request"]["url"], server.baseUrl() + "/q?k=v");
  EXPECT_EQ(j["request"]["http_method"], "POST");
  EXPECT_EQ(j["request"]["body"], R"({"a":1})");
  EXPECT_EQ(j["request"]["headers"]["Content-Type"], "application/json");
  EXPECT_TRUE(j["request"]["headers"].contains("Host"));
  EXPECT_EQ(j["response"]["status"], 201);
  EXPECT_EQ(j["response"]["body"], R"({"ok":true})");
  EXPECT_EQ(j["response"]["headers"]["X-Request-Id"], "r1");
  EXPECT_GT(j["elapsed_ms"].get<double>(), 0.0);
  EXPECT_FALSE(j.contains("error"));
}

TEST(HttpExchange, ErrorRecordKeepsTheRequestAndHasNoResponse) {
  HttpClient client;
  auto r = client.send(makeRequest("file:///etc/passwd"));
  json j = HttpExchange::fromResult(r).toJson();
  EXPECT_TRUE(j["response"].is_null());
  EXPECT_EQ(j["error"]["kind"], "unsupported_scheme");
  EXPECT_EQ(j["request"]["url"], "file:///etc/passwd");
}

TEST(HttpExchange, MaskingRemovesSecretsEverywhere) {
  HttpExchange e;
  e.request.method = "POST";
  e.request.url = "https://a.io/x?api_key=p%40ss+w0rd&q=1";
  e.request.headers = {{"Authorization", "Basic dXNlcjpwQHNzIHcwcmQ="},
                       {"X-Api-Key", "anything"},
                       {"X-Custom", "has p@ss w0rd inside"},
                       {"Accept", "*/*"}};
  e.request.body = R"({"password":"p@ss w0rd"})";
  e.status = 200;
  e.responseHeaders = {{"Set-Cookie", "sid=1"}, {"X-Echo", "p@ss w0rd"}};
  e.responseBody = "echo p@ss w0rd";
  maskExchange(e, SecretMasker({"p@ss w0rd"}));
  EXPECT_EQ(e.request.url, "https://a.io/x?api_key=****&q=1");
  EXPECT_EQ(*findHeader(e.request.headers, "Authorization"), "****");
  EXPECT_EQ(*findHeader(e.request.headers, "X-Api-Key"), "****");
  EXPECT_EQ(*findHeader(e.request.headers, "X-Custom"), "has **** inside");
  EXPECT_EQ(*findHeader(e.request.headers, "Accept"), "*/*");
  EXPECT_EQ(*e.request.body, R"({"password":"****"})");
  EXPECT_EQ(*findHeader(e.responseHeaders, "Set-Cookie"), "****");
  EXPECT_EQ(*findHeader(e.responseHeaders, "X-Echo"), "****");
  EXPECT_EQ(e.responseBody, "echo ****");
  EXPECT_EQ(json(e.toJson()).dump().find("p@ss"), std::string::npos);
}

TEST(HttpExchange, MaskingFromAListOfSecrets) {
  HttpExchange e;
  e.request.url = "https://a.io/?token=abc%2F123";
  e.responseBody = "abc/123";
  maskExchange(e, std::vector<std::string>{"abc/123"});
  EXPECT_EQ(e.request.url, "https://a.io/?token=****");
  EXPECT_EQ(e.responseBody, "****");
}

TEST(HttpExchange, CredentialHeaderNames) {
  for (const char* name : {"Authorization", "proxy-authorization", "Cookie", "X-API-Key", "Api-Key", "X-Auth-Token",
                           "X-Client-Secret", "apikey"}) {
    EXPECT_TRUE(isCredentialHeaderName(name)) << name;
  }
  for (const char* name : {"Accept", "Content-Type", "X-Request-Id", "User-Agent"}) {
    EXPECT_FALSE(isCredentialHeaderName(name)) << name;
  }
}
