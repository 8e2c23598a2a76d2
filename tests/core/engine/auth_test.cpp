// Authenticators, each checked by the credentials the server receives.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.server().Post("/items", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.start();
  }

  // Reads "items" with the given authenticator YAML (indented for the requester).
  CollectedRead readWith(const std::string& authenticator, const nlohmann::json& config,
                         const std::string& extra = "") {
    const std::string yaml = withBase(oneStreamManifest("        type: HttpRequester\n"
                                                        "        url_base: BASE\n"
                                                        "        path: /items\n" + extra +
                                                        "        authenticator:\n" + authenticator),
                                      server_.baseUrl());
    source_ = buildSource(yaml, config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(AuthTest, ApiKeyInHeader) {
  auto read = readWith("          type: ApiKeyAuthenticator\n"
                       "          api_token: \"{{ config.key }}\"\n"
                       "          inject_into: {type: RequestOption, inject_into: header, field_name: X-Api-Key}\n",
                       {{"key", "k-123"}});
  ASSERT_TRUE(read.result.succeeded());
  ASSERT_EQ(server_.requestCount(), 1u);
  EXPECT_EQ(server_.requests()[0].header("X-Api-Key"), "k-123");
}

TEST_F(AuthTest, ApiKeyAsRequestParameter) {
  auto read = readWith("          type: ApiKeyAuthenticator\n"
                       "          api_token: \"{{ config.key }}\"\n"
                       "          inject_into: {type: RequestOption, inject_into: request_parameter, field_name: api_key}\n",
                       {{"key", "a b"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].target, "/items?api_key=a+b");
}

TEST_F(AuthTest, ApiKeyDeprecatedHeaderField) {
  auto read = readWith("          type: ApiKeyAuthenticator\n"
                       "          api_token: \"Token {{ config.key }}\"\n"
                       "          header: Authorization\n",
                       {{"key", "xyz"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Token xyz");
}

TEST_F(AuthTest, ApiKeyInJsonBody) {
  auto read = readWith("          type: ApiKeyAuthenticator\n"
                       "          api_token: \"{{ config.key }}\"\n"
                       "          inject_into: {type: RequestOption, inject_into: body_json, field_name: token}\n",
                       {{"key", "k9"}}, "        http_method: POST\n        request_body_json: {q: x}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(nlohmann::json::parse(server_.requests()[0].body), (nlohmann::json{{"q", "x"}, {"token", "k9"}}));
}

TEST_F(AuthTest, Bearer) {
  auto read = readWith("          type: BearerAuthenticator\n"
                       "          api_token: \"{{ config.token }}\"\n",
                       {{"token", "t0k"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Bearer t0k");
}

TEST_F(AuthTest, Basic) {
  auto read = readWith("          type: BasicHttpAuthenticator\n"
                       "          username: \"{{ config.user }}\"\n"
                       "          password: \"{{ config.password }}\"\n",
                       {{"user", "alice"}, {"password", "s3cret"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Basic YWxpY2U6czNjcmV0");
}

TEST_F(AuthTest, BasicWithoutPasswordSendsEmptyPassword) {
  auto read = readWith("          type: BasicHttpAuthenticator\n"
                       "          username: \"{{ config.user }}\"\n",
                       {{"user", "alice"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Basic YWxpY2U6");
}

TEST_F(AuthTest, NoAuthSendsNoCredentials) {
  auto read = readWith("          type: NoAuth\n", nlohmann::json::object());
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "");
}

TEST_F(AuthTest, ManifestAuthorizationHeaderCollidesWithTheAuthenticator) {
  auto read = readWith("          type: BearerAuthenticator\n"
                       "          api_token: abc\n",
                       nlohmann::json::object(), "        request_headers: {Authorization: other}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("duplicate keys detected"), std::string::npos);
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(AuthTest, ExchangesReportedToTheSinkAreMasked) {
  auto read = readWith("          type: BearerAuthenticator\n"
                       "          api_token: \"{{ config.token }}\"\n",
                       {{"token", "very-secret-token"}});
  ASSERT_TRUE(read.result.succeeded());
  ASSERT_EQ(read.exchanges.size(), 1u);
  const std::string dumped = read.exchanges[0].toJson().dump();
  EXPECT_EQ(dumped.find("very-secret-token"), std::string::npos);
  EXPECT_EQ(read.exchangeInfos[0].title, "Stream 'items' request");
}

// SelectiveAuthenticator: the config value at authenticator_selection_path picks the authenticator.
const char* kSelective =
    "          type: SelectiveAuthenticator\n"
    "          authenticator_selection_path: [credentials, auth_type]\n"
    "          authenticators:\n"
    "            api_key:\n"
    "              type: ApiKeyAuthenticator\n"
    "              api_token: \"{{ config.credentials.key }}\"\n"
    "              inject_into: {type: RequestOption, inject_into: header, field_name: X-Api-Key}\n"
    "            token:\n"
    "              type: BearerAuthenticator\n"
    "              api_token: \"{{ config.credentials.token }}\"\n"
    "            \"True\":\n"
    "              type: BasicHttpAuthenticator\n"
    "              username: \"{{ config.credentials.user }}\"\n";

TEST_F(AuthTest, SelectiveAuthenticatorUsesTheOneTheConfigNames) {
  auto read = readWith(kSelective, {{"credentials", {{"auth_type", "token"}, {"token", "t-42"}, {"key", "unused"}}}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Bearer t-42");
  EXPECT_EQ(server_.requests()[0].header("X-Api-Key"), "");
  server_.clearRequests();
  read = readWith(kSelective, {{"credentials", {{"auth_type", "api_key"}, {"key", "k-9"}}}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server_.requests()[0].header("X-Api-Key"), "k-9");
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "");
}

TEST_F(AuthTest, SelectiveAuthenticatorMatchesPythonStrOfTheValue) {
  // str(True) is "True", as the reference compares.
  auto read = readWith(kSelective, {{"credentials", {{"auth_type", true}, {"user", "alice"}}}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server_.requests()[0].header("Authorization"), "Basic YWxpY2U6");
}

// The build error for a manifest with kSelective and `config`.
std::string selectiveBuildError(const std::string& base, const nlohmann::json& config) {
  return streamBuildError(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n"
                                                     "        authenticator:\n" + std::string(kSelective)),
                                   base),
                          config);
}

TEST_F(AuthTest, SelectiveAuthenticatorWithAnUnknownValueNamesThePathTheValueAndTheChoices) {
  const std::string error = selectiveBuildError(server_.baseUrl(), {{"credentials", {{"auth_type", "oauth"}}}});
  EXPECT_NE(error.find("'oauth'"), std::string::npos) << error;
  EXPECT_NE(error.find("['credentials', 'auth_type']"), std::string::npos) << error;
  EXPECT_NE(error.find("api_key, token, True"), std::string::npos) << error;
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(AuthTest, SelectiveAuthenticatorWithoutTheConfigValueNamesThePath) {
  const std::string error = selectiveBuildError(server_.baseUrl(), {{"credentials", {{"key", "k"}}}});
  EXPECT_NE(error.find("authenticator_selection_path"), std::string::npos) << error;
  EXPECT_NE(error.find("['credentials', 'auth_type']"), std::string::npos) << error;
}

}  // namespace
}  // namespace manifold::engine
