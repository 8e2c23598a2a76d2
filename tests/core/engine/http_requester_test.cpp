// HttpRequester: URL joining, methods, parameters, headers and bodies as the server receives them.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class RequesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reply = [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    };
    server_.server().Get(".*", reply);
    server_.server().Post(".*", reply);
    server_.server().Patch(".*", reply);
    server_.server().Delete(".*", reply);
    server_.start();
  }

  CollectedRead readWith(const std::string& requester, const nlohmann::json& config = nlohmann::json::object(),
                         bool validated = true) {
    const std::string yaml = withBase(oneStreamManifest("        type: HttpRequester\n" + requester), server_.baseUrl());
    source_ = validated ? buildSource(yaml, config) : buildUnvalidated(yaml, config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  manifold::testing::ReceivedRequest only() {
    const auto requests = server_.requests();
    EXPECT_EQ(requests.size(), 1u);
    return requests.empty() ? manifold::testing::ReceivedRequest{} : requests[0];
  }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(RequesterTest, JoinsBaseWithPathPrefix) {
  auto read = readWith("        url_base: BASE/api\n        path: users\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(only().path, "/api/users");
}

TEST_F(RequesterTest, LeadingSlashOfPathDoesNotDropBasePath) {
  auto read = readWith("        url_base: BASE/api/\n        path: /v1/users/\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(only().path, "/api/v1/users/");
}

TEST_F(RequesterTest, PathAndBaseAreTemplates) {
  auto read = readWith("        url_base: \"{{ config.base }}\"\n        path: \"/accounts/{{ config.account }}/items\"\n",
                       {{"base", server_.baseUrl()}, {"account", 42}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(only().path, "/accounts/42/items");
}

TEST_F(RequesterTest, RequestParametersFollowTheReferenceRules) {
  auto read = readWith(
      "        url_base: BASE\n        path: /items\n"
      "        request_parameters:\n"
      "          a: \"5\"\n"
      "          hex: \"0x1F\"\n"
      "          ids: \"{{ config.ids }}\"\n"
      "          empty: \"{{ config.missing }}\"\n"
      "          q: \"a b:c,d\"\n",
      {{"ids", {1, 2}}});
  ASSERT_TRUE(read.result.succeeded());
  // Parameters are a JSON object, so they go out in key order; the empty one is dropped.
  EXPECT_EQ(only().target, "/items?a=5&hex=0x1F&ids=1&ids=2&q=a+b%3Ac%2Cd");
}

TEST_F(RequesterTest, HeadersArePythonStrOfTheirValues) {
  auto read = readWith(
      "        url_base: BASE\n        path: /items\n"
      "        request_headers:\n"
      "          X-Hex: \"0x1F\"\n"
      "          X-Count: \"{{ config.n }}\"\n"
      "          X-Empty: \"\"\n",
      {{"n", 3}});
  ASSERT_TRUE(read.result.succeeded());
  const auto request = only();
  EXPECT_EQ(request.header("X-Hex"), "31");
  EXPECT_EQ(request.header("X-Count"), "3");
  EXPECT_FALSE(request.headers.count("X-Empty"));
}

TEST_F(RequesterTest, JsonBodyAppliesTheLiteralRuleToEveryString) {
  auto read = readWith(
      "        url_base: BASE\n        path: /search\n        http_method: POST\n"
      "        request_body_json:\n"
      "          id: \"123\"\n"
      "          f: \"1.50\"\n"
      "          b: \"True\"\n"
      "          t: \"true\"\n"
      "          none: \"{{ config.missing }}\"\n"
      "          nested: {limit: \"{{ config.limit }}\"}\n",
      {{"limit", 50}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto request = only();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(request.body),
            (nlohmann::json{{"id", 123}, {"f", 1.5}, {"b", true}, {"t", "true"}, {"nested", {{"limit", 50}}}}));
  // requests' json.dumps separators.
  EXPECT_NE(request.body.find("\"b\": true, "), std::string::npos);
}

TEST_F(RequesterTest, FormBodyIsUrlEncoded) {
  auto read = readWith(
      "        url_base: BASE\n        path: /search\n        http_method: POST\n"
      "        request_body_data:\n"
      "          q: \"a b\"\n"
      "          n: \"5\"\n");
  ASSERT_TRUE(read.result.succeeded());
  const auto request = only();
  EXPECT_EQ(request.header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body, "n=5&q=a+b");
}

TEST_F(RequesterTest, TypedGraphQlBodyIsJson) {
  auto read = readWith(
      "        url_base: BASE\n        path: /graphql\n        http_method: POST\n"
      "        request_body:\n"
      "          type: RequestBodyGraphQL\n"
      "          value: {query: \"{ items { id } }\"}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(nlohmann::json::parse(only().body), (nlohmann::json{{"query", "{ items { id } }"}}));
}

TEST_F(RequesterTest, DeleteDropsTheBody) {
  auto read = readWith(
      "        url_base: BASE\n        path: /items\n        http_method: DELETE\n"
      "        request_body_json: {a: 1}\n",
      nlohmann::json::object(), /*validated=*/false);
  ASSERT_TRUE(read.result.succeeded());
  const auto request = only();
  EXPECT_EQ(request.method, "DELETE");
  EXPECT_EQ(request.body, "");
}

TEST_F(RequesterTest, UndeclaredVariableInPathFailsWithTheField) {
  auto read = readWith("        url_base: BASE\n        path: \"/x/{{ nope }}\"\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("path"), std::string::npos);
  EXPECT_EQ(server_.requestCount(), 0u);
}

}  // namespace
}  // namespace manifold::engine
